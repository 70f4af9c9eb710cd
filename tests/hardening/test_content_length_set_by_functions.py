"""A viewer-response function or an origin-response Lambda@Edge may set Content-Length to something other than
the body's size. The viewer reads what the length says (the rest is dropped), the connection closes so nothing
left over or missing is read as the next response, and a copy whose length disagrees is never stored: the same
whether the origin's body arrived whole with its headers (a bytes body) or streamed."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.helpers import Edge, raw_server, run_edge

CONFIG = """\
distribution:
  origins:
    - id: app
      domain_name: app.test
      connection_attempts: 1
      custom_origin: {{protocol_policy: http-only, http_port: {port}, read_timeout: 5}}
  cache_behaviors:
    - path_pattern: /lambda/*
      target_origin_id: app
      cache_policy: Managed-CachingOptimized
      lambda_function_associations: {{origin-response: length}}
  default_cache_behavior:
    target_origin_id: app
    cache_policy: Managed-CachingDisabled
    function_associations: {{viewer-response: length}}
functions:
  length: {{runtime: cloudfront-js-2.0, code: length.js}}
lambda_functions:
  length: {{runtime: python3.11, code: length.py}}
emulator: {{resolve: {{app.test: 127.0.0.1}}, debug: {{trace_header: true}}}}
"""
FUNCTION = """\
function handler(event) {
    var response = event.response;
    var wanted = event.request.querystring.length;
    if (wanted) { response.headers['content-length'] = { value: decodeURIComponent(wanted.value) }; }
    var several = event.request.querystring.lengths;
    if (several) {
        var values = several.value.split(',');
        response.headers['content-length'] = { value: values[0], multiValue: values.map(function (v) {
            return { value: v }; }) };
    }
    return response;
}
"""
LAMBDA = """\
def handler(event, context):
    cf = event["Records"][0]["cf"]
    response = cf["response"]
    wanted = cf["request"]["uri"].rsplit("/", 1)[1]  # /lambda/3: the query does not reach the origin here
    if wanted.isdigit():
        response["headers"]["content-length"] = [{"key": "Content-Length", "value": wanted}]
    return response
"""


def origin(split: bool):  # type: ignore[no-untyped-def]
    """5 bytes with Content-Length 5: in the packet of the headers, or (split) a moment after them."""
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            while True:
                await reader.readuntil(b"\r\n\r\n")
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nCache-Control: max-age=60\r\n" \
                    b"Content-Length: 5\r\n\r\n"
                if split:
                    writer.write(head)
                    await writer.drain()
                    await asyncio.sleep(0.05)  # the origin's second packet, not a synchronisation
                    writer.write(b"hello")
                else:
                    writer.write(head + b"hello")
                await writer.drain()
        writer.close()
    return serve


@contextlib.asynccontextmanager
async def edge_for(tmp_path: Path, split: bool) -> AsyncIterator[Edge]:
    """The edge with the function and the Lambda above, in front of origin(split)."""
    (tmp_path / "length.js").write_text(FUNCTION)
    (tmp_path / "length.py").write_text(LAMBDA)
    async with raw_server(origin(split)) as port, run_edge(tmp_path, CONFIG.format(port=port)) as edge:
        yield edge


async def raw_get(edge: Edge, target: str) -> tuple[bytes, bytes]:
    """One request on a connection of its own; the head and everything until the edge closes it (bounded)."""
    host, port = edge.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(f"GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    data = await asyncio.wait_for(reader.read(-1), 10)  # to EOF: the edge must close, not leave it hanging
    writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return head, body


@pytest.mark.parametrize("split", [False, True], ids=["whole", "streamed"])
async def test_a_shorter_length_cuts_the_body_and_closes_the_connection(tmp_path: Path, split: bool) -> None:
    async with edge_for(tmp_path, split) as edge:
        head, body = await raw_get(edge, "/p?length=2")
        assert b"Content-Length: 2" in head and body == b"he"
        for _ in range(2):  # a keep-alive client is not thrown off by bytes left over
            async with edge.session.get(edge.url + "/p?length=2") as r:
                assert (r.status, await r.read()) == (200, b"he")
        async with edge.session.get(edge.url + "/p") as r:  # untouched: the whole body
            assert (r.status, await r.read()) == (200, b"hello")


async def test_a_longer_length_sends_the_body_and_closes_instead_of_hanging(tmp_path: Path) -> None:
    async with edge_for(tmp_path, False) as edge:
        head, body = await raw_get(edge, "/p?length=8")
        assert b"Content-Length: 8" in head and body == b"hello"  # short, then the end of the connection


@pytest.mark.parametrize("split", [False, True], ids=["whole", "streamed"])
async def test_a_copy_whose_length_an_origin_response_lambda_changed_is_not_stored(tmp_path: Path,
                                                                                   split: bool) -> None:
    async with edge_for(tmp_path, split) as edge:
        for _ in range(2):
            head, body = await raw_get(edge, "/lambda/3")
            assert b"X-Cache: Miss from cloudfront" in head and body == b"hel"
        assert split or b"cache-store=not-stored" in head  # streamed: judged at its end, after the headers left
        for expected in ("Miss from cloudfront", "Hit from cloudfront"):  # untouched: stored, then a hit
            async with edge.session.get(edge.url + "/lambda/x") as r:
                assert (r.headers["X-Cache"], await r.read()) == (expected, b"hello")


@pytest.mark.parametrize("split", [False, True], ids=["whole", "streamed"])
async def test_spaces_around_a_length_are_read_as_the_wire_reads_them(tmp_path: Path, split: bool) -> None:
    async with edge_for(tmp_path, split) as edge:
        _, body = await raw_get(edge, "/p?length=2%20")
        assert body == b"he"  # a viewer reads "2 " as 2: the rest must not follow on the connection


@pytest.mark.parametrize("given", ["length=%2B2", "lengths=5,2", "length=two"])
@pytest.mark.parametrize("split", [False, True], ids=["whole", "streamed"])
async def test_a_length_that_is_not_one_number_is_dropped_and_the_edge_frames_the_body(tmp_path: Path, split: bool,
                                                                                     given: str) -> None:
    async with edge_for(tmp_path, split) as edge:
        for _ in range(2):  # framed by the edge: the keep-alive connection stays usable
            async with edge.session.get(f"{edge.url}/p?{given}") as r:
                assert (r.status, await r.read()) == (200, b"hello")
                assert r.headers.getall("Content-Length", ["(none)"])[0] in ("5", "(none)")
