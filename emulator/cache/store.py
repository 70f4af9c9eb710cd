"""The cache store: an in-memory LRU bounded by bytes. Dumb on purpose: the rules live in cache/plan.py.

Entries are immutable; a revalidation replaces one. Expired entries stay until evicted or invalidated: an
expired copy is what CloudFront serves when the origin fails, and what it revalidates with a 304.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from emulator.http import Headers

KeyParts = tuple[tuple[str, str], ...]  # ('distribution', id), ('path', p), then what the policy names

_ENTRY_OVERHEAD = 512  # bytes counted per entry on top of its body and headers (key, bookkeeping)


@dataclass(frozen=True)
class Entry:
    key: KeyParts
    status: int
    reason: str
    headers: Headers  # as cleaned for viewers (hop-by-hop, Vary, Set-Cookie rules applied)
    body: bytes
    stored_at: float  # clock time the copy was fetched or last revalidated
    ttl: float
    ttl_reason: str
    stale_while_revalidate: float = 0
    stale_if_error: float | None = None
    origin_age: int = 0  # the Age the origin sent with it
    serve_stale_until: float = 0  # after a failed revalidation: serve this copy without asking the origin
    size: int = field(default=0, compare=False)

    @property
    def distribution(self) -> str:
        return self.key[0][1]

    @property
    def path(self) -> str:
        return self.key[1][1]

    def expires_at(self) -> float:
        return self.stored_at + self.ttl

    def fresh(self, now: float) -> bool:
        return now < self.expires_at()

    def age(self, now: float) -> int:
        return self.origin_age + max(0, int(now - self.stored_at))

    @property
    def validators(self) -> dict[str, str]:
        """What a revalidation sends: If-None-Match for an ETag, If-Modified-Since for Last-Modified."""
        out = {}
        if (etag := self.headers.get("ETag")) is not None:
            out["If-None-Match"] = etag
        if (modified := self.headers.get("Last-Modified")) is not None:
            out["If-Modified-Since"] = modified
        return out


def entry_size(headers: Headers, body: bytes) -> int:
    return len(body) + sum(len(k) + len(v) + 4 for k, v in headers.items()) + _ENTRY_OVERHEAD


# The key part that marks a part of an object (cache/parts.py): such entries are also indexed by their object's key,
# so a range request finds the parts of its object without a walk over the whole store.
PART = "range"


class MemoryStore:
    """Least recently used entries go first when the total passes `max_bytes`."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[KeyParts, Entry] = OrderedDict()
        self._hits: dict[KeyParts, int] = {}
        self._parts: dict[KeyParts, set[KeyParts]] = {}  # an object's key -> the keys of its cached parts
        self.bytes = 0
        self.evictions = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: KeyParts) -> Entry | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def hit(self, key: KeyParts) -> None:
        self._hits[key] = self._hits.get(key, 0) + 1

    def hits(self, key: KeyParts) -> int:
        return self._hits.get(key, 0)

    def put(self, entry: Entry) -> bool:
        """Store (or replace) an entry; False when it alone is larger than the whole store."""
        if entry.size > self.max_bytes:
            self.remove(entry.key)
            return False
        previous = self._entries.pop(entry.key, None)
        if previous is not None:
            self.bytes -= previous.size
        else:
            self._hits.pop(entry.key, None)
        self._entries[entry.key] = entry
        self.bytes += entry.size
        if entry.key and entry.key[-1][0] == PART:
            self._parts.setdefault(entry.key[:-1], set()).add(entry.key)
        while self.bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.bytes -= evicted.size
            self._hits.pop(evicted.key, None)
            self._unindex(evicted.key)
            self.evictions += 1
        return True

    def remove(self, key: KeyParts) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self.bytes -= entry.size
            self._hits.pop(key, None)
            self._unindex(key)

    def parts_of(self, key: KeyParts) -> list[Entry]:
        """The cached parts of the object at `key`."""
        return [self._entries[k] for k in self._parts.get(key, ())]

    def _unindex(self, key: KeyParts) -> None:
        if key and key[-1][0] == PART and (siblings := self._parts.get(key[:-1])) is not None:
            siblings.discard(key)
            if not siblings:
                del self._parts[key[:-1]]

    def entries(self) -> list[Entry]:
        """Most recently used last."""
        return list(self._entries.values())

    def clear(self) -> None:
        self._entries.clear()
        self._hits.clear()
        self._parts.clear()
        self.bytes = 0
