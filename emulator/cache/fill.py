"""Filling the cache while the body streams to the viewer, and the waiters of collapsed requests.

A miss never buffers a whole object before its first byte: the origin's chunks go to the viewer as they
arrive and are kept aside; only when the body ended complete (and matched its Content-Length) is the copy
committed. A body that breaks off, is abandoned by the viewer, or grows past the object limit is not stored
(AWS: "Request and response behavior for custom origins").
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

from emulator.cache.store import Entry

Commit = Callable[[bytes], Entry | None]


async def _nothing() -> AsyncIterator[bytes]:
    return
    yield b""  # an async generator that yields nothing  # the complete body -> the stored entry (None: not stored)


class Fill:
    """One key being fetched from the origin. Concurrent misses for the key wait on `done`."""

    def __init__(self) -> None:
        self.done = asyncio.Event()
        self.entry: Entry | None = None
        self.why_not = ""

    def finish(self, entry: Entry | None, why_not: str = "") -> None:
        if not self.done.is_set():
            self.entry, self.why_not = entry, why_not
            self.done.set()


class TeeBody:
    """The origin's body as the viewer reads it, kept aside for the store up to `limit` bytes."""

    def __init__(self, body: AsyncIterator[bytes], fill: Fill, commit: Commit, *, expected: int | None,
                 limit: int, on_abandon: Callable[[str], None]) -> None:
        self._body = body
        self._fill = fill
        self._commit = commit
        self._expected = expected
        self._limit = limit
        self._abandon = on_abandon
        self._used = False

    def __aiter__(self) -> AsyncIterator[bytes]:
        if self._used:  # the origin's stream is read once: a second reader (settle after the send) gets nothing
            return _nothing()
        self._used = True
        return self._stream()

    @property
    def used(self) -> bool:
        return self._used

    async def _stream(self) -> AsyncIterator[bytes]:
        kept: list[bytes] | None = []
        size = 0
        try:
            async for chunk in self._body:
                size += len(chunk)
                if kept is not None:
                    if size > self._limit:
                        kept = None  # too large to keep: let the rest pass without holding it
                        self._give_up(f"not stored: the body passed max_object_bytes ({self._limit})")
                    else:
                        kept.append(chunk)
                yield chunk
        except BaseException as exc:  # the origin broke off, or the viewer went away (GeneratorExit)
            self._give_up(f"not stored: the body did not arrive complete ({type(exc).__name__})")
            raise
        if kept is None:
            return
        if self._expected is not None and size != self._expected:
            self._give_up(f"not stored: {size} bytes arrived, Content-Length said {self._expected}")
            return
        entry = self._commit(b"".join(kept))
        self._fill.finish(entry, "" if entry is not None else "not stored: larger than the whole cache")

    def _give_up(self, why: str) -> None:
        if not self._fill.done.is_set():
            self._fill.finish(None, why)
            self._abandon(why)

    def releaser(self, release: Callable[[], Awaitable[None]] | None) -> Callable[[], Awaitable[None]]:
        """The response's release: a viewer that stops reading before the end leaves nothing stored."""

        async def release_both() -> None:
            self._give_up("not stored: the viewer did not read the whole body")
            if release is not None:
                await release()

        return release_both
