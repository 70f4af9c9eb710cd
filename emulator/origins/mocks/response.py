"""`response`: the same fixed response for every request (an API's JSON 404, a 503 during maintenance...).

`status`, `headers` (a mapping; a list value repeats the header), and the body from `body` (text, sent as
UTF-8) or `body_file` (streamed from disk on every request, so editing the file needs no restart).
Content-Type, when not in `headers`: text/plain for `body`, guessed from the extension for `body_file`.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
from collections.abc import Mapping
from pathlib import Path

from aiohttp import web
from multidict import CIMultiDict

from emulator.config.model import MockSpec
from emulator.origins.mocks import Handler, MockType, OptionSpec
from emulator.origins.mocks.body import BLOCK, StreamedBody, bytes_chunks, file_chunks

_COMPUTED = ("content-length", "transfer-encoding")  # framing is ours: a wrong value would break the stream


def header_items(raw: object) -> list[tuple[str, str]]:
    """The `headers` option as (name, value) pairs in the order given; a list value repeats the header."""
    if not isinstance(raw, Mapping):
        return []
    items = []
    for name, value in raw.items():
        for one in value if isinstance(value, list) else [value]:
            items.append((str(name), str(one)))
    return items


def check(options: Mapping[str, object]) -> list[tuple[str | None, str]]:
    problems: list[tuple[str | None, str]] = []
    if "body" in options and "body_file" in options:
        problems.append(("body_file", "give either 'body' or 'body_file', not both"))
    for name, _ in header_items(options.get("headers")):
        if name.lower() in _COMPUTED:
            problems.append(("headers", f"'{name}' is computed from the body; leave it out"))
    return problems


def _describe(path: Path) -> tuple[int, str]:
    return os.stat(path).st_size, mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def make_handler(spec: MockSpec) -> Handler:
    status = int(spec.option("status", 200))  # type: ignore[call-overload]
    body = spec.option("body")
    body_file = spec.option("body_file")
    headers = CIMultiDict(header_items(spec.option("headers")))
    data = str(body).encode() if body is not None else b""
    path = None if body_file is None else spec.base_dir / str(body_file)
    if body is not None:
        headers.setdefault("Content-Type", "text/plain; charset=utf-8")

    async def handle(request: web.Request) -> web.StreamResponse:
        async for _ in request.content.iter_chunked(BLOCK):
            pass  # drain an upload without keeping it, so the connection stays reusable
        if path is None:
            return StreamedBody(status=status, headers=headers, length=len(data), chunks=bytes_chunks(data))
        try:
            size, ctype = await asyncio.to_thread(_describe, path)  # mimetypes reads system tables on first use
        except OSError as exc:
            # The file went away after the config loaded: answer like a broken origin, and say why.
            text = f"frontyard response mock: cannot read body_file {path}: {exc.strerror}\n".encode()
            return StreamedBody(status=500, headers={"Content-Type": "text/plain; charset=utf-8"},
                                length=len(text), chunks=bytes_chunks(text))
        with_type = CIMultiDict(headers)
        with_type.setdefault("Content-Type", ctype)
        return StreamedBody(status=status, headers=with_type, length=size, chunks=file_chunks(path))

    return handle


MOCK = MockType(
    "response",
    {
        "status": OptionSpec("int", help="status code (default 200)", lo=200, hi=599),
        "headers": OptionSpec("map", help="response headers, name: value (a list value repeats the header)"),
        "body": OptionSpec("str", help="response body text (UTF-8)"),
        "body_file": OptionSpec("path", help="file streamed as the response body"),
    },
    make_handler,
    check=check,
)


def make_app(spec: MockSpec) -> web.Application:
    return MOCK.make_app(spec)
