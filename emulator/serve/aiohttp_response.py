"""EdgeResponse -> aiohttp response, for the aiohttp viewer listener (emulator.server: aiohttp).

Bodies stream in 64 KiB chunks; nothing here buffers a whole download.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import aiohttp
from aiohttp import web
from multidict import CIMultiDict

from emulator.framing import expects_body, length_mismatch, viewer_length
from emulator.http import EdgeResponse, Headers, freeze
from emulator.serve.viewer_request import CHUNK

log = logging.getLogger("frontyard")


class _PassThrough:
    """Sends the headers it was given and no others.

    aiohttp adds its own Server and a default Content-Type; an edge passing an origin's (or a function's)
    response on must not invent either, so what aiohttp added and the response did not have is dropped."""

    async def _prepare_headers(self) -> None:
        had_server = "Server" in self.headers  # type: ignore[attr-defined]
        had_type = "Content-Type" in self.headers  # type: ignore[attr-defined]
        await super()._prepare_headers()  # type: ignore[misc]
        if not had_server:
            self.headers.popall("Server", None)  # type: ignore[attr-defined]
        if not had_type:
            self.headers.popall("Content-Type", None)  # type: ignore[attr-defined]


class PassThroughResponse(_PassThrough, web.StreamResponse):
    pass


class PassThroughBytes(_PassThrough, web.Response):
    pass


# long: each way a body can go out (bytes, a stream, a length to honour) beside its framing rule
async def send(request: web.BaseRequest, edge: EdgeResponse, headers: Headers | CIMultiDict[str],
               warn: Callable[[web.BaseRequest, str], None]) -> tuple[web.StreamResponse, int]:
    length = None
    if expects_body(request.method, edge.status):
        headers, length, problem = viewer_length(headers)  # framing.py: what a function set, made honest
        if problem:
            warn(request, problem)
    if isinstance(edge.body, bytes):
        body = edge.body
        # a custom error page (AWS: "Generate custom error responses")
        close = headers.get("Connection", "").lower() == "close"
        if length is not None and length != len(body):
            # aiohttp would send the whole body under the other length: the viewer gets what it says.
            warn(request, length_mismatch(length, len(body)))
            body, close = body[:length], True
            headers = _closing(headers)
        response = PassThroughBytes(status=edge.status, reason=edge.reason or None, headers=headers, body=body)
        if close:
            response.force_close()
        return response, len(body)
    response = PassThroughResponse(status=edge.status, reason=edge.reason or None, headers=headers)
    if headers.get("Connection", "").lower() == "close" or (length is None and request.version < (1, 1)):
        # HTTP/1.0 and no length: the end of the body is the end of the connection. aiohttp 3.14 decides
        # that after it has said keep-alive, and then leaves the connection open: the viewer would wait.
        response.force_close()
    if length is not None:
        response.content_length = length
        if length <= CHUNK:
            # aiohttp sends a StreamResponse's headers on their own at prepare(); held back, they leave with
            # the (single) body chunk: a small response goes out in one write, not two. Only for small known
            # lengths, so a slow or long body never holds the status line back.
            response._send_headers_immediately = False
    await response.prepare(request)
    sent = 0
    try:
        async for chunk in edge.body:
            await response.write(chunk)  # aiohttp's writer cuts the body to `length`
            sent += len(chunk)
            if length is not None and sent > length:
                break  # the viewer has all it will read: it may already be sending its next request
    except ConnectionError as exc:
        # The viewer went away mid-body. First: aiohttp's error for writing to a closing viewer connection
        # is a ClientError too, and a small response's first write now carries its headers as well.
        log.info("viewer closed the connection after %d bytes: %s", sent, exc)
        if request.transport is not None:
            request.transport.close()
        return response, sent
    except (aiohttp.ClientError, TimeoutError) as exc:
        # CloudFront sends the response on "as soon as the first byte arrives from the origin" (AWS: "How
        # CloudFront processes partial requests for an object"): the status line goes out (a small one held
        # back for its first chunk goes now), then, like CloudFront, the viewer connection is cut so a
        # truncated body is not mistaken for a complete one.
        log.warning("origin response broke off after %d bytes: %s", sent, exc)
        writer = response._payload_writer  # aiohttp 3.14 (pinned): the writer holding back the headers
        if sent == 0 and writer is not None and request.transport is not None:
            writer.send_headers()
        if request.transport is not None:
            request.transport.close()
        return response, sent
    await response.write_eof()
    if length is not None and sent != length:
        # Longer (cut) or shorter (the viewer would wait for the rest): the connection closes.
        warn(request, length_mismatch(length, sent, whole=False))
        if request.transport is not None:
            request.transport.close()
        return response, min(sent, length)
    return response, sent


def _closing(headers: Headers | CIMultiDict[str]) -> Headers:
    """The headers with `Connection: close` (a custom error page may have said keep-alive)."""
    closing = CIMultiDict(headers)
    closing["Connection"] = "close"
    return freeze(closing)
