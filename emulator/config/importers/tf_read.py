"""Reading Terraform files: HCL through python-hcl2's Lark tree (syntax errors located, several per file) and
.tf.json documents, into blocks whose attributes evaluate lazily."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import hcl2
from lark import Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from emulator.config.importers.hcl_eval import EvalError, Evaluator
from emulator.config.importers.located import N
from emulator.issues import ConfigIssue, Location, Severity

# python-hcl2 keeps its compiled grammar in a cache file beside its package; where that is read-only (the Docker
# image runs as a non-root user) Lark logs the failed save with a traceback on every start. The grammar is simply
# built in memory then (about 1.6 s, once per process): nothing to report.
logging.getLogger("lark").setLevel(logging.CRITICAL)


@dataclass
class Block:
    """A block of either syntax: attributes evaluate lazily (references may point anywhere in the module)."""

    type: str
    labels: list[str]
    loc: Location
    attrs: dict[str, Callable[[], N]] = field(default_factory=dict)
    attr_locs: dict[str, Location] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    attr_trees: dict[str, Tree] = field(default_factory=dict)  # HCL: type constraints are read, not evaluated
    source: tuple[Tree, Evaluator] | None = None  # HCL: rebuilt per instance of count / for_each
    expand: Callable[[], list[Block]] | None = None  # a `dynamic` block: the blocks it generates
    overrides: list[tuple[Tree, Evaluator]] = field(default_factory=list)  # override files' blocks merged into it

    @property
    def nested_type(self) -> str:
        """The type of the blocks it stands for: a `dynamic "origin"` block's is origin."""
        return self.labels[0] if self.type == "dynamic" and self.labels else self.type

    def merge(self, override: Block) -> None:
        """Terraform, "Override Files": "each top-level argument ... in the override block replaces the argument
        of the same name in the original block", and "any nested blocks within the override block replace all
        blocks of the same type in the original block" (a dynamic block counting as blocks of its type)."""
        self.attrs.update(override.attrs)
        self.attr_locs.update(override.attr_locs)
        self.attr_trees.update(override.attr_trees)
        replaced = {b.nested_type for b in override.blocks}
        self.blocks = [b for b in self.blocks if b.nested_type not in replaced] + override.blocks

    def nested(self) -> list[Block]:
        """Nested blocks in order, each dynamic block replaced by the blocks it generates."""
        return [e for b in self.blocks for e in (b.expand() if b.expand is not None else [b])]

    def as_n(self) -> N:
        """Attributes as located values, nested blocks as lists of mappings (the shape show -json has)."""
        out: dict[str, object] = {name: get() for name, get in self.attrs.items()}
        for b in self.nested():
            out.setdefault(b.type, N([], b.loc)).v.append(b.as_n())  # type: ignore[union-attr]
        return N(out, self.loc, dict(self.attr_locs))


def _culprit(exc: LarkError) -> tuple[int, int]:
    """Where the mistake is: a '.' followed by no name makes the lexer swallow the following lines as one
    string token; the '.' before it is the mistake then."""
    if isinstance(exc, UnexpectedToken) and exc.token.type == "STRING_CHARS" and "\n" in exc.token \
            and exc.token_history:
        previous = exc.token_history[-1]
        return previous.line or 0, previous.column or 0
    return getattr(exc, "line", 0) or 0, getattr(exc, "column", 0) or 0


def _syntax_issue(exc: LarkError, file: str, line_text: str = "") -> ConfigIssue:
    line, col = _culprit(exc)
    where = Location(file, line, col) if line > 0 else Location(file, 1, 1)
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        text = "end of file" if token.type == "$END" else \
            f"'{line_text[col - 1]}'" if 0 < col <= len(line_text) else f"'{str(token).splitlines()[0][:20]}'"
        # Lark's list of acceptable tokens names grammar terminals (ENDFOR, ...): no help to a reader.
        return ConfigIssue(Severity.ERROR, where, "", f"HCL syntax: unexpected {text}")
    if isinstance(exc, UnexpectedCharacters):
        return ConfigIssue(Severity.ERROR, where, "", f"HCL syntax: unexpected character {exc.char!r}")
    if isinstance(exc, UnexpectedEOF):
        return ConfigIssue(Severity.ERROR, where, "", "HCL syntax: the file ends inside a block or expression")
    return ConfigIssue(Severity.ERROR, where, "", f"HCL syntax: {str(exc).splitlines()[0]}")


MAX_SYNTAX_ERRORS = 10


def parse_hcl(text: str, file: str) -> tuple[Tree | None, list[ConfigIssue]]:
    """The parse tree, or the file's syntax errors: after each, the offending character is blanked and the text
    parsed again, so a stray ']' and a stray '.' further down are both reported (the parser stops at the first)."""
    problems: list[ConfigIssue] = []
    lines = text.split("\n")
    for _ in range(MAX_SYNTAX_ERRORS):
        try:
            tree = hcl2.parses_to_tree("\n".join(lines))
            return (tree if not problems else None), problems
        except (LarkError, UnexpectedInput) as exc:
            line, col = _culprit(exc)
            issue = _syntax_issue(exc, file, lines[line - 1] if 0 < line <= len(lines) else "")
            if problems and issue.location == problems[-1].location:
                break  # blanking did not get past it
            problems.append(issue)
            if not (0 < line <= len(lines) and 0 < col <= len(lines[line - 1])) or lines[line - 1][col - 1] in "{}\"":
                break  # the end of the file, or a bracket whose removal would cascade: stop at what is certain
            lines[line - 1] = lines[line - 1][:col - 1] + " " + lines[line - 1][col:]
    return None, problems


def once(get: Callable[[], N]) -> Callable[[], N]:
    cache: list[N] = []

    def run() -> N:
        if not cache:
            cache.append(get())
        return cache[0]

    return run


def label(t: Tree) -> str:
    if t.data == "identifier":
        return str(t.children[0])
    return "".join(str(p.children[0]) for p in t.children if isinstance(p, Tree))


def json_labelled(section: N, depth: int) -> list[tuple[list[str], N]]:
    """{"resource": {"type": {"name": {...}}}} -> (["type", "name"], body) pairs."""
    if depth == 0:
        return [([], section)] if section.is_map else []
    out = []
    for key, value in (section.v.items() if section.is_map else ()):  # type: ignore[union-attr]
        for labels, body in json_labelled(value, depth - 1) if depth > 1 else (
                [([], v) for v in (value.v if value.is_list else [value])]):
            out.append(([key, *labels], body))
    return out


def json_value(n: N, ev: Evaluator) -> N:
    """A .tf.json value: strings are templates ("${var.x}"), evaluated with the string's location."""
    if isinstance(n.v, str) and "${" in n.v:
        try:
            tree = hcl2.parses_to_tree("x = " + json.dumps(n.v) + "\n")
            expr = tree.children[0].children[0].children[-1]
            fixed = Evaluator(ev.file, ev.folder, ev.resolve, ev.params)
            fixed.loc = lambda _t: n.loc  # type: ignore[method-assign]
            return N(fixed.value(fixed.eval(expr), n.loc), n.loc)
        except EvalError as exc:
            return N(exc.issue(), n.loc)
        except (LarkError, UnexpectedInput) as exc:
            return N(ConfigIssue(Severity.ERROR, n.loc, "", f"template syntax: {str(exc).splitlines()[0]}"), n.loc)
    if isinstance(n.v, list):
        return N([json_value(i, ev) for i in n.v], n.loc)
    if isinstance(n.v, dict):
        return N({k: json_value(v, ev) for k, v in n.v.items()}, n.loc, n.keys)
    return n
