"""CloudFront Functions in the pipeline: load-time gating, errors as CloudFront answers them, the trace."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

from emulator.cli import main
from tests.helpers import header, run_edge

CONST_CODE = """\
function handler(event) {
    const request = event.request;
    request.headers['x-seen'] = {value: `${request.uri}`};
    return request;
}
"""


def config(tmp_path: Path, code: str, runtime: str = "cloudfront-js-1.0", event: str = "viewer-request",
           origin: str = "{type: echo}", policy: str = "Managed-AllViewer") -> str:
    (tmp_path / "fn.js").write_text(code)
    return f"""\
distribution:
  origins:
    - {{id: app, domain_name: app.example.test, mock: {origin}}}
  default_cache_behavior:
    target_origin_id: app
    origin_request_policy: {policy}
    function_associations: {{{event}: fn}}
  cache_behaviors:
    - {{path_pattern: /plain/*, target_origin_id: app}}
functions:
  fn: {{runtime: {runtime}, code: fn.js}}
"""


def test_const_is_rejected_under_1_0_with_its_location(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site.yaml").write_text(config(tmp_path, CONST_CODE))
    assert main(["validate", str(tmp_path / "site.yaml")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'fn.js'}:2:5: functions.fn: " in err and "'const'" in err and "cloudfront-js-1.0" in err


async def test_the_same_code_runs_under_2_0(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path, CONST_CODE, "cloudfront-js-2.0")) as edge:
        async with edge.request("GET", "/a/b") as r:
            assert header(json.loads(await r.read()), "x-seen") == "/a/b"


async def test_template_literals_and_arrows_run_under_1_0(tmp_path: Path) -> None:
    code = """\
function handler(event) {
    var r = event.request;
    var up = (s) => s.toUpperCase();
    r.headers['x-up'] = {value: `${up(r.method)}:${r.uri}`};
    return r;
}
"""
    async with run_edge(tmp_path, config(tmp_path, code)) as edge, edge.request("GET", "/x") as r:
        assert header(json.loads(await r.read()), "x-up") == "GET:/x"


async def test_an_endless_loop_gives_503_and_others_keep_answering(tmp_path: Path) -> None:
    code = "function handler(event) { while (true) {} }\n"
    async with run_edge(tmp_path, config(tmp_path, code)) as edge:
        async def looping() -> tuple[int, str]:
            async with edge.request("GET", "/loop") as r:
                return r.status, await r.text()

        loops = [asyncio.create_task(looping()) for _ in range(3)]
        async with edge.request("GET", "/plain/x") as r:  # a behavior without the function
            assert r.status == 200
        results = await asyncio.gather(*loops)
    for status, body in results:
        assert status == 503
        assert "The CloudFront function associated with the CloudFront distribution is invalid" in body


async def test_a_throwing_function_gives_503_with_the_reason_line(tmp_path: Path) -> None:
    code = "function handler(event) { throw new Error('boom'); }\n"
    text = config(tmp_path, code) + "emulator: {debug: {trace_header: true}}\n"
    async with run_edge(tmp_path, text) as edge, edge.request("GET", "/x") as r:
        assert r.status == 503
        assert r.headers["X-Cache"] == "Error from cloudfront"
        assert "could not run." in await r.text()
        assert "function=error" in r.headers["X-Frontyard-Trace"]


async def test_changing_host_gives_502(tmp_path: Path) -> None:
    code = "function handler(event) { event.request.headers.host = {value: 'evil.test'}; return event.request; }\n"
    async with run_edge(tmp_path, config(tmp_path, code)) as edge, edge.request("GET", "/x") as r:
        assert r.status == 502
        assert r.headers["X-Cache"] == "Error from cloudfront"


def test_explain_shows_the_function(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = "function handler(event) { console.log('hi ' + event.request.uri); event.request.uri = '/rewritten';" \
           " return event.request; }\n"
    (tmp_path / "site.yaml").write_text(config(tmp_path, code))
    assert main(["explain", str(tmp_path / "site.yaml"), "http://localhost/x"]) == 0
    out = capsys.readouterr().out
    assert "viewer-request function 'fn': ContinueRequest" in out
    assert re.search(r"function-log +fn: hi /x", out)
    assert "uri '/x' -> '/rewritten' (the behavior is not re-selected)" in out
    assert "GET /rewritten HTTP/1.1" in out


async def test_headers_a_function_adds_follow_the_policies(tmp_path: Path) -> None:
    """A header added by a viewer-request function is a viewer header like any other: without a policy
    that forwards it, the origin never sees it (AWS's True-Client-IP recipe adds it to the ORP)."""
    for policy, seen_value in (("Managed-CORS-CustomOrigin", None), ("Managed-AllViewer", "/a")):
        async with run_edge(tmp_path, config(tmp_path, CONST_CODE, "cloudfront-js-2.0", policy=policy)) as edge:
            async with edge.request("GET", "/a") as r:
                assert header(json.loads(await r.read()), "x-seen") == seen_value


async def test_uri_change_does_not_reselect_the_behavior(tmp_path: Path) -> None:
    code = "function handler(event) { event.request.uri = '/plain/elsewhere'; return event.request; }\n"
    text = config(tmp_path, code, policy="Managed-CORS-CustomOrigin").replace(
        "    - {path_pattern: /plain/*, target_origin_id: app}",
                                          "    - {path_pattern: /plain/*, target_origin_id: other}") \
        .replace("  default_cache_behavior:", "    - {id: other, domain_name: other.test, mock: {type: echo}}\n"
                 "  default_cache_behavior:")
    async with run_edge(tmp_path, text) as edge, edge.request("GET", "/x") as r:
        seen = json.loads(await r.read())
    assert seen["path"] == "/plain/elsewhere"
    assert header(seen, "Host") == "app.example.test"  # still the default behavior's origin


async def test_viewer_response_function_does_not_run_for_errors(tmp_path: Path) -> None:
    code = """\
function handler(event) {
    event.response.headers['x-fn'] = {value: 'ran'};
    return event.response;
}
"""
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text("hi")
    origin = "{type: s3-website, root: site}"
    async with run_edge(tmp_path, config(tmp_path, code, event="viewer-response", origin=origin)) as edge:
        async with edge.request("GET", "/index.html") as r:
            assert r.headers.get("x-fn") == "ran"
        async with edge.request("GET", "/missing.html") as r:
            assert r.status == 404
            assert "x-fn" not in r.headers


def test_test_function_command(capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(__file__).resolve().parents[2] / "functions" / "spa-rewrite"
    code = main(["test-function", str(folder / "index.js"), "--event", str(folder / "test-objects" / "route.json"),
                 "--expect", str(folder / "test-objects" / "route.expected.json")])
    out = capsys.readouterr().out
    assert code == 0, out
    result = json.loads(out[: out.rindex("}") + 1])["TestResult"]
    assert result["FunctionErrorMessage"] == ""
    assert json.loads(result["FunctionOutput"])["request"]["uri"] == "/index.html"
    assert 0 <= int(result["ComputeUtilization"]) <= 100


async def test_geo_overrides_survive_a_viewer_request_function(tmp_path: Path) -> None:
    code = """\
function handler(event) {
    var c = event.request.headers['cloudfront-viewer-country'];
    event.request.headers['x-function-saw'] = {value: c ? c.value : 'nothing'};
    return event.request;
}
"""
    text = config(tmp_path, code, policy="Managed-AllViewerAndCloudFrontHeaders-2022-06")
    async with run_edge(tmp_path, text) as edge:
        async with edge.request("GET", "/x", headers={"X-Frontyard-Viewer-Country": "DE"}) as r:
            seen = json.loads(await r.read())
    assert header(seen, "x-function-saw") == "DE"
    assert header(seen, "CloudFront-Viewer-Country") == "DE"


@pytest.mark.parametrize(("uri", "status", "path"), [
    ("/a b", 200, "/a%20b"),
    ("/café", 200, "/caf%C3%A9"),
    ("/already%20encoded", 200, "/already%20encoded"),
    ("/bad\\r\\nInjected: 1", 502, None),
])
async def test_function_uris_are_encoded_for_the_request_line(tmp_path: Path, uri: str, status: int,
                                                               path: str | None) -> None:
    code = f"function handler(event) {{ event.request.uri = '{uri}'; return event.request; }}\n"
    async with run_edge(tmp_path, config(tmp_path, code)) as edge, edge.request("GET", "/x") as r:
        assert r.status == status
        if path is not None:
            assert json.loads(await r.read())["path"] == path
