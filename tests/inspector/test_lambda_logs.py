"""Lambda@Edge output in the inspector's detail and in `frontyard trace`."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from emulator.cli import main
from tests.inspector.support import run_inspected

CONFIG = """\
distribution:
  origins:
    - {id: app, domain_name: app.example.test, mock: {type: echo}}
  default_cache_behavior:
    target_origin_id: app
    lambda_function_associations: {origin-request: tell}
lambda_functions:
  tell: {runtime: python3.11, code: tell.py}
emulator:
  history: %(history)d
"""


async def test_lambda_output_is_in_the_detail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "tell.py").write_text("def handler(event, context):\n    request = event['Records'][0]['cf']"
                                      "['request']\n    print('origin-request for', request['uri'])\n"
                                      "    return request\n")
    async with run_inspected(tmp_path, CONFIG) as edge:
        assert (await edge.get("/hello"))[0] == 200
        _, d = await edge.api("/_frontyard/requests/last")
        assert await asyncio.to_thread(main, ["trace", "last", "--admin", edge.admin]) == 0
    assert any(line.startswith("tell: ") and "origin-request for /hello" in line for line in d["lambda_logs"])
    assert "Lambda@Edge output:" in capsys.readouterr().out
