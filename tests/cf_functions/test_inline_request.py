"""A viewer-request run on the edge's thread goes into QuickJS as plain arguments and comes back as only what the
handler changed (core.js `__cf_invoke_request`): the function sees the same event, and the edge gets the same
answer, as through a worker, which takes the event as JSON and validates every section."""

from __future__ import annotations

import json

import pytest

from emulator.cf_functions import ContinueRequest, FunctionRunner, ViewerRequestInput
from emulator.cf_functions.event import build_event, header_pairs, request_args
from emulator.cf_functions.runtime import frozen_context, invoke
from tests.cf_functions.conftest import make

ECHO_EVENT = "function handler(event) { return {statusCode: 200, body: JSON.stringify(event)}; }"
UNCHANGED = "function handler(event) { return event.request; }"
CASES = {
    "unchanged": UNCHANGED,
    "uri only": "function handler(event) { event.request.uri = '/index.html'; return event.request; }",
    "a header added": "function handler(e) { e.request.headers['x-a'] = {value: 'b'}; return e.request; }",
    "a repeat's first value": "function handler(e) { e.request.headers.accept.value = 'x'; return e.request; }",
    "a cookie changed": "function handler(e) { e.request.cookies.sid = {value: '2'}; return e.request; }",
    "the query emptied": "function handler(e) { e.request.querystring = {}; return e.request; }",
    "a section dropped": "function handler(e) { delete e.request.cookies; return e.request; }",
    "a new object": "function handler(e) { return {uri: '/n', headers: e.request.headers}; }",
    "the method changed": "function handler(e) { e.request.method = 'POST'; return e.request; }",
    "a read-only header": "function handler(e) { e.request.headers.host = {value: 'x'}; return e.request; }",
    "a field with a getter": "function handler(e) { var h = e.request.headers; var v = h['user-agent'].value;"
                             " h['user-agent'] = {get value() { return v + '!'; }}; return e.request; }",
    "a generated response": "function handler(e) { return {statusCode: 302, headers: {location: {value: '/'}}}; }",
    "not an object": "function handler(e) { return 'no'; }",
    "a uri that is no string": "function handler(e) { e.request.uri = 5; return e.request; }",
    "a uri with a line break": "function handler(e) { e.request.uri = '/a\\nb'; return e.request; }",
    "a log line": "function handler(e) { console.log('seen ' + e.request.uri); return e.request; }",
}
REQUESTS = {
    "plain": ViewerRequestInput("GET", "/a/b", "x=1&y=2", (("Host", "a.example"), ("User-Agent", "t")), "192.0.2.1"),
    "repeats and cookies": ViewerRequestInput(
        "GET", "/p", "a=1&b&a=2",
        (("Host", "a.example"), ("Accept", "text/html"), ("User-Agent", "t"), ("accept", "*/*"),
         ("Cookie", "sid=1; x=2"), ("Cookie", "sid=3"), ("X-Amz-Cf-Id", "hidden")), "192.0.2.1"),
    "names of Object.prototype": ViewerRequestInput(
        "GET", "/p", "__proto__=1&toString=2&constructor",
        (("Host", "a.example"), ("Constructor", "c"), ("Cookie", "hasOwnProperty=1; __proto__=2")), "192.0.2.1"),
    "no query, non-ASCII": ViewerRequestInput("GET", "/é", None, (("Host", "a.example"), ("X-N", "é€😀")), "192.0.2.1"),
    "a cookie name that is no token": ViewerRequestInput(
        "GET", "/p", "", (("Host", "a.example"), ("Cookie", "a b=1")), "192.0.2.1"),
}


async def _both(code: str, runtime: str = "cloudfront-js-1.0") -> list[tuple[object, object]]:
    """Each request's outcome and logs through a worker and inline."""
    fn = make(code, runtime)
    async with FunctionRunner(workers=1, inline=False) as runner:
        on_worker = [await runner.run_viewer_request(fn, inp) for inp in REQUESTS.values()]
    inline = []
    async with FunctionRunner(workers=1) as runner:
        assert runner.inline is not None
        for inp in REQUESTS.values():
            runner.inline.build(fn)  # again after a run that failed inline (the worker answered it)
            assert runner.inline.runs_inline(fn)
            inline.append(await runner.run_viewer_request(fn, inp))
    return [((w.outcome, w.logs), (i.outcome, i.logs)) for w, i in zip(on_worker, inline, strict=True)]


@pytest.mark.parametrize("case", CASES)
async def test_inline_answers_as_a_worker_does(case: str) -> None:
    for name, (on_worker, inline) in zip(REQUESTS, await _both(CASES[case]), strict=True):
        assert inline == on_worker, name


@pytest.mark.parametrize("runtime", ["cloudfront-js-1.0", "cloudfront-js-2.0"])
async def test_the_function_sees_the_event_build_event_describes(runtime: str) -> None:
    for inp, (on_worker, inline) in zip(REQUESTS.values(), await _both(ECHO_EVENT, runtime), strict=True):
        assert inline == on_worker
        assert json.loads(inline[0].body) == build_event(inp)  # type: ignore[index]


def test_unchanged_sections_are_not_sent_back() -> None:
    fn = make("function handler(e) { e.request.uri = '/i'; e.request.headers['x-a'] = {value: '1'};"
              " return e.request; }")
    inp = ViewerRequestInput("GET", "/p", "q=1", (("Host", "a.example"), ("Cookie", "sid=1")), "192.0.2.1")
    ctx = frozen_context(fn, inline=True)
    assert ctx is not None
    headers, cookies = header_pairs(inp.headers, "cookie")
    raw = invoke(ctx, fn, request_args(inp, 0, headers, cookies) or [], 0.05)
    assert raw.status == "done" and sorted(raw.same) == ["cookies", "querystring"]
    value = json.loads(raw.value_json or "")
    assert value["uri"] == "/i" and "x-a" in value["headers"] and "cookies" not in value


async def test_a_string_the_engine_cannot_take_goes_as_json() -> None:
    # A lone surrogate (an undecodable byte the parser kept) cannot cross the binding as an argument.
    inp = ViewerRequestInput("GET", "/p", None, (("Host", "a.example"), ("X-B", "a\udcff")), "192.0.2.1")
    assert request_args(inp, 0, *header_pairs(inp.headers, "cookie")) is None
    in_query = ViewerRequestInput("GET", "/p", "a=\udcff", (("Host", "a.example"),), "192.0.2.1")
    assert request_args(in_query, 0, *header_pairs(in_query.headers, "cookie")) is None
    fn = make(UNCHANGED)
    async with FunctionRunner(workers=1) as runner:
        assert runner.inline is not None
        runner.inline.build(fn)
        result = await runner.run_viewer_request(fn, inp)
        assert runner.inline.served == 1
    assert result.outcome == ContinueRequest("/p", None, (("Host", "a.example"), ("X-B", "a\udcff")))
