"""When the viewer's Authorization reaches the origin on a GET, seen by a real echo origin behind a real edge socket.

AWS ("How can I configure CloudFront to forward the Authorization header to the origin?"): an origin request policy
cannot forward it, "The header must be a part of the cache key to prevent the cache from satisfying unauthorized
requests"; the AllViewer policies forward it only "If caching is turned off"; legacy settings forward it when listed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import header, run_edge

CONFIG = """\
distribution:
  aliases: [app.test]
  origins:
    - {{id: api, domain_name: api.example.test, mock: {{type: echo}}}}
  default_cache_behavior:
    target_origin_id: api
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
{behavior}
cache_policies:
  ttl-zero: {{min_ttl: 0, default_ttl: 0, max_ttl: 0}}
  ttl-short: {{min_ttl: 0, default_ttl: 0, max_ttl: 1}}
  keyed: {{min_ttl: 0, default_ttl: 60, max_ttl: 60, headers: {{behavior: whitelist, items: [Authorization]}}}}
origin_request_policies:
  all-but-cookie: {{headers: {{behavior: allExcept, items: [Cookie]}}}}
"""


CACHED_ALL_VIEWER = ("    cache_policy: Managed-CachingOptimized\n"
                     "    origin_request_policy: Managed-AllViewerExceptHostHeader")


async def authorization_seen(tmp_path: Path, behavior: str, method: str = "GET", token: str = "Bearer frank",
                             path: str = "/users") -> str | None:
    async with run_edge(tmp_path, CONFIG.format(behavior=behavior)) as edge:
        async with edge.request(method, path, headers={"Authorization": token}) as r:
            assert r.status == 200, await r.text()
            return header(json.loads(await r.read()), "Authorization")


@pytest.mark.parametrize(("behavior", "forwarded"), [
    # Caching on: the all-viewer origin request policies cannot pass Authorization.
    ("cache_policy: Managed-CachingOptimized\n    origin_request_policy: Managed-AllViewerExceptHostHeader", False),
    ("cache_policy: Managed-CachingOptimized\n    origin_request_policy: Managed-AllViewer", False),
    ("cache_policy: Managed-UseOriginCacheControlHeaders\n    origin_request_policy: Managed-AllViewerExceptHostHeader",
     False),
    ("cache_policy: ttl-short\n    origin_request_policy: Managed-AllViewer", False),  # max TTL 1: caching is on
    ("cache_policy: Managed-CachingOptimized\n    origin_request_policy: all-but-cookie", False),
    # Caching turned off (minimum, default and maximum TTL 0): they do.
    ("cache_policy: Managed-CachingDisabled\n    origin_request_policy: Managed-AllViewerExceptHostHeader", True),
    ("cache_policy: Managed-CachingDisabled\n    origin_request_policy: Managed-AllViewer", True),
    ("cache_policy: ttl-zero\n    origin_request_policy: Managed-AllViewerAndCloudFrontHeaders-2022-06", True),
    ("cache_policy: Managed-CachingDisabled\n    origin_request_policy: all-but-cookie", True),
    # Caching off without an all-viewer policy: removed on GET, as for any policy that does not forward it.
    ("cache_policy: Managed-CachingDisabled", False),
    # In the cache key: forwarded, cached or not.
    ("cache_policy: keyed", True),
    ("cache_policy: keyed\n    origin_request_policy: Managed-AllViewerExceptHostHeader", True),
    # Legacy settings: forwarded when listed (and then in the key), or with every header ('*', caching off).
    ("forwarded_values: {query_string: false, headers: [Authorization]}", True),
    ("forwarded_values: {query_string: false, headers: ['*']}\n    min_ttl: 0", True),
    ("forwarded_values: {query_string: false, headers: [Accept]}", False),
])
async def test_authorization_on_get(tmp_path: Path, behavior: str, forwarded: bool) -> None:
    seen = await authorization_seen(tmp_path, "    " + behavior)
    assert seen == ("Bearer frank" if forwarded else None)


async def test_post_keeps_authorization_on_a_cached_behavior(tmp_path: Path) -> None:
    # AWS ("Request and response behavior for custom origins"): forwarded for DELETE, PATCH, POST and PUT.
    behavior = CACHED_ALL_VIEWER
    assert await authorization_seen(tmp_path, behavior, method="POST") == "Bearer frank"


async def test_legacy_listed_authorization_is_in_the_cache_key(tmp_path: Path) -> None:
    text = CONFIG.format(behavior="    forwarded_values: {query_string: false, headers: [Authorization]}")
    async with run_edge(tmp_path, text) as edge:
        seen = []
        for token in ("Bearer frank", "Bearer grace", "Bearer frank"):
            async with edge.request("GET", "/me", headers={"Authorization": token}) as r:
                seen.append((header(json.loads(await r.read()), "Authorization"), r.headers["X-Cache"]))
    assert seen == [("Bearer frank", "Miss from cloudfront"), ("Bearer grace", "Miss from cloudfront"),
                    ("Bearer frank", "Hit from cloudfront")]


async def test_the_trace_says_why_authorization_was_not_forwarded(tmp_path: Path) -> None:
    behavior = CACHED_ALL_VIEWER
    text = CONFIG.format(behavior=behavior) + "emulator: {debug: {trace_header: true}}\n"
    async with run_edge(tmp_path, text) as edge:
        async with edge.request("GET", "/users", headers={"Authorization": "Bearer frank"}) as r:
            trace = r.headers["X-Frontyard-Trace"]
    assert "Authorization not forwarded on GET" in trace, trace
    assert "Managed-CachingDisabled" in trace
