"""The origin request, built by a pure function: one row per rule of AWS "Request and response behavior for custom
origins", "Control origin requests with a policy" and "Control the cache key with a policy"."""

from __future__ import annotations

import pytest

from emulator.config.model import METHOD_SETS, CacheBehavior, EmulatorSettings, Origin
from emulator.config.model.managed import CACHE_POLICIES, ORIGIN_REQUEST_POLICIES
from emulator.config.model.policies import CachePolicy, ItemBehavior, ItemSet, OriginRequestPolicy
from emulator.http import Scheme, ViewerRequest, freeze
from emulator.policies.forwarding import compile_forwarding
from emulator.policies.origin_request import Target, build_origin_request, normalize_accept_encoding

OPTIMIZED = CACHE_POLICIES[0]
ORPS = {p.name: p for p in ORIGIN_REQUEST_POLICIES}


def build(headers: dict[str, str] | list[tuple[str, str]], *, method: str = "GET", query: str = "",
          cache: CachePolicy | None = OPTIMIZED, orp: OriginRequestPolicy | None = None,
          cached: frozenset[str] = METHOD_SETS[0], origin: Origin | None = None):
    items = list(headers.items()) if isinstance(headers, dict) else headers
    request = ViewerRequest(method, "/p", query, freeze([("Host", "app.test:8080"), *items]), Scheme.HTTP, "1.1",
                            "192.0.2.9", 5555)
    behavior = CacheBehavior(
        path_pattern="*",
        target_origin_id="o",
        is_default=True,
        allowed_methods=METHOD_SETS[2],
        cached_methods=cached,
        cache_policy=cache,
        origin_request_policy=orp,
    )
    origin = origin or Origin(id="o", domain_name="origin.test")
    built, _ = build_origin_request(request, "/p", behavior, origin, EmulatorSettings(), Target("127.0.0.1", 1),
                                    "id==", compile_forwarding(behavior))
    return built


@pytest.mark.parametrize(("method", "cached", "forwarded"), [
    ("GET", METHOD_SETS[0], False),
    ("HEAD", METHOD_SETS[0], False),
    ("OPTIONS", METHOD_SETS[0], True),   # OPTIONS responses not cached: forwarded
    ("OPTIONS", METHOD_SETS[1], False),  # OPTIONS responses cached: removed
    ("POST", METHOD_SETS[0], True),
    ("PUT", METHOD_SETS[0], True),
    ("PATCH", METHOD_SETS[0], True),
    ("DELETE", METHOD_SETS[0], True),
])
def test_authorization_by_method(method: str, cached: frozenset[str], forwarded: bool) -> None:
    built = build({"Authorization": "Bearer t"}, method=method, cached=cached)
    assert ("Authorization" in built.headers) is forwarded


@pytest.mark.parametrize(("policy", "host"), [
    (None, "origin.test"),
    ("Managed-AllViewer", "app.test"),  # the viewer's Host, without the emulator's listen port
    ("Managed-HostHeaderOnly", "app.test"),
    ("Managed-AllViewerExceptHostHeader", "origin.test"),
    ("Managed-CORS-CustomOrigin", "origin.test"),
])
def test_host(policy: str | None, host: str) -> None:
    assert build({}, orp=ORPS[policy] if policy else None).headers["Host"] == host


@pytest.mark.parametrize(("value", "gzip", "br", "expected"), [
    ("gzip, deflate, br", True, True, "br,gzip"),
    ("br", True, True, "br"),
    ("gzip", True, True, "gzip"),
    ("deflate", True, True, "identity"),
    ("gzip;q=0, br", True, True, "br"),
    ("GZIP", True, True, "gzip"),
    ("br, gzip", True, False, "gzip"),
    (None, True, True, None),
])
def test_accept_encoding(value: str | None, gzip: bool, br: bool, expected: str | None) -> None:
    assert normalize_accept_encoding(value, gzip, br) == expected


@pytest.mark.parametrize(("query_strings", "query", "expected"), [
    (ItemSet(behavior=ItemBehavior.NONE), "b=2&a=1", ""),
    (ItemSet(behavior=ItemBehavior.ALL), "b=2&a=1&b=3", "b=2&a=1&b=3"),  # raw, in order, repeats kept
    (ItemSet(behavior=ItemBehavior.WHITELIST, items=("a",)), "b=2&a=1&a=3", "a=1&a=3"),
    (ItemSet(behavior=ItemBehavior.ALL_EXCEPT, items=("utm_source",)), "utm_source=x&q=%20y", "q=%20y"),
    (ItemSet(behavior=ItemBehavior.WHITELIST, items=("A",)), "a=1", ""),  # names are case-sensitive
])
def test_query_strings(query_strings: ItemSet, query: str, expected: str) -> None:
    policy = CachePolicy(name="p", id="id", min_ttl=0, default_ttl=0, max_ttl=0, query_strings=query_strings)
    assert build({}, query=query, cache=policy).query == expected


@pytest.mark.parametrize(("cookies", "expected"), [
    (ItemSet(behavior=ItemBehavior.NONE), None),
    (ItemSet(behavior=ItemBehavior.ALL), "a=1; b=2; z=3"),  # sorted by name
    (ItemSet(behavior=ItemBehavior.WHITELIST, items=("z",)), "z=3"),
    (ItemSet(behavior=ItemBehavior.ALL_EXCEPT, items=("a",)), "b=2; z=3"),
])
def test_cookies(cookies: ItemSet, expected: str | None) -> None:
    policy = CachePolicy(name="p", id="id", min_ttl=0, default_ttl=0, max_ttl=0, cookies=cookies)
    assert build([("Cookie", "z=3; a=1"), ("Cookie", "b=2")], cache=policy).headers.get("Cookie") == expected


def test_cache_key_and_origin_request_policy_union() -> None:
    cache = CachePolicy(
        name="c",
        id="c",
        min_ttl=0,
        default_ttl=0,
        max_ttl=0,
        headers=ItemSet(behavior=ItemBehavior.WHITELIST, items=("x-key",)),
    )
    orp = OriginRequestPolicy(name="o", id="o", headers=ItemSet(behavior=ItemBehavior.WHITELIST, items=("x-orp",)))
    built = build({"X-Key": "1", "X-Orp": "2", "X-Other": "3"}, cache=cache, orp=orp)
    assert (built.headers.get("X-Key"), built.headers.get("X-Orp"), built.headers.get("X-Other")) == ("1", "2", None)


def test_always_added_and_replaced() -> None:
    built = build({"User-Agent": "curl", "X-Forwarded-For": "203.0.113.1", "Via": "1.1 proxy",
                   "Connection": "close", "Accept": "*/*"})
    h = built.headers
    assert h["User-Agent"] == "Amazon CloudFront" and h["Connection"] == "Keep-Alive"
    assert h["X-Forwarded-For"] == "203.0.113.1,192.0.2.9"
    assert h["Via"] == "1.1 proxy, 1.1 e0f1a2b3c4d5e6f708192a3b4c5d6e7f.cloudfront.net (CloudFront)"
    assert h["CDN-Loop"] == "e0f1a2b3c4d5e6f708192a3b4c5d6e7f.cloudfront.net"
    assert h["X-Amz-Cf-Id"] == "id==" and "Accept" not in h


def test_origin_path_and_custom_headers() -> None:
    origin = Origin(id="o", domain_name="origin.test", origin_path="/v1", custom_headers=(("X-Secret", "s"),))
    built = build({"X-Secret": "forged"}, origin=origin, orp=ORPS["Managed-AllViewer"])
    assert built.path == "/v1/p" and built.headers.getall("X-Secret") == ["s"]
