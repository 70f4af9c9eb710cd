"""Repetition in Terraform: `dynamic` blocks, and `count` / `for_each` on resources and module calls.

Terraform's "dynamic Blocks" page (https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks):
"A dynamic block acts much like a for expression, but produces nested blocks instead of a complex typed value. It
iterates over a given complex value, and generates a nested block for each element of that complex value"; the
temporary iterator variable is named by `iterator`, or else by the block's label, and has `key` and `value`.
For resources and module calls, `each.key` / `each.value` (for_each over a map or a set of strings) and
`count.index` (from 0) name the instance.
"""

from __future__ import annotations

from collections.abc import Callable

from lark import Tree

from emulator.config.importers.hcl_eval import EvalError, Evaluator, _kids, _trees
from emulator.config.importers.tf_read import Block, label, once
from emulator.config.importers.tf_values import TfSet
from emulator.issues import ConfigIssue, Location, Severity

Build = Callable[[Tree, Evaluator], Block]  # an HCL block node, evaluated in a scope -> a Block


def iteration(value: object, loc: Location, dynamic: bool) -> list[tuple[object, object]]:
    """(key, value) pairs in Terraform's order: a map's keys sorted, a set's members in set order with each
    member its own key; a dynamic block's list keeps its order with the index as key."""
    if isinstance(value, dict):
        return sorted(value.items())
    if value is None:
        raise EvalError(loc, "for_each is null", "a map, a set of strings, or [] / {} for none")
    if isinstance(value, TfSet):
        return [(v, v) for v in value]
    if isinstance(value, list):
        if dynamic:
            return list(enumerate(value))
        if all(isinstance(v, str) for v in value):
            return [(v, v) for v in sorted(set(value))]
        raise EvalError(loc, "for_each on a resource or module needs a map or a set of strings",
                        "toset([...]) of strings, or a map")
    raise EvalError(loc, f"for_each cannot iterate over {value!r}", "a map or a set")


def dynamic(node: Tree, ev: Evaluator, build_body: Callable[[Tree, Evaluator, Block], None],
            issues: list[ConfigIssue]) -> Block:
    """A `dynamic "NAME"` block: a placeholder whose expand() yields one NAME block per element."""
    parts = [c for c in node.children if isinstance(c, Tree)]
    name = label(parts[1]) if len(parts) > 2 else "dynamic"
    body = next(p for p in parts if p.data == "body")
    attrs: dict[str, Tree] = {}
    content: Tree | None = None
    for child in _trees(body):
        if child.data == "attribute":
            attrs[_name(child)] = child.children[-1]
        elif child.data == "block" and _name(child) == "content":
            content = next(p for p in child.children if isinstance(p, Tree) and p.data == "body")
    placeholder = Block("dynamic", [name], ev.loc(node))

    def expand() -> list[Block]:
        if "for_each" not in attrs or content is None:
            issues.append(EvalError(ev.loc(node), f'dynamic "{name}" needs for_each and a content block').issue())
            return []
        iterator = _iterator_name(attrs.get("iterator")) or name
        try:
            pairs = iteration(ev.value(ev.eval(attrs["for_each"]), ev.loc(node)), ev.loc(attrs["for_each"]), True)
        except EvalError as exc:
            issues.append(exc.issue())
            return []
        out = []
        for key, value in pairs:
            inner = ev.child({iterator: {"key": key, "value": value}})
            block = Block(name, [], inner.loc(node))
            build_body(content, inner, block)
            out.append(block)
        return out

    placeholder.expand = once(expand)
    return placeholder


def instances(block: Block, build: Build, issues: list[ConfigIssue]) -> list[tuple[object, Block]] | None:
    """The instances of a resource or module call with count or for_each (None: it has neither)."""
    if not ({"count", "for_each"} & set(block.attrs)):
        return None
    if block.source is None:  # a .tf.json block: said, never taken for a single instance silently
        issues.append(ConfigIssue(Severity.ERROR, block.loc, " ".join(block.labels), "count / for_each in a .tf.json "
                                  "file is not expanded by frontyard", "the same block written in HCL (.tf)"))
        return []
    meta = "count" if "count" in block.attrs else "for_each"
    value = block.attrs[meta]()
    if isinstance(value.v, ConfigIssue):
        issues.append(value.v)
        return []
    try:
        if meta == "count":
            count = value.v
            if isinstance(count, bool) or not isinstance(count, int | float) or count < 0:
                raise EvalError(value.loc, f"count must be a whole number of 0 or more, not {count!r}")
            return [(i, _built(block, build, {"count": {"index": i}})) for i in range(int(count))]
        pairs = iteration(value.plain(), value.loc or block.loc, False)
    except EvalError as exc:
        issues.append(exc.issue())
        return []
    return [(key, _built(block, build, {"each": {"key": key, "value": val}})) for key, val in pairs]


def _built(block: Block, build: Build, scope: dict[str, object]) -> Block:
    """One instance: the block as written, with what override files change merged in, in the same scope."""
    assert block.source is not None
    node, ev = block.source
    made = build(node, ev.child(scope))
    for o_node, o_ev in block.overrides:
        made.merge(build(o_node, o_ev.child(scope)))
    return made


def instance_name(name: str, key: object) -> str:
    """name[0] or name["key"], as Terraform writes an instance's address."""
    return f"{name}[{key}]" if isinstance(key, int) else f'{name}["{key}"]'


def _name(node: Tree) -> str:
    first = node.children[0]
    return str(first.children[0]) if isinstance(first, Tree) else str(first)


def _iterator_name(expr: Tree | None) -> str | None:
    node = expr
    while isinstance(node, Tree) and node.data != "identifier" and _kids(node):
        node = _kids(node)[0]  # type: ignore[assignment]
    return str(_kids(node)[0]) if isinstance(node, Tree) and node.data == "identifier" else None


__all__ = ["dynamic", "instance_name", "instances", "iteration", "once"]
