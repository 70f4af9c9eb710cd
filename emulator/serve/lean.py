"""The lean viewer listener: an asyncio.Protocol on aiohttp's C HTTP parser (llhttp), responses written as bytes.

aiohttp's web server built a BaseRequest, a StreamResponse, a StreamWriter and two tasks per request; on a
1 KB answer that was most of the edge's own cost below the pipeline. Here one task per connection handles its
requests in order (pipelined ones queue), and each response is one status line and header block written to the
transport (serve/lean_exchange.py). The parser is aiohttp's own C parser with the limits the aiohttp listener
had (serve/limits.py), so what it refuses, and why, is unchanged: request smuggling (CL+TE, two lengths),
obs-fold, NUL/CR in headers, over-long lines, all answered with CloudFront's page (lean_exchange.refuse).

Connection rules kept from aiohttp's server: an idle connection closes after KEEPALIVE_S; a request body the
handler did not read is drained for up to LINGER_S before the next request is read (lingering close); the
viewer's disconnect cancels the request being handled (and so its origin request); a WebSocket upgrade hands
the socket to the tunnel (set_parser), and a declined upgrade goes on parsing what followed it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiohttp._http_parser import HttpRequestParser  # type: ignore[import-not-found]
from aiohttp.base_protocol import BaseProtocol
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.streams import EMPTY_PAYLOAD, StreamReader
from aiohttp.tcp_helpers import tcp_keepalive

from emulator.serve.lean_exchange import Exchange, refuse
from emulator.serve.limits import PARSER_MAX_FIELD, PARSER_MAX_HEADERS, PARSER_MAX_LINE
from emulator.serve.viewer_request import viewer_tls

if TYPE_CHECKING:
    from emulator.serve.server import EdgeServer

log = logging.getLogger("frontyard")
KEEPALIVE_S = 3630.0  # aiohttp's server default, kept: an idle viewer connection is closed after this
LINGER_S = 10.0  # aiohttp's lingering_time: an unread request body is drained this long, then the connection closes
_QUEUE = 16  # pipelined requests parsed ahead; past this, the socket is not read until the queue drains
_READ_LIMIT = 2**16


class Feed:
    """What a tunnel gives set_parser: the viewer's bytes after the 101 (serve/tunnel.py's _ViewerFeed)."""

    def feed_data(self, data: bytes) -> Any: ...

    def feed_eof(self) -> None: ...


class LeanProtocol(BaseProtocol):
    """One viewer connection."""

    def __init__(self, server: EdgeServer, loop: asyncio.AbstractEventLoop, connections: set[LeanProtocol]) -> None:
        super().__init__(loop)
        self.server = server
        self._connections = connections
        self._parser = HttpRequestParser(self, loop, _READ_LIMIT, max_line_size=PARSER_MAX_LINE,
                                         max_field_size=PARSER_MAX_FIELD, max_headers=PARSER_MAX_HEADERS)
        self._queue: deque[tuple[Any, StreamReader]] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._task: asyncio.Task[None] | None = None
        self._idle: asyncio.TimerHandle | None = None
        self._idle_since = 0.0  # when the last answer went out: the idle timer counts from there
        self.reading: StreamReader | None = None  # the body of the request being handled
        self.linger = True  # False once the body being read broke: it cannot be drained
        self.closing = False  # no further request is read: the current one is the last
        self.busy = False  # a request is being handled (a graceful stop waits for it)
        self._upgraded = False
        self._tail = b""  # bytes after an upgrade request, for the tunnel or the next request
        self._feed: Feed | None = None
        self.peer: tuple[str, int] = ("127.0.0.1", 0)
        self.tls: str | None = None

    # --- the transport's events

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        tcp_keepalive(transport)  # type: ignore[arg-type]  # uvloop's transports are not asyncio.Transport
        peer = transport.get_extra_info("peername")
        if peer:
            self.peer = (str(peer[0]), int(peer[1]))
        self.tls = viewer_tls(transport)
        self._connections.add(self)
        self._idle_since = self._loop.time()
        self._idle = self._loop.call_later(KEEPALIVE_S, self._idle_out)

    def data_received(self, data: bytes) -> None:
        if self._feed is not None:
            self._feed.feed_data(data)
            return
        if self.closing:
            return
        if self._upgraded:
            self._tail += data
            return
        self._parse(data)

    def _parse(self, data: bytes) -> None:
        try:
            messages, upgraded, tail = self._parser.feed_data(data)
        except HttpProcessingError as exc:
            messages, upgraded, tail = [(exc, EMPTY_PAYLOAD)], False, b""
            if self.reading is not None and not self.reading.is_eof():
                # A parse error inside a body (a bad chunk size after the headers): the body ends with the
                # parser's error, the origin request fails (502, its cause in the trace) and the connection
                # closes after that answer, with no draining of a body that cannot be read.
                self.reading.set_exception(exc)
                self.linger = False
        if messages and not self._queue and self.reading is None and (self._task is None or self._waiter is not None):
            messages = self._repeats(messages)  # nothing is being answered: repeats can be answered right here
        if messages:
            self._queue.extend(messages)
            if self._task is None:
                self._task = self._loop.create_task(self._serve())
            elif self._waiter is not None and not self._waiter.done():
                self._waiter.set_result(None)
            if len(self._queue) >= _QUEUE and self.transport is not None:
                self.transport.pause_reading()
        self._upgraded = upgraded
        if upgraded:
            self._tail = tail

    def _repeats(self, messages: list[tuple[Any, StreamReader]]) -> list[tuple[Any, StreamReader]]:
        """Answer the leading requests that repeat one answered from a fresh cached copy (serve/repeat.py); the
        rest, from the first that does not, are queued for the pipeline."""
        repeats = self.server.generation.repeats
        for i, (message, payload) in enumerate(messages):
            if payload is not EMPTY_PAYLOAD or isinstance(message, HttpProcessingError) or self.closing \
                    or self._paused:  # a viewer not reading its answers: the queue (and its pause) takes the rest
                return messages[i:]
            try:
                if not repeats.answer(self, message):
                    return messages[i:]
            except ConnectionError:  # the viewer is gone: nothing to answer, nothing to queue
                self.closing = True
                return []
            except Exception:  # our bug, before anything was written: the pipeline answers instead
                log.exception("internal error answering a repeat from %s", self.peer[0])
                return messages[i:]
            self._parser.message_consumed()
            self._idle_since = self._loop.time()
        return []

    def eof_received(self) -> bool | None:
        return None  # the viewer is done sending: the connection closes (as aiohttp's server did)

    def connection_lost(self, exc: BaseException | None) -> None:
        super().connection_lost(exc)
        self.closing = True
        self._connections.discard(self)
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        if self.reading is not None and not self.reading.is_eof():
            self.reading.set_exception(exc or ConnectionResetError("the viewer closed the connection"))
        if self._task is not None:
            self._task.cancel()  # the request being handled, and with it its origin request
        if self._feed is not None:
            self._feed.feed_eof()
            self._feed = None

    # --- what the tunnel uses (the same names as aiohttp's RequestHandler)

    def set_parser(self, feed: Feed) -> None:
        """The connection is a tunnel from now on: what the viewer sends goes to `feed`."""
        self._feed = feed
        tail, self._tail = self._tail, b""
        if tail:
            feed.feed_data(tail)

    # --- the connection's requests, in order

    async def _serve(self) -> None:
        try:
            while not self.closing:
                if not self._queue:
                    self._waiter = self._loop.create_future()
                    try:
                        await self._waiter
                    finally:
                        self._waiter = None
                    continue
                message, payload = self._queue.popleft()
                self._parser.message_consumed()
                if self.transport is not None and len(self._queue) == _QUEUE - 1:
                    self.transport.resume_reading()
                if not await self._one(message, payload):
                    break
                if self._paused:  # the viewer is not reading its answers: none is written ahead of them
                    await self._drain_helper()
        except asyncio.CancelledError:
            pass  # the viewer left (connection_lost) or the edge is stopping
        except ConnectionError as exc:  # the viewer left while its answer was being written: nothing to tell it
            log.debug("viewer %s left during its answer: %s", self.peer[0], exc)
        except Exception:  # our bug, past the page for it: logged here rather than as a task nobody awaited
            log.exception("internal error on the connection from %s", self.peer[0])
        finally:
            self._task = None
            if self.transport is not None and self._feed is None:
                self.transport.close()

    async def _one(self, message: Any, payload: StreamReader) -> bool:
        """Answer one request; whether the connection can take the next one."""
        if isinstance(message, HttpProcessingError):
            self.closing = True
            await refuse(self, message)
            return False
        self.busy = True
        self.reading = payload if payload is not EMPTY_PAYLOAD else None
        self.linger = True
        try:
            keep = await Exchange(self, message, payload).run()
        finally:
            self.busy = False
            self.reading = None
        if self._feed is not None:  # a tunnel took the connection
            return False
        if self._upgraded:  # the upgrade was declined: what followed it is the next request
            self._upgraded = False
            self._parser.set_upgraded(False)
            tail, self._tail = self._tail, b""
            if tail:
                self._parse(tail)
        if keep and payload is not EMPTY_PAYLOAD and not payload.is_eof():
            keep = await self._drain_body(payload)
        if not keep or self.closing:
            return False
        # One timer per connection, not one per request: when it fires early it is set again for the rest.
        self._idle_since = self._loop.time()
        return True

    async def _drain_body(self, payload: StreamReader) -> bool:
        """Read and drop what is left of a request body the answer did not need (aiohttp's lingering close)."""
        if not self.linger:
            return False
        try:
            async with asyncio.timeout(LINGER_S):
                while not payload.is_eof():
                    await payload.readany()
        except (TimeoutError, ConnectionError, HttpProcessingError):
            return False
        return True

    def _idle_out(self) -> None:
        self._idle = None
        if self.transport is None:
            return
        left = self._idle_since + KEEPALIVE_S - self._loop.time()
        if self.busy or left > 0:
            self._idle = self._loop.call_later(KEEPALIVE_S if self.busy else left, self._idle_out)
            return
        self.transport.close()

    # --- writing

    def write(self, data: bytes) -> None:
        transport = self.transport
        if transport is None or transport.is_closing():
            raise ConnectionResetError("the viewer's connection is closing")
        transport.write(data)

    async def drain(self) -> None:
        if self._paused:
            await self._drain_helper()

    def stop(self) -> None:
        """The edge is stopping: an idle connection closes now, a busy one after its current answer."""
        self.closing = True
        if not self.busy and self.transport is not None:
            self.transport.close()


class LeanListeners:
    """The viewer listeners on the lean protocol, and a graceful stop: idle connections close at once, a
    request being answered is given STOP_S to finish."""

    STOP_S = 60.0  # aiohttp's runner shutdown_timeout

    def __init__(self, server: EdgeServer) -> None:
        self._server = server
        self._listeners: list[asyncio.Server] = []
        self.connections: set[LeanProtocol] = set()

    async def listen(self, host: str, port: int, ssl_context: Any = None) -> tuple[str, int]:
        loop = asyncio.get_running_loop()
        factory: Callable[[], LeanProtocol] = lambda: LeanProtocol(self._server, loop, self.connections)  # noqa: E731
        listener = await loop.create_server(factory, host, port, ssl=ssl_context, reuse_address=True)
        self._listeners.append(listener)
        name = listener.sockets[0].getsockname()
        return str(name[0]), int(name[1])

    async def close(self) -> None:
        for listener in self._listeners:
            listener.close()
        for connection in list(self.connections):
            connection.stop()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.STOP_S
        while any(c.busy for c in self.connections) and loop.time() < deadline:
            await asyncio.sleep(0.01)  # a stop is rare: polling beats a future per request on the hot path
        for connection in list(self.connections):
            if connection.transport is not None:
                connection.transport.abort()
        for listener in self._listeners:
            await listener.wait_closed()
        self._listeners.clear()
