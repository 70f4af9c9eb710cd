"""`frontyard validate` warnings about the cache: what reaches the origin but not the cache key (one viewer's
response served to another), and API errors kept for error_caching_min_ttl. Pure over the loaded Config."""

from __future__ import annotations

from collections.abc import Iterator

from emulator.config.model import CacheBehavior, Distribution
from emulator.config.policies import ItemBehavior
from emulator.config.source import ConfigIssue, Severity
from emulator.pipeline.cache import ERRORS_ALWAYS_CACHED
from emulator.pipeline.cache_key import KeySpec, compile_key_spec
from emulator.pipeline.forwarding import Forwarding, compile_forwarding


def cache_warnings(d: Distribution, api_behaviors: list[CacheBehavior]) -> Iterator[ConfigIssue]:
    for b in d.behaviors:
        spec = compile_key_spec(b)
        if spec.disabled:
            continue
        if gaps := _forwarded_not_keyed(compile_forwarding(b), spec):
            yield _warn(b, d, f"caches under {spec.source} but sends the origin {'; '.join(gaps)}, which the "
                        "cache key leaves out: a response that depends on them is cached once and served to every "
                        "viewer (one user's page to another, ?page=2 getting page 1). Put them in the cache policy, "
                        "or use Managed-CachingDisabled for this behavior")
    for e in d.custom_error_responses:
        cached_apis = [b for b in api_behaviors if not compile_key_spec(b).disabled]
        ttl = e.error_caching_min_ttl
        if not cached_apis or ttl == 0 or e.error_code not in ERRORS_ALWAYS_CACHED:
            continue
        names = ", ".join(b.label for b in cached_apis)
        yield ConfigIssue(Severity.WARNING, e.location, f"distribution '{d.id}' custom_error_responses",  # type: ignore[arg-type]
                          f"{e.error_code}s are cached for error_caching_min_ttl {ttl} s, also those of the cached "
                          f"API behaviors {names}: a {e.error_code} from the API (or the page replacing it) is served "
                          f"to every viewer of that URL for {ttl} s. Set error_caching_min_ttl: 0, or "
                          "Managed-CachingDisabled on the API behaviors")


def _forwarded_not_keyed(fwd: Forwarding, spec: KeySpec) -> list[str]:
    gaps = []
    headers = [s for s in fwd.headers if s is not spec.headers]
    if any(s.behavior in (ItemBehavior.ALL_VIEWER, ItemBehavior.ALL_VIEWER_AND_CLOUDFRONT, ItemBehavior.ALL_EXCEPT)
           for s in headers):
        gaps.append("every viewer header (Authorization included)")
    else:
        listed = sorted({h for s in headers if s.behavior is ItemBehavior.WHITELIST for h in s.items
                         if not spec.headers.allows(h) and not h.startswith("cloudfront-")})
        if listed:
            gaps.append("the headers " + ", ".join(listed))
    cookies = [s for s in fwd.cookies if s is not spec.cookies]
    if any(s.behavior is ItemBehavior.ALL for s in cookies) and spec.cookies.behavior is not ItemBehavior.ALL:
        gaps.append("all cookies")
    else:
        names = sorted({c for s in cookies if s.behavior is ItemBehavior.WHITELIST for c in s.items
                        if not spec.cookies.allows(c)})
        if names:
            gaps.append("the cookies " + ", ".join(names))
    queries = [s for s in fwd.query_strings if s is not spec.query_strings]
    if spec.query_keys:  # legacy query_string_cache_keys: all are forwarded, only these are keyed
        gaps.append(f"every query string (only {', '.join(spec.query_keys)} in query_string_cache_keys)")
    elif any(s.behavior is ItemBehavior.ALL for s in queries) and spec.query_strings.behavior is not ItemBehavior.ALL:
        gaps.append("every query string")
    else:
        names = sorted({q for s in queries if s.behavior is ItemBehavior.WHITELIST for q in s.items
                        if not spec.query_strings.allows(q)})
        if names:
            gaps.append("the query strings " + ", ".join(names))
    return gaps


def _warn(b: CacheBehavior, d: Distribution, message: str) -> ConfigIssue:
    where = f"distribution '{d.id}' " + ("default_cache_behavior" if b.is_default else
                                         f"cache_behaviors[{d.cache_behaviors.index(b)}] ({b.path_pattern})")
    return ConfigIssue(Severity.WARNING, b.location, where, message)  # type: ignore[arg-type]
