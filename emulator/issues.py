"""Where a config value came from, and the issues found in a config."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath


@dataclass(frozen=True)
class Location:
    file: str
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        if not self.line:  # about the whole file: no ':0:0'
            return self.file
        return f"{self.file}:{self.line}:{self.col}" if self.col else f"{self.file}:{self.line}"

    @property
    def short(self) -> str:
        return f"{PurePath(self.file).name}:{self.line}"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class ConfigIssue:
    severity: Severity
    location: Location | None
    field: str  # dotted path: distribution.cache_behaviors[2].allowed_methods
    message: str
    expected: str = ""  # what would be accepted, shown on its own line

    def format(self) -> str:
        where = f"{self.location}: " if self.location else ""
        kind = "warning: " if self.severity is Severity.WARNING else ""
        text = f"{where}{kind}{self.field}: {self.message}" if self.field else f"{where}{kind}{self.message}"
        if self.expected:
            text += f"\n    expected {self.expected}"
        return text
