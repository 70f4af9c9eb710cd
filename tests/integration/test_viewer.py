"""Routing, viewer checks and viewer response headers over a real socket (AWS: "Cache behavior settings", "Require HTTPS
for communication between viewers and CloudFront", "Request and response behavior for custom origins")."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.helpers import run_edge

TWO_ORIGINS = """\
distribution:
  aliases: [app.test, "*.preview.test"]
  origins:
    - {id: site, domain_name: site.test, mock: {type: echo}}
    - {id: api, domain_name: api.test, mock: {type: echo}}
  default_cache_behavior: {target_origin_id: site}
  cache_behaviors:
    - {path_pattern: "/api/*", target_origin_id: api, allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]}
    - {path_pattern: "/secure/*", target_origin_id: api, viewer_protocol_policy: https-only}
    - {path_pattern: "/login*", target_origin_id: api, viewer_protocol_policy: redirect-to-https,
       allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]}
    - {path_pattern: "/ro/*", target_origin_id: api, allowed_methods: [GET, HEAD, OPTIONS]}
"""


async def origin_host(edge, path: str, host: str | None = None, method: str = "GET") -> str:
    headers = {"Host": host} if host else {}
    async with edge.request(method, path, headers=headers) as r:
        assert r.status == 200, await r.text()
        seen = json.loads(await r.read())
    return next(v for k, v in seen["headers"] if k == "Host")


@pytest.mark.parametrize(
    ("path", "origin"),
    [
        ("/api/users", "api.test"),
        ("/api/users?x=/secure/", "api.test"),  # the query string is ignored for matching
        ("/api", "site.test"),  # /api/* needs the slash
        ("/API/users", "site.test"),  # case-sensitive
        ("/static/../api/users", "api.test"),  # matched on the normalised path
        ("//api//users", "api.test"),
        ("/index.html", "site.test"),
    ],
)
async def test_behavior_selection(tmp_path: Path, path: str, origin: str) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge:
        assert await origin_host(edge, path) == origin


@pytest.mark.parametrize("host", ["app.test", "APP.test:8080", "pr-12.preview.test", "localhost", "127.0.0.1"])
async def test_known_hosts_reach_the_distribution(tmp_path: Path, host: str) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge:
        assert await origin_host(edge, "/api/x", host) == "api.test"


@pytest.mark.parametrize("host", ["evil.test", "preview.test", "a.b.preview.test"])
async def test_unknown_host_gets_cloudfronts_403(tmp_path: Path, host: str) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge, edge.request("GET", "/", headers={"Host": host}) as r:
        body = await r.text()
        assert r.status == 403
        assert r.headers["X-Cache"] == "Error from cloudfront"
        assert r.headers["Server"] == "CloudFront"
        assert "<H1>403 ERROR</H1>" in body and "Bad request." in body
        assert f"Request ID: {r.headers['X-Amz-Cf-Id']}" in body


async def test_redirect_to_https(tmp_path: Path) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge:
        https_port = edge.https_url.rsplit(":", 1)[1]
        async with edge.request("GET", "/login?next=/x", headers={"Host": "app.test"}) as r:
            assert r.status == 301
            assert r.headers["Location"] == f"https://app.test:{https_port}/login?next=/x"
            assert r.headers["X-Cache"] == "Redirect from cloudfront"
            assert r.headers["Server"] == "CloudFront"
            assert r.headers["Content-Type"] == "text/html"
        async with edge.request("HEAD", "/login", headers={"Host": "app.test"}) as r:
            assert r.status == 301
        async with edge.request("POST", "/login", headers={"Host": "app.test"}, data=b"a=1") as r:
            assert r.status == 307
            assert r.headers["Location"] == f"https://app.test:{https_port}/login"
        # Following it over the HTTPS listener, verified against the local CA, reaches the origin.
        async with edge.session.get(edge.https_url + "/login", headers={"Host": "app.test"},
                                    ssl=edge.ssl_context()) as r:
            assert r.status == 200


async def test_redirect_refused_for_http10_non_get(tmp_path: Path) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge:
        host, port = edge.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(b"POST /login HTTP/1.0\r\nHost: app.test\r\nContent-Length: 3\r\n\r\na=1")
        await writer.drain()
        status_line = await asyncio.wait_for(reader.readline(), 10)
        writer.close()
        await writer.wait_closed()
    assert status_line.startswith(b"HTTP/1.0 403")


async def test_https_only_refuses_http(tmp_path: Path) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge, edge.request("GET", "/secure/x") as r:
        assert r.status == 403
        assert "Bad request." in await r.text()


@pytest.mark.parametrize(("method", "path", "status"), [
    ("POST", "/", 403), ("DELETE", "/", 403), ("OPTIONS", "/", 403),
    ("OPTIONS", "/ro/x", 200), ("PUT", "/ro/x", 403), ("PATCH", "/api/x", 200),
])
async def test_allowed_methods(tmp_path: Path, method: str, path: str, status: int) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge, edge.request(method, path) as r:
        body = await r.text()
        assert r.status == status
        if status == 403:
            assert "not configured to allow the HTTP request method" in body
            assert r.headers["X-Cache"] == "Error from cloudfront"


async def test_get_with_a_body_is_refused(tmp_path: Path) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge, edge.request("GET", "/api/x", data=b"body") as r:
        assert r.status == 403


async def test_viewer_response_headers(tmp_path: Path) -> None:
    async with run_edge(tmp_path, TWO_ORIGINS) as edge, edge.request("GET", "/api/x") as r:
        assert r.status == 200
        assert r.headers["Via"] == "1.1 e0f1a2b3c4d5e6f708192a3b4c5d6e7f.cloudfront.net (CloudFront)"
        assert r.headers["X-Cache"] == "Miss from cloudfront"
        assert r.headers["X-Amz-Cf-Pop"] == "LCL50-C1"
        assert len(r.headers["X-Amz-Cf-Id"]) == 56
        assert "X-Frontyard-Trace" not in r.headers  # opt-in only


async def test_pop_and_debug_header_are_configurable(tmp_path: Path) -> None:
    text = TWO_ORIGINS + "emulator:\n  pop: FRA56-P1\n  debug: {trace_header: true}\n"
    async with run_edge(tmp_path, text) as edge, edge.request("GET", "/api/x") as r:
        assert r.headers["X-Amz-Cf-Pop"] == "FRA56-P1"
        trace = r.headers["X-Frontyard-Trace"]
        assert "behavior=/api/* @frontyard.yaml:" in trace
        assert "origin-request=api" in trace and "origin=200" in trace
