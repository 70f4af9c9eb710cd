"""An HTTP/1.0 viewer asking for keep-alive gets a body of unknown length (a chunked origin, or one that ends
its body by closing): HTTP/1.0 has no chunked framing, so the end of the body is the end of the connection.
aiohttp 3.14 decides that only after it has said keep-alive and then leaves the connection open; the edge
closes it (serve/server.py), or the viewer waits forever."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from tests.helpers import raw_server, run_edge, single_origin_config


async def chunked_origin(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
        while True:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
            await writer.drain()
    writer.close()


@pytest.mark.parametrize("connection", ["Connection: keep-alive\r\n", ""])
async def test_http10_viewer_gets_the_body_and_the_end_of_the_connection(tmp_path: Path, connection: str) -> None:
    async with raw_server(chunked_origin) as port, run_edge(tmp_path, single_origin_config(port)) as edge:
        host, listen = edge.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(listen))
        try:
            writer.write(f"GET /x HTTP/1.0\r\nHost: localhost\r\n{connection}\r\n".encode())
            data = await asyncio.wait_for(reader.read(-1), 10)  # to EOF: hangs without the close
        finally:
            writer.close()
        head, _, body = data.partition(b"\r\n\r\n")
        assert head.split(b"\r\n")[0].endswith(b" 200 OK") and body == b"hello"
        assert b"Transfer-Encoding" not in head  # no chunked framing for an HTTP/1.0 viewer
