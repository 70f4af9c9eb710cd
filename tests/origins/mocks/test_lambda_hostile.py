"""A Lambda handler behind API Gateway or a function URL that returns what no proxy integration can map, or never
returns: the client gets AWS's bare error (502, or API Gateway's 504 past the integration timeout), never a
traceback, a framework error page or a header the handler smuggled in.

AWS: "Lambda quotas" (a synchronous response payload is at most 6 MB); "Handling Lambda errors with an API
Gateway API" (a malformed proxy response is 502 "Internal server error" for a REST API); "How do I troubleshoot HTTP
504 errors from API Gateway?" (an integration that takes longer than the maximum integration timeout is 504).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import run_edge

HANDLER = '''\
import time

def handler(event, context):
    path = event.get("rawPath") or event.get("path")
    if path.endswith("/crlf"):
        return {"statusCode": 200, "headers": {"x-a": "v\\r\\nInjected: 1"}, "body": "x"}
    if path.endswith("/bad-name"):
        return {"statusCode": 200, "headers": {"bad name": "v"}, "body": "x"}
    if path.endswith("/headers-list"):
        return {"statusCode": 200, "headers": ["a", "b"], "body": "x"}
    if path.endswith("/multi-str"):
        return {"statusCode": 200, "multiValueHeaders": "nope", "body": "x"}
    if path.endswith("/cookies-str"):
        return {"statusCode": 200, "cookies": "a=1", "body": "x"}
    if path.endswith("/bad-b64"):
        return {"statusCode": 200, "isBase64Encoded": True, "body": "@@@not base64@@@"}
    if path.endswith("/status-999"):
        return {"statusCode": 999, "body": "x"}
    if path.endswith("/status-float"):
        return {"statusCode": 200.5, "body": "x"}
    if path.endswith("/none"):
        return None
    if path.endswith("/list"):
        return [1, 2]
    if path.endswith("/hang"):
        time.sleep(30)
    if path.endswith("/huge"):
        return {"statusCode": 200, "body": "x" * (7 * 1024 * 1024)}
    return {"statusCode": 200, "body": "fine"}
'''
CASES = ["crlf", "bad-name", "headers-list", "bad-b64", "status-999", "status-float", "huge"]
ONLY = {"rest": ["multi-str", "none", "list"], "http": ["cookies-str"], "url": ["cookies-str"]}  # per payload format
FRONTS = {
    "rest": ("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", "/prod",
             "{type: api-gateway, api: rest, stages: [prod], function: app, integration_timeout: 0.5}",
             (502, b'{"message": "Internal server error"}')),
    "http": ("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", "",
             "{type: api-gateway, api: http, function: app, integration_timeout: 0.5}",
             (500, b'{"message":"Internal Server Error"}')),
    "url": ("abcdefghijklmnop.lambda-url.eu-central-1.on.aws", "", "{type: lambda-url, function: app}",
            (502, b"Internal Server Error")),
}


def config(tmp_path: Path, front: str, timeout: int = 3) -> str:
    (tmp_path / "app").mkdir(exist_ok=True)
    (tmp_path / "app" / "app.py").write_text(HANDLER)
    domain, origin_path, mock, _ = FRONTS[front]
    return f"""\
lambda_functions:
  app: {{runtime: python3.12, code: app, handler: app.handler, timeout: {timeout}}}
distribution:
  origins:
    - id: o
      domain_name: {domain}
      origin_path: "{origin_path}"
      custom_origin: {{protocol_policy: http-only}}
      mock: {mock}
  default_cache_behavior:
    target_origin_id: o
    cache_policy: Managed-CachingDisabled
    origin_request_policy: Managed-AllViewerExceptHostHeader
"""


@pytest.mark.parametrize("front", sorted(FRONTS))
async def test_an_unmappable_response_is_a_bare_502(tmp_path: Path, front: str) -> None:
    async with run_edge(tmp_path, config(tmp_path, front)) as edge:
        answers = {}
        for case in CASES + ONLY[front]:
            async with edge.request("GET", f"/{case}") as r:
                answers[case] = (r.status, await r.read(), "Injected" in r.headers)
        async with edge.request("GET", "/fine") as r:
            fine = r.status, await r.read()
    status, body = FRONTS[front][3]
    assert answers == {case: (status, body, False) for case in CASES + ONLY[front]}
    assert fine == (200, b"fine")


async def test_api_gateway_gives_up_at_its_integration_timeout_with_504(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path, "http", timeout=5)) as edge:
        async with edge.request("GET", "/hang") as r:
            status, body = r.status, await r.read()
        async with edge.request("GET", "/fine") as r:
            after = r.status, await r.read()
    assert (status, body) == (504, b'{"message": "Endpoint request timed out"}')
    assert after == (200, b"fine")


async def test_a_function_url_handler_that_overruns_its_timeout_is_a_bare_502(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path, "url", timeout=1)) as edge:
        async with edge.request("GET", "/hang") as r:
            assert (r.status, await r.read()) == (502, b"Internal Server Error")



PID_HANDLER = '''\
import os

def handler(event, context):
    return {"statusCode": 200, "body": str(os.getpid())}
'''


@pytest.mark.parametrize("front", ["http", "url"])
async def test_the_function_worker_ends_with_the_edge(tmp_path: Path, front: str) -> None:
    text = config(tmp_path, front)
    (tmp_path / "app" / "app.py").write_text(PID_HANDLER)
    async with run_edge(tmp_path, text) as edge:
        async with edge.request("GET", "/pid") as r:
            pid = int(await r.read())
        os.kill(pid, 0)  # alive while the edge serves
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
