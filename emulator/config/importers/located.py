"""Located values: a parsed source document whose every value remembers where it was written.

Importers read CloudFormation, CloudFront JSON and Terraform into trees of `N` (value + location) and build the
frontyard plain tree out of them; `flatten` then turns that tree into plain values plus the SourceMap the loader
reports through, so a problem the loader finds points at the source file's own line and column.

JSON and YAML (with CloudFormation's short-form tags such as `!Ref` and `!GetAtt`) are both read with PyYAML's
composer: JSON is YAML's flow style, and the composer keeps a mark on every node.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from emulator.config.yamlsrc import MAX_VALUES, Path, SourceMap, prescan
from emulator.issues import ConfigIssue, Location, Severity

# CloudFormation's short forms: `!Ref X` is {"Ref": X}, `!Condition X` is {"Condition": X}, `!Sub ...` is
# {"Fn::Sub": ...}; `!GetAtt A.B` is {"Fn::GetAtt": [A, B]}.
_PLAIN_TAGS = {"!Ref": "Ref", "!Condition": "Condition"}


@dataclass(eq=False, slots=True)
class N:
    """A value with its location: v is a dict[str, N], a list[N] or a scalar."""

    v: object
    loc: Location | None = None
    keys: dict[str, Location] = field(default_factory=dict)  # where each key of a mapping is written

    def get(self, key: str) -> N | None:
        return self.v.get(key) if isinstance(self.v, dict) else None

    @property
    def is_map(self) -> bool:
        return isinstance(self.v, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.v, list)

    def plain(self) -> object:
        """The value without locations."""
        if isinstance(self.v, dict):
            return {k: n.plain() if isinstance(n, N) else n for k, n in self.v.items()}
        if isinstance(self.v, list):  # a list subclass (a Terraform set) stays one
            return type(self.v)(n.plain() if isinstance(n, N) else n for n in self.v)
        return self.v


def _loc(file: str, mark: yaml.Mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


# long: the walk's closures share one document's source map and issues, as parse_yaml's do
def parse_document(text: str, file: str, *, last_key_wins: bool = False) -> tuple[N | None, list[ConfigIssue]]:
    """JSON or YAML text (short-form CloudFormation tags allowed) -> located tree, or syntax errors.

    A duplicate mapping key is an error, or with `last_key_wins` a warning and the last one counts: CloudFormation
    accepts a template with one and deploys the last value, YAML and JSON alike (a copy-pasted `Name:` or
    `DefaultTTL:` in real templates)."""
    issues: list[ConfigIssue] = []
    if too_big := prescan(text, file):  # before the (slow) composer builds a node for every value
        return None, [too_big]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _loc(file, mark) if mark else None
        issues.append(ConfigIssue(Severity.ERROR, where, "", f"syntax: {exc.problem or exc}"))
        return None, issues
    except (yaml.YAMLError, RecursionError) as exc:  # a control character; nesting too deep
        issues.append(ConfigIssue(Severity.ERROR, Location(file, 0, 0), "", f"syntax: {str(exc).splitlines()[0]}"))
        return None, issues
    if node is None:
        return N({}, Location(file, 1, 1)), issues
    constructor = yaml.SafeLoader("")

    count = 0
    building: set[int] = set()

    def scalar(n: yaml.ScalarNode) -> object:
        if n.tag.startswith("!") and not n.tag.startswith("!!"):
            return n.value
        if n.tag == "tag:yaml.org,2002:timestamp":
            return n.value  # no field is a date (and 2001-02-30 would not even construct)
        try:
            return constructor.construct_object(n, deep=True)
        except (ValueError, OverflowError, TypeError) as exc:
            raise yaml.MarkedYAMLError(problem=f"cannot read {n.value!r}: {exc}", problem_mark=n.start_mark) from None

    def build(n: yaml.Node) -> N:
        # An alias bomb is refused before it is built, an alias cycle is an error, not a recursion.
        nonlocal count
        count += 1
        if count > MAX_VALUES:
            raise yaml.MarkedYAMLError(problem=f"the document expands to more than {MAX_VALUES:,} values through "
                                       "its YAML aliases (an alias bomb?)", problem_mark=n.start_mark)
        if isinstance(n, yaml.CollectionNode):
            if id(n) in building:
                raise yaml.MarkedYAMLError(problem="an alias refers to the collection that contains it (a cycle)",
                                           problem_mark=n.start_mark)
            building.add(id(n))
            try:
                return _build(n)
            finally:
                building.discard(id(n))
        return _build(n)

    def _build(n: yaml.Node) -> N:
        where = _loc(file, n.start_mark)
        if isinstance(n, yaml.MappingNode):
            out: dict[str, N] = {}
            keys: dict[str, Location] = {}
            for k_node, v_node in n.value:
                key = str(scalar(k_node)) if isinstance(k_node, yaml.ScalarNode) else str(k_node.value)
                if key in out and last_key_wins:
                    issues.append(ConfigIssue(Severity.WARNING, _loc(file, k_node.start_mark), "",
                                              f"duplicate key '{key}': the last one counts, as CloudFormation "
                                              f"deploys it (the one at line {keys[key].line} is ignored)"))
                elif key in out:
                    issues.append(ConfigIssue(Severity.ERROR, _loc(file, k_node.start_mark), "",
                                              f"duplicate key '{key}' (only the last one would count)"))
                keys[key] = _loc(file, k_node.start_mark)
                out[key] = build(v_node)
            value: N = N(out, where, keys)
        elif isinstance(n, yaml.SequenceNode):
            value = N([build(item) for item in n.value], where)
        else:
            value = N(scalar(n), where)  # type: ignore[arg-type]
        return _short_form(n.tag, value)

    try:
        return build(node), issues
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        issues.append(ConfigIssue(Severity.ERROR, _loc(file, mark) if mark else None, "",
                                  f"syntax: {exc.problem or exc}"))
        return None, issues
    except RecursionError:
        issues.append(ConfigIssue(Severity.ERROR, Location(file, 0, 0), "", "syntax: nested too deeply"))
        return None, issues


def _short_form(tag: str, value: N) -> N:
    if not tag.startswith("!") or tag.startswith("!!") or tag.startswith("tag:"):
        return value
    if tag == "!GetAtt" and isinstance(value.v, str):
        name, _, attr = value.v.partition(".")
        value = N([N(name, value.loc), N(attr, value.loc)], value.loc)
    name = _PLAIN_TAGS.get(tag, "Fn::" + tag[1:])
    return N({name: value}, value.loc, {name: value.loc} if value.loc else {})


_DROP = object()


def flatten(tree: object, file: str, root: Location | None) -> tuple[object, SourceMap, list[ConfigIssue], set[Path]]:
    """The plain tree the loader reads, its SourceMap, the errors still standing in it, and where they stood.

    A value that is a ConfigIssue (an unresolvable intrinsic, a KeyValueStore without local data) is reported
    and left out of the tree; the caller keeps the loader from also calling such a key missing.
    """
    smap = SourceMap(file)
    issues: list[ConfigIssue] = []
    dropped: set[Path] = set()
    if root is not None:
        smap.values[()] = root

    def walk(value: object, path: Path) -> object:
        inner = value
        if isinstance(value, N):
            if isinstance(value.v, ConfigIssue):
                issues.append(value.v)
                dropped.add(path)
                return _DROP
            if value.loc is not None:
                smap.values[path] = value.loc
            if isinstance(value.v, dict):
                for k, loc in value.keys.items():
                    smap.keys[(*path, k)] = loc
            inner = value.v
        if isinstance(inner, dict):
            out = {str(k): walk(v, (*path, str(k))) for k, v in inner.items()}
            return {k: v for k, v in out.items() if v is not _DROP}
        if isinstance(inner, list):
            items: list[object] = []
            for v in inner:  # indices as in the output, so a dropped item does not shift its neighbours' paths
                if (w := walk(v, (*path, len(items)))) is not _DROP:
                    items.append(w)
            return items
        return inner

    return walk(tree, ()), smap, issues, dropped


def distribution_config(doc: N) -> tuple[N | None, N | None]:
    """(DistributionConfig, distribution Id) in any of the three shapes; (None, None) if none."""
    if (cfg := doc.get("DistributionConfig")) is not None:
        return cfg, None
    if (d := doc.get("Distribution")) is not None and d.get("DistributionConfig") is not None:
        return d.get("DistributionConfig"), d.get("Id")
    if doc.get("Origins") is not None and doc.get("DefaultCacheBehavior") is not None:
        return doc, None
    return None, None
