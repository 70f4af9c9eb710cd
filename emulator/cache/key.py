"""The cache key (AWS: "Control the cache key with a policy"), compiled per behavior at load and computed per request.
Pure.

CloudFront's key is the distribution, the URL path (and the method, for OPTIONS), plus exactly what the
cache policy names: header names case-insensitively with case-sensitive values, cookies by exact name,
query strings raw and in the order the viewer sent them (so `?a=1&b=2` and `?b=2&a=1` are two entries), and
the normalised Accept-Encoding when the policy enables gzip or Brotli. Legacy forwarded_values put
everything they forward in the key (query_string_cache_keys narrows the query part).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote_plus

from emulator.cache.store import KeyParts
from emulator.config.model import CacheBehavior
from emulator.config.model.managed import CLOUDFRONT_VIEWER_HEADERS
from emulator.config.model.policies import ItemBehavior, ItemSet
from emulator.http import HeaderPairs, ViewerRequest, split_host_port
from emulator.policies.origin_request import normalize_accept_encoding

_CLOUDFRONT = {h.lower(): h for h in CLOUDFRONT_VIEWER_HEADERS}


@dataclass(frozen=True)
class KeySpec:
    """What one behavior puts in the cache key, and its TTL bounds."""

    headers: ItemSet
    cookies: ItemSet
    query_strings: ItemSet
    min_ttl: int
    default_ttl: int
    max_ttl: int
    gzip: bool = False
    brotli: bool = False
    query_keys: tuple[str, ...] = ()  # legacy query_string_cache_keys: only these names are in the key
    all_headers: bool = False  # legacy headers ['*']: every request goes to the origin
    source: str = ""

    @property
    def disabled(self) -> bool:
        """Min = Default = Max = 0 (Managed-CachingDisabled), or legacy forwarding of all headers."""
        return self.all_headers or self.min_ttl == self.default_ttl == self.max_ttl == 0

    @property
    def ttls(self) -> str:
        return f"min {self.min_ttl}, default {self.default_ttl}, max {self.max_ttl}"


def compile_key_spec(behavior: CacheBehavior) -> KeySpec:
    legacy = behavior.forwarded_values
    if legacy is not None:
        query = ItemSet(behavior=ItemBehavior.ALL if legacy.query_string else ItemBehavior.NONE)
        return KeySpec(ItemSet(behavior=ItemBehavior.WHITELIST, items=tuple(h for h in legacy.headers if h != "*")),
                       legacy.cookies, query, legacy.min_ttl, legacy.default_ttl, legacy.max_ttl,
                       gzip=behavior.compress, query_keys=legacy.query_string_cache_keys if legacy.query_string
                       else (), all_headers="*" in legacy.headers, source="legacy forwarded_values")
    policy = behavior.cache_policy
    assert policy is not None, "the loader gives every behavior a cache policy or forwarded values"
    # Listing Accept-Encoding as a header makes it an ordinary key header and turns normalisation off (AWS: "Understand
    # cache policies").
    listed_ae = policy.headers.behavior is ItemBehavior.WHITELIST and "accept-encoding" in policy.headers.items
    return KeySpec(policy.headers, policy.cookies, policy.query_strings, policy.min_ttl, policy.default_ttl,
                   policy.max_ttl, gzip=policy.gzip and not listed_ae, brotli=policy.brotli and not listed_ae,
                   source=policy.name)


def cache_key(spec: KeySpec, distribution_id: str, method: str, path: str, request: ViewerRequest,
              generated: HeaderPairs = ()) -> KeyParts:
    """The key's parts, in a fixed order: ('distribution', id), ('path', p), then method, headers, cookies,
    query, accept-encoding as they apply. `request` is the request as the viewer-request function left it;
    `generated` the CloudFront-* headers the edge computed."""
    parts: list[tuple[str, str]] = [("distribution", distribution_id), ("path", path)]
    if method == "OPTIONS":
        parts.append(("method", "OPTIONS"))
    parts += _headers(spec, request, generated)
    parts += _cookies(spec, request)
    if (query := _query(spec, request.query)) is not None:
        parts.append(("query", query))
    if spec.gzip or spec.brotli:
        encoding = normalize_accept_encoding(request.headers.get("Accept-Encoding"), spec.gzip, spec.brotli)
        if encoding not in (None, "identity"):
            parts.append(("accept-encoding", encoding))
    return tuple(parts)


def _headers(spec: KeySpec, request: ViewerRequest, generated: HeaderPairs) -> list[tuple[str, str]]:
    if spec.headers.behavior is ItemBehavior.NONE:
        return []
    ours = {name.lower(): value for name, value in generated}
    out = []
    for name in sorted(spec.headers.items):  # header order does not matter; names are stored lower-case
        if name in _CLOUDFRONT:
            value = ours.get(name)
        elif name == "host":
            host = request.headers.get("Host")
            value = split_host_port(host)[0] if host is not None else None
        else:
            values = request.headers.getall(name, [])
            value = ",".join(values) if values else None
        if value is not None:
            out.append((f"header:{name}", value))
    return out


def _cookies(spec: KeySpec, request: ViewerRequest) -> list[tuple[str, str]]:
    if spec.cookies.behavior is ItemBehavior.NONE:
        return []
    pairs = []
    for line in request.headers.getall("Cookie", []):
        for part in line.split(";"):
            name, sep, value = part.strip().partition("=")
            if name and sep and spec.cookies.allows(name):
                pairs.append((f"cookie:{name}", value))
    return sorted(pairs)  # CloudFront sorts cookies by name before forwarding; their order is not a new entry


def _query(spec: KeySpec, query: str) -> str | None:
    """The query string as it goes into the key: raw, in the viewer's order, filtered by name."""
    behavior = spec.query_strings.behavior
    if not query or behavior is ItemBehavior.NONE:
        return None
    if behavior is ItemBehavior.ALL and not spec.query_keys:
        return query
    kept = []
    for part in query.split("&"):
        name = unquote_plus(part.partition("=")[0])  # matched decoded, as forwarded_query does
        wanted = name in spec.query_keys if spec.query_keys else spec.query_strings.allows(name)
        if wanted:
            kept.append(part)
    return "&".join(kept) if kept else None


def no_copy(parts: KeyParts) -> str:
    """The trace's sentence for a miss (written when the trace is read)."""
    return f"no cached copy ({describe(parts)})"


def describe(parts: KeyParts) -> str:
    """'path /a, query a=1&b=2, header:origin https://x' — for the trace and explain."""
    return ", ".join(f"{name} {value!r}" if name in ("query", "path") else f"{name}={value}"
                     for name, value in parts if name != "distribution")
