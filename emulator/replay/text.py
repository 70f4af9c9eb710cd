"""The terminal summary of a replay."""

from __future__ import annotations

from emulator.replay.outcome import Outcome
from emulator.replay.predict import LIMITS, Load
from emulator.replay.report import Report

SHOWN = 20  # requests listed one by one


def render(report: Report) -> str:
    out = [f"Replayed {report.requests:,} requests from {report.input} ({report.format}) through "
           f"{' and '.join(report.configs)} in {report.seconds:.1f} s, origins: {report.origins}"]
    if report.malformed_count:
        out.append(f"{report.malformed_count:,} malformed lines skipped:")
        out += [f"  line {m.line}: {m.reason}" for m in report.malformed[:10]]
        if report.malformed_count > 10:
            out.append(f"  ... and {report.malformed_count - 10:,} more (--json lists the first 100)")
    if report.diff is None:
        out += ["", f"Requests (first {min(SHOWN, len(report.rows))}):"]
        out += [_row(row[0]) for row in report.rows[:SHOWN]]
    else:
        out += ["", _diff(report)]
    out += ["", "Cache prediction (one edge, logged timeline):"]
    for name, prediction in zip(report.configs, report.predictions, strict=True):
        out.append(f"  {name}: {_load(prediction.total)}")
        out += [f"    {behavior}: {_load(load)}" for behavior, load in sorted(prediction.by_behavior.items())]
    out += ["", "What the prediction cannot know:"] + [f"  - {limit}" for limit in LIMITS]
    return "\n".join(out)


def _row(o: Outcome) -> str:
    functions = f" functions [{'; '.join(o.functions)}]" if o.functions else ""
    return (f"  {o.line:>6} {o.method} {o.target} -> {o.status} {o.cache}  behavior {o.behavior}, origin {o.origin}"
            f" {o.origin_path or ''}, key {o.cache_key or '(not cached)'}{functions}")


def _diff(report: Report) -> str:
    diff = report.diff
    assert diff is not None
    a, b = report.configs
    lines = [f"{diff.differ:,} of {report.requests:,} requests decide differently under {b} than under {a}"
             f" ({diff.same:,} the same):"]
    for group in diff.ordered():
        lines.append(f"  {group.count:,} {group.label}")
        for x, _ in group.examples[:3]:
            lines.append(f"      e.g. line {x.line}: {x.method} {x.target}")
    return "\n".join(lines)


def _load(load: Load) -> str:
    logged = f", logged {load.logged_hits / load.logged_known:.1%}" if load.logged_known else ""
    return (f"{load.requests:,} requests, hit ratio {load.hit_ratio:.1%}{logged}, "
            f"{load.origin_requests:,} origin requests, {load.origin_bytes:,} origin bytes")
