"""An S3 origin chosen by an origin-request Lambda@Edge function is reached with the viewer's protocol.

AWS ("Request and response behavior for Amazon S3 origins", Protocols): "CloudFront forwards HTTP or HTTPS requests
to the origin server based on the protocol of the viewer request".
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from tests.helpers import run_edge, serve_app

BUCKET = "assets.s3.us-east-1.amazonaws.com"

TO_S3 = f"""\
'use strict';
exports.handler = async (event) => {{
  const request = event.Records[0].cf.request;
  request.origin = {{s3: {{domainName: '{BUCKET}', path: '', authMethod: 'none', region: 'us-east-1',
                          customHeaders: {{}}}}}};
  request.headers['host'] = [{{key: 'Host', value: '{BUCKET}'}}];
  return request;
}};
"""


def config(port: int) -> str:
    return f"""\
distribution:
  origins:
    - {{id: app, domain_name: app.example.test, mock: {{type: echo}}}}
  default_cache_behavior:
    target_origin_id: app
    cache_policy: Managed-CachingDisabled
    lambda_function_associations: {{origin-request: to-s3}}
lambda_functions:
  to-s3: {{runtime: nodejs20.x, code: to_s3.js}}
emulator:
  resolve: {{{BUCKET}: '127.0.0.1:{port}'}}
  debug: {{trace_header: true}}
"""


async def test_http_viewer_reaches_the_chosen_s3_origin_over_http(tmp_path: Path) -> None:
    seen: list[tuple[str, str]] = []

    async def bucket(request: web.Request) -> web.Response:  # a plain-HTTP stand-in for the bucket
        seen.append((request.path, request.host))
        return web.Response(text="from the bucket")

    app = web.Application()
    app.router.add_get("/{tail:.*}", bucket)
    (tmp_path / "to_s3.js").write_text(TO_S3)
    async with serve_app(app) as port, run_edge(tmp_path, config(port)) as edge:
        async with edge.request("GET", "/img/cat.png") as r:
            body, trace = await r.text(), r.headers["X-Frontyard-Trace"]
            assert r.status == 200, (body, trace)
        assert body == "from the bucket"
        assert seen == [("/img/cat.png", BUCKET)]
        # The same function behind an HTTPS viewer: CloudFront asks the bucket over HTTPS (which this plain
        # stand-in does not speak: CloudFront's 502).
        async with edge.session.get(edge.https_url + "/img/cat.png", ssl=edge.ssl_context()) as r:
            trace = r.headers["X-Frontyard-Trace"]
            assert r.status == 502, trace
        assert "does not speak TLS" in trace
        assert len(seen) == 1
