from __future__ import annotations

from pathlib import Path

from aiohttp import web

from tests.helpers import run_edge, serve_app
from tests.intersections.support import app_config

OR = """exports.handler = async (event) => {
  const r = event.Records[0].cf.response;
  r.headers['x-or'] = [{key: 'X-OR', value: 'yes'}];
  r.headers['cache-control'] = [{key: 'Cache-Control', value: 'max-age=300'}];
  return r;
};"""
VR = """exports.handler = async (event) => {
  const r = event.Records[0].cf.response;
  r.headers['x-vr'] = [{key: 'X-VR', value: 'saw-or-' + (r.headers['x-or'] ? 'yes' : 'no')}];
  return r;
};"""


def app(seen: list[str]) -> web.Application:
    async def h(request: web.Request) -> web.Response:
        seen.append(request.path)
        return web.Response(text="x" * 3000, content_type="text/html", headers={"Cache-Control": "no-store"})
    a = web.Application()
    a.router.add_get("/{tail:.*}", h)
    return a


async def test_lambda_origin_response_cached_viewer_response_on_hit(tmp_path: Path) -> None:
    seen: list[str] = []
    (tmp_path / "or.js").write_text(OR)
    (tmp_path / "vr.js").write_text(VR)
    async with serve_app(app(seen)) as port, run_edge(tmp_path, app_config(port,
            behavior="""\
            compress: true
            cache_policy: Managed-CachingOptimized
            lambda_function_associations: {origin-response: orf, viewer-response: vrf}
            """,
            top="""\
            lambda_functions:
              orf: {runtime: nodejs20.x, code: or.js}
              vrf: {runtime: nodejs20.x, code: vr.js}
            """)) as edge:
        for _ in range(2):
            async with edge.request("GET", "/p", headers={"Accept-Encoding": "gzip"}) as r:
                await r.read()
                print(r.status, dict(r.headers))
                assert r.headers.get("X-OR") == "yes"
                assert r.headers.get("X-VR") == "saw-or-yes"
                assert r.headers.get("Content-Encoding") == "gzip"
        assert seen == ["/p"]
