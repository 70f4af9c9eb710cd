"""The Lambda@Edge event (DG/lambda-event-structure): `{"Records": [{"cf": {"config", "request", "response"?}}]}`.

Headers are a map of lower-case name -> list of `{key, value}` (repeats kept, in order); the query string is the
raw string; origin events carry `request.origin` with exactly one of `custom` or `s3`. Headers a function may
not see (CloudFront's disallowed list, shared with CloudFront Functions) are left out of the event and put back
on the way out.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any

from emulator.cf_functions.event import is_disallowed
from emulator.config.model import LambdaEvent, Origin, OriginProtocolPolicy
from emulator.http import Body

Header = tuple[str, str]
# What include_body hands a function: the first 40 KB of a viewer-request body, 1 MB of an origin-request one.
BODY_LIMIT = {LambdaEvent.VIEWER_REQUEST: 40 * 1024, LambdaEvent.ORIGIN_REQUEST: 1024 * 1024}


def event_headers(headers: Iterable[Header]) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for name, value in headers:
        if not is_disallowed(name):
            out.setdefault(name.lower(), []).append({"key": name, "value": value})
    return out


def hidden_headers(headers: Iterable[Header]) -> tuple[Header, ...]:
    """The headers left out of the event: they go on unchanged whatever the function returns."""
    return tuple((n, v) for n, v in headers if is_disallowed(n))


def config_block(distribution_domain: str, distribution_id: str, event: LambdaEvent,
                 request_id: str) -> dict[str, str]:
    return {"distributionDomainName": distribution_domain, "distributionId": distribution_id,
            "eventType": event.value, "requestId": request_id}


def request_block(client_ip: str, method: str, uri: str, query: str, headers: Iterable[Header],
                  origin: Origin | None = None, scheme: str = "http", body: dict[str, Any] | None = None,
                  ) -> dict[str, Any]:
    block: dict[str, Any] = {"clientIp": client_ip, "headers": event_headers(headers), "method": method,
                             "querystring": query, "uri": uri}
    if body is not None:
        block["body"] = body
    if origin is not None:
        block["origin"] = origin_block(origin, scheme)
    return block


def response_block(status: int, reason: str, headers: Iterable[Header]) -> dict[str, Any]:
    return {"status": str(status), "statusDescription": reason, "headers": event_headers(headers)}


def make_event(config: dict[str, str], request: dict[str, Any], response: dict[str, Any] | None = None,
               ) -> dict[str, Any]:
    cf: dict[str, Any] = {"config": config, "request": request}
    if response is not None:
        cf["response"] = response
    return {"Records": [{"cf": cf}]}


def origin_block(origin: Origin, scheme: str) -> dict[str, Any]:
    headers = event_headers(origin.custom_headers)
    if origin.is_s3:
        return {"s3": {"authMethod": "none", "customHeaders": headers, "domainName": origin.domain_name,
                       "path": origin.origin_path, "region": "us-east-1"}}
    port = origin.https_port if scheme == "https" else origin.http_port
    return {"custom": {"customHeaders": headers, "domainName": origin.domain_name,
                       "keepaliveTimeout": int(origin.keepalive_timeout), "path": origin.origin_path, "port": port,
                       "protocol": scheme, "readTimeout": int(origin.read_timeout),
                       "sslProtocols": list(origin.ssl_protocols)}}


@dataclass(frozen=True)
class PeekedBody:
    """A request body's first bytes for the function, and the whole body still to be streamed on."""

    head: bytes
    truncated: bool
    body: Body

    def as_event(self) -> dict[str, Any]:
        return {"inputTruncated": self.truncated, "action": "read-only", "encoding": "base64",
                "data": base64.b64encode(self.head).decode("ascii")}


async def peek_body(body: Body, limit: int) -> PeekedBody:
    """Read up to `limit` bytes (CloudFront truncates what a function sees); the rest stays a stream."""
    if isinstance(body, bytes):
        return PeekedBody(body[:limit], len(body) > limit, body)
    chunks: list[bytes] = []
    size = 0
    iterator = body.__aiter__()
    exhausted = False
    while size <= limit:
        try:
            chunk = await iterator.__anext__()
        except StopAsyncIteration:
            exhausted = True
            break
        chunks.append(chunk)
        size += len(chunk)
    read = b"".join(chunks)
    if exhausted:
        return PeekedBody(read, False, read)
    return PeekedBody(read[:limit], True, _resume(read, iterator))


async def _resume(first: bytes, rest: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    yield first
    async for chunk in rest:
        yield chunk


def protocol_policy(protocol: str) -> OriginProtocolPolicy:
    return OriginProtocolPolicy.HTTPS_ONLY if protocol == "https" else OriginProtocolPolicy.HTTP_ONLY
