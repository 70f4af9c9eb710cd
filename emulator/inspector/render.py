"""Entries as JSON-ready values, rendered when the API is asked (never on the request path)."""

from __future__ import annotations

import dataclasses
import re
import shlex
from enum import Enum
from typing import Any

from emulator.cf_functions import build_event
from emulator.http import Headers, ViewerRequest
from emulator.inspector import format as output
from emulator.inspector.history import Entry
from emulator.trace import Decision, FunctionRun, OriginExchange

BODY_PREVIEW = 4096  # bytes of a function-generated body shown in the detail view
_TARGET = re.compile(r"-> origin '([^']+)'$")  # the behavior decision names its target origin last


def headers(h: Headers | None) -> list[list[str]]:
    return [[k, v] for k, v in h.items()] if h is not None else []


def summary(entry: Entry) -> dict[str, Any]:
    """One row of the list: enough to filter on (status, behavior, origin, text) without the detail."""
    viewer = entry.trace.viewer
    behavior = entry.trace.find("behavior")
    distribution = entry.trace.find("distribution")
    result = entry.headers.get("X-Cache", "")
    # The origin that answered: the last one asked (an origin group's secondary after a failover).
    origin = next((x.request.origin_id for x in reversed(entry.trace.exchanges) if x.purpose == "origin"), None)
    if origin is None and result.startswith("Hit") and behavior and (m := _TARGET.search(behavior.detail)):
        origin = m.group(1)  # served from the cache: the origin it came from
    return {
        "id": entry.id,
        "seq": entry.seq,
        "time": entry.time,
        "method": viewer.method if viewer else "",
        "host": viewer.headers.get("Host", "") if viewer else "",
        "target": viewer.target if viewer else "",
        "scheme": viewer.scheme.value if viewer else "",
        "status": entry.status,
        "sent": entry.sent,
        "duration_ms": round(entry.duration_ms, 2),
        "distribution": distribution.outcome if distribution else None,
        "behavior": behavior.outcome if behavior else None,
        "origin": origin,
        "x_cache": result,
        "why": why(entry),
    }


def why(entry: Entry) -> str | None:
    """The cause of a response that is not 2xx/3xx (None for success)."""
    return output.why(entry.trace.decisions, entry.status) if entry.status >= 400 else None


def detail(entry: Entry) -> dict[str, Any]:
    trace = entry.trace
    out = summary(entry)
    out["viewer_request"] = viewer_request(trace.viewer) if trace.viewer else None
    out["decisions"] = [decision(d) for d in trace.decisions]
    # The cache's key, lookup result and TTL reasoning (stage 7), apart for the detail view.
    out["cache"] = [decision(d) for d in trace.decisions if d.stage.startswith("cache")]
    out["functions"] = [function_run(r) for r in trace.functions]
    out["function_logs"] = [f"{r.name}: {line}" for r in trace.functions for line in r.result.logs]
    out["lambda_logs"] = [f"{d.outcome}: {d.detail}" for d in trace.decisions if d.stage == "lambda-log"]
    out["origin_exchanges"] = [exchange(x) for x in trace.exchanges]
    out["response"] = {"status": entry.status, "headers": headers(entry.headers), "body_bytes": entry.sent}
    out["timings"] = timings(trace.decisions, entry.duration_ms)
    out["curl"] = curl(entry)
    out["listener"] = entry.listener
    out["repeat_of"] = trace.repeat_of  # answered without stages 1-7a, as decided for this earlier request
    return out


def viewer_request(v: ViewerRequest) -> dict[str, Any]:
    return {"method": v.method, "target": v.target, "scheme": v.scheme.value, "http_version": v.http_version,
            "client_ip": v.client_ip, "client_port": v.client_port, "tls": v.tls, "headers": headers(v.headers),
            "has_body": v.has_body}


def decision(d: Decision) -> dict[str, Any]:
    return {"stage": d.stage, "outcome": d.outcome, "detail": d.detail,
            "location": str(d.location) if d.location else None, "at_ms": round(d.at_ms, 3)}


def timings(decisions: list[Decision], total_ms: float) -> list[dict[str, Any]]:
    """Time spent up to each stage's (last) decision, in stage order: where a slow request lost its time."""
    out: list[dict[str, Any]] = []
    previous = 0.0
    for d in decisions:
        if out and out[-1]["stage"] == d.stage:
            out[-1]["ms"] = round(out[-1]["ms"] + d.at_ms - previous, 3)
        else:
            out.append({"stage": d.stage, "ms": round(d.at_ms - previous, 3)})
        previous = d.at_ms
    out.append({"stage": "send", "ms": round(max(total_ms - previous, 0.0), 3)})
    return out


def exchange(x: OriginExchange) -> dict[str, Any]:
    r = x.request
    return {"purpose": x.purpose, "origin": r.origin_id, "url": r.url_for_display,
            "connect": f"{r.connect_host}:{r.connect_port}", "method": r.method, "target": r.target,
            "headers": headers(r.headers), "status": x.status, "response_headers": headers(x.headers),
            "failure": x.failure}


def function_run(run: FunctionRun) -> dict[str, Any]:
    result = run.result
    return {"name": run.name, "event_type": run.event_type, "event": build_event(run.request, run.response),
            "outcome": type(result.outcome).__name__, "result": plain(result.outcome), "logs": list(result.logs),
            "duration_us": result.duration_us, "compute_utilization": result.compute_utilization}


def plain(value: Any) -> Any:
    """A function outcome (frozen dataclasses, enums, tuples, bytes) as JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        text = value[:BODY_PREVIEW].decode("utf-8", "replace")
        return text + (f"… ({len(value)} bytes)" if len(value) > BODY_PREVIEW else "")
    return value


def curl(entry: Entry) -> str:
    """The request again, as a curl command against the listener it came in on."""
    v = entry.trace.viewer
    if v is None:
        return ""
    parts = ["curl", "-i"]
    if v.method not in ("GET", "HEAD"):
        parts += ["-X", v.method]
    elif v.method == "HEAD":
        parts.append("--head")
    if v.scheme.value == "https":
        parts.append("-k")
    for name, value in v.headers.items():
        if name.lower() in ("content-length", "transfer-encoding", "connection"):
            continue
        parts += ["-H", f"{name}: {value}"]
    if v.has_body:
        parts += ["--data-binary", "@-"]  # the body is streamed through, not kept
    parts.append(entry.listener + v.target)
    return " ".join(shlex.quote(p) for p in parts)
