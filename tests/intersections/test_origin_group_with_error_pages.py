from __future__ import annotations

from pathlib import Path

from aiohttp import web

from tests.helpers import run_edge, serve_app
from tests.intersections.support import group_config


def app(name: str, seen: list[str], down: bool) -> web.Application:
    async def h(request: web.Request) -> web.Response:
        seen.append(f"{name} {request.path}")
        if down:
            return web.Response(status=503, text="down")
        if request.path == "/index.html":
            return web.Response(text="<html>spa shell</html>", content_type="text/html")
        return web.Response(status=403, text="AccessDenied")
    a = web.Application()
    a.router.add_get("/{tail:.*}", h)
    return a


ERRORS = "  custom_error_responses:\n    - {error_code: 403, response_page_path: /index.html, response_code: 200}\n"


async def test_error_page_fetch_fails_over_too(tmp_path: Path) -> None:
    seen: list[str] = []
    async with serve_app(app("one", seen, True)) as p1, serve_app(app("two", seen, False)) as p2, \
            run_edge(tmp_path, group_config(p1, p2, ERRORS)) as edge:
        async with edge.request("GET", "/app/route") as r:
            body = await r.text()
            print(r.status, body, r.headers["X-Frontyard-Trace"], seen)
        async with edge.request("GET", "/index.html") as r2:
            print("direct", r2.status, r2.headers["X-Cache"], r2.headers["X-Frontyard-Trace"])
            direct = r2.status
        assert r.status == 200 and body == "<html>spa shell</html>"
        assert direct == 200, "the page fetch's 503 (no failover) was cached and served to direct viewers"
