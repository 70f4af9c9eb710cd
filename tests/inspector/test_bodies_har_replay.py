"""The inspector's bodies (text shown, binary as size + SHA-256), its HAR export (re-imported by `frontyard replay`)
and "Replay" of a request, edited and against another config, through the JSON API of a real edge."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path

import pytest

from emulator.cli import main
from tests.inspector.support import run_inspected

SITE = """\
distribution:
  origins:
    - {id: app, domain_name: app.example.test, mock: {type: echo}}
  default_cache_behavior:
    target_origin_id: app
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
    cache_policy: Managed-CachingDisabled
    origin_request_policy: Managed-AllViewer
emulator:
  history: %(history)d
"""
OTHER = """\
distribution:
  origins:
    - {id: gone, domain_name: gone.example.test, mock: {type: response, status: 410, body: "moved away"}}
  default_cache_behavior: {target_origin_id: gone}
"""
BINARY = bytes(range(256)) * 4


async def test_bodies_are_kept_text_shown_and_binary_as_size_and_hash(tmp_path: Path) -> None:
    async with run_inspected(tmp_path, SITE) as edge:
        async with edge.session.post(edge.url + "/upload?x=1", data=BINARY,
                                     headers={"Content-Type": "application/octet-stream"}) as r:
            assert r.status == 200
            echoed = await r.read()
        status, detail = await edge.api("/_frontyard/requests/last")
        assert status == 200
        request, response = detail["bodies"]["request"], detail["bodies"]["response"]
        assert request["text"] is None  # binary: not shown as text
        assert (request["size"], request["sha256"]) == (1024, hashlib.sha256(BINARY).hexdigest())
        assert response["text"] == echoed.decode() and response["size"] == len(echoed)
        assert response["sha256"] == hashlib.sha256(echoed).hexdigest()


async def test_the_har_export_replays_through_frontyard_replay(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    async with run_inspected(tmp_path, SITE) as edge:
        for path in ("/a?lang=en", "/b"):
            assert (await edge.get(path))[0] == 200
        async with edge.session.post(edge.url + "/form", data="name=frontyard",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"}) as r:
            assert r.status == 200
        async with edge.session.get(edge.admin + "/_frontyard/har") as r:
            assert r.status == 200
            assert r.headers["Content-Disposition"] == 'attachment; filename="frontyard.har"'
            har = await r.json()
    entries = har["log"]["entries"]
    assert har["log"]["version"] == "1.2" and len(entries) == 3
    assert entries[2]["request"]["postData"]["text"] == "name=frontyard"
    assert json.loads(entries[0]["response"]["content"]["text"])["path"] == "/a"
    saved = tmp_path / "saved.har"
    saved.write_text(json.dumps(har))
    assert await asyncio.to_thread(main, ["replay", str(saved), "--config", str(tmp_path / "frontyard.yaml"),
                                          "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "har" and report["malformed"]["count"] == 0
    assert [(r[0]["method"], r[0]["target"], r[0]["status"], r[0]["origin"]) for r in report["first_requests"]] == [
        ("GET", "/a?lang=en", 200, "app"), ("GET", "/b", 200, "app"), ("POST", "/form", 200, "app")]


async def test_replay_edited_and_against_another_config(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text(OTHER)
    async with run_inspected(tmp_path, SITE) as edge:
        assert (await edge.get("/items?page=1"))[0] == 200
        _, last = await edge.api("/_frontyard/requests/last")
        url = f"{edge.admin}/_frontyard/requests/{last['id']}/replay"
        edited = [*last["viewer_request"]["headers"], ["X-Edited", "yes"]]
        async with edge.session.post(url, json={"method": "delete", "query": "page=2", "headers": edited}) as r:
            assert r.status == 200
            again = await r.json()
        assert (again["method"], again["target"], again["status"]) == ("DELETE", "/items?page=2", 200)
        echoed = json.loads(again["body"]["text"])
        assert echoed["method"] == "DELETE" and echoed["query"] == "page=2"
        assert ["x-edited", "yes"] in [[k.lower(), v] for k, v in echoed["headers"]]
        async with edge.session.post(url, json={"against": str(tmp_path / "other.yaml")}) as r:
            other = await r.json()
        assert (other["config"], other["status"], other["body"]["text"]) == (str(tmp_path / "other.yaml"), 410,
                                                                             "moved away")
        assert any(d["stage"] == "behavior" for d in other["decisions"])
        async with edge.session.post(url, json={"method": "G E T"}) as r:
            assert r.status == 400 and "not an HTTP method" in (await r.json())["error"]


async def test_the_body_store_keeps_a_total_bound_dropping_the_oldest_bodies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from emulator.inspector import bodies

    monkeypatch.setattr(bodies, "TOTAL_BYTES", 150 * 1024)  # 64 MiB in use; two 64 KiB uploads and echoes fit
    async with run_inspected(tmp_path, SITE % {"history": 50}) as edge:
        ids = []
        for n in range(4):
            async with edge.session.post(edge.url + f"/up/{n}", data=b"%d" % n * (64 * 1024)) as r:
                assert r.status == 200
                await r.read()
                ids.append(r.headers["X-Amz-Cf-Id"])
        kept = []
        for request_id in ids:
            status, detail = await edge.api(f"/_frontyard/requests/{request_id}")
            assert status == 200  # the history keeps all four entries
            kept.append(detail["bodies"] is not None)
        assert kept == [False, False, True, True]
