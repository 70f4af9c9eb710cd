"""What reaches the origin (AWS: "Request and response behavior for custom origins"), seen by a real echo origin behind
a real edge socket."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

from tests.helpers import header, header_names, run_edge

ECHO = """\
distribution:
  aliases: [app.test]
  origins:
    - id: api
      domain_name: api.example.test
      mock: {type: echo}
      {extra}
  default_cache_behavior:
    target_origin_id: api
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
    {behavior}
"""


def config(extra: str = "", behavior: str = "") -> str:
    return ECHO.replace("{extra}", extra).replace("{behavior}", behavior)


async def echo(edge, method: str, path: str, **kwargs) -> dict:
    async with edge.request(method, path, **kwargs) as r:
        assert r.status == 200, await r.text()
        return json.loads(await r.read())


async def test_always_added_headers_and_nothing_else(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config()) as edge:
        async with edge.request("GET", "/api/x?y=1", headers={"User-Agent": "curl/8", "X-Custom": "1"}) as r:
            seen = json.loads(await r.read())
            viewer_id = r.headers["X-Amz-Cf-Id"]
    assert seen["path"] == "/api/x"
    assert seen["query"] == ""  # no policy forwards query strings
    assert header(seen, "Host") == "api.example.test"
    assert header(seen, "User-Agent") == "Amazon CloudFront"
    assert header(seen, "X-Forwarded-For") == "127.0.0.1"
    assert header(seen, "Via") == "1.1 e0f1a2b3c4d5e6f708192a3b4c5d6e7f.cloudfront.net (CloudFront)"
    assert header(seen, "Connection") == "Keep-Alive"
    assert header(seen, "X-Amz-Cf-Id") == viewer_id  # the same id the viewer got
    assert len(viewer_id) == 56 and viewer_id.endswith("==")
    assert header(seen, "X-Custom") is None
    assert header(seen, "Content-Length") is None  # no body, no invented Content-Length: 0


async def test_removed_and_as_is_headers(tmp_path: Path) -> None:
    removed = {"Accept": "text/html", "Accept-Language": "de", "Accept-Charset": "utf-8", "Cookie": "a=1",
               "Referer": "http://x.test/", "X-Forwarded-Proto": "https", "X-Real-IP": "1.2.3.4",
               "X-HTTP-Method-Override": "DELETE", "X-Edge-Thing": "1", "Authorization": "Bearer t",
               "Proxy-Authorization": "Basic x", "Expect": "", "Upgrade": "h2c", "TE": "trailers",
               "Origin": "http://app.test"}  # Origin only when a policy lists it
    kept = {"Cache-Control": "no-cache", "If-None-Match": '"abc"', "If-Modified-Since": "Sat, 1 Jan 2000 00:00:00 GMT",
            "Range": "bytes=0-1", "Pragma": "no-cache", "Max-Forwards": "3",
            "From": "a@b.test", "Warning": "199 - x", "Date": "Sat, 01 Jan 2000 00:00:00 GMT"}
    async with run_edge(tmp_path, config()) as edge:
        seen = await echo(edge, "GET", "/", headers={**removed, **kept})
    names = header_names(seen)
    for name in removed:
        assert name.lower() not in names, name
    for name, value in kept.items():
        assert header(seen, name) == value, name


async def test_authorization_by_method(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config()) as edge:
        get = await echo(edge, "GET", "/", headers={"Authorization": "Bearer t"})
        post = await echo(edge, "POST", "/", headers={"Authorization": "Bearer t"}, data=b"x")
        options = await echo(edge, "OPTIONS", "/", headers={"Authorization": "Bearer t"})
        delete = await echo(edge, "DELETE", "/", headers={"Authorization": "Bearer t"})
    assert header(get, "Authorization") is None  # HEAD has no echo body: tests/policies covers it
    assert header(post, "Authorization") == "Bearer t"
    assert header(delete, "Authorization") == "Bearer t"
    assert header(options, "Authorization") == "Bearer t"  # OPTIONS responses are not cached here


async def test_authorization_removed_for_options_when_options_are_cached(tmp_path: Path) -> None:
    text = config(behavior="cached_methods: [GET, HEAD, OPTIONS]")
    async with run_edge(tmp_path, text) as edge:
        seen = await echo(edge, "OPTIONS", "/", headers={"Authorization": "Bearer t"})
    assert header(seen, "Authorization") is None


async def test_accept_encoding_is_normalized(tmp_path: Path) -> None:
    # One path each: requests whose normalised encodings are equal share a cache entry (see test_cache_key).
    async with run_edge(tmp_path, config()) as edge:
        both = await echo(edge, "GET", "/both", headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
        gzip = await echo(edge, "GET", "/gzip", headers={"Accept-Encoding": "deflate, gzip;q=0.5"})
        neither = await echo(edge, "GET", "/neither", headers={"Accept-Encoding": "deflate"})
        refused = await echo(edge, "GET", "/refused", headers={"Accept-Encoding": "br;q=0, gzip"})
        absent = await echo(edge, "GET", "/absent", skip_auto_headers=["Accept-Encoding"])
    assert header(both, "Accept-Encoding") == "br,gzip"
    assert header(gzip, "Accept-Encoding") == "gzip"
    assert header(neither, "Accept-Encoding") == "identity"
    assert header(refused, "Accept-Encoding") == "gzip"
    assert header(absent, "Accept-Encoding") is None


async def test_caching_disabled_does_not_forward_accept_encoding(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(behavior="cache_policy: Managed-CachingDisabled")) as edge:
        seen = await echo(edge, "GET", "/", headers={"Accept-Encoding": "gzip, br"})
    assert header(seen, "Accept-Encoding") is None


async def test_forwarded_for_and_via_are_appended(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config()) as edge:
        seen = await echo(edge, "GET", "/", headers={"X-Forwarded-For": "192.0.2.4, 192.0.2.3", "Via": "1.1 proxy"})
    assert header(seen, "X-Forwarded-For") == "192.0.2.4, 192.0.2.3,127.0.0.1"
    assert header(seen, "Via") == "1.1 proxy, 1.1 e0f1a2b3c4d5e6f708192a3b4c5d6e7f.cloudfront.net (CloudFront)"


async def test_origin_path_is_prepended_to_the_raw_path(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(extra="origin_path: /v1")) as edge:
        seen = await echo(edge, "GET", "/a//b/../c%2Fd?q=1")
    assert seen["path"] == "/v1/a//b/../c%2Fd"  # the raw path, un-normalised, after the origin path


async def test_custom_headers_overwrite_the_viewers(tmp_path: Path) -> None:
    extra = "custom_headers: {X-Origin-Verify: secret, X-Env: local}"
    async with run_edge(tmp_path, config(extra=extra)) as edge:
        seen = await echo(edge, "GET", "/", headers={"X-Origin-Verify": "forged"})
    assert header(seen, "X-Origin-Verify") == "secret"
    assert header(seen, "X-Env") == "local"


async def test_default_root_object_only_for_exactly_root(tmp_path: Path) -> None:
    text = config().replace("  aliases: [app.test]\n", "  aliases: [app.test]\n  default_root_object: index.html\n")
    async with run_edge(tmp_path, text) as edge:
        root = await echo(edge, "GET", "/")
        sub = await echo(edge, "GET", "/install/")
        slashes = await echo(edge, "GET", "///")
        post = await echo(edge, "POST", "/", data=b"1")
    assert root["path"] == "/index.html"
    assert sub["path"] == "/install/"
    assert slashes["path"] == "///"
    assert post["path"] == "/index.html"  # every allowed method gets it


async def test_request_body_is_forwarded_intact(tmp_path: Path) -> None:
    payload = os.urandom(3 * 1024 * 1024 + 17)
    async with run_edge(tmp_path, config()) as edge:
        with_length = await echo(edge, "PUT", "/upload", data=io.BytesIO(payload),
                                 headers={"Content-Length": str(len(payload))})

        async def chunks():
            for i in range(0, len(payload), 100_000):
                yield payload[i : i + 100_000]

        chunked = await echo(edge, "POST", "/upload", data=chunks())
    for seen in (with_length, chunked):
        assert seen["body_length"] == len(payload)
        assert seen["body_sha256"] == hashlib.sha256(payload).hexdigest()
    assert header(with_length, "Content-Length") == str(len(payload))
    assert header(chunked, "Transfer-Encoding") == "chunked"


async def test_resolve_connects_elsewhere_but_keeps_the_name(tmp_path: Path) -> None:
    from aiohttp import web

    from tests.helpers import serve_app

    seen_hosts: list[str] = []

    async def handler(request: web.Request) -> web.Response:
        seen_hosts.append(request.headers["Host"])
        return web.Response(text="real service")

    app = web.Application()
    app.router.add_get("/{tail:.*}", handler)
    async with serve_app(app) as port:
        text = f"""\
            distribution:
              origins:
                - {{id: api, domain_name: api.example.test}}
              default_cache_behavior: {{target_origin_id: api}}
            emulator:
              resolve: {{api.example.test: "127.0.0.1:{port}"}}
            """
        async with run_edge(tmp_path, text) as edge, edge.request("GET", "/x") as r:
            assert await r.text() == "real service"
    assert seen_hosts == ["api.example.test"]
