"""The SPA + API Lambda@Edge example, run from examples/ as shipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from emulator.cli import main
from tests.helpers import run_edge

REPO = Path(__file__).resolve().parents[2]
NAME = "spa-api-lambda-edge"


def edge_for(tmp_path: Path):
    # Copy beside lambda-functions/ so the example's ../../lambda-functions paths resolve as in the repo.
    shutil.copytree(REPO / "examples" / NAME, tmp_path / "examples" / NAME)
    shutil.copytree(REPO / "lambda-functions", tmp_path / "lambda-functions")
    folder = tmp_path / "examples" / NAME
    return run_edge(folder, (folder / "frontyard.yaml").read_text())


async def test_spa_and_api_with_lambda_edge(tmp_path: Path) -> None:
    async with edge_for(tmp_path) as edge:
        host = {"Host": "app.localhost"}
        async with edge.request("GET", "/api/users?limit=5", headers=host) as r:
            api = json.loads(await r.read())
        async with edge.request("GET", "/api/v2/users", headers=host) as r:
            api_py = json.loads(await r.read())
        async with edge.request("GET", "/", headers=host) as r:
            page, page_headers = await r.read(), r.headers
        async with edge.request("GET", "/maintenance/", headers=host) as r:
            maintenance, maintenance_status, maintenance_cache = await r.text(), r.status, r.headers["X-Cache"]
    assert (api["path"], api["query"]) == ("/users", "limit=5")
    assert api_py["path"] == "/v2/users"
    assert b"SPA + API" in page and page_headers["X-Frame-Options"] == "DENY"
    assert page_headers["X-Content-Type-Options"] == "nosniff"
    assert maintenance_status == 503 and "Back soon" in maintenance
    assert maintenance_cache == "LambdaGeneratedResponse from cloudfront"


def test_explain_runs_the_request_functions_and_names_the_others(capsys: pytest.CaptureFixture[str]) -> None:
    config = str(REPO / "examples" / NAME / "frontyard.yaml")
    assert main(["explain", config, "http://app.localhost:8080/api/users"]) == 0
    out = capsys.readouterr().out
    assert "origin-request Lambda@Edge 'strip-api-prefix' (nodejs20.x) ran in" in out
    assert "uri '/api/users' -> '/users'" in out and "\nGET /users HTTP/1.1\n" in out
    assert main(["explain", config, "http://app.localhost:8080/index.html"]) == 0
    out = capsys.readouterr().out
    assert "origin-response Lambda@Edge 'security-headers' runs right after the origin answers" in out
    assert main(["explain", config, "http://app.localhost:8080/maintenance/x"]) == 0
    out = capsys.readouterr().out
    assert "Answered by the edge: 503" in out and "X-Cache: LambdaGeneratedResponse from cloudfront" in out
