"""The lean viewer listener (emulator.server: lean) puts the same bytes on the wire as aiohttp's web server did:
the same status lines, framing headers and bodies for keep-alive, HTTP/1.0, HEAD, chunked and pipelined
requests; a bad `emulator.server` is a config error."""

from __future__ import annotations

import asyncio
import re
import textwrap
from pathlib import Path

import pytest
from aiohttp import web

from emulator.assembly import load_config_text
from emulator.errors import ConfigError
from emulator.serve import lean
from tests.helpers import run_edge, serve_app

VARYING = ("date", "x-amz-cf-id", "x-amz-cf-pop", "via", "x-cache", "age")


def config(port: int, server: str) -> str:
    return f"""\
distribution:
  origins:
    - {{id: app, domain_name: app.test, custom_origin: {{protocol_policy: http-only, http_port: {port}}}}}
  default_cache_behavior:
    target_origin_id: app
    cache_policy: Managed-CachingDisabled
    allowed_methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
emulator: {{resolve: {{app.test: 127.0.0.1}}, server: {server}, access_log: false}}
"""


def origin() -> web.Application:
    async def fixed(request: web.Request) -> web.StreamResponse:
        body = await request.read()
        return web.Response(body=b"x" * 1000 + body, content_type="text/plain")

    async def streamed(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()  # no length: chunked to HTTP/1.1 viewers, until close to HTTP/1.0 ones
        await response.prepare(request)
        for part in (b"one ", b"two"):
            await response.write(part)
        await response.write_eof()
        return response

    async def nothing(request: web.Request) -> web.StreamResponse:
        return web.Response(status=204)

    app = web.Application()
    app.router.add_route("*", "/stream", streamed)
    app.router.add_route("*", "/none", nothing)
    app.router.add_route("*", "/{p:.*}", fixed)
    return app


EXCHANGES = {
    "get": b"GET /a HTTP/1.1\r\nHost: localhost\r\n\r\n",
    "head": b"HEAD /a HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    "http/1.0": b"GET /a HTTP/1.0\r\nHost: localhost\r\n\r\n",
    "http/1.0 keep-alive": b"GET /a HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n",
    "chunked": b"GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n",
    "until close": b"GET /stream HTTP/1.0\r\nHost: localhost\r\n\r\n",
    "204": b"GET /none HTTP/1.1\r\nHost: localhost\r\n\r\n",
    "pipelined": b"GET /a HTTP/1.1\r\nHost: localhost\r\n\r\nGET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n"
                 b"GET /b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    "chunked upload": b"POST /up HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                      b"3\r\nabc\r\n0\r\n\r\n",
    "100-continue": b"PUT /up HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\nhi",
    "refused": b"GET /a HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
}


async def exchange(port: int, raw: bytes) -> bytes:
    """What the edge sends back: everything until it closes, or until it has been quiet after answering."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(raw)
    received = b""
    try:
        while chunk := await asyncio.wait_for(reader.read(65536), 0.5 if received else 10):
            received += chunk
    except TimeoutError:  # keep-alive: the answers are complete once the edge stops sending
        pass
    writer.close()
    return received


def comparable(wire: bytes) -> list[object]:
    """Each response on the wire: its status line, its header lines (in any order, the per-request values of ids
    and dates blanked) and its body bytes."""
    responses: list[object] = []
    while wire:
        block, _, wire = wire.partition(b"\r\n\r\n")
        status, *fields = block.decode("latin-1").split("\r\n")
        lines = sorted(f"{n}: ..." if n.lower() in VARYING else f"{n}:{v}" for n, _, v in (f.partition(":")
                                                                                            for f in fields))
        body, wire = _body(lines, wire)
        responses += [status, lines, re.sub(rb"Request ID: [^<\n]+", b"Request ID: ...", body)]
    return responses


def _body(lines: list[str], wire: bytes) -> tuple[bytes, bytes]:
    """One response's body (by its Content-Length, its chunks, or up to the next response) and what follows."""
    length = next((int(h.split(":")[1]) for h in lines if h.lower().startswith("content-length:")), None)
    if length is not None:
        return wire[:length], wire[length:]
    if "Transfer-Encoding: chunked" in lines:
        end = wire.index(b"0\r\n\r\n") + 5
        return wire[:end], wire[end:]
    if wire.startswith(b"HTTP/1."):  # a 1xx or bodiless answer, then the next one
        return b"", wire
    cut = wire.find(b"HTTP/1.")
    return (wire, b"") if cut < 0 else (wire[:cut], wire[cut:])


@pytest.mark.parametrize("name", list(EXCHANGES))
async def test_the_lean_listener_answers_as_aiohttps_did(tmp_path: Path, name: str) -> None:
    answers = {}
    async with serve_app(origin()) as port:
        for server in ("aiohttp", "lean"):
            async with run_edge(tmp_path, config(port, server)) as edge:
                answers[server] = comparable(await exchange(int(edge.url.rsplit(":", 1)[1]), EXCHANGES[name]))
    if name == "refused":  # what the parser refused: aiohttp's page spoke HTTP/1.0, the lean one HTTP/1.1
        assert answers["aiohttp"][0] == "HTTP/1.0 400 Bad Request"
        answers["aiohttp"][0] = "HTTP/1.1 400 Bad Request"
    assert answers["lean"] == answers["aiohttp"]
    assert str(answers["lean"][0]).startswith("HTTP/1.")


def test_an_unknown_server_is_a_config_error() -> None:
    text = textwrap.dedent("""\
        distribution:
          origins: [{id: app, domain_name: app.test}]
          default_cache_behavior: {target_origin_id: app}
        emulator: {server: nginx}
        """)
    with pytest.raises(ConfigError) as info:
        load_config_text(text, "site.yaml", Path("."))
    [problem] = [i.format() for i in info.value.errors]
    assert "site.yaml:4" in problem and "'nginx' is not a viewer listener" in problem and "lean or aiohttp" in problem


async def test_an_idle_connection_is_closed_after_the_keepalive_timeout(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lean, "KEEPALIVE_S", 0.2)  # aiohttp's server default, an hour, shortened for the test
    async with serve_app(origin()) as port, run_edge(tmp_path, config(port, "lean")) as edge:
        port = int(edge.url.rsplit(":", 1)[1])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(EXCHANGES["get"])
        assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 200 OK\r\n")
        await reader.readexactly(1000)
        assert await asyncio.wait_for(reader.read(), 10) == b""  # the edge closed it, nothing more was sent
        writer.close()
        silent, quiet_writer = await asyncio.open_connection("127.0.0.1", port)  # one that never sends a request
        assert await asyncio.wait_for(silent.read(), 10) == b""
        quiet_writer.close()
