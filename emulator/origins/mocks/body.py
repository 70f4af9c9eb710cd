"""Response bodies that are pulled from a source while they are sent, so a fault can pace or cut them.

A mock returns a `StreamedBody` (not yet prepared); aiohttp prepares it and calls `write_eof`, which is
where the body goes out, chunk by chunk, through the `Pacing` the fault middleware attached. Files are read
with `os.pread` in a worker thread, one block at a time: large objects never sit in memory and the event
loop the edge shares never waits on the disk.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import aclosing
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from aiohttp.abc import AbstractStreamWriter
from aiohttp.http_writer import StreamWriter

BLOCK = 64 * 1024

Chunks = Callable[[], AsyncIterator[bytes]]


@dataclass(frozen=True)
class Pacing:
    """How the body is cut and slowed down (see faults.py for the options that set it)."""

    delay_between_chunks: float = 0.0
    chunk_size: int | None = None  # re-cut the body into pieces of this size; None: as the source yields
    drop_after_bytes: int | None = None  # close the connection once this many body bytes went out

    def pieces(self, block: bytes) -> Iterator[bytes]:
        if self.chunk_size is None:
            yield block
            return
        for i in range(0, len(block), self.chunk_size):
            yield block[i:i + self.chunk_size]


NO_PACING = Pacing()


class DroppedByFault(ConnectionResetError):
    """Raised after closing the connection on purpose; aiohttp treats a ConnectionError as a gone client."""


class StreamedBody(web.StreamResponse):
    def __init__(self, *, status: int = 200, reason: str | None = None,
                 headers: Mapping[str, str] | None = None, length: int | None = None,
                 chunks: Chunks | None = None) -> None:
        super().__init__(status=status, reason=reason, headers=headers)
        if length is not None:
            self.content_length = length
        self._chunks = chunks
        self._send_body = False
        self._request: web.BaseRequest | None = None
        self._writer: AbstractStreamWriter | None = None
        self.pacing = NO_PACING

    async def prepare(self, request: web.BaseRequest) -> AbstractStreamWriter | None:
        # HEAD, 304 and friends announce a length but carry no body.
        self._send_body = request.method not in ("HEAD", "CONNECT") and self.status not in (204, 304)
        self._request = request
        self._writer = await super().prepare(request)
        return self._writer

    async def write_eof(self, data: bytes = b"") -> None:
        if self._send_body and self._chunks is not None:
            self._send_body = False  # write_eof may be called again by aiohttp; send the body once
            await self._send()
        await super().write_eof(data)

    async def _send(self) -> None:
        assert self._chunks is not None
        pacing, sent, first = self.pacing, 0, True
        async with aclosing(self._chunks()) as chunks:
            async for block in chunks:
                for piece in pacing.pieces(block):
                    if not first and pacing.delay_between_chunks:
                        await asyncio.sleep(pacing.delay_between_chunks)
                    first = False
                    limit = pacing.drop_after_bytes
                    if limit is not None and sent + len(piece) > limit:
                        await self._drop(piece[:limit - sent])
                    await self.write(piece)
                    sent += len(piece)

    async def _drop(self, last: bytes) -> None:
        if last:
            await self.write(last)
        elif isinstance(self._writer, StreamWriter):
            self._writer.send_headers()  # dropping at byte 0: the status line and headers still go out
        assert self._request is not None
        if (transport := self._request.transport) is not None:
            transport.close()  # flushes what was written, then FIN: the peer sees a short body
        raise DroppedByFault("connection dropped by the drop_after_bytes fault option")


def bytes_chunks(data: bytes) -> Chunks:
    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(data), BLOCK):
            yield data[i:i + BLOCK]

    return chunks


def file_chunks(path: Path, start: int = 0, length: int | None = None) -> Chunks:
    """`length` bytes of the file from `start` (None: to its end), read off the event loop."""

    async def chunks() -> AsyncIterator[bytes]:
        async with _OpenFile(path) as f:
            offset = start
            end = None if length is None else start + length
            while end is None or offset < end:
                block = await f.pread(BLOCK if end is None else min(BLOCK, end - offset), offset)
                if not block:
                    break  # the file shrank under us: the peer sees a short body, as with a broken origin
                offset += len(block)
                yield block

    return chunks


class _OpenFile:
    """A descriptor used from worker threads. If the request is cancelled (the peer went away) while a
    thread is still opening or reading, the descriptor is closed only once that thread is done with it."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None

    async def __aenter__(self) -> _OpenFile:
        self._fd = await self._finish(asyncio.to_thread(os.open, self._path, os.O_RDONLY), opening=True)
        return self

    async def pread(self, size: int, offset: int) -> bytes:
        assert self._fd is not None
        return await self._finish(asyncio.to_thread(os.pread, self._fd, size, offset))

    async def __aexit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)  # no thread is using it: every read was awaited to its end

    async def _finish(self, work, *, opening: bool = False):
        task = asyncio.ensure_future(work)
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            fd = self._fd
            self._fd = None  # __aexit__ must not close it under the running thread

            def cleanup(done: asyncio.Future) -> None:
                failed = done.cancelled() or done.exception() is not None  # also marks the error as seen
                if opening and not failed:
                    os.close(done.result())  # opened for nobody
                elif fd is not None:
                    os.close(fd)

            task.add_done_callback(cleanup)
            raise
