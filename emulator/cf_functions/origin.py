"""Origin modification helpers (2.0, viewer-request): validate the call and describe the change.

DG/helper-functions-origin-modification. The pipeline applies the change to the origin request; the
existence of origin IDs is checked there too (`OriginChange.origin_ids`), since only it knows the
distribution.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Any

from .event import is_disallowed

# Headers an origin custom header may not set (DG/add-origin-custom-headers), lowercased.
_CUSTOM_HEADER_FORBIDDEN = frozenset({
    "cache-control", "connection", "content-length", "cookie", "host", "if-match", "if-modified-since",
    "if-none-match", "if-range", "if-unmodified-since", "max-forwards", "pragma", "proxy-authorization",
    "proxy-connection", "range", "request-range", "te", "trailer", "transfer-encoding", "upgrade", "via",
    "x-real-ip",
})  # fmt: skip
_SSL = frozenset({"SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"})


class OriginCallError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Timeouts:
    read: int | None = None
    response_completion: int | None = None
    keep_alive: int | None = None
    connection: int | None = None


@dataclass(frozen=True, slots=True)
class CustomOriginConfig:
    port: int | None = None
    protocol: str | None = None  # "http" | "https"
    ssl_protocols: tuple[str, ...] | None = None
    ip_address_type: str | None = None


@dataclass(frozen=True, slots=True)
class OriginOverrides:
    host_header: str | None = None
    sni: str | None = None
    allowed_certificate_names: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class UpdateRequestOrigin:
    """cf.updateRequestOrigin(): unspecified fields (None) inherit from the behavior's origin."""

    domain_name: str | None = None
    origin_path: str | None = None
    custom_headers: tuple[tuple[str, str], ...] | None = None  # () clears the origin's custom headers
    connection_attempts: int | None = None
    timeouts: Timeouts | None = None
    custom_origin_config: CustomOriginConfig | None = None
    overrides: OriginOverrides = OriginOverrides()
    origin_shield: tuple[tuple[str, Any], ...] | None = None
    origin_access_control: tuple[tuple[str, Any], ...] | None = None

    @property
    def origin_ids(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, slots=True)
class SelectRequestOrigin:
    """cf.selectRequestOriginById(): an origin that must exist in the distribution."""

    origin_id: str
    overrides: OriginOverrides = OriginOverrides()

    @property
    def origin_ids(self) -> tuple[str, ...]:
        return (self.origin_id,)


@dataclass(frozen=True, slots=True)
class OriginGroupMember:
    origin_id: str
    overrides: OriginOverrides = OriginOverrides()


@dataclass(frozen=True, slots=True)
class CreateRequestOriginGroup:
    primary: OriginGroupMember
    secondary: OriginGroupMember
    selection_criteria: str
    failover_status_codes: tuple[int, ...]

    @property
    def origin_ids(self) -> tuple[str, ...]:
        return (self.primary.origin_id, self.secondary.origin_id)


OriginChange = UpdateRequestOrigin | SelectRequestOrigin | CreateRequestOriginGroup


def _int(params: dict[str, Any], key: str, low: int, high: int) -> int | None:
    if key not in params:
        return None
    value = params[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise OriginCallError(f"{key} must be an integer from {low} to {high}, got {value!r}")
    return value


def _str(params: dict[str, Any], key: str) -> str | None:
    if key not in params:
        return None
    if not isinstance(params[key], str) or not params[key]:
        raise OriginCallError(f"{key} must be a non-empty string")
    return params[key]


def _overrides(params: dict[str, Any]) -> OriginOverrides:
    names = params.get("allowedCertificateNames")
    if names is not None:
        if (
            not isinstance(names, list)
            or len(names) > 20
            or not all(isinstance(n, str) and 0 < len(n) <= 64 for n in names)
        ):
            raise OriginCallError("allowedCertificateNames must be at most 20 names of at most 64 characters")
        names = tuple(names)
    return OriginOverrides(_str(params, "hostHeader"), _str(params, "sni"), names)


def _domain(value: str) -> str:
    if ":" in value or len(value) > 253:
        raise OriginCallError(f"domainName {value!r} must be a host name without a port, at most 253 characters")
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return value
    raise OriginCallError(f"domainName {value!r} must be a host name, not an IP address")


def _update(params: dict[str, Any]) -> UpdateRequestOrigin:
    domain = _str(params, "domainName")
    path = _str(params, "originPath")
    if path is not None and (not path.startswith("/") or path.endswith("/") or len(path) > 255):
        raise OriginCallError(f"originPath {path!r} must start with '/', not end with '/', at most 255 characters")
    headers = None
    if "customHeaders" in params:
        raw = params["customHeaders"]
        if not isinstance(raw, dict):
            raise OriginCallError("customHeaders must be an object of name: value")
        for name, value in raw.items():
            if name != name.lower() or not isinstance(value, str):
                raise OriginCallError(f"customHeaders: '{name}' must be a lowercase name with a string value")
            if is_disallowed(name) or name in _CUSTOM_HEADER_FORBIDDEN or name.startswith("x-amz-"):
                raise OriginCallError(f"customHeaders: '{name}' cannot be set as an origin custom header")
        headers = tuple(raw.items())
    timeouts = None
    if "timeouts" in params:
        t = params["timeouts"] if isinstance(params["timeouts"], dict) else {}
        timeouts = Timeouts(
            _int(t, "readTimeout", 1, 120), _int(t, "responseCompletionTimeout", 1, 10**9),
            _int(t, "keepAliveTimeout", 1, 120), _int(t, "connectionTimeout", 1, 10),
        )  # fmt: skip
        if timeouts.read and timeouts.response_completion and timeouts.response_completion < timeouts.read:
            raise OriginCallError("timeouts.responseCompletionTimeout must be >= readTimeout")
    custom = None
    if "customOriginConfig" in params:
        c = params["customOriginConfig"] if isinstance(params["customOriginConfig"], dict) else {}
        port = _int(c, "port", 1, 65535)
        if port is not None and port not in (80, 443) and port < 1024:
            raise OriginCallError(f"customOriginConfig.port must be 80, 443 or 1024-65535, got {port}")
        protocol = c.get("protocol")
        if protocol is not None and protocol not in ("http", "https"):
            raise OriginCallError("customOriginConfig.protocol must be 'http' or 'https'")
        ssl = c.get("sslProtocols")
        if ssl is not None and (not isinstance(ssl, list) or not set(ssl) <= _SSL):
            raise OriginCallError(f"customOriginConfig.sslProtocols must be a list of {sorted(_SSL)}")
        ip_type = c.get("ipAddressType")
        if ip_type is not None and (ip_type not in ("ipv4", "ipv6", "dualstack") or domain is None):
            raise OriginCallError("customOriginConfig.ipAddressType must be ipv4|ipv6|dualstack, with a new domainName")
        custom = CustomOriginConfig(port, protocol, tuple(ssl) if ssl else None, ip_type)
    return UpdateRequestOrigin(
        domain_name=_domain(domain) if domain else None,
        origin_path=path,
        custom_headers=headers,
        connection_attempts=_int(params, "connectionAttempts", 1, 3),
        timeouts=timeouts,
        custom_origin_config=custom,
        overrides=_overrides(params),
        origin_shield=tuple(params["originShield"].items()) if isinstance(params.get("originShield"), dict) else None,
        origin_access_control=(
            tuple(params["originAccessControlConfig"].items())
            if isinstance(params.get("originAccessControlConfig"), dict) else None
        ),
    )  # fmt: skip


def _group(params: dict[str, Any]) -> CreateRequestOriginGroup:
    members = params.get("originIds")
    if not isinstance(members, list) or len(members) != 2:
        raise OriginCallError("originIds must list exactly two origins (primary first)")
    parsed = []
    for member in members:
        if isinstance(member, str):
            parsed.append(OriginGroupMember(member))
        elif isinstance(member, dict) and isinstance(member.get("originId"), str):
            overrides = member.get("originOverrides") or {}
            parsed.append(OriginGroupMember(member["originId"], _overrides(overrides)))
        else:
            raise OriginCallError("each originIds entry needs an originId")
    criteria = params.get("selectionCriteria", "default")
    if criteria not in ("default", "media-quality-score"):
        raise OriginCallError("selectionCriteria must be 'default' or 'media-quality-score'")
    failover = params.get("failoverCriteria") or {}
    codes = failover.get("statusCodes") if isinstance(failover, dict) else failover
    allowed = {400, 403, 404, 416, 500, 502, 503, 504}
    if not isinstance(codes, list) or not codes or not set(codes) <= allowed:
        raise OriginCallError(f"failoverCriteria.statusCodes must be a non-empty list of {sorted(allowed)}")
    return CreateRequestOriginGroup(parsed[0], parsed[1], criteria, tuple(codes))


def parse_origin_call(call: dict[str, Any]) -> OriginChange:
    """The last origin helper call of an invocation -> a validated change; OriginCallError if invalid."""
    helper, args = call["helper"], call["args"]
    first = args[0] if args else None
    if helper == "updateRequestOrigin":
        if not isinstance(first, dict):
            raise OriginCallError("cf.updateRequestOrigin() takes an object")
        return _update(first)
    if helper == "selectRequestOriginById":
        if not isinstance(first, str) or not first:
            raise OriginCallError("cf.selectRequestOriginById() takes an origin ID")
        second = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
        return SelectRequestOrigin(first, _overrides(second))
    if not isinstance(first, dict):
        raise OriginCallError("cf.createRequestOriginGroup() takes an object")
    return _group(first)
