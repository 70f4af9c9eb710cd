"""A Python Lambda@Edge handler's errors show the function's own traceback, as Lambda and the Node worker do:
none of frontyard's worker frames nor importlib's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_edge
from tests.integration.test_lambda_edge import edge_config, write


async def test_an_import_failure_shows_the_functions_traceback_only(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path, "helper.py", "def setup():\n    raise ValueError('no settings here')\n\nsetup()\n")
    write(tmp_path, "lambda_function.py", "import helper\n\ndef handler(event, context):\n    return event\n")
    fn = "  broken: {runtime: python3.11, code: lambda_function.py, handler: lambda_function.handler}"
    config = edge_config(fn, "{origin-request: broken}")
    with caplog.at_level("ERROR", logger="frontyard"):
        async with run_edge(tmp_path, config) as edge:
            async with edge.request("GET", "/x") as r:
                assert r.status == 503
    [message] = [rec.getMessage() for rec in caplog.records if "'broken' cannot load" in rec.getMessage()]
    assert "ValueError: no settings here" in message
    assert 'lambda_function.py", line 1, in <module>' in message and 'helper.py", line 2, in setup' in message
    assert "python_worker" not in message and "importlib" not in message and "<frozen" not in message


async def test_a_handler_exception_shows_the_functions_traceback_only(tmp_path: Path) -> None:
    write(tmp_path, "lambda_function.py", "def handler(event, context):\n    raise KeyError('uri')\n")
    fn = "  thrower: {runtime: python3.11, code: lambda_function.py, handler: lambda_function.handler}"
    async with run_edge(tmp_path, edge_config(fn, "{origin-request: thrower}")) as edge:
        async with edge.request("GET", "/x") as r:
            assert r.status == 503
        assert edge.server is not None
        trace = edge.server.history.entries()[-1].trace
    stack = [d.detail for d in trace.decisions if d.stage == "lambda-log"]
    assert stack[0] == "Traceback (most recent call last):" and stack[-1] == "KeyError: 'uri'"
    assert 'lambda_function.py", line 2, in handler' in stack[1]
    assert not any("python_worker" in line for line in stack)
