from __future__ import annotations

from pathlib import Path

from tests.helpers import run_edge, serve_app
from tests.intersections.test_ix_z import app, raw


async def test_head_miss_of_a_chunked_object_poisons_the_get(tmp_path: Path) -> None:
    async with serve_app(app()) as port, run_edge(tmp_path, f"""\
        distribution:
          origins:
            - {{id: app, domain_name: app.internal, custom_origin: {{http_port: {port}}}}}
          default_cache_behavior:
            target_origin_id: app
            cache_policy: Managed-CachingOptimized
        emulator:
          resolve: {{app.internal: 127.0.0.1}}
          debug: {{trace_header: true}}
        """) as edge:
        data = await raw(edge, b"HEAD /s.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        print(data.decode(errors="replace"))
        async with edge.request("GET", "/s.html") as r:
            print(r.status, r.headers.get("X-Frontyard-Trace"))
            assert r.status == 200
