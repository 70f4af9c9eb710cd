"""YAML text -> plain Python values plus a table of where each value was written.

We compose nodes ourselves (instead of yaml.safe_load) to keep line/column for every key and value and to
catch duplicate keys, which PyYAML would silently let the last one win.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path as FsPath

import yaml

from emulator.config.rules import ALIASES_BOUND, ALIASES_BOUND_WHY
from emulator.issues import ConfigIssue, Location, Severity

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


MAX_VALUES = 100_000  # far above any real config; an alias bomb expands past it long before memory runs out
# Lists with a sanity bound far above CloudFront's (raisable) quota, refused while the text is scanned: a config
# with a million aliases is turned away in a fraction of a second instead of being built first.
LIST_LIMITS = {"aliases": (ALIASES_BOUND, ALIASES_BOUND_WHY)}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's event parser when PyYAML has it


class _TooBig(Exception):
    pass


class _Open:
    """A collection being scanned: for a mapping the last key and whether a key comes next, for a list the
    index of its last item."""

    __slots__ = ("index", "key", "key_next", "mapping")

    def __init__(self, mapping: bool) -> None:
        self.mapping, self.key, self.key_next, self.index = mapping, "", True, -1


def prescan(text: str, file: str) -> ConfigIssue | None:
    """Count the values and the items of quota-bound lists from the parser's events, before any node is
    composed (PyYAML composes a few thousand nodes a second on a busy machine): what is too big is refused
    here. Syntax errors are left to the composer, which reports them."""
    count = 0
    stack: list[_Open] = []
    try:
        for event in yaml.parse(text, Loader=_FastLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            # Values, as the composer counts them: a mapping's keys are not (a Terraform state of a few thousand
            # resources holds more keys than values).
            count += not (stack and stack[-1].mapping and stack[-1].key_next)
            if count > MAX_VALUES:
                return ConfigIssue(Severity.ERROR, _loc(file, event.start_mark), "",
                                   f"{_format(file)}: the document holds more than {MAX_VALUES:,} values, far more "
                                   "than any CloudFront configuration; refused before reading the rest")
            if stack and (problem := _advance(stack, event)):
                return ConfigIssue(Severity.ERROR, _loc(file, event.start_mark), "", problem)
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append(_Open(isinstance(event, yaml.MappingStartEvent)))
    except (yaml.YAMLError, RecursionError):
        return None
    return None


def _format(file: str) -> str:
    """What the source is, as its messages name it: JSON is read by the same parser (YAML's flow style)."""
    return "JSON" if file.lower().endswith(".json") else "YAML"


def _advance(stack: list[_Open], event: yaml.NodeEvent) -> str | None:
    """Move the innermost collection past `event`; the quota message when a bound list gets one too many."""
    top = stack[-1]
    if top.mapping:  # keys and values alternate
        if top.key_next:
            top.key = event.value if isinstance(event, yaml.ScalarEvent) else ""
        top.key_next = not top.key_next
        return None
    top.index += 1
    parent = stack[-2] if len(stack) > 1 else None
    if parent is None or not parent.mapping or (limit := LIST_LIMITS.get(parent.key)) is None:
        return None
    return f"{parent.key}: more than {limit[0]:,} items, {limit[1]}" if top.index >= limit[0] else None


# long: the tree walk's closures share the source map, the cycle guard and the value count of one parse
def parse_yaml(text: str, file: str) -> tuple[object, SourceMap, list[ConfigIssue]]:
    smap = SourceMap(file)
    issues: list[ConfigIssue] = []

    def fail(mark: yaml.Mark | None, message: str) -> tuple[object, SourceMap, list[ConfigIssue]]:
        issues.append(ConfigIssue(Severity.ERROR, _loc(file, mark) if mark else Location(file, 0, 0), "", message))
        return None, smap, issues

    if too_big := prescan(text, file):
        issues.append(too_big)
        return None, smap, issues
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return fail(exc.problem_mark or exc.context_mark, f"YAML syntax: {exc.problem or exc}")
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a control character, ...)
        before = text[: exc.position]
        mark = yaml.Mark(file, exc.position, before.count("\n"), len(before) - before.rfind("\n") - 1, None, None)
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return fail(mark, f"YAML: the character U+{code:04X} is not allowed in YAML text (a control character?)")
    except RecursionError:
        return fail(None, "YAML: nested too deeply (brackets or indentation inside each other hundreds of levels)")
    if node is None:
        return {}, smap, issues
    constructor = yaml.SafeLoader("")
    building: set[int] = set()  # ids of the collection nodes being built: an alias back to one is a cycle
    count = 0

    def scalar(n: yaml.Node) -> object:
        if n.tag == _TIMESTAMP:
            return n.value  # no frontyard field is a date: `domain_name: 2001-02-30` stays the text it is
        try:
            return constructor.construct_object(n, deep=True)
        except (ValueError, OverflowError, TypeError) as exc:
            raise yaml.MarkedYAMLError(problem=f"cannot read {n.value!r}: {exc}", problem_mark=n.start_mark) from None

    def build(n: yaml.Node, path: Path) -> object:
        nonlocal count
        count += 1
        if count > MAX_VALUES:
            raise _TooBig
        smap.values[path] = _loc(file, n.start_mark)
        if not isinstance(n, yaml.MappingNode | yaml.SequenceNode):
            return scalar(n)
        if id(n) in building:
            raise yaml.MarkedYAMLError(problem="an alias refers to the collection that contains it (a cycle)",
                                       problem_mark=n.start_mark)
        building.add(id(n))
        try:
            if isinstance(n, yaml.SequenceNode):
                return [build(item, (*path, i)) for i, item in enumerate(n.value)]
            return mapping(n, path)
        finally:
            building.discard(id(n))

    def mapping(n: yaml.MappingNode, path: Path) -> dict[str, object]:
        explicit = len([k for k, _ in n.value if k.tag != "tag:yaml.org,2002:merge"])
        pairs = list(n.value)
        try:
            # PyYAML's own `<<` handling on a copy: merged pairs first, the mapping's own keys after them.
            merged = yaml.MappingNode(n.tag, pairs, n.start_mark, n.end_mark, n.flow_style)
            constructor.flatten_mapping(merged)
            pairs = merged.value
        except yaml.MarkedYAMLError as exc:
            raise yaml.MarkedYAMLError(problem="'<<' (a merge key) must be an alias of a mapping or a list "
                                       "of them, like '<<: *defaults'", problem_mark=exc.problem_mark) from None
        from_merge = len(pairs) - explicit
        out: dict[str, object] = {}
        explicit_keys: set[str] = set()
        for i, (k_node, v_node) in enumerate(pairs):
            key = scalar(k_node) if not isinstance(k_node, yaml.CollectionNode) else k_node.start_mark.name
            if not isinstance(key, str):
                key = str(key)
            if i >= from_merge:
                if key in explicit_keys:
                    issues.append(
                        ConfigIssue(Severity.ERROR, _loc(file, k_node.start_mark), _dotted(path),
                                    f"duplicate key '{key}' (YAML would silently keep only the last one)")
                    )
                explicit_keys.add(key)
            smap.keys[(*path, key)] = _loc(file, k_node.start_mark)
            out[key] = build(v_node, (*path, key))  # an own key overrides a merged one, as in YAML
        return out

    try:
        return build(node, ()), smap, issues
    except yaml.MarkedYAMLError as exc:  # e.g. a malformed timestamp scalar, a cycle, a bad merge
        return fail(exc.problem_mark, f"YAML: {exc.problem or exc}")
    except _TooBig:
        return fail(None, f"YAML: the document expands to more than {MAX_VALUES:,} values through its YAML "
                    "aliases (anchors '&name' repeated with '*name': an alias bomb?); refused before building it")
    except RecursionError:
        return fail(None, "YAML: nested too deeply")


def read_config_file(path: FsPath) -> tuple[str, ConfigIssue | None]:
    """The config file's text, or the one issue that says why it cannot be read as such."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        return "", ConfigIssue(Severity.ERROR, Location(str(path), 0, 0), "", "is a folder", "a YAML config file")
    except OSError as exc:
        return "", ConfigIssue(Severity.ERROR, Location(str(path), 0, 0), "", f"cannot read: {exc.strerror}")
    return decode_config(data, str(path))


def decode_config(data: bytes, file: str) -> tuple[str, ConfigIssue | None]:
    """UTF-8 text, or the issue that says what the file is instead (located at the first bad byte)."""
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            return "", ConfigIssue(Severity.ERROR, Location(file, 0, 0), "", f"the file is {name} text",
                                   "UTF-8 (save it as UTF-8)")
    if b"\x00" in data[:8192]:
        return "", ConfigIssue(Severity.ERROR, Location(file, 0, 0), "", "the file is binary (it holds NUL bytes)",
                               "a YAML config file")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return "", ConfigIssue(Severity.ERROR, Location(file, line, col), "",
                               f"byte 0x{data[exc.start]:02x} is not UTF-8", "UTF-8 text (save the file as UTF-8)")


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


dotted = _dotted
