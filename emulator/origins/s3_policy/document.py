"""A bucket policy document -> frozen statements (IAM JSON policy elements reference).

Every problem is reported, with the element's path (`Statement[1].Condition.StringEquals`), so a typo in a
policy is a config error at load, not a puzzling 403 later. Operators S3 would accept but that are not
emulated (numeric and date comparisons, the ForAnyValue/ForAllValues set qualifiers) are reported too.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Mapping
from dataclasses import dataclass

PRINCIPAL_KINDS = ("AWS", "Service", "CanonicalUser", "Federated")
_STRING_OPS = ("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
               "StringLike", "StringNotLike")
_ARN_OPS = ("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike")
OPERATORS = (*_STRING_OPS, *_ARN_OPS, "Bool", "IpAddress", "NotIpAddress", "Null")
# Amazon S3 User Guide, "Bucket policies and user policies": "Bucket policies are limited to 20 KB in size."
# Measured as the document's compact JSON in UTF-8 (S3 refuses a larger PutBucketPolicy; here it is a config
# error, which also bounds what each request evaluates).
MAX_POLICY_BYTES = 20 * 1024
_ELEMENTS = ("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource",
             "Condition")


@dataclass(frozen=True)
class Principals:
    """A Principal or NotPrincipal element: `"*"` (everyone, anonymous included) or kind -> values."""

    everyone: bool
    values: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Condition:
    operator: str  # without IfExists: StringEquals, ArnLike, Bool, ...
    if_exists: bool
    key: str  # lower case: condition key names are case-insensitive
    values: tuple[str, ...]  # any of them matching is enough


@dataclass(frozen=True)
class Statement:
    name: str  # its Sid, or "statement #N" (1-based) when it has none
    effect: str  # Allow | Deny
    principal: Principals | None
    not_principal: Principals | None
    actions: tuple[str, ...]
    not_actions: tuple[str, ...]
    resources: tuple[str, ...]
    not_resources: tuple[str, ...]
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Policy:
    statements: tuple[Statement, ...]


def _strings(value: object) -> tuple[str, ...] | None:
    items = value if isinstance(value, list) else [value]
    if not items or any(isinstance(i, dict | list) or i is None for i in items):
        return None
    return tuple(str(i).lower() if isinstance(i, bool) else str(i) for i in items)


def _principals(value: object, where: str, problems: list[str]) -> Principals | None:
    if value == "*":
        return Principals(everyone=True)
    if not isinstance(value, Mapping) or not value:
        problems.append(f"{where}: must be \"*\" or a mapping of {', '.join(PRINCIPAL_KINDS)} to values")
        return None
    out = []
    for kind, raw in value.items():
        values = _strings(raw)
        if kind not in PRINCIPAL_KINDS:
            problems.append(f"{where}: unknown principal type '{kind}' (one of: {', '.join(PRINCIPAL_KINDS)})")
        elif values is None:
            problems.append(f"{where}.{kind}: must be a string or a list of strings")
        else:
            out.append((str(kind), values))
    return Principals(everyone=False, values=tuple(out))


def _conditions(value: object, where: str, problems: list[str]) -> tuple[Condition, ...]:
    if not isinstance(value, Mapping):
        problems.append(f"{where}: must be a mapping of condition operator to {{key: values}}")
        return ()
    out = []
    for op_name, block in value.items():
        op = str(op_name)
        if ":" in op:
            problems.append(f"{where}.{op}: the ForAnyValue/ForAllValues qualifiers are not emulated")
            continue
        base, if_exists = (op[:-8], True) if op.endswith("IfExists") and op != "IfExists" else (op, False)
        if base not in OPERATORS or (if_exists and base == "Null"):
            problems.append(f"{where}.{op}: condition operator not emulated (one of: {', '.join(OPERATORS)}, "
                            "with IfExists but Null)")
            continue
        if not isinstance(block, Mapping) or not block:
            problems.append(f"{where}.{op}: must be a mapping of condition key to value(s)")
            continue
        for key, raw in block.items():
            values = _strings(raw)
            if values is None:
                problems.append(f"{where}.{op}.{key}: must be a string or a list of strings")
                continue
            if base in ("IpAddress", "NotIpAddress"):
                for v in values:
                    try:
                        ipaddress.ip_network(v, strict=False)
                    except ValueError:
                        problems.append(f"{where}.{op}.{key}: '{v}' is not an IP address or CIDR range")
            out.append(Condition(base, if_exists, str(key).lower(), values))
    return tuple(out)


def _pair(s: Mapping[str, object], name: str, where: str, problems: list[str]) -> tuple[str, ...]:
    if name not in s:
        return ()
    values = _strings(s[name])
    if values is None:
        problems.append(f"{where}.{name}: must be a string or a list of strings")
        return ()
    return values


# long: one element after another, each checked and every problem kept, in the order AWS documents them
def _statement(s: object, index: int, where: str, problems: list[str]) -> Statement | None:
    if not isinstance(s, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    for key in s:
        if key not in _ELEMENTS:
            problems.append(f"{where}: unknown element '{key}' (one of: {', '.join(_ELEMENTS)})")
    effect = s.get("Effect")
    if effect not in ("Allow", "Deny"):
        shown = repr(effect) if isinstance(effect, str | None) else f"a {type(effect).__name__}"  # no deep repr
        problems.append(f"{where}.Effect: must be Allow or Deny, not {shown}")
    for one, other in (("Principal", "NotPrincipal"), ("Action", "NotAction"), ("Resource", "NotResource")):
        if one in s and other in s:
            problems.append(f"{where}: give either {one} or {other}, not both")
        elif one not in s and other not in s:
            problems.append(f"{where}: a bucket policy statement needs {one} or {other}")
    principal = _principals(s["Principal"], f"{where}.Principal", problems) if "Principal" in s else None
    not_principal = _principals(s["NotPrincipal"], f"{where}.NotPrincipal", problems) \
        if "NotPrincipal" in s else None
    conditions = _conditions(s["Condition"], f"{where}.Condition", problems) if "Condition" in s else ()
    sid = s.get("Sid")
    return Statement(
        name=str(sid) if sid not in (None, "") else f"statement #{index + 1}",
        effect=str(effect),
        principal=principal,
        not_principal=not_principal,
        actions=_pair(s, "Action", where, problems),
        not_actions=_pair(s, "NotAction", where, problems),
        resources=_pair(s, "Resource", where, problems),
        not_resources=_pair(s, "NotResource", where, problems),
        conditions=conditions,
    )


def _size(document: Mapping[str, object], limit: int = MAX_POLICY_BYTES) -> int:
    """The document's size as compact JSON, counted without building it and given up once past `limit`: a YAML
    file can nest a policy deeper than a recursive walk goes, or repeat one anchor until it expands to gigabytes."""
    size, stack = 0, [document]
    while stack and size <= limit:
        item = stack.pop()
        if isinstance(item, Mapping):
            size += 2 + max(len(item) - 1, 0)  # {} and the commas
            for key, value in item.items():
                size += len(json.dumps(str(key), ensure_ascii=False).encode()) + 1
                stack.append(value)
        elif isinstance(item, list | tuple):
            size += 2 + max(len(item) - 1, 0)
            stack.extend(item)
        else:
            size += len(json.dumps(item if isinstance(item, str | int | float | bool) or item is None else str(item),
                                   ensure_ascii=False).encode())
    return size


def parse(document: object) -> tuple[Policy, list[str]]:
    """The policy and every problem found in it (an empty list when it is usable)."""
    problems: list[str] = []
    if not isinstance(document, Mapping):
        return Policy(()), ["a bucket policy is a mapping with a 'Statement' list"]
    if _size(document) > MAX_POLICY_BYTES:
        return Policy(()), [f"the policy is larger than S3's limit for a bucket policy, 20 KB ({MAX_POLICY_BYTES} "
                            "bytes of compact JSON)"]
    for key in document:
        if key not in ("Version", "Id", "Statement"):
            problems.append(f"unknown policy element '{key}' (one of: Version, Id, Statement)")
    if document.get("Version", "2012-10-17") not in ("2012-10-17", "2008-10-17"):
        problems.append(f"Version: '{document.get('Version')}' is not a policy language version "
                        "(2012-10-17 or 2008-10-17)")
    raw = document.get("Statement")
    entries = raw if isinstance(raw, list) else [raw] if isinstance(raw, Mapping) else None
    if not entries:
        problems.append("Statement: must be a statement or a non-empty list of statements")
        return Policy(()), problems
    statements = [_statement(s, i, f"Statement[{i}]" if isinstance(raw, list) else "Statement", problems)
                  for i, s in enumerate(entries)]
    return Policy(tuple(s for s in statements if s is not None)), problems
