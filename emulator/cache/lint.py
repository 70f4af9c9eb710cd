"""`frontyard validate` warnings about the cache: what reaches the origin but not the cache key (one viewer's
response served to another), an Authorization the origin expects but a cached behavior cannot pass, and API errors
kept for error_caching_min_ttl. Pure over the loaded Config."""

from __future__ import annotations

from collections.abc import Iterator

from emulator.cache.key import KeySpec, compile_key_spec
from emulator.cache.plan import ERRORS_ALWAYS_CACHED
from emulator.config.model import CacheBehavior, Distribution
from emulator.config.model.policies import ItemBehavior, ItemSet
from emulator.issues import ConfigIssue, Severity
from emulator.policies.forwarding import Forwarding, all_viewer_headers, compile_forwarding


def cache_warnings(d: Distribution, api_behaviors: list[CacheBehavior]) -> Iterator[ConfigIssue]:
    yield from _authorization_withheld(d, api_behaviors)
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


def _authorization_withheld(d: Distribution, api_behaviors: list[CacheBehavior]) -> Iterator[ConfigIssue]:
    """An API behavior whose origin request policy forwards every viewer header, so its author expects Authorization
    to arrive, while the behavior caches: CloudFront then removes Authorization from GET and HEAD requests (AWS: "How
    can I configure CloudFront to forward the Authorization header to the origin?")."""
    for b in api_behaviors:
        orp = b.origin_request_policy
        if b.forwarded_values is not None or not all_viewer_headers(orp) or compile_forwarding(b).authorization:
            continue
        assert orp is not None and b.cache_policy is not None
        yield _warn(b, d, f"{orp.name} forwards every viewer header except Authorization: an origin request policy "
                    f"passes Authorization only when caching is turned off, and {b.cache_policy.name} caches, so "
                    f"origin '{b.target_origin_id}' gets no Authorization on GET and HEAD (an API that checks it "
                    "answers 401 in production). Fix: put Authorization in the cache policy's headers, or use "
                    "Managed-CachingDisabled for this behavior")


def _forwarded_not_keyed(fwd: Forwarding, spec: KeySpec) -> list[str]:
    B = ItemBehavior
    gaps = [
        _gap(fwd.headers, spec.headers, (B.ALL_VIEWER, B.ALL_VIEWER_AND_CLOUDFRONT, B.ALL_EXCEPT),
             "every viewer header", "the headers", skip="cloudfront-"),
        _gap(fwd.cookies, spec.cookies, (B.ALL, B.ALL_EXCEPT), "all cookies", "the cookies"),
        # legacy query_string_cache_keys: every query string is forwarded, only these are keyed
        f"every query string (only {', '.join(spec.query_keys)} in query_string_cache_keys)" if spec.query_keys
        else _gap(fwd.query_strings, spec.query_strings, (B.ALL, B.ALL_EXCEPT), "every query string",
                  "the query strings"),
    ]
    return [g for g in gaps if g is not None]


def _gap(forwarded: tuple[ItemSet, ...], keyed: ItemSet, broad: tuple[ItemBehavior, ...], everything: str,
         some: str, skip: str = "\0") -> str | None:
    """What the policies forward (cache policy and origin request policy sets) beyond what the key holds."""
    others = [s for s in forwarded if s is not keyed]
    if any(s.behavior in broad for s in others) and keyed.behavior is not ItemBehavior.ALL:
        return everything
    names = sorted({n for s in others if s.behavior is ItemBehavior.WHITELIST for n in s.items
                    if not keyed.allows(n) and not n.startswith(skip)})
    return f"{some} {', '.join(names)}" if names else None


def _warn(b: CacheBehavior, d: Distribution, message: str) -> ConfigIssue:
    where = f"distribution '{d.id}' " + ("default_cache_behavior" if b.is_default else
                                         f"cache_behaviors[{d.cache_behaviors.index(b)}] ({b.path_pattern})")
    return ConfigIssue(Severity.WARNING, b.location, where, message)  # type: ignore[arg-type]
