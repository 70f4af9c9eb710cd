"""The typed, immutable configuration. Only the loader builds these; everything after it reads them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from emulator.config.model.access import AwsIdentity, OriginAccessControl
from emulator.config.model.headers import ResponseHeadersPolicy
from emulator.config.model.managed import CACHE_POLICIES
from emulator.config.model.policies import CachePolicy, ForwardedValues, OriginRequestPolicy
from emulator.issues import ConfigIssue, Location

if TYPE_CHECKING:  # what the engines compiled at load; the model only carries them
    from emulator.cf_functions import CompiledFunction
    from emulator.signing.keys import PublicKey


class ViewerProtocolPolicy(StrEnum):
    ALLOW_ALL = "allow-all"
    REDIRECT_TO_HTTPS = "redirect-to-https"
    HTTPS_ONLY = "https-only"


class OriginProtocolPolicy(StrEnum):
    HTTP_ONLY = "http-only"
    HTTPS_ONLY = "https-only"
    MATCH_VIEWER = "match-viewer"


class EventType(StrEnum):
    VIEWER_REQUEST = "viewer-request"
    VIEWER_RESPONSE = "viewer-response"


# CloudFront accepts exactly these three method sets (AllowedMethods), and cached methods are one of two.
METHOD_SETS: tuple[frozenset[str], ...] = (
    frozenset({"GET", "HEAD"}),
    frozenset({"GET", "HEAD", "OPTIONS"}),
    frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"}),
)
CACHED_METHOD_SETS: tuple[frozenset[str], ...] = METHOD_SETS[:2]


class CertificateKind(StrEnum):
    """What an HTTPS mock origin's certificate is like: valid, or broken on purpose."""

    VALID = "valid"
    SELF_SIGNED = "self-signed"
    EXPIRED = "expired"
    UNTRUSTED = "untrusted"  # issued by a CA nobody trusts


@dataclass(frozen=True, kw_only=True)
class MockTLS:
    """An HTTPS mock origin's certificate: which names, and valid or broken on purpose."""

    names: tuple[str, ...]
    certificate: str = "valid"  # valid | self-signed | expired | untrusted (CertificateKind)
    max_version: str | None = None  # "TLSv1.2" to reproduce a protocol mismatch


@dataclass(frozen=True, kw_only=True)
class MockSpec:
    """A built-in mock origin: a real aiohttp server the emulator starts on a loopback port."""

    type: str
    options: tuple[tuple[str, object], ...] = ()  # validated by the loader against the mock's schema
    base_dir: Path = Path(".")  # config file's folder: mock paths are relative to it
    tls: MockTLS | None = None  # serve HTTPS (only) with this certificate

    def option(self, name: str, default: object = None) -> object:
        return dict(self.options).get(name, default)


@dataclass(frozen=True, kw_only=True)
class Origin:
    id: str
    domain_name: str
    location: Location | None = None
    origin_path: str = ""
    custom_headers: tuple[tuple[str, str], ...] = ()
    connection_attempts: int = 3
    connection_timeout: float = 10
    protocol_policy: OriginProtocolPolicy = OriginProtocolPolicy.HTTP_ONLY
    http_port: int = 80
    https_port: int = 443
    read_timeout: float = 30
    keepalive_timeout: float = 5
    ssl_protocols: tuple[str, ...] = ("TLSv1.2",)
    is_s3: bool = False  # s3_origin_config (REST bucket endpoint) rather than custom_origin_config
    mock: MockSpec | None = None
    access_control: OriginAccessControl | None = None  # origin_access_control_id, resolved
    access_identity: str | None = None  # s3_origin.origin_access_identity: the legacy OAI's id (E2...)


@dataclass(frozen=True, kw_only=True)
class FunctionAssociation:
    event_type: EventType
    function_name: str


@dataclass(frozen=True, kw_only=True)
class CacheBehavior:
    path_pattern: str  # "*" for the default behavior
    target_origin_id: str
    location: Location | None = None
    is_default: bool = False
    viewer_protocol_policy: ViewerProtocolPolicy = ViewerProtocolPolicy.ALLOW_ALL
    allowed_methods: frozenset[str] = METHOD_SETS[0]
    cached_methods: frozenset[str] = METHOD_SETS[0]
    compress: bool = False
    # Exactly one of cache_policy / forwarded_values (legacy) is set; the console's default policy otherwise.
    cache_policy: CachePolicy | None = CACHE_POLICIES[0]
    origin_request_policy: OriginRequestPolicy | None = None
    forwarded_values: ForwardedValues | None = None
    response_headers_policy: str | None = None
    function_associations: tuple[FunctionAssociation, ...] = ()
    # Private content (stage 5b): key group names, or legacy signer accounts ("self" / account ids).
    trusted_key_groups: tuple[str, ...] = ()
    trusted_signers: tuple[str, ...] = ()
    # response_headers_policy resolved (AWS: "Understand response headers policies")
    headers_policy: ResponseHeadersPolicy | None = None
    lambda_function_associations: tuple[LambdaAssociation, ...] = ()  # Lambda@Edge, at most one per event

    @property
    def restricted(self) -> bool:
        """Restrict viewer access: every request needs a signed URL or signed cookies."""
        return bool(self.trusted_key_groups or self.trusted_signers)

    @property
    def label(self) -> str:
        return "default (*)" if self.is_default else self.path_pattern


@dataclass(frozen=True, kw_only=True)
class CustomErrorResponse:
    error_code: int
    response_page_path: str | None = None
    response_code: int | None = None
    error_caching_min_ttl: int = 10
    location: Location | None = None


@dataclass(frozen=True, kw_only=True)
class Distribution:
    id: str
    domain_name: str  # the distribution's own name, like d111111abcdef8.cloudfront.net
    origins: tuple[Origin, ...]
    default_cache_behavior: CacheBehavior
    cache_behaviors: tuple[CacheBehavior, ...] = ()
    aliases: tuple[str, ...] = ()
    default_root_object: str = ""
    custom_error_responses: tuple[CustomErrorResponse, ...] = ()
    location: Location | None = None
    origin_groups: tuple[OriginGroup, ...] = ()
    geo_restriction: GeoRestriction | None = None
    arn: str | None = None  # as given (importers: the id references to it resolve to); None: built from the id

    def origin(self, origin_id: str) -> Origin:
        """The origin with this id; for an origin group's id, its primary."""
        group = self.group(origin_id)
        return next(o for o in self.origins if o.id == (group.primary if group is not None else origin_id))

    def group(self, target_id: str) -> OriginGroup | None:
        """The origin group a behavior's target_origin_id names, if it names one."""
        return next((g for g in self.origin_groups if g.id == target_id), None)

    @property
    def behaviors(self) -> tuple[CacheBehavior, ...]:
        """In evaluation order: the ordered behaviors, then the default."""
        return (*self.cache_behaviors, self.default_cache_behavior)


@dataclass(frozen=True, kw_only=True)
class KeyGroup:
    """A CloudFront key group: the public keys a behavior trusting it verifies signatures with."""

    name: str
    public_keys: tuple[PublicKey, ...]
    location: Location | None = None


@dataclass(frozen=True, kw_only=True)
class FunctionConfig:
    name: str
    runtime: str
    code_path: Path
    compiled: CompiledFunction  # gated and compiled once, at load
    key_value_store: str | None = None
    location: Location | None = None


@dataclass(frozen=True, kw_only=True)
class Listen:
    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


@dataclass(frozen=True, kw_only=True)
class CacheSettings:
    """`emulator.cache`: the edge cache kept in memory (one edge location's cache)."""

    enabled: bool = True
    max_bytes: int = 256 * 2**20  # the whole store; least recently used entries go first
    max_object_bytes: int = 16 * 2**20  # larger objects pass through uncached (never held whole in memory)


@dataclass(frozen=True, kw_only=True)
class EmulatorSettings:
    http: Listen = Listen(host="127.0.0.1", port=8080)
    https: Listen | None = Listen(host="127.0.0.1", port=8443)
    admin: Listen | None = Listen(host="127.0.0.1", port=9901)  # /_frontyard/health, apart from every distribution
    state_dir: Path | None = None  # where the local CA lives; None: $FRONTYARD_STATE_DIR or ~/.frontyard
    resolve: tuple[tuple[str, str, int | None], ...] = ()  # (name, host, port or None = origin's port)
    pop: str = "LCL50-C1"
    edge_id: str = "e0f1a2b3c4d5e6f708192a3b4c5d6e7f"  # the hex in Via: 1.1 <edge_id>.cloudfront.net
    debug_header: bool = False
    access_log: bool = True
    viewer: tuple[tuple[str, str], ...] = ()  # geolocation overrides for CloudFront-Viewer-* headers
    cache: CacheSettings = CacheSettings()
    # Legacy trusted signers' CloudFront key pairs: (account id or "self", public keys).
    key_pairs: tuple[tuple[str, tuple[PublicKey, ...]], ...] = ()
    history: int = 500  # requests the inspector keeps with their whole trace (0: none)
    access_log_file: Path | None = None  # also write CloudFront's standard access log format here
    # AWS "Quotas", quotas on WebSocket connections: closed after 10 minutes without a byte from the origin.
    websocket_idle_timeout: float = 600.0
    server: str = "lean"  # the viewer listeners: "lean" (serve/lean.py) or "aiohttp" (aiohttp's web server)
    # emulator.account_id and aws_credentials: the distributions' ARNs, the credentials origin requests are signed with.
    aws: AwsIdentity = field(default_factory=AwsIdentity)

    @property
    def edge_name(self) -> str:
        """This edge's name in Via and CDN-Loop: <edge_id>.cloudfront.net."""
        return f"{self.edge_id}.cloudfront.net"

    def resolved(self, name: str) -> tuple[str, int | None] | None:
        for entry, host, port in self.resolve:
            if entry == name.lower():
                return host, port
        return None


@dataclass(frozen=True, kw_only=True)
class Config:
    file: str
    distributions: tuple[Distribution, ...]
    functions: tuple[FunctionConfig, ...] = ()
    emulator: EmulatorSettings = field(default_factory=EmulatorSettings)
    warnings: tuple[ConfigIssue, ...] = ()  # issues of severity warning, kept for `validate` and `serve`
    key_groups: tuple[KeyGroup, ...] = ()
    lambda_functions: tuple[LambdaFunctionConfig, ...] = ()
    # Where it came from, when imported (CloudFormation, CloudFront JSON, Terraform) and/or overlaid:
    source_format: str = "frontyard YAML"
    source_files: tuple[Path, ...] = ()  # every file read besides `file` (watched by --watch)
    local: str | None = None  # the local overlay file applied
    parameters: tuple[tuple[str, str], ...] = ()  # --parameter values (re-used on reload)


@dataclass(frozen=True, kw_only=True)
class OriginGroup:
    """Two origins and the statuses on which the primary's answer is replaced by the secondary's (AWS: "Optimize high
    availability with CloudFront origin failover")."""

    id: str
    primary: str
    secondary: str
    status_codes: tuple[int, ...]
    location: Location | None = None


@dataclass(frozen=True, kw_only=True)
class GeoRestriction:
    """restrictions.geo_restriction: whitelist (only these countries) or blacklist (all but these)."""

    restriction_type: str  # whitelist | blacklist
    locations: frozenset[str]  # ISO 3166-1 alpha-2, upper-case
    location: Location | None = None


# -- Lambda@Edge (AWS: "Customize at the edge with Lambda@Edge") -------------------------------------------------------
class LambdaEvent(StrEnum):
    VIEWER_REQUEST = "viewer-request"
    ORIGIN_REQUEST = "origin-request"
    ORIGIN_RESPONSE = "origin-response"
    VIEWER_RESPONSE = "viewer-response"

    @property
    def is_viewer(self) -> bool:
        return self in (LambdaEvent.VIEWER_REQUEST, LambdaEvent.VIEWER_RESPONSE)

    @property
    def is_request(self) -> bool:
        return self in (LambdaEvent.VIEWER_REQUEST, LambdaEvent.ORIGIN_REQUEST)


@dataclass(frozen=True, kw_only=True)
class LambdaAssociation:
    event_type: LambdaEvent
    function_name: str
    include_body: bool = False
    location: Location | None = None


@dataclass(frozen=True, kw_only=True)
class LambdaFunctionConfig:
    name: str
    runtime: str  # nodejs20.x, python3.12, ...
    code_dir: Path  # the folder the handler's module is loaded from (the worker's working directory)
    handler: str  # module.function, as Lambda's Handler setting
    module_path: Path  # the handler's source file (watched for reload)
    interpreter: str  # the local executable that runs it: node, python3.12 or this Python
    timeout: float = 3  # seconds (Lambda's default); at most 5 on viewer events, 30 on origin events
    memory_size: int = 128  # MB; at most 128 on viewer events
    location: Location | None = None

    @property
    def language(self) -> str:
        return "nodejs" if self.runtime.startswith("nodejs") else "python"
