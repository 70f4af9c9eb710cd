"""QuickJS host: compile a function once at load, make isolated contexts for it, run one invocation.

Isolation scheme (measured in benchmarks/functions_overhead.py, see README.md): a function whose state
provably cannot outlive an invocation runs on one deep-frozen context per worker, reused call
after call (reuse.py says when and why that isolates; `FrozenContexts`). Every other function gets a
context of its own per invocation that is never reused, built ahead of time off the request path.
Either way a global mutated by one request is never seen by the next, as at the edge.

Everything here is synchronous and must run on the thread that created the context: QuickJS records
the creating thread's stack for its overflow checks. The runner (runner.py) owns those threads.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

import quickjs

from .errors import FunctionLoadError, Problem
from .gating import RUNTIME_2, gate
from .kvs import KeyValueStore
from .report import ALL_SECTIONS, UNREADABLE, UnreadableReport, read_report
from .reuse import NOT_PLANNED, ReusePlan, plan_reuse

MAX_CODE_BYTES = 10 * 1024  # CloudFront's function code size limit (not adjustable)
FUNCTION_MEMORY_BYTES = 2 * 1024 * 1024  # the edge's per-function memory
MAX_STACK_BYTES = 256 * 1024
# Hard stop for one invocation, in seconds of *process* CPU time (that is what the quickjs binding's
# interrupt handler counts). CloudFront's budget is far smaller (see limits.py); this only has to end
# runaway code quickly while never firing on a function that merely had a slow moment on a busy host.
DEFAULT_HARD_LIMIT_S = 0.05
INIT_LIMIT_S = 0.5  # top-level code of the function, run while the context is built
PROBE_WALL_S = 5.0  # wall-clock cap on evaluating the code once at load (see _probe)


class FailureKind(StrEnum):
    """Why an invocation failed. The first three are execution errors (503 at the edge)."""

    RUNTIME_ERROR = "runtime-error"
    COMPUTE_BUDGET_EXCEEDED = "compute-budget-exceeded"
    MEMORY_EXCEEDED = "memory-exceeded"
    VALIDATION_ERROR = "validation-error"  # what the function returned or asked for is invalid (502)

    @property
    def is_execution_error(self) -> bool:
        return self is not FailureKind.VALIDATION_ERROR


@dataclass(frozen=True, slots=True)
class FunctionSource:
    """A function as configured: the config loader builds these from YAML."""

    name: str
    runtime: str  # "cloudfront-js-1.0" | "cloudfront-js-2.0"
    code: str
    path: str  # for messages
    kvs: KeyValueStore | None = None


@dataclass(frozen=True, slots=True, eq=False)  # identity: the runner keys context pools on it
class CompiledFunction:
    """A function accepted at load: gated, size-checked, and shown to evaluate and define `handler`."""

    source: FunctionSource
    script: str  # the user's code as QuickJS runs it (imports rewritten, strict mode on)
    memory_limit: int  # bytes: the context's own baseline plus CloudFront's 2 MB
    preload: tuple[str, ...] = ()  # runtime modules compiled when a context is built
    reuse: ReusePlan = NOT_PLANNED  # whether one frozen context may serve every call

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def runtime(self) -> str:
        return self.source.runtime


@dataclass(frozen=True, slots=True)
class RawRun:
    """What one invocation produced, before validation of the returned value."""

    status: str  # "done" | "error" | "failed" | "invalid"
    value_type: str = ""
    value_json: str | None = None
    error: str = ""
    failure: FailureKind | None = None
    origin_call: dict[str, Any] | None = None
    logs: tuple[str, ...] = ()
    cpu_us: int = 0
    wall_us: int = 0
    same: tuple[str, ...] = ()  # request sections returned unchanged and left out of value_json (invoke_request)
    short_uri: str | None = None  # core.js's short answer: the value is {"uri": short_uri} (with `same` all three)


MODULES = ("crypto", "querystring", "bytes1", "buffer", "cloudfront")
# Words in the user's code that make a module worth compiling when the context is built rather than
# during the invocation (a plain text scan: a miss only moves the compile into the invocation).
_PRELOAD_HINTS = {
    "crypto": ("crypto",),
    "querystring": ("querystring",),
    "bytes1": ("bytesFrom", "fromBytes", "fromUTF8", "toBytes", "toUTF8"),
    "buffer": ("Buffer", "TextEncoder", "TextDecoder", "atob", "btoa", "buffer", "bytes", "digest("),
    "cloudfront": ("cloudfront",),
}


@cache
def _js(name: str) -> str:
    return resources.files(__package__).joinpath(f"js/{name}.js").read_text(encoding="utf-8")


def preload_modules(code: str, runtime: str) -> tuple[str, ...]:
    allowed = {"crypto", "querystring"} | ({"buffer", "cloudfront"} if runtime == RUNTIME_2 else {"bytes1"})
    return tuple(m for m in MODULES if m in allowed and any(h in code for h in _PRELOAD_HINTS[m]))


def new_context(fn: CompiledFunction | FunctionSource, script: str | None = None) -> quickjs.Context:
    """A context with the runtime surface and the user's code evaluated, ready for one invocation."""
    source = fn.source if isinstance(fn, CompiledFunction) else fn
    ctx = quickjs.Context()
    ctx.set_max_stack_size(MAX_STACK_BYTES)
    ctx.set("__cf_runtime", source.runtime)
    ctx.set("__cf_kvs_id", source.kvs.id if source.kvs is not None else "")
    for module in MODULES:
        ctx.set(f"__cf_src_{module}", _js(f"mod_{module}"))
    ctx.eval(_js("core"))
    preload = fn.preload if isinstance(fn, CompiledFunction) else preload_modules(source.code, source.runtime)
    if preload:
        ctx.eval(f"__cf_preload({json.dumps(list(preload))})")
    ctx.set_time_limit(INIT_LIMIT_S)
    ctx.eval(script if script is not None else fn.script)  # type: ignore[union-attr]
    if isinstance(fn, CompiledFunction):
        ctx.set_memory_limit(fn.memory_limit)
    return ctx


INLINE_REGEX = "frontyard: regular expressions run in a worker process"  # core.js's trap says this


def frozen_context(fn: CompiledFunction, *, inline: bool = False) -> quickjs.Context | None:
    """A context for every invocation of `fn` (reuse.py), or None when something reachable cannot be frozen.

    inline: the context will run on the edge's own thread (inline.py), so every way into the regular-expression
    engine, which no time limit stops, throws INLINE_REGEX instead."""
    ctx = new_context(fn)
    ctx.set_time_limit(INIT_LIMIT_S)
    if not ctx.eval(f"__cf_freeze([{', '.join(fn.reuse.lexical)}], {'true' if inline else 'false'})"):
        return None
    # The modules are all compiled now: CloudFront's 2 MB comes on top of this context's own baseline.
    ctx.set_memory_limit(int(ctx.memory()["malloc_size"]) + FUNCTION_MEMORY_BYTES)
    return ctx


class FrozenContexts:
    """One worker's frozen contexts, one per reusable function (QuickJS contexts stay on their thread)."""

    GIVE_UP_AFTER = 8  # failed runs on a frozen context before a function goes back to fresh contexts

    def __init__(self) -> None:
        self._contexts: dict[CompiledFunction, quickjs.Context] = {}
        self._failures: dict[CompiledFunction, int] = {}

    def usable(self, fn: CompiledFunction) -> bool:
        return fn.reuse.reusable and self._failures.get(fn, 0) < self.GIVE_UP_AFTER

    def prepare(self, fn: CompiledFunction) -> None:
        if self.usable(fn) and fn not in self._contexts:
            ctx = frozen_context(fn)
            if ctx is None:
                self._failures[fn] = self.GIVE_UP_AFTER
            else:
                self._contexts[fn] = ctx

    def invoke(self, fn: CompiledFunction, payload: str, hard_limit_s: float) -> RawRun | None:
        """Run on the frozen context; None when the caller must run `fn` on a fresh context instead: it is not
        reusable, or this run did not end cleanly (a write to frozen state throws; the fresh run is the edge's
        answer). A run that ended cleanly left nothing behind: everything it could reach was frozen."""
        if not self.usable(fn):
            return None
        self.prepare(fn)
        ctx = self._contexts.pop(fn, None)
        if ctx is None:
            return None
        raw = invoke(ctx, fn, payload, hard_limit_s)
        if raw.failure is FailureKind.COMPUTE_BUDGET_EXCEEDED:
            return raw  # a runaway is a runaway on any context: do not run it twice
        # A job left queued would run in the next call. Only promises queue jobs: code that names none cannot.
        if raw.status != "done" or (fn.reuse.may_queue_jobs and ctx.execute_pending_job()):
            self._failures[fn] = self._failures.get(fn, 0) + 1
            return None
        self._contexts[fn] = ctx
        return raw

    def holds(self, fn: CompiledFunction) -> bool:
        """Whether a frozen context of `fn` is ready (it served the last call, or was prepared)."""
        return fn in self._contexts

    def clear(self) -> None:
        self._contexts.clear()


_JS_LOCATION = re.compile(r"<input>:(\d+)(?::(\d+))?")


def _js_error_problem(path: str, message: str) -> Problem:
    first = message.strip().splitlines()[0] if message.strip() else "error"
    match = _JS_LOCATION.search(message)
    if match:
        return Problem(path, int(match.group(1)), int(match.group(2) or 1), first)
    return Problem(path, 0, 0, first)


def compile_function(src: FunctionSource) -> CompiledFunction:
    """Check a function the way CloudFront does when it is created; raise FunctionLoadError with all problems."""
    problems: list[Problem] = []
    size = len(src.code.encode("utf-8"))
    if size > MAX_CODE_BYTES:
        problems.append(
            Problem(
                src.path,
                0,
                0,
                f"function code is {size:,} bytes; CloudFront's limit is 10 KB ({MAX_CODE_BYTES:,} bytes)",
            )
        )
    gated, gate_problems = gate(src.path, src.code, src.runtime)
    problems.extend(gate_problems)
    if gated is None or problems:
        raise FunctionLoadError(problems)
    # Strict mode is always on at the edge; the prefix stays on line 1 so line numbers do not move.
    script = '"use strict";' + gated.script
    try:
        probe = _probe(src, script)
        if probe is None:
            problems.append(
                Problem(
                    src.path,
                    0,
                    0,
                    "top-level code did not finish within the time limit (a "
                    "regular expression that backtracks without end cannot be interrupted)",
                )
            )
            raise FunctionLoadError(problems)
        defines_handler, baseline = probe
        if not defines_handler:
            problems.append(Problem(src.path, 0, 0, "the code does not define a function named 'handler'"))
    except quickjs.JSException as exc:
        message = str(exc)
        if "interrupted" in message:
            message = "top-level code did not finish within the time limit"
        problems.append(_js_error_problem(src.path, message.replace("<input>", src.path)))
        raise FunctionLoadError(problems) from None
    if problems:
        raise FunctionLoadError(problems)
    # Headroom on top of the baseline: CloudFront's 2 MB is for the function's own data.
    return CompiledFunction(src, script, baseline + FUNCTION_MEMORY_BYTES, preload_modules(src.code, src.runtime),
                            plan_reuse(script))


def _probe(src: FunctionSource, script: str) -> tuple[bool, int] | None:
    """Evaluate the code once: does it define `handler`, and what does its context weigh? None if it hangs.

    On a thread of its own with a wall-clock cap: the CPU-time stop does not reach QuickJS's regex engine,
    and config loading must not hang on top-level code like `/^(a+)+$/.test("aaaa…!")`. Such a thread cannot
    be stopped; it is left behind (a daemon) and the function is refused.
    """
    out: list[tuple[bool, int] | BaseException] = []

    def run() -> None:
        try:
            ctx = new_context(src, script)
            out.append((ctx.eval("typeof handler") == "function", int(ctx.memory()["malloc_size"])))
        except BaseException as exc:  # handed to the loading thread as is
            out.append(exc)

    thread = threading.Thread(target=run, name=f"cf-compile-{src.name}", daemon=True)
    thread.start()
    thread.join(PROBE_WALL_S)
    if not out:
        return None
    if isinstance(out[0], BaseException):
        raise out[0]
    return out[0]


def _classify(ctx: quickjs.Context, fn: CompiledFunction, message: str) -> tuple[FailureKind, str]:
    if "interrupted" in message:
        return FailureKind.COMPUTE_BUDGET_EXCEEDED, "The function exceeded its compute budget (execution timed out)"
    used = int(ctx.memory()["malloc_size"])
    if "out of memory" in message or used > fn.memory_limit - 64 * 1024 or message.strip() == "null":
        return (
            FailureKind.MEMORY_EXCEEDED,
            f"The function exceeded the memory limit ({FUNCTION_MEMORY_BYTES // 1024} KB)",
        )
    return FailureKind.RUNTIME_ERROR, message.strip().splitlines()[0] if message.strip() else "execution error"


def invoke(ctx: quickjs.Context, fn: CompiledFunction, payload: str | list[Any], hard_limit_s: float) -> RawRun:
    """Run the handler once in `ctx` (which must not be used again afterwards).

    payload: the JSON of {now, event, rawQuery, edge}, or a viewer-request as event.request_args lays it out
    (core.js `__cf_invoke_request`: no JSON on the way in, and only what the handler changed on the way out)."""
    cpu0 = time.thread_time_ns()
    wall0 = time.perf_counter_ns()
    report: dict[str, Any] | None = None
    try:
        ctx.set_time_limit(hard_limit_s)
        # ctx.get, not ctx.eval: one call into QuickJS per invocation, not two (each gives up the GIL and parses
        # nothing useful).
        if isinstance(payload, str):
            report = read_report(ctx.get("__cf_invoke")(payload))
        else:
            text = ctx.get("__cf_invoke_request")(*payload)
            if isinstance(text, str) and text.startswith("="):
                # core.js's short answer: a request object with every section and the method unchanged, no logs.
                return RawRun("done", "object", short_uri=text[1:], same=ALL_SECTIONS, **_elapsed(cpu0, wall0))
            report = read_report(text)
        # Async handlers (2.0): drain the job queue; each job is under the same CPU-time stop.
        while report["status"] == "pending":
            while ctx.execute_pending_job():
                if (time.thread_time_ns() - cpu0) / 1e9 > hard_limit_s:
                    raise quickjs.JSException("InternalError: interrupted")
            report = read_report(ctx.eval("__cf_report()"))
            if report["status"] != "pending" or not report["kvs"]:
                break
            answers = [_kvs_answer(fn.source.kvs, op, key) for op, key in report["kvs"]]
            ctx.eval("__cf_kvs_resolve")(json.dumps(answers))
    except UnreadableReport:
        # Only a replaced toJSON (Object.prototype.toJSON, Array.prototype.toJSON, ...) gets here: CloudFront
        # cannot read such a result either, and answers 502.
        return RawRun("invalid", error=UNREADABLE, **_elapsed(cpu0, wall0))
    except (quickjs.JSException, quickjs.StackOverflow) as exc:
        kind, message = _classify(ctx, fn, str(exc).replace("<input>", fn.source.path))
        logs = tuple(report["logs"]) if report else ()
        return RawRun("failed", error=message, failure=kind, logs=logs, **_elapsed(cpu0, wall0))
    logs = tuple(report.get("logs", ()))
    timing = _elapsed(cpu0, wall0)
    status = report["status"]
    if status == "pending":
        return RawRun("error", error="Error: the handler's promise never settled", logs=logs, **timing)
    message = str(report.get("error", "")).replace("<input>", fn.source.path)
    if status == "error" and ("out of memory" in message or message == "Uncaught null"):
        # QuickJS could not even allocate the exception object: the memory cap was hit.
        kind, message = _classify(ctx, fn, "out of memory")
        return RawRun("failed", error=message, failure=kind, logs=logs, **timing)
    return RawRun(
        status,
        value_type=report.get("type", ""),
        value_json=report.get("value"),
        error=message,
        origin_call=report.get("origin"),
        logs=logs,
        **timing,
        same=tuple(report.get("same", ())),
    )


def _kvs_answer(store: KeyValueStore | None, op: str, key: str) -> object:
    if store is None:
        return None
    if op == "get":
        return store.get(key)
    if op == "exists":
        return store.get(key) is not None
    return store.meta()


def _elapsed(cpu0: int, wall0: int) -> dict[str, int]:
    return {
        "cpu_us": (time.thread_time_ns() - cpu0) // 1000,
        "wall_us": (time.perf_counter_ns() - wall0) // 1000,
    }
