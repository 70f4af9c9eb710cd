"""A replay's results as they accumulate: counts, the malformed lines, the cache prediction per configuration,
the diff, and the first requests' outcomes. Bounded: a million lines keep counters, not a million rows."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

from emulator.config.model import Config
from emulator.replay.diff import Diff
from emulator.replay.model import LoggedRequest, Malformed
from emulator.replay.outcome import Outcome
from emulator.replay.predict import LIMITS, Prediction
from emulator.replay.replayer import Side, replay
from emulator.replay.sources import Source

KEEP_MALFORMED = 100
PROGRESS_EVERY = 2000  # requests between two progress calls


@dataclass
class Report:
    input: str
    format: str
    configs: list[str]
    origins: str
    keep: int = 50  # outcomes kept for the report (every one goes to --each)
    requests: int = 0
    malformed_count: int = 0
    malformed: list[Malformed] = field(default_factory=list)
    rows: list[list[Outcome]] = field(default_factory=list)
    predictions: list[Prediction] = field(default_factory=list)
    diff: Diff | None = None
    seconds: float = 0.0

    def __post_init__(self) -> None:
        self.predictions = [Prediction() for _ in self.configs]
        self.diff = Diff() if len(self.configs) == 2 else None

    def bad(self, item: Malformed) -> None:
        self.malformed_count += 1
        if len(self.malformed) < KEEP_MALFORMED:
            self.malformed.append(item)

    def add(self, item: LoggedRequest, outcomes: list[Outcome]) -> None:
        self.requests += 1
        for prediction, outcome in zip(self.predictions, outcomes, strict=True):
            prediction.add(outcome, item.result)
        if self.diff is not None:
            self.diff.add(outcomes[0], outcomes[1])
        if len(self.rows) < self.keep:
            self.rows.append(outcomes)

    def as_json(self) -> dict[str, object]:
        return {
            "input": self.input, "format": self.format, "configs": self.configs, "origins": self.origins,
            "requests": self.requests, "seconds": round(self.seconds, 3),
            "malformed": {"count": self.malformed_count,
                          "lines": [{"line": m.line, "reason": m.reason} for m in self.malformed]},
            "prediction": {name: p.as_json() for name, p in zip(self.configs, self.predictions, strict=True)},
            "prediction_limits": list(LIMITS),
            "diff": self.diff.as_json() if self.diff is not None else None,
            "first_requests": [[outcome_json(o) for o in row] for row in self.rows],
        }


def outcome_json(o: Outcome) -> dict[str, object]:
    return {"line": o.line, "method": o.method, "target": o.target, "distribution": o.distribution,
            "behavior": o.behavior, "origin": o.origin, "origin_path": o.origin_path, "policy": o.policy,
            "functions": list(o.functions), "cache_key": o.cache_key, "cache": o.cache, "status": o.status,
            "origin_bytes": o.origin_bytes}


async def run(source: Source, configs: dict[str, Config], *, live: bool = False, each: IO[str] | None = None,
              progress: Callable[[int, int], None] | None = None) -> Report:
    """Replay `source` through every config (one pass over the input, all configs in step)."""
    report = Report(str(source.path), source.format, list(configs), "live" if live else "stub")
    started = time.perf_counter()
    sides = [Side(config, live=live) for config in configs.values()]
    entered: list[Side] = []
    try:
        for side in sides:
            entered.append(await side.__aenter__())
        async for item, outcomes in replay(_requests(source, report), sides):
            report.add(item, outcomes)
            if each is not None:
                each.write(json.dumps({name: outcome_json(o) for name, o in zip(configs, outcomes, strict=True)})
                           + "\n")
            if progress is not None and report.requests % PROGRESS_EVERY == 0:
                progress(source.position(), source.size)
    finally:
        for side in entered:
            await side.__aexit__(None, None, None)
    report.seconds = time.perf_counter() - started
    return report


def _requests(source: Source, report: Report) -> Iterator[LoggedRequest]:
    for item in source.items():
        if isinstance(item, Malformed):
            report.bad(item)
        else:
            yield item
