"""Exceptions with stable codes, so the CLI and tests can tell failures apart without parsing text."""

from __future__ import annotations

from collections.abc import Sequence

from emulator.issues import ConfigIssue, Severity


class FrontyardError(Exception):
    code = "frontyard"


class ConfigError(FrontyardError):
    """The configuration has at least one error; carries every issue found (errors and warnings)."""

    code = "config.invalid"

    def __init__(self, file: str, issues: Sequence[ConfigIssue]) -> None:
        self.file = file
        self.issues = tuple(issues)
        errors = [i for i in self.issues if i.severity is Severity.ERROR]
        super().__init__(f"{len(errors)} error{'s' if len(errors) != 1 else ''} in {file}")

    @property
    def errors(self) -> tuple[ConfigIssue, ...]:
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)


class OriginError(FrontyardError):
    """The origin could not be reached or did not answer in time. `status` is what CloudFront returns."""

    code = "origin"

    def __init__(self, status: int, result: str, cause: str) -> None:
        self.status = status  # 502 or 504
        self.result = result  # CloudFront's x-edge-detailed-result-type: OriginConnectError, ...
        self.cause = cause  # the precise reason, for the trace and the log
        super().__init__(cause)


class OriginConnectError(OriginError):
    code = "origin.connect"


class OriginTimeoutError(OriginError):
    code = "origin.timeout"


class OriginTLSError(OriginError):
    code = "origin.tls"
