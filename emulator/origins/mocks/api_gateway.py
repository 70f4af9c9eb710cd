"""`api-gateway`: a REST or HTTP API on its execute-api domain (`{api-id}.execute-api.{region}.amazonaws.com`) or
its custom domain names, in front of a local Lambda handler (proxy integration) or an echo.

What it answers before any integration runs, as API Gateway does:
- a Host that is neither its execute-api domain nor one of its custom domains: 403 `{"message":"Forbidden"}`
  (AWS, "Configure CloudFront to forward headers": "If you create a custom policy for API Gateway origins
  without custom domain, then don't forward the HOST header. Otherwise, you get a 403 Error.");
- REST APIs: the stage is the first path segment on the execute-api domain; a path or method with no resource
  (a missing stage included) is 403 `{"message":"Missing Authentication Token"}` with x-amzn-ErrorType
  MissingAuthenticationTokenException (AWS knowledge center, "How do I troubleshoot HTTP 403 errors from API
  Gateway?": "An API request was made to a method or resource that does not exist");
- HTTP APIs: a request no route matches is 404 `{"message":"Not Found"}`; the `$default` stage has no path
  prefix, `$default` routes catch everything.
A function that fails, or returns a response the payload format cannot map, is 502 `{"message": "Internal server
error"}` for a REST API (AWS, "Handling Lambda errors with an API Gateway API"), 500 `{"message":"Internal Server
Error"}` for an HTTP API (as observed). A function still running at the integration timeout is 504 `{"message":
"Endpoint request timed out"}` (AWS knowledge center, "How do I troubleshoot HTTP 504 errors from API Gateway?": "If
an integration request takes longer than your API Gateway REST API maximum integration timeout parameter, API
Gateway returns an HTTP 504 status code.").
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import web

from emulator.config.model import LambdaFunctionConfig, MockSpec
from emulator.http import split_host_port
from emulator.lambda_edge.workers import Status
from emulator.origins.mocks import Handler, MockType, OptionSpec
from emulator.origins.mocks.api_routes import Route, api_id_of, match, parse_route, split_mapping
from emulator.origins.mocks.lambda_proxy import (
    BadResponse,
    Incoming,
    Invoker,
    event_v1,
    event_v2,
    json_error,
    response_v1,
    response_v2,
)

LOG = logging.getLogger("frontyard")
# Integration timeouts (AWS, "Amazon API Gateway quotas"): REST APIs 29 s by default, HTTP APIs 30 s.
REST_TIMEOUT = 29.0
HTTP_TIMEOUT = 30.0


def check(options: Mapping[str, object]) -> list[tuple[str | None, str]]:
    problems: list[tuple[str | None, str]] = []
    api = options.get("api")
    if api not in ("rest", "http"):
        problems.append(("api", f"'{api}' is not an API type (rest or http)"))
    fmt = options.get("payload_format")
    if fmt is not None and fmt not in ("1.0", "2.0"):
        problems.append(("payload_format", f"'{fmt}' is not a payload format version (1.0 or 2.0)"))
    if api == "rest" and fmt == "2.0":
        problems.append(("payload_format", "REST APIs send payload format 1.0 only"))
    if api == "rest" and not options.get("stages"):
        problems.append(("stages", "a REST API is invoked through a stage: list at least one (like [prod])"))
    for raw in options.get("routes") or []:  # type: ignore[attr-defined]
        route, problem = parse_route(str(raw), api == "http")
        if route is None:
            problems.append(("routes", problem))
    if not options.get("api_id") and api_id_of(str(options.get("origin_domain", ""))) is None:
        problems.append(("api_id", "the origin's domain_name is not an execute-api domain: give the API's id"))
    return problems


@dataclass(frozen=True)
class Target:
    stage: str
    path: str  # the path after the stage or base path


class Api:
    """One API: where a request goes (Host, stage, route), then its integration."""

    def __init__(self, spec: MockSpec) -> None:
        origin_domain = str(spec.option("origin_domain", "")).lower()
        self.http = spec.option("api") == "http"
        self.region = str(spec.option("region") or _region(origin_domain))
        self.api_id = str(spec.option("api_id") or api_id_of(origin_domain))
        self.domain = f"{self.api_id}.execute-api.{self.region}.amazonaws.com"
        self.stages = [str(s) for s in spec.option("stages") or (["$default"] if self.http else [])]  # type: ignore
        default_routes = ["$default"] if self.http else ["ANY /{proxy+}", "ANY /"]
        raw_routes = spec.option("routes") or default_routes
        self.routes = [r for r in (parse_route(str(x), self.http)[0] for x in raw_routes) if r]  # type: ignore
        mappings = spec.option("custom_domains") or {}
        self.mappings = [split_mapping(str(k), str(v)) for k, v in mappings.items()]  # type: ignore[attr-defined]
        fn = spec.option("function")
        self.invoker = Invoker(fn, self.region) if isinstance(fn, LambdaFunctionConfig) else None
        self.v2 = str(spec.option("payload_format", "2.0" if self.http else "1.0")) == "2.0"
        # API Gateway stops waiting for the integration after this long; the function may be allowed longer.
        self.timeout = float(spec.option("integration_timeout", HTTP_TIMEOUT if self.http else REST_TIMEOUT))

    def target(self, host: str, path: str) -> Target | web.Response:
        if host == self.domain:
            if self.http and "$default" in self.stages and not _under_stage(path, self.stages):
                return Target("$default", path)
            stage, _, rest = path.lstrip("/").partition("/")
            if stage not in self.stages:
                return self.no_route()
            return Target(stage, "/" + rest)
        candidates = [m for m in self.mappings if m.domain == host and _under(path, m.base)]
        if not candidates:
            return json_error(403, "Forbidden", "ForbiddenException")
        best = max(candidates, key=lambda m: len(m.base))
        return Target(best.stage, path[len(best.base):] or "/")

    def no_route(self) -> web.Response:
        if self.http:
            return json_error(404, "Not Found", "NotFoundException")
        return json_error(403, "Missing Authentication Token", "MissingAuthenticationTokenException")

    async def handle(self, request: web.Request) -> web.StreamResponse:
        req = await Incoming.read(request)
        where = self.target(split_host_port(req.host)[0].lower(), req.path)
        if isinstance(where, web.Response):
            return self.stamped(where, req)
        found = match(self.routes, req.method, where.path)
        if found is None:
            return self.stamped(self.no_route(), req)
        route, params = found
        if self.invoker is None:
            return self.stamped(_echo(req, where, route), req)
        return self.stamped(await self.integrate(req, where, route, params), req)

    async def integrate(self, req: Incoming, where: Target, route: Route, params: dict[str, str]) -> web.Response:
        assert self.invoker is not None
        if self.v2:
            event = event_v2(req, api_id=self.api_id, stage=where.stage, route_key=route.key, path=req.path,
                             path_parameters=params or None)
        else:
            event = event_v1(req, api_id=self.api_id, stage=where.stage, resource=route.path or "/",
                             path=where.path, path_parameters=params or None)
        status, result, error = await self.invoker.invoke(event, self.timeout)
        if status is Status.TIMEOUT and self.timeout < self.invoker.fn.timeout:
            LOG.error("API %s: no answer from the Lambda integration within %g s", self.api_id, self.timeout)
            return json_error(504, "Endpoint request timed out", spaced=True)
        if status is not Status.OK:
            LOG.error("API %s: the Lambda integration failed: %s", self.api_id, error)
            return self.failed()
        try:
            code, headers, body = (response_v2 if self.v2 else response_v1)(result)
        except BadResponse as exc:
            LOG.error("API %s: malformed Lambda proxy response: %s", self.api_id, exc)
            return self.failed()
        return web.Response(status=code, headers=headers, body=body)

    def failed(self) -> web.Response:
        # REST APIs answer a failed Lambda integration 502 (AWS, "Handling Lambda errors with an API Gateway
        # API"); HTTP APIs 500 with their own body (as observed).
        if self.http:
            return json_error(500, "Internal Server Error")
        return json_error(502, "Internal server error", spaced=True)

    def stamped(self, response: web.Response, req: Incoming) -> web.Response:
        response.headers["x-amzn-RequestId"] = req.request_id
        if self.http:
            response.headers["apigw-requestid"] = uuid.uuid4().hex[:16]
        else:
            response.headers["x-amz-apigw-id"] = uuid.uuid4().hex[:16]
        return response

    async def close(self) -> None:
        if self.invoker is not None:
            await self.invoker.close()


def _under(path: str, base: str) -> bool:
    return not base or path == base or path.startswith(base + "/")


def _under_stage(path: str, stages: list[str]) -> bool:
    first = path.lstrip("/").partition("/")[0]
    return first in stages and first != "$default"


def _region(domain: str) -> str:
    parts = domain.split(".")
    return parts[2] if len(parts) > 3 and parts[1] == "execute-api" else "us-east-1"


def _echo(req: Incoming, where: Target, route: Route) -> web.Response:
    body = {"method": req.method, "path": where.path, "query": req.query, "stage": where.stage,
            "route": route.key, "headers": [[k, v] for k, v in req.headers], "body_length": len(req.body)}
    return web.Response(text=json.dumps(body, indent=2) + "\n", content_type="application/json")


def make_handler(spec: MockSpec) -> Handler:
    return Api(spec).handle


MOCK = MockType(
    "api-gateway",
    {
        "api": OptionSpec("str", required=True, help="rest (API Gateway REST API) or http (HTTP API)"),
        "api_id": OptionSpec("str", help="the API's id (default: from the origin's execute-api domain_name)"),
        "region": OptionSpec("str", help="the API's region (default: from the execute-api domain, else us-east-1)"),
        "stages": OptionSpec("strs", help="stage names; REST APIs need one, HTTP APIs default to [$default]"),
        "routes": OptionSpec("strs", help="'METHOD /path' with {param} and {proxy+} segments, ANY, or $default "
                             "(HTTP APIs); default: every path"),
        "custom_domains": OptionSpec("table", help="custom domain name (with an optional /base-path) -> stage"),
        "function": OptionSpec("lambda", help="the Lambda proxy integration: a name under lambda_functions "
                               "(default: an echo of the request)"),
        "integration_timeout": OptionSpec("float", lo=0.05, hi=30, help="seconds API Gateway waits for the "
                                          "function before it answers 504 (default 29 for REST, 30 for HTTP APIs)"),
        "payload_format": OptionSpec("str", help="1.0 or 2.0 (HTTP APIs; default 2.0); REST APIs send 1.0"),
    },
    make_handler,
    check=check,
    own_domain=True,
)
