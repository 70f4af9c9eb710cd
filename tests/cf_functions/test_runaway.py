"""Code the CPU-time stop cannot interrupt (QuickJS's regex engine) is stopped all the same.

The quickjs binding's interrupt handler is never called inside a regular-expression match, so
`/^(a+)+$/.test("aaaa…!")` would run for hours; the worker process that runs it is ended instead.
"""

from __future__ import annotations

import asyncio

import pytest

from emulator.cf_functions import ContinueRequest, FailureKind, FunctionRunner, ViewerRequestInput
from tests.helpers import alive

from .conftest import make

REQ = ViewerRequestInput("GET", "/p", None, (("Host", "example.com"),), "198.51.100.1")
BOMB = "/^(a+)+$/.test('" + "a" * 40 + "!')"
OK = make("function handler(event) { return event.request; }")


@pytest.mark.parametrize(
    "body",
    [
        f"{BOMB}; return event.request;",  # the regex engine ignores the interrupt handler
        f"'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.replace(/^(a|aa)+$/, 'x'); {BOMB}; return event.request;",
        "for (;;) {}",  # the interpreter honours it: stopped inside the worker, which lives on
        f"return new Promise(function (resolve) {{ {BOMB}; resolve(event.request); }});",
    ],
)
async def test_runaway_code_is_a_compute_budget_failure_and_the_next_request_works(body: str) -> None:
    runtime = "cloudfront-js-2.0" if "Promise" in body else "cloudfront-js-1.0"
    fn = make("function handler(event) {\n" + body + "\n}", runtime)
    async with FunctionRunner(workers=1, pool_size=1) as runner:
        await runner.run_viewer_request(OK, REQ)
        (before,) = runner.pids
        result = await runner.run_viewer_request(fn, REQ)
        assert result.outcome.kind is FailureKind.COMPUTE_BUDGET_EXCEEDED, result.outcome
        assert result.compute_utilization == 100
        assert result.outcome.kind.is_execution_error  # 503 at the edge
        after = await runner.run_viewer_request(OK, REQ)
        assert isinstance(after.outcome, ContinueRequest)
        if "for (;;)" in body:
            assert runner.pids == [before] and runner.replaced == 0
        else:
            assert not alive(before)  # killed and reaped: no core keeps burning
            assert runner.pids != [before] and runner.replaced == 1


async def test_many_runaways_at_once_leave_every_worker_usable() -> None:
    fn = make("function handler(event) {\n" + BOMB + "; return event.request;\n}")
    async with FunctionRunner(workers=2, pool_size=1) as runner:
        results = await asyncio.gather(*(runner.run_viewer_request(fn, REQ) for _ in range(4)),
                                       runner.run_viewer_request(OK, REQ))
        assert [r.outcome.kind for r in results[:4]] == [FailureKind.COMPUTE_BUDGET_EXCEEDED] * 4
        assert isinstance(results[4].outcome, ContinueRequest)
        oks = await asyncio.gather(*(runner.run_viewer_request(OK, REQ) for _ in range(4)))
        assert all(isinstance(r.outcome, ContinueRequest) for r in oks)
        assert len(runner.pids) == 2 and runner.replaced == 4


async def test_close_does_not_wait_for_a_runaway_and_answers_it() -> None:
    fn = make("function handler(event) {\n" + BOMB + "; return event.request;\n}")
    # Nothing would stop it; inline off, so the second call queues behind the first on the one worker.
    runner = FunctionRunner(workers=1, pool_size=0, wall_cap_s=3600, hard_limit_s=3600, inline=False)
    await runner.__aenter__()
    await runner.run_viewer_request(OK, REQ)
    pids = runner.pids
    pending = asyncio.ensure_future(runner.run_viewer_request(fn, REQ))
    waiting = asyncio.ensure_future(runner.run_viewer_request(OK, REQ))  # queued behind it
    await asyncio.sleep(0)  # both are now inside the runner
    runner.close()
    for task in (pending, waiting):
        result = await task
        assert result.outcome.kind is FailureKind.RUNTIME_ERROR and "shutting down" in result.outcome.message
    assert not any(alive(pid) for pid in pids)
    after = await runner.run_viewer_request(OK, REQ)
    assert after.outcome.kind is FailureKind.RUNTIME_ERROR


async def test_the_wall_clock_cap_stops_a_worker_that_answers_nothing() -> None:
    # With a CPU stop far away, only the runner's wall-clock cap can end the regex.
    fn = make("function handler(event) {\n" + BOMB + "; return event.request;\n}")
    async with FunctionRunner(workers=1, pool_size=0, hard_limit_s=3600, wall_cap_s=0.3) as runner:
        result = await runner.run_viewer_request(fn, REQ)
        assert result.outcome.kind is FailureKind.COMPUTE_BUDGET_EXCEEDED
        assert isinstance((await runner.run_viewer_request(OK, REQ)).outcome, ContinueRequest)
