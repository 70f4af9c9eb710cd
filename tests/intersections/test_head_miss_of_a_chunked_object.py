from __future__ import annotations

from pathlib import Path

from tests.helpers import run_edge, serve_app
from tests.intersections.support import app_config
from tests.intersections.test_http10_viewer_of_a_chunked_miss import app, raw


async def test_head_miss_of_a_chunked_object_poisons_the_get(tmp_path: Path) -> None:
    async with serve_app(app()) as port, run_edge(tmp_path, app_config(port,
            behavior="""\
            cache_policy: Managed-CachingOptimized
            """)) as edge:
        data = await raw(edge, b"HEAD /s.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        print(data.decode(errors="replace"))
        async with edge.request("GET", "/s.html") as r:
            print(r.status, r.headers.get("X-Frontyard-Trace"))
            assert r.status == 200
