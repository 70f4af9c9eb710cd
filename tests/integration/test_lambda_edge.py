"""Lambda@Edge through a real edge: each event type, Node.js and Python handlers, errors as CloudFront answers."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest

from tests.helpers import header, run_edge
from tests.integration.test_reload import wait_for, watched

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "lambda-functions"


def edge_config(functions: str, associations: str, *, extra_behaviors: str = "") -> str:
    return f"""\
distribution:
  origins:
    - {{id: app, domain_name: app.example.test, mock: {{type: echo}}}}
  default_cache_behavior:
    target_origin_id: app
    origin_request_policy: Managed-AllViewer
    lambda_function_associations: {associations}
  cache_behaviors:
    - {{path_pattern: /plain/*, target_origin_id: app}}
{extra_behaviors}
lambda_functions:
{functions}
"""


def write(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)


@pytest.mark.parametrize("folder, runtime, handler", [
    ("strip-api-prefix-node", "nodejs20.x", "index.handler"),
    ("strip-api-prefix-python", "python3.11", "lambda_function.lambda_handler"),
])
async def test_origin_request_strips_the_api_prefix(tmp_path: Path, folder: str, runtime: str, handler: str) -> None:
    fn = f"  strip: {{runtime: {runtime}, code: {EXAMPLES / folder}, handler: {handler}}}"
    async with run_edge(tmp_path, edge_config(fn, "{origin-request: strip}")) as edge:
        async with edge.request("GET", "/api/users?page=2") as r:
            assert r.status == 200
            echo = json.loads(await r.read())
            assert r.headers["X-Cache"] == "Miss from cloudfront"
        assert echo["path"] == "/users" and echo["query"] == "page=2"
        async with edge.request("GET", "/apiary") as r:
            assert json.loads(await r.read())["path"] == "/apiary"


async def test_viewer_request_generated_response_python(tmp_path: Path) -> None:
    fn = f"  maint: {{runtime: python3.11, code: {EXAMPLES / 'maintenance-page' / 'index.py'}}}"
    async with run_edge(tmp_path, edge_config(fn, "{viewer-request: maint}")) as edge:
        async with edge.request("GET", "/maintenance/today") as r:
            assert r.status == 503
            assert r.headers["X-Cache"] == "LambdaGeneratedResponse from cloudfront"
            assert r.headers["Retry-After"] == "3600"
            assert await r.text() == "<!doctype html><title>Back soon</title><h1>We'll be back soon</h1>"
        async with edge.request("GET", "/index.html") as r:
            assert r.status == 200 and r.headers["X-Cache"] == "Miss from cloudfront"


async def test_viewer_request_changes_headers_and_sees_the_viewer_request_node(tmp_path: Path) -> None:
    write(tmp_path, "vr.js", """\
exports.handler = async (event) => {
  const cf = event.Records[0].cf;
  const r = cf.request;
  r.headers['x-seen'] = [{key: 'X-Seen', value: [cf.config.eventType, r.method, r.uri, r.querystring,
                                                 r.clientIp, r.headers.host[0].value].join(' ')}];
  r.querystring = 'changed=1';
  return r;
};
""")
    fn = "  vr: {runtime: nodejs20.x, code: vr.js}"
    async with run_edge(tmp_path, edge_config(fn, "{viewer-request: vr}")) as edge:
        async with edge.request("GET", "/a/b?x=1") as r:
            echo = json.loads(await r.read())
    host = edge.url.removeprefix("http://")
    assert header(echo, "x-seen") == f"viewer-request GET /a/b x=1 127.0.0.1 {host}"
    assert echo["query"] == "changed=1"


@pytest.mark.parametrize("runtime, name, code", [
    ("nodejs20.x", "sec.js", None),
    ("python3.11", "sec.py", """\
def handler(event, context):
    response = event["Records"][0]["cf"]["response"]
    response["headers"]["x-origin-status"] = [{"key": "X-Origin-Status", "value": response["status"]}]
    response["status"] = "201"
    response["statusDescription"] = "Created"
    return response
"""),
])
async def test_origin_response_changes_the_response(tmp_path: Path, runtime: str, name: str,
                                                    code: str | None) -> None:
    source = EXAMPLES / "security-headers" / "index.js" if code is None else tmp_path / name
    if code is not None:
        write(tmp_path, name, code)
    fn = f"  sec: {{runtime: {runtime}, code: {source}}}"
    async with run_edge(tmp_path, edge_config(fn, "{origin-response: sec}")) as edge:
        async with edge.request("GET", "/page") as r:
            body = json.loads(await r.read())
            if code is None:
                assert r.status == 200
                assert r.headers["X-Frame-Options"] == "DENY"
                assert r.headers["Strict-Transport-Security"].startswith("max-age=63072000")
            else:
                assert r.status == 201 and r.headers["X-Origin-Status"] == "200"
            assert body["path"] == "/page"  # the origin's body went on untouched


@pytest.mark.parametrize("runtime, name, code", [
    ("nodejs20.x", "vresp.js", """\
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['x-viewer'] = [{key: 'X-Viewer', value: event.Records[0].cf.request.uri}];
  response.status = '404';
  return response;
};
"""),
    ("python3.11", "vresp.py", """\
def handler(event, context):
    response = event["Records"][0]["cf"]["response"]
    response["headers"]["x-viewer"] = [{"key": "X-Viewer", "value": event["Records"][0]["cf"]["request"]["uri"]}]
    response["body"] = "replaced"
    return response
"""),
])
async def test_viewer_response(tmp_path: Path, runtime: str, name: str, code: str) -> None:
    write(tmp_path, name, code)
    fn = f"  vresp: {{runtime: {runtime}, code: {name}}}"
    async with run_edge(tmp_path, edge_config(fn, "{viewer-response: vresp}")) as edge:
        async with edge.request("GET", "/v") as r:
            body = await r.read()
            assert r.status == 200  # viewer-response functions cannot change the status
            assert r.headers["X-Viewer"] == "/v"
            if runtime.startswith("python"):
                assert body == b"replaced" and r.headers["Content-Length"] == "8"
            else:
                assert json.loads(body)["path"] == "/v"


@pytest.mark.parametrize("runtime, name, code", [
    ("nodejs20.x", "boom.js", "exports.handler = async () => { console.log('about to fail'); "
                              "throw new Error('boom'); };\n"),
    ("python3.11", "boom.py", "def handler(event, context):\n    print('about to fail')\n"
                              "    raise ValueError('boom')\n"),
])
async def test_a_handler_that_throws_gives_503(tmp_path: Path, runtime: str, name: str, code: str) -> None:
    write(tmp_path, name, code)
    fn = f"  boom: {{runtime: {runtime}, code: {name}}}"
    async with run_edge(tmp_path, edge_config(fn, "{origin-request: boom}")) as edge:
        async with edge.request("GET", "/x") as r:
            text = await r.text()
            assert r.status == 503
            assert r.headers["X-Cache"] == "LambdaExecutionError from cloudfront"
            assert "The Lambda function associated with the CloudFront distribution is invalid" in text
            assert f"Request ID: {r.headers['X-Amz-Cf-Id']}" in text
        async with edge.request("GET", "/plain/x") as r:
            assert r.status == 200


@pytest.mark.parametrize("runtime, name, code", [
    ("nodejs20.x", "ro.js", "exports.handler = async (e) => { const r = e.Records[0].cf.request; "
                            "r.headers['via'] = [{key: 'Via', value: 'mine'}]; return r; };\n"),
    ("python3.11", "ro.py", "def handler(event, context):\n    r = event['Records'][0]['cf']['request']\n"
                            "    r['headers']['host'] = [{'key': 'Host', 'value': 'evil.example'}]\n    return r\n"),
])
async def test_setting_a_read_only_header_gives_502(tmp_path: Path, runtime: str, name: str, code: str) -> None:
    write(tmp_path, name, code)
    event = "origin-request" if runtime.startswith("node") else "viewer-request"
    fn = f"  ro: {{runtime: {runtime}, code: {name}}}"
    async with run_edge(tmp_path, edge_config(fn, f"{{{event}: ro}}")) as edge:
        async with edge.request("GET", "/x") as r:
            text = await r.text()
            assert r.status == 502
            assert r.headers["X-Cache"] == "LambdaValidationError from cloudfront"
            assert "The Lambda function result failed validation: The function tried to add, delete, or change " \
                   "a read-only header." in text


async def test_a_function_that_never_resolves_gives_503_after_its_timeout(tmp_path: Path) -> None:
    write(tmp_path, "hang.js", "exports.handler = () => new Promise(() => {});\n")
    fn = "  hang: {runtime: nodejs20.x, code: hang.js, timeout: 1}"
    async with run_edge(tmp_path, edge_config(fn, "{viewer-request: hang}")) as edge:
        async def hung() -> tuple[int, str]:
            async with edge.request("GET", "/hang") as r:
                return r.status, r.headers["X-Cache"]

        waiting = asyncio.create_task(hung())
        for _ in range(3):  # other paths answer while the function hangs
            async with edge.request("GET", "/plain/x") as r:
                assert r.status == 200
        assert not waiting.done()
        assert await waiting == (503, "LambdaExecutionError from cloudfront")
        worker = edge.emulator.lambdas.workers["hang"]
        assert worker.starts == 1
        async with edge.request("GET", "/hang") as r:  # killed after the timeout, started again for this one
            assert r.status == 503
        assert worker.starts == 2


@pytest.mark.parametrize("runtime, name, code", [
    ("nodejs20.x", "count.js", "let n = 0;\nexports.handler = async (e) => { const r = e.Records[0].cf.request; "
                               "n += 1; r.headers['x-count'] = [{key: 'X-Count', value: String(n)}]; return r; };\n"),
    ("python3.11", "count.py", "n = 0\n\ndef handler(event, context):\n    global n\n    n += 1\n"
                               "    r = event['Records'][0]['cf']['request']\n"
                               "    r['headers']['x-count'] = [{'key': 'X-Count', 'value': str(n)}]\n    return r\n"),
])
async def test_module_state_persists_across_invocations(tmp_path: Path, runtime: str, name: str, code: str) -> None:
    write(tmp_path, name, code)
    fn = f"  count: {{runtime: {runtime}, code: {name}}}"
    async with run_edge(tmp_path, edge_config(fn, "{origin-request: count}")) as edge:
        seen = []
        for i in range(3):  # three paths: three cache misses
            async with edge.request("GET", f"/c{i}") as r:
                seen.append(header(json.loads(await r.read()), "x-count"))
    assert seen == ["1", "2", "3"]


async def test_a_crashed_worker_is_restarted(tmp_path: Path) -> None:
    write(tmp_path, "crash.js", """\
exports.handler = async (e) => {
  const r = e.Records[0].cf.request;
  if (r.uri === '/crash') process.exit(3);
  return r;
};
""")
    fn = "  crash: {runtime: nodejs20.x, code: crash.js}"
    async with run_edge(tmp_path, edge_config(fn, "{origin-request: crash}")) as edge:
        async with edge.request("GET", "/crash") as r:
            assert r.status == 503
        async with edge.request("GET", "/fine") as r:
            assert r.status == 200 and json.loads(await r.read())["path"] == "/fine"
        assert edge.emulator.lambdas.workers["crash"].starts == 2


async def test_include_body_and_origin_change(tmp_path: Path) -> None:
    write(tmp_path, "route.py", """\
import base64


def handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    body = base64.b64decode(request["body"]["data"]).decode()
    request["headers"]["x-body"] = [{"key": "X-Body", "value": body}]
    request["headers"]["x-truncated"] = [{"key": "X-Truncated", "value": str(request["body"]["inputTruncated"])}]
    if request["uri"].startswith("/other"):
        request["origin"] = {"custom": {"domainName": "other.example.test", "port": 80, "protocol": "http",
                                        "path": "/v2", "sslProtocols": ["TLSv1.2"], "readTimeout": 30,
                                        "keepaliveTimeout": 5, "customHeaders": {}}}
        request["headers"]["host"] = [{"key": "Host", "value": "other.example.test"}]
    return request
""")
    config = edge_config("  route: {runtime: python3.11, code: route.py}",
                         "{origin-request: {function: route, include_body: true}}")
    config = config.replace("  default_cache_behavior:", "    - {id: other, domain_name: other.example.test, "
                            "mock: {type: echo}}\n  default_cache_behavior:")
    config = config.replace("    target_origin_id: app\n    origin_request_policy",
                            "    target_origin_id: app\n    allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, "
                            "DELETE]\n    origin_request_policy")
    async with run_edge(tmp_path, config) as edge:
        async with edge.request("POST", "/other/x", data=b"hello") as r:
            echo = json.loads(await r.read())
    assert header(echo, "x-body") == "hello" and header(echo, "x-truncated") == "False"
    assert echo["path"] == "/v2/other/x" and header(echo, "host") == "other.example.test"
    assert echo["body_length"] == 5


async def test_cause_duration_and_output_reach_the_trace_and_the_access_log(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path, "boom.py", "def handler(event, context):\n    print('looking at', event['Records'][0]['cf']"
                               "['request']['uri'])\n    raise KeyError('missing')\n")
    config = edge_config("  boom: {runtime: python3.11, code: boom.py}", "{viewer-request: boom}")
    config += "emulator: {debug: {trace_header: true}}\n"
    with caplog.at_level("INFO", logger="frontyard"):
        async with run_edge(tmp_path, config) as edge, edge.request("GET", "/p") as r:
            assert r.status == 503
            compact = r.headers["X-Frontyard-Trace"]
    assert "lambda=error" in compact and "KeyError: 'missing'" in compact and "looking at /p" in compact
    assert "ms: " in compact  # the duration
    access = [rec.getMessage() for rec in caplog.records if rec.name == "frontyard.access"]
    assert len(access) == 1 and "KeyError: 'missing'" in access[0] and "looking at /p" in access[0]
    assert any("looking at /p" in rec.getMessage() for rec in caplog.records if rec.name == "frontyard.lambda")


async def test_the_memory_ceiling_python(tmp_path: Path) -> None:
    write(tmp_path, "hog.py", "def handler(event, context):\n    r = event['Records'][0]['cf']['request']\n"
                              "    if r['uri'] == '/hog':\n        blob = bytearray(400 * 1024 * 1024)\n"
                              "        return {'status': '200', 'body': str(len(blob))}\n    return r\n")
    fn = "  hog: {runtime: python3.11, code: hog.py, memory_size: 128}"
    async with run_edge(tmp_path, edge_config(fn, "{viewer-request: hog}")) as edge:
        async with edge.request("GET", "/hog") as r:
            assert r.status == 503 and r.headers["X-Cache"] == "LambdaExecutionError from cloudfront"
        async with edge.request("GET", "/fine") as r:  # the same warm worker goes on serving
            assert r.status == 200


async def test_origin_events_do_not_run_on_a_cache_hit_viewer_events_do(tmp_path: Path) -> None:
    write(tmp_path, "count.js", """\
let calls = {};
exports.handler = async (event) => {
  const cf = event.Records[0].cf;
  const type = cf.config.eventType;
  calls[type] = (calls[type] || 0) + 1;
  const target = type.endsWith('request') ? cf.request : cf.response;
  target.headers['x-' + type] = [{key: 'X-' + type, value: String(calls[type])}];
  return target;
};
""")
    fn = "  count: {runtime: nodejs20.x, code: count.js}"
    associations = "{viewer-request: count, origin-request: count, origin-response: count, viewer-response: count}"
    async with run_edge(tmp_path, edge_config(fn, associations)) as edge:  # Managed-CachingOptimized
        async with edge.request("GET", "/cached") as first:
            echo = json.loads(await first.read())
        async with edge.request("GET", "/cached") as second:
            await second.read()
    assert first.headers["X-Cache"] == "Miss from cloudfront" and second.headers["X-Cache"] == "Hit from cloudfront"
    # The origin saw the first viewer-request and origin-request invocations.
    assert header(echo, "x-viewer-request") == "1" and header(echo, "x-origin-request") == "1"
    # The hit is the stored copy: origin-response ran once, before storing; viewer-response runs on every one.
    assert first.headers["X-origin-response"] == second.headers["X-origin-response"] == "1"
    assert (first.headers["X-viewer-response"], second.headers["X-viewer-response"]) == ("1", "2")


async def test_a_response_generated_by_origin_request_is_cached(tmp_path: Path) -> None:
    write(tmp_path, "gen.py", """\
calls = 0


def handler(event, context):
    global calls
    calls += 1
    return {"status": "200", "headers": {"cache-control": [{"key": "Cache-Control", "value": "max-age=60"}]},
            "body": f"generated {calls}"}
""")
    fn = "  gen: {runtime: python3.11, code: gen.py}"
    async with run_edge(tmp_path, edge_config(fn, "{origin-request: gen}")) as edge:
        async with edge.request("GET", "/g") as first:
            assert await first.text() == "generated 1"
        async with edge.request("GET", "/g") as second:
            assert await second.text() == "generated 1"
    assert first.headers["X-Cache"] == "LambdaGeneratedResponse from cloudfront"
    assert second.headers["X-Cache"] == "Hit from cloudfront"


async def test_past_the_waiting_limit_invocations_are_throttled(tmp_path: Path) -> None:
    write(tmp_path, "slow.js", "exports.handler = () => new Promise(() => {});\n")
    fn = "  slow: {runtime: nodejs20.x, code: slow.js, timeout: 1}"
    async with run_edge(tmp_path, edge_config(fn, "{viewer-request: slow}")) as edge:
        edge.emulator.lambdas.workers["slow"].max_waiting = 1  # instead of 64: one running, one waiting

        async def get() -> str:
            async with edge.request("GET", "/s") as r:
                assert r.status == 503
                return r.headers["X-Cache"]

        running = asyncio.create_task(get())
        waiting = asyncio.create_task(get())
        while edge.emulator.lambdas.workers["slow"].waiting < 1:  # let the second one queue up
            await asyncio.sleep(0)
        assert await get() == "LambdaLimitExceeded from cloudfront"
        assert await running == await waiting == "LambdaExecutionError from cloudfront"


async def test_es_module_handler_environment_and_context(tmp_path: Path) -> None:
    write(tmp_path, "index.mjs", """\
export const handler = async (event, context) => {
  const r = event.Records[0].cf.request;
  r.headers['x-env'] = [{key: 'X-Env', value: `${process.env.AWS_REGION} ${process.env.AWS_LAMBDA_FUNCTION_NAME}`}];
  r.headers['x-context'] = [{key: 'X-Context', value: `${context.functionName} ${context.memoryLimitInMB} ` +
                             `${context.getRemainingTimeInMillis() > 0}`}];
  return r;
};
""")
    fn = "  esm: {runtime: nodejs20.x, code: ., handler: index.handler}"
    async with run_edge(tmp_path, edge_config(fn, "{origin-request: esm}")) as edge, edge.request("GET", "/e") as r:
        echo = json.loads(await r.read())
    assert header(echo, "x-env") == "us-east-1 us-east-1.esm"
    assert header(echo, "x-context") == "us-east-1.esm 128 true"


async def test_a_handler_that_cannot_load_answers_503_and_the_rest_is_served(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path, "index.js", "exports.other = async () => null;\n")
    fn = "  broken: {runtime: nodejs20.x, code: index.js}"
    config = edge_config(fn, "{origin-request: broken}") + "emulator: {debug: {trace_header: true}}\n"
    with caplog.at_level("ERROR", logger="frontyard"):
        async with run_edge(tmp_path, config) as edge:
            async with edge.request("GET", "/x") as r:
                assert r.status == 503
                assert "Runtime.HandlerNotFound: index.handler is undefined or not exported" in \
                    r.headers["X-Frontyard-Trace"]
            async with edge.request("GET", "/plain/x") as r:
                assert r.status == 200
    assert any("Lambda@Edge function 'broken' cannot load" in rec.getMessage() for rec in caplog.records)


def test_a_missing_node_is_a_located_error_saying_how_to_install_it(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from emulator.assembly import load_config
    from emulator.errors import ConfigError
    from emulator.lambda_edge.runtimes import find_interpreter

    write(tmp_path, "index.js", "exports.handler = async (e) => e.Records[0].cf.request;\n")
    write(tmp_path, "site.yaml", edge_config("  fn: {runtime: nodejs22.x, code: index.js}", "{origin-request: fn}"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no node here
    find_interpreter.cache_clear()
    try:
        with pytest.raises(ConfigError) as info:
            load_config(tmp_path / "site.yaml")
    finally:
        find_interpreter.cache_clear()
    (issue,) = info.value.errors
    assert issue.format().startswith(f"{tmp_path / 'site.yaml'}:12:17: lambda_functions.fn.runtime: ")
    assert "no local interpreter for nodejs22.x" in issue.message and "apt-get install nodejs" in issue.expected


async def test_editing_a_handler_reloads_it_with_watch(tmp_path: Path) -> None:
    handler = "exports.handler = async (e) => {{ const r = e.Records[0].cf.request; " \
              "r.headers['x-version'] = [{{key: 'X-Version', value: '{v}'}}]; return r; }};\n"
    write(tmp_path, "v.js", handler.format(v="1"))
    write(tmp_path, "site.yaml", edge_config("  v: {runtime: nodejs20.x, code: v.js}", "{viewer-request: v}"))
    async with watched(tmp_path / "site.yaml") as (base, reloader):
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/plain/x") as r:  # the function is on the default behavior only
                assert r.status == 200
            async with session.get(f"{base}/a") as r:
                assert header(json.loads(await r.read()), "x-version") == "1"
            old = reloader.server.emulator
            write(tmp_path, "v.js", handler.format(v="2"))
            await wait_for(reloader, lambda: reloader.server.emulator is not old)
            async with session.get(f"{base}/b") as r:
                assert header(json.loads(await r.read()), "x-version") == "2"


async def test_with_an_origin_group_origin_events_run_once_per_origin(tmp_path: Path) -> None:
    from tests.helpers import serve_app
    from tests.integration.test_origin_groups import config as group_config
    from tests.integration.test_origin_groups import origin as group_origin

    write(tmp_path, "count.js", """\
let calls = 0;
exports.handler = async (event) => {
  const cf = event.Records[0].cf;
  calls += 1;
  const target = cf.config.eventType === 'origin-request' ? cf.request : cf.response;
  target.headers['x-calls'] = [{key: 'X-Calls', value: String(calls)}];
  return target;
};
""")
    seen: list[str] = []
    functions = "lambda_function_associations: {origin-request: count, origin-response: count}"
    async with serve_app(group_origin("one", 503, seen)) as p1, serve_app(group_origin("two", 200, seen)) as p2:
        text = group_config(p1, p2, functions=functions, extra="lambda_functions: {count: {runtime: nodejs20.x, "
                            "code: count.js}}")
        text = text.replace("          lambda_functions:", "        lambda_functions:")  # top level
        async with run_edge(tmp_path, text) as edge, edge.request("GET", "/page") as r:
            assert r.status == 200 and await r.text() == "two 200"
            # request(one)=1, response(one's 503)=2, request(two)=3, response(two's 200)=4
            assert r.headers["X-Calls"] == "4"
    assert seen == ["one GET", "two GET"]
