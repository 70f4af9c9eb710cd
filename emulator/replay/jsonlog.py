"""Standard logging v2's JSON output: one JSON object a line, keyed by the same field names as the W3C format
(AWS, "Configure standard logging (v2)": the output formats are JSON, plain, w3c, raw and Parquet; the fields
are those of "Standard logging reference", plus the real-time log fields one may select, such as c-country,
timestamp and cache-behavior-path-pattern). Parquet is not read."""

from __future__ import annotations

import json
from collections.abc import Iterable

from emulator.replay.model import Items, Malformed, Overlong
from emulator.replay.w3c import from_fields


def read(lines: Iterable[str]) -> Items:
    for number, raw in enumerate(lines, 1):
        if isinstance(raw, Overlong):
            yield Malformed(number, raw.reason)
            continue
        line = raw.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Malformed(number, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield Malformed(number, "JSON nested too deeply")
            continue
        if not isinstance(row, dict):
            yield Malformed(number, "not a JSON object")
            continue
        yield from_fields(number, {str(k): "-" if v is None else str(v) for k, v in row.items()})
