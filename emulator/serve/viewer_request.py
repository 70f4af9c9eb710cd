"""aiohttp's request -> the ViewerRequest the pipeline reads: method, path and query as sent, the headers as
received, the scheme and TLS details of the connection, and the body streamed as it arrives."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from aiohttp import web
from aiohttp.streams import StreamReader

from emulator.http import Scheme, ViewerRequest
from emulator.serve.viewer_parser import VERSION_KEY

CHUNK = 64 * 1024  # bytes read from the viewer at a time


def viewer_tls(transport: asyncio.BaseTransport | None) -> str | None:
    """CloudFront-Viewer-TLS: '<version>:<cipher>:<fullHandshake|sessionResumed>' (None for plain HTTP)."""
    ssl_object = transport.get_extra_info("ssl_object") if transport is not None else None
    if ssl_object is None:
        return None
    cipher = ssl_object.cipher()
    handshake = "sessionResumed" if ssl_object.session_reused else "fullHandshake"
    return f"{ssl_object.version()}:{cipher[0] if cipher else '-'}:{handshake}"


def to_viewer_request(request: web.BaseRequest) -> ViewerRequest:
    raw_path, _, query = request.raw_path.partition("?")
    tls = viewer_tls(request.transport)
    scheme = Scheme.HTTPS if tls is not None else Scheme.HTTP
    peer = request.transport.get_extra_info("peername") if request.transport else None
    client_ip, client_port = (peer[0], peer[1]) if peer else ("127.0.0.1", 0)
    return ViewerRequest(
        method=request.method,
        raw_path=raw_path,
        query=query,
        headers=request.headers,
        scheme=scheme,
        http_version="{}.{}".format(*request.get(VERSION_KEY, request.version)),
        client_ip=client_ip,
        client_port=client_port,
        body=chunks(request.content) if request.body_exists else b"",
        has_body=request.body_exists,
        tls=tls,
    )


async def chunks(body: StreamReader) -> AsyncIterator[bytes]:
    """A viewer's request body, CHUNK bytes at a time (both listeners)."""
    async for chunk in body.iter_chunked(CHUNK):
        yield chunk
