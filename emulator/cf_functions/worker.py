"""A function worker process: `python -m emulator.cf_functions.worker READ_FD WRITE_FD HARD_LIMIT BUDGET POOL`.

Why a process: QuickJS's regular-expression engine never calls the interrupt handler, so a catastrophic
pattern (`/^(a+)+$/` on "aaaa…!") runs for hours past the compute stop, and a thread cannot be stopped.
A process can: the runner kills it when it overruns and starts a fresh one.

Protocol, over two pipes of its own (stdout stays free for stray prints): frames of a 4-byte big-endian
length and a pickle (both ends are this package). The runner sends ("run", Invocation, defs) or
("warm", tokens, defs), where defs are the (token, function) pairs this process has not been sent yet;
the worker answers every frame with (kind, value): ("ready", None) once at start, ("result",
FunctionResult), ("ok", None) or ("bug", traceback text). After answering it builds the next contexts,
off the request path.

The stop: a watchdog thread reads the main thread's CPU clock (QuickJS releases the GIL while it runs)
and ends the process with EXIT_OVERRUN once an invocation has used twice the CPU-time stop, or a context
build (the function's top-level code) twice its own limit; the runner reports the first as the compute
budget failure and starts a fresh worker.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
import traceback
from typing import Any

from .frames import EXIT_OVERRUN, encode_frame, split_frames, write_all

_SLICE_S = 0.01  # how often the watchdog looks while a phase runs


def _read_frame(fd: int, buffer: bytearray) -> Any:
    while True:
        frames = split_frames(buffer)
        if frames:
            return frames[0]
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return None
        buffer += chunk


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when the runner's process dies, even mid-regex."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # elsewhere an orphan still exits at its next read (EOF)


class _Watchdog(threading.Thread):
    """Ends the process when the main thread's current phase has used more CPU than its limit."""

    def __init__(self) -> None:
        super().__init__(name="cf-watchdog", daemon=True)
        self.clock = time.pthread_getcpuclockid(threading.main_thread().ident or 0)
        self.phase: tuple[float, float] | None = None  # (main thread CPU at start, limit); one atomic store
        self.active = threading.Event()

    def begin(self, limit_s: float) -> None:  # on the main thread
        self.phase = (time.thread_time(), limit_s)
        self.active.set()

    def end(self) -> None:
        self.phase = None
        self.active.clear()

    def run(self) -> None:
        while True:
            self.active.wait()
            phase = self.phase
            if phase is None:
                continue
            start, limit = phase
            # Short slices, each judging the phase it saw: one long sleep taken during a context build (its
            # limit is 10x an invocation's) let the invocation right after it overrun unseen.
            time.sleep(min(limit / 2, _SLICE_S))
            if self.phase is phase and time.clock_gettime(self.clock) - start > limit:
                os._exit(EXIT_OVERRUN)


def main(argv: list[str]) -> int:
    read_fd, write_fd = int(argv[0]), int(argv[1])
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the runner decides
    from .execute import Executor, function_from_wire  # after the signal setup: the imports take a while
    from .runtime import INIT_LIMIT_S

    hard_limit_s = float(argv[2])
    watchdog = _Watchdog()
    watchdog.start()
    executor = Executor(hard_limit_s, int(argv[3]), int(argv[4]))
    executor.guard = (watchdog.begin, watchdog.end, 2 * hard_limit_s, 2 * INIT_LIMIT_S)
    buffer = bytearray()
    write_all(write_fd, encode_frame(("ready", None)))
    while (message := _read_frame(read_fd, buffer)) is not None:
        kind, body, defs = message
        tokens: list[int] = []
        try:
            for token, wire in defs:
                executor.define(token, function_from_wire(wire))
            if kind == "run":
                reply: tuple[str, Any] = ("result", executor.run(body))
                tokens = [body.token]
            else:
                reply, tokens = ("ok", None), list(body)
        except Exception:  # a bug of ours: the runner raises it, with this traceback
            reply = ("bug", traceback.format_exc())
        write_all(write_fd, encode_frame(reply))
        for token in tokens:
            try:
                executor.refill(token)
            except Exception:
                executor.pools.pop(token, None)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the runner closed (a reload or shutdown) before this worker's reply: nothing to say
        sys.exit(0)
