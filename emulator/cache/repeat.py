"""A repeat of a request whose answer was a fresh cached object served whole: the same answer while that copy
stays the one stored and fresh (serve/repeat.py answers such repeats without the viewer-side stages)."""

from __future__ import annotations

from emulator.cache.serve import WHOLE
from emulator.cache.stage import FRESH, SERVED, EdgeCache
from emulator.cache.store import Entry
from emulator.trace import Trace


def repeat_hit(cache: EdgeCache, entry: Entry, trace: Trace) -> int | None:
    """The hit recorded and its Age, as EdgeCache.fetch records a fresh whole hit; None when that answer no longer
    holds (the copy was replaced, invalidated, evicted or has expired): the request goes through the pipeline."""
    now = cache.clock.now()
    store = cache.store
    if store.get(entry.key) is not entry or not entry.fresh(now):
        return None
    store.hit(entry.key)
    age = entry.age(now)
    trace.later("cache", "hit", None, FRESH + SERVED, entry.expires_at() - now, entry.ttl_reason, age, WHOLE)
    return age
