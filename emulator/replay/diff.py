"""Two configurations' decisions for the same requests: only those that differ, grouped by what changed, with a
count and a few examples each."""

from __future__ import annotations

from dataclasses import dataclass, field

from emulator.replay.outcome import Outcome, key_parts

EXAMPLES = 5
_ROUTE = ("behavior", "origin", "policy")


@dataclass(slots=True)
class Group:
    label: str
    changed: tuple[str, ...]
    count: int = 0
    examples: list[tuple[Outcome, Outcome]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"label": self.label, "changed": list(self.changed), "count": self.count,
                "examples": [{"line": a.line, "method": a.method, "target": a.target,
                              "a": _decisions(a), "b": _decisions(b)} for a, b in self.examples]}


class Diff:
    def __init__(self) -> None:
        self.groups: dict[tuple[object, ...], Group] = {}
        self.same = 0

    def add(self, a: Outcome, b: Outcome) -> None:
        da, db = a.decisions(), b.decisions()
        changed = tuple(name for name in da if da[name] != db[name])
        if not changed:
            self.same += 1
            return
        key, label = _group(a, b, changed)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = Group(label, changed)
        group.count += 1
        if len(group.examples) < EXAMPLES:
            group.examples.append((a, b))

    @property
    def differ(self) -> int:
        return sum(g.count for g in self.groups.values())

    def ordered(self) -> list[Group]:
        return sorted(self.groups.values(), key=lambda g: -g.count)

    def as_json(self) -> dict[str, object]:
        return {"same": self.same, "differ": self.differ, "groups": [g.as_json() for g in self.ordered()]}


def _group(a: Outcome, b: Outcome, changed: tuple[str, ...]) -> tuple[tuple[object, ...], str]:
    """A route change (behavior, origin or cache policy) says where requests move; other changes say what changed
    in their own terms, without the per-request values (paths) that would split every request into its own group."""
    if any(name in changed for name in _ROUTE):
        where = b.behavior if b.behavior and not b.behavior.startswith("default") else a.behavior
        label = f"requests to {where} move from {_route(a)} to {_route(b)}"
        return ("route", *(getattr(a, n) for n in _ROUTE), *(getattr(b, n) for n in _ROUTE)), label
    parts: list[str] = []
    key: list[object] = [a.behavior]
    for name in changed:
        if name == "cache_key":
            before, after = key_parts(a.cache_key), key_parts(b.cache_key)
            key.append(("cache_key", before, after))
            parts.append(f"cache key [{', '.join(before) or 'not cached'}] -> [{', '.join(after) or 'not cached'}]")
        elif name == "origin_path":
            before, after = _prefixes(a.origin_path or "", b.origin_path or "")
            key.append(("origin_path", before, after))
            parts.append(f"origin path prefix '{before}' -> '{after}'")
        else:
            value_a, value_b = getattr(a, name), getattr(b, name)
            key.append((name, value_a, value_b))
            parts.append(f"{name.replace('_', ' ')} {_show(value_a)} -> {_show(value_b)}")
    return tuple(key), f"requests to behavior {a.behavior}: " + "; ".join(parts)


def _route(o: Outcome) -> str:
    return f"behavior {o.behavior} (origin {o.origin}, {o.policy})"


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """What differs before the common end: '/site/a.css' vs '/a.css' -> ('/site', '')."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[: len(a) - n], b[: len(b) - n]


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + "; ".join(map(str, value)) + "]" if value else "none"
    return str(value)


def _decisions(o: Outcome) -> dict[str, object]:
    d = o.decisions()
    d["functions"] = list(o.functions)
    d["cache"] = o.cache
    return d
