"""The serving process's stderr log lines go out in batches (emulator/serve/log_stream.py), in order, with warnings
and errors at once and nothing lost at exit; the access log's lines skip the LogRecord only when the batched
handler is the one place they would go."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from emulator.serve.log_stream import BatchedStreamHandler, LineLogger, Lines
from emulator.serve.process import StatusColours


def logger_with(stream: io.StringIO) -> tuple[logging.Logger, BatchedStreamHandler]:
    handler = BatchedStreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log = logging.getLogger(f"test-log-stream-{id(stream)}")
    log.propagate = False
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    return log, handler


async def test_lines_on_the_loop_wait_for_the_batch_and_a_warning_takes_them_along() -> None:
    stream = io.StringIO()
    log, handler = logger_with(stream)
    log.info("GET /a 200")
    log.info("GET /b 200")
    assert stream.getvalue() == ""  # batched: no write (no system call) per line
    log.warning("origin slow")
    assert stream.getvalue() == "INFO GET /a 200\nINFO GET /b 200\nWARNING origin slow\n"
    log.info("GET /c 200")
    handler.flush()  # what logging.shutdown does at exit
    assert stream.getvalue().endswith("WARNING origin slow\nINFO GET /c 200\n")


def test_lines_logged_off_the_loop_go_out_at_once() -> None:
    stream = io.StringIO()
    log, _ = logger_with(stream)
    log.info("serving")
    assert stream.getvalue() == "INFO serving\n"


@contextmanager
def counting_records() -> Iterator[list[str]]:
    """The names of the loggers whose records were made while inside."""
    made: list[str] = []
    factory = logging.getLogRecordFactory()

    def counted(name: str, *args: object, **kwargs: object) -> logging.LogRecord:
        made.append(name)
        return factory(name, *args, **kwargs)  # type: ignore[arg-type]

    logging.setLogRecordFactory(counted)
    try:
        yield made
    finally:
        logging.setLogRecordFactory(factory)


def access_setup(name: str, formatter: Lines) -> tuple[io.StringIO, logging.Logger, BatchedStreamHandler]:
    """A 'frontyard'-like parent with the batched handler, as `frontyard serve` sets up the root logger."""
    stream = io.StringIO()
    parent = logging.getLogger(name)
    parent.propagate = False
    parent.setLevel(logging.INFO)
    parent.handlers.clear()
    handler = BatchedStreamHandler(stream)
    handler.setFormatter(formatter)
    parent.addHandler(handler)
    return stream, parent, handler


async def test_access_lines_reach_the_batched_handler_without_a_record_and_keep_their_order() -> None:
    stream, parent, handler = access_setup("test-lines-fast", StatusColours())
    lines = LineLogger("test-lines-fast.access")
    with counting_records() as made:
        lines.info('127.0.0.1 "GET /a HTTP/1.1" 200 10 1.0ms')
        parent.info("reloaded")
        lines.info('127.0.0.1 "GET /b HTTP/1.1" 502 10 1.0ms')
    assert made == ["test-lines-fast"]  # only the ordinary call made a record
    assert stream.getvalue() == ""  # on the loop: batched like any line
    handler.flush()
    assert stream.getvalue() == '127.0.0.1 "GET /a HTTP/1.1" 200 10 1.0ms\nreloaded\n' \
        '127.0.0.1 "GET /b HTTP/1.1" 502 10 1.0ms\n'  # not frontyard.access: no colour, same as logged


def test_access_lines_are_coloured_like_logged_ones() -> None:
    stream, parent, handler = access_setup("frontyard", StatusColours())
    try:
        LineLogger("frontyard.access").info('127.0.0.1 "GET /x HTTP/1.1" 404 10 1.0ms')
        logging.getLogger("frontyard.access").info('127.0.0.1 "GET /x HTTP/1.1" 404 10 1.0ms')
        handler.flush()
        fast, logged = stream.getvalue().splitlines()
        assert fast == logged and fast.startswith("\x1b[33m")
    finally:
        parent.handlers.clear()
        parent.propagate = True
        parent.setLevel(logging.NOTSET)


@pytest.mark.parametrize("other", ["caplog", "filter", "second handler", "level above info", "a format of its own"])
def test_anything_else_on_the_way_gets_the_ordinary_logging_call(other: str, caplog: pytest.LogCaptureFixture
                                                                ) -> None:
    stream, parent, handler = access_setup(f"test-lines-{other}", Lines())
    child = f"test-lines-{other}.access"
    if other == "caplog":
        parent.propagate = True  # to the root, where pytest's handler is
        caplog.set_level(logging.INFO, logger=child)
    elif other == "filter":
        logging.getLogger(child).addFilter(lambda record: "secret" not in record.getMessage())
    elif other == "second handler":
        parent.addHandler(logging.StreamHandler(second := io.StringIO()))
    elif other == "level above info":
        handler.setLevel(logging.WARNING)
    else:
        handler.setFormatter(Lines("%(levelname)s %(message)s"))
    with counting_records() as made:
        LineLogger(child).info("GET /secret 200")
    assert made == [child]  # the ordinary call: a record, which the filter, the level or the handlers take
    handler.flush()
    if other == "caplog":
        assert [r.getMessage() for r in caplog.records if r.name == child] == ["GET /secret 200"]
    if other == "filter" or other == "level above info":
        assert stream.getvalue() == ""  # the filter or the level decided, as for any record
    if other == "second handler":
        assert second.getvalue() == "GET /secret 200\n" and stream.getvalue() == "GET /secret 200\n"
    if other == "a format of its own":
        assert stream.getvalue() == "INFO GET /secret 200\n"
