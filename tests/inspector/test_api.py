"""The inspector's JSON API on the admin listener: served requests with their whole trace."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from emulator.cli import main
from tests.inspector.support import run_inspected


def pairs(items: list[list[str]]) -> dict[str, str]:
    return {k.lower(): v for k, v in items}


async def test_a_served_request_has_its_whole_trace(tmp_path: Path) -> None:
    async with run_inspected(tmp_path) as edge:
        status, _ = await edge.get("/a/b?q=1", headers={"Host": "app.localhost", "Accept-Language": "de",
                                                         "X-Custom": "kept-by-viewer"})
        assert status == 200
        status, listing = await edge.api("/_frontyard/requests")
        assert status == 200 and listing["limit"] == 500 and len(listing["instance"]) == 12
        [row] = listing["requests"]
        assert (row["method"], row["target"], row["status"], row["behavior"], row["origin"]) == \
            ("GET", "/a/b?q=1", 200, "default (*)", "app")
        status, d = await edge.api(f"/_frontyard/requests/{row['id']}")
    assert status == 200
    viewer = pairs(d["viewer_request"]["headers"])
    assert viewer["host"] == "app.localhost" and viewer["x-custom"] == "kept-by-viewer"
    [fn] = d["functions"]
    assert fn["name"] == "tag" and fn["event_type"] == "viewer-request" and fn["outcome"] == "ContinueRequest"
    assert fn["logs"] == ["saw /a/b from 127.0.0.1"]
    assert fn["event"]["request"]["uri"] == "/a/b" and fn["event"]["context"]["requestId"] == row["id"]
    assert pairs(fn["result"]["headers"])["x-from-function"] == "yes"
    [x] = d["origin_exchanges"]
    sent = pairs(x["headers"])
    # Exactly as sent: the default policy forwards neither the viewer's headers nor its query string.
    assert x["target"] == "/a/b" and sent["host"] == "app.example.test" and "x-custom" not in sent
    assert sent["x-amz-cf-id"] == row["id"] and sent["user-agent"] == "Amazon CloudFront"
    assert x["status"] == 200 and pairs(x["response_headers"])["content-type"].startswith("application/json")
    final = pairs(d["response"]["headers"])
    assert final["x-cache"] == "Miss from cloudfront" and final["x-amz-cf-id"] == row["id"]
    stages = [s["stage"] for s in d["decisions"]]
    assert stages[:3] == ["distribution", "behavior", "viewer"] and "origin" in stages
    behavior = next(s for s in d["decisions"] if s["stage"] == "behavior")
    assert behavior["location"].endswith("frontyard.yaml:9:5")  # default_cache_behavior
    times = [s["at_ms"] for s in d["decisions"]]
    assert times == sorted(times) and times[-1] <= d["duration_ms"]
    assert [t["stage"] for t in d["timings"]][-1] == "send"
    assert d["curl"].startswith("curl -i -H 'Host: app.localhost'") and d["curl"].endswith(f"{edge.url}/a/b?q=1'")


async def test_errors_carry_why_and_error_page_steps(tmp_path: Path) -> None:
    async with run_inspected(tmp_path) as edge:
        assert (await edge.get("/missing/x"))[0] == 404
        assert (await edge.get("/", headers={"Host": "nobody.test"}))[0] == 403
        _, listing = await edge.api("/_frontyard/requests")
        missing, unknown = listing["requests"]
        assert missing["why"] == missing["why"] and "origin 'pages' answered 404" in missing["why"]
        assert unknown["why"] == "Host 'nobody.test' is not an alternate domain name of any distribution"
        _, d = await edge.api(f"/_frontyard/requests/{unknown['id']}")
        assert d["origin_exchanges"] == [] and d["functions"] == []


async def test_last_unknown_and_the_ring_buffer_bound(tmp_path: Path) -> None:
    async with run_inspected(tmp_path, history=3) as edge:
        status, body = await edge.api("/_frontyard/requests/last")
        assert status == 404 and "keeps the last 3" in body["error"]
        for i in range(5):
            await edge.get(f"/n/{i}")
        _, listing = await edge.api("/_frontyard/requests")
        assert [r["target"] for r in listing["requests"]] == ["/n/2", "/n/3", "/n/4"]
        assert [r["seq"] for r in listing["requests"]] == [3, 4, 5]
        _, newer = await edge.api("/_frontyard/requests?after=4")
        assert [r["target"] for r in newer["requests"]] == ["/n/4"]
        _, last = await edge.api("/_frontyard/requests/last")
        assert last["target"] == "/n/4"
        status, _ = await edge.api("/_frontyard/requests/not-an-id")
        assert status == 404
        async with edge.session.get(edge.admin + "/_frontyard/requests?after=x") as r:
            assert r.status == 400
        assert len(edge.edge.history) == 3


async def test_history_zero_keeps_nothing(tmp_path: Path) -> None:
    async with run_inspected(tmp_path, history=0) as edge:
        assert (await edge.get("/x"))[0] == 200
        _, listing = await edge.api("/_frontyard/requests")
        assert listing["requests"] == []


async def test_the_stream_pushes_new_requests(tmp_path: Path) -> None:
    async with run_inspected(tmp_path) as edge, edge.session.get(edge.admin + "/_frontyard/requests/stream") as s:
        assert s.headers["Content-Type"] == "text/event-stream"
        assert (await s.content.readline()).startswith(b": frontyard")  # the stream is open
        await edge.get("/streamed")
        event: dict[str, str] = {}
        while "data" not in event:
            line = (await asyncio.wait_for(s.content.readline(), 10)).decode().rstrip("\n")
            if line and not line.startswith(":"):
                key, _, value = line.partition(": ")
                event[key] = value
        assert event["event"] == "request" and event["id"] == "1"
        assert json.loads(event["data"])["target"] == "/streamed"


async def test_explain_this_uses_the_current_config(tmp_path: Path) -> None:
    async with run_inspected(tmp_path) as edge:
        await edge.get("/missing/a")
        _, e = await edge.api("/_frontyard/requests/last/explain")
        assert e["origin_request"]["url"] == "http://pages.example.test/missing/a"
        assert [d["stage"] for d in e["decisions"]][:2] == ["distribution", "behavior"]


async def test_config_with_its_warnings(tmp_path: Path) -> None:
    yaml = CONFIG_WITH_SHADOW
    async with run_inspected(tmp_path, yaml) as edge:
        _, c = await edge.api("/_frontyard/config")
    assert c["file"].endswith("frontyard.yaml") and "cache_behaviors" in c["text"]
    assert c["distributions"][0]["behaviors"] == ["/api/*", "/api/v1/*", "default (*)"]
    assert any("/api/v1/*" in w["text"] and "never" in w["text"] for w in c["warnings"])


async def test_the_page_and_its_assets_are_served_offline(tmp_path: Path) -> None:
    async with run_inspected(tmp_path) as edge:
        async with edge.session.get(edge.admin + "/") as r:
            page = await r.text()
            assert r.status == 200 and r.headers["Content-Type"].startswith("text/html")
        for asset in ("/_frontyard/static/inspector.js", "/_frontyard/static/inspector.css", "/favicon.ico"):
            async with edge.session.get(edge.admin + asset) as r:
                assert r.status == 200, asset
        async with edge.session.get(edge.admin + "/_frontyard/static/..%2Fapi.py") as r:
            assert r.status == 404 and "no such file" in (await r.json())["error"]
        async with edge.session.get(edge.admin + "/nothing-here") as r:
            body = await r.json()
            assert r.status == 404 and "/_frontyard/requests/{id}" in body["routes"]
        async with edge.session.delete(edge.admin + "/_frontyard/requests") as r:
            assert r.status == 405 and "DELETE /_frontyard/requests is not an admin route" in (await r.json())["error"]
    assert "http://" not in page and "https://" not in page  # nothing from a CDN


async def test_trace_cli_prints_the_last_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async with run_inspected(tmp_path) as edge:
        await edge.get("/cli/x", headers={"Host": "app.localhost"})
        assert await asyncio.to_thread(main, ["trace", "last", "--admin", edge.admin]) == 0
        text = capsys.readouterr().out
        assert await asyncio.to_thread(main, ["trace", "last", "--admin", edge.admin, "--json"]) == 0
        as_json = json.loads(capsys.readouterr().out)
        assert await asyncio.to_thread(main, ["trace", "nope", "--admin", edge.admin]) == 1
        assert "no request 'nope' in the history" in capsys.readouterr().err
    assert text.startswith("GET http://app.localhost/cli/x -> 200")
    assert "console.log: saw /cli/x from 127.0.0.1" in text
    assert "Origin request to 'app' (http://app.example.test/cli/x" in text and "  Host: app.example.test" in text
    assert as_json["target"] == "/cli/x" and as_json["functions"][0]["logs"] == ["saw /cli/x from 127.0.0.1"]


def test_trace_cli_without_a_running_edge(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers import refused_port

    with refused_port() as port:
        assert main(["trace", "last", "--admin", f"http://127.0.0.1:{port}"]) == 1
    assert "cannot reach the admin listener" in capsys.readouterr().err
    assert main(["trace", "last", "--admin", "ftp://x"]) == 1
    assert "--admin 'ftp://x' is not an http:// URL" in capsys.readouterr().err


async def test_trace_cli_against_something_else(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from aiohttp import web

    from tests.helpers import serve_app

    async def not_the_inspector(request: web.Request) -> web.Response:
        return web.Response(text="<html>not json</html>")

    app = web.Application()
    app.router.add_get("/_frontyard/requests/last", not_the_inspector)
    async with serve_app(app) as port:
        assert await asyncio.to_thread(main, ["trace", "last", "--admin", f"127.0.0.1:{port}"]) == 1
    assert "did not answer with the inspector's JSON" in capsys.readouterr().err


CONFIG_WITH_SHADOW = """\
distribution:
  origins:
    - {id: app, domain_name: app.example.test, mock: {type: echo}}
  default_cache_behavior: {target_origin_id: app}
  cache_behaviors:
    - {path_pattern: /api/*, target_origin_id: app}
    - {path_pattern: /api/v1/*, target_origin_id: app}
emulator:
  history: %(history)d
"""


async def test_the_cache_decisions_of_a_miss_and_a_hit(tmp_path: Path) -> None:
    async with run_inspected(tmp_path) as edge:
        await edge.get("/cached", headers={"Host": "app.localhost"})
        _, miss = await edge.api("/_frontyard/requests/last")
        await edge.get("/cached", headers={"Host": "app.localhost"})
        _, hit = await edge.api("/_frontyard/requests/last")
    assert [c["outcome"] for c in miss["cache"]] == ["cacheable", "miss", "stored"]
    assert len(miss["origin_exchanges"]) == 1
    assert hit["x_cache"] == "Hit from cloudfront" and [c["outcome"] for c in hit["cache"]] == ["cacheable", "hit"]
    assert hit["origin"] == miss["origin"] == "app"  # a hit is listed under the origin its copy came from
    assert hit["origin_exchanges"] == []  # served from the cache: no origin request
