"""Cache policies, origin request policies and legacy forwarded values, as frozen values (AWS: "Control the cache key
with a policy", "Control origin requests with a policy")."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from enum import StrEnum


class ItemBehavior(StrEnum):
    """CloudFront's API values, kept verbatim so a DistributionConfig maps one to one."""

    NONE = "none"
    WHITELIST = "whitelist"
    ALL = "all"
    ALL_EXCEPT = "allExcept"
    ALL_VIEWER = "allViewer"
    ALL_VIEWER_AND_CLOUDFRONT = "allViewerAndWhitelistCloudFront"


@dataclass(frozen=True, kw_only=True)
class ItemSet:
    """Which headers, cookies or query strings a policy names. Header names are stored lower-case."""

    behavior: ItemBehavior = ItemBehavior.NONE
    items: tuple[str, ...] = ()
    wildcards: bool = False  # legacy cookie whitelists allow * and ? in names

    def listed(self, name: str) -> bool:
        if self.wildcards:
            return any(fnmatch.fnmatchcase(name, pattern) for pattern in self.items)
        return name in self.items

    def allows(self, name: str) -> bool:
        """Whether a viewer-sent item with this name is named by the policy (CloudFront-* headers aside)."""
        match self.behavior:
            case ItemBehavior.NONE:
                return False
            case ItemBehavior.WHITELIST:
                return self.listed(name)
            case ItemBehavior.ALL_EXCEPT:
                return not self.listed(name)
            case _:
                return True


@dataclass(frozen=True, kw_only=True)
class CachePolicy:
    name: str
    id: str
    min_ttl: int
    default_ttl: int
    max_ttl: int
    headers: ItemSet = ItemSet()
    cookies: ItemSet = ItemSet()
    query_strings: ItemSet = ItemSet()
    gzip: bool = False
    brotli: bool = False
    managed: bool = False


@dataclass(frozen=True, kw_only=True)
class OriginRequestPolicy:
    name: str
    id: str
    headers: ItemSet = ItemSet()
    cookies: ItemSet = ItemSet()
    query_strings: ItemSet = ItemSet()
    managed: bool = False


@dataclass(frozen=True, kw_only=True)
class ForwardedValues:
    """Legacy cache settings (deprecated in the API, still common in old templates)."""

    query_string: bool = False
    query_string_cache_keys: tuple[str, ...] = ()
    cookies: ItemSet = ItemSet()  # none | whitelist (wildcards) | all
    headers: tuple[str, ...] = ()  # lower-case; ("*",) forwards all and disables caching
    min_ttl: int = 0
    default_ttl: int = 86400
    max_ttl: int = 31536000
