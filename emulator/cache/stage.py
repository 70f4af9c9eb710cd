"""Stage 7 and the storing half of stage 9: look the key up, serve hits, revalidate expired copies, collapse
concurrent misses, and fill the store from the origin's stream. The rules are pure (cache/plan.py,
cache/key.py); the store is dumb (cache/store.py); this module is the I/O between them.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from typing import Protocol

from multidict import CIMultiDict

from emulator.cache.fill import Fill, TeeBody
from emulator.cache.key import KeyParts, no_copy
from emulator.cache.parts import find_part, part_plan
from emulator.cache.plan import CachePlan, Freshness, freshness
from emulator.cache.serve import conditional_request, from_entry, renewed_headers
from emulator.cache.store import Entry, MemoryStore, entry_size
from emulator.clock import Clock
from emulator.config.model import CacheSettings
from emulator.decisions import Result
from emulator.errors import OriginError
from emulator.framing import viewer_length
from emulator.http import EdgeResponse, Headers, OriginRequest, ViewerRequest, freeze
from emulator.trace import OriginExchange, Trace

FRESH = "fresh for {:.0f} s more ({})"  # a hit's reason, with the seconds left and the TTL's origin
SERVED = "; Age {}; {}"  # and how it was served: its Age and the cut (cache/serve.py)

# The edge's own headers on a generated page; a stored copy drops them (each viewer gets its own).
_EDGE_HEADERS = ("Via", "X-Cache", "X-Amz-Cf-Pop", "X-Amz-Cf-Id")

class Fetcher(Protocol):
    """An origin client: the OriginClient, an origin group's FailoverClient, or Lambda@Edge's origin events
    around either. Each wraps the next, as an HTTP client's transports do."""

    async def fetch(self, req: OriginRequest) -> tuple[EdgeResponse, int]: ...


class Origin(Fetcher, Protocol):
    """The origin side of one request, as the cache sees it: the cache decides whether it is asked at all."""

    def request(self) -> OriginRequest:
        """The origin request (stage 8), built only when the cache goes to the origin."""
        ...

    def clean(self, upstream: EdgeResponse) -> EdgeResponse:
        """The origin's response as CloudFront passes it on and stores it (AWS: "Request and response behavior
        for custom origins"), compressed for this viewer when it asked."""
        ...

    def failed(self, exc: OriginError) -> EdgeResponse:
        """CloudFront's 502/504 page for an origin it could not reach, cached like an origin 5xx."""
        ...


@dataclass(frozen=True)
class Fetched:
    """Stage 7/9's outcome: the response (cleaned for viewers), how it was served, and its Age on hits."""

    response: EdgeResponse
    result: Result
    age: int | None = None
    generated: bool = False  # CloudFront's own 502/504 page for an origin it could not reach (finalized)
    entry: Entry | None = None  # the copy, when served whole and fresh: a repeat of the request gets it too


class EdgeCache:
    """One edge location's cache: the store, the fills in flight and background revalidations."""

    def __init__(self, settings: CacheSettings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self.store = MemoryStore(settings.max_bytes)
        self._fills: dict[KeyParts, Fill] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def background_done(self) -> None:
        """Wait for the stale-while-revalidate refreshes running now (tests and the inspector use it)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- the stage ---------------------------------------------------------------------------------------
    async def fetch(self, plan: CachePlan, viewer: ViewerRequest, origin: Origin, trace: Trace) -> Fetched:
        """Serve `viewer` from the cache or the origin; the origin request is built only when the origin is
        asked. An unreachable origin becomes `origin.failed(error)` (CloudFront's 502/504 page),
        cached like an origin 5xx."""
        if not plan.cacheable:
            trace.add("cache", "bypass", plan.why)
            return await self._from_origin(plan, origin.request(), origin, trace, store=False)
        now = self.clock.now()
        entry = self.store.get(plan.key)
        if entry is None and plan.collapse and (fill := self._fills.get(plan.key)) is not None:
            trace.add("cache", "collapsed", "an origin request for this key is in flight: waiting for its response")
            await fill.done.wait()
            entry = self.store.get(plan.key)
            if entry is None:
                trace.add("cache", "not-collapsed", f"the first response was not stored ({fill.why_not}): "
                          "going to the origin")
            now = self.clock.now()
        if entry is None and (part := find_part(self.store, plan.key, viewer.method, viewer.headers, now)):
            self.store.hit(part.entry.key)
            trace.add("cache", "hit", f"a fresh cached part holds the range; Age {part.age}; {part.note}")
            return Fetched(part.response, Result.HIT, part.age)
        if entry is None:
            trace.later("cache", "miss", None, no_copy, plan.key)
            return await self._from_origin(plan, origin.request(), origin, trace, store=True)
        if entry.fresh(now):
            fetched = self._hit(entry, Result.HIT, viewer, trace, FRESH, entry.expires_at() - now, entry.ttl_reason)
            if fetched.response.status == 200 and fetched.response.body is entry.body and "Range" not in viewer.headers:
                return replace(fetched, entry=entry)  # the whole fresh object: what an identical request gets
            return fetched
        expired = f"expired {now - entry.expires_at():.0f} s ago ({entry.ttl_reason})"
        if entry.serve_stale_until > now:
            return self._hit(entry, Result.HIT, viewer, trace, f"{expired}; the origin failed the last revalidation: "
                             f"stale copy served for {entry.serve_stale_until - now:.0f} s more")
        if viewer.method == "HEAD":
            trace.add("cache", "miss", f"{expired}; a HEAD is forwarded as is")
            return await self._from_origin(plan, origin.request(), origin, trace, store=False)
        if now < entry.expires_at() + entry.stale_while_revalidate:
            self._revalidate_later(plan, entry, origin.request(), origin)
            return self._hit(entry, Result.HIT, viewer, trace, f"{expired}; within stale-while-revalidate "
                             f"{entry.stale_while_revalidate:g} s: stale copy served, refreshed in the background")
        return await self._revalidate(plan, entry, viewer, origin.request(), origin, trace, expired)

    async def settle(self, response: EdgeResponse) -> None:
        """Read a response nobody will send (an error replaced by a custom page) so that its copy is stored;
        a body above max_object_bytes would not be stored anyway and is left unread."""
        if isinstance(response.body, TeeBody) and not response.body.used:
            read = 0
            async for chunk in response.body:
                read += len(chunk)
                if read > self.settings.max_object_bytes:
                    break

    # -- hits ----------------------------------------------------------------------------------------------
    def _hit(self, entry: Entry, result: Result, viewer: ViewerRequest, trace: Trace, why: str,
             *args: object) -> Fetched:
        """`why` is a sentence, or a format string for `args`."""
        self.store.hit(entry.key)
        age = entry.age(self.clock.now())
        response, cut = from_entry(entry, viewer.method, viewer.headers, age)
        detail = why + SERVED if args else "{}" + SERVED
        trace.later("cache", "hit" if result is Result.HIT else "refresh-hit", None, detail, *(args or (why,)), age,
                    cut)
        return Fetched(response, result, age)

    # -- misses --------------------------------------------------------------------------------------------
    async def _from_origin(self, plan: CachePlan, req: OriginRequest, origin: Origin, trace: Trace, *, store: bool,
                           stale: Entry | None = None, viewer: ViewerRequest | None = None) -> Fetched:
        fill = None
        # A HEAD has no body to keep. A range request fills too: an origin that does not support ranges answers 200
        # with the whole object, which CloudFront sends to this viewer while caching it (AWS: "How CloudFront
        # processes partial requests for an object (range GETs)"); the TTL rules judge what came back.
        ranged = "Range" in req.headers
        if store and req.method != "HEAD" and plan.key not in self._fills:
            fill = Fill()
            if not ranged:  # a range request is registered once its answer says what it fills (below)
                self._fills[plan.key] = fill
        try:
            try:
                upstream = await self._origin(req, origin, trace)
            except OriginError as exc:
                if stale is not None and viewer is not None and \
                        (served := self._stale_on_error(plan, stale, viewer, trace, exc.status)):
                    return served
                page = origin.failed(exc)
                if store:
                    self._store_whole(plan, page, trace, fill)
                return Fetched(page, Result.MISS, generated=True)
            if stale is not None and viewer is not None and upstream.status >= 500 and \
                    (served := self._stale_on_error(plan, stale, viewer, trace, upstream.status)) is not None:
                await upstream.close()
                return served
            response = origin.clean(upstream)
            if fill is not None and ranged:
                # Nobody waited on it: a 206 fills the part's own key, a 200 the object's, each only when free.
                part = part_plan(plan, response.status, response.headers)
                plan = part or plan  # a part is kept beside the object, under its own key (cache/parts.py)
                if (part is None and response.status == 206) or plan.key in self._fills:
                    fill = None
                else:
                    self._fills[plan.key] = fill
            if fill is None:
                if store:
                    trace.add("cache-store", "not-stored", "not stored: a HEAD request, or another request for "
                              "this key is already filling it")
                return Fetched(response, Result.MISS)
            teed = self._tee(plan, response, upstream.headers, fill, trace)
            fill = None  # the TeeBody finishes it now
            return Fetched(teed, Result.MISS)
        finally:
            if fill is not None:  # every other way out (stale served, an error, cancellation) ends this fill
                self._finish(plan.key, fill, None, "the origin did not give a storable response")

    async def _origin(self, req: OriginRequest, origin: Fetcher, trace: Trace) -> EdgeResponse:
        started = self.clock.monotonic()
        recorded = len(trace.exchanges)  # the fetcher records each request as it was sent (origins.groups)
        try:
            upstream, attempt = await origin.fetch(req)
        except OriginError as exc:
            trace.add("origin", str(exc.status), f"{exc.result}: {exc.cause}")
            raise
        elapsed = (self.clock.monotonic() - started) * 1000
        # The origin that answered: an origin-request function may have chosen another, a group fails over.
        sent = trace.exchanges[-1] if len(trace.exchanges) > recorded else None
        trace.later("origin", str(upstream.status), None, _answered, sent, upstream.status, elapsed, attempt)
        return upstream

    def _decide(self, plan: CachePlan, status: int, origin_headers: Headers, trace: Trace) -> Freshness:
        """The TTL rules read the origin's own headers: cleaning for viewers drops a `Vary: *`."""
        decision = freshness(status, origin_headers, plan.spec, self.clock.now(),
                             error_min_ttl=plan.error_min_ttl(status), part=plan.part)
        trace.add("cache-store", "stored" if decision.store else "not-stored", decision.reason)
        return decision

    def _tee(self, plan: CachePlan, response: EdgeResponse, origin_headers: Headers, fill: Fill,
             trace: Trace) -> EdgeResponse:
        decision = self._decide(plan, response.status, origin_headers, trace)
        _, expected, unusable = viewer_length(response.headers)  # as the viewer will be told it (framing.py)
        limit = self.settings.max_object_bytes
        why_not = ""
        if not decision.store:
            why_not = decision.reason
        elif unusable:
            why_not = f"not stored: {unusable}"
            trace.add("cache-store", "not-stored", why_not)
        elif expected is not None and expected > limit:
            why_not = f"not stored: Content-Length {expected} is above max_object_bytes ({limit})"
            trace.add("cache-store", "not-stored", why_not)
        elif expected is not None and isinstance(response.body, bytes) and len(response.body) != expected:
            # As TeeBody judges a streamed body (an origin-response function may have set the header).
            why_not = f"not stored: {len(response.body)} bytes arrived, Content-Length said {expected}"
            trace.add("cache-store", "not-stored", why_not)
        if why_not or isinstance(response.body, bytes):
            entry = self._put(plan, response, response.body, decision) if not why_not and \
                isinstance(response.body, bytes) else None
            self._finish(plan.key, fill, entry, why_not)
            return response
        stored_at = self.clock.now()

        def commit(body: bytes) -> Entry | None:
            entry = self._put(plan, response, body, decision, stored_at)
            self._finish(plan.key, fill, entry, "" if entry else "larger than the whole cache")
            return entry

        def abandoned(why: str) -> None:
            trace.add("cache-store", "not-stored", why)
            if self._fills.get(plan.key) is fill:
                del self._fills[plan.key]

        tee = TeeBody(response.body, fill, commit, expected=expected, limit=limit, on_abandon=abandoned)
        return replace(response, body=tee, release=tee.releaser(response.release))

    def _put(self, plan: CachePlan, response: EdgeResponse, body: bytes | object, decision: Freshness,
             stored_at: float | None = None) -> Entry | None:
        assert isinstance(body, bytes)
        headers = CIMultiDict(response.headers)
        if decision.strip_set_cookie:
            headers.popall("Set-Cookie", None)  # no-cache="Set-Cookie": viewers after the first do not get it
        origin_age = headers.popall("Age", ["0"])[0]
        frozen = freeze(headers)
        entry = Entry(plan.key, response.status, response.reason, frozen, body,
                      self.clock.now() if stored_at is None else stored_at, decision.ttl, decision.reason,
                      decision.stale_while_revalidate, decision.stale_if_error,
                      int(origin_age) if origin_age.isdigit() else 0, size=entry_size(frozen, body))
        return entry if self.store.put(entry) else None

    def _store_whole(self, plan: CachePlan, response: EdgeResponse, trace: Trace, fill: Fill | None) -> None:
        """A response the edge generated (CloudFront's 502/504 page): stored like an origin error. `fill` is
        this request's own, if it made one (another request's is never touched)."""
        decision = self._decide(plan, response.status, response.headers, trace)
        headers = CIMultiDict(response.headers)
        for name in _EDGE_HEADERS:  # added again, for the request it serves, when a copy is served
            headers.popall(name, None)
        kept = replace(response, headers=freeze(headers))
        entry = self._put(plan, kept, response.body, decision) if decision.store else None
        if fill is not None:
            self._finish(plan.key, fill, entry, decision.reason)

    def _finish(self, key: KeyParts, fill: Fill, entry: Entry | None, why_not: str) -> None:
        fill.finish(entry, why_not)
        if self._fills.get(key) is fill:
            del self._fills[key]

    # -- expired copies ------------------------------------------------------------------------------------
    async def _revalidate(self, plan: CachePlan, entry: Entry, viewer: ViewerRequest, req: OriginRequest,
                          origin: Origin, trace: Trace, expired: str) -> Fetched:
        validators = entry.validators
        if not validators:
            trace.add("cache", "miss", f"{expired}; no ETag or Last-Modified to revalidate with: fetched again")
            return await self._from_origin(plan, req, origin, trace, store=True, stale=entry,
                                           viewer=viewer)
        conditional = conditional_request(req, validators)
        trace.add("cache", "revalidate", f"{expired}; asking the origin with "
                  f"{', '.join(f'{k}: {v}' for k, v in validators.items())}")
        try:
            upstream = await self._origin(conditional, origin, trace)
        except OriginError as exc:
            if (served := self._stale_on_error(plan, entry, viewer, trace, exc.status)) is not None:
                return served
            page = origin.failed(exc)
            self._store_whole(plan, page, trace, None)
            return Fetched(page, Result.MISS, generated=True)
        if upstream.status == 304:
            await upstream.close()
            renewed = self._renew(plan, entry, upstream, trace)
            return self._hit(renewed, Result.REFRESH_HIT, viewer, trace, "the origin answered 304 Not Modified: "
                             f"copy renewed ({renewed.ttl_reason})")
        if upstream.status >= 500 and (served := self._stale_on_error(plan, entry, viewer, trace,
                                                                       upstream.status)) is not None:
            await upstream.close()
            return served
        # A new object. Stored unless another request is filling this key already (its fill is not ours).
        response = origin.clean(upstream)
        if plan.key in self._fills:  # the revalidation asked for the whole object (no Range): it is stored
            return Fetched(response, Result.MISS)
        fill = self._fills[plan.key] = Fill()
        return Fetched(self._tee(plan, response, upstream.headers, fill, trace), Result.MISS)

    def _renew(self, plan: CachePlan, entry: Entry, not_modified: EdgeResponse, trace: Trace) -> Entry:
        """A 304 refreshes the copy: its validators and caching headers replace the stored ones."""
        frozen = renewed_headers(entry.headers, not_modified.headers)
        decision = freshness(entry.status, frozen, plan.spec, self.clock.now(),
                             error_min_ttl=plan.error_min_ttl(entry.status))
        trace.add("cache-store", "renewed" if decision.store else "not-stored", decision.reason)
        renewed = replace(entry, headers=frozen, stored_at=self.clock.now(), ttl=decision.ttl,
                          ttl_reason=decision.reason, stale_while_revalidate=decision.stale_while_revalidate,
                          stale_if_error=decision.stale_if_error, serve_stale_until=0, origin_age=0,
                          size=entry_size(frozen, entry.body))
        if decision.store:
            self.store.put(renewed)
        else:
            self.store.remove(entry.key)
        return renewed

    def _stale_on_error(self, plan: CachePlan, entry: Entry, viewer: ViewerRequest, trace: Trace,
                        status: int) -> Fetched | None:
        """An origin 5xx or failure while an expired copy exists: the copy is served (for
        error_caching_min_ttl before the origin is asked again), unless stale-if-error says otherwise.
        AWS: "How CloudFront processes HTTP 4xx and 5xx status codes from your origin"."""
        now = self.clock.now()
        if entry.stale_if_error is not None and now > entry.expires_at() + entry.stale_if_error:
            trace.add("cache", "no-stale", f"the origin answered {status}, and the copy is past its "
                      f"stale-if-error {entry.stale_if_error:g} s: the error goes to the viewer")
            return None
        if entry.status >= 400:
            return None
        wait = plan.error_min_ttl(status)  # the error_caching_min_ttl of the error the origin gave
        self.store.put(replace(entry, serve_stale_until=now + wait))
        return self._hit(entry, Result.HIT, viewer, trace, f"the origin answered {status} for an expired copy: "
                         f"the stale copy is served (again without asking for {wait} s)")

    def _revalidate_later(self, plan: CachePlan, entry: Entry, req: OriginRequest, origin: Origin) -> None:
        if plan.key in self._fills:
            return  # one refresh at a time
        fill = self._fills[plan.key] = Fill()
        task = asyncio.create_task(self._refresh(plan, entry, req, origin, fill))
        self._tasks.add(task)  # kept (and cancelled in close()), never fire-and-forget
        task.add_done_callback(self._tasks.discard)

    async def _refresh(self, plan: CachePlan, entry: Entry, req: OriginRequest, origin: Origin, fill: Fill) -> None:
        trace = Trace(req.headers.get("X-Amz-Cf-Id", ""))
        try:
            upstream = await self._origin(conditional_request(req, entry.validators), origin, trace)
            if upstream.status == 304:
                await upstream.close()
                self._finish(plan.key, fill, self._renew(plan, entry, upstream, trace), "")
                return
            # the stale copy stays (AWS: "How CloudFront processes HTTP 4xx and 5xx status codes from your origin"), for
            # error_caching_min_ttl
            if upstream.status >= 500:
                await upstream.close()
                self.store.put(replace(entry, serve_stale_until=self.clock.now() + plan.error_min_ttl(upstream.status)))
                return
            response = self._tee(plan, origin.clean(upstream), upstream.headers, fill, trace)
            try:
                if not isinstance(response.body, bytes):
                    async for _ in response.body:
                        pass
            finally:
                await response.close()
        except OriginError:
            pass  # the stale copy stays; the next request after the window asks the origin again
        finally:
            self._finish(plan.key, fill, self.store.get(plan.key), "background refresh failed")


def _answered(sent: OriginExchange | None, status: int, elapsed: float, attempt: int) -> str:
    who = f"origin '{sent.request.origin_id}'" if sent else "the origin-request function (no origin contacted)"
    retry = f" on attempt {attempt}" if attempt > 1 else ""
    return f"{who} answered {status} in {elapsed:.1f} ms{retry}"
