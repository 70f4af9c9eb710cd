"""aiohttp glue only: listeners, aiohttp request -> ViewerRequest, EdgeResponse -> aiohttp response.

Bodies stream both ways in 64 KiB chunks; nothing here buffers a whole upload or download.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator

from aiohttp import web
from multidict import CIMultiDict

from emulator.app import Emulator
from emulator.config.model import Listen
from emulator.http import EdgeResponse, Headers, Scheme, ViewerRequest
from emulator.output import access_line

CHUNK = 64 * 1024
access_log = logging.getLogger("frontyard.access")
log = logging.getLogger("frontyard")


class _PassThroughResponse(web.StreamResponse):
    """A response that sends the origin's headers as they are.

    aiohttp would add its own Server and a default Content-Type; an edge passing an origin response on
    must not invent either, so we drop what aiohttp added and the origin did not send."""

    async def _prepare_headers(self) -> None:
        had_server = "Server" in self.headers
        had_type = "Content-Type" in self.headers
        await super()._prepare_headers()
        if not had_server:
            self.headers.popall("Server", None)
        if not had_type:
            self.headers.popall("Content-Type", None)


def to_viewer_request(request: web.BaseRequest, scheme: Scheme) -> ViewerRequest:
    raw_path, _, query = request.raw_path.partition("?")
    peer = request.transport.get_extra_info("peername") if request.transport else None
    client_ip, client_port = (peer[0], peer[1]) if peer else ("127.0.0.1", 0)
    return ViewerRequest(
        method=request.method,
        raw_path=raw_path,
        query=query,
        headers=request.headers,
        scheme=scheme,
        http_version=f"{request.version.major}.{request.version.minor}",
        client_ip=client_ip,
        client_port=client_port,
        body=_chunks(request) if request.body_exists else b"",
        has_body=request.body_exists,
    )


async def _chunks(request: web.BaseRequest) -> AsyncIterator[bytes]:
    async for chunk in request.content.iter_chunked(CHUNK):
        yield chunk


class EdgeServer:
    """The viewer-facing listeners of one Emulator."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self._runner: web.ServerRunner | None = None

    async def handle(self, request: web.BaseRequest) -> web.StreamResponse:
        started = time.perf_counter()
        viewer = to_viewer_request(request, Scheme.HTTP)
        edge, trace = await self.emulator.dispatch(viewer)
        headers: Headers | CIMultiDict[str] = edge.headers
        if self.emulator.config.emulator.debug_header:
            headers = edge.headers.copy()
            headers["X-Frontyard-Trace"] = trace.compact()
        sent = 0
        try:
            response, sent = await self._send(request, edge, headers)
        finally:
            if edge.release is not None:
                await edge.release()
            if self.emulator.config.emulator.access_log:
                access_log.info(access_line(viewer, edge.status, sent, time.perf_counter() - started, trace))
        return response

    async def _send(self, request: web.BaseRequest, edge: EdgeResponse,
                    headers: Headers | CIMultiDict[str]) -> tuple[web.StreamResponse, int]:
        if isinstance(edge.body, bytes):
            response = web.Response(status=edge.status, reason=edge.reason or None, headers=headers, body=edge.body)
            return response, len(edge.body)
        response = _PassThroughResponse(status=edge.status, reason=edge.reason or None, headers=headers)
        length = edge.headers.get("Content-Length")
        if length is not None and length.isdigit():
            response.content_length = int(length)
        await response.prepare(request)
        sent = 0
        try:
            async for chunk in edge.body:
                await response.write(chunk)
                sent += len(chunk)
        except Exception as exc:
            # The status line is gone already: like CloudFront, cut the viewer connection so a truncated
            # body is not mistaken for a complete one.
            log.warning("origin response broke off after %d bytes: %s", sent, exc)
            if request.transport is not None:
                request.transport.close()
            return response, sent
        await response.write_eof()
        return response, sent

    async def start(self, http: Listen) -> list[tuple[str, int]]:
        """Listen on `http`; returns the bound addresses (port 0 picks a free port)."""
        server = web.Server(self.handle, access_log=None, handler_cancellation=True)
        self._runner = web.ServerRunner(server, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, http.host, http.port)
        await site.start()
        bound = [(str(a[0]), int(a[1])) for a in self._runner.addresses]
        for host, port in bound:
            self.emulator.add_listener(host, port)
        return bound

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

