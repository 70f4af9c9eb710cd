"""Fault options on the mock apps directly: bodies cut at an exact byte, re-chunked bodies intact.

The delays are the feature under test; assertions are on outcomes, never on timings."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from tests.origins.mocks.support import Client, make_bucket, serve_mock


async def read_until_dropped(client: Client, path: str) -> tuple[int, str, bytes, bool]:
    """Status, Content-Length, the bytes that arrived, and whether the body was cut short."""
    received = b""
    async with client.request("GET", path) as r:
        try:
            async for chunk in r.content.iter_any():
                received += chunk
        except aiohttp.ClientPayloadError:
            return r.status, r.headers["Content-Length"], received, True
        return r.status, r.headers["Content-Length"], received, False


@pytest.mark.parametrize("after", [0, 5, 70_000])
async def test_drop_after_bytes_cuts_the_body_at_that_byte(tmp_path: Path, after: int) -> None:
    root = make_bucket(tmp_path)
    big = (root / "big.bin").read_bytes()
    async with serve_mock("s3", tmp_path, root="bucket", drop_after_bytes=after) as client:
        status, length, received, dropped = await read_until_dropped(client, "/big.bin")
    assert status == 200 and length == str(len(big))  # the full length was announced
    assert dropped and received == big[:after]


async def test_drop_after_more_bytes_than_the_body_changes_nothing(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket", drop_after_bytes=11) as client:
        assert await read_until_dropped(client, "/hello.txt") == (200, "11", b"hello world", False)
        assert await read_until_dropped(client, "/hello.txt") == (200, "11", b"hello world", False)


async def test_drop_applies_to_plain_responses_too(tmp_path: Path) -> None:
    async with serve_mock("echo", tmp_path, drop_after_bytes=10) as client:
        status, _, received, dropped = await read_until_dropped(client, "/x")
    async with serve_mock("response", tmp_path, body="0123456789abcdef", drop_after_bytes=4) as client:
        fixed = await read_until_dropped(client, "/")
    assert status == 200 and dropped and len(received) == 10 and received.startswith(b"{")
    assert fixed[2:] == (b"0123", True)


async def test_paced_bodies_arrive_intact(tmp_path: Path) -> None:
    root = make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket", delay_between_chunks=0.001, chunk_size=3,
                          delay_first_byte=0.001) as client:
        small = await client.get("/hello.txt", headers={"Range": "bytes=1-9"})
    async with serve_mock("s3-website", tmp_path, root="bucket", chunk_size=1000) as client:
        big = await client.get("/big.bin")
    assert (small[0], small[2]) == (206, b"ello worl")
    assert (big[0], big[2]) == (200, (root / "big.bin").read_bytes())
