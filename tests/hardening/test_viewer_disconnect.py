"""A viewer that goes away early costs one log line and releases the origin connection; an
origin that calls back into the edge for the path it serves is named in the log."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.helpers import run_edge, serve_app


def config(port: int) -> str:
    return f"""\
distribution:
  origins:
    - {{id: app, domain_name: app.test, custom_origin: {{protocol_policy: http-only, http_port: {port}}}}}
  default_cache_behavior: {{target_origin_id: app, cache_policy: Managed-CachingDisabled}}
emulator: {{resolve: {{app.test: 127.0.0.1}}}}
"""


async def test_a_viewer_that_leaves_cancels_the_origin_request(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.INFO)
    arrived, origin_saw_close = asyncio.Event(), asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        if request.path != "/slow":
            return web.Response(text="quick")
        arrived.set()
        for _ in range(400):  # at most 20 s: the edge must close this connection long before
            if request.transport is None or request.transport.is_closing():
                origin_saw_close.set()
                break
            await asyncio.sleep(0.05)
        return web.Response(text="late")

    app = web.Application()
    app.router.add_get("/{p:.*}", slow)
    async with serve_app(app) as port, run_edge(tmp_path, config(port)) as edge:
        _, writer = await asyncio.open_connection("127.0.0.1", int(edge.url.rsplit(":", 1)[1]))
        writer.write(b"GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n")
        await arrived.wait()
        writer.close()
        await asyncio.wait_for(origin_saw_close.wait(), 20)
        async with edge.request("GET", "/other") as r:  # the edge goes on
            assert r.status == 200
    lines = [r.getMessage() for r in caplog.records if "closed the connection before the answer" in r.getMessage()]
    assert len(lines) == 1
    assert lines[0].startswith('viewer 127.0.0.1 closed the connection before the answer to "GET /slow" (after ')
    assert "the origin request was cancelled" in lines[0]
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)


async def test_an_origin_calling_back_for_the_same_path_is_named(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.WARNING, "frontyard")
    edge_url: list[str] = []
    depth = 0

    async def callback(request: web.Request) -> web.Response:
        nonlocal depth
        depth += 1
        if depth > 20:  # bounded here; a real app would go on until the sockets run out
            return web.Response(text="bottom")
        async with aiohttp.ClientSession() as session, session.get(edge_url[0] + "/loop") as r:
            return web.Response(text=await r.text())

    app = web.Application()
    app.router.add_get("/{p:.*}", callback)
    async with serve_app(app) as port, run_edge(tmp_path, config(port)) as edge:
        edge_url.append(edge.url)
        async with edge.request("GET", "/loop") as r:
            assert r.status == 200 and await r.text() == "bottom"
    warnings = [r.getMessage() for r in caplog.records if "in flight at once" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].startswith("16 requests for")
    assert "an origin that calls back into the edge" in warnings[0]


async def test_a_busy_path_is_named_once_not_at_every_swing_around_the_level(tmp_path: Path, caplog) -> None:
    """Many viewers on one path (a load test) move the in-flight count up and down around 16: one warning."""
    caplog.set_level(logging.WARNING, "frontyard")
    held: list[asyncio.Event] = []
    reached = {16: asyncio.Event(), 17: asyncio.Event()}

    async def hold(request: web.Request) -> web.Response:
        release = asyncio.Event()
        held.append(release)
        if len(held) in reached:
            reached[len(held)].set()
        await release.wait()
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/{p:.*}", hold)
    async with serve_app(app) as port, run_edge(tmp_path, config(port)) as edge:
        async def get() -> int:
            async with edge.request("GET", "/busy") as r:
                await r.read()
                return r.status

        first = [asyncio.create_task(get()) for _ in range(16)]  # 16 in flight: the warning
        await asyncio.wait_for(reached[16].wait(), 20)
        held[0].set()
        assert await asyncio.wait_for(first[0], 20) == 200  # 15 in flight
        late = asyncio.create_task(get())  # 16 again
        await asyncio.wait_for(reached[17].wait(), 20)
        for release in held:
            release.set()
        assert await asyncio.gather(*first[1:], late) == [200] * 16
    warnings = [r.getMessage() for r in caplog.records if "in flight at once" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].startswith("16 requests for")
