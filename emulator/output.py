"""Pure formatting of traces, config issues and access-log lines (the CLI and server print these)."""

from __future__ import annotations

from collections.abc import Sequence

from emulator.config.source import ConfigIssue, Severity
from emulator.http import OriginRequest, ViewerRequest
from emulator.trace import Trace


def access_line(request: ViewerRequest, status: int, sent: int, seconds: float, trace: Trace) -> str:
    """One readable line: who, what, status, how it was served, which behavior and origin, how long."""
    behavior = trace.find("behavior")
    response = trace.find("response")
    origin = trace.find("origin")
    parts = [
        request.client_ip,
        f'"{request.method} {request.target} HTTP/{request.http_version}"',
        str(status),
        str(sent),
        f"{seconds * 1000:.1f}ms",
        f"behavior={behavior.outcome if behavior else '-'}",
        f"origin={origin.outcome if origin else '-'}",
        f"result={response.outcome if response else '-'}",
        f"id={trace.request_id}",
    ]
    edge_error = next((d for d in trace.decisions if d.stage in ("origin", "viewer-method", "viewer-protocol",
                                                                 "distribution", "signed", "lambda") and d.outcome
                       in ("502", "504", "forbidden", "unknown-host", "error")), None)
    if edge_error is not None:
        parts.append(f'why="{edge_error.detail}"')
    return " ".join(parts)


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
