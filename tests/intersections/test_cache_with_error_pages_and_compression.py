"""Where the cache meets error pages, compression and HTTP/1.0 viewers (integration review)."""
from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

from aiohttp import web

from emulator.clock import FakeClock
from tests.helpers import run_edge, serve_app
from tests.intersections.support import app_config

PAGE = ("<p>sorry, not here</p>\n" * 200).encode()
JS = ("function hello(name) { return 'hello ' + name; }\n" * 100).encode()


def config(port: int) -> str:
    return app_config(port, behavior="compress: true\ncache_policy: Managed-CachingOptimized\n", distribution="""\
        custom_error_responses:
          - {error_code: 404, response_page_path: /err.html, response_code: 404}
        """)


def app(counts: dict) -> web.Application:
    async def err(request: web.Request) -> web.StreamResponse:
        counts["err"] = counts.get("err", 0) + 1
        return web.Response(body=PAGE, content_type="text/html", headers={"Set-Cookie": "tracking=1"})

    async def js(request: web.Request) -> web.Response:
        counts["js"] = counts.get("js", 0) + 1
        counts.setdefault("inm", []).append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") in ('"v1"', 'W/"v1"'):
            return web.Response(status=304, headers={"ETag": '"v1"', "Cache-Control": "max-age=10"})
        return web.Response(body=JS, content_type="application/javascript",
                            headers={"ETag": '"v1"', "Cache-Control": "max-age=10"})

    a = web.Application()
    a.router.add_get("/err.html", err)
    a.router.add_get("/app.js", js)
    return a


async def test_error_page_fetch_pollutes_cache_for_direct_viewers(tmp_path: Path) -> None:
    """A custom error page fetch stores the page uncleaned and uncompressed under the viewer's key."""
    counts: dict = {}
    gz = {"Accept-Encoding": "gzip"}
    async with serve_app(app(counts)) as port, run_edge(tmp_path, config(port)) as edge:
        async with edge.request("GET", "/missing", headers=gz) as r:
            assert r.status == 404
            await r.read()
        async with edge.request("GET", "/err.html", headers=gz) as r:
            await r.read()
            print(r.headers)
            assert r.headers["X-Cache"] == "Hit from cloudfront"
            # a direct viewer of /err.html gets what a direct miss would have given: gzip, no Set-Cookie
            assert "Set-Cookie" not in r.headers, "Set-Cookie of a non-cookie-forwarding behavior leaked via cache"
            assert r.headers.get("Content-Encoding") == "gzip", "uncompressed copy stored under the gzip key"


async def test_http10_viewer_gets_gzip_error_page(tmp_path: Path) -> None:
    counts: dict = {}
    async with serve_app(app(counts)) as port, run_edge(tmp_path, config(port)) as edge:
        async with edge.request("GET", "/err.html", headers={"Accept-Encoding": "gzip"}) as r:
            assert r.headers["Content-Encoding"] == "gzip"
            await r.read()
        host, p = edge.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(p))
        writer.write(b"GET /missing HTTP/1.0\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n\r\n")
        await writer.drain()
        raw = await reader.read()
        writer.close()
        head = raw.split(b"\r\n\r\n")[0].decode()
        print(head)
        assert head.startswith("HTTP/1.") and " 404" in head.split("\r\n")[0]
        assert "content-encoding" not in head.lower(), "HTTP/1.0 viewer got a gzip body"


async def test_renewed_compressed_copy_keeps_weak_etag(tmp_path: Path) -> None:
    counts: dict = {}
    clock = FakeClock()
    gz = {"Accept-Encoding": "gzip"}
    async with serve_app(app(counts)) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        async with edge.request("GET", "/app.js", headers=gz) as r:
            assert r.headers["ETag"] == 'W/"v1"'
            await r.read()
        clock.advance(20)
        async with edge.request("GET", "/app.js", headers=gz) as r:
            body = await r.read()
            print(r.headers)
            print("INM", counts["inm"])
            assert r.headers["X-Cache"] == "RefreshHit from cloudfront"
            assert r.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(body) == JS
            assert r.headers["ETag"] == 'W/"v1"', "a strong ETag on a gzip body after the 304"
