"""Loading cache policies, origin request policies and legacy forwarded values (AWS: "Control the cache key with a
policy", "Control origin requests with a policy", "Quotas")."""

from __future__ import annotations

import uuid

from emulator.config import keys as config_keys
from emulator.config.model.managed import (
    CACHE_POLICIES,
    CLOUDFRONT_VIEWER_HEADERS,
    ORIGIN_REQUEST_POLICIES,
    ORP_ONLY_CLOUDFRONT_HEADERS,
)
from emulator.config.model.policies import CachePolicy, ForwardedValues, ItemBehavior, ItemSet, OriginRequestPolicy
from emulator.config.reader import Report, Section

B = ItemBehavior
CACHE_HEADER_BEHAVIORS = (B.NONE, B.WHITELIST)
ORP_HEADER_BEHAVIORS = (B.NONE, B.WHITELIST, B.ALL_VIEWER, B.ALL_VIEWER_AND_CLOUDFRONT, B.ALL_EXCEPT)
COOKIE_QS_BEHAVIORS = (B.NONE, B.WHITELIST, B.ALL_EXCEPT, B.ALL)
_CLOUDFRONT = frozenset(h.lower() for h in CLOUDFRONT_VIEWER_HEADERS)
_ORP_ONLY = frozenset(h.lower() for h in ORP_ONLY_CLOUDFRONT_HEADERS)


class Policies:
    """Every policy a behavior may name: the managed ones and those declared in the config."""

    def __init__(self, report: Report) -> None:
        self.r = report
        self.cache: dict[str, CachePolicy] = {}
        self.origin_request: dict[str, OriginRequestPolicy] = {}
        for p in CACHE_POLICIES:
            self.cache[p.name] = self.cache[p.id] = p
        for o in ORIGIN_REQUEST_POLICIES:
            self.origin_request[o.name] = self.origin_request[o.id] = o

    def load(self, top: Section) -> None:
        if (section := top.section("cache_policies")) is not None:
            for name in section.data:
                if (policy := self._cache_policy(section, name)) is not None:
                    self.cache[name] = policy
        if (section := top.section("origin_request_policies")) is not None:
            for name in section.data:
                if (orp := self._origin_request_policy(section, name)) is not None:
                    self.origin_request[name] = orp

    def _custom_name(self, section: Section, name: str) -> bool:
        if name.startswith("Managed-"):
            self.r.error(section.at(name), f"'{name}': the Managed- prefix is reserved for AWS managed policies",
                         key=True)
            return False
        return True

    def _cache_policy(self, parent: Section, name: str) -> CachePolicy | None:
        if not self._custom_name(parent, name):
            return None
        s = Section(self.r, parent.at(name), parent.data[name])
        s.check_keys(config_keys.names(config_keys.CACHE_POLICY))
        min_ttl, default_ttl, max_ttl = ttls(s, 1, 86400, 31536000)
        headers = self.items(s, "headers", CACHE_HEADER_BEHAVIORS, lower=True)
        if headers.behavior is B.WHITELIST and (refused := sorted(set(headers.items) & (_ORP_ONLY | {
                "cloudfront-viewer-address"}))):
            self.r.error(s.at("headers"), f"CloudFront does not allow {', '.join(refused)} in a cache policy",
                         "such headers in an origin request policy")
        if headers.behavior is B.WHITELIST and "accept-encoding" in headers.items:
            self.r.warn(s.at("headers"), "listing Accept-Encoding in a cache policy disables CloudFront's "
                        "compression and normalisation (use enable_accept_encoding_gzip/brotli)")
        cookies = self.items(s, "cookies", COOKIE_QS_BEHAVIORS)
        query = self.items(s, "query_strings", COOKIE_QS_BEHAVIORS)
        gzip, brotli = s.bool("enable_accept_encoding_gzip", False), s.bool("enable_accept_encoding_brotli", False)
        return CachePolicy(
            name=name,
            id=_policy_id(name),
            min_ttl=min_ttl,
            default_ttl=default_ttl,
            max_ttl=max_ttl,
            headers=headers,
            cookies=cookies,
            query_strings=query,
            gzip=gzip,
            brotli=brotli,
        )

    def _origin_request_policy(self, parent: Section, name: str) -> OriginRequestPolicy | None:
        if not self._custom_name(parent, name):
            return None
        s = Section(self.r, parent.at(name), parent.data[name])
        s.check_keys(config_keys.names(config_keys.ORIGIN_REQUEST_POLICY))
        headers = self.items(s, "headers", ORP_HEADER_BEHAVIORS, lower=True)
        if headers.behavior is B.WHITELIST and "authorization" in headers.items:
            # AWS ("How can I configure CloudFront to forward the Authorization header to the origin?"): it must be in
            # the cache key; the all-viewer policies pass it only when caching is turned off.
            self.r.error(s.at("headers"), "CloudFront does not allow Authorization in an origin request policy's "
                         "list", "Authorization in the cache policy's headers (it reaches the origin from the cache "
                         "key), or headers: allViewer only with cache_policy: Managed-CachingDisabled")
        if headers.behavior is B.ALL_VIEWER_AND_CLOUDFRONT:
            for item in headers.items:
                if item not in _CLOUDFRONT | _ORP_ONLY:
                    self.r.error(s.at("headers"), f"'{item}' is not a CloudFront viewer header",
                                 f"CloudFront headers such as {', '.join(CLOUDFRONT_VIEWER_HEADERS[:3])}, ...")
        cookies = self.items(s, "cookies", COOKIE_QS_BEHAVIORS)
        query = self.items(s, "query_strings", COOKIE_QS_BEHAVIORS)
        return OriginRequestPolicy(
            name=name, id=_policy_id(name), headers=headers, cookies=cookies, query_strings=query
        )

    def items(self, s: Section, key: str, allowed: tuple[ItemBehavior, ...], *, lower: bool = False) -> ItemSet:
        """`none` / `all` / `allViewer`, or {behavior: whitelist, items: [...]}."""
        raw = s.data.get(key)
        choices = ", ".join(b.value for b in allowed)
        if raw is None:
            return ItemSet()
        if isinstance(raw, str):
            raw = {"behavior": raw}
        sub = Section(self.r, s.at(key), raw)
        sub.check_keys(config_keys.names(config_keys.POLICY_ITEMS))
        behavior = sub.enum("behavior", ItemBehavior, B.NONE, required=True) or B.NONE
        if behavior not in allowed:
            self.r.error(sub.at("behavior"), f"'{behavior}' is not allowed here", f"one of: {choices}")
            behavior = B.NONE
        items = sub.strs("items") or []
        if behavior in (B.WHITELIST, B.ALL_EXCEPT) and not items:
            self.r.error(sub.path, f"'{behavior}' needs items", "items: [name, ...]")
        if len(items) > 10:
            self.r.error(sub.at("items"), f"{len(items)} items; CloudFront allows 10 per policy")
        return ItemSet(behavior=behavior, items=tuple(i.lower() for i in items) if lower else tuple(items))

    def cache_policy(self, s: Section) -> CachePolicy | None:
        return self._resolve(s, "cache_policy", self.cache, "cache_policies")

    def origin_request_policy(self, s: Section) -> OriginRequestPolicy | None:
        return self._resolve(s, "origin_request_policy", self.origin_request, "origin_request_policies")

    def _resolve(self, s: Section, key: str, table: dict, where: str):
        name = s.str(key)
        if name is None:
            return None
        if name not in table:
            names = sorted({p.name for p in table.values()})
            self.r.error(s.at(key), f"no policy named '{name}' (managed names, IDs, or names under '{where}')",
                         f"one of: {', '.join(names)}")
            return None
        return table[name]

    def forwarded_values(self, s: Section) -> ForwardedValues | None:
        if not s.has("forwarded_values"):
            for key in ("min_ttl", "default_ttl", "max_ttl"):
                if s.has(key):
                    self.r.error(s.at(key), f"'{key}' belongs to legacy forwarded_values; with a cache policy the "
                                 "policy's TTLs apply")
            return None
        f = s.section("forwarded_values")
        assert f is not None
        f.check_keys(config_keys.names(config_keys.FORWARDED_VALUES))
        query = f.bool("query_string", False)
        if not f.has("query_string"):
            self.r.error(f.path, "missing required key 'query_string'", "true or false")
        keys = tuple(f.strs("query_string_cache_keys") or ())
        cookies = ItemSet()
        if (c := f.section("cookies")) is not None:
            c.check_keys(config_keys.names(config_keys.FORWARDED_COOKIES))
            forward = c.str("forward", "none") or "none"
            names = tuple(c.strs("whitelisted_names") or ())
            if forward not in ("none", "whitelist", "all"):
                self.r.error(c.at("forward"), f"'{forward}' is not a cookie forwarding mode", "none | whitelist | all")
            elif forward == "whitelist":
                cookies = ItemSet(behavior=B.WHITELIST, items=names, wildcards=True)
            elif forward == "all":
                cookies = ItemSet(behavior=B.ALL)
        headers = tuple(h.lower() for h in (f.strs("headers") or ()))
        min_ttl, default_ttl, max_ttl = ttls(s, 0, 86400, 31536000)
        if "*" in headers and min_ttl != 0:
            self.r.error(s.at("min_ttl"), "forwarding all headers ('*') requires min_ttl 0 (CloudFront does not "
                         "cache such a behavior)")
        return ForwardedValues(
            query_string=query,
            query_string_cache_keys=keys,
            cookies=cookies,
            headers=headers,
            min_ttl=min_ttl,
            default_ttl=default_ttl,
            max_ttl=max_ttl,
        )


def ttls(s: Section, default_min: int, default_default: int, default_max: int) -> tuple[int, int, int]:
    year100 = 100 * 365 * 86400
    min_ttl = s.int("min_ttl", default_min if not s.has("min_ttl") else 0, 0, year100)
    default_ttl = s.int("default_ttl", max(default_default, min_ttl), 0, year100)
    max_ttl = s.int("max_ttl", max(default_max, default_ttl), 0, year100)
    if not min_ttl <= default_ttl <= max_ttl:
        s.r.error(s.path, f"TTLs must satisfy min_ttl <= default_ttl <= max_ttl (got {min_ttl}, {default_ttl}, "
                  f"{max_ttl})")
    return min_ttl, default_ttl, max_ttl


def _policy_id(name: str) -> str:
    # A stable id per custom policy name, shaped like CloudFront's.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"frontyard:policy:{name}"))

