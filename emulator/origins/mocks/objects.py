"""What S3 tells about an object and how it answers GET/HEAD for it: validators, conditional requests,
Range. Shared by the REST and website endpoints, which differ only in how they render errors.

`lookup` does the disk work (run it in a thread); `preconditions` and `byte_range` are pure.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from enum import Enum
from pathlib import Path

from aiohttp import web
from multidict import CIMultiDictProxy

from emulator.origins.mocks.body import StreamedBody, file_chunks
from emulator.origins.mocks.keys import resolve_key
from emulator.origins.mocks.s3_errors import RequestIds, S3Error, invalid_range, precondition_failed

# S3 stores the Content-Type given at upload; without one it answers binary/octet-stream.
DEFAULT_CONTENT_TYPE = "binary/octet-stream"


@dataclass(frozen=True)
class StoredObject:
    path: Path
    size: int
    mtime: int  # whole seconds: Last-Modified has no finer resolution, and comparisons use what was sent
    etag: str  # quoted, as in the ETag header
    content_type: str

    @property
    def last_modified(self) -> str:
        return formatdate(self.mtime, usegmt=True)

    def validators(self) -> dict[str, str]:
        return {"Last-Modified": self.last_modified, "ETag": self.etag}


class EtagCache:
    """MD5s by file identity, so an unchanged object is hashed once, not on every request. Thread-safe."""

    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[tuple[int, int, int, int], str] = OrderedDict()
        self._lock = threading.Lock()

    def etag(self, path: Path, st: os.stat_result) -> str:
        ident = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        with self._lock:
            if (hit := self._entries.get(ident)) is not None:
                self._entries.move_to_end(ident)
                return hit
        # S3's ETag for a single-part upload is the quoted hex MD5 of the content.
        digest = hashlib.md5(usedforsecurity=False)
        with path.open("rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
        etag = f'"{digest.hexdigest()}"'
        with self._lock:
            self._entries[ident] = etag
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        return etag


def lookup(root: Path, key: str, cache: EtagCache) -> StoredObject | None:
    """The object under `root` for `key`, or None if there is none. Blocking: call via asyncio.to_thread."""
    path = resolve_key(root, key)
    if path is None:
        return None
    try:
        st = path.stat()
        etag = cache.etag(path, st)
    except OSError:  # deleted or made unreadable between resolving and reading
        return None
    ctype = mimetypes.guess_type(path.name)[0] or DEFAULT_CONTENT_TYPE
    return StoredObject(path, st.st_size, int(st.st_mtime), etag, ctype)


# --- conditional requests (RFC 9110 Section 13.2.2, the order S3's GetObject documentation describes) ---------

class Outcome(Enum):
    PROCEED = "proceed"
    NOT_MODIFIED = "not-modified"  # 304
    PRECONDITION_FAILED = "precondition-failed"  # 412


_TAG = re.compile(r'\s*(?:W/)?("[^"]*"|[^,\s]+)\s*(?:,|$)')


def _tags(value: str) -> list[str]:
    # S3 also accepts an unquoted ETag, so tags are compared without their quotes.
    return [m.group(1).strip('"') for m in _TAG.finditer(value) if m.group(1)]


def _matches(value: str, etag: str) -> bool:
    tags = _tags(value)
    return "*" in tags or etag.strip('"') in tags


def _date(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(parsedate_to_datetime(value).timestamp())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # an invalid date makes the condition absent


def preconditions(obj: StoredObject, headers: CIMultiDictProxy[str]) -> tuple[Outcome, str | None]:
    """What the conditional headers of a GET/HEAD decide, and the header that decided a failure.

    If-Match wins over If-Unmodified-Since and If-None-Match over If-Modified-Since: S3 answers 200 when
    If-Match holds though If-Unmodified-Since does not, and 304 when If-None-Match fails though
    If-Modified-Since holds."""
    if (if_match := headers.get("If-Match")) is not None:
        if not _matches(if_match, obj.etag):
            return Outcome.PRECONDITION_FAILED, "If-Match"
    elif (since := _date(headers.get("If-Unmodified-Since"))) is not None and obj.mtime > since:
        return Outcome.PRECONDITION_FAILED, "If-Unmodified-Since"
    if (if_none := headers.get("If-None-Match")) is not None:
        if _matches(if_none, obj.etag):
            return Outcome.NOT_MODIFIED, None
    elif (since := _date(headers.get("If-Modified-Since"))) is not None and obj.mtime <= since:
        return Outcome.NOT_MODIFIED, None
    return Outcome.PROCEED, None


# --- Range (single ranges only, like S3) ----------------------------------------------------------------

class Unsatisfiable:
    """The Range asks for bytes the object does not have: 416 InvalidRange."""


UNSATISFIABLE = Unsatisfiable()

_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)


def byte_range(header: str | None, size: int) -> tuple[int, int] | Unsatisfiable | None:
    """(first, last) inclusive for a satisfiable single range; None to send the whole object.

    S3 ignores what it cannot use and answers 200 with the whole object: no header, several ranges,
    bad syntax, or last < first. A range starting at or past the end, a zero suffix, and any range on an
    empty object are unsatisfiable. A last byte past the end is clamped."""
    if header is None or (m := _RANGE.match(header)) is None:
        return None
    first_s, last_s = m.groups()
    if first_s == "":
        if last_s == "":
            return None
        suffix = int(last_s)
        if suffix == 0 or size == 0:
            return UNSATISFIABLE
        return max(0, size - suffix), size - 1
    first = int(first_s)
    if last_s != "" and int(last_s) < first:
        return None
    if first >= size:
        return UNSATISFIABLE
    last = size - 1 if last_s == "" else min(int(last_s), size - 1)
    return first, last


def range_applies(obj: StoredObject, headers: CIMultiDictProxy[str]) -> bool:
    """If-Range: the Range counts only while the object is the one the client has (strong ETag or date)."""
    if_range = headers.get("If-Range")
    if if_range is None:
        return True
    if if_range.strip().startswith(("W/", '"')):
        return if_range.strip() == obj.etag
    return _date(if_range) == obj.mtime


# --- the response ---------------------------------------------------------------------------------------

ErrorRenderer = Callable[[S3Error, RequestIds, dict[str, str]], StreamedBody]


def object_response(request: web.Request, obj: StoredObject, ids: RequestIds, render: ErrorRenderer,
                    *, status: int = 200, conditional: bool = True) -> StreamedBody:
    """GET/HEAD of an existing object: 200, 206, 304, 412 or 416. `conditional=False` serves it as is
    (the website endpoint's error document, sent with 404 whatever the request asked)."""
    headers = {**ids.headers(), **obj.validators()}
    if conditional:
        outcome, condition = preconditions(obj, request.headers)
        if outcome is Outcome.NOT_MODIFIED:
            return StreamedBody(status=304, headers=headers)
        if outcome is Outcome.PRECONDITION_FAILED:
            assert condition is not None
            return render(precondition_failed(condition), ids, {})
    # Objects are encrypted at rest by default since 2023, and S3 says so on every GET and HEAD.
    headers.update({"x-amz-server-side-encryption": "AES256", "Accept-Ranges": "bytes",
                    "Content-Type": obj.content_type})
    header = request.headers.get("Range")
    wanted = byte_range(header, obj.size) if conditional and range_applies(obj, request.headers) else None
    if isinstance(wanted, Unsatisfiable):
        assert header is not None
        return render(invalid_range(header, obj.size), ids, {"Content-Range": f"bytes */{obj.size}"})
    if wanted is None:
        return StreamedBody(status=status, headers=headers, length=obj.size, chunks=file_chunks(obj.path))
    first, last = wanted
    headers["Content-Range"] = f"bytes {first}-{last}/{obj.size}"
    return StreamedBody(status=206, headers=headers, length=last - first + 1,
                        chunks=file_chunks(obj.path, first, last - first + 1))
