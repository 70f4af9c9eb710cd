"""Request and response bodies for the inspector, kept apart from the history's entries (which stay lean) and
bounded three times: the last `limit` requests, the first `max_bytes` of each body, and `TOTAL_BYTES` over all of
them (the history may keep 100,000 requests; their bodies in full would be gigabytes). A body is shown as text when it
decodes as UTF-8, otherwise as its size and SHA-256 (over the whole body, also past what is kept)."""

from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from emulator.http import Body, EdgeResponse, ViewerRequest
from emulator.inspector.history import History

MAX_BYTES = 64 * 1024  # kept per body
TOTAL_BYTES = 64 * 1024 * 1024  # kept over all bodies: the oldest requests' bodies go first


@dataclass(slots=True)
class Tap:
    """Watches a body go by, whether bytes or a stream: keeps its first bytes, counts and hashes all of it."""

    max_bytes: int = MAX_BYTES
    kept: bytearray = field(default_factory=bytearray)
    size: int = 0
    sha: Any = field(default_factory=hashlib.sha256)

    def see(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.sha.update(chunk)
        room = self.max_bytes - len(self.kept)
        if room > 0:
            self.kept += chunk[:room]

    def wrap(self, body: Body) -> Body:
        if isinstance(body, bytes):
            self.see(body)
            return body
        return self._stream(body)

    async def _stream(self, body: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        async for chunk in body:
            self.see(chunk)
            yield chunk

    def as_json(self, content_type: str = "") -> dict[str, object]:
        data = bytes(self.kept)
        out: dict[str, object] = {"size": self.size, "sha256": self.sha.hexdigest(),
                                  "truncated": self.size > len(data), "content_type": content_type or None}
        try:
            out["text"] = data.decode("utf-8")
        except UnicodeDecodeError:
            # Binary: its size and hash; the kept bytes only in base64, for the HAR export.
            out["text"] = None
            out["base64"] = base64.b64encode(data).decode("ascii")
        return out


class BodyStore:
    """As many requests' bodies as the history keeps entries (its limit follows reloads)."""

    def __init__(self, history: History) -> None:
        self.history = history
        self._bodies: OrderedDict[str, tuple[Tap, Tap]] = OrderedDict()
        self.kept_bytes = 0

    def tap_request(self, viewer: ViewerRequest) -> tuple[ViewerRequest, Tap | None]:
        if self.history.limit <= 0:
            return viewer, None
        tap = Tap()
        return _with_body(viewer, tap.wrap(viewer.body)), tap

    def tap_response(self, edge: EdgeResponse) -> tuple[EdgeResponse, Tap | None]:
        if self.history.limit <= 0:
            return edge, None
        tap = Tap()
        return EdgeResponse(edge.status, edge.reason, edge.headers, tap.wrap(edge.body), edge.release), tap

    def keep(self, request_id: str, request: Tap | None, response: Tap | None) -> None:
        if request is None or response is None:
            return
        bodies = self._bodies
        if request_id in bodies:
            self._drop(request_id)
        bodies[request_id] = (request, response)
        self.kept_bytes += len(request.kept) + len(response.kept)
        limit = max(self.history.limit, 0)
        while bodies and (len(bodies) > limit or self.kept_bytes > TOTAL_BYTES):
            _, (oldest_request, oldest_response) = bodies.popitem(last=False)
            self.kept_bytes -= len(oldest_request.kept) + len(oldest_response.kept)

    def _drop(self, request_id: str) -> None:
        taps = self._bodies.pop(request_id, None)
        if taps is not None:
            self.kept_bytes -= len(taps[0].kept) + len(taps[1].kept)

    def get(self, request_id: str, request_type: str = "", response_type: str = "") -> dict[str, object] | None:
        taps = self._bodies.get(request_id)
        if taps is None:
            return None
        return {"request": taps[0].as_json(request_type), "response": taps[1].as_json(response_type)}


def _with_body(viewer: ViewerRequest, body: Body) -> ViewerRequest:
    return ViewerRequest(viewer.method, viewer.raw_path, viewer.query, viewer.headers, viewer.scheme,
                         viewer.http_version, viewer.client_ip, viewer.client_port, body, viewer.has_body, viewer.tls)
