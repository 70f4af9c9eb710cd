"""POST /_frontyard/requests/{id}/replay with what a hostile or careless client sends: every answer is the
inspector's own JSON (a 4xx naming what was wrong), never a traceback, aiohttp's error page or a 500."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.inspector.support import run_inspected
from tests.inspector.test_bodies_har_replay import SITE

HOSTILE: list[tuple[bytes, str]] = [
    (b"{not json", "replay:"),
    (b"\xff\xfe\x00junk", "replay:"),
    (b"[1, 2]", "expected a JSON object"),
    (b'"GET"', "expected a JSON object"),
    (b"[" * 100_000 + b"]" * 100_000, "replay:"),
    (b'{"method": "G\xc3\x89T"}', "is not an HTTP method"),
    (b'{"headers": "ab"}', "replay:"),
    (b'{"headers": [["X-A", "1\\r\\nInjected: yes"]]}', "replay:"),
    (b'{"headers": [["Bad Name", "1"]]}', "replay:"),
    (b'{"headers": 7}', "replay:"),
    (b'{"query": "a=1 b\\u0000"}', "replay:"),
    (b'{"against": "/nonexistent/frontyard.yaml"}', "does not load"),
    (b'{"against": ["x"]}', "does not load"),
    (b'{"body": {"a": 1}}', ""),
]


@pytest.mark.parametrize(("body", "expected"), HOSTILE, ids=range(len(HOSTILE)))
async def test_hostile_replay_bodies_are_answered_in_json(tmp_path: Path, body: bytes, expected: str) -> None:
    async with run_inspected(tmp_path, SITE % {"history": 10}) as edge:
        status, _ = await edge.get("/hello")
        assert status == 200
        async with edge.session.post(edge.admin + "/_frontyard/requests/last/replay", data=body,
                                     headers={"Content-Type": "application/json"}) as r:
            answer = await r.json()
        if expected:
            assert r.status == 400, answer
            assert expected in answer["error"]
        else:
            assert r.status == 200, answer


async def test_unknown_ids_and_a_body_past_the_admin_limit(tmp_path: Path) -> None:
    async with run_inspected(tmp_path, SITE % {"history": 10}) as edge:
        async with edge.session.post(edge.admin + "/_frontyard/requests/nope/replay", json={}) as r:
            assert r.status == 404 and "no request 'nope'" in (await r.json())["error"]
        await edge.get("/hello")
        async with edge.session.post(edge.admin + "/_frontyard/requests/last/replay",
                                     data=io.BytesIO(b'{"body": "' + b"x" * (8 << 20) + b'"}'),
                                     headers={"Content-Type": "application/json"}) as r:
            answer = await r.json()
            assert r.status == 413 and "error" in answer
