"""Origin groups with failover (AWS: "Optimize high availability with CloudFront origin failover") and geo restriction,
against real origin servers."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from tests.helpers import refused_port, run_edge, serve_app


def origin(name: str, status: int, seen: list[str]) -> web.Application:
    async def handler(request: web.Request) -> web.Response:
        seen.append(f"{name} {request.method}")
        return web.Response(status=status, text=f"{name} {status}")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    return app


def config(primary: int, secondary: int, *, codes: str = "[500, 502, 503, 504]", extra: str = "",
           functions: str = "", origins: str = "") -> str:
    return f"""\
        distribution:
          origins:
            - {{id: one, domain_name: one.internal, connection_attempts: 1, custom_origin: {{http_port: {primary}}}}}
            - {{id: two, domain_name: two.internal, custom_origin: {{http_port: {secondary}}}}}
            {origins}
          origin_groups:
            - id: both
              members: [one, two]
              failover_criteria: {{status_codes: {codes}}}
          default_cache_behavior:
            target_origin_id: both
            allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
            {functions}
          {extra}
        emulator:
          resolve: {{one.internal: 127.0.0.1, two.internal: 127.0.0.1}}
          debug: {{trace_header: true}}
        """


async def test_failover_on_a_503_and_not_for_post(tmp_path: Path) -> None:
    seen: list[str] = []
    async with serve_app(origin("one", 503, seen)) as p1, serve_app(origin("two", 200, seen)) as p2, \
            run_edge(tmp_path, config(p1, p2)) as edge:
        async with edge.request("GET", "/page") as r:
            assert r.status == 200
            assert await r.text() == "two 200"
            trace = r.headers["X-Frontyard-Trace"]
            assert "origin=503" in trace and "origin-group=failover" in trace and "origin=200" in trace
        assert seen == ["one GET", "two GET"]
        seen.clear()
        async with edge.request("POST", "/form", data=b"x=1") as r:
            assert r.status == 503
            assert await r.text() == "one 503"
            assert "origin-group=no-failover" in r.headers["X-Frontyard-Trace"]
        assert seen == ["one POST"]


async def test_a_status_outside_the_criteria_is_served(tmp_path: Path) -> None:
    seen: list[str] = []
    async with serve_app(origin("one", 404, seen)) as p1, serve_app(origin("two", 200, seen)) as p2, \
            run_edge(tmp_path, config(p1, p2)) as edge, edge.request("GET", "/page") as r:
        assert r.status == 404
        assert seen == ["one GET"]


async def test_failover_on_a_refused_connection_needs_503_in_the_criteria(tmp_path: Path) -> None:
    seen: list[str] = []
    with refused_port() as dead:
        async with serve_app(origin("two", 200, seen)) as p2:
            async with run_edge(tmp_path, config(dead, p2)) as edge, edge.request("GET", "/x") as r:
                assert r.status == 200
                assert await r.text() == "two 200"
                assert "OriginConnectError" in r.headers["X-Frontyard-Trace"]
            async with run_edge(tmp_path, config(dead, p2, codes="[500]")) as edge, edge.request("GET", "/x") as r:
                assert r.status == 502  # refused counts as 503, not in [500]: CloudFront's own 502
                assert "origin-group=no-failover" in r.headers["X-Frontyard-Trace"]
    assert seen == ["two GET"]


async def test_custom_error_page_after_failover(tmp_path: Path) -> None:
    seen: list[str] = []
    (tmp_path / "errors").mkdir()
    (tmp_path / "errors" / "oops.html").write_text("both origins are down")
    extra = """custom_error_responses:
            - {error_code: 500, response_page_path: /errors/oops.html, response_code: 503}
          cache_behaviors:
            - {path_pattern: /errors/*, target_origin_id: pages}"""
    pages = "- {id: pages, domain_name: pages.test, mock: {type: s3-website, root: .}}"
    async with serve_app(origin("one", 503, seen)) as p1, serve_app(origin("two", 500, seen)) as p2, \
            run_edge(tmp_path, config(p1, p2, extra=extra, origins=pages)) as edge, edge.request("GET", "/x") as r:
        assert r.status == 503
        assert await r.text() == "both origins are down"
    assert seen == ["one GET", "two GET"]


async def test_a_function_created_origin_group_fails_over(tmp_path: Path) -> None:
    seen: list[str] = []
    (tmp_path / "group.js").write_text("""
import cf from 'cloudfront';
function handler(event) {
    cf.createRequestOriginGroup({originIds: [{originId: 'one'}, {originId: 'two'}],
                                 failoverCriteria: {statusCodes: [500, 503]}});
    return event.request;
}
""")
    functions = "function_associations: {viewer-request: grouper}"
    async with serve_app(origin("one", 500, seen)) as p1, serve_app(origin("two", 200, seen)) as p2:
        cfg = config(p1, p2, functions=functions).replace("target_origin_id: both", "target_origin_id: one")
        cfg += "functions:\n          grouper: {runtime: cloudfront-js-2.0, code: group.js}\n"
        async with run_edge(tmp_path, cfg) as edge, edge.request("GET", "/x") as r:
            assert await r.text() == "two 200"
    assert seen == ["one GET", "two GET"]


async def test_geo_blocked_request_gets_the_custom_error_page(tmp_path: Path) -> None:
    (tmp_path / "errors").mkdir()
    (tmp_path / "errors" / "geo.html").write_text("not available in your country")
    cfg = """\
        distribution:
          origins:
            - {id: site, domain_name: site.test, mock: {type: s3-website, root: .}}
          restrictions:
            geo_restriction: {restriction_type: blacklist, locations: [DE, FR]}
          default_cache_behavior: {target_origin_id: site}
          custom_error_responses:
            - {error_code: 403, response_page_path: /errors/geo.html, response_code: 403}
        emulator:
          viewer: {country: DE}
          debug: {trace_header: true}
        """
    async with run_edge(tmp_path, cfg) as edge:
        async with edge.request("GET", "/errors/geo.html", headers={"X-Frontyard-Viewer-Country": "US"}) as r:
            assert r.status == 200
            assert "geo=allowed" in r.headers["X-Frontyard-Trace"]
        async with edge.request("GET", "/anything") as r:  # the configured country, DE, is blocked
            assert r.status == 403
            assert await r.text() == "not available in your country"
            assert "geo=forbidden" in r.headers["X-Frontyard-Trace"]
