"""What the edge decided for one replayed request, read from its trace (the same trace `explain`, the inspector
and the access log read): no decision is re-derived here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from emulator.config.model import CacheBehavior, Config
from emulator.http import Headers
from emulator.trace import Trace

_TARGET = re.compile(r"-> origin '([^']+)'$")  # the behavior decision names its target origin last
_TIMING = re.compile(r"( in [\d.]+ (µs|ms)| ran in [\d.]+ ms)(, ComputeUtilization \d+)?")
_KEY_PART = re.compile(r"(?:^|, )([a-z]+(?::[^=' ]+)?)(?= '|=)")


@dataclass(frozen=True, slots=True)
class Outcome:
    line: int
    method: str
    target: str
    distribution: str | None
    behavior: str | None  # the behavior's label: its path pattern, or 'default (*)'
    origin: str | None
    origin_path: str | None  # the origin request's target (path and query) as stage 8 built it
    policy: str | None  # the behavior's cache policy (or the legacy forwarded values)
    functions: tuple[str, ...]  # each function that ran and what it did
    cache_key: str | None  # None when not cacheable
    cache: str  # X-Cache's first word: Hit, Miss, RefreshHit, Error, Redirect ...
    status: int
    origin_requests: int  # requests this one sent to an origin (0 on a hit)
    origin_bytes: int
    viewer_bytes: int

    def decisions(self) -> dict[str, object]:
        """What a diff compares (Hit or Miss is the prediction's, not a decision)."""
        return {"behavior": self.behavior, "origin": self.origin, "policy": self.policy,
                "origin_path": self.origin_path, "functions": self.functions, "cache_key": self.cache_key,
                "status": self.status}


class Reader:
    """Reads outcomes from traces for one config; remembers, per cache key, the origin request that filled it so
    a hit names the origin path its object came from (bounded like the cache it mirrors)."""

    def __init__(self, config: Config, remember: int = 100_000) -> None:
        self.behaviors: dict[tuple[str, str], CacheBehavior] = {
            (d.id, b.label): b for d in config.distributions for b in d.behaviors}
        self.filled: dict[str, tuple[str, str]] = {}
        self.remember = remember

    # long: one pass over the trace, each field beside the decision it comes from
    def read(self, line: int, trace: Trace, status: int, headers: Headers, origin_bytes: int,
             viewer_bytes: int) -> Outcome:
        viewer = trace.viewer
        assert viewer is not None
        distribution = trace.find("distribution")
        dist_id = distribution.outcome if distribution and distribution.outcome != "unknown-host" else None
        behavior = trace.find("behavior")
        label = behavior.outcome if behavior else None
        configured = self.behaviors.get((dist_id or "", label or ""))
        key_decision = trace.find("cache-key")
        key = None
        if key_decision is not None and key_decision.outcome == "cacheable":
            key = f"{dist_id} {key_decision.detail.partition('key: ')[2]}"
        sent = [x for x in trace.exchanges if x.purpose == "origin"]
        origin: str | None = None
        origin_path: str | None = None
        if sent:
            origin, origin_path = sent[-1].request.origin_id, sent[-1].request.target
            if key is not None:
                self._fill(key, origin, origin_path)
        elif key is not None and key in self.filled:
            origin, origin_path = self.filled[key]
        if origin is None and behavior is not None and (m := _TARGET.search(behavior.detail)):
            origin = m.group(1)
        return Outcome(line, viewer.method, viewer.target, dist_id, label, origin, origin_path,
                       _policy(configured), _functions(trace), key, headers.get("X-Cache", "").split(" ")[0] or "-",
                       status, len(sent), origin_bytes if sent else 0, viewer_bytes)

    def _fill(self, key: str, origin: str, path: str) -> None:
        self.filled.pop(key, None)
        self.filled[key] = (origin, path)
        if len(self.filled) > self.remember:
            del self.filled[next(iter(self.filled))]


def _policy(behavior: CacheBehavior | None) -> str | None:
    if behavior is None:
        return None
    if behavior.cache_policy is not None:
        return behavior.cache_policy.name.removeprefix("Managed-")
    return "legacy forwarded_values"


def _functions(trace: Trace) -> tuple[str, ...]:
    return tuple(_TIMING.sub("", d.detail) for d in trace.decisions
                 if (d.stage == "function" and d.outcome != "note") or (d.stage == "lambda" and d.location))


def key_parts(key: str | None) -> tuple[str, ...]:
    """The names of a cache key's parts ('path', 'query', 'header:accept' ...), without their values."""
    if key is None:
        return ()
    return tuple(m.group(1) for m in _KEY_PART.finditer(key.partition(" ")[2]))
