from __future__ import annotations

from pathlib import Path

from tests.helpers import run_edge, serve_app
from tests.intersections.support import app_config
from tests.intersections.test_cache_with_viewer_response_and_failover import app

VR = """exports.handler = async (event) => {
  const r = event.Records[0].cf.response;
  r.body = 'replaced';
  return r;
};"""


async def test_lambda_viewer_response_body_does_not_stop_caching(tmp_path: Path) -> None:
    seen: list[str] = []
    (tmp_path / "vr.js").write_text(VR)
    async with serve_app(app(seen)) as port, run_edge(tmp_path, app_config(port,
            behavior="""\
            cache_policy: Managed-CachingOptimized
            lambda_function_associations: {viewer-response: vrf}
            """,
            top="""\
            lambda_functions:
              vrf: {runtime: nodejs20.x, code: vr.js}
            """)) as edge:
        for _ in range(2):
            async with edge.request("GET", "/a.txt") as r:
                print(r.status, await r.read(), r.headers.get("X-Cache"), r.headers.get("X-Frontyard-Trace"))
        assert seen == ["/a.txt"], f"origin asked {len(seen)} times"
