from __future__ import annotations

from pathlib import Path

from aiohttp import web

from tests.helpers import run_edge, serve_app

REPO = Path("/work/main")


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
    async with serve_app(app()) as port, run_edge(tmp_path, f"""\
        distribution:
          origins:
            - {{id: app, domain_name: app.internal, custom_origin: {{http_port: {port}}}}}
          default_cache_behavior:
            target_origin_id: app
            cache_policy: Managed-CachingOptimized
            lambda_function_associations: {{origin-response: sec}}
          custom_error_responses:
            - {{error_code: 404, response_page_path: /index.html, response_code: 200}}
        lambda_functions:
          sec: {{runtime: nodejs20.x, code: {code}}}
        emulator:
          resolve: {{app.internal: 127.0.0.1}}
          debug: {{trace_header: true}}
        """) as edge:
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
