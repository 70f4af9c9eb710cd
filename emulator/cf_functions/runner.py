"""Run functions off the event loop, each invocation in a fresh context, with CloudFront's limits.

Each worker is one thread that owns its QuickJS contexts (QuickJS contexts must stay on the thread
that made them). After every invocation the worker builds the next context for that function, so
the request path only pays for the handler call. QuickJS releases the GIL while it runs, so a busy
function never stalls the event loop; a looping one is interrupted by the CPU-time stop and reported
as a compute budget failure, while other requests go to the other workers.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import quickjs

from .event import ViewerRequestInput, ViewerResponseInput, build_event, is_disallowed
from .origin import OriginCallError, parse_origin_call
from .result import ContinueRequest, ContinueResponse, Failed, FunctionResult, interpret
from .runtime import DEFAULT_HARD_LIMIT_S, RUNTIME_2, CompiledFunction, FailureKind, RawRun, invoke, new_context

# Calibration of ComputeUtilization (README.md): CPU microseconds on this host that we count as 100%
# of CloudFront's (unpublished) per-invocation budget.
DEFAULT_BUDGET_US = 1000


def compute_utilization(cpu_us: int, budget_us: int = DEFAULT_BUDGET_US) -> int:
    return max(1, min(100, math.ceil(cpu_us * 100 / budget_us)))


class _Worker:
    def __init__(self, index: int, pool_size: int, hard_limit_s: float) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"cf-functions-{index}")
        self.pools: dict[CompiledFunction, deque[quickjs.Context]] = {}
        self.pool_size = pool_size
        self.hard_limit_s = hard_limit_s
        self.in_flight = 0

    # Everything below runs on the worker thread.
    def take(self, fn: CompiledFunction) -> quickjs.Context:
        pool = self.pools.get(fn)
        return pool.popleft() if pool else new_context(fn)

    def refill(self, fn: CompiledFunction) -> None:
        pool = self.pools.setdefault(fn, deque())
        while len(pool) < self.pool_size:
            pool.append(new_context(fn))

    def run(self, fn: CompiledFunction, payload: str, finish: Callable[[RawRun], FunctionResult]) -> FunctionResult:
        ctx = self.take(fn)
        try:
            # Validation happens here too, so the event loop only receives a finished result.
            return finish(invoke(ctx, fn, payload, self.hard_limit_s))
        finally:
            del ctx  # never reused: the next request must not see this one's globals
            if self.pool_size:
                self.executor.submit(self.refill, fn)


class FunctionRunner:
    """Async front of the worker threads. Use `async with FunctionRunner() as runner:` or call close()."""

    def __init__(
        self,
        *,
        workers: int = 2,
        pool_size: int = 1,
        hard_limit_s: float = DEFAULT_HARD_LIMIT_S,
        budget_us: int = DEFAULT_BUDGET_US,
        clock_ms: Any = None,
    ) -> None:
        self._workers = [_Worker(i, pool_size, hard_limit_s) for i in range(workers)]
        self._hard_limit_s = hard_limit_s
        self._budget_us = budget_us
        self._clock_ms = clock_ms or (lambda: int(time.time() * 1000))

    async def __aenter__(self) -> FunctionRunner:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.executor.shutdown(wait=True, cancel_futures=True)
            worker.pools.clear()

    def warm(self, fn: CompiledFunction) -> None:
        """Build the first contexts of a function on every worker (call after config load)."""
        for worker in self._workers:
            worker.executor.submit(worker.refill, fn)

    async def run_viewer_request(self, fn: CompiledFunction, inp: ViewerRequestInput) -> FunctionResult:
        event = build_event(inp)
        result = await self.run_event(fn, event, inp.raw_query, edge=inp.edge_location.as_js())
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
        payload = json.dumps({"now": self._clock_ms(), "event": event, "rawQuery": raw_query, "edge": edge or {}})
        worker = min(self._workers, key=lambda w: w.in_flight)
        worker.in_flight += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(
                worker.executor, worker.run, fn, payload, partial(self._result, fn, event=event, raw_query=raw_query)
            )
        finally:
            worker.in_flight -= 1

    def _result(
        self, fn: CompiledFunction, raw: RawRun, event: dict[str, Any], raw_query: str | None
    ) -> FunctionResult:
        utilization = (
            100
            if raw.failure is FailureKind.COMPUTE_BUDGET_EXCEEDED
            else compute_utilization(raw.cpu_us, self._budget_us)
        )

        def done(outcome: Any) -> FunctionResult:
            return FunctionResult(outcome, raw.logs, raw.wall_us, utilization, raw.value_json)

        if raw.status == "failed" and raw.failure is not None:
            return done(Failed(raw.failure, raw.error))
        if raw.status in ("error", "invalid"):
            kind = FailureKind.RUNTIME_ERROR if raw.status == "error" else FailureKind.VALIDATION_ERROR
            return done(Failed(kind, raw.error))
        value = json.loads(raw.value_json) if raw.value_json is not None else None
        outcome = interpret(raw.value_type, value, event, raw_query)
        if isinstance(outcome, ContinueRequest) and raw.origin_call is not None and fn.runtime == RUNTIME_2:
            try:
                change = parse_origin_call(raw.origin_call)
            except OriginCallError as exc:
                return done(Failed(FailureKind.VALIDATION_ERROR, f"cf.{raw.origin_call['helper']}(): {exc}"))
            outcome = ContinueRequest(outcome.uri, outcome.raw_query, outcome.headers, change)
        return done(outcome)


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
