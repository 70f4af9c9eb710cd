from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web

from tests.helpers import run_edge, serve_app
from tests.intersections.support import app_config

BODY = b"<p>streamed</p>\n" * 300


def app() -> web.Application:
    async def streamed(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html", "Cache-Control": "max-age=60"})
        await response.prepare(request)
        await response.write(BODY)
        await response.write_eof()
        return response
    a = web.Application()
    a.router.add_get("/s.html", streamed)
    return a


async def raw(edge, req: bytes) -> bytes:
    host, p = edge.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(p))
    writer.write(req)
    await writer.drain()
    data = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    return data


async def test_http10_viewer_of_a_chunked_miss(tmp_path: Path) -> None:
    async with serve_app(app()) as port, run_edge(tmp_path, app_config(port,
            behavior="""\
            compress: true
            cache_policy: Managed-CachingOptimized
            """)) as edge:
        for _ in range(2):
            data = await raw(edge, b"GET /s.html HTTP/1.0\r\nHost: localhost\r\n\r\n")
            head, _, body = data.partition(b"\r\n\r\n")
            print(head.decode())
            assert b"transfer-encoding: chunked" not in head.lower(), "chunked to an HTTP/1.0 viewer"
            assert body == BODY
