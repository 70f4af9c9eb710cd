"""Exactly which headers, cookies and query strings reach the origin under each policy (AWS: "Control origin requests
with a policy", "Control the cache key with a policy")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from aiohttp import web

from tests.helpers import header, header_names, run_edge, serve_app

VIEWER_HEADERS = {
    "Host": "app.test",
    "User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
    "Accept": "text/html",
    "Referer": "http://app.test/page",
    "Cookie": "zeta=1; alpha=2; session=s",
    "X-Custom": "c",
    "Origin": "http://app.test",
    "Access-Control-Request-Method": "PUT",
    "Access-Control-Request-Headers": "x-custom",
    "Authorization": "Bearer t",
}
QUERY = "b=2&a=1&utm_source=x"


def config(behavior: str, top: str = "") -> str:
    return f"""\
distribution:
  aliases: [app.test]
  origins:
    - {{id: api, domain_name: api.example.test, mock: {{type: echo}}}}
  default_cache_behavior:
    target_origin_id: api
{behavior}
{top}
"""


async def seen_by_origin(tmp_path: Path, text: str, headers: dict[str, str] | None = None,
                         query: str = QUERY) -> dict:
    async with run_edge(tmp_path, text) as edge:
        async with edge.request("GET", f"/p?{query}", headers=headers or VIEWER_HEADERS) as r:
            assert r.status == 200, await r.text()
            return json.loads(await r.read())


def forwarded_viewer_headers(seen: dict) -> set[str]:
    always = {"host", "connection", "user-agent", "x-forwarded-for", "via", "cdn-loop", "x-amz-cf-id",
              "accept-encoding", "cookie"}
    return set(header_names(seen)) - always


@pytest.mark.parametrize(
    ("policy", "host", "user_agent", "viewer_headers", "cookie", "query"),
    [
        # Not Authorization: the default cache policy caches, and an origin request policy forwards Authorization
        # only when caching is turned off (tests/integration/test_authorization.py).
        ("Managed-AllViewer", "app.test", VIEWER_HEADERS["User-Agent"],
         {"accept", "referer", "x-custom", "origin", "access-control-request-method",
          "access-control-request-headers"},
         "alpha=2; session=s; zeta=1", QUERY),
        ("Managed-AllViewerExceptHostHeader", "api.example.test", VIEWER_HEADERS["User-Agent"],
         {"accept", "referer", "x-custom", "origin", "access-control-request-method",
          "access-control-request-headers"},
         "alpha=2; session=s; zeta=1", QUERY),
        ("Managed-CORS-CustomOrigin", "api.example.test", "Amazon CloudFront", {"origin"}, None, ""),
        ("Managed-CORS-S3Origin", "api.example.test", "Amazon CloudFront",
         {"origin", "access-control-request-method", "access-control-request-headers"}, None, ""),
        ("Managed-Elemental-MediaTailor-PersonalizedManifests", "api.example.test", VIEWER_HEADERS["User-Agent"],
         {"origin", "access-control-request-method", "access-control-request-headers"}, None, QUERY),
        # Origin only where the policy lists it (CloudFront removes it otherwise).
        ("Managed-HostHeaderOnly", "app.test", "Amazon CloudFront", set(), None, ""),
        ("Managed-UserAgentRefererHeaders", "api.example.test", VIEWER_HEADERS["User-Agent"],
         {"referer"}, None, ""),
    ],
)
async def test_managed_origin_request_policies(tmp_path: Path, policy: str, host: str, user_agent: str,
                                               viewer_headers: set[str], cookie: str | None, query: str) -> None:
    seen = await seen_by_origin(tmp_path, config(f"    origin_request_policy: {policy}"))
    assert header(seen, "Host") == host
    assert header(seen, "User-Agent") == user_agent
    assert forwarded_viewer_headers(seen) == viewer_headers
    assert header(seen, "Cookie") == cookie  # sorted by name when forwarded
    assert seen["query"] == query  # raw and in the viewer's order


async def test_all_viewer_and_cloudfront_headers(tmp_path: Path) -> None:
    text = config("    origin_request_policy: Managed-AllViewerAndCloudFrontHeaders-2022-06")
    headers = {**VIEWER_HEADERS, "CloudFront-Viewer-Country": "forged",
               "User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"}
    seen = await seen_by_origin(tmp_path, text, headers)
    assert header(seen, "Host") == "app.test"
    assert header(seen, "CloudFront-Forwarded-Proto") == "http"
    assert header(seen, "CloudFront-Viewer-Http-Version") == "1.1"
    assert header(seen, "CloudFront-Viewer-Country") == "US"  # the edge's value replaces the viewer's
    assert header(seen, "CloudFront-Viewer-Time-Zone") == "America/Los_Angeles"
    assert header(seen, "CloudFront-Is-IOS-Viewer") == "true"
    assert header(seen, "CloudFront-Is-Mobile-Viewer") == "true"
    assert header(seen, "CloudFront-Is-Desktop-Viewer") == "false"
    assert header(seen, "CloudFront-Is-Android-Viewer") == "false"
    address = header(seen, "CloudFront-Viewer-Address")
    assert address is not None and address.startswith("127.0.0.1:") and int(address.split(":")[1]) > 0
    assert header(seen, "CloudFront-Viewer-TLS") is None  # HTTP viewers have no TLS


async def test_viewer_location_from_config_and_per_request(tmp_path: Path) -> None:
    text = config("    origin_request_policy: Managed-AllViewerAndCloudFrontHeaders-2022-06",
                  "emulator:\n  viewer: {country: FR, city: Paris, country_name: France}")
    seen = await seen_by_origin(tmp_path, text)
    assert (header(seen, "CloudFront-Viewer-Country"), header(seen, "CloudFront-Viewer-City")) == ("FR", "Paris")
    moved = await seen_by_origin(tmp_path, text, {**VIEWER_HEADERS, "X-Frontyard-Viewer-Country": "DE",
                                                  "X-Frontyard-Viewer-City": "München"})
    assert header(moved, "CloudFront-Viewer-Country") == "DE"
    assert header(moved, "CloudFront-Viewer-City") == "M%C3%BCnchen"  # non-ASCII percent-encoded
    assert not any(n.startswith("x-frontyard") for n in header_names(moved))  # consumed, never forwarded


async def test_cache_policy_key_items_are_forwarded(tmp_path: Path) -> None:
    text = config("    cache_policy: keyed", """\
cache_policies:
  keyed:
    headers: {behavior: whitelist, items: [Authorization, X-Custom, CloudFront-Viewer-Country]}
    cookies: {behavior: allExcept, items: [zeta]}
    query_strings: {behavior: whitelist, items: [a]}
""")
    seen = await seen_by_origin(tmp_path, text)
    assert header(seen, "Authorization") == "Bearer t"  # on a GET: only because the cache key has it
    assert header(seen, "X-Custom") == "c"
    assert header(seen, "CloudFront-Viewer-Country") == "US"
    assert header(seen, "Cookie") == "alpha=2; session=s"
    assert seen["query"] == "a=1"
    assert header(seen, "Accept-Encoding") is None  # this policy does not normalise it


async def test_cache_and_origin_request_policies_combine(tmp_path: Path) -> None:
    # A cache-policy allow list beats an ORP block list, and the other way round (AWS: "Understand how origin request
    # policies and cache policies work together").
    text = config("    cache_policy: key\n    origin_request_policy: orp", """\
cache_policies:
  key: {query_strings: {behavior: whitelist, items: [utm_source]}, cookies: {behavior: allExcept, items: [session]}}
origin_request_policies:
  orp: {query_strings: {behavior: allExcept, items: [utm_source, b]}, cookies: {behavior: whitelist, items: [session]}}
""")
    seen = await seen_by_origin(tmp_path, text)
    assert seen["query"] == "a=1&utm_source=x"
    assert header(seen, "Cookie") == "alpha=2; session=s; zeta=1"


async def test_legacy_forwarded_values(tmp_path: Path) -> None:
    text = config("""\
    forwarded_values:
      query_string: true
      query_string_cache_keys: [a]
      cookies: {forward: whitelist, whitelisted_names: ["s*"]}
      headers: [Accept]
    min_ttl: 0""")
    seen = await seen_by_origin(tmp_path, text)
    assert seen["query"] == QUERY  # forwarded whole; the cache keys only narrow the cache key
    assert header(seen, "Cookie") == "session=s"  # wildcard whitelist
    assert header(seen, "Accept") == "text/html"  # listed
    assert header(seen, "X-Custom") == "c"  # legacy settings forward other headers
    assert header(seen, "Referer") is None  # but not the ones CloudFront removes
    assert header(seen, "Authorization") is None  # GET
    assert header(seen, "Host") == "api.example.test"


async def test_set_cookie_reaches_the_viewer_only_when_cookies_are_forwarded(tmp_path: Path) -> None:
    async def login(request: web.Request) -> web.Response:
        return web.Response(text="ok", headers={"Set-Cookie": "session=new", "Vary": "Cookie, X-Custom"})

    app = web.Application()
    app.router.add_get("/{tail:.*}", login)
    async with serve_app(app) as port:
        for orp, kept in (("Managed-AllViewer", True), ("Managed-CORS-CustomOrigin", False)):
            text = f"""\
distribution:
  origins: [{{id: api, domain_name: api.test, custom_origin: {{http_port: {port}}}}}]
  default_cache_behavior: {{target_origin_id: api, origin_request_policy: {orp}}}
emulator: {{resolve: {{api.test: 127.0.0.1}}}}
"""
            async with run_edge(tmp_path, text) as edge, edge.request("GET", "/login") as r:
                assert ("Set-Cookie" in r.headers) is kept
                assert r.headers["Vary"] == ("Cookie, X-Custom" if kept else "Cookie")


async def test_vary_keeps_the_cloudfront_headers_it_forwards(tmp_path: Path) -> None:
    async def varied(request: web.Request) -> web.Response:
        return web.Response(text="ok", headers={"Vary": "CloudFront-Viewer-Country, User-Agent, X-Nope"})

    app = web.Application()
    app.router.add_get("/{tail:.*}", varied)
    async with serve_app(app) as port:
        # Only CloudFront headers forwarded (a device header among them): X-Nope is not forwarded, so dropped.
        for orp, vary in (("cf-only", "CloudFront-Viewer-Country, User-Agent"), ("Managed-CORS-CustomOrigin", None)):
            text = f"""\
distribution:
  origins: [{{id: api, domain_name: api.test, custom_origin: {{http_port: {port}}}}}]
  default_cache_behavior: {{target_origin_id: api, origin_request_policy: {orp}}}
origin_request_policies:
  cf-only: {{headers: {{behavior: whitelist, items: [CloudFront-Viewer-Country, CloudFront-Is-Mobile-Viewer]}}}}
emulator: {{resolve: {{api.test: 127.0.0.1}}}}
"""
            async with run_edge(tmp_path, text) as edge, edge.request("GET", "/") as r:
                assert r.headers.get("Vary") == vary
