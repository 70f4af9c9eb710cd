"""Typed inputs -> the CloudFront Functions event object (DG/functions-event-structure).

The pipeline converts its own request/response types to these plain inputs; this module owns every
rule of the event's shape: lowercase header names, `multiValue` for repeats, cookies parsed out of
Cookie / Set-Cookie, the query string parsed, the context block.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

Header = tuple[str, str]

# Headers a function can neither see nor add (DG/edge-function-restrictions-all, "Disallowed headers").
DISALLOWED_HEADERS = frozenset({
    "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
    "trailer", "upgrade", "x-accel-buffering", "x-accel-charset", "x-accel-limit-rate", "x-accel-redirect",
    "x-amzn-auth", "x-amzn-cf-billing", "x-amzn-cf-id", "x-amzn-cf-xff", "x-amzn-errortype",
    "x-amzn-fle-profile", "x-amzn-header-count", "x-amzn-header-order", "x-amzn-lambda-integration-tag",
    "x-amzn-requestid", "x-cache", "x-forwarded-proto", "x-real-ip",
})  # fmt: skip
DISALLOWED_PREFIXES = ("x-amz-cf-", "x-edge-")
# Headers a function can read but not add, change or delete.
READ_ONLY_HEADERS = {
    "viewer-request": frozenset({"cdn-loop", "content-length", "host", "transfer-encoding", "via"}),
    "viewer-response": frozenset({"via", "warning"}),
}


@lru_cache(maxsize=4096)  # pure; asked for every header of every event and every result
def is_disallowed(name: str) -> bool:
    lower = name.lower()
    return lower in DISALLOWED_HEADERS or lower.startswith(DISALLOWED_PREFIXES)


@dataclass(frozen=True, slots=True)
class EdgeLocation:
    """`cf.edgeLocation` (viewer-request, 2.0)."""

    name: str = "SEA"
    server_ip: str = "127.0.0.1"
    region: str = "us-west-2"

    def as_js(self) -> dict[str, str]:
        return {"name": self.name, "serverIp": self.server_ip, "region": self.region}


@dataclass(frozen=True, slots=True)
class ViewerRequestInput:
    method: str
    uri: str
    raw_query: str | None  # None when the URL had no '?'; "" when it had an empty one
    headers: tuple[Header, ...]  # in arrival order, repeats kept
    viewer_ip: str
    distribution_domain_name: str = "d111111abcdef8.cloudfront.net"
    distribution_id: str = "EDFDVBD6EXAMPLE"
    request_id: str = "EXAMPLEntjQpEXAMPLE_SG5Z-EXAMPLEPmPfEXAMPLEu3EqEXAMPLE=="
    edge_location: EdgeLocation = EdgeLocation()


@dataclass(frozen=True, slots=True)
class ViewerResponseInput:
    status: int
    description: str
    headers: tuple[Header, ...]  # Set-Cookie included, in order


def _field(values: list[dict[str, Any]]) -> dict[str, Any]:
    """One event field: first value in `value`; `multiValue` (all of them) only for repeats."""
    field = dict(values[0])
    if len(values) > 1:
        field["multiValue"] = [dict(v) for v in values]
    return field


def _group(pairs: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    return {name: _field(values) for name, values in grouped.items()}


def query_pairs(raw: str | None) -> list[tuple[str, str]]:
    """`a=1&b&a=2` -> [("a", "1"), ("b", ""), ("a", "2")]. Values are left as sent.

    Whether the edge percent-decodes values is not documented (reference Appendix B); we keep the
    raw text so that an unchanged query string goes to the origin byte for byte.
    """
    pairs = []
    for part in (raw or "").split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        pairs.append((name, value))
    return pairs


def parse_query(raw: str | None) -> dict[str, Any]:
    """`a=1&b&a=2` -> {"a": {value, multiValue}, "b": {"value": ""}}."""
    return _group([(name, {"value": value}) for name, value in query_pairs(raw)])


def cookie_pairs(values: list[str]) -> list[tuple[str, str]]:
    """The name/value pairs of Cookie header values, in order."""
    pairs = []
    for header in values:
        for part in header.split(";"):
            part = part.strip()
            if not part:
                continue
            name, _, value = part.partition("=")
            pairs.append((name.strip(), value.strip()))
    return pairs


def parse_cookie_header(values: list[str]) -> dict[str, Any]:
    return _group([(name, {"value": value}) for name, value in cookie_pairs(values)])


def parse_set_cookies(values: list[str]) -> dict[str, Any]:
    pairs = []
    for header in values:
        first, _, attributes = header.partition(";")
        name, _, value = first.strip().partition("=")
        entry: dict[str, Any] = {"value": value.strip()}
        if attributes.strip():
            entry["attributes"] = attributes.strip()
        pairs.append((name.strip(), entry))
    return _group(pairs)


def header_pairs(headers: tuple[Header, ...], cookie_header: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Visible headers (lowercase names, in order, repeats kept) and the values of the cookie header, in order."""
    pairs, cookies = [], []
    for name, value in headers:
        lower = name.lower()
        if lower == cookie_header:
            cookies.append(value)
        elif not is_disallowed(lower):
            pairs.append((lower, value))
    return pairs, cookies


def event_headers(headers: tuple[Header, ...], cookie_header: str) -> tuple[dict[str, Any], list[str]]:
    """Visible headers (lowercase, grouped) and the values of the cookie header, in order."""
    pairs, cookies = header_pairs(headers, cookie_header)
    return _group([(name, {"value": value}) for name, value in pairs]), cookies


def request_args(inp: ViewerRequestInput, now_ms: int, headers: list[tuple[str, str]],
                 cookies: list[str]) -> list[Any] | None:
    """A viewer-request event as the arguments of core.js's `__cf_invoke_request` (header_pairs gave `headers` and
    `cookies`): parsed here, as for build_event, so both ways into a function see the same event. None when a
    string holds a lone surrogate (an undecodable byte kept by the parser), which the engine binding cannot take:
    the caller sends the JSON event instead, where it travels escaped."""
    edge = inp.edge_location
    query = query_pairs(inp.raw_query)
    strings = [edge.name, edge.server_ip, edge.region, inp.method, inp.uri, inp.viewer_ip,
               inp.distribution_domain_name, inp.distribution_id, inp.request_id]
    pairs: list[str] = []
    for section in (headers, query, cookie_pairs(cookies)):
        for name, value in section:
            pairs += (name, value)
    text = "".join(strings) + "".join(pairs)  # the raw query's characters are all in its pairs, but '&'
    if not text.isascii():
        try:
            text.encode()
        except UnicodeEncodeError:
            return None
    # now as a float: the binding passes a Python int as a 32-bit integer.
    return [float(now_ms), inp.raw_query, *strings, 2 * len(headers), 2 * (len(headers) + len(query)), *pairs]


def request_object(inp: ViewerRequestInput) -> dict[str, Any]:
    headers, cookies = event_headers(inp.headers, "cookie")
    return {
        "method": inp.method,
        "uri": inp.uri,
        "querystring": parse_query(inp.raw_query),
        "headers": headers,
        "cookies": parse_cookie_header(cookies),
    }


def response_object(inp: ViewerResponseInput) -> dict[str, Any]:
    headers, cookies = event_headers(inp.headers, "set-cookie")
    return {
        "statusCode": inp.status,
        "statusDescription": inp.description,
        "headers": headers,
        "cookies": parse_set_cookies(cookies),
    }


def build_event(req: ViewerRequestInput, resp: ViewerResponseInput | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {
        "version": "1.0",
        "context": {
            "distributionDomainName": req.distribution_domain_name,
            "distributionId": req.distribution_id,
            "eventType": "viewer-response" if resp is not None else "viewer-request",
            "requestId": req.request_id,
        },
        "viewer": {"ip": req.viewer_ip},
        "request": request_object(req),
    }
    if resp is not None:
        event["response"] = response_object(resp)
    return event


def normalize_test_event(event: dict[str, Any]) -> dict[str, Any]:
    """A test event as `aws cloudfront test-function` takes it: fill the blanks, accept `multivalue`."""

    def fix(fields: Any) -> Any:
        if not isinstance(fields, dict):
            return fields
        out = {}
        for name, field in fields.items():
            if isinstance(field, dict) and "multivalue" in field and "multiValue" not in field:
                field = {("multiValue" if k == "multivalue" else k): v for k, v in field.items()}
            out[name] = field
        return out

    event = dict(event)
    event.setdefault("version", "1.0")
    context = dict(event.get("context") or {})
    context.setdefault("eventType", "viewer-response" if "response" in event else "viewer-request")
    event["context"] = context
    event.setdefault("viewer", {"ip": "1.2.3.4"})
    for part in ("request", "response"):
        if isinstance(event.get(part), dict):
            obj = dict(event[part])
            for key in ("headers", "cookies", "querystring"):
                if key in obj:
                    obj[key] = fix(obj[key])
            event[part] = obj
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("headers", "cookies", "querystring"):
            request.setdefault(key, {})
    return event
