"""History entries as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the format browsers' DevTools
save and `frontyard replay` reads back. Bodies come from the body store when it still has them: text as text,
binary in base64 (HAR's content.encoding), each cut at what the store keeps."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

from emulator import __version__
from emulator.inspector.bodies import BodyStore
from emulator.inspector.history import Entry


def document(entries: list[Entry], bodies: BodyStore) -> dict[str, Any]:
    return {"log": {"version": "1.2", "creator": {"name": "frontyard", "version": __version__},
                    "entries": [entry(e, bodies) for e in entries if e.trace.viewer is not None]}}


def entry(e: Entry, bodies: BodyStore) -> dict[str, Any]:
    viewer = e.trace.viewer
    assert viewer is not None
    kept = bodies.get(e.id) or {}
    request_body: dict[str, Any] = kept.get("request") or {}  # type: ignore[assignment]
    response_body: dict[str, Any] = kept.get("response") or {}  # type: ignore[assignment]
    host = viewer.headers.get("Host", "")
    url = f"{viewer.scheme.value}://{host}{viewer.target}"
    started = datetime.fromtimestamp(e.time - e.duration_ms / 1000, UTC).isoformat().replace("+00:00", "Z")
    request: dict[str, Any] = {
        "method": viewer.method, "url": url, "httpVersion": f"HTTP/{viewer.http_version}", "cookies": [],
        "headers": _pairs(viewer.headers.items()), "queryString": _pairs(parse_qsl(viewer.query, True)),
        "headersSize": -1, "bodySize": request_body.get("size", 0)}
    if request_body.get("size"):
        request["postData"] = {"mimeType": viewer.headers.get("Content-Type", ""),
                               "text": request_body.get("text") or ""}
    content: dict[str, Any] = {"size": response_body.get("size", e.sent),
                               "mimeType": e.headers.get("Content-Type", "")}
    if response_body.get("text") is not None:
        content["text"] = response_body["text"]
    elif response_body.get("base64"):
        content["text"], content["encoding"] = response_body["base64"], "base64"
    return {
        "startedDateTime": started, "time": round(e.duration_ms, 3), "request": request,
        "response": {"status": e.status, "statusText": "", "httpVersion": f"HTTP/{viewer.http_version}",
                     "cookies": [], "headers": _pairs(e.headers.items()), "content": content,
                     "redirectURL": e.headers.get("Location", ""), "headersSize": -1, "bodySize": e.sent},
        "cache": {}, "timings": {"send": 0, "wait": round(e.duration_ms, 3), "receive": 0},
        "_id": e.id,  # HAR allows custom fields with a leading underscore: the X-Amz-Cf-Id
    }


def _pairs(items: Any) -> list[dict[str, str]]:
    return [{"name": k, "value": v} for k, v in items]
