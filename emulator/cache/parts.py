"""Parts of objects. AWS ("How CloudFront processes partial requests for an object (range GETs)"): "If the origin
supports Range GET requests – It returns the requested range. CloudFront serves the requested range and also caches
it for future requests", and "If the cache in that edge location already contains the entire object or the requested
part of the object, CloudFront immediately serves the requested range from the cache." A viewer whose copy matches
the part's validators (If-None-Match, If-Modified-Since) gets a 304, as from a whole cached object.

A 206 with one `Content-Range: bytes first-last/size` is kept beside the object's key, the range as the key's last
part, under the same TTL rules as the whole object; a later single range that lies within a fresh part is cut from
it. The whole object, when cached, is always preferred (cache/serve.py). Parts are never revalidated: an expired part
is a miss. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from multidict import CIMultiDict

from emulator.cache.plan import CachePlan
from emulator.cache.serve import byte_range, current, not_modified_response
from emulator.cache.store import PART, Entry, KeyParts, MemoryStore
from emulator.http import EdgeResponse, Headers, freeze

_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+)\s*$", re.IGNORECASE)


def _span(content_range: str) -> tuple[int, int, int] | None:
    """(first, last, size) of a satisfied single range, or None."""
    m = _CONTENT_RANGE.match(content_range)
    if m is None:
        return None
    first, last, size = (int(g) for g in m.groups())
    return (first, last, size) if first <= last < size else None


def part_plan(plan: CachePlan, status: int, headers: Headers) -> CachePlan | None:
    """The plan that stores an origin's 206 as a part (its key carries the range), or None when the response is
    not one satisfied byte range (a multipart/byteranges answer is passed on, never kept)."""
    ranges = headers.getall("Content-Range", [])
    if status != 206 or len(ranges) != 1 or (span := _span(ranges[0])) is None:
        return None
    first, last, size = span
    return replace(plan, key=(*plan.key, (PART, f"bytes {first}-{last}/{size}")), part=True)


@dataclass(frozen=True)
class PartHit:
    entry: Entry
    response: EdgeResponse
    age: int
    note: str


def find_part(store: MemoryStore, key: KeyParts, method: str, request_headers: Headers, now: float) -> PartHit | None:
    """A fresh cached part of the object at `key` that holds the single range the viewer asked for."""
    spec = request_headers.get("Range")
    if method != "GET" or spec is None:
        return None
    for entry in store.parts_of(key):
        if not entry.fresh(now):
            continue
        span = _span(entry.key[-1][1])
        if span is None:
            continue
        first, last, size = span
        if len(entry.body) != last - first + 1:  # a part whose body is not the range it announced is no use
            continue
        cut = byte_range(spec, size)
        if isinstance(cut, tuple) and first <= cut[0] and cut[1] <= last:
            if current(entry.headers, request_headers):  # as a whole-object hit answers (cache/serve.py)
                return _not_modified(entry, now)
            return _cut(entry, first, cut, size, now)
    return None


def _not_modified(entry: Entry, now: float) -> PartHit:
    age = entry.age(now)
    headers = CIMultiDict(entry.headers)
    headers["Age"] = str(age)
    response = not_modified_response(headers)
    return PartHit(entry, response, age, f"304 Not Modified: the viewer's copy is current (cached part "
                                         f"{entry.key[-1][1]})")


def _cut(entry: Entry, first: int, cut: tuple[int, int], size: int, now: float) -> PartHit:
    start, end = cut
    age = entry.age(now)
    headers = CIMultiDict(entry.headers)
    headers["Age"] = str(age)
    headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    headers["Content-Length"] = str(end - start + 1)
    body = entry.body[start - first:end - first + 1]
    response = EdgeResponse(206, entry.reason, freeze(headers), body)
    return PartHit(entry, response, age, f"206: bytes {start}-{end} from the cached part {entry.key[-1][1]}")
