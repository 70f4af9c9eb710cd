"""The cache's pure rules, one row per CloudFront rule: the cache key (AWS: "Control the cache key with a policy") and
the Expiration table with error caching (AWS: "Manage how long content stays in the cache (expiration)",
"How CloudFront processes HTTP 4xx and 5xx status codes from your origin")."""

from __future__ import annotations

import pytest
from multidict import CIMultiDict

from emulator.cache.key import KeySpec, cache_key, compile_key_spec
from emulator.cache.plan import freshness, parse_cache_control
from emulator.config.model import CacheBehavior
from emulator.config.model.managed import CACHE_POLICIES
from emulator.config.model.policies import CachePolicy, ForwardedValues, ItemBehavior, ItemSet
from emulator.http import Scheme, ViewerRequest, freeze

OPTIMIZED, _, DISABLED, ORIGIN_CC = CACHE_POLICIES[0], CACHE_POLICIES[1], CACHE_POLICIES[2], CACHE_POLICIES[3]
NOW = 1_700_000_000.0
B = ItemBehavior


def policy(**kw: object) -> CachePolicy:
    base = {"name": "p", "id": "p", "min_ttl": 0, "default_ttl": 86400, "max_ttl": 31536000}
    return CachePolicy(**{**base, **kw})  # type: ignore[arg-type]


def spec_of(p: CachePolicy | None = None, legacy: ForwardedValues | None = None, compress: bool = False) -> KeySpec:
    return compile_key_spec(
        CacheBehavior(
            path_pattern="*",
            target_origin_id="o",
            cache_policy=None if legacy else p,
            forwarded_values=legacy,
            compress=compress,
        )
    )


def req(query: str = "", method: str = "GET", **headers: str) -> ViewerRequest:
    pairs = [(k.replace("_", "-"), v) for k, v in headers.items()]
    return ViewerRequest(method, "/p", query, freeze(pairs), Scheme.HTTP, "1.1", "127.0.0.1", 1)


def key(spec: KeySpec, r: ViewerRequest, generated: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    return dict(cache_key(spec, "d1", r.method, r.raw_path, r, generated))


# -- the cache key -------------------------------------------------------------------------------------------
def test_default_key_is_distribution_and_path_only() -> None:
    parts = cache_key(spec_of(policy()), "d1", "GET", "/a", req("x=1", Cookie="s=1", Authorization="t"))
    assert parts == (("distribution", "d1"), ("path", "/a"))


def test_options_puts_the_method_in_the_key_and_head_shares_gets() -> None:
    spec = spec_of(policy())
    assert key(spec, req(method="OPTIONS"))["method"] == "OPTIONS"
    assert key(spec, req(method="HEAD")) == key(spec, req(method="GET"))


@pytest.mark.parametrize(("query_strings", "query", "expected"), [
    (ItemSet(behavior=B.ALL), "b=2&a=1", "b=2&a=1"),  # raw, in the viewer's order
    (ItemSet(behavior=B.ALL), "a=1&b=2", "a=1&b=2"),
    (ItemSet(behavior=B.WHITELIST, items=("a",)), "b=2&a=1&A=3", "a=1"),  # names are case-sensitive
    (ItemSet(behavior=B.ALL_EXCEPT, items=("utm",)), "utm=x&page=2&q=Red", "page=2&q=Red"),  # values keep their case
    (ItemSet(behavior=B.WHITELIST, items=("*",)), "x=1&*=2", "*=2"),  # '*' in a list is a literal name
    (ItemSet(behavior=B.NONE), "page=2", None),
])
def test_query_strings_in_the_key(query_strings: ItemSet, query: str, expected: str | None) -> None:
    assert key(spec_of(policy(query_strings=query_strings)), req(query)).get("query") == expected


def test_query_order_makes_two_entries() -> None:
    spec = spec_of(policy(query_strings=ItemSet(behavior=B.ALL)))
    assert key(spec, req("color=red&size=large")) != key(spec, req("size=large&color=red"))


@pytest.mark.parametrize(("cookies", "expected"), [
    (ItemSet(behavior=B.ALL), {"cookie:a": "1", "cookie:B": "2", "cookie:b": "3"}),
    (ItemSet(behavior=B.WHITELIST, items=("b",)), {"cookie:b": "3"}),  # names are case-sensitive
    (ItemSet(behavior=B.ALL_EXCEPT, items=("a",)), {"cookie:B": "2", "cookie:b": "3"}),
    (ItemSet(behavior=B.NONE), {}),
])
def test_cookies_in_the_key(cookies: ItemSet, expected: dict[str, str]) -> None:
    got = key(spec_of(policy(cookies=cookies)), req(Cookie="b=3; a=1", cookie="B=2"))
    assert {k: v for k, v in got.items() if k.startswith("cookie:")} == expected


def test_cookie_order_is_not_a_new_entry() -> None:
    spec = spec_of(policy(cookies=ItemSet(behavior=B.ALL)))
    assert key(spec, req(Cookie="a=1; b=2")) == key(spec, req(Cookie="b=2; a=1"))


def test_header_names_are_case_insensitive_and_values_case_sensitive() -> None:
    spec = spec_of(policy(headers=ItemSet(behavior=B.WHITELIST, items=("x-tenant", "authorization"))))
    assert key(spec, req(**{"X-TENANT": "Acme"})) == key(spec, req(**{"x-tenant": "Acme"}))
    assert key(spec, req(**{"x-tenant": "acme"})) != key(spec, req(**{"x-tenant": "Acme"}))
    assert key(spec, req(Authorization="Bearer u1")) != key(spec, req(Authorization="Bearer u2"))


def test_header_order_does_not_matter() -> None:
    spec = spec_of(policy(headers=ItemSet(behavior=B.WHITELIST, items=("a", "b"))))
    one = ViewerRequest("GET", "/p", "", freeze([("A", "1"), ("B", "2")]), Scheme.HTTP, "1.1", "::1", 1)
    two = ViewerRequest("GET", "/p", "", freeze([("B", "2"), ("A", "1")]), Scheme.HTTP, "1.1", "::1", 1)
    assert key(spec, one) == key(spec, two)


@pytest.mark.parametrize(("gzip", "brotli", "sent", "expected"), [
    (True, True, "gzip, deflate, br", "br,gzip"),
    (True, True, "gzip", "gzip"),
    (True, True, "br;q=0.5", "br"),
    (True, True, "deflate", None),  # neither enabled format: not in the key (origin gets identity)
    (True, True, None, None),
    (True, False, "br, gzip", "gzip"),
    (False, False, "br, gzip", None),  # both off: an ordinary header, not in the key unless listed
])
def test_accept_encoding_normalized_in_the_key(gzip: bool, brotli: bool, sent: str | None,
                                               expected: str | None) -> None:
    spec = spec_of(policy(gzip=gzip, brotli=brotli))
    r = req(**({"Accept-Encoding": sent} if sent is not None else {}))
    assert key(spec, r).get("accept-encoding") == expected


def test_accept_encoding_listed_as_a_header_is_an_ordinary_key_header() -> None:
    spec = spec_of(policy(gzip=True, brotli=True, headers=ItemSet(behavior=B.WHITELIST, items=("accept-encoding",))))
    got = key(spec, req(**{"Accept-Encoding": "gzip, br"}))
    assert got.get("header:accept-encoding") == "gzip, br" and "accept-encoding" not in got


def test_cloudfront_headers_come_from_the_edge() -> None:
    spec = spec_of(policy(headers=ItemSet(behavior=B.WHITELIST, items=("cloudfront-viewer-country",))))
    got = key(spec, req(**{"CloudFront-Viewer-Country": "FR"}), (("CloudFront-Viewer-Country", "US"),))
    assert got["header:cloudfront-viewer-country"] == "US"


def test_host_in_the_key_without_the_port() -> None:
    spec = spec_of(ORIGIN_CC)
    assert key(spec, req(Host="app.localhost:8080"))["header:host"] == "app.localhost"


def test_legacy_forwarded_values_put_everything_forwarded_in_the_key() -> None:
    legacy = ForwardedValues(query_string=True, cookies=ItemSet(behavior=B.WHITELIST, items=("s*",), wildcards=True),
                             headers=("x-a",))
    got = key(spec_of(legacy=legacy), req("b=1&a=2", Cookie="session=9; other=1", **{"X-A": "v"}))
    assert got["query"] == "b=1&a=2" and got["cookie:session"] == "9" and "cookie:other" not in got
    assert got["header:x-a"] == "v"


def test_legacy_query_string_cache_keys_narrow_the_query() -> None:
    legacy = ForwardedValues(query_string=True, query_string_cache_keys=("page",))
    assert key(spec_of(legacy=legacy), req("utm=1&page=2"))["query"] == "page=2"


def test_legacy_compress_normalizes_accept_encoding() -> None:
    assert key(spec_of(legacy=ForwardedValues(), compress=True), req(**{"Accept-Encoding": "gzip"})
               )["accept-encoding"] == "gzip"


@pytest.mark.parametrize(("spec", "disabled"), [
    (spec_of(DISABLED), True),
    (spec_of(policy(min_ttl=0, default_ttl=0, max_ttl=0)), True),
    (spec_of(legacy=ForwardedValues(headers=("*",))), True),
    (spec_of(legacy=ForwardedValues(min_ttl=0, default_ttl=0, max_ttl=0)), True),
    (spec_of(ORIGIN_CC), False),  # 0/0/1 year: caches what the origin asks for
    (spec_of(OPTIMIZED), False),
])
def test_caching_disabled(spec: KeySpec, disabled: bool) -> None:
    assert spec.disabled is disabled


# -- the Expiration table --------------------------------------------------------------------------------------
def fresh(status: int = 200, min_ttl: int = 0, default: int = 86400, max_ttl: int = 31536000,
          error_min_ttl: int = 10, **headers: str):
    h = freeze(CIMultiDict((k.replace("_", "-"), v) for k, v in headers.items()))
    return freshness(status, h, spec_of(policy(min_ttl=min_ttl, default_ttl=default, max_ttl=max_ttl)), NOW,
                     error_min_ttl=error_min_ttl)


EXPIRES_1H = "Tue, 14 Nov 2023 23:13:20 GMT"  # NOW + 3600


@pytest.mark.parametrize(("kw", "store", "ttl"), [
    # max-age only: MinTTL 0 -> min(max-age, MaxTTL); MinTTL > 0 -> clamp(max-age, MinTTL, MaxTTL)
    ({"Cache_Control": "max-age=3600"}, True, 3600),
    ({"Cache_Control": "max-age=3600", "max_ttl": 60}, True, 60),
    ({"Cache_Control": "max-age=5", "min_ttl": 30}, True, 30),
    ({"Cache_Control": "max-age=100", "min_ttl": 30, "max_ttl": 60}, True, 60),
    # s-maxage beats max-age
    ({"Cache_Control": "max-age=10, s-maxage=600"}, True, 600),
    ({"Cache_Control": "s-maxage=600, max-age=10", "max_ttl": 300}, True, 300),
    # Expires alone, clamped the same way; ignored next to max-age
    ({"Expires": EXPIRES_1H}, True, 3600),
    ({"Expires": EXPIRES_1H, "max_ttl": 100}, True, 100),
    ({"Expires": EXPIRES_1H, "min_ttl": 7200}, True, 7200),
    ({"Expires": EXPIRES_1H, "Cache_Control": "max-age=20"}, True, 20),
    ({"Expires": "not a date"}, True, 0),
    # nothing: MinTTL 0 -> DefaultTTL; MinTTL > 0 -> max(MinTTL, DefaultTTL)
    ({}, True, 86400),
    ({"default": 50, "min_ttl": 100, "max_ttl": 1000}, True, 100),
    ({"default": 500, "min_ttl": 100, "max_ttl": 1000}, True, 500),
    # no-cache / no-store / private: respected with MinTTL 0, cached for MinTTL otherwise
    ({"Cache_Control": "no-store"}, False, 0),
    ({"Cache_Control": "no-cache"}, False, 0),
    ({"Cache_Control": "private, max-age=600"}, False, 0),
    ({"Cache_Control": "no-store", "min_ttl": 30}, True, 30),
    ({"Cache_Control": "private, max-age=600", "min_ttl": 5}, True, 5),
    # no-cache="Set-Cookie" names a field: the response itself is cacheable
    ({"Cache_Control": 'no-cache="Set-Cookie", max-age=60'}, True, 60),
    # Vary: * with MinTTL 0 goes to the origin every time
    ({"Cache_Control": "max-age=60", "Vary": "Accept, *"}, False, 0),
    ({"Cache_Control": "max-age=60", "Vary": "*", "min_ttl": 1}, True, 60),
])
def test_expiration_table(kw: dict, store: bool, ttl: float) -> None:
    got = fresh(**kw)
    assert (got.store, got.ttl) == (store, ttl), got.reason


def test_ttl_reason_explains_the_row() -> None:
    assert fresh(Cache_Control="s-maxage=3600", min_ttl=1).reason == "ttl 3600 s: s-maxage 3600 within [1, 31536000]"
    assert "overridden by min_ttl 30" in fresh(Cache_Control="no-store", min_ttl=30).reason
    assert "Expires ignored" in fresh(Cache_Control="max-age=1", Expires=EXPIRES_1H).reason


def test_caching_disabled_stores_nothing_even_errors() -> None:
    h = freeze([("Cache-Control", "max-age=600")])
    for status in (200, 404, 503):
        assert not freshness(status, h, spec_of(DISABLED), NOW).store


@pytest.mark.parametrize(("status", "kw", "store", "ttl"), [
    (404, {}, True, 10),  # always cached, for ErrorCachingMinTTL (default 10 s)
    (500, {}, True, 10), (502, {}, True, 10), (503, {}, True, 10), (504, {}, True, 10), (414, {}, True, 10),
    (501, {}, True, 10),
    (404, {"error_min_ttl": 60}, True, 60),
    (404, {"Cache_Control": "max-age=300"}, True, 300),  # max(header, ErrorCachingMinTTL)
    (404, {"Cache_Control": "max-age=3"}, True, 10),
    (404, {"Cache_Control": "max-age=300", "max_ttl": 100}, True, 100),  # the header is capped at MaxTTL
    (404, {"Cache_Control": "no-store"}, False, 0),  # no-store/no-cache/private honoured on 404, 410, 414, 501
    (414, {"Cache_Control": "private"}, False, 0),
    (500, {"Cache_Control": "no-store"}, True, 10),  # ignored on other errors: ErrorCachingMinTTL
    (404, {"Cache_Control": "must-revalidate"}, True, 10),  # other directives: ErrorCachingMinTTL
    (404, {"error_min_ttl": 0}, False, 0),
    (403, {}, False, 0),  # cached only with max-age / s-maxage
    (403, {"Cache_Control": "max-age=30"}, True, 30),
    (400, {"Cache_Control": "s-maxage=30"}, True, 30),
    (405, {}, False, 0), (412, {}, False, 0), (415, {}, False, 0),
    (416, {"Cache_Control": "max-age=30"}, False, 0),  # never
    (401, {"Cache_Control": "max-age=30"}, False, 0),  # not in CloudFront's lists
    (206, {"Cache_Control": "max-age=30"}, False, 0),  # partial objects are not stored
    (304, {}, False, 0),
])
def test_error_caching(status: int, kw: dict, store: bool, ttl: float) -> None:
    got = fresh(status, **kw)
    assert (got.store, got.ttl) == (store, ttl), got.reason


def test_stale_directives_bounded_by_max_ttl() -> None:
    got = fresh(Cache_Control="max-age=1, stale-while-revalidate=900, stale-if-error=5000", max_ttl=600)
    assert (got.stale_while_revalidate, got.stale_if_error) == (600, 600)
    assert fresh(Cache_Control="max-age=1").stale_if_error is None
    assert fresh(Cache_Control="max-age=1, stale-if-error=0").stale_if_error == 0


def test_no_cache_set_cookie_strips_the_cookie_from_the_copy() -> None:
    assert fresh(Cache_Control='no-cache="Set-Cookie, X-A", max-age=60').strip_set_cookie
    assert not fresh(Cache_Control="max-age=60").strip_set_cookie


def test_cache_control_parser() -> None:
    cc = parse_cache_control(['public, max-age="60", no-cache="Set-Cookie, X-Y"', "S-MaxAge=5"])
    assert cc == {"public": None, "max-age": "60", "no-cache": "Set-Cookie, X-Y", "s-maxage": "5"}
