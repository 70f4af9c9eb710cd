"""Condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators").

Several values for one key: any may match. Several keys, several operators: all must hold. A key missing
from the request: a positive operator does not hold, a negated one (StringNotEquals, ArnNotLike, NotIpAddress)
does, and `...IfExists` holds whatever the operator ("Condition operators", "...IfExists condition operators").
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from functools import lru_cache

from emulator.origins.s3_policy.document import Condition

_NEGATED = ("StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike",
            "NotIpAddress")


@lru_cache(maxsize=1024)
def _glob(pattern: str, ignore_case: bool) -> re.Pattern[str]:
    # Policy wildcards are only `*` (any run) and `?` (one character); brackets are literal.
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(body, re.DOTALL | (re.IGNORECASE if ignore_case else 0))


def glob_match(pattern: str, value: str, *, ignore_case: bool = False) -> bool:
    return _glob(pattern, ignore_case).fullmatch(value) is not None


def arn_match(pattern: str, value: str) -> bool:
    """ArnEquals/ArnLike: the six colon-separated parts are compared one by one, each may hold wildcards."""
    p, v = pattern.split(":", 5), value.split(":", 5)
    return len(p) == len(v) == 6 and all(glob_match(a, b) for a, b in zip(p, v, strict=True))


def _ip_in(network: str, value: str) -> bool:
    try:
        return ipaddress.ip_address(value) in ipaddress.ip_network(network, strict=False)
    except ValueError:
        return False


def _positive(op: str, wanted: str, actual: str) -> bool:
    if op in ("StringEquals", "StringNotEquals"):
        return wanted == actual
    if op in ("StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"):
        return wanted.lower() == actual.lower()
    if op in ("StringLike", "StringNotLike"):
        return glob_match(wanted, actual)
    if op in ("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"):
        return arn_match(wanted, actual)
    if op == "Bool":
        return wanted.lower() == actual.lower()
    if op in ("IpAddress", "NotIpAddress"):
        return _ip_in(wanted, actual)
    raise ValueError(f"operator {op} is not emulated")  # the document parser refused it already


def holds(condition: Condition, context: Mapping[str, str]) -> bool:
    """Whether one operator's test of one key holds for the request's context keys (lower-case names)."""
    actual = context.get(condition.key)
    if condition.operator == "Null":
        return any((v.lower() == "true") == (actual is None) for v in condition.values)
    if actual is None:
        return condition.if_exists or condition.operator in _NEGATED
    matched = any(_positive(condition.operator, wanted, actual) for wanted in condition.values)
    return not matched if condition.operator in _NEGATED else matched


__all__ = ["arn_match", "glob_match", "holds"]
