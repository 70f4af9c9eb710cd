"""The serving process's log lines to stderr, written in batches.

An access-log line per request was a write system call per request (stderr is line-buffered): measured with
benchmarks/compare.py, the access log cost 8-13 % of the plain path's CPU. Lines now leave at most DELAY_S
after they were logged, together; a warning or an error leaves at once (with whatever waited before it), as
does everything logged outside the event loop's thread, and whatever is pending at exit.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TextIO

DELAY_S = 0.05  # imperceptible in a terminal, and a few hundred lines per write under load


class BatchedStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self._pending: list[str] = []
        self._timer: asyncio.TimerHandle | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._pending.append(self.format(record) + self.terminator)
        except Exception:  # what logging itself does with a record it cannot format
            self.handleError(record)
            return
        if record.levelno >= logging.WARNING:
            self._write()
            return
        if self._timer is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # not on the loop's thread (start-up, a reload's loader thread): at once
                self._write()
                return
            self._timer = loop.call_later(DELAY_S, self._flush_later)

    def _flush_later(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            self._write()

    def _write(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._pending:
            text, self._pending = "".join(self._pending), []
            self.stream.write(text)
            self.stream.flush()

    def flush(self) -> None:  # logging calls this at exit (logging.shutdown)
        with self.lock:  # type: ignore[union-attr]
            self._write()
