"""YAML text -> plain Python values plus a table of where each value was written.

We compose nodes ourselves (instead of yaml.safe_load) to keep line/column for every key and value and to
catch duplicate keys, which PyYAML would silently let the last one win.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from emulator.config.source import ConfigIssue, Location, Severity

Path = tuple[str | int, ...]


@dataclass
class SourceMap:
    file: str
    values: dict[Path, Location] = field(default_factory=dict)  # where the value at a path starts
    keys: dict[Path, Location] = field(default_factory=dict)  # where the key naming a path starts

    def at(self, path: Path, *, key: bool = False) -> Location | None:
        """Location of the value (or key) at path, falling back to the nearest enclosing one."""
        table = self.keys if key else self.values
        p = path
        while True:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            if not p:
                return None
            p = p[:-1]


def _loc(file: str, mark: yaml.Mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def parse_yaml(text: str, file: str) -> tuple[object, SourceMap, list[ConfigIssue]]:
    smap = SourceMap(file)
    issues: list[ConfigIssue] = []
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _loc(file, mark) if mark else None
        issues.append(ConfigIssue(Severity.ERROR, where, "", f"YAML syntax: {exc.problem or exc}"))
        return None, smap, issues
    if node is None:
        return {}, smap, issues
    constructor = yaml.SafeLoader("")

    def build(n: yaml.Node, path: Path) -> object:
        smap.values[path] = _loc(file, n.start_mark)
        if isinstance(n, yaml.MappingNode):
            out: dict[str, object] = {}
            for k_node, v_node in n.value:
                key = constructor.construct_object(k_node, deep=True)
                if not isinstance(key, str):
                    key = str(key)
                if key in out:
                    issues.append(
                        ConfigIssue(Severity.ERROR, _loc(file, k_node.start_mark), _dotted(path),
                                    f"duplicate key '{key}' (YAML would silently keep only the last one)")
                    )
                smap.keys[(*path, key)] = _loc(file, k_node.start_mark)
                out[key] = build(v_node, (*path, key))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [build(item, (*path, i)) for i, item in enumerate(n.value)]
        return constructor.construct_object(n, deep=True)

    try:
        return build(node, ()), smap, issues
    except yaml.MarkedYAMLError as exc:  # e.g. a malformed timestamp scalar
        mark = exc.problem_mark
        issues.append(ConfigIssue(Severity.ERROR, _loc(file, mark) if mark else None, "", f"YAML: {exc}"))
        return None, smap, issues


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


dotted = _dotted
