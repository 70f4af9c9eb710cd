"""Whether a request is looked up in the cache, and whether and how long CloudFront keeps a response
(AWS: "Cache behavior settings" for cached methods, "Manage how long content stays in the cache (expiration)",
"How CloudFront processes HTTP 4xx and 5xx status codes from your origin"). Pure.

Every rule is a row of AWS's table, and every answer carries the sentence that explains it
("ttl 3600 s: s-maxage 3600 within [1, 31536000]"). Where AWS differs from RFC 9111 we follow AWS:
`no-cache`/`no-store`/`private` are cached for MinTTL when MinTTL > 0, the viewer's Cache-Control is
ignored, Expires is ignored next to max-age.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Protocol

from emulator.cache.key import KeyParts, KeySpec, cache_key, describe
from emulator.config.model import CacheBehavior, Distribution, EmulatorSettings, Origin
from emulator.http import HeaderPairs, Headers, ViewerRequest
from emulator.policies.forwarding import Forwarding
from emulator.policies.loops import passes

# AWS "How CloudFront processes HTTP 4xx and 5xx status codes from your origin": errors cached for ErrorCachingMinTTL
# always, or only when the origin sent max-age / s-maxage.
ERRORS_ALWAYS_CACHED = frozenset((404, 414, 500, 501, 502, 503, 504))
ERRORS_CACHED_WITH_MAX_AGE = frozenset((400, 403, 405, 412, 415))
# AWS "Control how long CloudFront caches errors": no-store, no-cache or private on these is honoured (the error is
# not cached); on every other error they are ignored and the error is cached for ErrorCachingMinTTL.
ERRORS_REFUSED_BY_NO_STORE = frozenset((404, 410, 414, 501))
DEFAULT_ERROR_MIN_TTL = 10

_DIRECTIVE = re.compile(r'\s*([^\s=,]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^,]*))?\s*(?:,|$)')


def parse_cache_control(values: list[str]) -> dict[str, str | None]:
    """Directives (lower-case names) to their value without quotes; None when a directive has no value.
    Handles quoted lists like no-cache="Set-Cookie, X-A"."""
    out: dict[str, str | None] = {}
    for line in values:
        for m in _DIRECTIVE.finditer(line):
            if not m.group(1):
                continue
            raw = m.group(2)
            value = raw.strip().strip('"') if raw is not None else None
            out.setdefault(m.group(1).lower(), value)
    return out


def seconds(directives: dict[str, str | None], name: str) -> int | None:
    """An integer directive like max-age; None when absent or not a number (then it is ignored)."""
    value = directives.get(name)
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


@dataclass(frozen=True)
class Freshness:
    """The decision for one origin response."""

    store: bool
    ttl: float  # seconds the copy is fresh
    reason: str  # the row of the table that decided, in words
    stale_while_revalidate: float = 0
    stale_if_error: float | None = None  # None: CloudFront's default (stale served on 5xx); 0: never
    strip_set_cookie: bool = False  # no-cache="Set-Cookie": the copy is kept without it


def _origin_ttl(directives: dict[str, str | None], headers: Headers, now: float) -> tuple[float, str] | None:
    """The TTL the origin asked for and the header it came from: s-maxage > max-age > Expires."""
    if (value := seconds(directives, "s-maxage")) is not None:
        return value, f"s-maxage {value}"
    if (value := seconds(directives, "max-age")) is not None:
        extra = " (Expires ignored next to max-age)" if "Expires" in headers else ""
        return value, f"max-age {value}{extra}"
    if (expires := headers.get("Expires")) is not None:
        try:
            at = parsedate_to_datetime(expires).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return 0, f"Expires '{expires}' is not a date (treated as already expired)"
        return max(0.0, at - now), f"Expires {expires}"
    return None


def freshness(status: int, headers: Headers, spec: KeySpec, now: float, *,
              error_min_ttl: int = DEFAULT_ERROR_MIN_TTL, part: bool = False) -> Freshness:
    """Whether a response is stored, and for how long (now is the time it arrived); `part`: a 206 that is kept as
    a part of the object (cache/parts.py), under the same rules as the whole object."""
    bounds = f"[{spec.min_ttl}, {spec.max_ttl}]"
    if spec.disabled:
        why = "legacy forwarded_values forward all headers" if spec.all_headers else \
            f"{spec.source} has min = default = max TTL 0"
        return Freshness(False, 0, f"not cached: {why}")
    cc = parse_cache_control(headers.getall("Cache-Control", []))
    swr = min(float(seconds(cc, "stale-while-revalidate") or 0), spec.max_ttl)
    sie_value = seconds(cc, "stale-if-error")
    sie = None if sie_value is None else float(min(sie_value, spec.max_ttl))
    strip = _no_cache_fields(cc)
    origin = _origin_ttl(cc, headers, now)
    extras = {"stale_while_revalidate": swr, "stale_if_error": sie, "strip_set_cookie": strip}

    if status >= 400:
        return _error_freshness(status, cc, origin, spec, error_min_ttl, extras)
    if (status == 206 and not part) or status == 304 or status < 200:
        why = "not one satisfied byte range" if status == 206 else "only objects and their parts are stored"
        return Freshness(False, 0, f"not cached: status {status} ({why})")
    if "*" in (v.strip() for line in headers.getall("Vary", []) for v in line.split(",")) and spec.min_ttl == 0:
        return Freshness(False, 0, "not cached: Vary: * with min_ttl 0 sends every request to the origin")

    refusing = _refusing(cc)
    if refusing:
        said = "Cache-Control: " + ", ".join(refusing)
        if spec.min_ttl == 0:
            return Freshness(False, 0, f"not cached: {said} is respected because min_ttl is 0")
        return Freshness(True, spec.min_ttl, f"ttl {spec.min_ttl} s: {said} is overridden by min_ttl "
                         f"{spec.min_ttl} (CloudFront caches for min_ttl anyway)", **extras)
    if origin is not None:
        value, said = origin
        if spec.min_ttl == 0:
            ttl = min(value, spec.max_ttl)
            clamp = f"capped at max_ttl {spec.max_ttl}" if ttl != value else f"within {bounds}"
        else:
            ttl = min(max(value, spec.min_ttl), spec.max_ttl)
            clamp = f"within {bounds}" if ttl == value else f"clamped to {bounds}"
        return Freshness(True, ttl, f"ttl {ttl:g} s: {said} {clamp}", **extras)
    ttl = spec.default_ttl if spec.min_ttl == 0 else max(spec.min_ttl, spec.default_ttl)
    return Freshness(True, ttl, f"ttl {ttl} s: no Cache-Control max-age/s-maxage or Expires, default_ttl "
                     f"{spec.default_ttl}" + (f" (min_ttl {spec.min_ttl})" if spec.min_ttl else ""), **extras)


def _error_freshness(status: int, cc: dict[str, str | None], origin: tuple[float, str] | None, spec: KeySpec,
                     error_min_ttl: int, extras: dict[str, object]) -> Freshness:
    if status == 416:
        return Freshness(False, 0, "not cached: CloudFront never caches 416")
    refusing = _refusing(cc)
    said_refusing = "Cache-Control: " + ", ".join(refusing)
    if refusing and status in ERRORS_REFUSED_BY_NO_STORE:
        return Freshness(False, 0, f"not cached: {said_refusing} is respected on a {status} (CloudFront honours it "
                         "on 404, 410, 414 and 501)")
    has_max_age = seconds(cc, "max-age") is not None or seconds(cc, "s-maxage") is not None
    if status in ERRORS_CACHED_WITH_MAX_AGE and not has_max_age:
        return Freshness(False, 0, f"not cached: {status} is cached only when the origin sends max-age or s-maxage")
    if status not in ERRORS_ALWAYS_CACHED and status not in ERRORS_CACHED_WITH_MAX_AGE:
        return Freshness(False, 0, f"not cached: CloudFront does not cache status {status}")
    ignored = f" ({said_refusing} is ignored on a {status})" if refusing else ""
    if origin is not None:
        value, said = origin
        capped = min(value, spec.max_ttl)
        ttl = max(capped, error_min_ttl)
        return Freshness(ttl > 0, ttl, f"error ttl {ttl:g} s: max({said}" + (f" capped at max_ttl {spec.max_ttl}"
                         if capped != value else "") + f", error_caching_min_ttl {error_min_ttl}){ignored}", **extras)
    if error_min_ttl == 0:
        return Freshness(False, 0, f"not cached: {status} with error_caching_min_ttl 0")
    return Freshness(True, error_min_ttl, f"error ttl {error_min_ttl} s: {status} cached for "
                     f"error_caching_min_ttl{ignored}", **extras)


def _refusing(cc: dict[str, str | None]) -> list[str]:
    """The directives that ask not to be cached (no-cache with field names only strips those fields)."""
    return [d for d in ("no-store", "no-cache", "private") if d in cc and not (d == "no-cache" and cc[d])]


def _no_cache_fields(cc: dict[str, str | None]) -> bool:
    fields = cc.get("no-cache")
    return bool(fields) and "set-cookie" in (f.strip().lower() for f in (fields or "").split(","))


@dataclass(frozen=True)
class CachePlan:
    """Stage 7's decision for one request, made before any origin is contacted (explain shows it)."""

    key: KeyParts
    spec: KeySpec
    cacheable: bool  # looked up and stored
    why: str  # why not cacheable; for a cacheable plan the request's method (reason() writes the sentence)
    # concurrent misses wait for the first (not with cookies forwarded, AWS: "Request and response behavior for custom
    # origins")
    collapse: bool
    error_min_ttls: tuple[tuple[int, int], ...] = ()  # custom_error_responses' error_caching_min_ttl by code
    s3_origin: bool = False
    part: bool = False  # the key is a part's: the object's key and the byte range the origin answered (cache/parts.py)

    def reason(self) -> str:
        """The decision in one sentence, for the trace: a cacheable plan's `why` is the method, and the sentence
        names the key."""
        if not self.cacheable:
            return self.why
        return f"{self.why} under {self.spec.source} (TTLs {self.spec.ttls}); key: {describe(self.key)}"

    def error_min_ttl(self, status: int) -> int:
        ttl = next((t for code, t in self.error_min_ttls if code == status), DEFAULT_ERROR_MIN_TTL)
        # AWS "How CloudFront processes HTTP 4xx and 5xx status codes from your origin": an S3 origin's 0 behaves as 1 s
        return 1 if ttl == 0 and self.s3_origin else ttl


class Route(Protocol):
    """What the cache reads of a compiled behavior (pipeline.stages.routing.CompiledBehavior): the key spec and the
    forwarding compiled at load, and the origin the behavior targets."""

    @property
    def behavior(self) -> CacheBehavior: ...

    @property
    def key_spec(self) -> KeySpec: ...

    @property
    def forwarding(self) -> Forwarding: ...

    @property
    def origin(self) -> Origin | None: ...


def plan_cache(settings: EmulatorSettings, distribution: Distribution, route: Route,
               request: ViewerRequest, keyed: ViewerRequest, path: str, generated: HeaderPairs,
               error_ttls: tuple[tuple[int, int], ...]) -> CachePlan:
    """Stage 7a: the key and whether the response may be looked up and stored (AWS: "Cache behavior settings",
    "Control the cache key with a policy"). `request` is as the viewer-request function left it; `keyed` the same as the
    key sees it (without
    the signing parameters and cookies on a restricted behavior)."""
    spec = route.key_spec
    method = request.method
    key = cache_key(spec, distribution.id, method, path, keyed, generated)
    behavior = route.behavior
    if not settings.cache.enabled:
        why = "emulator.cache.enabled is false: every request goes to the origin"
    elif method not in ("GET", "HEAD", "OPTIONS"):
        why = f"{method} responses are never cached"
    elif method == "OPTIONS" and "OPTIONS" not in behavior.cached_methods:
        why = "OPTIONS is not in cached_methods"
    elif spec.disabled:
        why = (f"{spec.source} forwards all headers" if spec.all_headers else
               f"{spec.source} has min = default = max TTL 0") + ": never stored, never collapsed"
    else:
        why = method  # the sentence is written on read (CachePlan.reason): serving does not need the key described
        origin = route.origin or distribution.origin(behavior.target_origin_id)
        is_s3 = origin.is_s3 or (origin.mock is not None and origin.mock.type == "s3")
        # A request that re-entered this edge (an origin pointing back at it) must not wait on the fill it is
        # itself part of.
        collapse = not route.forwarding.forwards_cookies and passes(request, settings) == 0
        return CachePlan(key, spec, True, why, collapse=collapse, error_min_ttls=error_ttls, s3_origin=is_s3)
    return CachePlan(key, spec, False, why, collapse=False)
