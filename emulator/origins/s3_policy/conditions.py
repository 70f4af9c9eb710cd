"""Condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators").

Several values for one key: any may match. Several keys, several operators: all must hold. A key missing
from the request: a positive operator does not hold, a negated one (StringNotEquals, ArnNotLike, NotIpAddress)
does, and `...IfExists` holds whatever the operator ("Condition operators", "...IfExists condition operators").
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping

from emulator.origins.s3_policy.document import Condition

_NEGATED = ("StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike",
            "NotIpAddress")


def glob_match(pattern: str, value: str, *, ignore_case: bool = False) -> bool:
    """Policy wildcards: only `*` (any run, empty included) and `?` (one character); brackets are literal.

    Matched by the greedy two-pointer walk, which backtracks only to the last `*`: time is bounded by
    len(pattern) * len(value) whatever the pattern (a regex of `.*` runs, as `*a*a*a*b` becomes, backtracks
    exponentially on a long key of `a`s, and a key is what a viewer chooses).
    """
    if ignore_case:
        pattern, value = pattern.casefold(), value.casefold()
    p = v = 0
    star, resume = -1, 0  # the last `*` seen, and where in value its run ends so far
    while v < len(value):
        if p < len(pattern) and pattern[p] == "*":
            star, resume, p = p, v, p + 1
        elif p < len(pattern) and (pattern[p] == "?" or pattern[p] == value[v]):
            p, v = p + 1, v + 1
        elif star >= 0:
            resume += 1  # the last `*` takes one more character
            p, v = star + 1, resume
        else:
            return False
    return pattern[p:].strip("*") == ""


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
