"""The viewer's side of a WebSocket: the origin's 101 sent on, then the tunnel (tunnel.py) until either side
closes; one history entry and one access-log line when it does.

The tunnel holds its own references (the origin connection, the settings it started with): a reload serves new
requests from the new configuration and retires the old one, while an open WebSocket stays up on the settings it
started with."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from emulator.http import ViewerRequest
from emulator.origins.upgrade import Switched
from emulator.serve.app import Emulator
from emulator.serve.tunnel import VIEWER, Tunnel
from emulator.trace import Trace

if TYPE_CHECKING:
    from emulator.serve.server import EdgeServer

log = logging.getLogger("frontyard")


async def relay(server: EdgeServer, emulator: Emulator, request: Any, viewer: ViewerRequest,
                edge: Switched, send_101: Callable[[], Awaitable[object]], trace: Trace, started: float,
                leave: Callable[[], None]) -> None:
    """`request` is the viewer's end (its transport and protocol: an aiohttp request or the lean listener's),
    `send_101` sends the origin's 101 on.

    `leave` counts the request out of its configuration's in-flight requests: once the 101 is out the tunnel
    needs nothing of that configuration but its settings, held here, so a reload can retire it (its origin pool,
    listeners and function workers closed) while the WebSocket stays open."""
    assert edge.connection is not None
    origin = edge.connection
    try:
        await send_101()
    except (ConnectionError, RuntimeError) as exc:  # the viewer left before the 101 went out
        origin.close()
        log.info("viewer %s left before the WebSocket handshake's 101: %s", viewer.client_ip, exc)
        server.record(emulator, viewer, trace, 101, 0, time.perf_counter() - started, edge.headers)
        return
    leave()
    try:
        tunnel = Tunnel(request, origin, emulator.config.emulator.websocket_idle_timeout, server.tunnels)
        tunnel.start()
    except Exception as exc:  # never silent: the origin closed, the viewer's connection with it, and recorded
        origin.close()
        if request.transport is not None:
            request.transport.close()
        log.warning("WebSocket to %s%s could not be joined to its origin: %r", viewer.host, viewer.raw_path, exc)
        trace.add("websocket", "failed", f"the tunnel could not be built ({exc!r}): both connections closed")
        server.record(emulator, viewer, trace, 101, 0, time.perf_counter() - started, edge.headers)
        return
    try:
        await tunnel.closed
    except asyncio.CancelledError:
        tunnel.close(VIEWER)  # the viewer's connection was lost (aiohttp cancels its handler)
        _finish(server, emulator, viewer, edge, tunnel, trace, started)
        raise
    _finish(server, emulator, viewer, edge, tunnel, trace, started)


def _finish(server: EdgeServer, emulator: Emulator, viewer: ViewerRequest, edge: Switched, tunnel: Tunnel,
            trace: Trace, started: float) -> None:
    elapsed = time.perf_counter() - started
    trace.add("websocket", "closed", f"after {elapsed:.3f}s: {tunnel.summary()}")
    server.record(emulator, viewer, trace, 101, tunnel.down.bytes, elapsed, edge.headers)
