"""frontyard's own history: the inspector's `GET /_frontyard/requests` (summaries) saved to a file, or one or
more `GET /_frontyard/requests/{id}` details (which add the viewer's headers)."""

from __future__ import annotations

from typing import Any

from emulator.replay.model import Items, LoggedRequest, Malformed, each


def read(doc: Any) -> Items:
    rows = doc.get("requests") if isinstance(doc, dict) and "requests" in doc else doc
    if isinstance(rows, dict):
        rows = [rows]  # one request's detail
    if not isinstance(rows, list):
        yield Malformed(1, "not a frontyard history export: no 'requests' list")
        return
    yield from each(rows, _row, "request")


def _row(index: int, row: dict[str, Any]) -> LoggedRequest | Malformed:
    viewer = row.get("viewer_request") or {}
    target = str(viewer.get("target") or row["target"])
    if not target.startswith("/"):
        return Malformed(index, f"request {index}: target '{target}' does not start with '/'")
    path, _, query = target.partition("?")
    headers = tuple((str(k), str(v)) for k, v in viewer.get("headers", []) if str(k).lower() != "host")
    host = str(row.get("host") or dict((k.lower(), v) for k, v in viewer.get("headers", [])).get("host", ""))
    size = row.get("sent")
    return LoggedRequest(
        line=index, method=str(viewer.get("method") or row["method"]).upper(), host=host, path=path, query=query,
        headers=headers, scheme=str(viewer.get("scheme") or row.get("scheme") or "http"),
        http_version=str(viewer.get("http_version") or "1.1"), client_ip=str(viewer.get("client_ip") or "127.0.0.1"),
        timestamp=float(row["time"]) if row.get("time") is not None else None,
        status=int(row["status"]) if row.get("status") else None, size=size if isinstance(size, int) else None,
        content_type=_content_type(row), result=str(row.get("x_cache") or "").split(" ")[0] or None)


def _content_type(row: dict[str, Any]) -> str | None:
    headers = (row.get("response") or {}).get("headers") or []
    return next((str(v) for k, v in headers if str(k).lower() == "content-type"), None)
