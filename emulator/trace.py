"""The record of every decision the edge made for one request.

`frontyard explain`, the debug response header, the access log and the tests all read the same Trace.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from emulator.config.source import Location


@dataclass(frozen=True)
class Decision:
    stage: str  # distribution, routing, viewer, origin-request, origin, response, ...
    outcome: str  # short machine-friendly word: matched, redirect, forbidden, forwarded, 502, ...
    detail: str  # one human sentence: why
    location: Location | None = None  # the config line the decision came from

    @property
    def failed(self) -> bool:
        """An error decision: its detail (the precise cause) belongs in compact views too."""
        return self.outcome in ("forbidden", "error", "unknown-host") or self.outcome[:1] in ("4", "5")


@dataclass
class Trace:
    """Append-only list of decisions; the one mutable object a request carries (it is never shared)."""

    request_id: str
    decisions: list[Decision] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # ms measured on the way, e.g. origin_fbl

    def add(self, stage: str, outcome: str, detail: str, location: Location | None = None) -> None:
        self.decisions.append(Decision(stage, outcome, detail, location))

    def find(self, stage: str) -> Decision | None:
        return next((d for d in reversed(self.decisions) if d.stage == stage), None)

    def compact(self) -> str:
        """One header-safe line: 'stage=outcome @file:line; ...', failures with their cause in parentheses.
        Non-ASCII is escaped."""
        parts = []
        for d in self.decisions:
            where = f" @{d.location.short}" if d.location else ""
            why = f" ({d.detail})" if d.failed and d.stage != "response" else ""
            parts.append(f"{d.stage}={d.outcome}{where}{why}")
        text = "; ".join(parts).encode("ascii", "backslashreplace").decode("ascii")
        # A header value cannot carry control characters (a cause may quote an origin's broken bytes).
        return "".join(c if " " <= c != "\x7f" else repr(c)[1:-1] for c in text)
