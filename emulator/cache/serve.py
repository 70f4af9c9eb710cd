"""Answering from a cached copy: the whole object, a HEAD, a 304 to a viewer's conditional request, or a
byte range (AWS's range-GET page: a range is served from a cached whole object; an invalid or multiple
range gets the whole object). Pure functions of the entry and the viewer's request."""

from __future__ import annotations

from dataclasses import replace
from email.utils import parsedate_to_datetime

from multidict import CIMultiDict

from emulator.cache.store import Entry
from emulator.http import EdgeResponse, Headers, OriginRequest, freeze

WHOLE = "whole object"  # the note of a hit served whole

# Headers a 304 repeats from the stored response (RFC 9110 Section 15.4.5).
_NOT_MODIFIED_KEEPS = frozenset(("cache-control", "content-location", "date", "etag", "expires", "last-modified",
                                 "vary", "age"))


def not_modified(entry: Entry, request_headers: Headers) -> bool:
    """Whether the viewer's own copy of the object is current: If-None-Match first, else If-Modified-Since."""
    return entry.status == 200 and current(entry.headers, request_headers)


def current(stored: Headers, request_headers: Headers) -> bool:
    """Whether the viewer's copy matches the stored response's validators (a whole object's or a part's)."""
    if (inm := request_headers.get("If-None-Match")) is not None:
        etag = stored.get("ETag")
        if etag is None:
            return False
        wanted = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in wanted or etag.removeprefix("W/") in wanted
    ims, modified = request_headers.get("If-Modified-Since"), stored.get("Last-Modified")
    if ims is None or modified is None:
        return False
    try:
        return parsedate_to_datetime(modified) <= parsedate_to_datetime(ims)
    except (TypeError, ValueError, IndexError, OverflowError):
        return False


def from_entry(entry: Entry, method: str, request_headers: Headers, age: int) -> tuple[EdgeResponse, str]:
    """The response for a hit, and a note on how it was cut (304, range, whole)."""
    headers = CIMultiDict(entry.headers)
    headers["Age"] = str(age)
    if method in ("GET", "HEAD") and not_modified(entry, request_headers):
        return not_modified_response(headers), "304 Not Modified: the viewer's copy is current"
    body = entry.body
    note = WHOLE
    if entry.status == 200 and method == "GET" and (spec := request_headers.get("Range")) is not None:
        cut = byte_range(spec, len(body))
        if cut == "unsatisfiable":
            headers.popall("Content-Length", None)
            headers["Content-Range"] = f"bytes */{len(body)}"
            return EdgeResponse(416, "", freeze(headers), b""), f"416: range '{spec}' is outside {len(body)} bytes"
        if cut is not None:
            start, end = cut
            headers["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
            headers["Content-Length"] = str(end - start + 1)
            return (EdgeResponse(206, "", freeze(headers), body[start:end + 1]),
                    f"206: bytes {start}-{end} of the cached {len(body)}")
        note = f"whole object: range '{spec}' is not one valid range"
    headers["Content-Length"] = str(len(body))
    return EdgeResponse(entry.status, entry.reason, freeze(headers), body), note


def not_modified_response(headers: Headers) -> EdgeResponse:
    """The 304 for a viewer whose copy is current: the stored headers a 304 repeats, with the hit's Age."""
    kept = CIMultiDict((k, v) for k, v in headers.items() if k.lower() in _NOT_MODIFIED_KEEPS)
    return EdgeResponse(304, "", freeze(kept), b"")


def byte_range(spec: str, size: int) -> tuple[int, int] | str | None:
    """One 'bytes=a-b' / 'bytes=a-' / 'bytes=-n' range as inclusive offsets; 'unsatisfiable'; or None when
    the header is not a single valid range (the whole object is sent then)."""
    unit, _, ranges = spec.partition("=")
    if unit.strip().lower() != "bytes" or "," in ranges:
        return None
    first, dash, last = ranges.strip().partition("-")
    if not dash or not (first.isdigit() or first == "") or not (last.isdigit() or last == "") or first == last == "":
        return None
    if first == "":
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None
    if start >= size:
        return "unsatisfiable"
    return start, end


def conditional_request(req: OriginRequest, validators: dict[str, str]) -> OriginRequest:
    """The origin request with the cached copy's validators in place of the viewer's conditionals (same
    method: a cached OPTIONS is revalidated with an OPTIONS)."""
    headers = CIMultiDict((k, v) for k, v in req.headers.items()
                          if k.lower() not in ("if-none-match", "if-modified-since", "if-match",
                                               "if-unmodified-since", "if-range", "range"))
    headers.update(validators)
    return replace(req, headers=freeze(headers))


def renewed_headers(stored: Headers, not_modified: Headers) -> Headers:
    """A copy's headers after the origin's 304: its validators and caching headers replace the stored ones."""
    headers = CIMultiDict(stored)
    for name in ("Cache-Control", "Expires", "Date", "ETag", "Last-Modified"):
        if name in not_modified:
            headers.popall(name, None)
            for value in not_modified.getall(name):
                headers.add(name, value)
    etag = not_modified.get("ETag")
    if etag is not None and not etag.startswith("W/") and "Content-Encoding" in stored \
            and stored.get("ETag", "").startswith("W/"):
        # the copy is the edge's compressed one: its ETag stays weak (AWS: "Serve compressed files")
        headers["ETag"] = f"W/{etag}"
    return freeze(headers)
