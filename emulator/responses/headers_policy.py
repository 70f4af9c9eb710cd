"""Response headers policies (AWS: "Understand response headers policies"): CORS, security headers, custom headers,
removed headers and
Server-Timing, applied at stage 12 to every response a behavior sends, from the origin or the cache alike.

Pure: `apply` takes the response headers and returns new ones plus one note per header added, kept, replaced or
removed, which the pipeline writes to the trace. Order, as AWS documents it: removals first, then additions
(CORS, security, custom), then Server-Timing.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from email.utils import formatdate

from multidict import CIMultiDict

from emulator.config.model import CacheBehavior, EmulatorSettings
from emulator.config.model.headers import CorsConfig, PolicyHeader, ResponseHeadersPolicy
from emulator.http import EdgeResponse, Headers, ViewerRequest, freeze
from emulator.responses.responder import CacheResult, finalize, generated_headers
from emulator.trace import Trace

_ORIGIN = re.compile(r"^(?:(?P<scheme>[a-z][a-z0-9+.-]*)://)?(?P<host>[^:/]*)(?::(?P<port>[^/]*))?$", re.I)
_CORS_PREFIX = "access-control-"


@dataclass(frozen=True)
class Note:
    outcome: str  # added | kept | replaced | removed | skipped
    detail: str


@dataclass(frozen=True)
class Timing:
    """What Server-Timing reports: how the response was served and how long things took (ms)."""

    cache: str  # hit | refresh | miss
    pop: str
    request_id: str
    upstream_fbl: float | None = None  # origin first byte, on a miss
    downstream_fbl: float = 0.0  # request received -> response headers ready


def is_cors(request: ViewerRequest) -> bool:
    return "Origin" in request.headers


def is_preflight(request: ViewerRequest) -> bool:
    """A CORS preflight: OPTIONS with Origin and Access-Control-Request-Method (the Fetch standard's definition;
    CloudFront's exact test is not documented in AWS's "Understand response headers policies")."""
    return request.method == "OPTIONS" and is_cors(request) and "Access-Control-Request-Method" in request.headers


def origin_allowed(allowed: tuple[str, ...], origin: str) -> bool:
    """AWS's matching table for Access-Control-Allow-Origin entries: '*', an exact origin (a pattern without a
    scheme matches http and https), '*.' as the leftmost label, '*' inside the port."""
    got = _ORIGIN.match(origin.strip())
    if got is None:
        return False
    scheme, host, port = (got["scheme"] or "").lower(), got["host"].lower(), got["port"]
    for pattern in allowed:
        if pattern == "*":
            return True
        want = _ORIGIN.match(pattern)
        if want is None:
            continue
        if want["scheme"] and want["scheme"].lower() != scheme:
            continue
        host_pattern = want["host"].lower()
        if host_pattern.startswith("*."):
            if not host.endswith(host_pattern[1:]):
                continue
        elif host_pattern != host:
            continue
        port_pattern = want["port"]
        if port_pattern is None:
            if port is None:
                return True
            continue
        if port is None:
            if port_pattern == "*":
                return True
            continue
        if re.fullmatch(re.escape(port_pattern).replace(r"\*", "[0-9]*"), port):
            return True
    return False


def preflight_response(settings: EmulatorSettings, now: float, request_id: str) -> EdgeResponse:
    """The edge's answer to a CORS preflight: 200, no body; the policy's CORS headers come at stage 12."""
    headers = generated_headers("", now)
    headers.popall("Content-Type")
    headers["Content-Length"] = "0"
    return EdgeResponse(200, "OK", finalize(headers, CacheResult.MISS, settings, request_id), b"")


def finish(behavior: CacheBehavior, request: ViewerRequest, response: EdgeResponse, pop: str, elapsed_ms: float,
           now: float, trace: Trace) -> EdgeResponse:
    """Stage 12's last step: the behavior's policy applied to the response, each change traced."""
    policy = behavior.headers_policy
    assert policy is not None
    x_cache = response.headers.get("X-Cache", "")
    cache = "hit" if x_cache.startswith("Hit") else "refresh" if x_cache.startswith("RefreshHit") else "miss"
    timing = Timing(cache, pop, trace.request_id, None if cache == "hit" else trace.timings.get("origin_fbl"),
                    elapsed_ms)
    headers, notes = apply(policy, request, response.headers, now, timing)
    trace.add("headers-policy", policy.name, f"response headers policy '{policy.name}'", behavior.location)
    for note in notes:
        trace.add("headers-policy", note.outcome, note.detail)
    return replace(response, headers=freeze(headers))


def apply(policy: ResponseHeadersPolicy, request: ViewerRequest, headers: Headers, now: float,
          timing: Timing | None = None, sample: float | None = None) -> tuple[CIMultiDict[str], list[Note]]:
    """The viewer headers after the policy, and why each changed. `sample` in [0, 100) decides Server-Timing
    sampling (random when None)."""
    out: CIMultiDict[str] = CIMultiDict(headers)
    notes: list[Note] = []
    for name in policy.remove:
        if name in out:
            out.popall(name)
            notes.append(Note("removed", f"{name} removed (remove_headers_config)"))
            # CloudFront puts its own back when the origin's Server or Date is removed (AWS: "Understand response
            # headers policies").
            if name.lower() == "server":
                out["Server"] = "CloudFront"
                notes.append(Note("added", "Server: CloudFront (the origin's was removed)"))
            elif name.lower() == "date":
                out["Date"] = formatdate(now, usegmt=True)
                notes.append(Note("added", "Date: the edge's own (the origin's was removed)"))
    if policy.cors is not None:
        notes += _cors(policy.cors, request, out)
    for header in policy.security:
        notes.append(_set(out, header, "security header"))
    for header in policy.custom:
        notes.append(_set(out, header, "custom header"))
    if policy.server_timing.enabled and timing is not None:
        notes.append(_server_timing(policy, request, out, timing, sample))
    return out, notes


def _set(out: CIMultiDict[str], header: PolicyHeader, kind: str) -> Note:
    if header.name in out and not header.override:
        return Note("kept", f"{header.name}: the origin's value kept ({kind}, override false)")
    replaced = header.name in out
    out.popall(header.name, None)
    out[header.name] = header.value
    verb = "replaced" if replaced else "added"
    return Note(verb, f"{header.name}: {header.value} ({kind}{', override true' if replaced else ''})")


def _cors(cors: CorsConfig, request: ViewerRequest, out: CIMultiDict[str]) -> list[Note]:
    if not is_cors(request):
        return [Note("skipped", "CORS headers not added: the request has no Origin header (not a CORS request)")]
    theirs = sorted({k for k in out if k.lower().startswith(_CORS_PREFIX)})
    if theirs and not cors.origin_override:
        return [Note("kept", f"CORS headers from the origin kept ({', '.join(theirs)}); the policy adds none "
                     "(origin_override false)")]
    origin = request.headers["Origin"]
    if not origin_allowed(cors.allow_origins, origin):
        return [Note("skipped", f"CORS headers not added: Origin '{origin}' is not in access_control_allow_origins "
                     f"[{', '.join(cors.allow_origins)}]")]
    preflight = is_preflight(request)
    values: list[tuple[str, str]] = [
        ("Access-Control-Allow-Origin", "*" if "*" in cors.allow_origins else origin)]
    if cors.allow_credentials:
        values.append(("Access-Control-Allow-Credentials", "true"))
    if cors.expose_headers:
        values.append(("Access-Control-Expose-Headers", ", ".join(cors.expose_headers)))
    if preflight:  # the preflight-only headers (AWS: "in responses to CORS preflight requests")
        if cors.allow_methods:
            values.append(("Access-Control-Allow-Methods", ", ".join(cors.allow_methods)))
        if cors.allow_headers:
            values.append(("Access-Control-Allow-Headers", ", ".join(cors.allow_headers)))
        if cors.max_age is not None:
            values.append(("Access-Control-Max-Age", str(cors.max_age)))
    notes = []
    for name, value in values:
        replaced = name in out
        out.popall(name, None)
        out[name] = value
        verb = "replaced" if replaced else "added"
        notes.append(Note(verb, f"{name}: {value} (CORS{' preflight' if preflight else ''}"
                                f"{', origin_override true' if replaced else ''})"))
    return notes


def _server_timing(policy: ResponseHeadersPolicy, request: ViewerRequest, out: CIMultiDict[str], timing: Timing,
                   sample: float | None) -> Note:
    asked = any("server-timing" in v.lower() for v in request.headers.getall("Pragma", []))
    draw = random.uniform(0, 100) if sample is None else sample
    if not asked and draw >= policy.server_timing.sampling_rate:
        return Note("skipped", f"Server-Timing not added: not sampled (rate {policy.server_timing.sampling_rate:g}%"
                    ", no Pragma: server-timing)")
    origin = ", ".join(out.popall("Server-Timing", []))
    common = f'cdn-pop;desc="{timing.pop}",cdn-rid;desc="{timing.request_id}"'
    downstream = f"cdn-downstream-fbl;dur={round(timing.downstream_fbl)}"
    if timing.cache == "hit":
        # On a hit only the edge's metrics: the origin's value is not included (AWS).
        value = f'cdn-cache-hit,{common},cdn-hit-layer;desc="EDGE",{downstream}'
    else:
        metric = "cdn-cache-refresh" if timing.cache == "refresh" else "cdn-cache-miss"
        fbl = f",cdn-upstream-fbl;dur={round(timing.upstream_fbl)}" if timing.upstream_fbl is not None else ""
        theirs = f",{origin}" if origin else ""
        value = f'cdn-upstream-layer;desc="EDGE"{fbl},{metric},{common}{theirs},{downstream}'
    out["Server-Timing"] = value
    return Note("added", f"Server-Timing: {value}")
