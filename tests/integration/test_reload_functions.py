"""A reload keeps CloudFront Functions' worker processes: the new configuration takes them over, an unchanged
function keeps its compiled form (and so its warm contexts), a changed one answers with its new code at once,
and a reload that cannot start leaves the running configuration's functions serving."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp

from emulator.serve.app import Emulator
from tests.helpers import header
from tests.integration.test_reload import wait_for, watched

CONFIG = """\
distribution:
  origins:
    - {{id: a, domain_name: a.test, mock: {{type: echo}}}}
  default_cache_behavior:
    target_origin_id: a
    origin_request_policy: Managed-AllViewer
    function_associations: {{viewer-request: tag}}
  cache_behaviors:
    - {{path_pattern: "{pattern}", target_origin_id: a}}
functions:
  tag: {{runtime: cloudfront-js-1.0, code: tag.js}}
"""
CODE = "function handler(e) {{ e.request.headers['x-tag'] = {{value: '{tag}'}}; return e.request; }}\n"


async def tag(session: aiohttp.ClientSession, url: str) -> str | None:
    async with session.get(url) as r:
        assert r.status == 200
        return header(json.loads(await r.read()), "x-tag")


async def test_a_reload_keeps_the_function_workers_and_an_unchanged_function(tmp_path: Path) -> None:
    path = tmp_path / "frontyard.yaml"
    (tmp_path / "tag.js").write_text(CODE.format(tag="one"))
    path.write_text(CONFIG.format(pattern="/one/*"))
    async with watched(path) as (base, reloader), aiohttp.ClientSession() as session:
        first: Emulator = reloader.server.emulator
        assert await tag(session, f"{base}/x") == "one"
        pids = first.runner.pids
        compiled = first.config.functions[0].compiled

        path.write_text(CONFIG.format(pattern="/two/*"))  # the function left alone
        await wait_for(reloader, lambda: reloader.generation == 2)
        second: Emulator = reloader.server.emulator
        await reloader.server.drained()
        assert first.closed and second.runner is first.runner and second.runner.pids == pids
        assert second.config.functions[0].compiled is compiled
        assert await tag(session, f"{base}/x") == "one"

        (tmp_path / "tag.js").write_text(CODE.format(tag="two"))  # the function changed
        await wait_for(reloader, lambda: reloader.generation == 3)
        await reloader.server.drained()
        assert await tag(session, f"{base}/x") == "two"
        assert reloader.server.emulator.runner.pids == pids


async def test_a_reload_that_cannot_start_leaves_the_functions_serving(tmp_path: Path) -> None:
    path = tmp_path / "frontyard.yaml"
    (tmp_path / "tag.js").write_text(CODE.format(tag="one"))
    path.write_text(CONFIG.format(pattern="/one/*"))
    (tmp_path / "not-a-dir").write_text("a file where the CA folder should be")
    async with watched(path) as (base, reloader), aiohttp.ClientSession() as session:
        pids = reloader.server.emulator.runner.pids
        path.write_text(CONFIG.format(pattern="/two/*") + "emulator:\n  state_dir: not-a-dir/state\n")
        await wait_for(reloader, lambda: reloader.last_error is not None)
        assert "cannot start the new configuration" in str(reloader.last_error)
        assert await tag(session, f"{base}/x") == "one"
        assert reloader.server.emulator.runner.pids == pids
