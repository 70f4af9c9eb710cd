"""The warning for requests piling up on one path (a loop through the origin, invisible to Via/CDN-Loop):
said once per level and minute, not at every burst of a load test."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from aiohttp import web

from emulator.clock import FakeClock
from emulator.serve.server import QUIET_S
from tests.helpers import Edge, run_edge, serve_app, single_origin_config

HELD = 16  # the first level that is warned about


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "in flight" in r.getMessage()]


async def test_a_path_that_fills_and_drains_again_is_warned_about_once_a_minute(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    held = {"count": 0, "all_in": asyncio.Event(), "release": asyncio.Event()}

    async def slow(request: web.Request) -> web.Response:
        held["count"] += 1
        if held["count"] == HELD:
            held["all_in"].set()
        await held["release"].wait()
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/{tail:.*}", slow)
    clock = FakeClock()
    caplog.set_level(logging.WARNING, logger="frontyard")

    async def burst(edge: Edge) -> None:
        held.update(count=0, all_in=asyncio.Event(), release=asyncio.Event())
        tasks = [asyncio.create_task(edge.session.get(edge.url + "/busy"))
                 for _ in range(HELD)]
        await asyncio.wait_for(held["all_in"].wait(), 10)  # all of them are at the origin at once
        held["release"].set()
        for response in await asyncio.gather(*tasks):
            assert response.status == 200
            response.release()

    async with serve_app(app) as port, run_edge(tmp_path, single_origin_config(port), clock=clock) as edge:
        await burst(edge)
        assert len(warnings(caplog)) == 1
        assert f"{HELD} requests for 127.0.0.1/busy are in flight at once" in warnings(caplog)[0]
        await burst(edge)  # the path went idle in between: a load test, not a new pile-up
        await burst(edge)
        assert len(warnings(caplog)) == 1
        clock.advance(QUIET_S + 1)
        await burst(edge)
        assert len(warnings(caplog)) == 2
