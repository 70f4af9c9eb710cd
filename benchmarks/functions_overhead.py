"""Per-invocation overhead of CloudFront Functions isolation schemes, on the SPA rewrite function.

    python benchmarks/functions_overhead.py [--n 2000]

Schemes (all run the same compiled function and event; medians in microseconds):
  fresh      build a new context (core + user code) and run it, inline - full isolation
  pooled     run on a context built ahead of time, used once (functions that cannot be proven
             stateless) - full isolation; the build is paid off the request path, shown as "refill"
  frozen     run again and again on one deep-frozen context (reuse.py: functions whose top level only
             declares) - full isolation by construction; the freeze is paid once, shown as "freeze"
  reused     run again and again on one context - NO isolation, lower bound only
  runner     FunctionRunner.run_viewer_request end to end (event build, the round trip to a worker
             process, validation), with the pool warm, one request at a time; also the CPU the
             edge's own process spends per invocation (the worker's CPU is not in it)
  inline     the same call answered on the edge's own thread (cf_functions/inline.py: a frozen
             context with the regexp engine trapped), what a reusable function gets when serving
A heap snapshot/restore scheme is not measurable: the quickjs binding exposes no bytecode or heap
serialization (JS_WriteObject/JS_ReadObject), so it is not an option with this engine package.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from emulator.cf_functions import FunctionRunner, FunctionSource, ViewerRequestInput, compile_function  # noqa: E402
from emulator.cf_functions.event import build_event  # noqa: E402
from emulator.cf_functions.runtime import DEFAULT_HARD_LIMIT_S, frozen_context, invoke, new_context  # noqa: E402

REQ = ViewerRequestInput(
    "GET", "/dashboard/settings", "tab=profile",
    (("Host", "app.example.com"), ("Accept", "text/html"), ("User-Agent", "bench"), ("Cookie", "sid=1")),
    "198.51.100.1",
)  # fmt: skip


def median_us(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1e6, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    n = parser.parse_args().n
    path = ROOT / "functions" / "spa-rewrite" / "index.js"
    fn = compile_function(FunctionSource("spa-rewrite", "cloudfront-js-1.0", path.read_text(), str(path)))
    payload = json.dumps({"now": 0, "event": build_event(REQ), "rawQuery": REQ.raw_query, "edge": {}})

    fresh, refill, pooled, reused = [], [], [], []
    for _ in range(n):
        t0 = time.perf_counter()
        ctx = new_context(fn)
        t1 = time.perf_counter()
        invoke(ctx, fn, payload, DEFAULT_HARD_LIMIT_S)
        t2 = time.perf_counter()
        fresh.append(t2 - t0)
        refill.append(t1 - t0)
        pooled.append(t2 - t1)
    ctx = new_context(fn)
    for _ in range(n):
        t0 = time.perf_counter()
        invoke(ctx, fn, payload, DEFAULT_HARD_LIMIT_S)
        reused.append(time.perf_counter() - t0)
    assert fn.reuse.reusable, fn.reuse.why
    t0 = time.perf_counter()
    frozen_ctx = frozen_context(fn)
    freeze = [time.perf_counter() - t0]
    assert frozen_ctx is not None
    frozen = []
    for _ in range(n):
        t0 = time.perf_counter()
        invoke(frozen_ctx, fn, payload, DEFAULT_HARD_LIMIT_S)
        frozen.append(time.perf_counter() - t0)

    async def end_to_end(inline: bool) -> tuple[list[float], list[float]]:
        samples, cpu = [], []
        async with FunctionRunner(workers=1, pool_size=1, inline=inline) as runner:
            await runner.run_viewer_request(fn, REQ)
            if runner.inline is not None:
                runner.inline.build(fn)
            for _ in range(n):
                # Let the worker finish its refill (~1 ms) first: this measures the request path, not queueing.
                await asyncio.sleep(0.003)
                c0, t0 = time.process_time(), time.perf_counter()
                await runner.run_viewer_request(fn, REQ)
                samples.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        return samples, cpu

    runner_samples, runner_cpu = asyncio.run(end_to_end(inline=False))
    inline_samples, inline_cpu = asyncio.run(end_to_end(inline=True))
    print(f"SPA rewrite, n={n}, median microseconds per invocation")
    print(f"  fresh context, inline      {median_us(fresh):>8}")
    print(f"  pooled (chosen), hot path  {median_us(pooled):>8}   + refill off the path {median_us(refill)}")
    print(f"  reused context (no isol.)  {median_us(reused):>8}")
    print(f"  frozen context (chosen)    {median_us(frozen):>8}   + one freeze per worker {median_us(freeze)}")
    print(f"  runner via a worker        {median_us(runner_samples):>8}   (frozen context: {fn.reuse.reusable})")
    print(f"    edge process CPU, mean   {round(statistics.mean(runner_cpu) * 1e6, 1):>8}   (+ the worker's)")
    print(f"  runner inline (chosen)     {median_us(inline_samples):>8}   (event, call, validation; inline.py)")
    print(f"    edge process CPU, mean   {round(statistics.mean(inline_cpu) * 1e6, 1):>8}")


if __name__ == "__main__":
    main()
