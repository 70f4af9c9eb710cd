"""The `response` mock: a fixed status, headers and body for every request."""

from __future__ import annotations

import json
from pathlib import Path

from emulator.origins.mocks import MOCK_TYPES
from tests.origins.mocks.support import serve_mock

API_404 = '{"error": "not found"}'


async def test_fixed_response_for_every_request(tmp_path: Path) -> None:
    headers = {"Content-Type": "application/json", "X-Api": 1, "Set-Cookie": ["a=1", "b=2"]}
    async with serve_mock("response", tmp_path, status=404, headers=headers, body=API_404) as client:
        status, got, body = await client.get("/api/anything?q=1")
        async with client.request("POST", "/other", data=b"x" * 100_000) as r:
            post = r.status, await r.read()
        async with client.request("HEAD", "/") as r:
            head = r.status, r.headers["Content-Length"], await r.read()
    assert status == 404 and json.loads(body) == {"error": "not found"}
    assert got["Content-Type"] == "application/json" and got["X-Api"] == "1"
    assert got.getall("Set-Cookie") == ["a=1", "b=2"]
    assert got["Content-Length"] == str(len(API_404))
    assert post == (404, API_404.encode())
    assert head == (404, str(len(API_404)), b"")


async def test_defaults_and_text_body(tmp_path: Path) -> None:
    async with serve_mock("response", tmp_path) as client:
        empty = await client.get("/")
    async with serve_mock("response", tmp_path, status=503, body="maintenance é") as client:
        text = await client.get("/")
    assert (empty[0], empty[2]) == (200, b"")
    assert text[0] == 503 and text[2] == "maintenance é".encode()
    assert text[1]["Content-Type"] == "text/plain; charset=utf-8"


async def test_body_file_is_streamed_and_reread(tmp_path: Path) -> None:
    page = tmp_path / "pages" / "error.json"
    page.parent.mkdir()
    page.write_text('{"v": 1}')
    async with serve_mock("response", tmp_path, status=500, body_file="pages/error.json") as client:
        first = await client.get("/")
        page.write_text('{"v": 2, "edited": true}')
        second = await client.get("/")
        page.unlink()
        gone = await client.get("/")
    assert first[0] == 500 and first[2] == b'{"v": 1}' and first[1]["Content-Type"] == "application/json"
    assert second[2] == b'{"v": 2, "edited": true}'
    assert gone[0] == 500 and b"cannot read body_file" in gone[2]


def test_cross_option_problems() -> None:
    check = MOCK_TYPES["response"].problems
    assert check({"body": "x"}) == []
    assert [name for name, _ in check({"body": "x", "body_file": "f"})] == ["body_file"]
    assert [name for name, _ in check({"headers": {"content-length": "3"}})] == ["headers"]


def test_every_mock_accepts_the_fault_options() -> None:
    for mock in MOCK_TYPES.values():
        assert {"delay_first_byte", "delay_between_chunks", "chunk_size", "drop_after_bytes"} <= set(mock.options)
