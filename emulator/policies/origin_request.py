"""Build the request CloudFront sends to the origin (AWS: "Request and response behavior for custom origins"). Pure: the
connect address and the
behavior's compiled Forwarding come in as values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote_plus

from aiohttp import hdrs
from multidict import CIMultiDict

from emulator.config.model import CacheBehavior, EmulatorSettings, Origin, OriginProtocolPolicy
from emulator.http import (
    CDN_LOOP,
    X_AMZ_CF_ID,
    HeaderPairs,
    OriginRequest,
    Scheme,
    ViewerRequest,
    freeze,
    split_host_port,
)
from emulator.policies.cloudfront_headers import OVERRIDE_PREFIX
from emulator.policies.forwarding import Forwarding, all_viewer_headers

# Forwarded as the viewer sent them whatever the policies say (AWS: "Request and response behavior for custom origins").
FORWARDED_AS_IS = frozenset(
    h.lower()
    for h in (
        "Cache-Control", "Content-Length", "Content-MD5", "Content-Type", "Date", "From", "If-Match",
        "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since", "Max-Forwards",
        "Pragma", "Range", "Request-Range", "Warning",
        # Not Origin: "Without adding this header in an origin request policy, CloudFront removes the Origin
        # header" (DG, origin request policies): CORS that works here must work in production too.
    )
)
# Removed unless a policy forwards them (AWS: "Request and response behavior for custom origins"); legacy settings
# forward every other header.
REMOVED = frozenset(
    h.lower()
    for h in (
        "Accept", "Accept-Charset", "Accept-Language", "Expect", "Proxy-Authenticate", "Proxy-Authorization",
        "Proxy-Connection", "Referer", "TE", "Trailer", "Upgrade", "X-Forwarded-Proto", "X-HTTP-Method-Override",
        "X-Real-IP",
    )
)
# The edge sets, replaces or rebuilds these itself; a viewer's value never passes as is.
EDGE_CONTROLLED = frozenset(
    ("host", "user-agent", "x-forwarded-for", "via", "x-amz-cf-id", "cdn-loop", "cookie", "accept-encoding",
     "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection")
)
USER_AGENT = "Amazon CloudFront"
SELF = "self"  # `emulator.resolve: {name: self}` connects to the emulator's own HTTP listener


@dataclass(frozen=True)
class Target:
    """Where to open the connection for an origin: its mock's loopback port, a resolve entry, or DNS."""

    host: str
    port: int


def origin_scheme(origin: Origin, viewer_scheme: Scheme) -> Scheme:
    if origin.protocol_policy is OriginProtocolPolicy.HTTPS_ONLY:
        return Scheme.HTTPS
    if origin.protocol_policy is OriginProtocolPolicy.MATCH_VIEWER:
        return viewer_scheme
    return Scheme.HTTP


def connect_target(origin: Origin, scheme: Scheme, settings: EmulatorSettings,
                   mocks: Mapping[str, Target], listeners: Sequence[Target] = ()) -> Target:
    port = origin.https_port if scheme is Scheme.HTTPS else origin.http_port
    if origin.mock is not None:
        return mocks.get(origin.id, Target("127.0.0.1", 0))  # port 0: explain runs before mocks start
    if (resolved := settings.resolved(origin.domain_name)) is not None:
        host, resolved_port = resolved
        if host == SELF:  # this emulator's own HTTP listener, wherever it was bound
            return listeners[0] if listeners else Target(settings.http.host, settings.http.port)
        return Target(host, resolved_port or port)
    return Target(origin.domain_name, port)


def normalize_accept_encoding(value: str | None, gzip: bool, br: bool) -> str | None:
    """CloudFront's normalised Accept-Encoding (AWS: "Understand cache policies"): 'br,gzip', 'gzip', 'br', 'identity',
    or not sent."""
    if value is None:
        return None
    offered = set()
    for item in value.split(","):
        name, _, params = item.strip().partition(";")
        q = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") else "1"
        if name.strip() and q not in ("0", "0.0", "0.00", "0.000"):
            offered.add(name.strip().lower())
    chosen = [e for e, on in (("br", br), ("gzip", gzip)) if on and e in offered]
    return ",".join(chosen) if chosen else "identity"


def forwarded_cookies(request: ViewerRequest, fwd: Forwarding) -> tuple[str | None, list[str]]:
    """The Cookie header for the origin (forwarded cookies sorted by name) and the names dropped."""
    pairs: list[tuple[str, str]] = []
    for line in request.headers.getall("Cookie", []):
        for part in line.split(";"):
            name, sep, value = part.strip().partition("=")
            if name and sep and not name.startswith("$"):  # $Version, $Path, $Domain: RFC 2965 attributes
                pairs.append((name, value))
    kept = sorted(((n, v) for n, v in pairs if fwd.cookie(n)), key=lambda p: p[0])
    dropped = [n for n, _ in pairs if not fwd.cookie(n)]
    return ("; ".join(f"{n}={v}" for n, v in kept) or None), dropped


def forwarded_query(query: str, fwd: Forwarding) -> tuple[str, list[str]]:
    """The query string for the origin, parameters kept raw and in order, and the names dropped."""
    if not query or fwd.all_query_strings:
        return query, []
    kept, dropped = [], []
    for part in query.split("&"):
        name = part.partition("=")[0]
        (kept if fwd.query_string(_unquote(name)) else dropped).append(part if part else name)
    return "&".join(kept), [_unquote(p.partition("=")[0]) for p in dropped if p]


def _without(query: str, names: frozenset[str]) -> tuple[str, list[str]]:
    parts = query.split("&") if query else []
    kept = [p for p in parts if _unquote(p.partition("=")[0]) not in names]
    return "&".join(kept), [_unquote(p.partition("=")[0]) for p in parts if p not in kept]


def _unquote(name: str) -> str:
    return unquote_plus(name)


def build_origin_request(
    request: ViewerRequest,
    path: str,
    behavior: CacheBehavior,
    origin: Origin,
    settings: EmulatorSettings,
    target: Target,
    request_id: str,
    fwd: Forwarding,
    generated: HeaderPairs = (),
) -> tuple[OriginRequest, list[str]]:
    """The origin request, plus notes on what was dropped or changed (for the trace). `generated` holds the
    CloudFront-* headers computed for this request (policies.cloudfront_headers)."""
    notes: list[str] = []
    headers = _viewer_headers(request, origin, behavior, fwd, notes)
    query, dropped_query = forwarded_query(request.query, fwd)
    if fwd.s3_withheld_query and (origin.is_s3 or (origin.mock is not None and origin.mock.type == "s3")):
        query, withheld = _without(query, fwd.s3_withheld_query)
        dropped_query += withheld
    if dropped_query:
        notes.append(f"query strings not forwarded: {', '.join(dropped_query)}")
    _add_edge_headers(headers, request, settings, fwd, request_id, generated)
    for name, value in origin.custom_headers:
        if name in headers:
            notes.append(f"origin custom header {name} overwrote the value from the viewer")
        headers[name] = value
    scheme = origin_scheme(origin, request.scheme)
    origin_request = OriginRequest(
        origin_id=origin.id,
        scheme=scheme,
        domain_name=origin.domain_name,
        connect_host=target.host,
        connect_port=target.port,
        method=request.method,
        path=origin.origin_path + path,
        query=query,
        headers=freeze(headers),
        connection_attempts=origin.connection_attempts,
        connection_timeout=origin.connection_timeout,
        read_timeout=origin.read_timeout,
        body=request.body,
        origin_port=origin.https_port if scheme is Scheme.HTTPS else origin.http_port,
        # With Host forwarded CloudFront connects with the viewer's Host, and the certificate must cover it.
        server_name=split_host_port(headers["Host"])[0] if fwd.host else origin.domain_name,
        ssl_protocols=origin.ssl_protocols,
        keepalive_timeout=origin.keepalive_timeout,
    )
    return origin_request, notes


def _viewer_headers(request: ViewerRequest, origin: Origin, behavior: CacheBehavior, fwd: Forwarding,
                    notes: list[str]) -> CIMultiDict[str]:
    """Host, and the viewer's headers and cookies the policies forward (each one dropped is noted)."""
    headers: CIMultiDict[str] = CIMultiDict()
    # A forwarded Host drops the emulator's listen port: in production viewers reach CloudFront on 80/443,
    # so an origin never sees a port in it.
    headers[hdrs.HOST] = split_host_port(request.headers.get("Host", origin.domain_name))[0] if fwd.host \
        else origin.domain_name
    dropped: list[str] = []
    ours = fwd.cloudfront_names  # generated by the edge, whatever the viewer or a function sent
    for name, value in request.headers.items():
        low = name.lower()
        if low in EDGE_CONTROLLED or low in ours or low.startswith(OVERRIDE_PREFIX):
            continue
        if low == "range" and (problem := range_problem(value)) is not None:
            notes.append(f"Range '{value}' not forwarded: {problem}, so CloudFront answers 200 with the whole "
                         "object (AWS: 'How CloudFront processes partial requests for an object "
                         "(range GETs)')")
            continue
        if _forwards_header(low, request.method, behavior, fwd):
            headers.add(name, value)
        elif name not in dropped:
            dropped.append(name)
    if any(n.lower() == "authorization" for n in dropped) and all_viewer_headers(behavior.origin_request_policy):
        dropped = [n for n in dropped if n.lower() != "authorization"]
        notes.append(f"Authorization not forwarded on {request.method}: {fwd.source} caches, and an origin request "
                     "policy forwards Authorization only when caching is turned off (put Authorization in the cache "
                     "policy's headers, or use Managed-CachingDisabled)")
    if dropped:
        notes.append(f"headers not forwarded ({fwd.source} does not list them): {', '.join(dropped)}")
    if fwd.gzip or fwd.brotli:
        encoding = normalize_accept_encoding(request.headers.get("Accept-Encoding"), fwd.gzip, fwd.brotli)
        if encoding is not None:
            headers[hdrs.ACCEPT_ENCODING] = encoding
    elif "Accept-Encoding" in request.headers and fwd.header("accept-encoding"):
        headers[hdrs.ACCEPT_ENCODING] = request.headers["Accept-Encoding"]
    cookie, dropped_cookies = forwarded_cookies(request, fwd)
    if cookie:
        headers[hdrs.COOKIE] = cookie
    if dropped_cookies:
        notes.append(f"cookies not forwarded: {', '.join(dropped_cookies)}")
    return headers


def _add_edge_headers(headers: CIMultiDict[str], request: ViewerRequest, settings: EmulatorSettings,
                      fwd: Forwarding, request_id: str, generated: HeaderPairs) -> None:
    """The headers CloudFront itself adds toward the origin: CloudFront-*, Connection, User-Agent,
    X-Forwarded-For, Via, CDN-Loop and X-Amz-Cf-Id."""
    for name, value in generated:
        headers[name] = value
    headers[hdrs.CONNECTION] = "Keep-Alive"
    agent = request.headers.get("User-Agent") if fwd.header("user-agent") else None
    headers[hdrs.USER_AGENT] = agent or USER_AGENT
    viewer_xff = ",".join(v.strip() for v in request.headers.getall("X-Forwarded-For", []))
    headers[hdrs.X_FORWARDED_FOR] = f"{viewer_xff},{request.client_ip}" if viewer_xff else request.client_ip
    via = f"{request.http_version} {settings.edge_name} (CloudFront)"
    viewer_via = ", ".join(request.headers.getall("Via", []))
    headers[hdrs.VIA] = f"{viewer_via}, {via}" if viewer_via else via
    loop = ", ".join(request.headers.getall("CDN-Loop", []))
    headers[CDN_LOOP] = f"{loop}, {cdn_id(settings)}" if loop else cdn_id(settings)
    headers[X_AMZ_CF_ID] = request_id


def range_problem(value: str) -> str | None:
    """Why CloudFront would ignore a `Range: bytes=...` header (not ascending, overlapping, negative), or None."""
    unit, _, specs = value.partition("=")
    if unit.strip().lower() != "bytes":
        return None  # not a byte range: passed on for the origin to judge
    last_end = -1
    parts = [p.strip() for p in specs.split(",")]
    for i, spec in enumerate(parts):
        first, dash, last = spec.partition("-")
        if not dash or not (first + last) or not all(x.isascii() and x.isdigit() for x in (first, last) if x):
            return f"'{spec}' is not a byte range"
        if not first:  # suffix range: the last N bytes
            if i != len(parts) - 1 and len(parts) > 1:
                return "a suffix range must come last"
            continue
        start, end = int(first), int(last) if last else None
        if end is not None and end < start:
            return f"'{spec}' ends before it starts"
        if start <= last_end:
            return "the ranges are not in ascending order or overlap"
        last_end = end if end is not None else 2**63
    return None


def cdn_id(settings: EmulatorSettings) -> str:
    """This edge's RFC 8586 CDN-Loop entry."""
    return settings.edge_name


def _forwards_header(low: str, method: str, behavior: CacheBehavior, fwd: Forwarding) -> bool:
    """Whether a viewer header (lower-case name, edge-controlled ones excluded) reaches the origin."""
    if fwd.header(low) or low in FORWARDED_AS_IS:
        return True
    if low == "authorization":
        return _forwards_authorization(method, behavior)
    # Legacy settings forward "other-defined" headers; policies forward only what they list (AWS: "Control origin
    # requests with a policy").
    return fwd.legacy_other_headers and low not in REMOVED and not low.startswith(("x-edge-", "cloudfront-"))


def _forwards_authorization(method: str, behavior: CacheBehavior) -> bool:
    # AWS "Request and response behavior for custom origins": removed for GET/HEAD; for OPTIONS only when OPTIONS
    # responses are not cached; kept otherwise.
    if method in ("GET", "HEAD"):
        return False
    if method == "OPTIONS":
        return "OPTIONS" not in behavior.cached_methods
    return True


