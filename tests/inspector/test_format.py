"""Terminal output: warnings wrapped to the width with an indent, colour only when asked."""

from __future__ import annotations

import logging

from emulator.inspector.format import format_issue_for_terminal, paint
from emulator.issues import ConfigIssue, Location, Severity
from emulator.serve.process import StatusColours

ISSUE = ConfigIssue(Severity.WARNING, Location("site.yaml", 9, 7), "distribution 'default' cache_behaviors[1]",
                    "can never match: the earlier cache_behaviors[0] (/api/*) matches every path it does, and "
                    "CloudFront uses the first match", "'/api/v1/*' above '/api/*'")


def test_wrapped_to_the_width_with_indented_continuations() -> None:
    text = format_issue_for_terminal(ISSUE, 60, colour=False)
    lines = text.splitlines()
    assert all(len(line) <= 60 for line in lines) and len(lines) >= 4
    assert lines[0].startswith("site.yaml:9:7: warning: distribution")
    assert all(line.startswith("    ") for line in lines[1:])
    assert " ".join(line.strip() for line in lines) == " ".join(ISSUE.format().split())


def test_colour_marks_the_warning_only_when_enabled() -> None:
    assert "\x1b[" not in format_issue_for_terminal(ISSUE, 200, colour=False)
    coloured = format_issue_for_terminal(ISSUE, 200, colour=True)
    assert coloured.startswith("site.yaml:9:7: \x1b[33mwarning:\x1b[0m distribution")
    assert paint("x", "red", False) == "x" and paint("x", "red", True) == "\x1b[31mx\x1b[0m"


def test_access_lines_by_status() -> None:
    def line(status: int) -> str:
        record = logging.LogRecord("frontyard.access", logging.INFO, __file__, 1,
                                   f'127.0.0.1 "GET /x HTTP/1.1" {status} 10 1.0ms behavior=x', None, None)
        return StatusColours("%(message)s").format(record)

    assert line(200) == '127.0.0.1 "GET /x HTTP/1.1" 200 10 1.0ms behavior=x'
    assert line(404).startswith("\x1b[33m") and line(502).startswith("\x1b[31m")
