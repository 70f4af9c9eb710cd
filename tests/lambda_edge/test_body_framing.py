"""A request body a Lambda@Edge function replaces goes to the origin framed by what is sent: a keep-alive origin
reads exactly the new body, never the viewer's old Content-Length (too short: the rest reads as the next request;
too long: the origin waits for bytes that never come). Real Node.js and Python handlers in the shape of AWS's
"Lambda@Edge example functions" (Access the request body: replace the body of an HTML form)."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp import web

from tests.helpers import run_edge, serve_app

FORM = b"name=ada&comment=hello!!"  # 24 bytes, as a browser posts it

# Longer than the viewer's form: every field kept, the comment replaced.
LONGER_PY = """\
import base64
from urllib.parse import parse_qsl, urlencode


def handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    if request["method"] == "POST":
        fields = dict(parse_qsl(base64.b64decode(request["body"]["data"]).decode()))
        fields["comment"] = "replaced at the edge by the viewer-request function"
        request["body"]["action"] = "replace"
        request["body"]["encoding"] = "text"
        request["body"]["data"] = urlencode(fields)
    return request
"""

# Shorter than the viewer's form: only the name goes on.
SHORTER_JS = """\
const querystring = require('querystring');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'POST') {
    const fields = querystring.parse(Buffer.from(request.body.data, 'base64').toString());
    request.body.action = 'replace';
    request.body.encoding = 'base64';
    request.body.data = Buffer.from(querystring.stringify({name: fields.name})).toString('base64');
  }
  return request;
};
"""

# Empty: the form is dropped, and the origin is still told the POST has a body of 0 bytes.
EMPTY_PY = """\
def handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    if request["method"] == "POST":
        request["body"]["action"] = "replace"
        request["body"]["encoding"] = "text"
        request["body"]["data"] = ""
    return request
"""


def _origin_app(seen: list[tuple[str, str | None, bytes]]) -> web.Application:
    """A keep-alive origin that answers with what it read: the method, path, Content-Length and body."""

    async def handle(request: web.Request) -> web.Response:
        body = await request.read()
        seen.append((f"{request.method} {request.path}", request.headers.get("Content-Length"), body))
        return web.json_response({"length": request.headers.get("Content-Length"), "body": body.decode()})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    return app


def _config(port: int, fn: str) -> str:
    return f"""\
distribution:
  origins:
    - id: app
      domain_name: app.test
      connection_attempts: 1
      custom_origin: {{protocol_policy: http-only, http_port: {port}, read_timeout: 3}}
  default_cache_behavior:
    target_origin_id: app
    cache_policy: Managed-CachingDisabled
    origin_request_policy: Managed-AllViewer
    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
    lambda_function_associations: {{viewer-request: {{function: form, include_body: true}}}}
lambda_functions:
  form: {fn}
emulator: {{resolve: {{app.test: 127.0.0.1}}}}
"""


@pytest.mark.parametrize("name, code, runtime, expected", [
    ("form.py", LONGER_PY, "python3.11", b"name=ada&comment=replaced+at+the+edge+by+the+viewer-request+function"),
    ("form.js", SHORTER_JS, "nodejs20.x", b"name=ada"),
    ("empty.py", EMPTY_PY, "python3.11", b""),
])
async def test_a_replaced_body_is_framed_by_its_own_length(tmp_path: Path, name: str, code: str, runtime: str,
                                                           expected: bytes) -> None:
    (tmp_path / name).write_text(code)
    seen: list[tuple[str, str | None, bytes]] = []
    async with serve_app(_origin_app(seen)) as port:
        config = _config(port, f"{{runtime: {runtime}, code: {name}}}")
        async with run_edge(tmp_path, config) as edge:
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            async with edge.request("POST", "/form", data=FORM, headers=headers) as r:
                assert r.status == 200, await r.text()
                echo = await r.json()
            assert echo == {"length": str(len(expected)), "body": expected.decode()}
            # The same keep-alive connection carries the next request cleanly: nothing of the body is left over.
            async with edge.request("GET", "/after") as r:
                assert r.status == 200 and (await r.json())["body"] == ""
    assert seen == [("POST /form", str(len(expected)), expected), ("GET /after", None, b"")]
