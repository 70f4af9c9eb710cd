"""A Lambda function URL origin behind a real edge: the 2.0 event, the response mapping, and origin access control.

AWS: "Invoking Lambda function URLs", "Restrict access to an AWS Lambda function URL origin" (OAC signs with SigV4;
PUT and POST need the viewer's x-amz-content-sha256: "Lambda doesn't support unsigned payloads").
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from tests.helpers import run_edge

HANDLER = '''\
import base64, json

def handler(event, context):
    if event["rawPath"] == "/boom":
        raise ValueError("nope")
    if event["rawPath"] == "/bare":
        return "just a string"
    if event["rawPath"] == "/gif":
        return {"statusCode": 200, "headers": {"content-type": "image/gif"}, "isBase64Encoded": True,
                "body": base64.b64encode(b"GIF89a\\x00\\xff").decode()}
    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "cookies": ["a=1; Secure", "b=2"],
            "body": json.dumps(event)}
'''
DOMAIN = "abcdefghijklmnop.lambda-url.eu-central-1.on.aws"
STRIP = Path(__file__).resolve().parents[3] / "lambda-functions" / "strip-api-prefix-python"


def config(tmp_path: Path, *, auth: str = "NONE", oac: bool = False, policy: str = "Managed-AllViewerExceptHostHeader",
           oac_type: str = "lambda", associations: str = "{}") -> str:
    (tmp_path / "fn").mkdir(exist_ok=True)
    (tmp_path / "fn" / "index.py").write_text(HANDLER)
    return f"""\
origin_access_controls:
  E2OACLAMBDA: {{origin_type: {oac_type}, signing_behavior: always}}
lambda_functions:
  ssr: {{runtime: python3.12, code: fn, handler: index.handler}}
  strip: {{runtime: python3.11, code: {STRIP}, handler: lambda_function.lambda_handler}}
distribution:
  aliases: [www.example.com]
  origins:
    - id: fn
      domain_name: {DOMAIN}
      {"origin_access_control_id: E2OACLAMBDA" if oac else ""}
      custom_origin: {{protocol_policy: http-only}}
      mock: {{type: lambda-url, function: ssr, auth_type: {auth}}}
  default_cache_behavior:
    target_origin_id: fn
    cache_policy: Managed-CachingDisabled
    origin_request_policy: {policy}
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
    lambda_function_associations: {associations}
"""


async def test_event_2_0_and_the_response_mapping(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path)) as edge:
        async with edge.request("POST", "/a/b?x=1&x=2", data=b"hello",
                                headers={"Cookie": "s=1; t=2", "Content-Type": "text/plain"}) as r:
            assert r.status == 200
            assert r.headers.getall("Set-Cookie") == ["a=1; Secure", "b=2"]
            event = json.loads(await r.text())
        async with edge.request("GET", "/gif") as r:
            gif = r.status, r.headers["Content-Type"], await r.read()
        async with edge.request("GET", "/bare") as r:
            bare = r.status, r.headers["Content-Type"], await r.text()
        async with edge.request("GET", "/boom") as r:
            boom = r.status, await r.text()
    assert event["version"] == "2.0" and event["rawPath"] == "/a/b" and event["rawQueryString"] == "x=1&x=2"
    assert event["queryStringParameters"] == {"x": "1,2"} and event["cookies"] == ["s=1", "t=2"]
    assert event["body"] == "hello" and event["isBase64Encoded"] is False
    assert event["requestContext"]["http"]["method"] == "POST"
    assert event["requestContext"]["domainName"] == DOMAIN and event["headers"]["host"] == DOMAIN
    assert gif == (200, "image/gif", b"GIF89a\x00\xff")
    assert bare == (200, "application/json", "just a string")
    assert boom == (502, "Internal Server Error")


async def test_binary_request_body_is_base64(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path)) as edge:
        async with edge.request("PUT", "/up", data=b"\x00\xfe", headers={"Content-Type": "application/zip"}) as r:
            event = json.loads(await r.text())
    assert event["isBase64Encoded"] is True and base64.b64decode(event["body"]) == b"\x00\xfe"


async def test_all_viewer_sends_the_viewer_host_and_the_function_url_refuses_it(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path, policy="Managed-AllViewer")) as edge:
        async with edge.request("GET", "/", headers={"Host": "www.example.com"}) as r:
            assert r.status == 403
            assert json.loads(await r.text()) == {"Message": "Forbidden"}


async def test_aws_iam_without_oac_is_403(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path, auth="AWS_IAM")) as edge:
        async with edge.request("GET", "/page") as r:
            assert r.status == 403
            assert r.headers["x-amzn-ErrorType"] == "AccessDeniedException"
            assert json.loads(await r.text()) == {"Message": "Forbidden"}


@pytest.mark.parametrize("method", ["GET", "DELETE"])
async def test_aws_iam_with_oac_is_signed_and_served(tmp_path: Path, method: str) -> None:
    async with run_edge(tmp_path, config(tmp_path, auth="AWS_IAM", oac=True)) as edge:
        async with edge.request(method, "/page?q=a%20b") as r:
            assert r.status == 200, await r.text()
            event = json.loads(await r.text())
    assert event["headers"]["authorization"].startswith("AWS4-HMAC-SHA256 Credential=")
    assert "/eu-central-1/lambda/aws4_request" in event["headers"]["authorization"]


async def test_oac_post_needs_the_viewers_content_sha256(tmp_path: Path) -> None:
    body = b'{"name": "x"}'
    async with run_edge(tmp_path, config(tmp_path, auth="AWS_IAM", oac=True)) as edge:
        async with edge.request("POST", "/form", data=body, headers={"Content-Type": "application/json"}) as r:
            unsigned = r.status, r.headers["x-amzn-ErrorType"], json.loads(await r.text())["message"]
        headers = {"Content-Type": "application/json", "x-amz-content-sha256": hashlib.sha256(body).hexdigest()}
        async with edge.request("POST", "/form", data=body, headers=headers) as r:
            signed = r.status, json.loads(await r.text())["body"]
        headers["x-amz-content-sha256"] = hashlib.sha256(b"other").hexdigest()
        async with edge.request("POST", "/form", data=body, headers=headers) as r:
            wrong = r.status
    assert unsigned[:2] == (403, "InvalidSignatureException")
    assert unsigned[2].startswith("The request signature we calculated does not match")
    assert signed == (200, body.decode())
    assert wrong == 403


async def test_oac_signs_what_the_origin_request_function_left(tmp_path: Path) -> None:
    # The signature covers the request as sent: after the origin-request function rewrote /api/page to /page.
    text = config(tmp_path, auth="AWS_IAM", oac=True, associations="{origin-request: strip}")
    async with run_edge(tmp_path, text) as edge:
        async with edge.request("GET", "/api/page") as r:
            assert r.status == 200, await r.text()
            event = json.loads(await r.text())
    assert event["rawPath"] == "/page"


async def test_an_oac_of_origin_type_s3_is_refused_by_a_function_url(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config(tmp_path, auth="AWS_IAM", oac=True, oac_type="s3")) as edge:
        async with edge.request("GET", "/page") as r:
            assert (r.status, r.headers["x-amzn-ErrorType"]) == (403, "InvalidSignatureException")
