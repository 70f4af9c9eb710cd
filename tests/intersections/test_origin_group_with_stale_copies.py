from __future__ import annotations

from pathlib import Path

from aiohttp import web

from emulator.clock import FakeClock
from tests.helpers import run_edge, serve_app
from tests.intersections.support import group_config


def app(name: str, state: dict) -> web.Application:
    async def h(request: web.Request) -> web.Response:
        if state["down"]:
            return web.Response(status=503, text=f"{name} down")
        return web.Response(text=f"{name} ok", headers={"Cache-Control": "max-age=10", "ETag": f'"{name}"'})
    a = web.Application()
    a.router.add_get("/{tail:.*}", h)
    return a


async def test_expired_copy_both_members_503(tmp_path: Path) -> None:
    state = {"down": False}
    clock = FakeClock()
    async with serve_app(app("one", state)) as p1, serve_app(app("two", state)) as p2, \
            run_edge(tmp_path, group_config(p1, p2), clock=clock) as edge:
        async with edge.request("GET", "/x") as r:
            assert await r.text() == "one ok"
        state["down"] = True
        clock.advance(30)
        async with edge.request("GET", "/x") as r:
            print(r.status, await r.text(), r.headers["X-Frontyard-Trace"])
            assert r.status == 200
