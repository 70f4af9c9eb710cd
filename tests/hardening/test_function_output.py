"""Through the edge: an invalid function result is CloudFront's 502 page (never a
`100 Continue`, a smuggled header line or aiohttp's 500), and the cause reaches the access log (why=), its
console.log lines the function log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.helpers import run_edge


def config(tmp_path: Path, code: str, event: str = "viewer-request") -> str:
    (tmp_path / "fn.js").write_text(code)
    return f"""\
distribution:
  origins:
    - {{id: app, domain_name: app.example.test, mock: {{type: echo}}}}
  default_cache_behavior:
    target_origin_id: app
    function_associations: {{{event}: fn}}
  cache_behaviors:
    - {{path_pattern: /plain/*, target_origin_id: app}}
functions:
  fn: {{runtime: cloudfront-js-1.0, code: fn.js}}
"""


CASES = [
    ("viewer-request", "return {statusCode: 100};"),
    ("viewer-request", "return {statusCode: 200, statusDescription: 'OK\\r\\nX-Evil: 1'};"),
    ("viewer-request", "return {statusCode: 200, headers: {'x-a': {value: 'v\\r\\nX-Evil: 1'}}};"),
    ("viewer-request", "return {statusCode: 200, headers: {'x-a': {value: 'v\\u0000'}}};"),
    ("viewer-request", "return {statusCode: 200, cookies: {s: {value: '1', attributes: 'a\\r\\nX-Evil: 1'}}};"),
    ("viewer-request", "event.request.headers['host:evil'] = {value: 'x'}; return event.request;"),
    ("viewer-request", "Object.prototype.toJSON = function () { return 1; }; return event.request;"),
    ("viewer-request", "JSON.stringify = function () { throw new Error('x'); }; return {statusCode: 600};"),
    ("viewer-response", "event.response.statusCode = 101; return event.response;"),
    ("viewer-response", "event.response.headers['x a'] = {value: '1'}; return event.response;"),
]


@pytest.mark.parametrize(("event", "body"), CASES)
async def test_invalid_function_output_is_a_502_page(tmp_path: Path, caplog, event: str, body: str) -> None:
    caplog.set_level(logging.INFO)
    code = f"function handler(event) {{\n  console.log('about to return');\n  {body}\n}}\n"
    async with run_edge(tmp_path, config(tmp_path, code, event)) as edge:
        async with edge.request("GET", "/x") as r:
            assert r.status == 502
            assert r.headers["X-Cache"] == "Error from cloudfront"
            assert "X-Evil" not in r.headers and "evil" not in r.headers.get("Host", "")
            assert "The CloudFront function associated with the CloudFront distribution is invalid" in await r.text()
        async with edge.request("GET", "/plain/x") as r:  # the connection and the edge are fine
            assert r.status == 200
    line = next(rec.getMessage() for rec in caplog.records if '"GET /x ' in rec.getMessage())
    assert " 502 " in line and 'why="' in line and "invalid" in line
    if "toJSON" not in body:  # a replaced toJSON leaves nothing of the invocation readable, logs included
        request_id = line.split(" id=")[1].split()[0]
        logged = [r.getMessage() for r in caplog.records if r.name == "frontyard.function"]
        assert logged == [f"fn {request_id}: about to return"]
    assert "Traceback" not in caplog.text


async def test_a_throwing_function_logs_its_error_and_console_lines(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.INFO)
    code = "function handler(event) {\n  console.log('step \"1\"');\n  throw new Error('boom');\n}\n"
    text = config(tmp_path, code) + "emulator: {debug: {trace_header: true}}\n"
    async with run_edge(tmp_path, text) as edge, edge.request("GET", "/x") as r:
        assert r.status == 503
        trace = r.headers["X-Frontyard-Trace"]
    assert "function=error" in trace
    line = next(rec.getMessage() for rec in caplog.records if '"GET /x ' in rec.getMessage())
    assert "Error: boom" in line
    assert [r.getMessage() for r in caplog.records if r.name == "frontyard.function"] == \
        [f"fn {line.split(' id=')[1].split()[0]}: step \"1\""]
