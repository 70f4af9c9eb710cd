"""Repeats on the lean listener: a request identical to one the pipeline answered with a fresh cached object, served
whole, gets that same answer again without the stages, while the copy stays the one stored and fresh.

Identical means the same request line and header lines, byte for byte, on a connection with the same scheme, TLS
parameters and client address: everything stages 0 to 7a read to choose the distribution, the behavior, the
viewer checks and the cache key. The pipeline says which answers qualify (`Trace.repeat`, set for a fresh whole hit
on a behavior in `Pipeline.repeatable`: no signed URLs, no function or Lambda@Edge on viewer events, no response
headers policy, a key without the viewer's port), so what a repeat skips is only what would come out the same.

A repeat still does, as the pipeline does for a hit: the cache's lookup (a copy replaced, invalidated, evicted or
expired sends the request through the pipeline again), its hit count and Age, a new X-Amz-Cf-Id, the trace (stages 1
to 7a as decided for the identical request, named in `Trace.repeat_of`; this request's cache and response
decisions), the inspector's history and bodies, and the access logs. What it saves is deciding stages 1 to 7a again,
building the response, and writing the header block: written once when learned, with Age and X-Amz-Cf-Id filled in
per request. The answer is written from the connection's read callback, so it costs no task switch either.
"""

from __future__ import annotations

import logging
import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp.streams import EMPTY_PAYLOAD
from multidict import CIMultiDict, CIMultiDictProxy

from emulator.cache.repeat import repeat_hit
from emulator.cache.store import Entry
from emulator.http import X_AMZ_CF_ID, Headers, Scheme, ViewerRequest, new_request_id
from emulator.inspector.bodies import Tap
from emulator.serve.lean_exchange import head
from emulator.trace import Trace

if TYPE_CHECKING:
    from emulator.serve.app import Emulator
    from emulator.serve.lean import LeanProtocol

log = logging.getLogger("frontyard")
LIMIT = 256  # requests learned per configuration; when full, the half learned first is forgotten
_NO_BODY = Tap()  # what the inspector keeps of a request without a body (the same for every repeat)
_AGE, _ID = "\x00", "\x01"  # placeholders in the learned header block (a field value never holds them: see learn)

Fingerprint = tuple[str, str, Any, Any, str | None, str]


def fingerprint(proto: LeanProtocol, message: Any) -> Fingerprint:
    """What stages 0 to 7a read of a request: the request line, the header lines as sent, the connection."""
    return message.method, message.path, message.version, message.raw_headers, proto.tls, proto.peer[0]


@dataclass(frozen=True, slots=True)
class Learned:
    """One answer to repeat: the copy, the trace's decisions before and after the cache's, the header block."""

    entry: weakref.ref[Entry]  # not kept alive here: an evicted copy's memory goes, and the repeat with it
    first: str  # the request id whose stages 1-7a this repeats
    raw_path: str
    query: str
    scheme: Scheme
    before: tuple[Any, ...]  # raw decisions (trace.py), their times zeroed: a repeat decides them at once
    after: tuple[Any, ...]
    block: tuple[bytes, bytes, bytes]  # the header block before Age, between Age and X-Amz-Cf-Id, after it
    headers: Headers  # as sent; Age and X-Amz-Cf-Id replaced per repeat
    tap: Tap | None  # the body as the inspector keeps it: the same bytes for every repeat


class Repeats:
    """The answers one configuration can repeat (a reload starts with none)."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self._learned: dict[Fingerprint, Learned] = {}

    def learn(self, proto: LeanProtocol, message: Any, payload: Any, target: str, trace: Trace, status: int,
              reason: str, body: object, headers: Headers, tap: Tap | None, keep: bool) -> None:
        """After the pipeline's answer was sent: keep it when a repeat can be answered the same way. Only a plain
        GET on a kept HTTP/1.1 connection (no body, no Expect, no upgrade), whose answer carried its own Date and
        Content-Length and no debug header."""
        ref = trace.repeat
        entry = ref() if isinstance(ref, weakref.ref) else None
        if not keep or not isinstance(entry, Entry) or status != 200 or body is not entry.body \
                or message.method != "GET" or message.version != (1, 1) or message.should_close \
                or message.upgrade or payload is not EMPTY_PAYLOAD or "Expect" in message.headers \
                or self.emulator.config.emulator.debug_header or "Date" not in headers \
                or headers.get("Content-Length") != str(len(body)):
            return
        marked = CIMultiDict(headers)
        marked["Age"], marked[X_AMZ_CF_ID] = _AGE, _ID
        try:
            block = head((1, 1), status, reason, marked, [])  # the same writer as every other answer's
        except ValueError:
            return
        first, age_found, rest = block.partition(_AGE.encode())
        middle, id_found, last = rest.partition(_ID.encode())
        if not (age_found and id_found) or _AGE.encode() in first + rest or _ID.encode() in first + middle + last:
            return  # not in the order the pipeline writes them, or a placeholder inside a field
        cache_index = max(i for i, raw in enumerate(trace.raw) if raw[0] == "cache")
        if any(raw[0] == "cache" for raw in trace.raw[:cache_index]):
            return  # the lookup waited on another request's fill: this request's own circumstance, not repeated
        before = tuple((*raw[:4], 0.0, *raw[5:]) for raw in trace.raw[:cache_index])
        if len(self._learned) >= LIMIT:
            for key in list(self._learned)[:LIMIT // 2]:
                del self._learned[key]
        raw_path, _, query = target.partition("?")
        self._learned[fingerprint(proto, message)] = Learned(
            weakref.ref(entry), trace.request_id, raw_path, query, Scheme.HTTPS if proto.tls else Scheme.HTTP, before,
            tuple(trace.raw[cache_index + 1:]), (first, middle, last), headers, tap)

    def answer(self, proto: LeanProtocol, message: Any) -> bool:
        """Answer a repeat of a learned request now; False when it is not one (or no longer is): the request goes
        through the pipeline."""
        key = fingerprint(proto, message)
        learned = self._learned.get(key)
        if learned is None or proto.transport is None or proto.transport.is_closing():
            return False  # nothing to repeat, or nothing can be written (the pipeline's path deals with that)
        started = time.perf_counter()
        try:
            prepared = self._prepare(proto, message, learned)
        except Exception:
            del self._learned[key]  # our bug: logged by the caller, and the pipeline answers from now on
            raise
        if prepared is None:
            del self._learned[key]  # the copy is gone or no longer fresh
            return False
        data, viewer, trace, headers, sent = prepared
        proto.write(data)
        # Answered: from here on a failure is only logged (the viewer has its answer, and must not get two).
        try:
            server = proto.server
            if learned.tap is not None:
                server.bodies.keep(trace.request_id, _NO_BODY, learned.tap)
            server.record(self.emulator, viewer, trace, 200, sent, time.perf_counter() - started, headers)
        except Exception:
            log.exception("internal error recording request %s (answered)", trace.request_id)
        return True

    def _prepare(self, proto: LeanProtocol, message: Any,
                 learned: Learned) -> tuple[bytes, ViewerRequest, Trace, Headers, int] | None:
        """The bytes to write, the viewer request, its trace, the headers the history keeps and the body's size;
        None when the copy no longer answers the request."""
        entry = learned.entry()
        if entry is None:
            return None
        request_id = new_request_id()
        viewer = ViewerRequest(message.method, learned.raw_path, learned.query, message.headers, learned.scheme, "1.1",
                               proto.peer[0], proto.peer[1], tls=proto.tls)
        trace = Trace(request_id, list(learned.before), viewer=viewer)
        age = repeat_hit(self.emulator.pipeline.cache, entry, trace)
        if age is None:
            return None
        trace.repeat_of = learned.first
        at = trace.raw[-1][4]
        trace.raw.extend((*raw[:4], at, *raw[5:]) for raw in learned.after)
        headers = CIMultiDict(learned.headers)
        headers["Age"], headers[X_AMZ_CF_ID] = str(age), request_id
        first, middle, last = learned.block
        data = b"".join((first, str(age).encode(), middle, request_id.encode(), last, entry.body))
        return data, viewer, trace, CIMultiDictProxy(headers), len(entry.body)
