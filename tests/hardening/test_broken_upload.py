"""A chunked upload that turns unparsable after its headers were accepted (a bad chunk size mid-body) ends
the request at once: CloudFront's 502 with the cause, the connection closed, no traceback, instead of an
origin request waiting forever for the rest of a body that will never come."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from tests.helpers import raw_server, run_edge, single_origin_config


async def test_a_bad_chunk_after_the_headers_ends_the_request(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    done, got_head = asyncio.Event(), asyncio.Event()
    heads: list[bytes] = []

    async def origin(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            heads.append((await reader.readuntil(b"\r\n\r\n")).split(b"\r\n")[0])
            got_head.set()
            await done.wait()  # never answers: only the edge can end this request
        writer.close()

    try:
        async with raw_server(origin) as port, \
                run_edge(tmp_path, single_origin_config(port, read_timeout=30, all_methods=True)) as edge:
            authority = edge.url.removeprefix("http://")
            host, viewer_port = authority.split(":")
            reader, writer = await asyncio.open_connection(host, int(viewer_port))
            writer.write(b"POST /up HTTP/1.1\r\nHost: %b\r\nTransfer-Encoding: chunked\r\n\r\n" % authority.encode())
            await writer.drain()
            await asyncio.wait_for(got_head.wait(), 10)  # the upload is under way: its head reached the origin
            writer.write(b"zz\r\nimportant\r\n0\r\n\r\n")  # 'zz' is not a chunk size
            await writer.drain()
            answer = await asyncio.wait_for(reader.read(), 10)  # everything until the edge closes
            writer.close()
    finally:
        done.set()
    assert answer.startswith(b"HTTP/1.1 502 "), answer[:100]
    assert b"request body broke off" in answer  # the cause, in X-Frontyard-Trace
    assert heads == [b"POST /up HTTP/1.1"]
    assert not [r for r in caplog.records if r.exc_info]  # no traceback logged
