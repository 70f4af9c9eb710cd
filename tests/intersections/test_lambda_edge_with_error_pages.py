from __future__ import annotations

from pathlib import Path

from aiohttp import web

from tests.helpers import run_edge, serve_app
from tests.intersections.support import app_config

REPO = Path(__file__).resolve().parents[2]  # the checkout, wherever it is


def app() -> web.Application:
    async def h(request: web.Request) -> web.Response:
        if request.path == "/index.html":
            return web.Response(text="<html>spa shell</html>", content_type="text/html")
        return web.Response(status=404, text="NoSuchKey")
    a = web.Application()
    a.router.add_get("/{tail:.*}", h)
    return a


async def test_error_page_fetch_skips_origin_response_lambda_and_caches_that(tmp_path: Path) -> None:
    code = REPO / "lambda-functions" / "security-headers"
    async with serve_app(app()) as port, run_edge(tmp_path, app_config(port,
            behavior="""\
            cache_policy: Managed-CachingOptimized
            lambda_function_associations: {origin-response: sec}
            """,
            distribution="""\
            custom_error_responses:
              - {error_code: 404, response_page_path: /index.html, response_code: 200}
            """,
            top=f"""\
            lambda_functions:
              sec: {{runtime: nodejs20.x, code: {code}}}
            """)) as edge:
        async with edge.request("GET", "/app/route") as r:
            await r.read()
            print(r.status, dict(r.headers))
            spa = r.headers.get("X-Frame-Options")
        async with edge.request("GET", "/index.html") as r:
            await r.read()
            print(r.status, dict(r.headers))
            direct = r.headers.get("X-Frame-Options")
        assert direct == "DENY", "the cached /index.html (filled by the error-page fetch) lacks the origin-response " \
            "headers"
        assert spa == "DENY"
