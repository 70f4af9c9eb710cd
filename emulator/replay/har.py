"""HAR 1.2 files (a browser's DevTools "Save all as HAR", and the inspector's own export).

HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): log.entries[] each with startedDateTime (ISO 8601),
request {method, url, httpVersion, headers[{name, value}], postData} and response {status, content {size,
mimeType}, bodySize}. The file is one JSON document, so it is read whole; entries are then yielded one by one
and a broken entry is reported by its index (1-based), never fatal. HTTP/2 pseudo-headers (':authority' ...)
are left out: they are the request line, which the URL already gives. postData.text is the body replayed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from emulator.replay.model import Items, LoggedRequest, Malformed, each

# Host is the URL's; the body's framing is the replayed body's own (a HAR often omits the body it counted).
_FRAMING = ("host", "content-length", "transfer-encoding")


def read(doc: Any) -> Items:
    log = doc.get("log") if isinstance(doc, dict) else None
    entries = log.get("entries") if isinstance(log, dict) else None
    if not isinstance(entries, list):
        yield Malformed(1, "not a HAR file: no log.entries list")
        return
    yield from each(entries, _entry, "entry")


def _entry(index: int, entry: dict[str, Any]) -> LoggedRequest | Malformed:
    request, response = entry["request"], entry.get("response") or {}
    url = urlsplit(request["url"])
    if url.scheme not in ("http", "https", "ws", "wss") or not url.netloc:
        return Malformed(index, f"entry {index}: '{request['url']}' is not an http(s) URL")
    headers = tuple((str(h["name"]), str(h["value"])) for h in request.get("headers", [])
                    if not str(h["name"]).startswith(":") and str(h["name"]).lower() not in _FRAMING)
    content = response.get("content") or {}
    size = content.get("size") if isinstance(content.get("size"), int) and content.get("size") >= 0 else None
    status = response.get("status")
    return LoggedRequest(
        line=index, method=str(request["method"]).upper(), host=url.netloc, path=url.path or "/",
        query=url.query, headers=headers, scheme="https" if url.scheme in ("https", "wss") else "http",
        http_version=_version(str(request.get("httpVersion", ""))), timestamp=_started(entry.get("startedDateTime")),
        status=status if isinstance(status, int) and status > 0 else None, size=size,
        content_type=content.get("mimeType") or None, result=_x_cache(response), body=_body(request))


def _body(request: dict[str, Any]) -> bytes:
    """HAR 1.2's postData.text: the body as the browser sent it (params[] only restate it for forms)."""
    text = (request.get("postData") or {}).get("text")
    return text.encode("utf-8") if isinstance(text, str) else b""


def _version(text: str) -> str:
    text = text.lower()
    if text in ("h2", "http/2", "http/2.0", "h3", "http/3", "http/3.0"):
        return "2.0"  # the viewer protocol the edge's decisions read (HTTP/1.0 or not)
    return "1.0" if text == "http/1.0" else "1.1"


def _started(value: object) -> float | None:
    if not isinstance(value, str):
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def _x_cache(response: dict[str, Any]) -> str | None:
    for h in response.get("headers") or []:
        if str(h.get("name", "")).lower() == "x-cache":
            return str(h.get("value", "")).split(" ")[0] or None
    return None
