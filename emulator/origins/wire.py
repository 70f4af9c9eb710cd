"""HTTP/1.1 to origins on the wire: a keep-alive pool of connections, one request at a time on each.

Why not aiohttp's ClientSession: per request it builds a URL, a ClientRequest and a ClientResponse, merges
headers (losing repeats spelled in two cases), consults a cookie jar and runs its retry and tracing
machinery; measured, that was half the CPU of an origin round trip (benchmarks/compare.py).
The edge already has the request as it must go out. What stays aiohttp's is what is hard to get right: the
response parser (llhttp, CloudFront's header limits), the payload stream with its flow control, the
sock_read timer, and the exceptions the client maps to CloudFront's 502/504 (http.py).

A connection goes back to the pool only when its response was read to the end and neither side asked to
close it; an idle one is closed after the keep-alive timeout.
"""

from __future__ import annotations

import asyncio
import ssl
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiohttp.client_proto import ResponseHandler
from aiohttp.http_parser import RawResponseMessage
from aiohttp.streams import StreamReader

from emulator.http import Headers

MAX_RESPONSE_HEAD = 20480  # an origin response's status line and headers (AWS: "Quotas")
READ_CHUNK = 64 * 1024
_SWEEP_S = 1.0
IDEMPOTENT = frozenset(("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"))


class ViewerBodyError(Exception):
    """Reading the viewer's request body failed while it was being sent (its cause is the original error)."""


class Connection(ResponseHandler):
    """aiohttp's connection protocol, keeping the origin read timeout running across a 1xx interim response.

    aiohttp starts sock_read once the request (with its body) is out and restarts it on every byte received,
    but drops the timer when a response without a body is parsed, which a 1xx is: a `103 Early Hints`
    followed by silence would wait forever instead of read_timeout. Re-armed here, for the final response."""

    _interim = False
    _sent = False  # the whole request (with its body) is out: only then does the read timeout run

    def set_response_params(self, **params: object) -> None:
        self._sent = False
        super().set_response_params(**params)  # type: ignore[arg-type]

    def start_timeout(self) -> None:
        self._sent = True
        super().start_timeout()

    def feed_data(self, data: tuple[RawResponseMessage, StreamReader], size: int = 0) -> None:
        super().feed_data(data, size)
        code = data[0].code
        self._interim = 100 <= code < 200 and code != 101

    def data_received(self, data: bytes) -> None:
        self._interim = False
        super().data_received(data)  # aiohttp drops the timer once a 1xx is parsed
        if self._interim and self._sent:  # during an upload it starts when the body is out (send())
            self._reschedule_timeout()


@dataclass(frozen=True, slots=True)
class Key:
    """Connections are shared by requests with the same destination and TLS settings."""

    host: str
    port: int
    tls: ssl.SSLContext | None
    server_name: str | None


class Pool:
    """Idle keep-alive connections per Key."""

    def __init__(self) -> None:
        self._idle: dict[Key, list[tuple[Connection, float]]] = {}
        self._sweeper: asyncio.TimerHandle | None = None
        self._loop: asyncio.AbstractEventLoop | None = None  # asyncio.get_running_loop() costs a getpid() each call
        self._busy: weakref.WeakSet[Connection] = weakref.WeakSet()  # handed out: closed with the pool
        self._closed = False

    async def acquire(self, key: Key, connect_timeout: float) -> tuple[Connection, bool]:
        """An idle connection (reused=True) or a new one. Raises what connecting raises: TimeoutError,
        socket.gaierror, ssl.SSLCertVerificationError, ssl.SSLError, OSError."""
        loop = self._loop or self._bind()
        idle = self._idle.get(key)
        now = loop.time()
        while idle:
            conn, expires = idle.pop()
            if expires > now and conn.is_connected() and not conn.should_close:
                self._busy.add(conn)
                return conn, True
            conn.close()
        async with asyncio.timeout(connect_timeout):
            _, conn = await loop.create_connection(
                lambda: Connection(loop), key.host, key.port, ssl=key.tls, server_hostname=key.server_name,
            )
        if self._closed:  # the edge shut down while this one was connecting
            conn.close()
            raise ConnectionAbortedError("the edge is shutting down")
        self._busy.add(conn)
        return conn, False

    def release(self, key: Key, conn: Connection, keepalive_s: float) -> None:
        """Keep `conn` for the next request to the same origin for `keepalive_s` (the origin's keep-alive
        timeout), unless it cannot be reused. Once per acquire: http.py's release closure sees to that."""
        self._busy.discard(conn)
        if self._closed or conn.should_close or not conn.is_connected():
            conn.close()
            return
        loop = self._loop or self._bind()
        self._idle.setdefault(key, []).append((conn, loop.time() + keepalive_s))
        if self._sweeper is None:
            self._sweeper = loop.call_later(_SWEEP_S, self._sweep)

    def _bind(self) -> asyncio.AbstractEventLoop:
        self._loop = asyncio.get_running_loop()
        return self._loop

    def _sweep(self) -> None:
        self._sweeper = None
        loop = self._loop or self._bind()
        now = loop.time()
        for key in list(self._idle):
            keep = []
            for conn, expires in self._idle[key]:
                if expires > now and conn.is_connected():
                    keep.append((conn, expires))
                else:
                    conn.close()
            if keep:
                self._idle[key] = keep
            else:
                del self._idle[key]
        if self._idle:
            self._sweeper = loop.call_later(_SWEEP_S, self._sweep)

    def close(self) -> None:
        """Close every connection, idle or still in use (a response being streamed breaks off)."""
        self._closed = True
        for conn in list(self._busy):
            conn.close()
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
        for conns in self._idle.values():
            for conn, _ in conns:
                conn.close()
        self._idle.clear()


def request_head(method: str, target: str, headers: Headers, framing: str | None) -> bytes:
    """The request line and headers as they go out; framing adds Content-Length or Transfer-Encoding."""
    lines = [f"{method} {target} HTTP/1.1"]
    lines.extend(f"{name}: {value}" for name, value in headers.items())
    if framing is not None:
        lines.append(framing)
    head = "\r\n".join(lines)
    if head.count("\n") != len(lines) - 1 or head.count("\r") != len(lines) - 1:
        raise ValueError("a header carries a line break")  # never put a second request on the wire
    return (head + "\r\n\r\n").encode("utf-8", "surrogateescape")


async def send(conn: Connection, head: bytes, body: bytes | AsyncIterator[bytes] | None, chunked: bool) -> None:
    """Write the request; the read timeout starts when the last byte is out."""
    transport = conn.transport
    assert transport is not None
    if body is None or isinstance(body, bytes):
        transport.write(head + body if body else head)  # one write: most requests are one packet
    else:
        transport.write(head)
        chunks = body.__aiter__()
        while True:
            try:
                chunk = await chunks.__anext__()
            except StopAsyncIteration:
                break
            except Exception as exc:  # the viewer's side: a retry could not replay it, the origin is not at fault
                raise ViewerBodyError(str(exc)) from exc
            if not chunk:
                continue
            transport.write(b"%x\r\n%b\r\n" % (len(chunk), chunk) if chunked else chunk)
            if conn.writing_paused:
                await conn._drain_helper()  # the origin reads slower than the viewer sends: hold the viewer
        if chunked:
            transport.write(b"0\r\n\r\n")
    if conn.writing_paused:
        await conn._drain_helper()  # the read timeout counts from when the origin has taken the request
    conn.start_timeout()


async def response(conn: Connection) -> tuple[RawResponseMessage, StreamReader]:
    """The final response (1xx interim responses are read past). Raises what the protocol raises: aiohttp's
    ServerDisconnectedError / ClientOSError, SocketTimeoutError, HttpProcessingError."""
    while True:
        message, payload = await conn.read()
        if not 100 <= message.code < 200 or message.code == 101:
            return message, payload


def prepare(conn: Connection, method: str, read_timeout: float) -> None:
    """Parser settings for the next response on this connection."""
    conn.set_response_params(
        # read_until_eof: a response with neither Content-Length nor chunked ends when the origin closes.
        skip_payload=method == "HEAD", read_until_eof=True, auto_decompress=False,
        read_timeout=read_timeout or None, read_bufsize=READ_CHUNK,
        max_line_size=MAX_RESPONSE_HEAD, max_field_size=MAX_RESPONSE_HEAD, max_headers=MAX_RESPONSE_HEAD // 4,
    )
