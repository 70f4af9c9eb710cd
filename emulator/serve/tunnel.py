"""A WebSocket connection after the origin's 101: the viewer's connection and the origin's joined, bytes passed
both ways untouched.

RFC 6455 frames, the subprotocol and extensions (permessage-deflate) the two ends negotiated, ping/pong and close
frames all pass as they are: the edge only reads frame headers as they go by (frames.py) to count them and to note
the close code. Flow control is TCP's own: when one side's send buffer is full the other side's reads pause, so a
slow reader holds the fast writer back instead of growing the edge's memory. The connection closes after
CloudFront's idle timeout for WebSocket connections, `emulator.websocket_idle_timeout` (AWS "Quotas", quotas on
WebSocket connections: "If CloudFront hasn't detected any bytes sent from the origin to the client within the past
10 minutes, the connection is assumed to be idle and is closed"): the viewer's own messages do not keep it open.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from aiohttp import web

from emulator.origins.wire import Connection
from emulator.serve.frames import FrameScanner

VIEWER = "viewer"
ORIGIN = "origin"
EDGE = "edge"


@dataclass
class Leg:
    """One direction: bytes and frames that went through, and the close frame seen, if any."""

    bytes: int = 0
    scanner: FrameScanner = field(default_factory=FrameScanner)


class _ViewerFeed:
    """Takes the viewer's bytes from aiohttp's connection protocol (its payload-parser slot, as aiohttp's own
    WebSocket does) and writes them to the origin."""

    def __init__(self, tunnel: Tunnel) -> None:
        self._tunnel = tunnel

    def feed_data(self, data: bytes) -> tuple[bool, bytes]:
        self._tunnel.from_viewer(data)
        return False, b""

    def feed_eof(self) -> None:
        self._tunnel.lost(VIEWER)


class _OriginLeg(asyncio.Protocol):
    """The origin connection's protocol once it has switched: its bytes go to the viewer."""

    def __init__(self, tunnel: Tunnel) -> None:
        self._tunnel = tunnel
        self.paused = False

    def data_received(self, data: bytes) -> None:
        self._tunnel.from_origin(data)

    def eof_received(self) -> bool:
        return False  # close: a WebSocket has no half-closed state worth keeping

    def connection_lost(self, exc: BaseException | None) -> None:
        self._tunnel.lost(ORIGIN)

    def pause_writing(self) -> None:
        self.paused = True
        self._tunnel.viewer_transport.pause_reading()

    def resume_writing(self) -> None:
        self.paused = False
        if self._tunnel.closed_by is None:
            self._tunnel.viewer_transport.resume_reading()


def close_all(tunnels: set[Tunnel], why: str) -> None:
    """One edge is stopping: its open tunnels (those of its own listeners, not another edge's in the same process)
    close now (each handler then records it), so shutting down does not wait on connections open for hours."""
    for tunnel in list(tunnels):
        tunnel.why = why
        tunnel.close(EDGE)


class _Gone(asyncio.Transport):
    """The origin's side when its connection was lost before the tunnel took it over: nothing to read or close."""

    def is_closing(self) -> bool:
        return True

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        pass

    def close(self) -> None:
        pass

    def get_write_buffer_size(self) -> int:
        return 0

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


class Tunnel:
    def __init__(self, request: web.BaseRequest, origin: Connection, idle_timeout: float,
                 tunnels: set[Tunnel]) -> None:
        if request.transport is None:
            raise ConnectionResetError("the viewer's connection was lost before the tunnel was built")
        self.viewer_transport: asyncio.Transport = request.transport  # type: ignore[assignment]
        self._viewer_protocol = request.protocol
        self._origin = origin  # aiohttp's protocol, holding what the origin sent after its 101 until start()
        # None when the origin's connection was lost after its 101 was read: start() ends the tunnel at once.
        self._origin_lost = origin.transport is None
        self.origin_transport: asyncio.Transport = origin.transport or _Gone()  # type: ignore[assignment]
        self.up = Leg()  # viewer -> origin
        self.down = Leg()  # origin -> viewer
        self.closed_by: str | None = None
        self.why = ""
        self._loop = asyncio.get_running_loop()
        self.closed: asyncio.Future[None] = self._loop.create_future()
        self._idle_timeout = idle_timeout
        self._last = self._loop.time()
        self._idle: asyncio.TimerHandle | None = None
        self._draining: asyncio.Task[None] | None = None
        self._open = tunnels  # the edge's tunnels not yet closed, for its shutdown
        tunnels.add(self)

    def start(self) -> None:
        """Join the two connections. What the origin sent after its 101 (a greeting, often in the same packet)
        goes first; an origin that already left is the tunnel's end."""
        early, self._origin._tail = bytes(self._origin._tail), b""
        gone = self._origin_lost or self.origin_transport.is_closing()
        self._leg = _OriginLeg(self)
        self.origin_transport.set_protocol(self._leg)
        if not gone and not self.origin_transport.is_reading():
            self.origin_transport.resume_reading()  # aiohttp's protocol pauses once its tail is full
        if early:
            self.from_origin(early)  # may pause the origin again: the viewer is already behind
        if gone:
            self.close(ORIGIN)
            return
        self._viewer_protocol.set_parser(_ViewerFeed(self))  # type: ignore[arg-type]
        if self._leg.paused:  # aiohttp's set_parser resumes the viewer once its tail is fed
            self.viewer_transport.pause_reading()
        if self._idle_timeout > 0:
            self._idle = self._loop.call_later(self._idle_timeout, self._check_idle)

    def from_viewer(self, data: bytes) -> None:
        # Not activity for the idle timeout, which counts only what the origin sends (AWS "Quotas").
        self.up.bytes += len(data)
        self.up.scanner.feed(data)
        self.origin_transport.write(data)

    def from_origin(self, data: bytes) -> None:
        self._last = self._loop.time()
        self.down.bytes += len(data)
        self.down.scanner.feed(data)
        self.viewer_transport.write(data)
        if self._viewer_protocol.writing_paused and self._draining is None:  # type: ignore[union-attr]
            # The viewer reads slower than the origin sends: stop reading the origin until the viewer drains.
            self.origin_transport.pause_reading()
            self._draining = asyncio.create_task(self._drain_viewer())

    async def _drain_viewer(self) -> None:
        try:
            await self._viewer_protocol._drain_helper()  # type: ignore[union-attr]
        except ConnectionError:
            return  # the viewer is gone: lost() closes the rest
        finally:
            self._draining = None
        if self.closed_by is None:
            self.origin_transport.resume_reading()

    def _check_idle(self) -> None:
        idle_for = self._loop.time() - self._last
        if idle_for < self._idle_timeout:
            self._idle = self._loop.call_later(self._idle_timeout - idle_for, self._check_idle)
            return
        self._idle = None
        self.why = f"no bytes from the origin for {self._idle_timeout:g}s (the idle timeout for WebSocket connections)"
        self.close(EDGE)

    def lost(self, side: str) -> None:
        """One side's connection ended: the other is closed after what was written to it has gone out."""
        self.close(side)

    def close(self, who: str) -> None:
        if self.closed_by is not None:
            return
        self.closed_by = who
        self._open.discard(self)
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        if self._draining is not None:
            self._draining.cancel()
        for transport in (self.origin_transport, self.viewer_transport):
            transport.close()  # what is buffered goes out first ...
            if transport.get_write_buffer_size():  # ... unless the peer never reads it
                self._loop.call_later(5.0, transport.abort)
        if not self.closed.done():  # cancelled when the viewer's handler was (its connection lost)
            self.closed.set_result(None)

    def summary(self) -> str:
        """One line for the trace and the logs: who closed, how long, bytes and frames each way."""
        close_frame = self.up.scanner.close or self.down.scanner.close
        first = ""
        if close_frame is not None:
            sender = VIEWER if close_frame is self.up.scanner.close else ORIGIN
            if self.up.scanner.close and self.down.scanner.close:
                sender = VIEWER if self.up.scanner.close_at <= self.down.scanner.close_at else ORIGIN
                close_frame = self.up.scanner.close if sender == VIEWER else self.down.scanner.close
            first = f"; close frame first from the {sender}: {close_frame}"
        why = f" ({self.why})" if self.why else ""
        return (f"connection closed by the {self.closed_by}{why}{first}; viewer->origin {self.up.bytes} bytes in "
                f"{self.up.scanner.frames} frames, origin->viewer {self.down.bytes} bytes in "
                f"{self.down.scanner.frames} frames")
