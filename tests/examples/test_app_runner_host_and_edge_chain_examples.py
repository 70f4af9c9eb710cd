"""The shipped examples under examples/, run as they are."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from emulator.cli import main
from tests.helpers import header, run_edge

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


async def edge_for(tmp_path: Path, name: str):
    folder = tmp_path / name
    shutil.copytree(EXAMPLES / name, folder)
    return run_edge(folder, (folder / "frontyard.yaml").read_text())


async def test_app_runner_host_trap_and_fix(tmp_path: Path) -> None:
    async with await edge_for(tmp_path, "app-runner-host") as edge:
        async with edge.request("GET", "/broken/hello", headers={"Host": "app.localhost"}) as r:
            assert r.status == 404
            assert r.headers["server"] == "envoy"
            assert await r.read() == b""
        async with edge.request("GET", "/fixed/hello", headers={"Host": "app.localhost"}) as r:
            assert r.status == 200
            seen = json.loads(await r.read())
    assert header(seen, "Host") == "abc123xyz.us-east-1.awsapprunner.com"


def test_app_runner_explain_shows_each_host(capsys: pytest.CaptureFixture[str]) -> None:
    config = str(EXAMPLES / "app-runner-host" / "frontyard.yaml")
    assert main(["explain", config, "http://app.localhost/broken/hello"]) == 0
    broken = capsys.readouterr().out
    assert main(["explain", config, "http://app.localhost/fixed/hello"]) == 0
    fixed = capsys.readouterr().out
    assert "\nHost: app.localhost\n" in broken.split("Origin request")[1]
    assert "\nHost: abc123xyz.us-east-1.awsapprunner.com\n" in fixed.split("Origin request")[1]


def test_app_runner_validate_warns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES / "app-runner-host" / "frontyard.yaml")]) == 0
    out = capsys.readouterr().out
    assert "frontyard.yaml:21:7: warning:" in out and "forwards the viewer's Host" in out


async def test_edge_chain(tmp_path: Path) -> None:
    async with await edge_for(tmp_path, "edge-chain") as edge:
        async with edge.request("GET", "/x", headers={"Host": "front.localhost"}) as r:
            assert r.status == 200
            assert header(json.loads(await r.read()), "Host") == "api.localhost"
        async with edge.request("GET", "/x", headers={"Host": "loop.localhost"}) as r:
            assert r.status == 403


def test_edge_chain_validate_flags_self_origins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES / "edge-chain" / "frontyard.yaml")]) == 0
    out = capsys.readouterr().out
    assert out.count("connects to this emulator's own listener") == 2
