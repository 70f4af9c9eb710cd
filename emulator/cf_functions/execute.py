"""One process's function engine: pooled contexts, one invocation, its result validated.

This is what a worker process (worker.py) runs; it knows nothing about processes or the event loop. The
runner (runner.py) sends it a function definition once and then events, and gets `FunctionResult`s back.
A function whose state provably cannot outlive a call runs on one deep-frozen context reused call after
call (reuse.py); every other invocation gets a context of its own that is never reused, the next one built
right after the reply, off the request path.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import quickjs

from .kvs import KeyValueStore
from .origin import OriginCallError, parse_origin_call
from .result import ContinueRequest, Failed, FunctionResult, Outcome, interpret
from .reuse import ReusePlan
from .runtime import (
    RUNTIME_2,
    CompiledFunction,
    FailureKind,
    FrozenContexts,
    FunctionSource,
    RawRun,
    invoke,
    new_context,
)

# Calibration of ComputeUtilization (README.md): CPU microseconds on this host that we count as 100%
# of CloudFront's (unpublished) per-invocation budget.
DEFAULT_BUDGET_US = 1000
MAX_POOLED_FUNCTIONS = 64  # prebuilt contexts are kept for the functions used most recently (reloads add more)


def compute_utilization(cpu_us: int, budget_us: int = DEFAULT_BUDGET_US) -> int:
    return max(1, min(100, math.ceil(cpu_us * 100 / budget_us)))


@dataclass(frozen=True, slots=True)
class Invocation:
    """One event to run: what crosses the process boundary for each request (plain, picklable values)."""

    token: int  # which function (the runner numbers the functions it has sent)
    event: dict[str, Any]
    raw_query: str | None
    edge: dict[str, str]
    now_ms: int


def function_to_wire(fn: CompiledFunction) -> tuple[Any, ...]:
    """A compiled function as plain values (a KeyValueStore's read-only mapping does not pickle)."""
    src = fn.source
    kvs = None if src.kvs is None else (src.kvs.name, src.kvs.id, dict(src.kvs.items), src.kvs.created, src.kvs.updated)
    plan = fn.reuse
    reuse = (plan.reusable, plan.why, plan.lexical, plan.may_queue_jobs)
    return (src.name, src.runtime, src.code, src.path, kvs, fn.script, fn.memory_limit, fn.preload, reuse)


def function_from_wire(wire: tuple[Any, ...]) -> CompiledFunction:
    name, runtime, code, path, kvs, script, memory_limit, preload, reuse = wire
    store = None
    if kvs is not None:
        kname, kid, items, created, updated = kvs
        store = KeyValueStore(kname, kid, MappingProxyType(items), created, updated)
    reusable, why, lexical, jobs = reuse
    return CompiledFunction(FunctionSource(name, runtime, code, path, store), script, memory_limit, tuple(preload),
                            ReusePlan(reusable, why, tuple(lexical), jobs))


class Executor:
    """Contexts and invocations for the functions one worker process has been sent."""

    def __init__(self, hard_limit_s: float, budget_us: int, pool_size: int) -> None:
        self.hard_limit_s = hard_limit_s
        self.budget_us = budget_us
        self.pool_size = pool_size
        self.functions: dict[int, CompiledFunction] = {}
        self.pools: OrderedDict[int, deque[quickjs.Context]] = OrderedDict()
        self.frozen = FrozenContexts()  # functions whose one context may serve every call (reuse.py)
        # (begin(limit_s), end(), invocation limit, context-build limit): a worker's watchdog (worker.py)
        self.guard: tuple[Callable[[float], None], Callable[[], None], float, float] = (
            lambda _: None,
            lambda: None,
            0.0,
            0.0,
        )

    def _build(self, fn: CompiledFunction) -> quickjs.Context:
        begin, end, _, limit = self.guard
        begin(limit)
        try:
            return new_context(fn)
        finally:
            end()

    def define(self, token: int, fn: CompiledFunction) -> None:
        self.functions[token] = fn

    def _prepare_frozen(self, fn: CompiledFunction) -> None:
        begin, end, _, limit = self.guard
        begin(limit)
        try:
            self.frozen.prepare(fn)
        finally:
            end()

    def refill(self, token: int) -> None:
        fn = self.functions[token]
        if self.frozen.usable(fn):
            self._prepare_frozen(fn)
            return
        if not self.pool_size:
            return
        pool = self.pools.setdefault(token, deque())
        self.pools.move_to_end(token)
        while len(pool) < self.pool_size:
            pool.append(self._build(self.functions[token]))
        while len(self.pools) > MAX_POOLED_FUNCTIONS:
            self.pools.popitem(last=False)

    def run(self, inv: Invocation) -> FunctionResult:
        fn = self.functions[inv.token]
        payload = json.dumps({"now": inv.now_ms, "event": inv.event, "rawQuery": inv.raw_query, "edge": inv.edge})
        begin, end, limit, _ = self.guard
        if self.frozen.usable(fn):
            self._prepare_frozen(fn)
            begin(limit)
            try:
                frozen = self.frozen.invoke(fn, payload, self.hard_limit_s)
            finally:
                end()
            if frozen is not None:  # else it did not end cleanly: the fresh context below gives the answer
                return result_of(fn, frozen, inv.event, inv.raw_query, self.budget_us)
        pool = self.pools.get(inv.token)
        ctx = pool.popleft() if pool else self._build(fn)
        begin(limit)
        try:
            raw = invoke(ctx, fn, payload, self.hard_limit_s)
        finally:
            end()
        del ctx  # never reused: the next request must not see this one's globals
        return result_of(fn, raw, inv.event, inv.raw_query, self.budget_us)


def result_of(
    fn: CompiledFunction, raw: RawRun, event: dict[str, Any] | None, raw_query: str | None, budget_us: int,
    outcome_of: Callable[[str, Any], Outcome] | None = None,
) -> FunctionResult:
    """Validate what the handler returned (result.py) and attach logs, timing and utilization.

    outcome_of: validates the returned value in place of interpret(..., event, ...) (inline.py's viewer-request
    runs, whose value leaves out what the handler did not change); then `event` is not needed."""
    utilization = (
        100 if raw.failure is FailureKind.COMPUTE_BUDGET_EXCEEDED else compute_utilization(raw.cpu_us, budget_us)
    )

    def done(outcome: Any) -> FunctionResult:
        return FunctionResult(outcome, raw.logs, raw.wall_us, utilization, raw.value_json)

    if raw.status == "failed" and raw.failure is not None:
        return done(Failed(raw.failure, raw.error))
    if raw.status in ("error", "invalid"):
        kind = FailureKind.RUNTIME_ERROR if raw.status == "error" else FailureKind.VALIDATION_ERROR
        return done(Failed(kind, raw.error))
    if raw.short_uri is not None:
        value: Any = {"uri": raw.short_uri}
    else:
        value = json.loads(raw.value_json) if raw.value_json is not None else None
    if outcome_of is not None:
        outcome = outcome_of(raw.value_type, value)
    else:
        assert event is not None
        outcome = interpret(raw.value_type, value, event, raw_query)
    if isinstance(outcome, ContinueRequest) and raw.origin_call is not None and fn.runtime == RUNTIME_2:
        try:
            change = parse_origin_call(raw.origin_call)
        except OriginCallError as exc:
            return done(Failed(FailureKind.VALIDATION_ERROR, f"cf.{raw.origin_call['helper']}(): {exc}"))
        outcome = ContinueRequest(outcome.uri, outcome.raw_query, outcome.headers, change)
    return done(outcome)
