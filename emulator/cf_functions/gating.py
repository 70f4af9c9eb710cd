"""Runtime gating: reject, at load, the JavaScript that CloudFront's runtimes do not accept.

QuickJS runs far more than CloudFront does, so what a runtime accepts is decided here, on a real
syntax tree (tree-sitter-javascript), never with regular expressions: a regex cannot tell `const`
in a string or a comment from a declaration, and a false rejection is as bad as a false acceptance.

The feature tables follow the runtime pages of the CloudFront Developer Guide
(functions-javascript-runtime-10 / -20). Syntax that the pages neither list as supported nor as
unsupported (shorthand properties, optional chaining, ...) is accepted: we only reject what the
documentation or the issue pins down, and say so in the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import tree_sitter_javascript
from tree_sitter import Language, Node, Parser

from .errors import Problem

RUNTIME_1 = "cloudfront-js-1.0"
RUNTIME_2 = "cloudfront-js-2.0"
RUNTIMES = (RUNTIME_1, RUNTIME_2)

# Modules a function may load, per runtime (DG/functions-javascript-runtime-*: "Built-in modules").
MODULES: dict[str, frozenset[str]] = {
    RUNTIME_1: frozenset({"crypto", "querystring"}),
    RUNTIME_2: frozenset({"crypto", "querystring", "buffer", "cloudfront"}),
}


@dataclass(frozen=True, slots=True)
class GatedSource:
    """Source accepted by the gate, rewritten so QuickJS can run it as a plain script.

    `import x from 'm'` lines become `var x = require('m')` padded to the same length and line count,
    so QuickJS line numbers in stack traces still point into the user's file.
    """

    script: str


@cache
def _parser() -> Parser:
    return Parser(Language(tree_sitter_javascript.language()))


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def _has_token(node: Node, token: str) -> bool:
    return any(not c.is_named and c.type == token for c in node.children)


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def _location(src: bytes, node: Node) -> tuple[int, int]:
    """1-based line and column counted in characters (tree-sitter columns are bytes)."""
    row, byte_col = node.start_point
    line_start = node.start_byte - byte_col
    col = len(src[line_start : node.start_byte].decode("utf-8", "replace")) + 1
    return row + 1, col


def _feature(node: Node, runtime: str) -> str | None:
    """The name of the unsupported feature `node` introduces under `runtime`, or None if it is fine."""
    if not node.is_named:  # keyword tokens share their type names with the nodes (`class`)
        return None
    kind = node.type
    # Both runtimes: none of these appear in either runtime's feature list.
    if kind in ("class_declaration", "class"):
        return "class"
    if kind in ("generator_function_declaration", "generator_function"):
        return "generator functions"
    if kind == "method_definition" and _has_token(node, "*"):
        return "generator functions"
    if kind == "yield_expression":
        return "yield"
    if kind in ("object_pattern", "array_pattern"):
        return "destructuring"
    if kind == "spread_element":
        return "spread syntax"
    if kind == "assignment_pattern" and node.parent is not None and node.parent.type == "formal_parameters":
        return "default parameters"
    if kind == "for_in_statement" and _has_token(node, "of"):
        return "for...of"
    if runtime == RUNTIME_2:
        return None
    # cloudfront-js-1.0 only.
    if kind == "export_statement":
        return "export"
    if kind == "lexical_declaration":
        return "let" if _has_token(node, "let") else "const"
    if kind == "for_in_statement":
        for token in ("const", "let"):
            if _has_token(node, token):
                return token
    functions = ("function_declaration", "function_expression", "arrow_function", "method_definition")
    if kind in functions and _has_token(node, "async"):
        return "async functions"
    if kind == "await_expression":
        return "await"
    if kind == "import_statement":
        return "import (ES modules)"
    if kind == "number" and "_" in _text(node):
        return "numeric separators"
    return None


def _syntax_problems(path: str, src: bytes, root: Node) -> list[Problem]:
    problems = []
    for node in _walk(root):
        if node.is_missing:
            line, col = _location(src, node)
            problems.append(Problem(path, line, col, f"syntax error: missing '{node.type}'"))
        elif node.type == "ERROR":
            line, col = _location(src, node)
            snippet = _text(node).splitlines()[0][:40] if _text(node) else ""
            problems.append(Problem(path, line, col, f"syntax error near '{snippet}'"))
    return problems


def _module_name(call: Node) -> tuple[Node, str] | None:
    """For `require('<literal>')` return the argument node and the module name."""
    fn = call.child_by_field_name("function")
    args = call.child_by_field_name("arguments")
    if fn is None or args is None or fn.type != "identifier" or _text(fn) != "require":
        return None
    named = [a for a in args.children if a.is_named]
    if len(named) != 1 or named[0].type != "string":
        return None
    return named[0], _text(named[0])[1:-1]


def _import_replacement(node: Node, module: str) -> str | None:
    """`var ...` text equivalent to an import statement, or None for a form we do not support."""
    clause = next((c for c in node.children if c.type == "import_clause"), None)
    if clause is None:  # `import 'crypto'`: a side-effect import
        return f"require('{module}');"
    parts: list[str] = []
    for child in clause.children:
        if child.type == "identifier":
            parts.append(f"{_text(child)} = require('{module}')")
        elif child.type == "namespace_import":
            ident = next(c for c in child.children if c.type == "identifier")
            parts.append(f"{_text(ident)} = require('{module}')")
        elif child.type == "named_imports":
            for spec in (c for c in child.children if c.type == "import_specifier"):
                name = spec.child_by_field_name("name")
                alias = spec.child_by_field_name("alias") or name
                if name is None or alias is None:
                    return None
                parts.append(f"{_text(alias)} = require('{module}').{_text(name)}")
    return "var " + ", ".join(parts) + ";" if parts else None


def _export_edit(node: Node) -> tuple[int, int, str] | str:
    """The edit that turns a cloudfront-js-2.0 `export` into plain script, or why it cannot be run.

    The runtime reads a 2.0 file as a module (`import cf from 'cloudfront'` works), so `export` is valid syntax
    there; nothing imports the exports (the edge calls the top-level `handler`), so they are dropped: the
    declaration stays, an `export {...}` list goes, `export default EXPR` keeps EXPR as a statement.
    """
    if node.parent is None or node.parent.type != "program":
        return "export must be at the top level"
    if any(not c.is_named and c.type in ("from", "*") for c in node.children):
        return "'export ... from' is not supported: only the runtime's built-in modules can be loaded"
    declaration = node.child_by_field_name("declaration")
    if declaration is not None:
        return node.start_byte, declaration.start_byte, ""
    value = node.child_by_field_name("value")
    if value is not None:
        return node.start_byte, value.start_byte, "void "
    return node.start_byte, node.end_byte, ""


def gate(path: str, code: str, runtime: str) -> tuple[GatedSource | None, list[Problem]]:
    """Check `code` against `runtime`; return the runnable script (None if rejected) and all problems."""
    if runtime not in RUNTIMES:
        return None, [Problem(path, 0, 0, f"unknown runtime {runtime!r} (expected one of {', '.join(RUNTIMES)})")]
    src = code.encode("utf-8")
    root = _parser().parse(src).root_node
    problems = _syntax_problems(path, src, root)
    edits: list[tuple[int, int, str]] = []
    for node in _walk(root):
        feature = _feature(node, runtime)
        if feature is not None:
            line, col = _location(src, node)
            problems.append(Problem(path, line, col, f"'{feature}' is not supported by {runtime}"))
            continue
        if node.type == "call_expression":
            found = _module_name(node)
            if found is not None and found[1] not in MODULES[runtime]:
                line, col = _location(src, found[0])
                problems.append(Problem(path, line, col, f"module '{found[1]}' is not available in {runtime}"))
        elif node.type == "export_statement":
            edit = _export_edit(node)
            if isinstance(edit, str):
                line, col = _location(src, node)
                problems.append(Problem(path, line, col, edit))
            else:
                edits.append(edit)
        elif node.type == "import_statement":
            source = node.child_by_field_name("source")
            module = _text(source)[1:-1] if source is not None else ""
            line, col = _location(src, node)
            if node.parent is None or node.parent.type != "program":
                problems.append(Problem(path, line, col, "import must be at the top level"))
            elif module not in MODULES[runtime]:
                problems.append(Problem(path, line, col, f"module '{module}' is not available in {runtime}"))
            else:
                replacement = _import_replacement(node, module)
                if replacement is None:
                    problems.append(Problem(path, line, col, "unsupported import form"))
                else:
                    edits.append((node.start_byte, node.end_byte, replacement))
    if problems:
        problems.sort(key=lambda p: (p.line, p.col))
        return None, problems
    return GatedSource(_apply_edits(src, edits)), []


def _apply_edits(src: bytes, edits: list[tuple[int, int, str]]) -> str:
    out = bytearray()
    pos = 0
    for start, end, text in sorted(edits):
        original = src[start:end]
        newlines = original.count(b"\n")
        # Keep every later line where it was: same number of newlines, padded when shorter.
        replacement = text.encode() + b"\n" * newlines
        width = len(original.split(b"\n")[-1]) if newlines else len(original)
        if not newlines and len(replacement) < width:
            replacement += b" " * (width - len(replacement))
        out += src[pos:start] + replacement
        pos = end
    out += src[pos:]
    return out.decode("utf-8")
