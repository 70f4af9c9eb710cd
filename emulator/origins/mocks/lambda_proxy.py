"""Running an ordinary Lambda handler behind an HTTP front (API Gateway proxy integration, a function URL).

The handler runs in the same warm worker processes as Lambda@Edge functions (lambda_edge.workers), here as a
regional function. The events and the response mapping follow AWS's pages "Set up Lambda proxy integrations in
API Gateway" (payload format 1.0, REST APIs), "Create AWS Lambda proxy integrations for HTTP APIs in API Gateway"
(payload formats 1.0 and 2.0) and "Invoking Lambda function URLs" (2.0, the same shape as HTTP APIs).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from multidict import CIMultiDict

from emulator.config.model import LambdaFunctionConfig
from emulator.config.model.access import LOCAL_ACCOUNT
from emulator.lambda_edge.workers import Status, Worker

# A synchronous invocation's response payload (AWS, "Lambda quotas": "6 MB each for request and response").
MAX_RESPONSE = 6 * 1024 * 1024
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # an HTTP header name (RFC 9110 token)
_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript",
               "application/x-www-form-urlencoded", "+json", "+xml")


@dataclass
class Invoker:
    """One function's worker, started on the first request (a cold start) and ended with the mock."""

    fn: LambdaFunctionConfig
    region: str = "us-east-1"
    worker: Worker = field(init=False)

    def __post_init__(self) -> None:
        self.worker = Worker(self.fn)

    async def invoke(self, event: dict[str, Any], limit: float | None = None) -> tuple[Status, Any, str]:
        """(status, result, error text) of one invocation, cut at the function's timeout or `limit` (the front's
        own timeout) when that comes first."""
        context = {"functionName": self.fn.name, "functionVersion": "$LATEST",
                   "invokedFunctionArn": f"arn:aws:lambda:{self.region}:{LOCAL_ACCOUNT}:function:{self.fn.name}",
                   "memoryLimitInMB": self.fn.memory_size, "awsRequestId": str(uuid.uuid4()),
                   "logGroupName": f"/aws/lambda/{self.fn.name}", "logStreamName": "frontyard/local"}
        timeout = self.fn.timeout if limit is None else min(self.fn.timeout, limit)
        done = await self.worker.invoke(event, context, timeout)
        if done.status is Status.OK and len(json.dumps(done.result)) > MAX_RESPONSE:
            # Lambda refuses the response rather than cutting it; the front sees a failed invocation.
            too_big = f"Response payload size exceeded maximum allowed payload size ({MAX_RESPONSE} bytes)"
            return Status.ERROR, None, too_big
        return done.status, done.result, done.error

    async def close(self) -> None:
        await self.worker.close()


@dataclass(frozen=True)
class Incoming:
    """What every event is built from: the request as the front received it."""

    method: str
    path: str
    query: str
    headers: list[tuple[str, str]]
    body: bytes
    source_ip: str
    protocol: str
    host: str
    request_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @classmethod
    async def read(cls, request: web.Request) -> Incoming:
        path, _, query = request.raw_path.partition("?")
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.raw_headers]
        return cls(request.method, path, query, headers, await request.read(), request.remote or "127.0.0.1",
                   f"HTTP/{request.version.major}.{request.version.minor}", request.headers.get("Host", ""))

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name), "")

    def body_fields(self) -> tuple[str | None, bool]:
        """The body as the event carries it: text as is, anything else (or invalid UTF-8) base64-encoded."""
        if not self.body:
            return None, False
        ctype = self.header("content-type").lower()
        if any(t in ctype for t in _TEXT_TYPES):
            try:
                return self.body.decode("utf-8"), False
            except UnicodeDecodeError:
                pass
        return base64.b64encode(self.body).decode("ascii"), True


def _joined(items: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in items:
        out.setdefault(k, []).append(v)
    return out


def event_v2(req: Incoming, *, api_id: str, stage: str, route_key: str, path: str,
             path_parameters: dict[str, str] | None, keep_cookie_header: bool = False) -> dict[str, Any]:
    """Payload format 2.0: headers lower-cased and repeated values joined with commas, cookies apart."""
    headers = _joined([(k.lower(), v) for k, v in req.headers])
    cookies = [c.strip() for v in headers.get("cookie", []) for c in v.split(";") if c.strip()]
    if not keep_cookie_header:
        headers.pop("cookie", None)
    query = _joined(parse_qsl(req.query, keep_blank_values=True))
    body, encoded = req.body_fields()
    now = time.time()
    event: dict[str, Any] = {
        "version": "2.0", "routeKey": route_key, "rawPath": path, "rawQueryString": req.query,
        "headers": {k: ",".join(v) for k, v in headers.items()},
        "requestContext": {
            "accountId": LOCAL_ACCOUNT, "apiId": api_id, "domainName": req.host, "domainPrefix": req.host.split(".")[0],
            "http": {"method": req.method, "path": path, "protocol": req.protocol, "sourceIp": req.source_ip,
                     "userAgent": req.header("user-agent")},
            "requestId": req.request_id, "routeKey": route_key, "stage": stage,
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)), "timeEpoch": int(now * 1000)},
        "isBase64Encoded": encoded,
    }
    if cookies:
        event["cookies"] = cookies
    if query:
        event["queryStringParameters"] = {k: ",".join(v) for k, v in query.items()}
    if path_parameters:
        event["pathParameters"] = path_parameters
    if body is not None:
        event["body"] = body
    return event


def event_v1(req: Incoming, *, api_id: str, stage: str, resource: str, path: str,
             path_parameters: dict[str, str] | None) -> dict[str, Any]:
    """Payload format 1.0 (REST APIs): `headers` keeps the last value of a header, `multiValueHeaders` all."""
    multi = _joined(req.headers)
    query = _joined(parse_qsl(req.query, keep_blank_values=True))
    body, encoded = req.body_fields()
    return {
        "resource": resource, "path": path, "httpMethod": req.method,
        "headers": {k: v[-1] for k, v in multi.items()} or None, "multiValueHeaders": multi or None,
        "queryStringParameters": {k: v[-1] for k, v in query.items()} or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": path_parameters or None, "stageVariables": None,
        "requestContext": {
            "accountId": LOCAL_ACCOUNT, "apiId": api_id, "domainName": req.host, "domainPrefix": req.host.split(".")[0],
            "httpMethod": req.method, "path": f"/{stage}{path}" if stage != "$default" else path,
            "protocol": req.protocol, "requestId": req.request_id, "requestTimeEpoch": int(time.time() * 1000),
            "resourcePath": resource, "stage": stage,
            "identity": {"sourceIp": req.source_ip, "userAgent": req.header("user-agent")}},
        "body": body, "isBase64Encoded": encoded,
    }


class BadResponse(ValueError):
    """The handler's value is not a response the front can map (API Gateway answers 502)."""


def _body(result: dict[str, Any]) -> bytes:
    raw = result.get("body")
    if raw is None:
        return b""
    text = raw if isinstance(raw, str) else json.dumps(raw)
    if result.get("isBase64Encoded"):
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise BadResponse(f"isBase64Encoded is true but body is not base64: {exc}") from exc
    return text.encode("utf-8")


def _status(result: dict[str, Any]) -> int:
    status = result.get("statusCode")
    if isinstance(status, str) and status.isdigit():
        status = int(status)
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        raise BadResponse(f"statusCode {status!r} is not an HTTP status")
    return status


def _mapping(result: dict[str, Any], key: str) -> dict[str, Any]:
    value = result.get(key) or {}
    if not isinstance(value, dict):
        raise BadResponse(f"{key} is {type(value).__name__}, not an object")
    for name in value:
        if not _TOKEN.fullmatch(str(name)):
            raise BadResponse(f"{key} has {str(name)!r}, which is not an HTTP header name")
    return {str(k): v for k, v in value.items()}


def _header_value(name: str, value: object) -> str:
    # Checked here, not left to the HTTP server: a CR or LF would otherwise split the response or break it
    # half-written, and the client would see a broken connection instead of the integration's 502.
    if isinstance(value, dict | list) or value is None:
        raise BadResponse(f"header {name} has a {type(value).__name__} value, not a string")
    text = str(value)
    if any(c in text for c in "\r\n\0"):
        raise BadResponse(f"header {name} has a value with CR, LF or NUL")
    return text


def _headers(result: dict[str, Any], key: str) -> CIMultiDict[str]:
    return CIMultiDict((k, _header_value(k, v)) for k, v in _mapping(result, key).items())


def response_v1(result: Any) -> tuple[int, CIMultiDict[str], bytes]:
    """Payload format 1.0: statusCode is required; multiValueHeaders add to headers."""
    if not isinstance(result, dict) or "statusCode" not in result:
        raise BadResponse("the response has no statusCode (payload format 1.0 requires one)")
    headers = _headers(result, "headers")
    for k, values in _mapping(result, "multiValueHeaders").items():
        headers.popall(k, None)
        for v in values if isinstance(values, list) else [values]:
            headers.add(k, _header_value(k, v))
    headers.setdefault("Content-Type", "application/json")
    return _status(result), headers, _body(result)


def response_v2(result: Any) -> tuple[int, CIMultiDict[str], bytes]:
    """Payload format 2.0: a value with a statusCode is a response (cookies become Set-Cookie headers); any
    other JSON value is the body of a 200 with content-type application/json, as AWS infers it."""
    if not isinstance(result, dict) or "statusCode" not in result:
        body = result if isinstance(result, str) else json.dumps(result)
        return 200, CIMultiDict({"Content-Type": "application/json"}), body.encode("utf-8")
    headers = _headers(result, "headers")
    cookies = result.get("cookies") or []
    if not isinstance(cookies, list):
        raise BadResponse(f"cookies is {type(cookies).__name__}, not a list of strings")
    for cookie in cookies:
        headers.add("Set-Cookie", _header_value("Set-Cookie", cookie))
    headers.setdefault("Content-Type", "application/json")
    return _status(result), headers, _body(result)


def json_error(status: int, message: str, error_type: str = "", key: str = "message", spaced: bool = False
               ) -> web.Response:
    """AWS's bare JSON error. Its bodies differ by one space, as observed: the gateway's own answers are compact
    (`{"message":"Forbidden"}`), REST APIs' integration failures are not (`{"message": "Internal server error"}`)."""
    headers = {"x-amzn-ErrorType": error_type} if error_type else {}
    text = json.dumps({key: message}, separators=(", ", ": ") if spaced else (",", ":"))
    return web.Response(status=status, text=text, content_type="application/json", headers=headers)
