"""What a function returns is validated before anything reaches the wire (502 at the edge)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.cf_functions import Failed, FailureKind, ViewerRequestInput, ViewerResponseInput
from emulator.cli import test_function as testcli

from .conftest import make

REQ = ViewerRequestInput("GET", "/p", None, (("Host", "example.com"), ("Cookie", "a=1")), "198.51.100.1")
RESP = ViewerResponseInput(200, "OK", (("Content-Type", "text/plain"),))


def handler(body: str, runtime: str = "cloudfront-js-1.0"):
    return make("function handler(event) {\n" + body + "\n}", runtime)


GENERATED = [
    # (handler body, what the message names)
    ("return {statusCode: 100};", "from 200 to 599"),
    ("return {statusCode: 199};", "from 200 to 599"),
    ("return {statusCode: 600};", "from 200 to 599"),
    ("return {statusCode: 200, statusDescription: 'OK\\r\\nX-Evil: 1'};", "statusDescription"),
    ("return {statusCode: 200, statusDescription: 'O\\u0000K'};", "statusDescription"),
    ("return {statusCode: 200, headers: {'x-a': {value: 'v\\r\\nSet-Cookie: s=1'}}};", "headers.x-a"),
    ("return {statusCode: 200, headers: {'x-a': {value: 'v\\nw'}}};", "control character"),
    ("return {statusCode: 200, headers: {'x-a': {value: 'v\\u0000'}}};", "control character"),
    ("return {statusCode: 200, headers: {'x-a': {multiValue: [{value: 'ok'}, {value: 'b\\r'}]}}};", "headers.x-a"),
    ("return {statusCode: 200, headers: {'host:evil': {value: 'x'}}};", "not a valid HTTP token"),
    ("return {statusCode: 200, headers: {'x a': {value: 'x'}}};", "not a valid HTTP token"),
    ("return {statusCode: 200, headers: {'x\\r\\ny': {value: 'x'}}};", "not a valid HTTP token"),
    ("return {statusCode: 200, headers: {'': {value: 'x'}}};", "not a valid HTTP token"),
    ("return {statusCode: 200, cookies: {'a b': {value: '1'}}};", "cookie name"),
    ("return {statusCode: 200, cookies: {s: {value: '1\\r\\nX: y'}}};", "cookies.s"),
    ("return {statusCode: 200, cookies: {s: {value: '1', attributes: 'Path=/\\r\\nX: y'}}};", "attributes"),
    ("return {statusCode: 200, cookies: {s: {value: '1', attributes: 5}}};", "attributes must be a string"),
]

REQUESTS = [
    ("event.request.headers['host:evil'] = {value: 'x'}; return event.request;", "not a valid HTTP token"),
    ("event.request.headers['x-a'] = {value: 'a\\r\\nHost: evil'}; return event.request;", "control character"),
    ("event.request.cookies['b\\n'] = {value: '1'}; return event.request;", "cookie name"),
    ("event.request.cookies.b = {value: '1\\u0000'}; return event.request;", "cookies.b"),
    ("event.request.uri = 5; return event.request;", "uri must be a string"),
    ("Object.prototype.toJSON = function () { return 'x'; }; return event.request;", "could not be serialized"),
    ("Array.prototype.toJSON = function () { return {}; }; console.log('a'); return event.request;",
     "could not be serialized"),
    ("JSON.stringify = function () { return '{'; }; return {statusCode: 100};", "from 200 to 599"),
    ("JSON.parse = function () { return null; }; event.request.uri = 7; return event.request;", "uri must be"),
]


@pytest.mark.parametrize(("body", "message"), GENERATED + REQUESTS)
async def test_viewer_request_output_is_refused(runner, body: str, message: str) -> None:
    outcome = (await runner.run_viewer_request(handler(body), REQ)).outcome
    assert isinstance(outcome, Failed) and outcome.kind is FailureKind.VALIDATION_ERROR, outcome
    assert message in outcome.message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("event.response.statusCode = 101; return event.response;", "from 200 to 599"),
        ("event.response.statusDescription = 'OK\\r\\n'; return event.response;", "statusDescription"),
        ("event.response.headers['x-b'] = {value: '\\r\\n\\r\\n<html>'}; return event.response;", "headers.x-b"),
        ("event.response.headers['set cookie'] = {value: 'x'}; return event.response;", "not a valid HTTP token"),
        ("event.response.cookies.s = {value: 'v', attributes: 'a\\u0000'}; return event.response;", "attributes"),
    ],
)
async def test_viewer_response_output_is_refused(runner, body: str, message: str) -> None:
    outcome = (await runner.run_viewer_response(handler(body), REQ, RESP)).outcome
    assert isinstance(outcome, Failed) and outcome.kind is FailureKind.VALIDATION_ERROR, outcome
    assert message in outcome.message


async def test_tabs_and_unicode_in_values_are_accepted(runner) -> None:
    body = "return {statusCode: 200, statusDescription: 'Très bien', headers: {'x-a': {value: 'a\\tb é'}}};"
    outcome = (await runner.run_viewer_request(handler(body), REQ)).outcome
    assert outcome.headers == (("X-A", "a\tb é"),) and outcome.description == "Très bien"


# test-function: the same errors as the edge, and a clear answer for any event file.
def _write(tmp_path: Path, body: str) -> Path:
    code = tmp_path / "fn.js"
    code.write_text("function handler(event) {\n" + body + "\n}")
    return code


def test_test_function_reports_what_the_edge_would_refuse(tmp_path: Path, capsys) -> None:
    code = _write(tmp_path, "event.request.uri = 5; return event.request;")
    event = tmp_path / "e.json"
    event.write_text(json.dumps({"request": {"method": "GET", "uri": "/"}}))
    assert testcli.main([str(code), "--event", str(event)]) == 1
    result = json.loads(capsys.readouterr().out)["TestResult"]
    assert "uri must be a string starting with '/', got 5" in result["FunctionErrorMessage"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"{not json", "e.json:1:2: not valid JSON"),
        (b"\xff\xfe{\x00}\x00", "not UTF-8 text"),
        ("{}".encode("utf-16"), "not UTF-8 text"),
        (b"[]", "not a list"),
        (b"null", "not a null"),
        (b'"text"', "not a str"),
        (b"{}", "the event has no 'request' object"),
        (b'{"request": []}', "'request' must be an object"),
        (b'{"request": {"headers": []}}', "request.headers must be an object"),
        (b'{"request": {"querystring": "a=1"}}', "request.querystring must be an object"),
        (b'{"context": [1], "request": {}}', "'context' must be an object"),
        (b'{"context": {"eventType": "origin-request"}, "request": {}}', "context.eventType must be"),
        (b'{"context": {"eventType": "viewer-response"}, "request": {}}', "needs a 'response' object"),
    ],
)
def test_test_function_never_crashes_on_an_event_file(tmp_path: Path, capsys, content, message: str) -> None:
    code = _write(tmp_path, "return event.request;")
    event = tmp_path / "e.json"
    if content is not None:
        event.write_bytes(content)
    assert testcli.main([str(code), "--event", str(event)]) == 2
    out = capsys.readouterr().out
    assert message in out and "Traceback" not in out


def test_test_function_batch_reports_a_bad_event_file_and_goes_on(tmp_path: Path, capsys) -> None:
    code = _write(tmp_path, "return event.request;")
    events = tmp_path / "events"
    events.mkdir()
    (events / "a.json").write_bytes(b"[1]")
    (events / "b.json").write_text(json.dumps({"request": {"method": "GET", "uri": "/"}}))
    (events / "b.expected.json").write_bytes(b"\xff")
    (events / "c.json").write_text(json.dumps({"request": {"method": "GET", "uri": "/"}}))
    assert testcli.main([str(code), "--event", str(events)]) == 1
    out = capsys.readouterr().out
    assert "FAIL  a.json" in out and "FAIL  b.json" in out and "ok  c.json" in out and "1 passed, 2 failed" in out


def test_test_function_with_code_that_is_not_utf8(tmp_path: Path, capsys) -> None:
    code = tmp_path / "fn.js"
    code.write_bytes(b"function handler(e) { return '\xff'; }")
    event = tmp_path / "e.json"
    event.write_text("{}")
    assert testcli.main([str(code), "--event", str(event)]) == 2
    assert "not UTF-8 text" in capsys.readouterr().out
