"""Every functions/ example, end to end: its test events become real requests through a real edge."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl, quote

import pytest

from tests.helpers import header, run_edge

FUNCTIONS = Path(__file__).resolve().parents[2] / "functions"
CASES = sorted(
    (folder, event)
    for folder in FUNCTIONS.iterdir() if (folder / "function.json").is_file()
    for event in (folder / "test-objects").glob("*.json") if not event.name.endswith(".expected.json")
)


def _values(field: dict) -> list[str]:
    if "multiValue" in field or "multivalue" in field:
        return [v["value"] for v in field.get("multiValue", field.get("multivalue"))]
    return [field["value"]]


def viewer_request(event: dict) -> tuple[str, str, list[tuple[str, str]]]:
    request = event["request"]
    query = "&".join(f"{quote(k)}={quote(v)}" for k, f in request.get("querystring", {}).items() for v in _values(f))
    headers = []
    for name, field in request.get("headers", {}).items():
        for value in _values(field):
            # The edge generates CloudFront-Viewer-* itself; the per-request override pretends the location.
            prefix = "cloudfront-viewer-"
            headers.append((f"X-Frontyard-Viewer-{name[len(prefix):]}" if name.startswith(prefix) else name, value))
    cookies = "; ".join(f"{k}={v}" for k, f in request.get("cookies", {}).items() for v in _values(f))
    if cookies:
        headers.append(("Cookie", cookies))
    return request["method"], request["uri"] + (f"?{query}" if query else ""), headers


def config(folder: Path, event: dict) -> str:
    meta = json.loads((folder / "function.json").read_text())
    host = event["request"].get("headers", {}).get("host", {}).get("value", "app.example.com")
    kvs = f", key_value_store: {folder / meta['kvs']}" if meta.get("kvs") else ""
    return f"""\
distribution:
  aliases: [{host}, app.example.com]
  origins:
    - {{id: main, domain_name: main.example.test, mock: {{type: echo}}, custom_headers: {{X-Origin-Id: main}}}}
    - {{id: beta, domain_name: beta.example.test, mock: {{type: echo}}, custom_headers: {{X-Origin-Id: beta}}}}
  default_cache_behavior:
    target_origin_id: main
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
    # Caching off: every header the function leaves reaches the origin, Authorization included (an all-viewer
    # policy forwards it only when caching is off).
    cache_policy: Managed-CachingDisabled
    origin_request_policy: Managed-AllViewerAndCloudFrontHeaders-2022-06
    function_associations: {{{meta['event_type']}: example}}
functions:
  example: {{runtime: {meta['runtime']}, code: {folder / 'index.js'}{kvs}}}
"""


@pytest.mark.parametrize(("folder", "event_file"), CASES, ids=[f"{f.name}/{e.stem}" for f, e in CASES])
async def test_example_end_to_end(tmp_path: Path, folder: Path, event_file: Path) -> None:
    event = json.loads(event_file.read_text())
    expected = json.loads(event_file.with_name(event_file.stem + ".expected.json").read_text())
    method, target, headers = viewer_request(event)
    async with run_edge(tmp_path, config(folder, event)) as edge:
        async with edge.request(method, target, headers=headers) as r:
            body = await r.read()
            if "request" in expected:  # the function let the request through: check what the origin got
                assert r.status == 200, body
                seen = json.loads(body)
                want = expected["request"]
                assert seen["path"] == want["uri"]
                want_query = [(k, v) for k, f in want.get("querystring", {}).items() for v in _values(f)]
                assert sorted(parse_qsl(seen["query"], keep_blank_values=True)) == sorted(want_query)
                for name, field in want.get("headers", {}).items():
                    if not name.startswith("cloudfront-"):
                        assert header(seen, name) == ",".join(_values(field)), name
                if folder.name == "origin-by-header":
                    assert header(seen, "X-Origin-Id") == "beta"
            elif event["context"]["eventType"] == "viewer-request":  # a generated response
                want = expected["response"]
                assert r.status == want["statusCode"]
                assert r.headers["X-Cache"] == "FunctionGeneratedResponse from cloudfront"
                for name, field in want.get("headers", {}).items():
                    assert r.headers.getall(name) == _values(field), name
            else:  # viewer-response: headers the function added reach the viewer
                want = expected["response"]
                given = event["response"].get("headers", {})
                assert r.status == want["statusCode"]
                for name, field in want.get("headers", {}).items():
                    if name not in given:
                        assert r.headers.getall(name) == _values(field), name
