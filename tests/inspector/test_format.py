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


def test_the_access_line_of_a_served_request_writes_no_decision_detail() -> None:
    from multidict import CIMultiDict, CIMultiDictProxy

    from emulator.http import Scheme, ViewerRequest
    from emulator.inspector.format import access_line
    from emulator.trace import Trace

    written: list[str] = []

    def detail(text: str) -> str:
        written.append(text)
        return text

    trace = Trace("req-1")
    trace.later("behavior", "/api/*", None, detail, "'/api/x' matched cache_behaviors[0]")
    trace.later("origin", "200", None, detail, "origin 'api' answered 200")
    trace.later("response", "miss", None, detail, "X-Cache: Miss from cloudfront")
    request = ViewerRequest(method="GET", raw_path="/api/x", query="", headers=CIMultiDictProxy(CIMultiDict()),
                            scheme=Scheme.HTTP, http_version="1.1", client_ip="127.0.0.1", client_port=1, body=b"",
                            has_body=False, tls=None)
    line = access_line(request, 200, 10, 0.001, trace)
    assert line == '127.0.0.1 "GET /api/x HTTP/1.1" 200 10 1.0ms behavior=/api/* origin=200 result=miss id=req-1'
    assert written == []  # a line per request must not write the trace's sentences
    assert access_line(request, 502, 10, 0.001, trace).endswith('why="X-Cache: Miss from cloudfront"')
    assert written  # an error's line says why: then the details are written
