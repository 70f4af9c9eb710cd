"""The `frontyard` command: validate, explain, and serve (a real subprocess, stopped with Ctrl-C)."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import textwrap
from pathlib import Path

import aiohttp
import pytest

from emulator.cli import main
from tests.helpers import serve_url

THREE_MISTAKES = """\
distribution:
  origins:
    - id: api
      domian_name: api.example.test
  default_cache_behavior:
    target_origin_id: web
    allowed_methods: [GET, PATCH]
"""


def test_validate_reports_three_located_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(THREE_MISTAKES)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    located = [line for line in err if line.startswith(f"{path}:")]
    assert [line.split(":")[1:3] for line in located] == [["4", "7"], ["6", "23"], ["7", "22"]]
    assert err[-1] == f"3 errors in {path}"


def test_validate_ok_prints_one_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    from emulator.cli.main import demo_config_path

    assert main(["validate", str(demo_config_path())]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "OK: 1 distribution, 2 behaviors, 2 origins" in out[0]


def test_explain_shows_decisions_and_the_origin_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(textwrap.dedent("""\
        distribution:
          aliases: [app.test]
          origins:
            - {id: site, domain_name: site.test}
            - {id: api, domain_name: api.example.test, origin_path: /v1, custom_headers: {X-Key: k}}
          default_cache_behavior: {target_origin_id: site}
          cache_behaviors:
            - path_pattern: /api/*
              target_origin_id: api
              allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
        """))
    assert main(["explain", str(path), "http://app.test/api/x?y=1", "-X", "POST", "-H", "Cookie: a=1"]) == 0
    out = capsys.readouterr().out
    assert "behavior" in out and "/api/*: '/api/x' matched cache_behaviors[0] '/api/*'" in out
    assert f"[{path}:8:7]" in out  # the config line of the chosen behavior
    assert "Origin request (not sent):\nPOST /v1/api/x HTTP/1.1\nHost: api.example.test\n" in out
    assert "X-Key: k" in out and "Cookie" not in out.split("Origin request")[1]
    assert "query strings not forwarded: y" in out


def test_explain_an_edge_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(textwrap.dedent("""\
        distribution:
          origins: [{id: site, domain_name: site.test}]
          default_cache_behavior: {target_origin_id: site}
        """))
    assert main(["explain", str(path), "http://localhost/", "-X", "DELETE"]) == 0
    out = capsys.readouterr().out
    assert "viewer-method  forbidden: DELETE is not in behavior default (*)'s allowed methods [GET, HEAD]" in out
    assert "Answered by the edge: 403" in out


async def test_serve_demo_then_ctrl_c(tmp_path: Path) -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "emulator", "serve", "--port", "0", "--https-port", "0", "--admin-port", "0",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        url = await serve_url(proc)
        async with aiohttp.ClientSession() as session:
            async with session.get(url + "/") as r:
                assert r.status == 200
                assert "frontyard demo" in await r.text()
                assert r.headers["X-Cache"] == "Miss from cloudfront"
            async with session.get(url + "/api/x?y=1") as r:
                echo = json.loads(await r.read())
                assert {"Via", "X-Cache", "X-Amz-Cf-Id"} <= set(r.headers)
        headers = dict(echo["headers"])
        assert headers["Host"] == "api.demo.localhost"
        assert headers["User-Agent"] == "Amazon CloudFront"
        assert headers["X-Forwarded-For"] == "127.0.0.1"
        assert headers["X-Amz-Cf-Id"] == r.headers["X-Amz-Cf-Id"]
        assert echo["query"] == ""
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 0
    assert b"Traceback" not in err, err.decode()
    assert b"frontyard: stopped" in out
    assert b'"GET /api/x?y=1 HTTP/1.1" 200' in err  # the access log


async def test_serve_reports_a_busy_port(tmp_path: Path) -> None:
    from tests.helpers import refused_port

    with refused_port() as port:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "emulator", "serve", "--port", str(port), "--https-port", "0", "--admin-port", "0",
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        _, err = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}".encode() in err and b"Traceback" not in err
