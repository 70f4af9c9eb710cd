"""The serving process's stderr log lines go out in batches (emulator/log_stream.py), in order, with warnings
and errors at once and nothing lost at exit."""

from __future__ import annotations

import io
import logging

from emulator.log_stream import BatchedStreamHandler


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
