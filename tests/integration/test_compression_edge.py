"""Edge compression (AWS: "Serve compressed files") through a real edge and a real origin."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

import brotli
from aiohttp import web

from tests.helpers import run_edge, serve_app

SCRIPT = ("function hello(name) { return 'hello ' + name; }\n" * 1000).encode()  # 50 KB of JavaScript


def config(port: int, *, compress: str = "true", cache_policy: str = "Managed-CachingOptimized") -> str:
    return f"""\
        distribution:
          origins:
            - {{id: app, domain_name: app.internal, custom_origin: {{http_port: {port}}}}}
          default_cache_behavior:
            target_origin_id: app
            compress: {compress}
            cache_policy: {cache_policy}
        emulator:
          resolve: {{app.internal: 127.0.0.1}}
          debug: {{trace_header: true}}
        """


def origin_app() -> web.Application:
    async def script(request: web.Request) -> web.Response:
        return web.Response(body=SCRIPT, content_type="application/javascript", headers={"ETag": '"v1"'})

    async def image(request: web.Request) -> web.Response:
        return web.Response(body=b"\x89PNG" + bytes(5000), content_type="image/png")

    async def small(request: web.Request) -> web.Response:
        return web.Response(text="tiny", content_type="text/plain")

    async def encoded(request: web.Request) -> web.Response:
        return web.Response(body=gzip.compress(SCRIPT), content_type="application/javascript",
                            headers={"Content-Encoding": "gzip", "ETag": '"gz"'})

    async def streamed(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)  # chunked: no Content-Length
        await response.write(SCRIPT)
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_get("/app.js", script)
    app.router.add_get("/logo.png", image)
    app.router.add_get("/small.txt", small)
    app.router.add_get("/pre.js", encoded)
    app.router.add_get("/stream.html", streamed)
    return app


async def test_brotli_preferred_then_gzip_and_weak_etag(tmp_path: Path) -> None:
    async with serve_app(origin_app()) as port, run_edge(tmp_path, config(port)) as edge:
        async with edge.request("GET", "/app.js", headers={"Accept-Encoding": "gzip, deflate, br"}) as r:
            assert r.headers["Content-Encoding"] == "br"
            assert r.headers["ETag"] == 'W/"v1"'
            assert "Content-Length" not in r.headers
            body = await r.read()
            assert brotli.decompress(body) == SCRIPT
            assert len(body) < len(SCRIPT) // 10
            assert "compression=br" in r.headers["X-Frontyard-Trace"]
        async with edge.request("GET", "/app.js", headers={"Accept-Encoding": "gzip"}) as r:
            assert r.headers["Content-Encoding"] == "gzip"
            assert r.headers["ETag"] == 'W/"v1"'
            assert gzip.decompress(await r.read()) == SCRIPT
        async with edge.request("GET", "/app.js", headers={"Accept-Encoding": "br;q=0, gzip"}) as r:
            assert r.headers["Content-Encoding"] == "gzip"
        async with edge.request("GET", "/app.js", headers={"Accept-Encoding": "identity"}) as r:
            assert "Content-Encoding" not in r.headers
            assert r.headers["ETag"] == '"v1"'
            assert await r.read() == SCRIPT
        async with edge.request("HEAD", "/app.js", headers={"Accept-Encoding": "br"}) as r:
            assert r.headers["Content-Encoding"] == "br"
            assert await r.read() == b""


async def test_what_is_not_compressed(tmp_path: Path) -> None:
    br = {"Accept-Encoding": "br, gzip"}
    async with serve_app(origin_app()) as port, run_edge(tmp_path, config(port)) as edge:
        for path, why in (("/logo.png", "image/png"), ("/small.txt", "outside 1,000"),
                          ("/stream.html", "no valid Content-Length")):
            async with edge.request("GET", path, headers=br) as r:
                assert "Content-Encoding" not in r.headers, path
                await r.read()
                assert why in r.headers["X-Frontyard-Trace"] or "compression=skipped" in r.headers["X-Frontyard-Trace"]
        async with edge.request("GET", "/pre.js", headers=br) as r:  # already encoded: passed on as is
            assert r.headers["Content-Encoding"] == "gzip"
            assert r.headers["ETag"] == '"gz"'
            assert gzip.decompress(await r.read()) == SCRIPT


async def test_compress_off_or_policy_without_encodings(tmp_path: Path) -> None:
    br = {"Accept-Encoding": "br, gzip"}
    for cfg in ({"compress": "false"}, {"cache_policy": "Managed-CachingOptimizedForUncompressedObjects"}):
        async with serve_app(origin_app()) as port, run_edge(tmp_path, config(port, **cfg)) as edge, \
                edge.request("GET", "/app.js", headers=br) as r:
            assert "Content-Encoding" not in r.headers
            assert await r.read() == SCRIPT


async def test_compressed_copies_are_cached_per_normalized_accept_encoding(tmp_path: Path) -> None:
    async with serve_app(origin_app()) as port, run_edge(tmp_path, config(port)) as edge:
        for accept, encoding, cache in (("br, gzip", "br", "Miss"), ("gzip, br", "br", "Hit"),
                                        ("gzip", "gzip", "Miss"), ("gzip;q=1", "gzip", "Hit"),
                                        ("identity", None, "Miss"), ("deflate", None, "Hit")):
            async with edge.request("GET", "/app.js", headers={"Accept-Encoding": accept}) as r:
                assert r.headers["X-Cache"] == f"{cache} from cloudfront", accept
                assert r.headers.get("Content-Encoding") == encoding, accept
                body = await r.read()
                decoded = brotli.decompress(body) if encoding == "br" else \
                    gzip.decompress(body) if encoding == "gzip" else body
                assert decoded == SCRIPT
                assert r.headers["ETag"] == ('W/"v1"' if encoding else '"v1"')


async def test_http_1_0_viewers_get_the_uncompressed_copy(tmp_path: Path) -> None:
    async with serve_app(origin_app()) as port, run_edge(tmp_path, config(port)) as edge:
        async with edge.request("GET", "/app.js", headers={"Accept-Encoding": "br"}) as r:
            assert r.headers["Content-Encoding"] == "br"  # a Brotli copy is now cached
            await r.read()
        host, _, edge_port = edge.url.removeprefix("http://").rpartition(":")
        reader, writer = await asyncio.open_connection(host, int(edge_port))
        writer.write(b"GET /app.js HTTP/1.0\r\nHost: localhost\r\nAccept-Encoding: br, gzip\r\n\r\n")
        await writer.drain()
        raw = await reader.read()  # HTTP/1.0: the edge closes the connection after the response
        writer.close()
        head, _, body = raw.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.0 200") or head.startswith(b"HTTP/1.1 200")
        assert b"content-encoding" not in head.lower()
        assert b"X-Cache: Miss from cloudfront" in head  # not the Brotli copy: the key has no encoding
        assert body == SCRIPT
