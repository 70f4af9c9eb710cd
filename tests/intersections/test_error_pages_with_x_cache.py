from __future__ import annotations

from pathlib import Path

from tests.helpers import run_edge, serve_app
from tests.intersections.support import app_config
from tests.intersections.test_lambda_edge_with_error_pages import app


async def test_custom_error_page_as_200_keeps_x_cache_error(tmp_path: Path) -> None:
    async with serve_app(app()) as port, run_edge(tmp_path, app_config(port,
            distribution="""\
            custom_error_responses:
              - {error_code: 404, response_page_path: /index.html, response_code: 200}
            """,
            trace=False)) as edge:
        for _ in range(2):
            async with edge.request("GET", "/app/route") as r:
                await r.read()
                print(r.status, r.headers["X-Cache"])
                assert r.status == 200
                assert r.headers["X-Cache"] == "Error from cloudfront"
