"""Origin responses passed on (AWS: "Request and response behavior for custom origins") and origin failures (AWS:
"Troubleshooting error responses from your origin"), against real origin servers."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from tests.helpers import refused_port, run_edge, serve_app


def edge_config(port: int, *, attempts: int = 1, read_timeout: int = 1, extra_behaviors: str = "") -> str:
    return f"""\
        distribution:
          origins:
            - id: app
              domain_name: app.internal
              connection_attempts: {attempts}
              custom_origin: {{http_port: {port}, read_timeout: {read_timeout}}}
            - {{id: echo, domain_name: echo.internal, mock: {{type: echo}}}}
          default_cache_behavior:
            target_origin_id: app
            allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          cache_behaviors:
            - {{path_pattern: "/echo/*", target_origin_id: echo}}
            {extra_behaviors}
        emulator:
          resolve: {{app.internal: 127.0.0.1}}
        """


async def test_hop_by_hop_and_set_cookie_are_removed(tmp_path: Path) -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(text="ok", headers={
            "Set-Cookie": "session=1", "Keep-Alive": "timeout=5", "Upgrade": "h2c", "Trailer": "X-T",
            "Vary": "Accept-Encoding, X-Device", "X-App": "kept", "Server": "app-server"})

    app = web.Application()
    app.router.add_get("/{tail:.*}", handler)
    async with serve_app(app) as port, run_edge(tmp_path, edge_config(port)) as edge:
        async with edge.request("GET", "/x") as r:
            assert r.status == 200
            assert "Set-Cookie" not in r.headers  # the behavior forwards no cookies
            assert "Keep-Alive" not in r.headers and "Upgrade" not in r.headers and "Trailer" not in r.headers
            assert r.headers["Vary"] == "Accept-Encoding"  # X-Device is not forwarded, so not kept
            assert r.headers["X-App"] == "kept"
            assert r.headers["Server"] == "app-server"  # the origin's, not ours


async def test_origin_errors_pass_through_as_error_results(tmp_path: Path) -> None:
    async def missing(request: web.Request) -> web.Response:
        return web.json_response({"error": "nope"}, status=404)

    app = web.Application()
    app.router.add_get("/{tail:.*}", missing)
    async with serve_app(app) as port, run_edge(tmp_path, edge_config(port)) as edge:
        async with edge.request("GET", "/missing") as r:
            assert r.status == 404
            assert await r.json() == {"error": "nope"}
            assert r.headers["X-Cache"] == "Error from cloudfront"


async def test_stopped_origin_gives_502_and_others_keep_answering(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.INFO, "frontyard.access")
    with refused_port() as port:
        async with run_edge(tmp_path, edge_config(port, attempts=3)) as edge:
            async with edge.request("GET", "/x") as r:
                body = await r.text()
                assert r.status == 502
                assert r.headers["X-Cache"] == "Error from cloudfront"
                assert r.headers["Server"] == "CloudFront"
                assert "<H1>502 ERROR</H1>" in body
                assert "CloudFront wasn't able to connect to the origin." in body
                assert f"Request ID: {r.headers['X-Amz-Cf-Id']}" in body
            async with edge.request("GET", "/echo/ok") as r:
                assert r.status == 200
    line = next(rec.getMessage() for rec in caplog.records if '"GET /x ' in rec.getMessage())
    assert " 502 " in line and "OriginConnectError" in line and f"127.0.0.1:{port}" in line
    assert "attempt 3 of 3" in line


async def test_slow_origin_gives_504_while_other_paths_answer(tmp_path: Path) -> None:
    arrived = asyncio.Event()
    release = asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        arrived.set()
        await release.wait()
        return web.Response(text="too late")

    app = web.Application()
    app.router.add_get("/{tail:.*}", slow)
    async with serve_app(app) as port, run_edge(tmp_path, edge_config(port, read_timeout=1)) as edge:
        async def fetch_slow() -> tuple[int, str]:
            async with edge.request("GET", "/slow") as r:
                return r.status, await r.text()

        slow_task = asyncio.create_task(fetch_slow())
        await asyncio.wait_for(arrived.wait(), 10)
        async with edge.request("GET", "/echo/fast") as r:
            assert r.status == 200
        assert not slow_task.done()  # the fast answer came while the slow origin was still pending
        status, body = await asyncio.wait_for(slow_task, 10)
        release.set()
    assert status == 504
    assert "<H1>504 ERROR</H1>" in body
    assert "CloudFront attempted to establish a connection with the origin" in body


@pytest.mark.parametrize(("method", "expected_attempts"), [("GET", 2), ("POST", 1)])
async def test_read_timeouts_retry_only_get_and_head(tmp_path: Path, method: str, expected_attempts: int) -> None:
    seen: list[str] = []
    release = asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        seen.append(request.method)
        await release.wait()
        return web.Response(text="late")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", slow)
    async with serve_app(app) as port, run_edge(tmp_path, edge_config(port, attempts=2)) as edge:
        async with edge.request(method, "/x", data=b"body" if method == "POST" else None) as r:
            assert r.status == 504
        release.set()
    assert seen == [method] * expected_attempts


async def test_upload_streams_to_the_origin_before_the_viewer_finishes(tmp_path: Path) -> None:
    """The origin sees the first chunk while the viewer is still holding back the rest: nothing buffers."""
    first_chunk_at_origin = asyncio.Event()

    async def sink(request: web.Request) -> web.Response:
        digest, total = hashlib.sha256(), 0
        async for chunk in request.content.iter_chunked(65536):
            first_chunk_at_origin.set()
            digest.update(chunk)
            total += len(chunk)
        return web.json_response({"length": total, "sha256": digest.hexdigest()})

    app = web.Application()
    app.router.add_post("/{tail:.*}", sink)
    blocks = [os.urandom(256 * 1024) for _ in range(8)]

    async def body():
        yield blocks[0]
        await asyncio.wait_for(first_chunk_at_origin.wait(), 10)  # deadlocks (and fails) if the edge buffers
        for block in blocks[1:]:
            yield block

    async with serve_app(app) as port, run_edge(tmp_path, edge_config(port)) as edge:
        async with edge.request("POST", "/upload", data=body()) as r:
            assert r.status == 200
            result = await r.json()
    payload = b"".join(blocks)
    assert result == {"length": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}


async def test_download_streams_to_the_viewer_before_the_origin_finishes(tmp_path: Path) -> None:
    first_chunk_at_viewer = asyncio.Event()
    blocks = [os.urandom(256 * 1024) for _ in range(8)]

    async def source(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        response.content_length = sum(map(len, blocks))
        await response.prepare(request)
        await response.write(blocks[0])
        await asyncio.wait_for(first_chunk_at_viewer.wait(), 10)
        for block in blocks[1:]:
            await response.write(block)
        return response

    app = web.Application()
    app.router.add_get("/{tail:.*}", source)
    async with serve_app(app) as port, run_edge(tmp_path, edge_config(port)) as edge:
        async with edge.request("GET", "/big") as r:
            assert r.headers["Content-Length"] == str(sum(map(len, blocks)))
            received = b""
            async for chunk in r.content.iter_any():
                received += chunk
                first_chunk_at_viewer.set()
    assert received == b"".join(blocks)


async def test_origin_dropping_mid_body_cuts_the_viewer_connection(tmp_path: Path) -> None:
    async def broken(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.content_length = 1_000_000
        await response.prepare(request)
        await response.write(b"x" * 1000)
        assert request.transport is not None
        request.transport.close()
        return response

    app = web.Application()
    app.router.add_get("/{tail:.*}", broken)
    async with serve_app(app) as port, run_edge(tmp_path, edge_config(port)) as edge:
        async with edge.request("GET", "/x") as r:
            assert r.status == 200
            with pytest.raises(aiohttp.ClientPayloadError):
                await r.read()
        async with edge.request("GET", "/echo/still-alive") as r:
            assert r.status == 200


async def test_an_origin_that_does_not_speak_http_gives_502(tmp_path: Path) -> None:
    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readline()
        writer.write(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(garbage, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with run_edge(tmp_path, edge_config(port) + "  debug: {trace_header: true}\n") as edge:
            async with edge.request("GET", "/x") as r:
                assert r.status == 502
                assert r.headers["Server"] == "CloudFront"
                assert "not a valid HTTP response" in r.headers["X-Frontyard-Trace"]
    finally:
        server.close()
        await server.wait_closed()
