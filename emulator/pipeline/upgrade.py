"""A WebSocket upgrade after the viewer-side stages (AWS "Use WebSockets with CloudFront distributions").

The upgrade went through the behavior like any request: protocol policy, methods, geo, signed URLs and the
viewer-request function or Lambda@Edge. From here it differs: it is never cached nor collapsed (each upgrade is one
viewer's connection), the origin request carries `Upgrade: websocket` and `Connection: Upgrade`, and the
`Sec-WebSocket-*` headers only when the policies forward them ("Forward all viewer request headers to your origin
... Specifically forward the Sec-WebSocket-Key and Sec-WebSocket-Version request headers in your origin request
policy"). Without them the origin refuses the handshake, and the viewer gets that refusal, as in production.
"""

from __future__ import annotations

from dataclasses import replace

from multidict import CIMultiDict

from emulator.errors import OriginError
from emulator.http import EdgeResponse, Headers, OriginRequest, ViewerRequest, freeze
from emulator.origins.client import OriginClient
from emulator.origins.upgrade import Switched, open_upgrade
from emulator.pipeline.flight import Forward
from emulator.responses.responder import CacheResult, Responder, finalize
from emulator.trace import OriginExchange, Trace

HANDSHAKE = ("Sec-WebSocket-Key", "Sec-WebSocket-Version")
FIX = ("Fix: use origin_request_policy: Managed-AllViewer (or Managed-AllViewerExceptHostHeader), or add "
       "Sec-WebSocket-Key and Sec-WebSocket-Version to the origin request policy's headers")


def _tokens(headers: Headers, name: str) -> list[str]:
    """The comma-separated tokens of every `name` header (RFC 9110 section 5.6.1), empty ones left out."""
    return [t.strip() for v in headers.getall(name, []) for t in v.split(",") if t.strip()]


def is_websocket(request: ViewerRequest) -> bool:
    """RFC 6455 section 4.1: a GET with `Upgrade: websocket` and `Connection` listing `Upgrade`."""
    if request.method != "GET" or "Upgrade" not in request.headers:  # every request asks: most leave here
        return False
    upgrade = {t.lower() for t in _tokens(request.headers, "Upgrade")}
    connection = {t.lower() for t in _tokens(request.headers, "Connection")}
    return "websocket" in upgrade and "upgrade" in connection


def upgrade_request(req: OriginRequest, trace: Trace) -> OriginRequest:
    """The origin request as built from the policies, with the upgrade's own hop-by-hop headers."""
    headers = CIMultiDict(req.headers)
    headers["Connection"] = "Upgrade"
    headers["Upgrade"] = "websocket"
    missing = [name for name in HANDSHAKE if name not in headers]
    if missing:
        trace.add("websocket", "handshake-headers-not-forwarded",
                  f"{' and '.join(missing)} not forwarded to the origin (the policies do not list them): the "
                  f"origin cannot complete the WebSocket handshake. {FIX}")
    else:
        trace.add("websocket", "upgrade", "WebSocket upgrade: Sec-WebSocket-Key and Sec-WebSocket-Version forwarded; "
                  "never cached nor collapsed")
    return replace(req, headers=freeze(headers))


async def upgrade(forward: Forward, req: OriginRequest, client: OriginClient, respond: Responder,
                  trace: Trace) -> EdgeResponse:
    """Open the origin's side; the 101 with CloudFront's own headers added, or what the origin answered (cleaned
    like any origin response; custom error responses and X-Cache are the caller's)."""
    try:
        upstream = await open_upgrade(client, req)
    except OriginError as exc:
        trace.exchanges.append(OriginExchange("origin", req, failure=exc.cause))
        return respond.origin_failure(exc.status, exc.result, exc.cause, trace)
    trace.exchanges.append(OriginExchange("origin", req, upstream.status, upstream.headers))
    if isinstance(upstream, Switched):
        final = finalize(_switch_headers(forward, upstream, respond, trace), CacheResult.MISS, respond.settings,
                         trace.request_id)
        trace.add("websocket", "switched", f"origin '{forward.origin.id}' answered 101 Switching Protocols: the "
                  "connection is now a tunnel between viewer and origin")
        return Switched(101, upstream.reason, final, b"", connection=upstream.connection)
    missing = [name for name in HANDSHAKE if name not in req.headers]
    cause = f"; {' and '.join(missing)} did not reach it: {FIX}" if missing else ""
    trace.add("websocket", str(upstream.status), f"origin '{forward.origin.id}' answered {upstream.status} instead "
              f"of 101 Switching Protocols{cause}")
    return respond.clean(forward.route.forwarding, upstream, trace)


def _switch_headers(forward: Forward, upstream: EdgeResponse, respond: Responder, trace: Trace) -> CIMultiDict[str]:
    """The origin's 101 cleaned like any origin response (hop-by-hop headers, and those its Connection names,
    RFC 9110 section 7.6.1, are for the origin's connection only), then the upgrade's own two again."""
    named = _tokens(upstream.headers, "Connection")
    headers = CIMultiDict(respond.clean(forward.route.forwarding, upstream, trace).headers)
    for name in named:
        headers.popall(name, None)
    headers["Connection"] = "Upgrade"
    headers["Upgrade"] = "websocket"
    return headers
