"""The inspector's "Replay": a request from the history sent again, as it was or edited (method, query, headers,
body), through the config being served or another one; the answer comes back with its decisions and its body
(bounded, like the body store's)."""

from __future__ import annotations

import re
from typing import Any, Protocol

from multidict import CIMultiDict

from emulator.http import EdgeResponse, ViewerRequest, freeze
from emulator.inspector.bodies import Tap
from emulator.inspector.render import decision, headers
from emulator.trace import Trace

# RFC 9110: a method and a field name are tokens; a field value has no CR, LF or NUL; a query has no space, '#' or
# control character (RFC 3986). What a viewer could not put on the wire is refused, not sent to an origin.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_VALUE = re.compile(r"[^\r\n\x00]*")
_QUERY = re.compile(r"[\x21\x22\x24-\x7e]*")


class Dispatcher(Protocol):
    async def dispatch(self, request: ViewerRequest) -> tuple[EdgeResponse, Trace]: ...


def edited(viewer: ViewerRequest, edits: Any, bodies: dict[str, Any] | None) -> ViewerRequest:
    """The request as recorded (its body from the body store, when kept whole), with the edits applied."""
    if not isinstance(edits, dict):
        raise ValueError("expected a JSON object: {method, query, headers: [[name, value], ...], body, against}")
    method = str(edits.get("method") or viewer.method).upper()
    if not _TOKEN.fullmatch(method):
        raise ValueError(f"method '{method}' is not an HTTP method")
    query = str(edits["query"]).removeprefix("?") if edits.get("query") is not None else viewer.query
    if not _QUERY.fullmatch(query):
        raise ValueError(f"query '{query}' has a space, '#', a control or a non-ASCII character: percent-encode it")
    pairs: CIMultiDict[str] = CIMultiDict(viewer.headers)
    if edits.get("headers") is not None:
        pairs = CIMultiDict()
        for pair in edits["headers"]:
            name, value = pair  # [name, value]: a TypeError or ValueError otherwise, answered as a 400
            name, value = str(name), str(value)
            if not _TOKEN.fullmatch(name) or not _VALUE.fullmatch(value):
                raise ValueError(f"header {name!r}: {value!r} is not a header a viewer can send")
            pairs.add(name, value)
    body = _body(edits, bodies)
    if body:
        pairs["Content-Length"] = str(len(body))
    return ViewerRequest(method, viewer.raw_path, query, freeze(pairs), viewer.scheme, viewer.http_version,
                         viewer.client_ip, viewer.client_port, body, bool(body), viewer.tls)


def _body(edits: dict[str, Any], bodies: dict[str, Any] | None) -> bytes:
    if edits.get("body") is not None:
        return str(edits["body"]).encode()
    kept = (bodies or {}).get("request") or {}
    if kept.get("text") and not kept.get("truncated"):
        return str(kept["text"]).encode()
    return b""


async def send(edge: Dispatcher, viewer: ViewerRequest, config: str) -> dict[str, Any]:
    response, trace = await edge.dispatch(viewer)
    tap = Tap()
    try:
        body = tap.wrap(response.body)
        if not isinstance(body, bytes):
            async for _ in body:
                pass
    finally:
        await response.close()
    return {"config": config, "id": trace.request_id, "method": viewer.method, "target": viewer.target,
            "status": response.status, "headers": headers(response.headers),
            "decisions": [decision(d) for d in trace.decisions],
            "body": tap.as_json(response.headers.get("Content-Type", ""))}
