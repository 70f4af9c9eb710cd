"""Through the edge: a catastrophic regex gets the 503 page, everything else keeps answering,
and SIGTERM stops `frontyard serve` at once, worker processes included."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import aiohttp
import pytest

from emulator.cf_functions import FunctionSource, compile_function
from emulator.cf_functions import runtime as cf_runtime
from emulator.cf_functions.errors import FunctionLoadError
from tests.helpers import alive, run_edge

BOMB_CODE = """\
function handler(event) {
    if (event.request.uri === '/bomb') { /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'); }
    return event.request;
}
"""


def config(tmp_path: Path) -> str:
    (tmp_path / "fn.js").write_text(BOMB_CODE)
    return """\
distribution:
  origins:
    - {id: app, domain_name: app.example.test, mock: {type: echo}}
  default_cache_behavior:
    target_origin_id: app
    function_associations: {viewer-request: fn}
  cache_behaviors:
    - {path_pattern: /plain/*, target_origin_id: app}
functions:
  fn: {runtime: cloudfront-js-1.0, code: fn.js}
"""


async def test_a_catastrophic_regex_is_a_503_and_function_requests_keep_working(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path)) as edge:
        async def get(path: str) -> tuple[int, str]:
            async with edge.request("GET", path) as r:
                return r.status, await r.text()

        results = await asyncio.gather(*(get("/bomb") for _ in range(3)), get("/plain/x"), get("/fine"))
        for status, body in results[:3]:
            assert status == 503
            assert "The CloudFront function associated with the CloudFront distribution is invalid" in body
        assert [s for s, _ in results[3:]] == [200, 200]
        # Every worker is usable again: more function requests than workers, all answered.
        later = await asyncio.gather(*(get(f"/after/{i}") for i in range(6)))
        assert [s for s, _ in later] == [200] * 6
        assert edge.emulator.runner.replaced == 3


async def test_sigterm_stops_serve_while_a_regex_runs(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(config(tmp_path))
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "emulator", "serve", str(tmp_path / "site.yaml"), "--port", "0", "--https-port", "0",
        "--admin-port", "0", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        assert proc.stdout is not None
        url = None
        while url is None:
            line = (await asyncio.wait_for(proc.stdout.readline(), 30)).decode()
            assert line, "serve exited before printing its URL"
            if " at http://" in line:
                url = line.split(" at ")[1].strip().rstrip("/")
        children = _children(proc.pid)
        assert len(children) == 2  # the function workers
        async with aiohttp.ClientSession() as session:
            async with session.get(url + "/fine") as r:
                assert r.status == 200
            bomb = asyncio.ensure_future(session.get(url + "/bomb"))
            async with session.get(url + "/plain/x") as r:  # the edge is still serving while it runs
                assert r.status == 200
            proc.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(proc.communicate(), 30)
            try:
                await bomb
            except aiohttp.ClientError:
                pass
            else:
                bomb.result().release()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 0
    assert b"Traceback" not in err, err.decode()
    assert not any(alive(pid) for pid in children)


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        return [int(p) for p in f.read().split()]


def test_a_regex_that_never_ends_in_top_level_code_is_refused_at_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cf_runtime, "PROBE_WALL_S", 0.1)  # the real cap is 5 s; this pattern ends in ~1 s
    code = "var slow = /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaa!');\nfunction handler(event) { return event.request; }"
    with pytest.raises(FunctionLoadError) as info:
        compile_function(FunctionSource("fn", "cloudfront-js-1.0", code, "fn.js"))
    assert "top-level code did not finish within the time limit" in str(info.value.problems[0])
