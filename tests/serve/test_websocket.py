"""WebSockets through the edge (AWS "Use WebSockets with CloudFront distributions"), over real sockets: aiohttp's
WebSocket client as the viewer, aiohttp's WebSocket server as the origin."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp import WSMsgType, web

from tests.helpers import Edge, run_edge, serve_app

pytestmark = pytest.mark.asyncio


class Origin:
    """An aiohttp WebSocket echo origin; `close:<code>:<reason>` makes it close with that code."""

    def __init__(self) -> None:
        self.seen: list[dict[str, str]] = []  # each handshake's request headers
        self.closes: list[int | None] = []  # the close code the origin saw, per connection

    async def echo(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(protocols=("chat.v2",), max_msg_size=0, compress=True)
        self.seen.append(dict(request.headers))
        if not ws.can_prepare(request):
            return web.Response(status=400, text="not a WebSocket handshake")
        await ws.prepare(request)
        async for msg in ws:
            if msg.type is WSMsgType.TEXT and msg.data.startswith("close:"):
                _, code, reason = msg.data.split(":", 2)
                await ws.close(code=int(code), message=reason.encode())
            elif msg.type is WSMsgType.TEXT:
                await ws.send_str(msg.data)
            elif msg.type is WSMsgType.BINARY:
                await ws.send_bytes(msg.data)
        self.closes.append(ws.close_code)
        return ws


@asynccontextmanager
async def _origin() -> AsyncIterator[tuple[int, Origin]]:
    origin = Origin()
    app = web.Application()
    app.router.add_get("/{tail:.*}", origin.echo)
    async with serve_app(app) as port:
        yield port, origin


def _config(port: int, policy: str = "origin_request_policy: Managed-AllViewer", extra: str = "") -> str:
    return f"""\
distribution:
  origins:
    - id: app
      domain_name: app.test
      custom_origin: {{protocol_policy: http-only, http_port: {port}}}
  default_cache_behavior:
    target_origin_id: app
    cache_policy: Managed-CachingDisabled
    {policy}
{extra}
emulator: {{resolve: {{app.test: 127.0.0.1}}}}
"""


@asynccontextmanager
async def _edge(tmp_path: Path, **kw: str) -> AsyncIterator[tuple[Edge, Origin]]:
    async with _origin() as (port, app), run_edge(tmp_path, _config(port, **kw)) as edge:
        yield edge, app


async def test_echo_text_and_binary_through_the_edge(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, app), edge.session.ws_connect(edge.url + "/chat") as ws:
        await ws.send_str("hello")
        assert (await ws.receive(timeout=5)).data == "hello"
        await ws.send_bytes(b"\x00\x01binary")
        assert (await ws.receive(timeout=5)).data == b"\x00\x01binary"
        await ws.close()
    assert app.seen[0]["Upgrade"] == "websocket"
