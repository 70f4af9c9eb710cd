"""Stages 6 and 10: CloudFront Functions on viewer-request and viewer-response (AWS: "Customize at the edge with
CloudFront Functions").

Maps the engine's outcomes onto the pipeline: a changed request continues (the behavior is NOT re-selected,
the origin may be changed by cf.* helpers), a generated response is answered at once with
`X-Cache: FunctionGeneratedResponse from cloudfront`, an execution error is CloudFront's 503 and a
validation error (a read-only header changed, an invalid object returned) its 502.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import quote

from emulator.cf_functions import (
    ContinueRequest,
    ContinueResponse,
    CreateRequestOriginGroup,
    EdgeLocation,
    Failed,
    FunctionResult,
    FunctionRunner,
    SelectRequestOrigin,
    UpdateRequestOrigin,
    ViewerRequestInput,
    ViewerResponseInput,
)
from emulator.config.model import (
    CacheBehavior,
    Distribution,
    EmulatorSettings,
    EventType,
    FunctionConfig,
    Origin,
    OriginGroup,
    OriginProtocolPolicy,
)
from emulator.decisions import REASON_FUNCTION, EdgeError, Respond
from emulator.http import EdgeResponse, HeaderPairs, Scheme, ViewerRequest, freeze
from emulator.policies.cloudfront_headers import OVERRIDE_PREFIX
from emulator.policies.origin_request import origin_scheme
from emulator.trace import FunctionRun, Trace


@dataclass(frozen=True)
class FunctionRequestChange:
    """What a viewer-request function left for the rest of the pipeline."""

    request: ViewerRequest  # headers and query as the function returned them
    path: str  # the uri the origin gets (before origin_path)
    origin: Origin  # possibly replaced by cf.updateRequestOrigin / cf.selectRequestOriginById
    host_header: str | None = None  # an override of the Host sent to the origin
    origin_changed: bool = False  # the function chose the origin (or a group of its own): a behavior's group yields
    group: OriginGroup | None = None  # cf.createRequestOriginGroup: fail over to its secondary
    secondary_host: str | None = None  # the secondary member's Host override


def association(behavior: CacheBehavior, event: EventType) -> str | None:
    for a in behavior.function_associations:  # a loop, not next(genexpr): asked twice on every request
        if a.event_type is event:
            return a.function_name
    return None


def distribution_id(distribution: Distribution) -> str:
    return _distribution_id(distribution.id)


@lru_cache(maxsize=256)  # keyed on the name (hashing the whole Distribution would cost more than the sha256)
def _distribution_id(name: str) -> str:
    return "E" + hashlib.sha256(name.encode()).hexdigest()[:13].upper()


def request_input(request: ViewerRequest, path: str, distribution: Distribution, settings: EmulatorSettings,
                  request_id: str, generated: HeaderPairs) -> ViewerRequestInput:
    # Functions see the CloudFront-* headers a policy asks for (AWS: "Add CloudFront request headers"), and never our
    # overrides.
    names = {n.lower() for n, _ in generated}
    headers = [(n, v) for n, v in request.headers.items()
               if n.lower() not in names and not n.lower().startswith(OVERRIDE_PREFIX)]
    return ViewerRequestInput(
        method=request.method, uri=path, raw_query=request.query if request.query else None,
        headers=(*headers, *generated), viewer_ip=request.client_ip,
        distribution_domain_name=distribution.domain_name, distribution_id=distribution_id(distribution),
        request_id=request_id, edge_location=EdgeLocation(name=settings.pop[:3]))


def record(trace: Trace, fn: FunctionConfig, event: EventType, result: FunctionResult) -> None:
    outcome = result.outcome
    trace.later("function", "error" if isinstance(outcome, Failed) else event.value, fn.location, _ran, fn, event,
                result)
    for line in result.logs:
        trace.add("function-log", fn.name, line)


def _ran(fn: FunctionConfig, event: EventType, result: FunctionResult) -> str:
    outcome = result.outcome
    kind = type(outcome).__name__ if not isinstance(outcome, Failed) else f"failed ({outcome.kind.value})"
    detail = f"{event.value} function '{fn.name}': {kind} in {result.duration_us} µs, " \
             f"ComputeUtilization {result.compute_utilization}"
    return detail + f": {outcome.message}" if isinstance(outcome, Failed) else detail


def failure(outcome: Failed, fn: FunctionConfig) -> EdgeError:
    status = 503 if outcome.kind.is_execution_error else 502
    result = "FunctionExecutionError" if status == 503 else "FunctionValidationError"
    return EdgeError(status, REASON_FUNCTION, result, f"function '{fn.name}': {outcome.message}")


async def run_viewer_request(runner: FunctionRunner, fn: FunctionConfig, request: ViewerRequest, path: str,
                             distribution: Distribution, origin: Origin, settings: EmulatorSettings,
                             generated: HeaderPairs, trace: Trace) -> FunctionRequestChange | Respond | EdgeError:
    inp = request_input(request, path, distribution, settings, trace.request_id, generated)
    result = await runner.run_viewer_request(fn.compiled, inp)
    trace.functions.append(FunctionRun(fn.name, EventType.VIEWER_REQUEST.value, inp, None, result))
    record(trace, fn, EventType.VIEWER_REQUEST, result)
    outcome = result.outcome
    if isinstance(outcome, Failed):
        return failure(outcome, fn)
    if isinstance(outcome, Respond):
        return outcome
    assert isinstance(outcome, ContinueRequest)
    changed = replace(request, headers=freeze(outcome.headers), query=outcome.raw_query or "")
    uri = wire_uri(outcome.uri)
    if uri is None:
        return EdgeError(502, REASON_FUNCTION, "FunctionValidationError",
                         f"function '{fn.name}' returned a uri with control characters: {outcome.uri!r}")
    if uri != path:
        trace.later("function", "uri", None, "uri '{}' -> '{}' (the behavior is not re-selected)", path, uri)
    new_origin, host, problem = apply_origin_change(outcome, distribution, origin, request.scheme, trace)
    if problem is not None:
        return problem
    change = outcome.origin_change
    group = secondary_host = None
    if isinstance(change, CreateRequestOriginGroup):
        group = OriginGroup(
            id="function-origin-group",
            primary=change.primary.origin_id,
            secondary=change.secondary.origin_id,
            status_codes=change.failover_status_codes,
        )
        secondary_host = change.secondary.overrides.host_header
    return FunctionRequestChange(changed, uri, new_origin, host, change is not None, group, secondary_host)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def wire_uri(uri: str) -> str | None:
    """A function's uri as it goes on the request line: UTF-8 and unsafe characters percent-encoded (existing
    %XX kept); None when it holds control characters, which no request line can carry."""
    if _CONTROL.search(uri):
        return None
    return quote(uri, safe="/%!$&'()*+,;=:@-._~")


def apply_origin_change(outcome: ContinueRequest, distribution: Distribution, origin: Origin, scheme: Scheme,
                        trace: Trace) -> tuple[Origin, str | None, EdgeError | None]:
    change = outcome.origin_change
    if change is None:
        return origin, None, None
    overrides = [change.overrides] if not isinstance(change, CreateRequestOriginGroup) else \
        [change.primary.overrides, change.secondary.overrides]
    if any(o.sni is not None or o.allowed_certificate_names is not None for o in overrides):
        trace.add("function", "note", "the sni / allowedCertificateNames origin overrides are not emulated: the "
                  "certificate is checked as without them")
    known = {o.id for o in distribution.origins}
    missing = [i for i in change.origin_ids if i not in known]
    if missing:
        return origin, None, EdgeError(502, REASON_FUNCTION, "FunctionValidationError",
                                       f"the function selected origin '{missing[0]}', which the distribution "
                                       "does not have")
    if isinstance(change, CreateRequestOriginGroup):
        trace.add("function", "origin", f"origin group of '{change.primary.origin_id}' and "
                  f"'{change.secondary.origin_id}', failover on "
                  f"[{', '.join(map(str, change.failover_status_codes))}]")
        return distribution.origin(change.primary.origin_id), change.primary.overrides.host_header, None
    if isinstance(change, SelectRequestOrigin):
        trace.add("function", "origin", f"cf.selectRequestOriginById -> origin '{change.origin_id}'")
        return distribution.origin(change.origin_id), change.overrides.host_header, None
    assert isinstance(change, UpdateRequestOrigin)
    updated = _updated(origin, change, scheme)
    trace.add("function", "origin", f"cf.updateRequestOrigin -> {updated.domain_name}{updated.origin_path}")
    return updated, change.overrides.host_header, None


def _updated(origin: Origin, change: UpdateRequestOrigin, viewer_scheme: Scheme) -> Origin:
    fields: dict[str, object] = {}
    if change.domain_name is not None:
        fields |= {"domain_name": change.domain_name.lower(), "mock": None}  # a new name is a new server
    if change.origin_path is not None:
        fields["origin_path"] = change.origin_path
    if change.custom_headers is not None:
        fields["custom_headers"] = change.custom_headers
    if change.connection_attempts is not None:
        fields["connection_attempts"] = change.connection_attempts
    if (t := change.timeouts) is not None:
        fields |= {k: v for k, v in (("read_timeout", t.read), ("connection_timeout", t.connection),
                                     ("keepalive_timeout", t.keep_alive)) if v is not None}
    if (c := change.custom_origin_config) is not None:
        if c.protocol is not None:
            fields["protocol_policy"] = OriginProtocolPolicy.HTTPS_ONLY if c.protocol == "https" \
                else OriginProtocolPolicy.HTTP_ONLY
        if c.port is not None:
            # The port of the protocol this request will use: the new one, or the origin's for this viewer.
            protocol = c.protocol or origin_scheme(origin, viewer_scheme).value
            fields["https_port" if protocol == "https" else "http_port"] = c.port
        if c.ssl_protocols is not None:
            fields["ssl_protocols"] = c.ssl_protocols
    return replace(origin, **fields)  # type: ignore[arg-type]


async def run_viewer_response(runner: FunctionRunner, fn: FunctionConfig, request: ViewerRequest, path: str,
                              distribution: Distribution, settings: EmulatorSettings,
                              generated: HeaderPairs, response: EdgeResponse,
                              trace: Trace) -> ContinueResponse | EdgeError:
    req = request_input(request, path, distribution, settings, trace.request_id, generated)
    resp = ViewerResponseInput(response.status, response.reason, tuple(response.headers.items()))
    result = await runner.run_viewer_response(fn.compiled, req, resp)
    trace.functions.append(FunctionRun(fn.name, EventType.VIEWER_RESPONSE.value, req, resp, result))
    record(trace, fn, EventType.VIEWER_RESPONSE, result)
    outcome = result.outcome
    if isinstance(outcome, Failed):
        return failure(outcome, fn)
    assert isinstance(outcome, ContinueResponse)
    return outcome
