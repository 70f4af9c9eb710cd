"""Response headers policies (AWS: "Understand response headers policies") through a real edge and a real origin."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from emulator.http import Scheme, ViewerRequest, freeze
from emulator.pipeline import Answer
from tests.helpers import run_edge, serve_app


def config(port: int, policy: str, *, policies: str = "", methods: str = "[GET, HEAD, OPTIONS]",
           errors: str = "") -> str:
    return f"""\
        distribution:
          origins:
            - {{id: app, domain_name: app.internal, custom_origin: {{http_port: {port}}}}}
          default_cache_behavior:
            target_origin_id: app
            allowed_methods: {methods}
            response_headers_policy: {policy}
          {errors}
        response_headers_policies:
          {policies or "{}"}
        emulator:
          resolve: {{app.internal: 127.0.0.1}}
          debug: {{trace_header: true}}
        """


def origin_app(seen: list[str], headers: dict[str, str] | None = None) -> web.Application:
    async def handler(request: web.Request) -> web.Response:
        seen.append(request.method)
        if request.path == "/missing":
            return web.Response(status=404, text="nope", headers=headers or {})
        return web.Response(text="hello", headers=headers or {})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    return app


CUSTOM = """\
api-cors:
            cors_config:
              access_control_allow_origins: ["https://app.example.test", "*.trusted.test"]
              access_control_allow_methods: [GET, POST]
              access_control_allow_headers: [Content-Type, X-Token]
              access_control_allow_credentials: true
              access_control_expose_headers: [X-Request-Id]
              access_control_max_age_sec: 600
              origin_override: true
            security_headers_config:
              frame_options: {frame_option: DENY, override: true}
              content_security_policy: {content_security_policy: "default-src 'self'", override: false}
            custom_headers_config:
              - {header: Cache-Control, value: no-store, override: true}
              - {header: X-Team, value: edge, override: false}
            remove_headers_config: [X-Powered-By, Server]"""


async def test_preflight_is_answered_at_the_edge(tmp_path: Path) -> None:
    seen: list[str] = []
    async with serve_app(origin_app(seen)) as port, \
            run_edge(tmp_path, config(port, "api-cors", policies=CUSTOM)) as edge:
        preflight = {"Origin": "https://app.example.test", "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "content-type"}
        async with edge.request("OPTIONS", "/api/items", headers=preflight) as r:
            assert r.status == 200
            assert await r.read() == b""
            assert r.headers["Access-Control-Allow-Origin"] == "https://app.example.test"
            assert r.headers["Access-Control-Allow-Methods"] == "GET, POST"
            assert r.headers["Access-Control-Allow-Headers"] == "Content-Type, X-Token"
            assert r.headers["Access-Control-Max-Age"] == "600"
            assert r.headers["Access-Control-Allow-Credentials"] == "true"
            assert r.headers["Server"] == "CloudFront"
            assert "cors=preflight" in r.headers["X-Frontyard-Trace"]
        assert seen == []  # the origin never saw the preflight
        # An OPTIONS without Access-Control-Request-Method is not a preflight: it goes to the origin.
        async with edge.request("OPTIONS", "/api/items", headers={"Origin": "https://app.example.test"}) as r:
            assert r.status == 200
            assert "Access-Control-Allow-Methods" not in r.headers
        assert seen == ["OPTIONS"]


async def test_cors_security_custom_and_removed_headers_on_an_origin_response(tmp_path: Path) -> None:
    seen: list[str] = []
    theirs = {"X-Powered-By": "Express", "Server": "nginx", "X-Team": "origin", "X-Frame-Options": "SAMEORIGIN",
              "Content-Security-Policy": "default-src *", "Access-Control-Allow-Origin": "*"}
    async with serve_app(origin_app(seen, theirs)) as port, \
            run_edge(tmp_path, config(port, "api-cors", policies=CUSTOM)) as edge:
        async with edge.request("GET", "/x", headers={"Origin": "https://a.trusted.test"}) as r:
            assert await r.text() == "hello"
            assert r.headers["Access-Control-Allow-Origin"] == "https://a.trusted.test"  # override true
            assert r.headers["Access-Control-Expose-Headers"] == "X-Request-Id"
            assert "Access-Control-Allow-Methods" not in r.headers  # preflight only
            assert r.headers["X-Frame-Options"] == "DENY"  # override true
            assert r.headers["Content-Security-Policy"] == "default-src *"  # override false: origin's kept
            assert r.headers["Cache-Control"] == "no-store"
            assert r.headers["X-Team"] == "origin"
            assert "X-Powered-By" not in r.headers
            assert r.headers["Server"] == "CloudFront"  # removed, CloudFront's own put back
        async with edge.request("GET", "/x", headers={"Origin": "https://evil.test"}) as r:
            # Not an allowed origin: the policy adds no CORS headers; with override true the origin's stay.
            assert r.headers["Access-Control-Allow-Origin"] == "*"
            assert "Access-Control-Expose-Headers" not in r.headers


async def test_managed_security_headers_policy_by_name_and_id(tmp_path: Path) -> None:
    seen: list[str] = []
    theirs = {"X-Content-Type-Options": "whatever", "X-Frame-Options": "DENY"}
    for ref in ("Managed-SecurityHeadersPolicy", "67f7725c-6f97-4210-82d7-5512b31e9d03"):
        async with serve_app(origin_app(seen, theirs)) as port, \
                run_edge(tmp_path, config(port, ref)) as edge, edge.request("GET", "/missing") as r:
            assert r.status == 404  # error responses from the origin get the policy too
            assert r.headers["X-Content-Type-Options"] == "nosniff"  # this one overrides the origin
            assert r.headers["X-Frame-Options"] == "DENY"  # the others keep the origin's value
            assert r.headers["Strict-Transport-Security"] == "max-age=31536000"
            assert r.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
            assert r.headers["X-XSS-Protection"] == "1; mode=block"
            assert "headers-policy=kept" in r.headers["X-Frontyard-Trace"]

    async with serve_app(origin_app(seen, theirs)) as port, \
            run_edge(tmp_path, config(port, "Managed-SecurityHeadersPolicy")) as edge:
        for expected in ("Miss from cloudfront", "Hit from cloudfront"):
            async with edge.request("GET", "/page") as r:
                assert r.headers["X-Cache"] == expected
                assert r.headers["X-Content-Type-Options"] == "nosniff"
                assert r.headers["X-Frame-Options"] == "DENY"  # the cached origin value, kept
                assert r.headers["Strict-Transport-Security"] == "max-age=31536000"
                assert await r.text() == "hello"


async def test_simple_cors_managed_policy_and_edge_errors(tmp_path: Path) -> None:
    seen: list[str] = []
    async with serve_app(origin_app(seen)) as port, \
            run_edge(tmp_path, config(port, "SimpleCORS", methods="[GET, HEAD]")) as edge:
        async with edge.request("GET", "/x", headers={"Origin": "https://any.test"}) as r:
            assert r.headers["Access-Control-Allow-Origin"] == "*"
        async with edge.request("GET", "/x") as r:
            assert r.headers["X-Cache"] == "Hit from cloudfront"
            assert "Access-Control-Allow-Origin" not in r.headers  # not a CORS request
        # OPTIONS is not an allowed method here: CloudFront's 403, never a preflight answer.
        headers = {"Origin": "https://any.test", "Access-Control-Request-Method": "GET"}
        async with edge.request("OPTIONS", "/x", headers=headers) as r:
            assert r.status == 403
            assert r.headers["Access-Control-Allow-Origin"] == "*"
        assert seen == ["GET"]  # the second came from the cache


async def test_server_timing_on_request(tmp_path: Path) -> None:
    seen: list[str] = []
    policies = "timing: {server_timing_headers_config: {enabled: true, sampling_rate: 0}}"
    async with serve_app(origin_app(seen, {"Server-Timing": "app;dur=3"})) as port, \
            run_edge(tmp_path, config(port, "timing", policies=policies)) as edge:
        async with edge.request("GET", "/x") as r:
            assert "Server-Timing" not in r.headers or r.headers["Server-Timing"] == "app;dur=3"
        async with edge.request("GET", "/y", headers={"Pragma": "server-timing"}) as r:
            timing = r.headers["Server-Timing"]
            assert timing.startswith('cdn-upstream-layer;desc="EDGE",cdn-upstream-fbl;dur=')
            assert ",cdn-cache-miss," in timing
            assert 'cdn-pop;desc="LCL50-C1"' in timing
            assert f'cdn-rid;desc="{r.headers["X-Amz-Cf-Id"]}"' in timing
            assert ",app;dur=3,cdn-downstream-fbl;dur=" in timing
        async with edge.request("GET", "/y", headers={"Pragma": "server-timing"}) as r:
            # A hit: only the edge's metrics, the origin's value is left out.
            assert r.headers["Server-Timing"].startswith('cdn-cache-hit,cdn-pop;desc="LCL50-C1",cdn-rid;desc="')
            assert "app;dur=3" not in r.headers["Server-Timing"]


async def test_explain_shows_the_preflight_answer_with_its_cors_headers(tmp_path: Path) -> None:
    seen: list[str] = []
    async with serve_app(origin_app(seen)) as port, \
            run_edge(tmp_path, config(port, "api-cors", policies=CUSTOM)) as edge:
        headers = freeze([("Host", "localhost"), ("Origin", "https://app.example.test"),
                          ("Access-Control-Request-Method", "PUT")])
        request = ViewerRequest("OPTIONS", "/api", "", headers, Scheme.HTTP, "1.1", "127.0.0.1", 1)
        decision, trace = await edge.emulator.explain(request)
        assert isinstance(decision, Answer)
        assert decision.response.status == 200
        assert decision.response.headers["Access-Control-Allow-Methods"] == "GET, POST"
        assert any(d.stage == "cors" and d.outcome == "preflight" for d in trace.decisions)
    assert seen == []
