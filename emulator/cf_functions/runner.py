"""Run functions in worker processes, each invocation in a fresh context, with CloudFront's limits.

Why processes (measured, README.md "CloudFront Functions"): the quickjs binding's CPU-time stop interrupts
the interpreter but not its regular-expression engine, so `/^(a+)+$/.test("aaaa…!")` never returns, and a
thread that never returns can neither be stopped nor reused. Each worker is a small process (worker.py)
that owns its QuickJS contexts and runs one invocation at a time. Its own watchdog thread ends it once an
invocation has used twice the CPU-time stop; the runner kills one that answers nothing for `wall_cap_s`.
Either way the request gets the compute-budget failure (503 at the edge) and a fresh worker takes the
place of the old one. Shutdown kills the workers; it never waits for one.

The runner's interface is the async methods below; what happens in a worker is execute.Executor.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any

from .event import ViewerRequestInput, ViewerResponseInput, build_event, is_disallowed
from .execute import DEFAULT_BUDGET_US, Invocation, compute_utilization, function_to_wire
from .frames import EXIT_OVERRUN, encode_frame, split_frames, write_all
from .inline import InlineFunctions
from .result import ContinueRequest, ContinueResponse, Failed, FunctionResult
from .runtime import DEFAULT_HARD_LIMIT_S, CompiledFunction, FailureKind

__all__ = ["DEFAULT_BUDGET_US", "FunctionRunner", "WorkerBug", "compute_utilization"]

COMPUTE_MESSAGE = "The function exceeded its compute budget (execution timed out)"
DEFAULT_WALL_CAP_S = 10.0  # a worker that answers nothing for this long is stopped even if it uses no CPU
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # so `-m emulator...` works without an install


class WorkerBug(RuntimeError):
    """A worker raised an exception of ours (not the function's): a bug, reported with its traceback."""


class _WorkerGone(Exception):
    def __init__(self, message: str, killed: bool) -> None:
        super().__init__(message)
        self.killed = killed  # by a watchdog (compute budget), not a crash


class _Worker:
    """One worker process and the single reply it may owe."""

    def __init__(self, loop: asyncio.AbstractEventLoop, settings: list[str]) -> None:
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        env = dict(
            os.environ, PYTHONPATH=os.pathsep.join(p for p in (_PACKAGE_ROOT, os.environ.get("PYTHONPATH")) if p)
        )
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "emulator.cf_functions.worker", str(to_child_r), str(from_child_w), *settings],
                stdin=subprocess.DEVNULL,
                pass_fds=(to_child_r, from_child_w),
                env=env,
            )
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        os.set_blocking(self.from_child, False)
        self.loop = loop
        self.known: set[int] = set()  # function tokens this process has been sent
        self.buffer = bytearray()
        self.killed = False
        self.reply: asyncio.Future[tuple[str, Any]] = loop.create_future()
        loop.add_reader(self.from_child, self._readable)

    def send(self, message: tuple[Any, ...]) -> asyncio.Future[tuple[str, Any]]:
        self.reply = self.loop.create_future()
        try:
            write_all(self.to_child, encode_frame(message))
        except OSError:
            self._gone()  # it died between two requests: its EOF is (or will be) on the other pipe
            return self.reply
        self.loop.add_reader(self.from_child, self._readable)
        return self.reply

    def _readable(self) -> None:
        try:
            chunk = os.read(self.from_child, 1 << 16)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._gone()
            return
        self.buffer += chunk
        for kind, value in split_frames(self.buffer):
            self.loop.remove_reader(self.from_child)
            if not self.reply.done():
                self.reply.set_result((kind, value))

    def _gone(self) -> None:
        self.stop()
        if not self.reply.done():
            overrun = self.killed or self.proc.returncode == EXIT_OVERRUN
            why = "it ran past its limits" if overrun else f"it exited with status {self.proc.returncode}"
            self.reply.set_exception(_WorkerGone(f"the function's worker process ended ({why})", overrun))

    def kill(self) -> None:
        self.killed = True
        self._gone()

    def stop(self) -> None:
        """Kill the process and release everything; never waits on a running invocation."""
        if self.to_child < 0:
            return
        if not self.loop.is_closed():
            self.loop.remove_reader(self.from_child)
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()  # a killed process is reaped at once
        os.close(self.to_child)
        os.close(self.from_child)
        self.to_child = self.from_child = -1


class FunctionRunner:
    """Async front of the worker processes. Use `async with FunctionRunner() as runner:` or call close()."""

    def __init__(
        self,
        *,
        workers: int = 2,
        pool_size: int = 1,
        hard_limit_s: float = DEFAULT_HARD_LIMIT_S,
        budget_us: int = DEFAULT_BUDGET_US,
        clock_ms: Any = None,
        wall_cap_s: float = DEFAULT_WALL_CAP_S,
        inline: bool = True,
    ) -> None:
        self._size = workers
        self._settings = [repr(hard_limit_s), str(budget_us), str(pool_size)]
        self._hard_limit_s = hard_limit_s
        self._wall_cap_s = wall_cap_s
        self._clock_ms = clock_ms or (lambda: int(time.time() * 1000))
        self._loop: asyncio.AbstractEventLoop | None = None
        self._workers: list[_Worker] = []
        self._idle: list[_Worker] = []
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._tokens: dict[CompiledFunction, int] = {}
        self._next_token = itertools.count(1)
        self._warm: list[CompiledFunction] = []
        self._broken: str | None = None  # a worker that cannot even start: every invocation fails with this
        self.replaced = 0  # workers stopped by the watchdog or lost, and started anew
        # Functions that provably need no worker run on this thread (inline.py); off: every call goes to one.
        self.inline = InlineFunctions(hard_limit_s, budget_us) if inline else None

    async def __aenter__(self) -> FunctionRunner:
        self._start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Kill every worker: a running invocation is abandoned and answered with a 503's failure."""
        self._broken = "the function runner was closed (the edge is shutting down)"
        if self.inline is not None:
            self.inline.clear()
        workers, self._workers = self._workers, []
        self._idle.clear()
        for worker in workers:
            worker.stop()
        for worker in workers:
            if not worker.reply.done():
                worker.reply.set_exception(_WorkerGone(self._broken, killed=False))
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)

    @property
    def pids(self) -> list[int]:
        """Process ids of the live workers (health checks and tests look at them)."""
        return [w.proc.pid for w in self._workers]

    def warm(self, fn: CompiledFunction) -> None:
        """Build the first contexts of a function in every worker (call after config load, in the loop)."""
        self._warm.append(fn)
        self._start()
        if self.inline is not None and self._loop is not None:
            self.inline.schedule(fn, self._loop)
        for worker in list(self._idle):
            self._idle.remove(worker)
            self._release(worker)

    def retain(self, fns: list[CompiledFunction]) -> None:
        """Keep warming only `fns` (a reloaded configuration's functions; the others may still run, from requests of
        the configuration being retired, but their contexts are no longer prebuilt or kept on this thread)."""
        keep = set(fns)
        self._warm = [fn for fn in self._warm if fn in keep]
        if self.inline is not None:
            self.inline.retain(keep)

    async def run_viewer_request(self, fn: CompiledFunction, inp: ViewerRequestInput) -> FunctionResult:
        self._start()
        if self.inline is not None and self._loop is not None and self._broken is None:
            result = self.inline.run_request(fn, inp, self._clock_ms())
            if result is not None:
                return _with_hidden_headers(result, inp.headers, "cookie")
            self.inline.schedule(fn, self._loop)
        event = build_event(inp)
        result = await self._on_worker(fn, event, inp.raw_query, inp.edge_location.as_js())
        return _with_hidden_headers(result, inp.headers, "cookie")

    async def run_viewer_response(
        self, fn: CompiledFunction, req: ViewerRequestInput, resp: ViewerResponseInput
    ) -> FunctionResult:
        event = build_event(req, resp)
        result = await self.run_event(fn, event, req.raw_query, edge={})
        return _with_hidden_headers(result, resp.headers, "set-cookie")

    async def run_event(
        self, fn: CompiledFunction, event: dict[str, Any], raw_query: str | None, *, edge: dict[str, str] | None = None
    ) -> FunctionResult:
        """Run with a ready event object (test-function passes the user's test event here)."""
        self._start()
        if self.inline is not None and self._loop is not None and self._broken is None:
            result = self.inline.run(fn, event, raw_query, edge or {}, self._clock_ms())
            if result is not None:
                return result
            self.inline.schedule(fn, self._loop)  # no-op once built, or once the function is off inline
        return await self._on_worker(fn, event, raw_query, edge or {})

    async def _on_worker(
        self, fn: CompiledFunction, event: dict[str, Any], raw_query: str | None, edge: dict[str, str]
    ) -> FunctionResult:
        started = time.perf_counter_ns()
        worker = await self._acquire()
        if worker is None:
            return FunctionResult(Failed(FailureKind.RUNTIME_ERROR, self._broken or "no function worker"), (), 0, 100)
        token = self._token(fn)
        invocation = Invocation(token, event, raw_query, edge, self._clock_ms())
        reply = self._exchange(worker, ("run", invocation, self._definitions(worker, [fn])))
        try:
            # Shielded: a viewer that goes away leaves the invocation to finish (or be stopped) on its own.
            kind, value = await asyncio.shield(reply)
        except _WorkerGone as gone:
            elapsed = (time.perf_counter_ns() - started) // 1000
            if gone.killed:
                return FunctionResult(Failed(FailureKind.COMPUTE_BUDGET_EXCEEDED, COMPUTE_MESSAGE), (), elapsed, 100)
            return FunctionResult(Failed(FailureKind.RUNTIME_ERROR, str(gone)), (), elapsed, 100)
        if kind == "bug":
            raise WorkerBug(value)
        assert isinstance(value, FunctionResult)
        return value

    # Workers: spawned on first use (they need the running loop), one invocation at a time each.
    def _start(self) -> None:
        if self._broken is not None:
            return
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
        while len(self._workers) < self._size:
            self._spawn()

    def _spawn(self) -> None:
        assert self._loop is not None
        worker = _Worker(self._loop, self._settings)
        self._workers.append(worker)
        worker.reply.add_done_callback(lambda f: self._started(worker, f))
        self._watch(worker, startup=True)

    def _started(self, worker: _Worker, reply: asyncio.Future[tuple[str, Any]]) -> None:
        if worker not in self._workers:
            reply.exception()  # closed meanwhile
            return
        if reply.exception() is not None:
            self._workers.remove(worker)
            self._broken = f"the function worker process could not start: {reply.exception()}"
            while self._waiters:
                waiter = self._waiters.popleft()
                if not waiter.done():
                    waiter.set_result(None)
            return
        self._release(worker)

    def _release(self, worker: _Worker) -> None:
        """A worker is free: first the warm-up it has not had yet, then whoever waits longest."""
        missing = [fn for fn in self._warm if self._token(fn) not in worker.known]
        if missing:
            self._exchange(worker, ("warm", [self._token(fn) for fn in missing], self._definitions(worker, missing)))
            return
        self._idle.append(worker)
        self._wake()

    def _wake(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    async def _acquire(self) -> _Worker | None:
        while not self._idle:
            if self._broken is not None:
                return None
            assert self._loop is not None
            waiter = self._loop.create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    self._wake()  # it was this one's turn: pass it on
                raise
        return self._idle.pop()

    def _token(self, fn: CompiledFunction) -> int:
        token = self._tokens.get(fn)
        if token is None:
            token = self._tokens[fn] = next(self._next_token)
        return token

    def _definitions(self, worker: _Worker, fns: list[CompiledFunction]) -> list[tuple[int, Any]]:
        defs = []
        for fn in fns:
            token = self._token(fn)
            if token not in worker.known:
                worker.known.add(token)
                defs.append((token, function_to_wire(fn)))
        return defs

    def _exchange(self, worker: _Worker, message: tuple[Any, ...]) -> asyncio.Future[tuple[str, Any]]:
        reply = worker.send(message)
        self._watch(worker)
        reply.add_done_callback(lambda f: self._finished(worker, f))
        return reply

    def _finished(self, worker: _Worker, reply: asyncio.Future[tuple[str, Any]]) -> None:
        if worker not in self._workers:
            reply.exception()  # closed: nobody else may look at it
            return
        if reply.exception() is None:
            self._release(worker)
            return
        self._workers.remove(worker)
        self.replaced += 1
        if self._broken is None:
            self._spawn()

    def _watch(self, worker: _Worker, *, startup: bool = False) -> None:
        """The worker stops its own overruns (worker.py); this only ends one that answers nothing at all."""
        assert self._loop is not None
        cap = max(self._wall_cap_s, 30.0) if startup else self._wall_cap_s  # Python starts slowly on a busy host
        handle = self._loop.call_later(cap, worker.kill)
        worker.reply.add_done_callback(lambda _: handle.cancel())


def _with_hidden_headers(result: FunctionResult, original: tuple[tuple[str, str], ...], cookie: str) -> FunctionResult:
    """Headers the function could not see go on unchanged (it can neither read nor touch them)."""
    hidden = tuple((n, v) for n, v in original if is_disallowed(n) and n.lower() != cookie)
    outcome = result.outcome
    if not hidden or isinstance(outcome, Failed):
        return result
    if isinstance(outcome, ContinueRequest):
        outcome = ContinueRequest(outcome.uri, outcome.raw_query, outcome.headers + hidden, outcome.origin_change)
    elif isinstance(outcome, ContinueResponse):
        outcome = ContinueResponse(outcome.status, outcome.description, outcome.headers + hidden, outcome.body)
    else:
        return result
    return FunctionResult(outcome, result.logs, result.duration_us, result.compute_utilization, result.output_json)
