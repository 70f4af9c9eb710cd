"""Build the request CloudFront sends to the origin (reference §5) for a behavior that forwards nothing
beyond what CloudFront always forwards. Pure: the connect address comes in as a value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from multidict import CIMultiDict

from emulator.config.model import CacheBehavior, EmulatorSettings, Origin, OriginProtocolPolicy
from emulator.http import OriginRequest, Scheme, ViewerRequest, freeze

# Forwarded as the viewer sent them (§5 "Forwarded as-is"). Everything else is dropped unless a policy
# lists it: with cache and origin request policies, only listed headers go through.
FORWARDED_AS_IS = frozenset(
    h.lower()
    for h in (
        "Cache-Control", "Content-Length", "Content-MD5", "Content-Type", "Date", "From", "If-Match",
        "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since", "Max-Forwards", "Origin",
        "Pragma", "Range", "Request-Range", "Via", "Warning",
    )
)
# Managed cache policies whose Accept-Encoding normalisation is on (gzip, br), reference §6.
_COMPRESSION = {
    "Managed-CachingOptimized": (True, True),
    "658327ea-f89d-4fab-a63d-7e88639e58f6": (True, True),
}
USER_AGENT = "Amazon CloudFront"


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
                   mocks: Mapping[str, Target]) -> Target:
    port = origin.https_port if scheme is Scheme.HTTPS else origin.http_port
    if origin.id in mocks:
        return mocks[origin.id]
    if (resolved := settings.resolved(origin.domain_name)) is not None:
        host, resolved_port = resolved
        return Target(host, resolved_port or port)
    return Target(origin.domain_name, port)


def normalize_accept_encoding(value: str | None, gzip: bool, br: bool) -> str | None:
    """CloudFront's normalised Accept-Encoding (§6): 'br,gzip', 'gzip', 'br', 'identity', or not sent."""
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


def build_origin_request(
    request: ViewerRequest,
    path: str,
    behavior: CacheBehavior,
    origin: Origin,
    settings: EmulatorSettings,
    target: Target,
    request_id: str,
) -> tuple[OriginRequest, list[str]]:
    """The origin request, plus notes on what was dropped or changed (for the trace)."""
    scheme = origin_scheme(origin, request.scheme)
    notes: list[str] = []
    headers: CIMultiDict[str] = CIMultiDict()
    headers["Host"] = origin.domain_name
    dropped: list[str] = []
    for name, value in request.headers.items():
        low = name.lower()
        if low in FORWARDED_AS_IS or (low == "authorization" and _forwards_authorization(request.method, behavior)):
            headers.add(name, value)
        elif low not in ("host", "user-agent", "x-forwarded-for", "accept-encoding", "connection",
                         "transfer-encoding", "keep-alive") and low not in (d.lower() for d in dropped):
            dropped.append(name)
    if dropped:
        notes.append(f"not forwarded (no policy lists them): {', '.join(dropped)}")
    gzip, br = _COMPRESSION.get(behavior.cache_policy, (False, False))
    if gzip or br:
        encoding = normalize_accept_encoding(request.headers.get("Accept-Encoding"), gzip, br)
        if encoding is not None:
            headers["Accept-Encoding"] = encoding
    elif "Accept-Encoding" in request.headers:
        notes.append("Accept-Encoding not forwarded: the cache policy does not normalise it")
    if request.query:
        notes.append(f"query string '{request.query}' not forwarded: no policy forwards query strings")
    headers["Connection"] = "Keep-Alive"
    headers["User-Agent"] = USER_AGENT
    viewer_xff = ",".join(v.strip() for v in request.headers.getall("X-Forwarded-For", []))
    headers["X-Forwarded-For"] = f"{viewer_xff},{request.client_ip}" if viewer_xff else request.client_ip
    via = f"{request.http_version} {settings.edge_id}.cloudfront.net (CloudFront)"
    viewer_via = ", ".join(request.headers.getall("Via", []))
    headers["Via"] = f"{viewer_via}, {via}" if viewer_via else via
    headers["X-Amz-Cf-Id"] = request_id
    for name, value in origin.custom_headers:
        if name in headers:
            notes.append(f"origin custom header {name} overwrote the viewer's value")
        headers[name] = value
    origin_request = OriginRequest(
        origin_id=origin.id,
        scheme=scheme,
        domain_name=origin.domain_name,
        connect_host=target.host,
        connect_port=target.port,
        method=request.method,
        path=origin.origin_path + path,
        query="",
        headers=freeze(headers),
        connection_attempts=origin.connection_attempts,
        connection_timeout=origin.connection_timeout,
        read_timeout=origin.read_timeout,
        body=request.body,
    )
    return origin_request, notes


def _forwards_authorization(method: str, behavior: CacheBehavior) -> bool:
    # §5: removed for GET/HEAD; for OPTIONS only when OPTIONS responses are not cached; kept otherwise.
    if method in ("GET", "HEAD"):
        return False
    if method == "OPTIONS":
        return "OPTIONS" not in behavior.cached_methods
    return True
