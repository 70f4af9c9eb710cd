"""A WebSocket upgrade after the viewer-side stages (AWS "Use WebSockets with CloudFront distributions").

The upgrade went through the behavior like any request: protocol policy, methods, geo, signed URLs and the
viewer-request function or Lambda@Edge. From here it differs: it is never cached nor collapsed (each upgrade is one
viewer's connection), the origin request carries `Upgrade: websocket` and `Connection: Upgrade`, and the
`Sec-WebSocket-*` headers only when the policies forward them ("Forward all viewer request headers to your origin
... Specifically forward the Sec-WebSocket-Key and Sec-WebSocket-Version request headers in your origin request
policy"). Without them the origin refuses the handshake, and the viewer gets that refusal, as in production.
"""

from __future__ import annotations

from multidict import CIMultiDict

from emulator.errors import OriginError
from emulator.http import EdgeResponse, OriginRequest, ViewerRequest, freeze
from emulator.origins.client import OriginClient
from emulator.origins.upgrade import Switched, open_upgrade
from emulator.pipeline.flight import Forward
from emulator.responses.responder import CacheResult, Responder, finalize
from emulator.trace import Trace

HANDSHAKE = ("Sec-WebSocket-Key", "Sec-WebSocket-Version")


def is_websocket(request: ViewerRequest) -> bool:
    """RFC 6455 section 4.1: a GET with `Upgrade: websocket` and `Connection` listing `Upgrade`."""
    if request.method != "GET":
        return False
    upgrade = {t.strip().lower() for v in request.headers.getall("Upgrade", []) for t in v.split(",")}
    connection = {t.strip().lower() for v in request.headers.getall("Connection", []) for t in v.split(",")}
    return "websocket" in upgrade and "upgrade" in connection


def upgrade_request(req: OriginRequest, viewer: ViewerRequest, trace: Trace) -> OriginRequest:
    """The origin request as built from the policies, with the upgrade's own hop-by-hop headers."""
    headers = CIMultiDict(req.headers)
    headers["Connection"] = "Upgrade"
    headers["Upgrade"] = "websocket"
    missing = [name for name in HANDSHAKE if name not in headers]
    if missing:
        trace.add("websocket", "handshake-headers-not-forwarded",
                  f"{' and '.join(missing)} not forwarded to the origin (the origin request policy does not list "
                  "them): the origin cannot complete the WebSocket handshake. Fix: use Managed-AllViewer (or "
                  "AllViewerExceptHostHeader), or add Sec-WebSocket-Key and Sec-WebSocket-Version to the origin "
                  "request policy's headers")
    else:
        trace.add("websocket", "upgrade", "WebSocket upgrade: Sec-WebSocket-Key and Sec-WebSocket-Version forwarded; "
                  "never cached nor collapsed")
    return OriginRequest(**{**{f: getattr(req, f) for f in req.__dataclass_fields__}, "headers": freeze(headers)})


async def upgrade(forward: Forward, req: OriginRequest, client: OriginClient, respond: Responder,
                  trace: Trace) -> EdgeResponse:
    """Open the origin's side; the 101 with CloudFront's own headers added, or what the origin answered (cleaned
    like any origin response; custom error responses and X-Cache are the caller's)."""
    try:
        upstream = await open_upgrade(client, req)
    except OriginError as exc:
        return respond.origin_failure(exc.status, exc.result, exc.cause, trace)
    if isinstance(upstream, Switched):
        headers = CIMultiDict(upstream.headers)
        final = finalize(headers, CacheResult.MISS, respond.settings, trace.request_id)
        trace.add("websocket", "switched", f"origin '{forward.origin.id}' answered 101 Switching Protocols: the "
                  "connection is now a tunnel between viewer and origin")
        return Switched(101, upstream.reason, final, b"", transport=upstream.transport, early=upstream.early)
    trace.add("websocket", "refused", f"origin '{forward.origin.id}' answered {upstream.status} instead of 101 "
              "Switching Protocols: the viewer gets that answer")
    return respond.clean(forward.route.forwarding, upstream, trace)
