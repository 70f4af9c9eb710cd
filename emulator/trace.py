"""The record of every decision the edge made for one request.

`frontyard explain`, the debug response header, the access log and the tests all read the same Trace.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from emulator.issues import Location

if TYPE_CHECKING:
    from emulator.cf_functions import FunctionResult, ViewerRequestInput, ViewerResponseInput
    from emulator.http import Headers, OriginRequest, ViewerRequest


@dataclass(frozen=True, slots=True)  # slots: hundreds of traces stay alive in the inspector's history
class Decision:
    stage: str  # distribution, routing, viewer, origin-request, origin, response, ...
    outcome: str  # short machine-friendly word: matched, redirect, forbidden, forwarded, 502, ...
    detail: str  # one human sentence: why
    location: Location | None = None  # the config line the decision came from
    at_ms: float = 0.0  # milliseconds since the request arrived: the inspector's per-stage timings

    @property
    def failed(self) -> bool:
        """An error decision: its detail (the precise cause) belongs in compact views too."""
        return self.outcome in ("forbidden", "error", "unknown-host") or self.outcome[:1] in ("4", "5")


@dataclass(frozen=True, slots=True)
class OriginExchange:
    """One request the edge sent to an origin (the viewer's, or a custom error page's) and what came back:
    the response's status and headers as received, or the failure."""

    purpose: str  # "origin" | "error-page"
    request: OriginRequest
    status: int | None = None
    headers: Headers | None = None
    failure: str | None = None


@dataclass(frozen=True, slots=True)
class FunctionRun:
    """A CloudFront Function's input and result, kept as the objects; the inspector renders them lazily."""

    name: str
    event_type: str
    request: ViewerRequestInput
    response: ViewerResponseInput | None
    result: FunctionResult


# A decision as recorded: stage, outcome, detail, location, time, then the detail's arguments. With arguments the
# detail is a format string or a function, and the sentence is written only when someone reads the trace (the
# inspector, explain, the debug header, the access log), not for every request served. The arguments are values
# the request keeps anyway (a closure would keep its whole scope alive in the inspector's history).
_Raw = tuple[Any, ...]  # (stage, outcome, detail or writer, location, at, *the writer's arguments)


@dataclass(slots=True)
class Trace:
    """Append-only list of decisions; the one mutable object a request carries (it is never shared).

    Decisions are recorded as tuples and become `Decision` objects, with their detail written, when
    `decisions` is first read (`later` records a detail to be written then). Besides the decisions it keeps
    references (never copies) to what the inspector shows: the viewer request as received, the origin exchanges
    and the function runs. Recording them costs a list append each."""

    request_id: str
    raw: list[_Raw] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # ms measured on the way, e.g. origin_fbl
    started: float = field(default_factory=time.perf_counter)
    viewer: ViewerRequest | None = None
    exchanges: list[OriginExchange] = field(default_factory=list)
    functions: list[FunctionRun] = field(default_factory=list)
    # A weak reference to the cache entry this answer was, served whole and fresh, when an identical request would
    # get the same answer from it without the stages (serve/repeat.py); set only on behaviors where it would.
    repeat: object = None
    repeat_of: str | None = None  # answered as a repeat: the request whose stages 1-7a it shares
    _built: list[Decision] = field(default_factory=list)

    def add(self, stage: str, outcome: str, detail: str, location: Location | None = None) -> None:
        self.raw.append((stage, outcome, detail, location, (time.perf_counter() - self.started) * 1000))

    def later(self, stage: str, outcome: str, location: Location | None, write: str | Callable[..., str],
              *args: object) -> None:
        """A decision whose detail is `write.format(*args)` (a format string) or `write(*args)`, written on read."""
        self.raw.append((stage, outcome, write, location, (time.perf_counter() - self.started) * 1000, *args))

    @property
    def decisions(self) -> list[Decision]:
        """The decisions so far, their details written once (a later read builds only what was added since)."""
        built, raw = self._built, self.raw
        built.extend(map(_decision, raw[len(built):]))
        return built

    def outcomes(self) -> list[tuple[str, str]]:
        """(stage, outcome) of each decision, without writing any detail (the access log reads these per request)."""
        return [(r[0], r[1]) for r in self.raw]

    def find(self, stage: str) -> Decision | None:
        """The last decision of a stage; only its own detail is written (the access log asks on every request)."""
        for i in range(len(self.raw) - 1, -1, -1):
            if self.raw[i][0] == stage:
                return self._built[i] if i < len(self._built) else _decision(self.raw[i])
        return None

    def compact(self) -> str:
        """One header-safe line: 'stage=outcome @file:line; ...', failures with their cause in parentheses.
        Non-ASCII is escaped."""
        parts = []
        for d in self.decisions:
            where = f" @{d.location.short}" if d.location else ""
            # Failures, notes and function log lines say what they are about: a bare 'note' tells nothing.
            said = (d.failed and d.stage != "response") or d.outcome == "note" or d.stage == "function-log"
            why = f" ({d.detail})" if said else ""
            parts.append(f"{d.stage}={d.outcome}{where}{why}")
        text = "; ".join(parts).replace("µs", "us").encode("ascii", "backslashreplace").decode("ascii")
        # A header value cannot carry control characters (a cause may quote an origin's broken bytes).
        return "".join(c if " " <= c != "\x7f" else repr(c)[1:-1] for c in text)


def _decision(raw: _Raw) -> Decision:
    stage, outcome, detail, location, at = raw[:5]
    if len(raw) > 5 or not isinstance(detail, str):  # recorded by `later`
        detail = detail.format(*raw[5:]) if isinstance(detail, str) else detail(*raw[5:])
    return Decision(stage, outcome, detail, location, at)
