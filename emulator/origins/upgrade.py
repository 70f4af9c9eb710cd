"""A WebSocket upgrade to an origin: its own connection (never the keep-alive pool's), the handshake read with the
same parser and limits as any origin response, and, after a `101 Switching Protocols`, the raw connection handed
over to the tunnel (serve/tunnel.py).

AWS "Use WebSockets with CloudFront distributions": "The WebSocket connection remains open and either the client or
the server can send data frames to each other without having to establish new connections each time." The edge
neither caches nor reuses such a connection: after the 101 it belongs to one viewer until either side closes it.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.http_parser import RawResponseMessage

from emulator.errors import OriginConnectError, OriginTLSError
from emulator.http import EdgeResponse, OriginRequest, freeze
from emulator.origins import wire
from emulator.origins.client import OriginClient, _connect_failure, _invalid_response, _where, read_failure


@dataclass(frozen=True)
class Switched(EdgeResponse):
    """The origin's 101: its headers, and the connection the tunnel takes over (with whatever the origin sent
    after its 101 until then, which aiohttp's protocol keeps in its tail)."""

    connection: wire.Connection | None = None


async def open_upgrade(client: OriginClient, req: OriginRequest) -> EdgeResponse:
    """Send the upgrade request on a new connection; a Switched on 101, else the origin's answer (streamed,
    its connection closed when released). Raises OriginError (502/504) with the precise cause."""
    conn = await _connect(req, await client._tls_for(req))
    try:
        head = wire.request_head("GET", req.target or "/", req.headers, None)
        wire.prepare(conn, "GET", req.read_timeout)
        await wire.send(conn, head, None, False)
        message, payload = await wire.response(conn)
    except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, ConnectionError, aiohttp.SocketTimeoutError,
            TimeoutError, HttpProcessingError) as exc:
        conn.close()
        raise read_failure(req, exc) from None
    except BaseException:
        conn.close()
        raise
    if (invalid := _invalid_response(message)) is not None:
        conn.close()
        raise OriginConnectError(502, "OriginInvalidResponseError", f"{_where(req)} {invalid}")
    if message.code == 101 and (invalid := _not_switched(message)) is not None:
        conn.close()  # aiohttp's parser did not switch: what the origin sends next would be read as HTTP
        raise OriginConnectError(502, "OriginInvalidResponseError", f"{_where(req)} {invalid}")
    headers = freeze(message.headers)
    if message.code == 101:
        conn._drop_timeout()  # the read timeout was for the handshake; the tunnel has its own idle timeout
        return Switched(101, message.reason or "Switching Protocols", headers, b"", connection=conn)

    async def release() -> None:
        conn.close()  # an upgrade's connection is never reused

    async def body() -> AsyncIterator[bytes]:
        async for chunk in payload.iter_chunked(wire.READ_CHUNK):
            yield chunk

    return EdgeResponse(message.code, message.reason or "", headers, body(), release=release)


async def _connect(req: OriginRequest, tls: ssl.SSLContext | None) -> wire.Connection:
    """A new connection, tried up to the origin's connection_attempts as for any request (AWS CloudFront API
    Reference, "Origin", ConnectionAttempts: "The number of times that CloudFront attempts to connect to the
    origin")."""
    loop = asyncio.get_running_loop()
    for attempt in range(1, req.connection_attempts + 1):
        try:
            async with asyncio.timeout(req.connection_timeout):
                _, conn = await loop.create_connection(
                    lambda: wire.Connection(loop), req.connect_host, req.connect_port, ssl=tls,
                    server_hostname=req.server_name if tls is not None else None)
            return conn
        except (TimeoutError, OSError, ssl.SSLError) as exc:
            failure = await _connect_failure(req, exc)
            if isinstance(failure, OriginTLSError) or attempt == req.connection_attempts:
                failure.cause += f" (attempt {attempt} of {req.connection_attempts})"
                raise failure from None
    raise AssertionError("connection_attempts is at least 1")


def _not_switched(message: RawResponseMessage) -> str | None:
    """Why a 101 does not switch the connection to WebSocket, or None. RFC 6455 section 4.1: without `Upgrade:
    websocket` and a `Connection` listing `Upgrade`, "the client MUST _Fail the WebSocket Connection_"."""
    if message.upgrade and message.headers.get("Upgrade", "").strip().lower() == "websocket":
        return None
    return (f"answered 101 Switching Protocols without 'Connection: Upgrade' and 'Upgrade: websocket' (Connection: "
            f"{message.headers.get('Connection', '(none)')!r}, Upgrade: {message.headers.get('Upgrade', '(none)')!r}):"
            " not a WebSocket handshake")

