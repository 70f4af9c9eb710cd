"""Isolation: nothing one invocation leaves in globals, prototypes or module state is visible to the next.

Most functions run on one deep-frozen context reused call after call (emulator/cf_functions/reuse.py);
the rest on a fresh context per call. Each function below tries to leave state behind and logs what it
finds first: every invocation must log the same, as at the edge where each invocation starts clean. The
functions that do write also log what they wrote, which the edge would show within the same invocation.
"""

from __future__ import annotations

import pytest

from emulator.cf_functions import FunctionRunner, ViewerRequestInput
from emulator.cf_functions.event import build_event
from emulator.cf_functions.execute import DEFAULT_BUDGET_US, Executor, Invocation, function_from_wire, function_to_wire
from emulator.cf_functions.reuse import plan_reuse
from emulator.cf_functions.runtime import DEFAULT_HARD_LIMIT_S

from .conftest import make

V1, V2 = "cloudfront-js-1.0", "cloudfront-js-2.0"
REQ = ViewerRequestInput("GET", "/p", "", (("Host", "example.com"),), "198.51.100.1")

# (what it tries, runtime, code, expected logs of every invocation, whether it runs on a frozen context)
LEAKS = [
    ("global var", V1, "var count = 0;\nfunction handler(e) { count++; console.log('' + count); return e.request; }",
     ("1",), True),
    ("globalThis property", V1,
     "function handler(e) { console.log(typeof globalThis.seen); globalThis.seen = 1; return e.request; }",
     ("undefined",), True),
    ("Array.prototype", V1,
     "function handler(e) { console.log(typeof [].extra); Array.prototype.extra = 7; console.log('' + [].extra);"
     " return e.request; }", ("undefined", "7"), True),
    ("Object.prototype", V1,
     "function handler(e) { console.log(typeof ({}).x); Object.prototype.x = 1; return e.request; }",
     ("undefined",), True),
    ("String.prototype method replaced", V1,
     "function handler(e) { console.log('ab'.indexOf('b') + ''); String.prototype.indexOf = function () {"
     " return 9; }; return e.request; }", ("1",), True),
    ("JSON.parse replaced", V1,
     "function handler(e) { console.log(JSON.parse('1') + ''); JSON.parse = function () { return 2; };"
     " return e.request; }", ("1",), True),
    ("iterator prototype (hidden intrinsic)", V2,
     "function handler(e) { var p = Object.getPrototypeOf([][Symbol.iterator]()); console.log(typeof p.x);"
     " p.x = 1; return e.request; }", ("undefined",), True),
    ("module object", V1,
     "var crypto = require('crypto');\nfunction handler(e) { console.log(typeof crypto.extra); crypto.extra = 1;"
     " return e.request; }", ("undefined",), True),
    ("module function's property", V2,
     "import crypto from 'crypto';\nfunction handler(e) { console.log(typeof crypto.createHash.seen);"
     " crypto.createHash.seen = 1; return e.request; }", ("undefined",), True),
    ("Buffer", V2,
     "function handler(e) { console.log(typeof Buffer.prototype.mine); Buffer.prototype.mine = 1;"
     " return e.request; }", ("undefined",), True),
    ("top-level const object", V2,
     "const cache = {};\nfunction handler(e) { console.log('' + cache.n); cache.n = (cache.n || 0) + 1;"
     " return e.request; }", ("undefined",), True),
    ("top-level const array", V2,
     "const seen = [];\nfunction handler(e) { console.log('' + seen.length); seen.push(1); return e.request; }",
     ("0",), True),
    ("nested literal", V1,
     "var config = {paths: ['/a']};\nfunction handler(e) { console.log('' + config.paths.length);"
     " config.paths.push('/b'); return e.request; }", ("1",), True),
    ("function property", V1,
     "function handler(e) { console.log('' + handler.calls); handler.calls = 1; return e.request; }",
     ("undefined",), True),
    ("regex lastIndex", V1,
     "var re = /a/g;\nfunction handler(e) { console.log('' + re.lastIndex); re.exec('aaa'); return e.request; }",
     ("0",), True),
    ("Date.now replaced", V1,
     "function handler(e) { console.log(typeof Date.fake); Date.fake = 1; return e.request; }",
     ("undefined",), True),
    ("Math", V1,
     "function handler(e) { console.log('' + Math.max(1, 2)); Math.max = function () { return 0; };"
     " return e.request; }", ("2",), True),
    # Not provably stateless: fresh contexts, same answers.
    ("top-level let", V2,
     "let n = 0;\nfunction handler(e) { n++; console.log('' + n); return e.request; }", ("1",), False),
    ("closure made at load", V1,
     "var next = (function () { var n = 0; return function () { return ++n; }; })();\n"
     "function handler(e) { console.log('' + next()); return e.request; }", ("1",), False),
    ("write that a try would swallow", V1,
     "var c = {n: 0};\nfunction handler(e) { try { c.n++; } catch (x) { console.log('caught'); }"
     " console.log('' + c.n); return e.request; }", ("1",), False),
    ("Map made at load", V2,
     "const m = new Map();\nfunction handler(e) { console.log('' + m.size); m.set(Math.random(), 1);"
     " return e.request; }", ("0",), False),
]


@pytest.mark.parametrize(("what", "runtime", "code", "logs", "frozen"), LEAKS, ids=[row[0] for row in LEAKS])
async def test_no_state_survives_an_invocation(what, runtime, code, logs, frozen):
    fn = make(code, runtime)
    assert fn.reuse.reusable is frozen, fn.reuse.why
    async with FunctionRunner(workers=1, pool_size=1) as runner:  # one worker: every call meets the last one's
        for _ in range(4):
            result = await runner.run_viewer_request(fn, REQ)
            assert result.logs == logs, what


def test_a_clean_invocation_keeps_its_frozen_context():
    """The reused path is really taken (so the table above tests it): after clean calls the worker's engine keeps
    the frozen context; after a call that wrote to frozen state (answered by a fresh rerun) it drops it."""
    clean = make("function handler(e) { e.request.uri = '/x'; return e.request; }")
    writer = make("var n = 0;\nfunction handler(e) { n++; console.log('' + n); return e.request; }")
    engine = Executor(DEFAULT_HARD_LIMIT_S, DEFAULT_BUDGET_US, pool_size=1)  # what each worker process runs
    engine.define(1, function_from_wire(function_to_wire(clean)))  # as the runner sends it
    engine.define(2, function_from_wire(function_to_wire(writer)))
    event = build_event(REQ)
    for _ in range(3):
        result = engine.run(Invocation(1, event, None, {}, 0))
        assert result.outcome.uri == "/x"
        assert engine.frozen.holds(engine.functions[1])
    result = engine.run(Invocation(2, event, None, {}, 0))
    assert result.logs == ("1",)  # the fresh rerun's answer, as at the edge
    assert not engine.frozen.holds(engine.functions[2])


@pytest.mark.parametrize(("code", "reusable"), [
    ("function handler(e) { return e.request; }", True),
    ("var A = 1, B = 'x', C = 60 * 60, D = -1, E = [1, {a: /x/}], F = function () {}, G = `t`;\n"
     "function handler(e) { return e.request; }", True),
    ("var crypto = require('crypto'), h = require('crypto').createHash;\nfunction handler(e) {}", True),
    ("var x = f();\nfunction f() {}\nfunction handler(e) {}", False),  # a call at load
    ("var x = `${a}`;\nfunction handler(e) {}", False),  # toString of something at load
    ("var x = a + 1;\nfunction handler(e) {}", False),  # valueOf of something at load
    ("if (1) {}\nfunction handler(e) {}", False),  # a statement at load
    ("function handler(e) { return Promise.resolve(1).then(function (v) { return v; }); }", False),
    ("function handler(e) { return Reflect.get(e, 'request'); }", False),
    ("function handler(e) { return Object.isFrozen(e) ? 1 : 2; }", False),
])
def test_which_code_may_reuse_a_context(code, reusable):
    assert plan_reuse('"use strict";' + code).reusable is reusable


# Inline (emulator/cf_functions/inline.py): the same frozen scheme on the edge's own thread, regexes trapped.
@pytest.mark.parametrize(("what", "runtime", "code", "logs", "frozen"), LEAKS, ids=[row[0] for row in LEAKS])
async def test_no_state_survives_an_inline_invocation(what, runtime, code, logs, frozen):
    fn = make(code, runtime)
    async with FunctionRunner(workers=1, pool_size=1) as runner:
        assert runner.inline is not None
        runner.inline.build(fn)
        assert runner.inline.runs_inline(fn) is (frozen and runner.inline.eligible(fn))
        for _ in range(4):
            result = await runner.run_viewer_request(fn, REQ)
            assert result.logs == logs, what


async def test_a_clean_function_is_answered_inline_and_a_regex_goes_to_a_worker():
    clean = make("var PREFIX = '/app';\nfunction handler(e) { console.log('x'); e.request.uri = PREFIX + e.request.uri;"
                 " return e.request; }")
    regex = make("function handler(e) { e.request.uri = e.request.uri.replace(/p/, 'q'); return e.request; }")
    matcher = make("function handler(e) { console.log('' + !!'/p'.match('^/p$')); return e.request; }")
    async with FunctionRunner(workers=1, pool_size=1) as runner:
        assert runner.inline is not None
        for fn in (clean, regex, matcher):
            runner.inline.build(fn)
            assert runner.inline.runs_inline(fn)
        for _ in range(3):
            result = await runner.run_viewer_request(clean, REQ)
            assert result.outcome.uri == "/app/p" and result.logs == ("x",)
        assert runner.inline.served == 3 and runner.inline.runs_inline(clean)
        for _ in range(2):  # trapped inline, answered by the worker: the same result as at the edge
            assert (await runner.run_viewer_request(regex, REQ)).outcome.uri == "/q"
            assert (await runner.run_viewer_request(matcher, REQ)).logs == ("true",)
        assert runner.inline.served == 3
        assert not runner.inline.runs_inline(regex) and not runner.inline.runs_inline(matcher)


async def test_a_runaway_inline_is_stopped_and_moves_to_the_workers():
    from emulator.cf_functions import FailureKind

    loop = make("function handler(e) { for (;;) {} }")
    async with FunctionRunner(workers=1, pool_size=1) as runner:
        assert runner.inline is not None
        runner.inline.build(loop)
        assert runner.inline.runs_inline(loop)
        for _ in range(2):  # the first stopped by QuickJS on this thread, the second by the worker
            result = await runner.run_viewer_request(loop, REQ)
            assert result.outcome.kind is FailureKind.COMPUTE_BUDGET_EXCEEDED
            assert not runner.inline.runs_inline(loop)


async def test_a_builtin_the_interrupt_cannot_stop_leaves_inline_and_the_worker_answers():
    """QuickJS checks its CPU stop between bytecode instructions only: a search over a huge array-like runs
    inside one C call. Inline it ran to its end (past the stop); the worker's watchdog is what judges it."""
    from emulator.cf_functions import FailureKind

    search = make("function handler(e) { console.log('' + Array.prototype.indexOf.call({length: 6e7}, 1));"
                  " return e.request; }")
    async with FunctionRunner(workers=1, pool_size=1) as runner:
        assert runner.inline is not None
        runner.inline.build(search)
        assert runner.inline.runs_inline(search)
        result = await runner.run_viewer_request(search, REQ)
        assert result.outcome.kind is FailureKind.COMPUTE_BUDGET_EXCEEDED  # the worker's answer, not inline's
        assert not runner.inline.runs_inline(search) and runner.inline.served == 0
