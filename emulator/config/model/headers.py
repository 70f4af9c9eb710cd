"""Response headers policies as frozen values, and AWS's managed ones as data (AWS: "Understand response headers
policies")."""

from __future__ import annotations

from dataclasses import dataclass

CORS_METHODS = ("GET", "DELETE", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")

# Headers a response headers policy cannot remove (AWS: "Understand response headers policies"); CloudFront refuses the
# policy.
UNREMOVABLE = (
    "connection", "content-encoding", "content-length", "expect", "host", "keep-alive", "proxy-authenticate",
    "proxy-authorization", "proxy-connection", "trailer", "transfer-encoding", "upgrade", "via", "warning",
    "x-accel-buffering", "x-accel-charset", "x-accel-limit-rate", "x-accel-redirect", "x-amzn-auth",
    "x-amzn-cf-billing", "x-amzn-cf-id", "x-amzn-cf-xff", "x-amzn-errortype", "x-amzn-fle-profile",
    "x-amzn-header-count", "x-amzn-header-order", "x-amzn-lambda-integration-tag", "x-amzn-requestid", "x-cache",
    "x-forwarded-proto", "x-real-ip",
)
UNREMOVABLE_PREFIXES = ("x-amz-cf-", "x-edge-")
REFERRER_POLICIES = ("no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin",
                     "strict-origin", "strict-origin-when-cross-origin", "unsafe-url")
CSP_MAX = 1783


def unremovable(name: str) -> bool:
    low = name.lower()
    return low in UNREMOVABLE or low.startswith(UNREMOVABLE_PREFIXES)


@dataclass(frozen=True, kw_only=True)
class CorsConfig:
    allow_origins: tuple[str, ...]  # '*', 'https://app.example.com', '*.example.org', 'http://x.test:*'
    allow_methods: tuple[str, ...]  # expanded: ALL becomes every method
    allow_headers: tuple[str, ...] = ()
    allow_credentials: bool = False
    expose_headers: tuple[str, ...] = ()
    max_age: int | None = None
    origin_override: bool = False


@dataclass(frozen=True, kw_only=True)
class PolicyHeader:
    """One header a policy adds (a security header or a custom one), with its origin override."""

    name: str
    value: str
    override: bool = False


@dataclass(frozen=True, kw_only=True)
class ServerTiming:
    enabled: bool = False
    sampling_rate: float = 0.0  # percent, 0-100; `Pragma: server-timing` asks for it on any request


@dataclass(frozen=True, kw_only=True)
class ResponseHeadersPolicy:
    name: str
    id: str
    cors: CorsConfig | None = None
    security: tuple[PolicyHeader, ...] = ()
    custom: tuple[PolicyHeader, ...] = ()
    remove: tuple[str, ...] = ()
    server_timing: ServerTiming = ServerTiming()
    managed: bool = False


def _security(override_nosniff: bool = True) -> tuple[PolicyHeader, ...]:
    return (
        PolicyHeader(name="Referrer-Policy", value="strict-origin-when-cross-origin"),
        PolicyHeader(name="Strict-Transport-Security", value="max-age=31536000"),
        PolicyHeader(name="X-Content-Type-Options", value="nosniff", override=override_nosniff),
        PolicyHeader(name="X-Frame-Options", value="SAMEORIGIN"),
        PolicyHeader(name="X-XSS-Protection", value="1; mode=block"),
    )


_SIMPLE = CorsConfig(allow_origins=("*",), allow_methods=())
_PREFLIGHT = CorsConfig(
    allow_origins=("*",),
    allow_methods=("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"),
    expose_headers=("*",),
)

RESPONSE_HEADERS_POLICIES: tuple[ResponseHeadersPolicy, ...] = (
    ResponseHeadersPolicy(
        name="Managed-SimpleCORS", id="60669652-455b-4ae9-85a4-c4c02393f86c", cors=_SIMPLE, managed=True
    ),
    ResponseHeadersPolicy(
        name="Managed-CORS-With-Preflight", id="5cc3b908-e619-4b99-88e5-2cf7f45965bd", cors=_PREFLIGHT, managed=True
    ),
    ResponseHeadersPolicy(
        name="Managed-SecurityHeadersPolicy",
        id="67f7725c-6f97-4210-82d7-5512b31e9d03",
        security=_security(),
        managed=True,
    ),
    ResponseHeadersPolicy(
        name="Managed-CORS-and-SecurityHeadersPolicy",
        id="e61eb60c-9c35-4d20-a928-2b84e02af89c",
        cors=_SIMPLE,
        security=_security(),
        managed=True,
    ),
    ResponseHeadersPolicy(
        name="Managed-CORS-with-preflight-and-SecurityHeadersPolicy",
        id="eaab4381-ed33-4a86-88ca-d9558dc6cd63",
        cors=_PREFLIGHT,
        security=_security(),
        managed=True,
    ),
)
