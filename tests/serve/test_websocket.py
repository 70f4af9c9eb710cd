"""WebSockets through the edge (AWS "Use WebSockets with CloudFront distributions"), over real sockets: aiohttp's
WebSocket client as the viewer, aiohttp's WebSocket server as the origin."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import struct
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp import WSMsgType, web
from multidict import CIMultiDict

from emulator.inspector.history import Entry
from emulator.serve.app import Emulator
from emulator.tls.ca import STATE_ENV, LocalCA
from tests.helpers import Edge, raw_server, run_edge, serve_app


class Origin:
    """An aiohttp WebSocket echo origin; `close:<code>:<reason>` makes it close with that code."""

    def __init__(self) -> None:
        self.seen: list[CIMultiDict[str]] = []  # each handshake's request headers
        self.closes: list[int | None] = []  # the close code the origin saw, per connection

    async def echo(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(protocols=("chat.v2",), max_msg_size=0, compress=True)
        self.seen.append(request.headers.copy())
        if not ws.can_prepare(request):
            return web.Response(status=400, text="not a WebSocket handshake")
        await ws.prepare(request)
        if request.path == "/greet":
            await ws.send_str("welcome")  # before the viewer says anything, as a dev server's HMR socket does
        async for msg in ws:
            if msg.type is WSMsgType.TEXT and msg.data.startswith("close:"):
                _, code, reason = msg.data.split(":", 2)
                await ws.close(code=int(code), message=reason.encode())
            elif msg.type is WSMsgType.TEXT and msg.data != "no answer":
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


async def test_what_the_origin_sends_right_after_its_101_reaches_the_viewer(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, _):
        for _ in range(20):  # the greeting may share the 101's packet or follow it: each way, every time
            async with edge.session.ws_connect(edge.url + "/greet") as ws:
                assert (await ws.receive(timeout=5)).data == "welcome"


async def test_a_fragmented_message_is_reassembled_by_the_origin(tmp_path: Path) -> None:
    # Frames pass untouched: the origin gets both fragments and answers with the whole message.
    async with _edge(tmp_path) as (edge, _), _raw_upgrade(edge) as (reader, writer):
        writer.write(_frame(0x1, b"frag", fin=False) + _frame(0x0, b"mented", fin=True))
        opcode, payload = await _read_frame(reader)
        assert (opcode, payload) == (0x1, b"fragmented")


async def test_a_16_mb_message_both_ways(tmp_path: Path) -> None:
    big = bytes(range(256)) * (16 * 2**20 // 256)
    async with _edge(tmp_path) as (edge, _), edge.session.ws_connect(edge.url + "/big", max_msg_size=0) as ws:
        await ws.send_bytes(big)
        msg = await ws.receive(timeout=30)
        assert msg.type is WSMsgType.BINARY and msg.data == big


async def test_subprotocol_and_permessage_deflate_are_negotiated_end_to_end(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, origin), \
            edge.session.ws_connect(edge.url + "/chat", protocols=("chat.v1", "chat.v2"), compress=15) as ws:
        assert ws.protocol == "chat.v2"  # the origin's choice
        assert ws.compress == 15
        await ws.send_str("x" * 10_000)
        assert (await ws.receive(timeout=5)).data == "x" * 10_000
    assert "permessage-deflate" in origin.seen[0]["Sec-WebSocket-Extensions"]
    assert origin.seen[0]["Sec-WebSocket-Protocol"].replace(" ", "") == "chat.v1,chat.v2"


async def test_close_code_and_reason_from_the_viewer_reach_the_origin(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, origin):
        async with edge.session.ws_connect(edge.url + "/chat") as ws:
            await ws.close(code=4001, message=b"viewer says bye")
        entry = await _closed_entry(edge)
    assert origin.closes == [4001]
    assert "close frame first from the viewer: 4001 'viewer says bye'" in _detail(entry, "closed")


async def test_close_code_and_reason_from_the_origin_reach_the_viewer(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, _):
        async with edge.session.ws_connect(edge.url + "/chat") as ws:
            await ws.send_str("close:4002:origin says bye")
            msg = await ws.receive(timeout=5)
            assert msg.type is WSMsgType.CLOSE
            assert (msg.data, msg.extra) == (4002, "origin says bye")
        entry = await _closed_entry(edge)
    assert "close frame first from the origin: 4002 'origin says bye'" in _detail(entry, "closed")


async def test_ping_gets_the_origins_pong(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, _), edge.session.ws_connect(edge.url + "/chat", autoping=False) as ws:
        await ws.ping(b"are you there")
        msg = await ws.receive(timeout=5)
        assert (msg.type, msg.data) == (WSMsgType.PONG, b"are you there")


async def test_without_the_handshake_headers_the_origin_refuses_and_the_edge_says_why(tmp_path: Path) -> None:
    # CachingDisabled alone forwards no viewer header: the origin gets the upgrade without Sec-WebSocket-Key.
    async with _edge(tmp_path, policy="") as (edge, origin):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await edge.session.ws_connect(edge.url + "/ws")
        assert refused.value.status == 400
        entry = edge.server.history.get("last")
    assert origin.seen[0]["Upgrade"] == "websocket" and origin.seen[0]["Connection"] == "Upgrade"
    assert "Sec-WebSocket-Key" not in origin.seen[0]
    assert entry is not None and entry.status == 400
    detail = _detail(entry, "400")
    assert "Sec-WebSocket-Key and Sec-WebSocket-Version did not reach it" in detail
    assert "Managed-AllViewer" in detail


def test_validate_warns_of_a_websocket_behavior_without_the_handshake_headers() -> None:
    from emulator.assembly import load_config_text
    from emulator.pipeline.lint import lint

    base = """\
distribution:
  origins: [{id: app, domain_name: app.test}]
  default_cache_behavior: {target_origin_id: app}
  cache_behaviors:
    - {path_pattern: /ws/*, target_origin_id: app, cache_policy: Managed-CachingDisabled POLICY}
"""

    def found(policy: str) -> list[str]:
        config = load_config_text(base.replace("POLICY", policy), "site.yaml", Path("."))
        return [w.format() for w in lint(config) if "WebSocket" in w.message]

    warned = found("")
    assert len(warned) == 1 and "cache_behaviors[0] (/ws/*)" in warned[0]
    assert "Fix: use origin_request_policy: Managed-AllViewer" in warned[0]
    assert found(", origin_request_policy: Managed-AllViewer") == []
    assert found(", origin_request_policy: Managed-AllViewerExceptHostHeader") == []


async def test_an_explicit_policy_with_the_two_headers_is_enough(tmp_path: Path) -> None:
    extra = """\
origin_request_policies:
  ws: {headers: {behavior: whitelist, items: [Sec-WebSocket-Key, Sec-WebSocket-Version]}}"""
    async with _edge(tmp_path, policy="origin_request_policy: ws", extra=extra) as (edge, origin), \
            edge.session.ws_connect(edge.url + "/ws", protocols=("chat.v2",)) as ws:
        await ws.send_str("hi")
        assert (await ws.receive(timeout=5)).data == "hi"
        assert ws.protocol is None  # Sec-WebSocket-Protocol is not in the policy: the origin never saw it
    assert "Sec-WebSocket-Protocol" not in origin.seen[0]


async def test_the_viewer_request_function_runs_on_the_upgrade(tmp_path: Path) -> None:
    (tmp_path / "fn.js").write_text("function handler(event) {\n"
                                    "  event.request.headers['x-from-function'] = {value: 'ran'};\n"
                                    "  return event.request;\n}\n")
    extra = "functions:\n  fn: {runtime: cloudfront-js-2.0, code: fn.js}"
    policy = "origin_request_policy: Managed-AllViewer\n    function_associations: {viewer-request: fn}"
    async with _edge(tmp_path, policy=policy, extra=extra) as (edge, origin), \
            edge.session.ws_connect(edge.url + "/ws") as ws:
        await ws.send_str("hi")
        assert (await ws.receive(timeout=5)).data == "hi"
    assert origin.seen[0]["x-from-function"] == "ran"


async def test_a_viewer_request_function_can_refuse_the_upgrade(tmp_path: Path) -> None:
    (tmp_path / "fn.js").write_text("function handler(event) {\n"
                                    "  return {statusCode: 403, statusDescription: 'Forbidden'};\n}\n")
    extra = "functions:\n  fn: {runtime: cloudfront-js-2.0, code: fn.js}"
    policy = "origin_request_policy: Managed-AllViewer\n    function_associations: {viewer-request: fn}"
    async with _edge(tmp_path, policy=policy, extra=extra) as (edge, origin):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await edge.session.ws_connect(edge.url + "/ws")
        assert refused.value.status == 403
    assert origin.seen == []


async def test_wss_through_the_local_ca_to_an_http_origin(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, origin), \
            edge.session.ws_connect(edge.https_url + "/ws", ssl=edge.ssl_context()) as ws:
        await ws.send_str("secure")
        assert (await ws.receive(timeout=5)).data == "secure"
    assert origin.seen[0]["Upgrade"] == "websocket"


async def test_ws_to_an_https_origin(tmp_path: Path) -> None:
    ca = LocalCA.load_or_create(Path(os.environ[STATE_ENV]))
    origin = Origin()
    app = web.Application()
    app.router.add_get("/{tail:.*}", origin.echo)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ca.server_context(["app.test"]))
    await site.start()
    port = int(runner.addresses[0][1])
    text = _config(port, policy="origin_request_policy: Managed-AllViewerExceptHostHeader").replace(
        "protocol_policy: http-only, http_port", "protocol_policy: https-only, https_port")
    try:
        async with run_edge(tmp_path, text) as edge, edge.session.ws_connect(edge.url + "/ws") as ws:
            await ws.send_str("to tls")
            assert (await ws.receive(timeout=5)).data == "to tls"
    finally:
        await runner.cleanup()
    assert origin.seen[0]["Host"] == "app.test"


async def test_an_origin_answering_200_instead_of_101(tmp_path: Path) -> None:
    async def plain(request: web.Request) -> web.Response:
        return web.Response(text="no websockets here")

    app = web.Application()
    app.router.add_get("/{tail:.*}", plain)
    async with serve_app(app) as port, run_edge(tmp_path, _config(port)) as edge:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await edge.session.ws_connect(edge.url + "/ws")
        assert refused.value.status == 200
        async with edge.request("GET", "/after") as r:  # the edge serves on
            assert r.status == 200 and await r.text() == "no websockets here"
        entry = edge.server.history.get("last")
    assert entry is not None


async def test_a_viewer_vanishing_mid_frame_closes_the_origin_connection(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, origin):
        async with _raw_upgrade(edge) as (_, writer):
            writer.write(_frame(0x2, b"x" * 1000)[:300])  # a header and part of the payload
            await writer.drain()
        entry = await _closed_entry(edge)
    assert "closed by the viewer" in _detail(entry, "closed")
    assert origin.closes and origin.closes[0] != 1000  # the origin saw the connection go, not a clean close


async def test_an_origin_vanishing_mid_frame_closes_the_viewer_connection(tmp_path: Path) -> None:
    async def half(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     b"Sec-WebSocket-Accept: x\r\n\r\n" + _frame(0x2, b"y" * 1000, mask=False)[:200])
        await writer.drain()
        writer.close()

    async with raw_server(half) as port, run_edge(tmp_path, _config(port)) as edge:
        async with _raw_upgrade(edge) as (reader, _):
            received = await asyncio.wait_for(reader.read(), 5)  # to EOF: the edge closed the viewer's side
            assert 0 < len(received) < 1000
        entry = await _closed_entry(edge)
    assert "closed by the origin" in _detail(entry, "closed")


async def test_200_concurrent_connections_and_no_task_left_behind(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, origin):
        before = len(asyncio.all_tasks())

        async def one(i: int) -> str:
            async with edge.session.ws_connect(edge.url + f"/c{i}") as ws:
                await ws.send_str(f"m{i}")
                return (await ws.receive(timeout=30)).data

        results = await asyncio.gather(*(one(i) for i in range(200)))
        assert results == [f"m{i}" for i in range(200)]
        for _ in range(200):  # bounded: the edge's handlers finish once both sides have closed
            if len(asyncio.all_tasks()) <= before and len(origin.closes) == 200:
                break
            await asyncio.sleep(0.01)
        assert len(origin.closes) == 200
        assert len(asyncio.all_tasks()) <= before


async def test_history_and_access_log_show_one_entry_per_connection(tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", "frontyard.access")
    async with _edge(tmp_path) as (edge, _):
        async with edge.session.ws_connect(edge.url + "/chat") as ws:
            for i in range(3):
                await ws.send_str(f"m{i}")
                await ws.receive(timeout=5)
        entry = await _closed_entry(edge)
    assert entry.status == 101
    detail = _detail(entry, "closed")
    assert "viewer->origin" in detail and "origin->viewer" in detail
    assert "in 4 frames" in detail  # three messages and the close frame each way
    lines = [r.getMessage() for r in caplog.records if '"GET /chat HTTP/1.1" 101' in r.getMessage()]
    assert len(lines) == 1


async def test_idle_connections_are_closed_after_the_idle_timeout(tmp_path: Path) -> None:
    async with _origin() as (port, _):
        text = _config(port).replace("emulator: {", "emulator: {websocket_idle_timeout: 0.2, ")
        async with run_edge(tmp_path, text) as edge, edge.session.ws_connect(edge.url + "/idle") as ws:
            msg = await ws.receive(timeout=10)  # nothing sent: the edge closes the connection
            assert msg.type in (WSMsgType.CLOSED, WSMsgType.CLOSE, WSMsgType.ERROR)
            entry = await _closed_entry(edge)
    assert "closed by the edge (no bytes from the origin for 0.2s" in _detail(entry, "closed")


async def test_only_the_origins_bytes_keep_a_websocket_from_idling_out(tmp_path: Path) -> None:
    # AWS counts bytes from the origin to the viewer: a viewer talking to a silent origin is idle all the same.
    async with _origin() as (port, _):
        text = _config(port).replace("emulator: {", "emulator: {websocket_idle_timeout: 0.3, ")
        async with run_edge(tmp_path, text) as edge, edge.session.ws_connect(edge.url + "/idle") as ws:
            closed = asyncio.create_task(ws.receive(timeout=10))
            while not closed.done():  # bounded by the receive's own timeout
                with contextlib.suppress(ConnectionError):  # the edge may close it between two sends
                    await ws.send_str("no answer")
                await asyncio.wait([closed], timeout=0.05)
            assert closed.result().type in (WSMsgType.CLOSED, WSMsgType.CLOSE, WSMsgType.ERROR)
            entry = await _closed_entry(edge)
    detail = _detail(entry, "closed")
    assert "closed by the edge (no bytes from the origin" in detail and "origin->viewer 0 bytes" in detail


async def test_a_slow_viewer_holds_the_origin_back(tmp_path: Path) -> None:
    sent: list[int] = []

    async def flood(request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        chunk = b"z" * 2**20
        for i in range(64):
            await ws.send_bytes(chunk)  # waits while the edge does not read (TCP flow control)
            sent.append(i)
        await ws.close()
        return ws

    app = web.Application()
    app.router.add_get("/{tail:.*}", flood)
    async with serve_app(app) as port, run_edge(tmp_path, _config(port)) as edge:
        async with edge.session.ws_connect(edge.url + "/flood", max_msg_size=0) as ws:
            for _ in range(500):  # bounded: until the edge has paused reading the origin
                tunnels = [t for t in edge.server.tunnels if t._draining is not None] if edge.server else []
                if tunnels:
                    break
                await asyncio.sleep(0.01)
            assert tunnels, "the edge never paused reading the origin"
            assert tunnels[0].viewer_transport.get_write_buffer_size() < 8 * 2**20
            assert len(sent) < 64
            received = 0
            async for msg in ws:
                received += len(msg.data)
            assert received == 64 * 2**20


# -- helpers ---------------------------------------------------------------------------------------------------


async def _closed_entry(edge: Edge) -> Entry:
    """The newest history entry once its tunnel has closed (bounded wait: the edge records it at close)."""
    for _ in range(500):
        entry = edge.server.history.get("last") if edge.server else None
        if entry is not None and any(d.stage == "websocket" and d.outcome == "closed" for d in entry.trace.decisions):
            return entry
        await asyncio.sleep(0.01)
    raise AssertionError("no closed WebSocket in the history")


def _detail(entry: Entry, outcome: str) -> str:
    return next(d.detail for d in entry.trace.decisions if d.stage == "websocket" and d.outcome == outcome)


def _frame(opcode: int, payload: bytes, *, fin: bool = True, mask: bool = True) -> bytes:
    head = bytes([(0x80 if fin else 0) | opcode])
    size = len(payload)
    bit = 0x80 if mask else 0
    if size < 126:
        head += bytes([bit | size])
    elif size < 2**16:
        head += bytes([bit | 126]) + struct.pack("!H", size)
    else:
        head += bytes([bit | 127]) + struct.pack("!Q", size)
    if not mask:
        return head + payload
    key = os.urandom(4)
    return head + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


async def _read_frame(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    first, second = await asyncio.wait_for(reader.readexactly(2), 5)
    size = second & 0x7F
    if size == 126:
        size = struct.unpack("!H", await reader.readexactly(2))[0]
    elif size == 127:
        size = struct.unpack("!Q", await reader.readexactly(8))[0]
    return first & 0x0F, await asyncio.wait_for(reader.readexactly(size), 5)


@asynccontextmanager
async def _raw_upgrade(edge: Edge) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    """A hand-made handshake through the edge, for frames aiohttp's client will not send."""
    host, port = edge.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(f"GET /raw HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    assert head.startswith(b"HTTP/1.1 101 "), head
    try:
        yield reader, writer
    finally:
        writer.close()


async def test_a_reload_keeps_an_open_websocket_on_its_configuration(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, _), edge.session.ws_connect(edge.url + "/chat") as ws:
        assert edge.server is not None
        old = edge.emulator
        new = Emulator(old.config)
        await new.start()
        try:
            await edge.server.swap(new)
            # The tunnel does not hold its configuration's origin pool, listeners and workers: the old one retires.
            await asyncio.wait_for(edge.server.drained(), 5)
            assert old.closed
            await ws.send_str("still here")
            assert (await ws.receive(timeout=5)).data == "still here"
            await ws.close()
            entry = await _closed_entry(edge)
        finally:
            await edge.server.swap(old)  # run_edge's teardown closes the emulator it started
            await new.close()
    assert "close frame first from the viewer: 1000" in _detail(entry, "closed")


async def test_server_sent_events_stream_promptly_through_the_edge(tmp_path: Path) -> None:
    # Each event is sent only once the viewer has the previous one: an edge holding the stream back deadlocks.
    delivered = [asyncio.Event() for _ in range(3)]

    async def events(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await response.prepare(request)
        for i, seen in enumerate(delivered):
            await response.write(f"data: event {i}\n\n".encode())
            await asyncio.wait_for(seen.wait(), 10)
        return response

    app = web.Application()
    app.router.add_get("/{tail:.*}", events)
    async with serve_app(app) as port, run_edge(tmp_path, _config(port)) as edge:
        async with edge.request("GET", "/events", headers={"Accept": "text/event-stream"}) as r:
            assert r.status == 200 and r.headers["Content-Type"] == "text/event-stream"
            for i, seen in enumerate(delivered):
                line = await asyncio.wait_for(r.content.readline(), 5)
                assert line == f"data: event {i}\n".encode()
                assert await asyncio.wait_for(r.content.readline(), 5) == b"\n"
                seen.set()


def test_explain_shows_the_upgrade_and_why_the_handshake_cannot_reach_the_origin(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from emulator.cli import main

    path = tmp_path / "site.yaml"
    path.write_text(_config(8080).replace("distribution:\n", "distribution:\n  aliases: [app.test]\n"))
    upgrade = ["-H", "Upgrade: websocket", "-H", "Connection: Upgrade", "-H", "Sec-WebSocket-Key: a2V5a2V5a2V5a2V5a2V5",
               "-H", "Sec-WebSocket-Version: 13"]
    assert main(["explain", str(path), "http://app.test/ws", *upgrade]) == 0
    out = capsys.readouterr().out
    assert "never cached nor collapsed" in out and "Upgrade: websocket" in out
    path.write_text(_config(8080, policy="").replace("distribution:\n", "distribution:\n  aliases: [app.test]\n"))
    assert main(["explain", str(path), "http://app.test/ws", *upgrade]) == 0
    out = capsys.readouterr().out
    assert "Sec-WebSocket-Key and Sec-WebSocket-Version not forwarded" in out


async def test_shutting_down_closes_open_websockets_at_once(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, _), edge.session.ws_connect(edge.url + "/chat") as ws:
        assert edge.server is not None
        await asyncio.wait_for(edge.server.close(), 5)  # not aiohttp's shutdown timeout for a handler still busy
        msg = await ws.receive(timeout=5)
        assert msg.type in (WSMsgType.CLOSED, WSMsgType.CLOSE, WSMsgType.ERROR)
        entry = edge.server.history.get("last")
    assert entry is not None and "closed by the edge (the edge is shutting down)" in _detail(entry, "closed")


async def test_a_viewer_handshake_without_a_key_gets_the_origins_refusal(tmp_path: Path) -> None:
    async with _edge(tmp_path) as (edge, origin):
        host, port = edge.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(f"GET /ws HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n".encode())
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        writer.close()
    assert head.startswith(b"HTTP/1.1 400 ")
    assert b"X-Cache: Error from cloudfront" in head
    assert "Sec-WebSocket-Key" not in origin.seen[0]


async def test_frontyard_trace_shows_the_connection_as_one_request(tmp_path: Path) -> None:
    from emulator.cli.trace import format_detail
    from emulator.inspector import render

    async with _edge(tmp_path) as (edge, _):
        async with edge.session.ws_connect(edge.url + "/chat") as ws:
            await ws.send_bytes(b"12345")
            await ws.receive(timeout=5)
            await ws.close(code=1000)
        entry = await _closed_entry(edge)
    text = format_detail(render.detail(entry))
    assert text.splitlines()[0].startswith("GET http://") and " -> 101 " in text.splitlines()[0]
    assert "switched: origin 'app' answered 101 Switching Protocols" in text
    assert "closed: after " in text and "close frame first from the viewer: 1000" in text
    assert "  GET /chat HTTP/1.1" in text and "Upgrade: websocket" in text and "  -> 101" in text


async def test_10000_frames_of_64_kb_each_way(tmp_path: Path) -> None:
    frame = os.urandom(64 * 1024)
    count = 10_000  # 640 MB each way
    async with _edge(tmp_path) as (edge, _), edge.session.ws_connect(edge.url + "/bulk", max_msg_size=0) as ws:

        async def send() -> None:
            for _ in range(count):
                await ws.send_bytes(frame)

        sender = asyncio.create_task(send())
        for _ in range(count):
            msg = await ws.receive(timeout=30)
            assert msg.type is WSMsgType.BINARY and len(msg.data) == len(frame)
        await sender
        assert msg.data == frame
        await ws.close()
        entry = await _closed_entry(edge)
    detail = _detail(entry, "closed")
    assert f"in {count + 1} frames, origin->viewer" in detail  # the frames and the close frame, counted


def _switching(*headers: str) -> bytes:
    return ("HTTP/1.1 101 Switching Protocols\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode()


@asynccontextmanager
async def _raw_origin(answer: bytes, seen: list[bytes] | None = None) -> AsyncIterator[int]:
    """An origin that answers every handshake with `answer` (a 101 and a greeting frame), then echoes what it reads
    (kept in `seen`) until the edge closes the connection."""
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(answer)
        while data := await reader.read(65536):
            if seen is not None:
                seen.append(data)
            writer.write(data)
        writer.close()

    async with raw_server(serve) as port:
        yield port


async def _handshake(edge: Edge) -> tuple[bytes, asyncio.StreamReader, asyncio.StreamWriter]:
    """The edge's answer to a hand-made handshake (status line and headers), and the connection."""
    host, port = edge.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(f"GET /raw HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    return await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5), reader, writer


async def test_a_101_without_connection_upgrade_is_an_invalid_origin_response(tmp_path: Path) -> None:
    # Not a WebSocket handshake (RFC 6455 section 4.1): passed on, its greeting would be read as HTTP and lost.
    answer = _switching("Upgrade: websocket", "Sec-WebSocket-Accept: x") + _frame(0x1, b"greeting", mask=False)
    async with _raw_origin(answer) as port, run_edge(tmp_path, _config(port)) as edge:
        head, reader, writer = await _handshake(edge)
        assert head.startswith(b"HTTP/1.1 502 "), head
        length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        body = await asyncio.wait_for(reader.readexactly(length), 5)
        writer.close()
        entry = edge.server.history.get("last") if edge.server else None
    assert b"X-Cache: Error from cloudfront" in head and b"502 ERROR" in body
    assert entry is not None and entry.status == 502
    error = entry.trace.find("response")
    assert error is not None and "(OriginInvalidResponseError)" in error.detail
    assert "without 'Connection: Upgrade'" in (entry.trace.exchanges[0].failure or "")


async def test_hop_by_hop_headers_of_the_origins_101_stay_on_the_origins_connection(tmp_path: Path) -> None:
    answer = _switching("Upgrade: websocket", "Connection: Upgrade, X-Hop", "X-Hop: secret", "Keep-Alive: timeout=5",
                        "Proxy-Connection: keep-alive", "Sec-WebSocket-Accept: x", "X-Kept: yes")
    async with _raw_origin(answer + _frame(0x1, b"greeting", mask=False)) as port, \
            run_edge(tmp_path, _config(port)) as edge:
        head, reader, writer = await _handshake(edge)
        greeting = await _read_frame(reader)
        writer.close()
    lines = head.decode().split("\r\n")
    assert lines[0].startswith("HTTP/1.1 101 ")
    headers = {line.split(": ", 1)[0].lower(): line.split(": ", 1)[1] for line in lines[1:] if line}
    assert headers["connection"] == "Upgrade" and headers["upgrade"] == "websocket"
    assert not {"x-hop", "keep-alive", "proxy-connection"} & headers.keys()
    assert headers["x-kept"] == "yes" and headers["sec-websocket-accept"] == "x"
    assert headers["x-cache"] == "Miss from cloudfront"
    assert greeting == (0x1, b"greeting")


async def test_shutting_down_one_edge_leaves_another_edges_websockets_open(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    async with _origin() as (port, _), run_edge(tmp_path / "b", _config(port)) as through:
        stopping_cm = run_edge(tmp_path / "a", _config(port))
        stopping = await stopping_cm.__aenter__()
        try:
            async with through.session.ws_connect(through.url + "/chat") as ws:
                await ws.send_str("before")
                assert (await ws.receive(timeout=5)).data == "before"
                assert stopping.server is not None
                await asyncio.wait_for(stopping.server.close(), 5)
                await ws.send_str("after")
                assert (await ws.receive(timeout=5)).data == "after"
        finally:
            await stopping_cm.__aexit__(None, None, None)


async def test_a_tunnel_whose_origin_left_before_it_was_built_passes_on_what_the_origin_sent() -> None:
    # The origin's connection can be lost between its 101 being read and the tunnel taking it over: what it sent
    # after its 101 still reaches the viewer, then the viewer's connection closes, as for an origin that left later.
    from emulator.origins import wire
    from emulator.serve.tunnel import Tunnel

    loop = asyncio.get_running_loop()
    greeting = _frame(0x1, b"last words", mask=False)
    answer = _switching("Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: x") + greeting

    async def leaving(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(answer)
        writer.close()

    tunnels: set[Tunnel] = set()
    async with raw_server(leaving) as port:
        conn = wire.Connection(loop)
        await loop.create_connection(lambda: conn, "127.0.0.1", port)
        closed = conn.closed
        wire.prepare(conn, "GET", 5)
        await wire.send(conn, b"GET / HTTP/1.1\r\nHost: app.test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
                        None, False)
        await wire.response(conn)
        assert closed is not None
        await asyncio.wait_for(closed, 5)
    assert conn.transport is None

    async def viewer_side(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(status=101, headers={"Upgrade": "websocket", "Connection": "Upgrade"})
        await response.prepare(request)
        tunnel = Tunnel(request, conn, 0, tunnels)
        tunnel.start()
        await tunnel.closed
        assert tunnel.closed_by == "origin" and tunnel.down.bytes == len(greeting)
        return response

    app = web.Application()
    app.router.add_get("/", viewer_side)
    async with serve_app(app) as edge_port:
        reader, writer = await asyncio.open_connection("127.0.0.1", edge_port)
        writer.write(b"GET / HTTP/1.1\r\nHost: edge\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
        received = await asyncio.wait_for(reader.read(), 5)  # to EOF: the viewer's side closed after the greeting
        writer.close()
    assert received.startswith(b"HTTP/1.1 101 ") and received.endswith(b"\r\n\r\n" + greeting)
    assert not tunnels


async def test_the_upgrade_tries_the_origins_connection_attempts(tmp_path: Path) -> None:
    async with raw_server(lambda r, w: asyncio.sleep(0)) as port:
        pass  # a port nothing listens on any more: every attempt is refused
    text = _config(port).replace("custom_origin: {", "connection_attempts: 2\n      custom_origin: {")
    async with run_edge(tmp_path, text) as edge:
        head, _, writer = await _handshake(edge)
        writer.close()
        entry = edge.server.history.get("last") if edge.server else None
    assert head.startswith(b"HTTP/1.1 502 ")
    assert entry is not None and "(attempt 2 of 2)" in (entry.trace.exchanges[0].failure or "")
