"""Functions run on the edge's own thread, where that is provably safe: no process round trip per request.

A worker process (worker.py) exists because QuickJS checks its time limit only between bytecode
instructions: its regular-expression engine, and its other built-ins written in C, run to their end, so
`/^(a+)+$/` on a long input cannot be stopped inside the process that runs it. Of those, the regexp engine
is the one hostile input reaches through ordinary code (the request's own bytes against a pattern); the
other built-ins take time in proportion to their input, which a request bounds (8 KB of URL, 20 KB of
headers), and only code that builds huge inputs itself (a search of a million-character string, an
array-like of length 1e9) keeps them busy for long.

So a function whose one frozen context may serve every call (reuse.py: isolation by freezing) gets a second
frozen context here, in the edge's process, with every entry into the regexp engine replaced by a trap
(core.js `trapRegex`). An invocation that ends cleanly on it is the answer, exactly as on a worker's frozen
context. One that does not (an exception, a write to frozen state, a trapped regex) left nothing behind
(everything it could reach is frozen) and is run again by the worker, whose answer is the edge's. A
function that reaches a regex, or runs past the CPU-time stop (measured on this thread's clock after the
call), stays on the workers from then on, as does one that failed GIVE_UP_AFTER times. So the edge's thread
pays at most one overrun per function: the CPU-time stop (50 ms) for interpreted code, or, for a C built-in
the interrupt cannot reach, as long as that one call takes (README "CloudFront Functions" says so).

Contexts are built off the request path: `schedule` queues one build per loop turn (~7 ms each), and
until a function's context exists its calls go to the workers, so no request waits for a build.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import quickjs

from .event import ViewerRequestInput, build_event, header_pairs, request_args
from .execute import result_of
from .result import FunctionResult, Outcome, ValidationError, interpret, invalid, kept_request
from .runtime import INLINE_REGEX, CompiledFunction, FailureKind, FrozenContexts, RawRun, frozen_context, invoke

GIVE_UP_AFTER = FrozenContexts.GIVE_UP_AFTER


class InlineFunctions:
    """The edge process's frozen contexts, one per eligible function, used on the event loop's thread."""

    def __init__(self, hard_limit_s: float, budget_us: int) -> None:
        self._hard_limit_s = hard_limit_s
        self._budget_us = budget_us
        self._contexts: dict[CompiledFunction, quickjs.Context] = {}
        self._failures: dict[CompiledFunction, int] = {}
        self._queued: dict[CompiledFunction, None] = {}  # in order; built one per loop turn
        self._loop: asyncio.AbstractEventLoop | None = None
        self.served = 0  # invocations answered here (tests and benchmarks read it)
        self._retired: set[CompiledFunction] = set()  # functions of replaced configurations (retain)

    @staticmethod
    def eligible(fn: CompiledFunction) -> bool:
        # Promise jobs (2.0 async handlers, KeyValueStore reads) need the host's drain loop: workers only.
        return fn.reuse.reusable and not fn.reuse.may_queue_jobs and fn.source.kvs is None

    def usable(self, fn: CompiledFunction) -> bool:
        return self.eligible(fn) and self._failures.get(fn, 0) < GIVE_UP_AFTER

    def schedule(self, fn: CompiledFunction, loop: asyncio.AbstractEventLoop) -> None:
        """Build `fn`'s inline context on a later loop turn (never inside a request)."""
        if self.usable(fn) and fn not in self._contexts and fn not in self._queued and fn not in self._retired:
            self._queued[fn] = None
            if len(self._queued) == 1:  # else the chain below is already running
                self._loop = loop
                loop.call_soon(self._build_next)

    def _build_next(self) -> None:
        # One build (~7 ms) per loop turn, so requests are served between them: call_soon callbacks queued
        # together would all run in the same turn, a stall of that times the number of functions.
        if not self._queued:
            return
        self.build(next(iter(self._queued)))
        if self._queued and self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon(self._build_next)

    def build(self, fn: CompiledFunction) -> None:
        """Build `fn`'s inline context now (the loop does it for `schedule`; tests call it directly)."""
        self._queued.pop(fn, None)
        if fn in self._contexts or not self.usable(fn):
            return
        try:
            ctx = frozen_context(fn, inline=True)
        except (quickjs.JSException, quickjs.StackOverflow):
            ctx = None  # it built in the worker at load; whatever differs here, the workers keep the function
        if ctx is None:
            self._failures[fn] = GIVE_UP_AFTER
        else:
            self._contexts[fn] = ctx

    def retain(self, fns: set[CompiledFunction]) -> None:
        """Drop the contexts (and queued builds) of every function not in `fns`; those are not built again (a
        request of a retiring configuration still running one goes to a worker)."""
        for table in (self._contexts, self._queued, self._failures):
            for fn in [f for f in table if f not in fns]:
                del table[fn]
                self._retired.add(fn)
        self._retired -= fns

    def clear(self) -> None:
        self._contexts.clear()
        self._queued.clear()

    def run(self, fn: CompiledFunction, event: dict[str, Any], raw_query: str | None, edge: dict[str, str],
            now_ms: int) -> FunctionResult | None:
        """The result of a clean run, or None: the caller runs `fn` on a worker (it may schedule the build)."""
        ctx = self._contexts.get(fn)
        if ctx is None:
            return None
        payload = json.dumps({"now": now_ms, "event": event, "rawQuery": raw_query, "edge": edge})
        raw = self._invoke(fn, ctx, payload)
        return None if raw is None else result_of(fn, raw, event, raw_query, self._budget_us)

    def run_request(self, fn: CompiledFunction, inp: ViewerRequestInput, now_ms: int) -> FunctionResult | None:
        """run() for a viewer-request, handed over without JSON (core.js `__cf_invoke_request`): the headers,
        cookies and query string the handler returns unchanged are neither sent back nor compared again here."""
        ctx = self._contexts.get(fn)
        if ctx is None:
            return None
        headers, cookies = header_pairs(inp.headers, "cookie")
        args = request_args(inp, now_ms, headers, cookies)
        if args is None:
            return self.run(fn, build_event(inp), inp.raw_query, inp.edge_location.as_js(), now_ms)
        raw = self._invoke(fn, ctx, args)
        if raw is None:
            return None

        def outcome(value_type: str, value: Any) -> Outcome:
            if len(raw.same) == 3 and isinstance(value, dict):  # core.js reports `same` only for a request object
                try:
                    return kept_request(value, inp.method, inp.raw_query, headers, cookies)
                except ValidationError as exc:
                    return invalid(exc)
            event = build_event(inp)  # something changed: validated in full against the event it was given
            if isinstance(value, dict):
                value.update((section, event["request"][section]) for section in raw.same)
            return interpret(value_type, value, event, inp.raw_query)

        return result_of(fn, raw, None, inp.raw_query, self._budget_us, outcome)

    def _invoke(self, fn: CompiledFunction, ctx: quickjs.Context, payload: str | list[Any]) -> RawRun | None:
        raw = invoke(ctx, fn, payload, self._hard_limit_s)
        if raw.cpu_us > self._hard_limit_s * 1e6:
            # Past the CPU stop on this thread's own clock: a loop the interrupt ended, or a built-in written in C
            # that the interrupt cannot reach (a search over a huge string or array-like) and that ran to its
            # end. Either way not on this thread again; the worker, whose watchdog stops anything, answers.
            self._give_up(fn)
            return None
        if raw.failure is FailureKind.COMPUTE_BUDGET_EXCEEDED:
            return None  # the binding's stop counts the whole process's CPU (other threads too): a worker judges
        if raw.status != "done":
            if INLINE_REGEX in raw.error:
                self._give_up(fn)
            else:
                self._failures[fn] = self._failures.get(fn, 0) + 1
                if self._failures[fn] >= GIVE_UP_AFTER:
                    self._give_up(fn)
            return None
        self.served += 1
        return raw

    def _give_up(self, fn: CompiledFunction) -> None:
        self._failures[fn] = GIVE_UP_AFTER
        self._contexts.pop(fn, None)

    def runs_inline(self, fn: CompiledFunction) -> bool:
        """Whether the next call of `fn` runs here (tests ask)."""
        return fn in self._contexts
