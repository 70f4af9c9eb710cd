"""Custom error responses (AWS: "Generate custom error responses"): distribution-wide, pages fetched through their own
behavior."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web

from tests.helpers import run_edge, serve_app


def config(tmp_path: Path, errors: str, *, api: str = "{type: response, status: 404, body: api-404}",
           extra_behaviors: str = "", functions: str = "", api_origin: str = "", more_origins: str = "",
           resolve: str = "") -> str:
    pages = tmp_path / "pages"
    (pages / "errors").mkdir(parents=True, exist_ok=True)
    (pages / "errors" / "404.html").write_text("custom 404 page")
    (pages / "errors" / "504.html").write_text("custom 504 page")
    (pages / "errors" / "500.html").write_text("custom 500 page")
    return f"""\
distribution:
  origins:
    - {api_origin or f"{{id: api, domain_name: api.example.test, connection_attempts: 1, "
                     f"custom_origin: {{read_timeout: 1}}, mock: {api}}}"}
    {more_origins}
    - {{id: pages, domain_name: pages.s3.amazonaws.com, mock: {{type: s3, root: pages}}}}
  default_cache_behavior:
    target_origin_id: api
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
    {functions}
  cache_behaviors:
    - {{path_pattern: /errors/*, target_origin_id: pages}}
    {extra_behaviors}
  custom_error_responses:
{errors}
emulator:
  debug: {{trace_header: true}}
  resolve: {{{resolve}}}
"""


async def test_page_is_fetched_from_the_behavior_matching_its_path(tmp_path: Path) -> None:
    errors = "    - {error_code: 404, response_page_path: /errors/404.html, response_code: 404}"
    async with run_edge(tmp_path, config(tmp_path, errors)) as edge, edge.request("GET", "/missing") as r:
        assert r.status == 404
        assert await r.text() == "custom 404 page"
        assert r.headers["X-Cache"] == "Error from cloudfront"
        assert r.headers["Connection"] == "keep-alive"
        assert "error-response=404" in r.headers["X-Frontyard-Trace"]


async def test_a_deleted_page_gives_the_status_of_its_origin(tmp_path: Path) -> None:
    errors = "    - {error_code: 404, response_page_path: /errors/gone.html, response_code: 200}"
    async with run_edge(tmp_path, config(tmp_path, errors)) as edge, edge.request("GET", "/missing") as r:
        assert r.status == 403  # the private pages bucket answers 403 AccessDenied for the missing page
        assert "<Code>AccessDenied</Code>" in await r.text()


async def test_a_slow_origin_gets_the_custom_504_page(tmp_path: Path) -> None:
    errors = "    - {error_code: 504, response_page_path: /errors/504.html, response_code: 504}"
    api = "{type: echo, delay_first_byte: 5}"
    async with run_edge(tmp_path, config(tmp_path, errors, api=api)) as edge, edge.request("GET", "/slow") as r:
        assert r.status == 504
        assert await r.text() == "custom 504 page"
        assert r.headers["Connection"] == "keep-alive"


async def test_connection_close_for_500_pages(tmp_path: Path) -> None:
    errors = "    - {error_code: 404, response_page_path: /errors/500.html, response_code: 500}"
    async with run_edge(tmp_path, config(tmp_path, errors)) as edge, edge.request("GET", "/missing") as r:
        assert r.status == 500
        assert r.headers["Connection"] == "close"


async def test_edge_errors_get_pages_too(tmp_path: Path) -> None:
    errors = "    - {error_code: 403, response_page_path: /errors/404.html, response_code: 403}"
    extra = "- {path_pattern: /ro/*, target_origin_id: api}"
    async with run_edge(tmp_path, config(tmp_path, errors, extra_behaviors=extra)) as edge:
        async with edge.request("DELETE", "/ro/x") as r:  # CloudFront's own 403 (method not allowed)
            assert r.status == 403
            assert await r.text() == "custom 404 page"


async def test_function_generated_responses_never_get_pages(tmp_path: Path) -> None:
    (tmp_path / "deny.js").write_text(
        "function handler(event) { return {statusCode: 404, statusDescription: 'Not Found'}; }\n")
    errors = "    - {error_code: 404, response_page_path: /errors/404.html, response_code: 200}"
    text = config(tmp_path, errors, functions="function_associations: {viewer-request: deny}") + \
        "functions:\n  deny: {code: deny.js}\n"
    async with run_edge(tmp_path, text) as edge, edge.request("GET", "/x") as r:
        assert r.status == 404
        assert r.headers["X-Cache"] == "FunctionGeneratedResponse from cloudfront"
        assert await r.text() == ""  # the function's own (empty) body, not the custom page


async def test_viewer_response_function_does_not_run_on_custom_pages(tmp_path: Path) -> None:
    (tmp_path / "mark.js").write_text(
        "function handler(event) { event.response.headers['x-fn'] = {value: 'ran'}; return event.response; }\n")
    errors = "    - {error_code: 404, response_page_path: /errors/404.html, response_code: 200}"
    text = config(tmp_path, errors, functions="function_associations: {viewer-response: mark}") + \
        "functions:\n  mark: {code: mark.js}\n"
    async with run_edge(tmp_path, text) as edge, edge.request("GET", "/x") as r:
        assert r.status == 200 and await r.text() == "custom 404 page"
        assert "x-fn" not in r.headers


async def test_ttl_only_rules_keep_the_origin_response(tmp_path: Path) -> None:
    errors = "    - {error_code: 404, error_caching_min_ttl: 60}"
    async with run_edge(tmp_path, config(tmp_path, errors)) as edge, edge.request("GET", "/x") as r:
        assert r.status == 404 and await r.text() == "api-404"


async def test_the_original_body_is_released(tmp_path: Path) -> None:
    """A large origin error body is not read to the end: the page replaces it and the origin connection is
    closed (its handler is cancelled), not left hanging."""
    closed = asyncio.Event()

    async def big_404(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(status=404)
        response.content_length = 50_000_000
        await response.prepare(request)
        await response.write(b"x" * 65536)
        try:
            await asyncio.Event().wait()  # never finishes: only the edge closing the connection ends it
        except asyncio.CancelledError:
            closed.set()
            raise
        return response

    app = web.Application(handler_args={"handler_cancellation": True})
    app.router.add_get("/{tail:.*}", big_404)
    async with serve_app(app) as port:
        errors = "    - {error_code: 404, response_page_path: /errors/404.html, response_code: 200}"
        api = f"{{id: api, domain_name: api.example.test, custom_origin: {{http_port: {port}}}}}"
        text = config(tmp_path, errors, api_origin=api, resolve="api.example.test: 127.0.0.1")
        async with run_edge(tmp_path, text) as edge:
            async with edge.request("GET", "/x") as r:
                assert r.status == 200 and await r.text() == "custom 404 page"
            await asyncio.wait_for(closed.wait(), 10)


async def test_the_viewers_conditionals_do_not_reach_the_page(tmp_path: Path) -> None:
    """A browser revalidating /deep/link must get the page, not an empty 304-turned-200 or a byte range."""
    errors = "    - {error_code: 404, response_page_path: /errors/404.html, response_code: 200}"
    async with run_edge(tmp_path, config(tmp_path, errors)) as edge:
        async with edge.request("GET", "/errors/404.html") as r:
            etag = r.headers["ETag"]
        for headers in ({"If-None-Match": etag}, {"Range": "bytes=0-3"},
                        {"If-Modified-Since": "Sat, 01 Jan 2100 00:00:00 GMT"}):
            async with edge.request("GET", "/deep/link", headers=headers) as r:
                assert r.status == 200, headers
                assert await r.text() == "custom 404 page", headers


async def test_an_unreachable_page_origin_gets_cloudfronts_page(tmp_path: Path) -> None:
    from tests.helpers import refused_port

    with refused_port() as port:
        errors = "    - {error_code: 404, response_page_path: /down/page.html, response_code: 200}"
        down = f"- {{id: down, domain_name: down.test, connection_attempts: 1, custom_origin: {{http_port: {port}}}}}"
        text = config(tmp_path, errors, extra_behaviors="- {path_pattern: /down/*, target_origin_id: down}",
                      more_origins=down, resolve="down.test: 127.0.0.1")
        async with run_edge(tmp_path, text) as edge, edge.request("GET", "/x") as r:
            body = await r.text()
            assert r.status == 502
            assert r.headers["Server"] == "CloudFront" and r.headers["X-Cache"] == "Error from cloudfront"
            assert "<H1>502 ERROR</H1>" in body and f"Request ID: {r.headers['X-Amz-Cf-Id']}" in body
