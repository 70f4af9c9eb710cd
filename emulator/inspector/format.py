"""Pure formatting of traces, config issues and access-log lines (the CLI and server print these)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from emulator.http import OriginRequest, ViewerRequest
from emulator.issues import ConfigIssue, Severity
from emulator.trace import Decision, Trace


def access_line(request: ViewerRequest, status: int, sent: int, seconds: float, trace: Trace) -> str:
    """One readable line: who, what, status, how it was served, which behavior and origin, how long."""
    last = {"behavior": "-", "origin": "-", "response": "-"}  # each stage's last outcome: one pass, per request
    for stage, outcome in trace.outcomes():
        if stage in last:
            last[stage] = outcome
    line = f'{request.client_ip} "{request.method} {request.target} HTTP/{request.http_version}" {status} {sent} ' \
        f'{seconds * 1000:.1f}ms behavior={last["behavior"]} origin={last["origin"]} result={last["response"]} ' \
        f"id={trace.request_id}"
    return line + f' why="{why(trace.decisions, status)}"' if status >= 400 else line


# The stages whose failure explains a response that is not 2xx/3xx, most telling first.
_CAUSE_STAGES = ("distribution", "viewer-protocol", "viewer-method", "loop", "signed", "function", "lambda",
                 "websocket", "origin", "error-response")


def why(decisions: Sequence[Decision], status: int) -> str:
    """Why a response is not 2xx/3xx, in one sentence: the failing decision's detail, else what the origin
    answered."""
    failed = [d for d in decisions if d.failed and d.stage != "response"]
    for stage in _CAUSE_STAGES:
        found = next((d for d in reversed(failed) if d.stage == stage), None)
        if found is not None:
            return found.detail.replace('"', "'")
    if failed:
        return failed[-1].detail.replace('"', "'")
    origin = next((d for d in reversed(decisions) if d.stage == "origin"), None)
    if origin is not None and origin.outcome == str(status):
        return f"the origin answered {status}"
    response = next((d for d in reversed(decisions) if d.stage == "response"), None)
    return response.detail.replace('"', "'") if response is not None else f"status {status}"


def refusal_line(client_ip: str, method: str, target: str, status: int, sent: int, request_id: str,
                 why: str) -> str:
    """The access line of a request refused before the pipeline (too large, or not parseable HTTP)."""
    shown = target if len(target) <= 200 else target[:200] + "…"
    why = why.replace("\\", "\\\\").replace('"', '\\"')
    return f'{client_ip} "{method} {shown}" {status} {sent} 0.0ms result=error id={request_id} why="{why}"'


def format_issues(file: str, issues: Sequence[ConfigIssue]) -> str:
    lines = [i.format() for i in issues]
    errors = sum(1 for i in issues if i.severity is Severity.ERROR)
    warnings = len(issues) - errors
    summary = f"{errors} error{'s' if errors != 1 else ''}"
    if warnings:
        summary += f", {warnings} warning{'s' if warnings != 1 else ''}"
    lines.append(f"{summary} in {file}")
    return "\n".join(lines)


def format_trace(trace: Trace) -> str:
    width = max((len(d.stage) for d in trace.decisions), default=0)
    lines = []
    for d in trace.decisions:
        where = f"  [{d.location}]" if d.location else ""
        lines.append(f"{d.stage:<{width}}  {d.outcome}: {d.detail}{where}")
    return "\n".join(lines)


def format_origin_request(req: OriginRequest) -> str:
    lines = [f"{req.method} {req.target} HTTP/1.1"]
    lines += [f"{k}: {v}" for k, v in req.headers.items()]
    return "\n".join(lines)


# -- terminals ------------------------------------------------------------------------------------------
_COLOURS = {"red": "31", "yellow": "33", "dim": "2", "bold": "1"}


def paint(text: str, colour: str, enabled: bool) -> str:
    return f"\x1b[{_COLOURS[colour]}m{text}\x1b[0m" if enabled else text


def status_colour(status: int) -> str | None:
    return "red" if status >= 500 else "yellow" if status >= 400 else None


def format_issue_for_terminal(issue: ConfigIssue, width: int, colour: bool) -> str:
    """An issue wrapped to the terminal's width (continuation lines indented), 'warning:' in colour."""
    lines = []
    for n, line in enumerate(issue.format().splitlines()):
        indent = "    " if n or line.startswith("    ") else ""
        lines += textwrap.wrap(line.strip(), width=max(width, 40), initial_indent=indent,
                               subsequent_indent="    ", break_on_hyphens=False, break_long_words=False) or [""]
    text = "\n".join(lines)
    return text.replace("warning:", paint("warning:", "yellow", colour), 1) if colour else text
