"""Load-time errors of CloudFront Functions: every problem found, each with its location."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a function or a key value store file, located like a compiler message."""

    path: str
    line: int  # 1-based; 0 when the problem is about the whole file
    col: int  # 1-based; 0 when the problem is about the whole file
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{self.path}: {self.message}"


class FunctionLoadError(Exception):
    """A function (or key value store) cannot be loaded. Carries all problems, not just the first."""

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
