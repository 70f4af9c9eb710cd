"""The record of every decision the edge made for one request.

`frontyard explain`, the debug response header, the access log and the tests all read the same Trace.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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


@dataclass(slots=True)
class Trace:
    """Append-only list of decisions; the one mutable object a request carries (it is never shared).

    Besides the decisions it keeps references (never copies) to what the inspector shows: the viewer request
    as received, the origin exchanges and the function runs. Recording them costs a list append each."""

    request_id: str
    decisions: list[Decision] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # ms measured on the way, e.g. origin_fbl
    started: float = field(default_factory=time.perf_counter)
    viewer: ViewerRequest | None = None
    exchanges: list[OriginExchange] = field(default_factory=list)
    functions: list[FunctionRun] = field(default_factory=list)

    def add(self, stage: str, outcome: str, detail: str, location: Location | None = None) -> None:
        at = (time.perf_counter() - self.started) * 1000
        self.decisions.append(Decision(stage, outcome, detail, location, at))

    def find(self, stage: str) -> Decision | None:
        return next((d for d in reversed(self.decisions) if d.stage == stage), None)

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
