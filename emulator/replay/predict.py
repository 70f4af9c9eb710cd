"""The cache on the logged timeline: per behavior, the hit ratio, the requests that reach an origin and the bytes
they fetch, as one edge with an empty cache would see the log's requests in order."""

from __future__ import annotations

from dataclasses import dataclass

from emulator.replay.outcome import Outcome

# What a replay cannot know: said with every prediction.
LIMITS = (
    "one edge location with one cache: CloudFront spreads a log's requests over many edge locations, each with "
    "its own cache, behind regional edge caches (and Origin Shield where enabled), so real hit ratios are lower "
    "for rarely requested objects and real origin load differs",
    "no evictions: CloudFront may evict an object before its TTL ends when it is rarely requested; the replay "
    "evicts only when emulator.cache.max_bytes is full",
    "an empty cache at the first line: objects cached before the log starts, and their TTLs, are unknown, so the "
    "first request for each key is a Miss",
    "the origin's Cache-Control and Expires are not in the log: TTLs come from the cache policy's default TTL "
    "unless live origins answer",
    "bodies are not in the log: sizes are the logged ones, and the stub origin's objects are empty",
)
_HITS = ("Hit", "RefreshHit")


@dataclass(slots=True)
class Load:
    requests: int = 0
    hits: int = 0
    origin_requests: int = 0
    origin_bytes: int = 0
    logged_hits: int = 0  # what the log says the real edges did (x-edge-result-type)
    logged_known: int = 0

    @property
    def hit_ratio(self) -> float:
        return self.hits / self.requests if self.requests else 0.0

    def as_json(self) -> dict[str, object]:
        return {"requests": self.requests, "hits": self.hits, "hit_ratio": round(self.hit_ratio, 4),
                "origin_requests": self.origin_requests, "origin_bytes": self.origin_bytes,
                "logged_hit_ratio": round(self.logged_hits / self.logged_known, 4) if self.logged_known else None}


class Prediction:
    def __init__(self) -> None:
        self.by_behavior: dict[str, Load] = {}
        self.total = Load()

    def add(self, outcome: Outcome, logged_result: str | None) -> None:
        name = f"{outcome.distribution}: {outcome.behavior}" if outcome.behavior else "(no behavior)"
        for load in (self.by_behavior.setdefault(name, Load()), self.total):
            load.requests += 1
            load.hits += outcome.cache in _HITS
            load.origin_requests += outcome.origin_requests
            load.origin_bytes += outcome.origin_bytes
            if logged_result is not None:
                load.logged_known += 1
                load.logged_hits += logged_result in _HITS

    def as_json(self) -> dict[str, object]:
        return {"total": self.total.as_json(),
                "behaviors": {name: load.as_json() for name, load in sorted(self.by_behavior.items())}}
