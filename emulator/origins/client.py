"""Sending origin requests: one connection pool per Emulator (wire.py), CloudFront's timeouts and attempts,
and failures mapped to what CloudFront answers (AWS: "Troubleshooting error responses from your origin") with the
precise cause kept for the trace.

Retry rules (AWS: "Origin settings"): a failed connection is retried up to connection_attempts for every method (nothing
was
sent yet); a read timeout is retried only for GET and HEAD. A request whose streamed body has started to
go out is never retried, because the body cannot be replayed.
"""

from __future__ import annotations

import asyncio
import functools
import socket
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import aiohttp
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.http_parser import RawResponseMessage
from aiohttp.streams import StreamReader
from multidict import CIMultiDict

from emulator.errors import OriginConnectError, OriginError, OriginTimeoutError, OriginTLSError
from emulator.framing import expects_body
from emulator.http import Body, EdgeResponse, Headers, OriginRequest, Scheme, freeze
from emulator.origins import wire
from emulator.origins.tls_errors import describe_certificate_error, describe_handshake_error, verify_either_name
from emulator.tls.ca import LocalCA

CHUNK = wire.READ_CHUNK
MAX_RESPONSE_HEAD = wire.MAX_RESPONSE_HEAD
VERIFIED_FOR = 30.0  # seconds an either-name certificate check is trusted for the same address and name


class _OneShotBody:
    """Wraps a streamed body so we know whether any of it was consumed (and so can't be retried)."""

    def __init__(self, body: Body) -> None:
        self._body = body
        self.started = False

    def payload(self) -> bytes | AsyncIterator[bytes] | None:
        if isinstance(self._body, bytes):
            # None, not b"": an empty body is not announced with Content-Length: 0, which CloudFront does
            # not add to a request that had no body.
            return self._body or None
        return self._stream()

    async def _stream(self) -> AsyncIterator[bytes]:
        assert not isinstance(self._body, bytes)
        # Started as soon as it is asked for its first chunk: the viewer's body is one stream, and an attempt
        # that was cancelled or failed while waiting for that chunk has used it up.
        self.started = True
        async for chunk in self._body:
            yield chunk


class OriginClient:
    """Owns the connection pool to origins. Use as an async context manager."""

    def __init__(self, ca: LocalCA | None = None) -> None:
        self._ca = ca
        # One context per (origin_ssl_protocols, hostname check), built on first use.
        self._contexts: dict[tuple[tuple[str, ...], bool], ssl.SSLContext] = {}
        # (address, server name, protocols) whose certificate passed the either-name check, and until when.
        self._verified: dict[tuple[str, int, str, tuple[str, ...]], float] = {}
        self._pool: wire.Pool | None = None

    def _context(self, protocols: tuple[str, ...], check_hostname: bool = True) -> ssl.SSLContext:
        key = (protocols, check_hostname)
        if key not in self._contexts:
            ctx = self._ca.client_context(protocols) if self._ca else ssl.create_default_context()
            ctx.check_hostname = check_hostname
            self._contexts[key] = ctx
        return self._contexts[key]

    async def _tls_for(self, req: OriginRequest) -> ssl.SSLContext | None:
        """The context for this request; raises OriginTLSError when the certificate would be refused."""
        if req.scheme is not Scheme.HTTPS:
            return None
        if req.server_name == req.domain_name:
            return self._context(req.ssl_protocols)  # the ordinary hostname check says it all
        key = (req.connect_host, req.connect_port, req.server_name, req.ssl_protocols)
        now = time.monotonic()
        if self._verified.get(key, 0.0) < now:
            cause = await verify_either_name(req, self._context(req.ssl_protocols, check_hostname=False))
            if cause is not None:
                raise OriginTLSError(502, "OriginConnectError", f"{_where(req)}: {cause}")
            self._verified[key] = now + VERIFIED_FOR
        return self._context(req.ssl_protocols, check_hostname=False)

    async def __aenter__(self) -> OriginClient:
        self._pool = wire.Pool()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    # long: one retry loop; each failure's CloudFront result type sits beside the retry rule it obeys
    async def fetch(self, req: OriginRequest) -> tuple[EdgeResponse, int]:
        """Send the request; returns the streaming response and the attempt that succeeded.

        Raises OriginError (502/504) with CloudFront's result type and the precise cause."""
        assert self._pool is not None, "OriginClient used outside 'async with'"
        tls = await self._tls_for(req)
        key = wire.Key(req.connect_host, req.connect_port, tls, req.server_name if tls is not None else None)
        body = _OneShotBody(req.body)
        failure: OriginError | None = None
        attempt = 0
        while attempt < req.connection_attempts:
            attempt += 1
            try:
                conn, reused = await self._pool.acquire(key, req.connection_timeout)
            except (TimeoutError, OSError, ssl.SSLError) as exc:
                failure = await _connect_failure(req, exc)
                if isinstance(failure, OriginTLSError):
                    break  # a certificate or a handshake does not get better on a second try
                continue  # nothing was sent: every method may try again
            try:
                message, payload, upload = await self._exchange(conn, req, body)
            except wire.ViewerBodyError as exc:  # the viewer's side, not the origin's: never tried again
                conn.close()
                failure = OriginConnectError(502, "OriginReadError", f"{_where(req)}: the viewer's request body "
                                             f"broke off before it was sent ({exc.__cause__!r})")
                break
            except ValueError as exc:  # a header the wire cannot carry (a line break): nothing was sent
                conn.close()
                failure = OriginConnectError(502, "OriginConnectError", f"{_where(req)}: not sent: {exc}")
                break
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, aiohttp.ClientPayloadError,
                    ConnectionError) as exc:
                conn.close()
                if reused and not body.started and req.method in wire.IDEMPOTENT:
                    attempt -= 1  # the origin had closed the idle connection: a fresh one, not an attempt
                    continue
                failure = read_failure(req, exc)
                if not _read_retry(req, body):
                    break
                continue
            except (aiohttp.SocketTimeoutError, TimeoutError) as exc:  # sock_read, also after a 1xx (wire.Connection)
                conn.close()
                failure = read_failure(req, exc)
                if not _read_retry(req, body):
                    break
                continue
            except HttpProcessingError as exc:  # not HTTP: a bad status line or malformed headers
                conn.close()
                failure = read_failure(req, exc)
                break
            except BaseException:
                conn.close()  # cancelled (the viewer left), or a bug: never reused half-way through an exchange
                raise
            if (invalid := _invalid_response(message)) is not None:
                conn.close()  # never reused: what follows on this connection cannot be trusted
                failure = OriginConnectError(502, "OriginInvalidResponseError", f"{_where(req)} {invalid}")
                break
            release = self._releaser(key, conn, payload, upload, req.keepalive_timeout)
            if (whole := _whole_body(req, message, payload, upload)) is not None:
                await release()  # read to its end: the connection is free for the next request now
                return EdgeResponse(message.code, message.reason or "", freeze(message.headers), whole), attempt
            return EdgeResponse(message.code, message.reason or "", freeze(message.headers), _stream(payload),
                                release=release), attempt
        assert failure is not None
        failure.cause += f" (attempt {attempt} of {req.connection_attempts})"
        raise failure

    async def _exchange(self, conn: wire.Connection, req: OriginRequest, body: _OneShotBody
                        ) -> tuple[RawResponseMessage, StreamReader, asyncio.Task[None] | None]:
        payload = body.payload()
        headers, framing = _framing(req, payload)
        head = wire.request_head(req.method, req.target or "/", headers, framing)
        wire.prepare(conn, req.method, req.read_timeout)
        chunked = framing == "Transfer-Encoding: chunked"
        if payload is None or isinstance(payload, bytes):
            await wire.send(conn, head, payload, chunked)
            return *(await wire.response(conn)), None
        # A streamed body goes out while the answer is awaited: an origin may answer (a 413, a redirect) before
        # it has read the body, and must not wait behind it (aiohttp's client did the same).
        upload = asyncio.ensure_future(wire.send(conn, head, payload, chunked))
        upload.add_done_callback(functools.partial(_settled, conn))
        try:
            message, received = await wire.response(conn)
        except BaseException:
            upload.cancel()
            raise
        return message, received, upload

    def _releaser(self, key: wire.Key, conn: wire.Connection, payload: StreamReader,
                  upload: asyncio.Task[None] | None, keepalive_s: float) -> Callable[[], Awaitable[None]]:
        pool = self._pool
        assert pool is not None  # fetch() runs inside 'async with'; a release after it closes the connection
        released = False

        async def release() -> None:
            # A response read to its end, after a request sent to its end, leaves its connection reusable;
            # anything else is closed (an upload the origin answered before reading it all is cut off). Once:
            # a connection in the pool twice would carry two requests at a time.
            nonlocal released
            if released:
                return
            released = True
            unsent = upload is not None and (not upload.done() or upload.cancelled() or upload.exception())
            if unsent and upload is not None:
                upload.cancel()
            if unsent or not payload.is_eof():
                conn.close()
            else:
                pool.release(key, conn, keepalive_s)

        return release


def _whole_body(req: OriginRequest, message: RawResponseMessage, payload: StreamReader,
                upload: asyncio.Task[None] | None) -> bytes | None:
    """The body, when all of it came with the headers (most small responses: one packet), else None.

    A body in hand goes on as bytes: one write to the viewer, stored in one piece, the connection released at once
    instead of after a round through the streaming path. Only for a Content-Length body (the viewer's framing
    stays the origin's), never for HEAD (no body, the length describes the GET) or while an upload is going out;
    anything not complete yet streams as before, so nothing waits for a body that is still on its way."""
    length = message.headers.get("Content-Length")
    if upload is not None or not expects_body(req.method, message.code) or not payload.is_eof() or \
            length is None or not length.isdigit() or int(length) != payload.total_bytes:
        return None
    return payload.read_nowait()


def _framing(req: OriginRequest, payload: bytes | AsyncIterator[bytes] | None) -> tuple[Headers, str | None]:
    """The headers to send and the framing line to add. A body in hand is framed by its own length whatever
    Content-Length the headers carry: a function that replaced the body may have left the viewer's, and a
    keep-alive origin would read part of the body as the next request, or wait for bytes that never come. A
    streamed body is the viewer's own: its Content-Length (which the viewer is held to) or chunked."""
    headers = req.headers
    if not isinstance(req.body, bytes):
        return headers, None if "Content-Length" in headers else "Transfer-Encoding: chunked"
    size = len(req.body)
    if headers.getall("Content-Length", []) in ([], [str(size)]) and (payload is None or "Content-Length" in headers):
        return headers, None
    kept = CIMultiDict(headers)
    kept.popall("Content-Length", None)
    # A body replaced by an empty one is still a body: announced as `Content-Length: 0`, never by no framing at all
    # (only a request that had no body goes without).
    return freeze(kept), f"Content-Length: {size}"


def read_failure(req: OriginRequest, exc: BaseException) -> OriginError:
    """What CloudFront answers for an exchange that failed once the connection was made: a read timeout is 504, an
    answer that is not HTTP or a connection closed before the response 502."""
    if isinstance(exc, aiohttp.SocketTimeoutError | TimeoutError):
        return OriginTimeoutError(504, "OriginCommError", f"{_where(req)} sent no response within the origin read "
                                  f"timeout of {req.read_timeout}s")
    if isinstance(exc, HttpProcessingError):
        return OriginConnectError(502, "OriginInvalidResponseError", f"{_where(req)} {_unparsable(exc)}")
    return OriginConnectError(502, "OriginReadError", f"{_where(req)} closed the connection before responding ({exc})")


def _read_retry(req: OriginRequest, body: _OneShotBody) -> bool:
    """AWS "Origin settings": a read failure (timeout, dropped connection) is retried for GET and HEAD, never once a
    streamed body
    has started to go out (it cannot be replayed)."""
    return req.method in ("GET", "HEAD") and not body.started


def _settled(conn: wire.Connection, upload: asyncio.Task[None]) -> None:
    """An upload that failed (the viewer's body broke off, the origin closed mid-body) fails the exchange if no
    answer came yet; after one, the answer stands and the connection is not reused (release)."""
    if not upload.cancelled() and (exc := upload.exception()) is not None:
        known = isinstance(exc, ConnectionError | aiohttp.ClientError | wire.ViewerBodyError)
        conn.set_exception(exc if known else ConnectionError(f"the request body broke off: {exc!r}"))


async def _connect_failure(req: OriginRequest, exc: Exception) -> OriginError:
    if isinstance(exc, TimeoutError):
        return OriginTimeoutError(504, "OriginCommError",
                                  f"connecting to {_where(req)} timed out after {req.connection_timeout}s")
    if isinstance(exc, socket.gaierror):
        return OriginConnectError(502, "OriginDnsError", f"cannot resolve {req.connect_host}: {exc}")
    if isinstance(exc, ssl.SSLCertVerificationError):
        cause = await describe_certificate_error(req, exc)
        return OriginTLSError(502, "OriginConnectError", f"{_where(req)}: {cause}")
    if isinstance(exc, ssl.SSLError):
        return OriginTLSError(502, "OriginConnectError", f"{_where(req)}: {describe_handshake_error(req, exc)}")
    assert isinstance(exc, OSError)
    return OriginConnectError(502, "OriginConnectError", f"cannot connect to {_where(req)}: {exc.strerror or exc}")


def _unparsable(exc: HttpProcessingError) -> str:
    message = str(exc.message)
    if "Got more than" in message or "Too many headers" in message:
        return f"sent more than CloudFront's {MAX_RESPONSE_HEAD:,} bytes of headers"
    first = message.strip().splitlines()[0] if message.strip() else "unparsable"
    return f"answered something that is not a valid HTTP response ({first.strip(' :')})"


def _invalid_response(message: RawResponseMessage) -> str | None:
    """Why CloudFront would not pass this response on (502), or None."""
    if not 100 <= message.code <= 599:
        return f"answered with status {message.code}, outside HTTP's 100-599"
    size = len(f"HTTP/1.1 {message.code} {message.reason or ''}") + 2 + 2
    size += sum(len(name) + 2 + len(value) + 2 for name, value in message.raw_headers)
    if size > MAX_RESPONSE_HEAD:
        return f"sent {size:,} bytes of status line and headers; CloudFront's limit is {MAX_RESPONSE_HEAD:,}"
    return None


def _where(req: OriginRequest) -> str:
    name = req.domain_name
    addr = f"{req.connect_host}:{req.connect_port}"
    return f"origin {name} ({addr})" if req.connect_host != name else f"origin {addr}"


async def _stream(payload: StreamReader) -> AsyncIterator[bytes]:
    async for chunk in payload.iter_chunked(CHUNK):
        yield chunk
