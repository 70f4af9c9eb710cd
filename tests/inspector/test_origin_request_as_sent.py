"""The origin request the inspector, its JSON API and `frontyard trace` show is the one the origin received:
after an origin-request Lambda@Edge function changed it (path, query, Host, headers, origin), and after an
origin group failed over (the origin that answered, not the primary)."""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from emulator import Edge
from emulator.cli.trace import fetch_detail, format_detail
from tests.helpers import serve_app
from tests.integration.test_origin_groups import config as group_config
from tests.integration.test_origin_groups import origin as group_origin

ROUTE = """\
def handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    if request["uri"].startswith("/api/"):
        request["uri"] = request["uri"][len("/api"):]
        request["querystring"] += "&via=lambda"
        request["origin"] = {"custom": {"domainName": "b.internal", "port": %(port)d, "protocol": "http",
                                        "path": "", "sslProtocols": ["TLSv1.2"], "readTimeout": 30,
                                        "keepaliveTimeout": 5, "customHeaders": {}}}
        request["headers"]["host"] = [{"key": "Host", "value": "service.b.internal"}]
        request["headers"]["x-routed"] = [{"key": "X-Routed", "value": "by-lambda"}]
    return request
"""

CONFIG = """\
distribution:
  aliases: [iiif.localhost]
  origins:
    - {id: a, domain_name: a.internal, custom_origin: {http_port: %(a)d, protocol_policy: http-only}}
    - {id: b, domain_name: b.internal, custom_origin: {http_port: %(b)d, protocol_policy: http-only}}
  default_cache_behavior:
    target_origin_id: a
    cache_policy: Managed-CachingDisabled
    origin_request_policy: Managed-AllViewerExceptHostHeader
    lambda_function_associations: {origin-request: route}
lambda_functions:
  route: {runtime: python3.11, code: route.py}
emulator:
  resolve: {a.internal: 127.0.0.1, b.internal: 127.0.0.1}
"""


def recording(name: str, received: list[dict[str, Any]]) -> web.Application:
    """An origin that notes the request line and headers exactly as they arrived."""
    async def handler(request: web.Request) -> web.Response:
        received.append({"origin": name, "method": request.method, "target": request.raw_path,
                         "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in request.raw_headers]})
        return web.Response(text=f"{name} answered")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    return app


async def _served(tmp_path: Path, config: str, path: str, headers: dict[str, str]) -> tuple[int, str, dict, str]:
    (tmp_path / "frontyard.yaml").write_text(config)
    async with Edge.from_file(tmp_path / "frontyard.yaml") as edge, aiohttp.ClientSession() as session:
        await edge.serve(https=False)
        async with session.get(f"{edge.url}{path}", headers=headers) as r:
            status, text = r.status, await r.text()
        async with session.get(f"{edge.admin_url}/_frontyard/requests/last") as r:
            detail = await r.json()
        # `frontyard trace last`: the same API read by the command line (urllib, so off the event loop)
        assert edge.admin_url is not None
        printed = format_detail(await asyncio.to_thread(fetch_detail, edge.admin_url, "last"))
    return status, text, detail, printed


async def test_the_recorded_origin_request_is_what_the_origin_received_after_origin_request_lambda(
        tmp_path: Path) -> None:
    received: list[dict[str, Any]] = []
    async with serve_app(recording("a", received)) as pa, serve_app(recording("b", received)) as pb:
        (tmp_path / "route.py").write_text(ROUTE % {"port": pb})
        status, text, detail, printed = await _served(tmp_path, CONFIG % {"a": pa, "b": pb}, "/api/users?id=1",
                                                      {"Host": "iiif.localhost"})
    assert (status, text) == (200, "b answered")
    [wire] = received
    [sent] = detail["origin_exchanges"]
    assert (sent["origin"], sent["method"], sent["target"]) == ("b", "GET", "/users?id=1&via=lambda")
    assert (wire["origin"], wire["method"], wire["target"]) == ("b", "GET", "/users?id=1&via=lambda")
    assert sent["headers"] == wire["headers"]  # every header, in order, as it went out
    assert ["Host", "service.b.internal"] in sent["headers"] and ["X-Routed", "by-lambda"] in sent["headers"]
    assert sent["url"] == f"http://b.internal:{pb}/users?id=1&via=lambda"
    assert sent["connect"] == f"127.0.0.1:{pb}"
    assert (sent["status"], sent["failure"]) == (200, None)
    assert detail["origin"] == "b"  # the list's origin column: the one reached
    # Each change the function made is a decision of its own, the Host change included.
    changes = {d["outcome"]: d["detail"] for d in detail["decisions"] if d["stage"] == "lambda"}
    assert changes["uri"] == "uri '/api/users' -> '/users'"
    assert changes["querystring"] == "querystring 'id=1' -> 'id=1&via=lambda'"
    assert changes["host"] == "Host 'a.internal' -> 'service.b.internal'"
    assert changes["headers"] == "header added: X-Routed: by-lambda"
    assert changes["origin"].startswith("origin -> custom origin http://b.internal")
    sent_decision = [d["detail"] for d in detail["decisions"] if (d["stage"], d["outcome"]) == ("origin-request",
                                                                                              "lambda")]
    assert sent_decision == [f"after the origin-request function: GET http://b.internal:{pb}/users?id=1&via=lambda "
                             f"(connect to 127.0.0.1:{pb}, Host: service.b.internal)"]
    answered = [d["detail"] for d in detail["decisions"] if d["stage"] == "origin"]
    assert len(answered) == 1 and answered[0].startswith("origin 'b' answered 200")
    # `frontyard trace` prints the same request.
    assert f"Origin request to 'b' (http://b.internal:{pb}/users?id=1&via=lambda, connected to 127.0.0.1:{pb})" \
        in printed
    assert "  GET /users?id=1&via=lambda HTTP/1.1\n" in printed and "  Host: service.b.internal\n" in printed
    assert "/api/users" not in printed.split("Origin request to")[1].split("Response to the viewer")[0]


async def test_after_a_failover_the_trace_names_the_origin_that_answered(tmp_path: Path) -> None:
    seen: list[str] = []
    async with serve_app(group_origin("one", 503, seen)) as p1, serve_app(group_origin("two", 200, seen)) as p2:
        status, text, detail, printed = await _served(tmp_path, textwrap.dedent(group_config(p1, p2)), "/page", {})
    assert (status, text) == (200, "two 200") and seen == ["one GET", "two GET"]
    assert detail["origin"] == "two"  # the list's origin column
    first, second = detail["origin_exchanges"]
    assert (first["origin"], first["status"]) == ("one", 503) and (second["origin"], second["status"]) == ("two", 200)
    answered = [d["detail"] for d in detail["decisions"] if d["stage"] == "origin"]
    assert answered[0] == "primary 'one' answered 503"
    assert answered[-1].startswith("origin 'two' answered 200")
    assert "origin 'one' answered 200" not in printed


TAG = """\
def handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    if request["uri"] == "/generated":
        return {"status": "200", "statusDescription": "OK", "body": "from the function"}
    request["headers"]["x-tried"] = [{"key": "X-Tried", "value": request["origin"]["custom"]["domainName"]}]
    return request
"""


async def test_each_failover_attempt_is_recorded_as_the_origin_request_function_left_it(tmp_path: Path) -> None:
    (tmp_path / "tag.py").write_text(TAG)
    seen: list[str] = []
    text = group_config(0, 0, functions="lambda_function_associations: {origin-request: tag}",
                        extra="lambda_functions: {tag: {runtime: python3.11, code: tag.py}}")
    text = textwrap.dedent(text).replace("  lambda_functions:", "lambda_functions:")  # top level
    async with serve_app(group_origin("one", 503, seen)) as p1, serve_app(group_origin("two", 200, seen)) as p2:
        text = text.replace("http_port: 0}", f"http_port: {p1}}}", 1).replace("http_port: 0}", f"http_port: {p2}}}", 1)
        status, body, detail, _ = await _served(tmp_path, text, "/page", {})
        assert (status, body) == (200, "two 200")
        assert [dict(x["headers"]).get("X-Tried") for x in detail["origin_exchanges"]] == ["one.internal",
                                                                                           "two.internal"]
        _, body, detail, _ = await _served(tmp_path, text, "/generated", {})
    assert body == "from the function"
    assert detail["origin_exchanges"] == [] and detail["origin"] is None  # no origin was contacted
    assert seen == ["one GET", "two GET"]
