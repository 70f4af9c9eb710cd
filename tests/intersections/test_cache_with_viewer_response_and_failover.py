"""Where the cache meets viewer-response functions and origin-group failover (integration review)."""
from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web

from tests.helpers import run_edge, serve_app
from tests.intersections.support import app_config, group_config


def app(seen: list[str]) -> web.Application:
    async def h(request: web.Request) -> web.Response:
        seen.append(request.path)
        return web.Response(text="origin body " * 10, content_type="text/plain",
                            headers={"Cache-Control": "max-age=300"})
    a = web.Application()
    a.router.add_get("/{tail:.*}", h)
    return a


VR = """\
async function handler(event) {
    var response = event.response;
    response.body = {data: 'replaced', encoding: 'text'};
    return response;
}
"""


async def test_viewer_response_body_does_not_stop_caching(tmp_path: Path) -> None:
    seen: list[str] = []
    (tmp_path / "fn.js").write_text(VR)
    async with serve_app(app(seen)) as port, run_edge(tmp_path, app_config(port,
            behavior="""\
            cache_policy: Managed-CachingOptimized
            function_associations: {viewer-response: fn}
            """,
            top="""\
            functions:
              fn: {runtime: cloudfront-js-2.0, code: fn.js}
            """)) as edge:
        for _ in range(2):
            async with edge.request("GET", "/a.txt") as r:
                print(r.status, await r.read(), r.headers.get("X-Cache"), r.headers.get("X-Frontyard-Trace"))
        assert seen == ["/a.txt"], f"origin asked {len(seen)} times: the copy was never stored"


def slow(name: str, status: int, seen: list[str], delay: float) -> web.Application:
    async def h(request: web.Request) -> web.Response:
        seen.append(name)
        await asyncio.sleep(delay)
        return web.Response(status=status, text=f"{name} {status}", headers={"Cache-Control": "max-age=300"})
    a = web.Application()
    a.router.add_get("/{tail:.*}", h)
    return a


async def test_collapsed_requests_with_failover(tmp_path: Path) -> None:
    seen: list[str] = []
    async with serve_app(slow("one", 503, seen, 0.2)) as p1, serve_app(slow("two", 200, seen, 0.0)) as p2, \
            run_edge(tmp_path, group_config(p1, p2)) as edge:
        async def get() -> tuple[int, str, str]:
            async with edge.request("GET", "/x") as r:
                return r.status, await r.text(), r.headers["X-Cache"]
        results = await asyncio.gather(*(get() for _ in range(3)))
        print(results, seen)
        assert all(s == 200 and t == "two 200" for s, t, _ in results)
        assert seen == ["one", "two"]
