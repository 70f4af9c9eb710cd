"""The viewer's `Via` is CloudFront's alone: an origin's own `Via` is replaced, not kept (AWS "Request and response
behavior for custom origins": "Via – CloudFront sets the value to the following in the response to the viewer")."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.helpers import raw_server, run_edge, single_origin_config

OURS = "1.1 e0f1a2b3c4d5e6f708192a3b4c5d6e7f.cloudfront.net (CloudFront)"


async def _origin_behind_a_proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while await reader.readuntil(b"\r\n\r\n"):
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nVia: 1.1 varnish (Varnish/7.4)\r\n"
                         b"Via: 1.1 proxy\r\nCache-Control: max-age=60\r\n\r\nok")
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass


async def test_an_origins_via_is_replaced_by_cloudfronts(tmp_path: Path) -> None:
    async with raw_server(_origin_behind_a_proxy) as port, \
            run_edge(tmp_path, single_origin_config(port).replace("Managed-CachingDisabled",
                                                                  "Managed-CachingOptimized")) as edge:
        for expected in ("Miss from cloudfront", "Hit from cloudfront"):  # from the origin, then from the cache
            async with edge.request("GET", "/page") as r:
                assert (r.status, await r.read(), r.headers["X-Cache"]) == (200, b"ok", expected)
                assert r.headers.getall("Via") == [OURS]
