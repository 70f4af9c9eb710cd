"""`echo`: answers with JSON describing exactly the request it received.

Headers are read from the raw header list so order, case and repeats are what went over the wire; the
body is hashed as it streams, so large uploads never sit in memory.
"""

from __future__ import annotations

import hashlib
import json

from aiohttp import web

from emulator.config.model import MockSpec
from emulator.origins.mocks import Handler, MockType


async def _echo(request: web.Request) -> web.Response:
    digest = hashlib.sha256()
    length = 0
    async for chunk in request.content.iter_chunked(64 * 1024):
        digest.update(chunk)
        length += len(chunk)
    path, _, query = request.raw_path.partition("?")
    body = {
        "method": request.method,
        "path": path,
        "query": query,
        "http_version": f"{request.version.major}.{request.version.minor}",
        "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in request.raw_headers],
        "body_length": length,
        "body_sha256": digest.hexdigest(),
    }
    return web.Response(text=json.dumps(body, indent=2) + "\n", content_type="application/json")


def make_handler(spec: MockSpec) -> Handler:
    return _echo


MOCK = MockType("echo", {}, make_handler)


def make_app(spec: MockSpec) -> web.Application:
    return MOCK.make_app(spec)
