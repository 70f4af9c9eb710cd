"""One request on the lean listener (serve/lean.py): stage 0, the pipeline, and the answer written as bytes.

The framing rules are those the aiohttp listener applied (so a viewer sees the same bytes): the response speaks
the request's HTTP version; a body of known length gets Content-Length, an unknown one is chunked for HTTP/1.1
and ends with the connection for HTTP/1.0; HEAD, 1xx, 204 and 304 carry no body (304 and 1xx/204 no
Content-Length either); a Date is added when the response has none, and nothing else the response did not have
(no Server, no default Content-Type: an edge passes the origin's headers on). Connection: keep-alive answers an
HTTP/1.0 keep-alive request; Connection: close ends an HTTP/1.1 connection that will close.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from email.utils import formatdate
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp.streams import EMPTY_PAYLOAD, StreamReader
from multidict import CIMultiDict

from emulator.decisions import EdgeError
from emulator.framing import expects_body, length_mismatch, viewer_length
from emulator.http import EdgeResponse, Headers, Scheme, ViewerRequest
from emulator.origins.upgrade import Switched
from emulator.serve.limits import check_request, origin_form, refusal
from emulator.serve.viewer_parser import first_line, refusal_status
from emulator.serve.viewer_request import CHUNK, chunks
from emulator.serve.websocket import relay

if TYPE_CHECKING:
    from emulator.serve.lean import LeanProtocol
    from emulator.serve.server import EdgeServer

log = logging.getLogger("frontyard")
_REASONS = {s.value: s.phrase for s in HTTPStatus}
_NO_BODY_STATUS = frozenset((204, 304, *range(100, 200)))
_date: tuple[int, str] = (0, "")


def http_date() -> str:
    """The Date header, formatted once a second."""
    global _date
    now = int(time.time())
    if _date[0] != now:
        _date = (now, formatdate(now, usegmt=True))
    return _date[1]


def head(version: tuple[int, int], status: int, reason: str, headers: Any, extra: list[tuple[str, str]]) -> bytes:
    """The status line and header block; like aiohttp's writer, a CR or LF in a field is refused (ValueError)."""
    text = "\n".join((f"HTTP/{version[0]}.{version[1]} {status} {reason or _REASONS.get(status, '')}",
                      *map(": ".join, headers.items()), *map(": ".join, extra)))
    # Each field on a line of its own: one LF more than that, or a CR, came inside a field.
    if "\r" in text or text.count("\n") != len(headers) + len(extra):
        raise ValueError("Newline or carriage return character detected in HTTP status line or headers")
    return (text.replace("\n", "\r\n") + "\r\n\r\n").encode("utf-8")


async def refuse(proto: LeanProtocol, exc: BaseException, status: int = 0, parsed: tuple[str, str] | None = None,
                 version: tuple[int, int] = (1, 1)) -> None:
    """CloudFront's page for a request the parser (or stage 0, or our own bug: 500) refused; the connection
    closes after it."""
    status = status or refusal_status(exc)
    why = first_line(exc) if status != 500 else f"internal error: {first_line(exc)}"
    await send_refusal(proto, exc if isinstance(exc, EdgeError) else refusal(status, why), parsed, version)


async def send_refusal(proto: LeanProtocol, error: EdgeError, parsed: tuple[str, str] | None,
                       version: tuple[int, int]) -> None:
    edge = proto.server.refusal_page(error, proto.peer[0], parsed)
    assert isinstance(edge.body, bytes)
    extra = [("Content-Length", str(len(edge.body)))] if "Content-Length" not in edge.headers else []
    if "Date" not in edge.headers:
        extra.append(("Date", http_date()))
    extra.append(("Connection", "close"))
    proto.closing = True
    with contextlib.suppress(ConnectionError):  # the viewer left: the log line is already written
        proto.write(head(version, edge.status, edge.reason, _without(edge.headers, "Connection"), extra) + edge.body)


class Exchange:
    """One request and its answer."""

    def __init__(self, proto: LeanProtocol, message: Any, payload: StreamReader) -> None:
        self.proto = proto
        self.message = message
        self.payload = payload
        sent_version = (message.version.major, message.version.minor)
        self.sent_version = sent_version
        # HTTP/0.9 or 2.0 spoken as text is refused (limits.py), in an HTTP/1.1 status line.
        self.version = sent_version if sent_version in ((1, 0), (1, 1)) else (1, 1)
        self.method: str = message.method
        self.keep_alive = not message.should_close

    async def run(self) -> bool:
        """Whether the connection stays open for a next request."""
        try:
            return await self._run()
        except (asyncio.CancelledError, ConnectionError):
            raise
        except Exception as exc:
            # Not the viewer's fault but our bug: the traceback is logged, the viewer gets CloudFront's 500.
            log.error("internal error handling a request from %s", self.proto.peer[0], exc_info=exc)
            if not self.started:
                await refuse(self.proto, exc, 500, (self.method, self.message.path), self.version)
            return False

    started = False  # the status line went out: no error page can follow

    async def _run(self) -> bool:
        server, message, proto = self.proto.server, self.message, self.proto
        target = origin_form(message.path)
        refused = check_request(self.method, target, self.sent_version, message.raw_headers)
        if refused is not None:  # stage 0 (AWS: "Quotas"): before any distribution is chosen
            await send_refusal(proto, refused, (self.method, target), self.version)
            return False
        if self.version == (1, 1) and message.headers.get("Expect", "").lower() == "100-continue":
            # The edge answers the expectation itself (the Expect header never reaches the origin, AWS "Request
            # and response behavior for custom origins"): at once, or curl waits a second before the body.
            proto.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        return await self._answer(server, self._viewer(target))

    def _viewer(self, target: str) -> ViewerRequest:
        raw_path, _, query = target.partition("?")
        has_body = self.payload is not EMPTY_PAYLOAD
        return ViewerRequest(
            method=self.method, raw_path=raw_path, query=query, headers=self.message.headers,
            scheme=Scheme.HTTPS if self.proto.tls is not None else Scheme.HTTP,
            http_version=f"{self.sent_version[0]}.{self.sent_version[1]}",
            client_ip=self.proto.peer[0], client_port=self.proto.peer[1],
            body=chunks(self.payload) if has_body else b"", has_body=has_body, tls=self.proto.tls)

    async def _answer(self, server: EdgeServer, viewer: ViewerRequest) -> bool:
        """The pipeline's answer sent; this request stays on the configuration it started on, even across a
        reload."""
        generation = server.generation
        leave = generation.enter()
        try:
            started = time.perf_counter()
            emulator = generation.emulator
            viewer, request_body = server.bodies.tap_request(viewer)
            edge, trace = await server.dispatch(emulator, viewer, started)
            if isinstance(edge, Switched):  # a WebSocket: the connection is a tunnel until either side closes it
                await relay(server, emulator, Side(self.proto), viewer, edge, lambda: self.switch(edge), trace,
                            started, leave)
                return False
            headers = server.sent_headers(emulator, edge, trace)
            edge, response_body = server.bodies.tap_response(edge)
            sent = 0
            try:
                sent, keep = await self.send(edge, headers)
            finally:
                await edge.close()
                server.bodies.keep(trace.request_id, request_body, response_body)
                server.record(emulator, viewer, trace, edge.status, sent, time.perf_counter() - started, headers)
            if trace.repeat is not None:
                generation.repeats.learn(self.proto, self.message, self.payload, viewer.target, trace, edge.status,
                                         edge.reason, edge.body, headers, response_body, keep)
            return keep
        finally:
            leave()

    # --- the answer

    def framing_warning(self, problem: str) -> None:
        self.proto.server.framing_warning(self.message.headers.get("Host", ""), self.message.path, problem)

    # long: each way a body can go out (bytes, a stream, a length to honour) beside its framing rule
    async def send(self, edge: EdgeResponse, headers: Headers | Any) -> tuple[int, bool]:
        """Write the answer; (body bytes sent, whether the connection can be kept)."""
        length = None
        if expects_body(self.method, edge.status):
            headers, length, problem = viewer_length(headers)  # framing.py: what a function set, made honest
            if problem:
                self.framing_warning(problem)
        no_body = edge.status in _NO_BODY_STATUS or self.method == "HEAD"
        close = headers.get("Connection", "").lower() == "close"
        if isinstance(edge.body, bytes):
            return self._send_bytes(edge, headers, length, no_body, close)
        if length is None and self.version < (1, 1):
            close = True  # HTTP/1.0 and no length: the end of the body is the end of the connection
        keep = self.keep_alive and not close
        extra: list[tuple[str, str]] = []
        if no_body:
            headers = _without(headers, "Transfer-Encoding", "Content-Length" if edge.status in _NO_BODY_STATUS
                               else None)
        elif length is not None:
            headers = _without(headers, "Content-Length")
            extra.append(("Content-Length", str(length)))
        elif self.version >= (1, 1):
            headers = _without(headers, "Transfer-Encoding")
            extra.append(("Transfer-Encoding", "chunked"))
        chunked = not no_body and length is None and self.version >= (1, 1)
        block = self._head(edge, headers, extra, keep)
        if length is None or length > CHUNK:
            # aiohttp sent a small response's headers with its (single) body chunk: one write, not two; a slow or
            # long body never holds the status line back.
            self.proto.write(block)
            block = b""
        self.started = True
        return await self._stream(edge, block, length, chunked, no_body, keep)

    def _send_bytes(self, edge: EdgeResponse, headers: Any, length: int | None, no_body: bool,
                    close: bool) -> tuple[int, bool]:
        body = edge.body
        assert isinstance(body, bytes)
        if length is not None and length != len(body):
            self.framing_warning(length_mismatch(length, len(body)))
            body, close = body[:length], True
            headers = _without(headers, "Connection")
        keep = self.keep_alive and not close
        extra: list[tuple[str, str]] = []
        if "Content-Length" in headers:
            if edge.status in _NO_BODY_STATUS:
                headers = _without(headers, "Content-Length")
        elif body or (edge.status != 304 and self.method != "HEAD"):
            extra.append(("Content-Length", str(len(body))))
        if no_body and "Transfer-Encoding" in headers:
            headers = _without(headers, "Transfer-Encoding")
        if close and "Connection" not in headers:
            extra.append(("Connection", "close"))
        block = self._head(edge, headers, extra, keep)
        self.started = True
        self.proto.write(block + (b"" if no_body else body))
        return len(body), keep

    def _head(self, edge: EdgeResponse, headers: Any, extra: list[tuple[str, str]], keep: bool) -> bytes:
        if "Date" not in headers:
            extra.append(("Date", http_date()))
        if "Connection" not in headers and not any(k == "Connection" for k, _ in extra):
            if keep and self.version == (1, 0):
                extra.append(("Connection", "keep-alive"))
            elif not keep and self.version == (1, 1):
                extra.append(("Connection", "close"))
        return head(self.version, edge.status, edge.reason, headers, extra)

    # long: the body's loop with its three endings (complete, the viewer gone, the origin broken off)
    async def _stream(self, edge: EdgeResponse, block: bytes, length: int | None, chunked: bool, no_body: bool,
                      keep: bool) -> tuple[int, bool]:
        proto, sent, left = self.proto, 0, length
        assert not isinstance(edge.body, bytes)
        try:
            async for chunk in edge.body:
                sent += len(chunk)
                if no_body or not chunk:
                    continue
                if left is not None:
                    chunk = chunk[:left]
                    left -= len(chunk)
                proto.write(block + (b"%x\r\n%b\r\n" % (len(chunk), chunk) if chunked else chunk))
                block = b""
                await proto.drain()
                if length is not None and sent > length:
                    break  # the viewer has all it will read: it may already be sending its next request
        except ConnectionError as exc:
            log.info("viewer closed the connection after %d bytes: %s", sent, exc)
            self._cut()
            return sent, False
        except (aiohttp.ClientError, TimeoutError) as exc:
            # CloudFront sends the response on "as soon as the first byte arrives from the origin" (AWS: "How
            # CloudFront processes partial requests for an object"): the status line goes out (a small one held
            # back for its first chunk goes now), then the viewer connection is cut so a truncated body is not
            # mistaken for a complete one.
            log.warning("origin response broke off after %d bytes: %s", sent, exc)
            if block and proto.transport is not None and not proto.transport.is_closing():
                proto.transport.write(block)
            self._cut()
            return sent, False
        proto.write(block + (b"0\r\n\r\n" if chunked else b""))
        if length is not None and sent != length and not no_body:
            # Longer (cut) or shorter (the viewer would wait for the rest): the connection closes.
            self.framing_warning(length_mismatch(length, sent, whole=False))
            self._cut()
            return min(sent, length), False
        return sent, keep

    def _cut(self) -> None:
        self.proto.closing = True
        if self.proto.transport is not None:
            self.proto.transport.close()

    async def switch(self, edge: Switched) -> None:
        """The origin's 101 sent on; the connection is the tunnel's from here (serve/websocket.py)."""
        headers = _without(edge.headers, "Content-Length", "Transfer-Encoding")
        block = self._head(EdgeResponse(101, edge.reason, edge.headers, b""), headers, [], False)
        self.started = True
        self.proto.closing = True  # after the tunnel, the viewer's connection ends with it
        self.proto.write(block)
        await self.proto.drain()


class Side:
    """The viewer's end as the tunnel takes it: the transport and the protocol that feeds it."""

    def __init__(self, proto: LeanProtocol) -> None:
        if proto.transport is None:
            raise ConnectionResetError("the viewer's connection was lost before the tunnel was built")
        self.transport = proto.transport
        self.protocol = proto


def _without(headers: Any, *names: str | None) -> Any:
    drop = {n.lower() for n in names if n}
    if not any(k.lower() in drop for k in headers):
        return headers
    return CIMultiDict((k, v) for k, v in headers.items() if k.lower() not in drop)
