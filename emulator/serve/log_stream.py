"""The serving process's log lines to stderr, written in batches; the access log's lines without a LogRecord.

An access-log line per request was a write system call per request (stderr is line-buffered): measured with
benchmarks/compare.py, the access log cost 8-13 % of the plain path's CPU. Lines now leave at most DELAY_S
after they were logged, together; a warning or an error leaves at once (with whatever waited before it), as
does everything logged outside the event loop's thread, and whatever is pending at exit.

Then the `logging` call itself was most of what was left: ~15 µs of CPU per line in a loaded serving process (a
record, the filters, the handler's lock, the formatter, all cold between two requests). `LineLogger` hands a
line straight to the batched handler when that handler is the only place it would go; anything else (pytest's
caplog, a handler an embedding program added, a filter) gets the ordinary `logging` call.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TextIO

DELAY_S = 0.05  # imperceptible in a terminal, and a few hundred lines per write under load


class Lines(logging.Formatter):
    """The serving process's formatter: `decorate` is all it adds to a message, so a line given without a
    record (LineLogger) comes out exactly as the same line logged."""

    def format(self, record: logging.LogRecord) -> str:
        return self.decorate(super().format(record), record.name, record.levelno)

    def decorate(self, text: str, logger: str, level: int) -> str:
        return text

    @property
    def message_only(self) -> bool:
        """Whether a record comes out as its message (decorated): what a line without a record can match."""
        return self._style._fmt == "%(message)s"


class BatchedStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self._pending: list[str] = []
        self._timer: asyncio.TimerHandle | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # what logging itself does with a record it cannot format
            self.handleError(record)
            return
        self._queue(text, urgent=record.levelno >= logging.WARNING)

    def info_line(self, text: str, logger: str) -> None:
        """An INFO line of `logger` as emit() would write it, without a record (LineLogger checked the way)."""
        formatter = self.formatter
        assert isinstance(formatter, Lines)
        with self.lock:  # type: ignore[union-attr]
            self._queue(formatter.decorate(text, logger, logging.INFO), urgent=False)

    def _queue(self, text: str, urgent: bool) -> None:
        self._pending.append(text + self.terminator)
        if urgent:
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


class LineLogger:
    """A logger's INFO lines, straight to the batched handler when nothing else would see them."""

    def __init__(self, name: str) -> None:
        self.logger = logging.getLogger(name)

    def info(self, line: str) -> None:
        handler = self._sole_handler()
        if handler is None:
            self.logger.info(line)
        else:
            handler.info_line(line, self.logger.name)

    def _sole_handler(self) -> BatchedStreamHandler | None:
        """The one handler an INFO record of this logger would reach, when it is a BatchedStreamHandler with a
        Lines formatter and no filter is on the way; else None (the ordinary call decides)."""
        if not self.logger.isEnabledFor(logging.INFO):
            return None
        found = None
        current: logging.Logger | None = self.logger
        while current is not None:
            if current.filters:
                return None
            for handler in current.handlers:
                if found is not None or type(handler) is not BatchedStreamHandler or handler.filters or \
                        handler.level > logging.INFO or not isinstance(handler.formatter, Lines) or \
                        not handler.formatter.message_only:
                    return None
                found = handler
            current = current.parent if current.propagate else None
        return found
