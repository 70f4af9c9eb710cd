from __future__ import annotations

from pathlib import Path

from tests.helpers import run_edge, serve_app
from tests.intersections.test_ix_y import app

VR = """exports.handler = async (event) => {
  const r = event.Records[0].cf.response;
  r.body = 'replaced';
  return r;
};"""


async def test_lambda_viewer_response_body_does_not_stop_caching(tmp_path: Path) -> None:
    seen: list[str] = []
    (tmp_path / "vr.js").write_text(VR)
    async with serve_app(app(seen)) as port, run_edge(tmp_path, f"""\
        distribution:
          origins:
            - {{id: app, domain_name: app.internal, custom_origin: {{http_port: {port}}}}}
          default_cache_behavior:
            target_origin_id: app
            cache_policy: Managed-CachingOptimized
            lambda_function_associations: {{viewer-response: vrf}}
        lambda_functions:
          vrf: {{runtime: nodejs20.x, code: vr.js}}
        emulator:
          resolve: {{app.internal: 127.0.0.1}}
          debug: {{trace_header: true}}
        """) as edge:
        for _ in range(2):
            async with edge.request("GET", "/a.txt") as r:
                print(r.status, await r.read(), r.headers.get("X-Cache"), r.headers.get("X-Frontyard-Trace"))
        assert seen == ["/a.txt"], f"origin asked {len(seen)} times"
