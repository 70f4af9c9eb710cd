"""API Gateway behind a real edge: Host routing, stages, routes, the Lambda proxy integration (payload 1.0 / 2.0).

AWS: "Use managed origin request policies" (AllViewerExceptHostHeader "is intended for use with Amazon API Gateway
and AWS Lambda function URL origins"), "How do I troubleshoot HTTP 403 errors from API Gateway?", "Handling Lambda
errors with an API Gateway API".
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from emulator.assembly import load_config
from emulator.errors import ConfigError
from tests.helpers import run_edge

HANDLER = '''\
import base64, json

def handler(event, context):
    path = event.get("rawPath") or event.get("path")
    if path.endswith("/boom"):
        raise RuntimeError("boom")
    if path.endswith("/bad"):
        return {"body": "no status"}
    if path.endswith("/png"):
        return {"statusCode": 200, "headers": {"Content-Type": "image/png"}, "isBase64Encoded": True,
                "body": base64.b64encode(b"\\x89PNG\\x00\\xff").decode()}
    if path.endswith("/bare"):
        return {"hello": "world"}
    return {"statusCode": 201, "headers": {"X-Version": event["version"] if "version" in event else "1.0"},
            "multiValueHeaders": {"X-Multi": ["a", "b"]}, "cookies": ["s=1; Path=/", "t=2"],
            "body": json.dumps({"event": event})}
'''


def write_app(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "app.py").write_text(HANDLER)


def config(api: str, policy: str, origin_path: str, *, extra: str = "") -> str:
    return f"""\
lambda_functions:
  app: {{runtime: python3.12, code: app, handler: app.handler}}
distribution:
  aliases: [www.example.com]
  origins:
    - id: api
      domain_name: a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com
      origin_path: "{origin_path}"
      custom_origin: {{protocol_policy: http-only}}
      mock:
        type: api-gateway
        api: {api}
        stages: [prod]
        routes: ["ANY /{{proxy+}}", "GET /items/{{id}}"]
        function: app
{extra}
  default_cache_behavior:
    target_origin_id: api
    cache_policy: Managed-CachingDisabled
    origin_request_policy: {policy}
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
"""


@pytest.fixture
def app(tmp_path: Path) -> Path:
    write_app(tmp_path)
    return tmp_path


async def test_all_viewer_forwards_host_and_api_gateway_refuses_it(app: Path) -> None:
    async with run_edge(app, config("rest", "Managed-AllViewer", "/prod")) as edge:
        async with edge.request("GET", "/items/7", headers={"Host": "www.example.com"}) as r:
            assert r.status == 403
            assert r.headers["x-amzn-ErrorType"] == "ForbiddenException"
            assert await r.read() == b'{"message":"Forbidden"}'  # compact, as observed


async def test_all_viewer_except_host_reaches_the_lambda_with_payload_1(app: Path) -> None:
    async with run_edge(app, config("rest", "Managed-AllViewerExceptHostHeader", "/prod")) as edge:
        async with edge.request("GET", "/items/7?a=1&a=2", headers={"Host": "www.example.com"}) as r:
            assert r.status == 201
            assert r.headers.getall("X-Multi") == ["a", "b"]
            event = json.loads(await r.text())["event"]
    assert event["resource"] == "/items/{id}" and event["path"] == "/items/7"
    assert event["pathParameters"] == {"id": "7"} and event["httpMethod"] == "GET"
    assert event["multiValueQueryStringParameters"] == {"a": ["1", "2"]}
    assert event["queryStringParameters"] == {"a": "2"}
    assert event["requestContext"]["stage"] == "prod" and event["requestContext"]["path"] == "/prod/items/7"
    assert event["headers"]["Host"] == "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"


async def test_missing_stage_in_origin_path_is_missing_authentication_token(app: Path) -> None:
    async with run_edge(app, config("rest", "Managed-AllViewerExceptHostHeader", "")) as edge:
        async with edge.request("GET", "/items/7") as r:
            assert r.status == 403
            assert r.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
            assert await r.read() == b'{"message":"Missing Authentication Token"}'  # compact, as observed


async def test_handler_errors_and_bad_responses_are_502(app: Path) -> None:
    async with run_edge(app, config("rest", "Managed-AllViewerExceptHostHeader", "/prod")) as edge:
        for path in ("/boom", "/bad"):
            async with edge.request("GET", path) as r:
                assert r.status == 502
                assert await r.read() == b'{"message": "Internal server error"}'  # with the space


async def test_http_api_payload_2_cookies_base64_and_inferred_responses(app: Path) -> None:
    async with run_edge(app, config("http", "Managed-AllViewerExceptHostHeader", "/prod")) as edge:
        headers = {"Cookie": "a=1; b=2", "Content-Type": "application/x-bin"}
        async with edge.request("POST", "/items/7", data=b"\x00\x01", headers=headers) as r:
            assert r.status == 201
            assert r.headers.getall("Set-Cookie") == ["s=1; Path=/", "t=2"]
            event = json.loads(await r.text())["event"]
        async with edge.request("GET", "/png") as r:
            png = r.status, r.headers["Content-Type"], await r.read()
        async with edge.request("GET", "/bare") as r:
            bare = r.status, r.headers["Content-Type"], await r.text()
    assert event["version"] == "2.0" and event["routeKey"] == "ANY /{proxy+}"
    assert event["rawPath"] == "/prod/items/7" and event["cookies"] == ["a=1", "b=2"]
    assert event["isBase64Encoded"] is True and event["body"] == base64.b64encode(b"\x00\x01").decode()
    assert "cookie" not in event["headers"] and event["requestContext"]["stage"] == "prod"
    assert png == (200, "image/png", b"\x89PNG\x00\xff")
    assert bare == (200, "application/json", '{"hello": "world"}')


async def test_http_api_without_a_route_is_404_not_found(app: Path) -> None:
    text = config("http", "Managed-AllViewerExceptHostHeader", "").replace(
        'routes: ["ANY /{proxy+}", "GET /items/{id}"]', 'routes: ["GET /items/{id}"]').replace(
        "stages: [prod]", "stages: [$default]")
    async with run_edge(app, text) as edge:
        async with edge.request("GET", "/items/7") as r:
            assert r.status == 201
        async with edge.request("GET", "/other") as r:
            assert r.status == 404
            assert await r.read() == b'{"message":"Not Found"}'  # compact, as observed


async def test_custom_domain_with_base_path_mapping(app: Path) -> None:
    text = config("rest", "Managed-AllViewer", "").replace(
        "domain_name: a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
        "domain_name: www.example.com").replace(
        "        function: app", "        function: app\n        api_id: a1b2c3d4e5\n"
        "        custom_domains: {www.example.com/v1: prod}")
    async with run_edge(app, text) as edge:
        async with edge.request("GET", "/v1/items/9", headers={"Host": "www.example.com"}) as r:
            assert r.status == 201
            assert json.loads(await r.text())["event"]["pathParameters"] == {"id": "9"}
        async with edge.request("GET", "/items/9", headers={"Host": "www.example.com"}) as r:
            assert r.status == 403


def test_config_errors_are_located(tmp_path: Path) -> None:
    write_app(tmp_path)
    path = tmp_path / "frontyard.yaml"
    path.write_text(config("rest", "Managed-AllViewerExceptHostHeader", "/prod").replace(
        "function: app", "function: nope\n        payload_format: '2.0'").replace("stages: [prod]", "stages: []"))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    found = {(i.field, i.location.line if i.location else 0): i.message for i in info.value.errors}
    assert "no function named 'nope'" in found["distribution.origins[0].mock.function", 15]
    assert found["distribution.origins[0].mock.payload_format", 16] == "REST APIs send payload format 1.0 only"
    assert "a REST API is invoked through a stage" in found["distribution.origins[0].mock.stages", 13]


def test_lint_names_the_missing_stage_and_the_host_fix(app: Path) -> None:
    from emulator.pipeline.lint import lint

    path = app / "frontyard.yaml"
    path.write_text(config("rest", "Managed-AllViewer", ""))
    messages = [i.message for i in lint(load_config(path))]
    assert any("does not start with a stage of the REST API (prod)" in m and "origin_path: /prod" in m
               for m in messages), messages
    assert any("Managed-AllViewerExceptHostHeader" in m and "API Gateway" in m for m in messages), messages
    path.write_text(config("rest", "Managed-AllViewerExceptHostHeader", "/prod"))
    assert lint(load_config(path)) == []
