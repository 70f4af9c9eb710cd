"""Limits and result validation through the async runner, as the pipeline will call it."""

from __future__ import annotations

import asyncio

import pytest

from emulator.cf_functions import (
    ContinueRequest,
    ContinueResponse,
    Failed,
    FailureKind,
    ViewerRequestInput,
    ViewerResponseInput,
)
from emulator.decisions import Respond

from .conftest import make

V2 = "cloudfront-js-2.0"
REQ = ViewerRequestInput(
    "GET",
    "/path",
    "a=1&b=2&a=3",
    (
        ("Host", "example.com"),
        ("Accept", "text/html"),
        ("Accept", "application/json"),
        ("Cookie", "sid=abc; theme=dark"),
        ("X-Forwarded-Proto", "https"),
    ),
    "198.51.100.1",
)
RESP = ViewerResponseInput(
    200, "OK", (("Content-Type", "text/html"), ("Set-Cookie", "a=1; Path=/; Secure"), ("Via", "1.1 x.cloudfront.net"))
)


def handler(body: str, runtime: str = "cloudfront-js-1.0"):
    return make("function handler(event) {\n" + body + "\n}", runtime)


async def test_infinite_loop_is_a_compute_budget_failure_and_does_not_stall_the_loop(runner):
    fn = handler("for (;;) {}")
    ok = handler("return event.request;")
    turns = 0  # event-loop turns taken while the looping function runs in its worker
    spinning = True

    async def ticker() -> None:
        nonlocal turns
        while spinning:
            await asyncio.sleep(0)  # a turn of the event loop
            turns += 1

    async def looping_call() -> object:
        nonlocal spinning
        try:
            return await runner.run_viewer_request(fn, REQ)
        finally:
            spinning = False

    looping, _, other = await asyncio.gather(looping_call(), ticker(), runner.run_viewer_request(ok, REQ))
    assert looping.outcome.kind is FailureKind.COMPUTE_BUDGET_EXCEEDED and looping.compute_utilization == 100
    # Had QuickJS spun on the event loop's thread, not one turn could have been taken before it was stopped.
    assert turns > 10
    assert isinstance(other.outcome, ContinueRequest)


async def test_memory_cap(runner):
    fn = handler("var a = []; for (;;) { a.push('x' + a.length + 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'); }")
    result = await runner.run_viewer_request(fn, REQ)
    assert result.outcome.kind is FailureKind.MEMORY_EXCEEDED


async def test_one_megabyte_fits_in_the_memory_cap(runner):
    fn = handler("var s = new Array(1024 * 1024 + 1).join('x'); console.log(s.length); return event.request;")
    result = await runner.run_viewer_request(fn, REQ)
    assert result.logs == ("1048576",)


async def test_event_shape(runner):
    fn = handler("console.log(JSON.stringify(event)); return event.request;")
    result = await runner.run_viewer_request(fn, REQ)
    import json

    event = json.loads(result.logs[0])
    assert event["context"]["eventType"] == "viewer-request" and event["viewer"] == {"ip": "198.51.100.1"}
    assert event["request"] == {
        "method": "GET",
        "uri": "/path",
        "querystring": {"a": {"value": "1", "multiValue": [{"value": "1"}, {"value": "3"}]}, "b": {"value": "2"}},
        "headers": {
            "host": {"value": "example.com"},
            "accept": {"value": "text/html", "multiValue": [{"value": "text/html"}, {"value": "application/json"}]},
        },
        "cookies": {"sid": {"value": "abc"}, "theme": {"value": "dark"}},
    }


async def test_request_changes_are_applied_with_capitalised_names(runner):
    fn = handler(
        "var r = event.request; r.uri = '/new'; r.headers['x-custom-header'] = {value: 'v'};"
        "r.cookies.theme = {value: 'light'}; r.querystring = 'z=1&y=2'; return r;"
    )
    outcome = (await runner.run_viewer_request(fn, REQ)).outcome
    assert outcome == ContinueRequest(
        "/new",
        "z=1&y=2",
        (
            ("Host", "example.com"),
            ("Accept", "text/html"),
            ("Accept", "application/json"),
            ("X-Custom-Header", "v"),
            ("Cookie", "sid=abc; theme=light"),
            ("X-Forwarded-Proto", "https"),  # invisible to the function, passed on unchanged
        ),
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("event.request.headers.accept.value = 'a';", ["a", "application/json"]),  # value only: others stay
        ("event.request.headers.accept.multiValue = [{value: 'x'}];", ["x"]),  # modified multiValue wins
        ("event.request.headers.accept = {value: 'only'};", ["only"]),
    ],
)
async def test_multivalue_precedence(runner, body, expected):
    outcome = (await runner.run_viewer_request(handler(body + " return event.request;"), REQ)).outcome
    assert [v for n, v in outcome.headers if n == "Accept"] == expected


async def test_querystring_object_changes(runner):
    fn = handler(
        "event.request.querystring.c = {value: '4'}; delete event.request.querystring.b; return event.request;"
    )
    assert (await runner.run_viewer_request(fn, REQ)).outcome.raw_query == "a=1&a=3&c=4"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("event.request.headers.host = {value: 'evil.com'}; return event.request;", "'Host' is read-only"),
        ("delete event.request.headers.host; return event.request;", "'Host' is read-only"),
        (
            "event.request.headers['content-length'] = {value: '3'}; return event.request;",
            "'Content-Length' is read-only",
        ),
        ("event.request.headers['x-cache'] = {value: 'Hit'}; return event.request;", "'X-Cache' cannot be added"),
        ("event.request.headers['x-amz-cf-id'] = {value: '1'}; return event.request;", "'X-Amz-Cf-Id' cannot be added"),
        ("event.request.uri = 'no-slash'; return event.request;", "uri must be a string starting with '/'"),
        ("event.request.method = 'POST'; return event.request;", "method is read-only"),
        ("event.request.querystring = 'a=b c'; return event.request;", "contains a space"),
        ("return 'text';", "got string"),
        ("return;", "got undefined"),
        ("return {statusCode: 'x'};", "statusCode must be an integer"),
        ("return {statusCode: 200, body: {data: '!!', encoding: 'base64'}};", "not valid base64"),
        ("event.request.headers['X-Up'] = {value: '1'}; return event.request;", "must be lowercase"),
    ],
)
async def test_invalid_results_are_validation_errors(runner, body, message):
    outcome = (await runner.run_viewer_request(handler(body), REQ)).outcome
    assert isinstance(outcome, Failed) and outcome.kind is FailureKind.VALIDATION_ERROR, outcome
    assert message in outcome.message
    assert not outcome.kind.is_execution_error


async def test_generated_response(runner):
    fn = handler(
        "return {statusCode: 302, statusDescription: 'Found', headers: {location: {value: 'https://x/'}},"
        " cookies: {s: {value: '1', attributes: 'Path=/'}}, body: {data: 'aGk=', encoding: 'base64'}};"
    )
    outcome = (await runner.run_viewer_request(fn, REQ)).outcome
    assert outcome == Respond(302, "Found", (("Location", "https://x/"), ("Set-Cookie", "s=1; Path=/")), b"hi")


async def test_viewer_response_changes_status_and_headers(runner):
    fn = handler(
        "var r = event.response; console.log(JSON.stringify(r.cookies)); r.statusCode = 404;"
        " r.headers['strict-transport-security'] = {value: 'max-age=63072000'}; return r;"
    )
    result = await runner.run_viewer_response(fn, REQ, RESP)
    assert result.logs == ('{"a":{"value":"1","attributes":"Path=/; Secure"}}',)
    assert result.outcome == ContinueResponse(
        404,
        "OK",
        (
            ("Content-Type", "text/html"),
            ("Via", "1.1 x.cloudfront.net"),
            ("Strict-Transport-Security", "max-age=63072000"),
            ("Set-Cookie", "a=1; Path=/; Secure"),
        ),
    )


async def test_viewer_response_cannot_touch_via_or_return_a_request(runner):
    via = handler("delete event.response.headers.via; return event.response;")
    req = handler("return event.request;")
    assert (await runner.run_viewer_response(via, REQ, RESP)).outcome.kind is FailureKind.VALIDATION_ERROR
    assert (await runner.run_viewer_response(req, REQ, RESP)).outcome.kind is FailureKind.VALIDATION_ERROR


async def test_compute_utilization_and_duration_are_reported(runner):
    result = await runner.run_viewer_request(handler("return event.request;"), REQ)
    assert 1 <= result.compute_utilization <= 100 and result.duration_us > 0
