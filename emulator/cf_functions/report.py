"""The report core.js returns from each invocation, read and checked before anything in it is trusted."""

from __future__ import annotations

import json
from typing import Any

UNREADABLE = (
    "The function returned an invalid object: its result could not be serialized "
    "(a toJSON method or JSON itself was replaced)"
)
_STATUSES = frozenset({"done", "error", "pending", "invalid"})
ALL_SECTIONS = ("headers", "cookies", "querystring")  # of a request, as core.js names them in `same`
_SECTIONS = frozenset(ALL_SECTIONS)


class UnreadableReport(Exception):
    pass


def read_report(text: object) -> dict[str, Any]:
    """The invocation report from core.js, checked: user code can reach its serialization through toJSON."""
    try:
        report = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        report = None
    if (
        not isinstance(report, dict)
        or report.get("status") not in _STATUSES
        or not isinstance(report.get("logs", []), list)
        or not all(isinstance(line, str) for line in report.get("logs", []))
        or not isinstance(report.get("value"), str | None)
        or not isinstance(report.get("type", ""), str)
        or not isinstance(report.get("kvs", []), list)
        or not all(isinstance(i, list) and len(i) == 2 for i in report.get("kvs", []))
        or not isinstance(report.get("origin"), dict | None)
        or not all(isinstance(s, str) and s in _SECTIONS for s in report.get("same", ()))
    ):
        raise UnreadableReport
    return report
