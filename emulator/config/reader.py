"""A typed view over one mapping of the plain config tree that reports problems instead of raising.

Every getter records an issue (with file:line:col) and returns a fallback, so the loader keeps going and
reports every problem at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path as FsPath
from typing import TypeVar

from emulator.config.engines import Engines
from emulator.config.foreign import KEYS, foreign_key
from emulator.config.yamlsrc import Path, SourceMap, dotted
from emulator.issues import ConfigIssue, Location, Severity

E = TypeVar("E", bound=StrEnum)


@dataclass
class Report:
    """One load: the source's map of locations, the folder paths are relative to, the issues found so far, and the
    engines the sections compile with (none for a file that compiles nothing, such as an overlay)."""

    smap: SourceMap
    base_dir: FsPath
    issues: list[ConfigIssue] = field(default_factory=list)
    given: Engines | None = None
    imported: bool = False  # the tree came from CloudFormation/CDK/Terraform: it may name what lives outside it

    @property
    def engines(self) -> Engines:
        if self.given is None:
            raise RuntimeError("this load was given no engines: the assembly hands them in (emulator/assembly.py)")
        return self.given

    def error(self, path: Path, message: str, expected: str = "", *, key: bool = False,
              field_path: Path | None = None) -> None:
        """Record an error at the value (or, with key=True, the key) at path; field_path names the field."""
        where = self.smap.at(path, key=key)
        name = dotted(path if field_path is None else field_path)
        self.issues.append(ConfigIssue(Severity.ERROR, where, name, message, expected))

    def warn(self, path: Path, message: str, *, key: bool = False) -> None:
        self.issues.append(ConfigIssue(Severity.WARNING, self.smap.at(path, key=key), dotted(path), message))

    def loc(self, path: Path) -> Location | None:
        return self.smap.at(path)


def _type_name(value: object) -> str:
    if value is None:
        return "nothing (null)"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "a mapping"}.get(type(value), type(value).__name__)


class Section:
    """One mapping in the config tree, at `path`."""

    def __init__(self, report: Report, path: Path, value: object) -> None:
        self.r = report
        self.path = path
        if value is None:
            value = {}
        if not isinstance(value, dict):
            report.error(path, f"must be a mapping, got {_type_name(value)}")
            value = {}
        self.data: dict[str, object] = value
        self._suggested: set[str] = set()  # keys offered as "did you mean": their absence is already reported

    def at(self, key: str | int) -> Path:
        return (*self.path, key)

    def has(self, key: str) -> bool:
        return key in self.data

    @property
    def location(self) -> Location | None:
        return self.r.loc(self.path)

    def check_keys(self, known: Iterable[str], not_implemented: Mapping[str, str] | None = None) -> None:
        """Unknown keys are errors (with a suggestion); known-but-unimplemented CloudFront fields warn."""
        known = list(known)
        later = dict(not_implemented or {})
        for key in self.data:
            if key in known:
                continue
            if key in later:
                self.r.warn(self.at(key), f"'{key}' is not emulated yet and is ignored: {later[key]}", key=True)
                continue
            if (foreign := foreign_key(key, known)) is not None:
                self._suggested.add(KEYS[key][1])
                self.r.error(self.at(key), f"unknown key: {foreign}", key=True, field_path=self.path)
                continue
            guess = difflib.get_close_matches(key, [*known, *later], n=1, cutoff=0.6)
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            self._suggested.update(guess)
            self.r.error(self.at(key), f"unknown key '{key}'{hint}", "" if guess else f"one of: {', '.join(known)}",
                         key=True, field_path=self.path)

    def _get(self, key: str, required: bool, expected: str) -> object:
        if key not in self.data or self.data[key] is None:
            if required and key not in self._suggested:
                self.r.error(self.path, f"missing required key '{key}'", expected)
            return None
        return self.data[key]

    def str(self, key: str, default: str | None = None, *, required: bool = False,
            expected: str = "a string") -> str | None:
        value = self._get(key, required, expected)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.r.error(self.at(key), f"must be a string, got {_type_name(value)}", expected)
            return default
        return str(value)

    def int(self, key: str, default: int, lo: int, hi: int, *, allowed: Iterable[int] = (),
            expected: str = "") -> int:
        allowed = tuple(allowed)
        expected = expected or f"a whole number from {lo} to {hi}"
        value = self._get(key, False, expected)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.r.error(self.at(key), f"must be a whole number, got {value!r}", expected)
            return default
        if not (lo <= value <= hi or value in allowed):
            self.r.error(self.at(key), f"{value} is out of range", expected)
            return default
        return value

    def float(self, key: str, default: float, lo: float, hi: float) -> float:
        expected = f"a number from {lo:g} to {hi:g}"
        value = self._get(key, False, expected)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.r.error(self.at(key), f"must be a number, got {value!r}", expected)
            return default
        if not lo <= value <= hi:
            self.r.error(self.at(key), f"{value} is out of range", expected)
            return default
        return float(value)

    def bool(self, key: str, default: bool) -> bool:
        value = self._get(key, False, "true or false")
        if value is None:
            return default
        if not isinstance(value, bool):
            self.r.error(self.at(key), f"must be true or false, got {value!r}", "true or false")
            return default
        return value

    def enum(self, key: str, enum: type[E], default: E | None, *, required: bool = False) -> E | None:
        choices = ", ".join(e.value for e in enum)
        value = self._get(key, required, f"one of: {choices}")
        if value is None:
            return default
        try:
            return enum(str(value))
        except ValueError:
            guess = difflib.get_close_matches(str(value), [e.value for e in enum], n=1, cutoff=0.6)
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            self._suggested.update(guess)
            self.r.error(self.at(key), f"'{value}' is not a valid value{hint}", f"one of: {choices}")
            return default

    def strs(self, key: str, *, expected: str = "a list of strings") -> list[str] | None:
        value = self._get(key, False, expected)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]  # a lone string is a one-item list, as in the CLI's shorthand
        if not isinstance(value, list) or not all(isinstance(v, str | int) and not isinstance(v, bool)
                                                  for v in value):
            bad = next((i for i, v in enumerate(value) if not isinstance(v, str | int) or isinstance(v, bool)), None) \
                if isinstance(value, list) else None
            got = _type_name(value) if bad is None else f"item {bad + 1} of {len(value)} is {_type_name(value[bad])}"
            self.r.error(self.at(key), f"must be a list of strings, got {got}", expected)
            return None
        return [str(v) for v in value]

    def section(self, key: str, *, required: bool = False) -> Section | None:
        value = self._get(key, required, "a mapping")
        return None if value is None else Section(self.r, self.at(key), value)

    def items(self, key: str) -> list[tuple[Path, object]]:
        """The entries of a list, each with its path; reports a non-list."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.r.error(self.at(key), f"must be a list, got {_type_name(value)}")
            return []
        return [(self.at(key) + (i,), item) for i, item in enumerate(value)]
