"""The last N served requests, each with its whole Trace: a bounded ring buffer with push to subscribers.

Recording keeps references to objects the request already built (the Trace, the final headers); rendering
happens only when the API is asked, so the per-request cost is one small object and a few appends.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import time
from collections import OrderedDict
from dataclasses import replace
from typing import NamedTuple

from emulator.http import Headers
from emulator.trace import Trace

DEFAULT_LIMIT = 500
_QUEUE = 256  # a subscriber that falls this far behind misses entries rather than growing without bound


class Entry(NamedTuple):
    """One served request: its trace (the viewer request, decisions, origin exchanges, function runs) and
    what went back to the viewer. Immutable like a frozen dataclass, built for a fifth of its cost: one is
    recorded for every request served."""

    seq: int  # 1, 2, 3 ... in arrival order of completion
    time: float  # epoch seconds when the response was finished
    trace: Trace
    status: int
    sent: int  # body bytes sent to the viewer
    duration_ms: float
    headers: Headers  # the final response headers, as sent
    listener: str  # the listener's base URL the request came in on, e.g. http://127.0.0.1:8080

    @property
    def id(self) -> str:
        return self.trace.request_id


def _drop_streams(trace: Trace) -> None:
    """A kept trace must not keep a finished upload stream alive (it holds the aiohttp request and its
    transport): bodies that were streams are replaced by b"" (they were streamed through, never kept)."""
    if trace.viewer is not None and not isinstance(trace.viewer.body, bytes):
        trace.viewer = replace(trace.viewer, body=b"")
    for i, x in enumerate(trace.exchanges):
        if not isinstance(x.request.body, bytes):
            trace.exchanges[i] = replace(x, request=replace(x.request, body=b""))


class History:
    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = limit
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._seq = itertools.count(1)
        self._subscribers: set[asyncio.Queue[Entry | None]] = set()
        # Sequence numbers restart with the process: clients that saw another instance start over.
        self.instance = os.urandom(6).hex()

    def __len__(self) -> int:
        return len(self._entries)

    def record(self, trace: Trace, status: int, sent: int, duration_ms: float, headers: Headers,
               listener: str) -> Entry | None:
        if self.limit <= 0:
            return None
        _drop_streams(trace)
        entry = Entry(next(self._seq), time.time(), trace, status, sent, duration_ms, headers, listener)
        self._entries[entry.id] = entry
        if len(self._entries) > self.limit:
            self._entries.popitem(last=False)
        for queue in self._subscribers:
            if queue.qsize() < _QUEUE:
                queue.put_nowait(entry)
        return entry

    def resize(self, limit: int) -> None:
        """A reload changed emulator.history: keep the newest `limit` entries."""
        self.limit = limit
        while len(self._entries) > max(limit, 0):
            self._entries.popitem(last=False)

    def get(self, request_id: str) -> Entry | None:
        """An entry by its request id (X-Amz-Cf-Id), or 'last'."""
        if request_id == "last":
            return next(reversed(self._entries.values()), None)
        return self._entries.get(request_id)

    def entries(self, after: int = 0) -> list[Entry]:
        """Oldest first; only those with seq > after."""
        return [e for e in self._entries.values() if e.seq > after]

    def subscribe(self) -> asyncio.Queue[Entry | None]:
        """A queue that receives every new entry; None means the history is closing."""
        queue: asyncio.Queue[Entry | None] = asyncio.Queue()
        self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Entry | None]) -> None:
        self._subscribers.discard(queue)

    def close(self) -> None:
        """End every subscriber's stream (the admin server is stopping)."""
        for queue in self._subscribers:
            queue.put_nowait(None)
