"""`Expect: 100-continue` (curl's default for uploads over 1 KB): the edge answers `100 Continue` at once."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from yarl import URL

from tests.helpers import run_edge

CONFIG = """\
distribution:
  origins: [{id: api, domain_name: api.test, mock: {type: echo}}]
  default_cache_behavior:
    target_origin_id: api
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
"""


async def test_100_continue_comes_before_the_body_is_sent_and_the_upload_arrives_whole(tmp_path: Path) -> None:
    body = b"0123456789" * 300
    async with run_edge(tmp_path, CONFIG) as edge:
        url = URL(edge.url)
        reader, writer = await asyncio.open_connection(url.host, url.port)
        try:
            writer.write(b"PUT /upload HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(body))
            await writer.drain()
            # The body is held back until the interim response arrives, as curl does (for one second).
            interim = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=30)
            assert interim == b"HTTP/1.1 100 Continue\r\n\r\n"
            writer.write(body)
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=30)
            assert head.startswith(b"HTTP/1.1 200 OK\r\n")
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            echoed = json.loads(await reader.readexactly(length))
        finally:
            writer.close()
            await writer.wait_closed()
    assert echoed["body_length"] == len(body)
    # not forwarded (AWS: "Request and response behavior for custom origins")
    assert all(name.lower() != "expect" for name, _ in echoed["headers"])
