"""String templates: interpolation, the `%{ if }` and `%{ for }` directives, heredocs and templatefile().

Terraform, "Strings and Templates": "A ${ ... } sequence is an interpolation", "A %{ ... } sequence is a
directive, which allows for conditional results and iteration over collections" -- `%{ if <BOOL> }` / `%{ else }` /
`%{ endif }` and `%{ for <NAME> in <COLLECTION> }` / `%{ endfor }` -- and "you can strip whitespace by adding a tilde
(~) character immediately after the opening or immediately before the closing marker". Heredocs are templates too,
and `templatefile` renders a file "using a supplied set of template variables".
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import hcl2
from lark import Token, Tree

from emulator.config.importers.tf_values import EvalError, FileText, TfSet, as_text, only_template_vars, unescape
from emulator.issues import Location

if TYPE_CHECKING:
    from emulator.config.importers.hcl_eval import Evaluator

OPENERS = {"template_if_start": "endif", "template_for_start": "endfor"}
CLOSERS = {"template_else", "template_endif", "template_endfor"}


@dataclass
class Directive:
    """An if or for directive with the parts it holds (else_parts: an if's `%{ else }` branch)."""

    node: Tree
    parts: list[object] = field(default_factory=list)
    else_parts: list[object] = field(default_factory=list)


def render(ev: Evaluator, string_parts: list[Tree]) -> str:
    """A quoted template (a `string` node's parts) as text."""
    nested, rest = _nest(ev, [p.children[0] for p in string_parts])
    if rest:
        raise EvalError(ev.loc(rest[0]), f"%{{ {_keyword(rest[0])} }} without its opening directive")
    return "".join(_text(ev, nested))


def _keyword(node: Tree | Token) -> str:
    return str(node.data).removeprefix("template_").removesuffix("_start") if isinstance(node, Tree) else str(node)


def _nest(ev: Evaluator, items: list[Tree | Token]) -> tuple[list[object], list[Tree | Token]]:
    """The flat parts python-hcl2 gives, nested: each if/for holds its parts up to its end directive."""
    out: list[object] = []
    while items:
        item, items = items[0], items[1:]
        if isinstance(item, Tree) and item.data in CLOSERS:  # the caller checks it closes what it opened
            return out, [item, *items]
        if isinstance(item, Tree) and item.data in OPENERS:
            directive = Directive(item)
            directive.parts, items = _nest(ev, items)
            if items and items[0].data == "template_else" and item.data == "template_if_start":  # type: ignore[union-attr]
                directive.else_parts, items = _nest(ev, items[1:])
            if not items or items[0].data != f"template_{OPENERS[item.data]}":  # type: ignore[union-attr]
                raise EvalError(ev.loc(item), f"%{{ {_keyword(item)} }} without %{{ {OPENERS[item.data]} }}",
                                f"%{{ {OPENERS[item.data]} }} to close it")
            items = items[1:]
            out.append(directive)
        else:
            out.append(item)
    return out, []


def _text(ev: Evaluator, parts: list[object]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if isinstance(part, Token):
            text = str(part)
            out.append(text[1:] if part.type in ("ESCAPED_INTERPOLATION", "ESCAPED_DIRECTIVE") else unescape(text))
        elif isinstance(part, Directive):
            out += _if(ev, part) if part.node.data == "template_if_start" else _for(ev, part)
        elif isinstance(part, Tree) and part.data == "interpolation":
            expr = next(c for c in part.children if isinstance(c, Tree))
            out.append(as_text(ev.value(ev.eval(expr), ev.loc(part)), ev.loc(part)))
        else:
            raise EvalError(ev.loc(part), "a template part frontyard does not read")  # type: ignore[arg-type]
    return out


def _if(ev: Evaluator, directive: Directive) -> list[str]:
    cond = next(c for c in directive.node.children if isinstance(c, Tree))
    test = ev.truth(ev.value(ev.eval(cond), ev.loc(cond)), ev.loc(cond))
    return _text(ev, directive.parts if test else directive.else_parts)


def _for(ev: Evaluator, directive: Directive) -> list[str]:
    """`%{ for v in xs }` / `%{ for k, v in m }`: a map in key order, a list by index, a set by element."""
    kids = [c for c in directive.node.children if isinstance(c, Tree)]
    names = [str(c.children[0]) for c in kids if c.data == "identifier"]
    source = ev.value(ev.eval(kids[-1]), ev.loc(kids[-1]))
    if isinstance(source, dict):
        pairs: list[tuple[object, object]] = sorted(source.items())
    elif isinstance(source, TfSet):
        pairs = [(v, v) for v in source]
    elif isinstance(source, list):
        pairs = list(enumerate(source))
    else:
        raise EvalError(ev.loc(kids[-1]), f"%{{ for }} needs a list, set or map, not {source!r}")
    out: list[str] = []
    for key, value in pairs:
        inner = ev.child(dict(zip(names, [key, value], strict=True)) if len(names) == 2 else {names[0]: value})
        out += _text(inner, directive.parts)
    return out


def _strip_markers(text: str) -> str:
    """`~` beside a template marker removes the whitespace (newlines included) on that side of it."""
    text = re.sub(r"\s*([$%]\{)~", r"\1", text)
    return re.sub(r"~}\s*", "}", text)


def template_text(ev: Evaluator, text: str, loc: Location) -> str:
    """A template given as raw text (a heredoc's body, a templatefile's content), rendered by `ev`; an error in it
    is located at `loc`, where the template is written."""
    try:
        tree = hcl2.parses_to_tree("x = " + json.dumps(_strip_markers(text)) + "\n")
    except Exception as exc:  # python-hcl2 raises lark's many exception types: each is a syntax error here
        raise EvalError(loc, f"template syntax: {str(exc).splitlines()[0]}") from None
    string = next(tree.find_data("string"))
    try:
        return render(ev, [p for p in string.children if isinstance(p, Tree)])
    except EvalError as exc:
        if exc.loc is None or exc.loc.file == ev.file:  # a position in the re-parsed text: the template's own
            exc.loc = loc
        raise


def nested_string(ev: Evaluator, t: Tree) -> str:
    """A quoted string inside an interpolation of a re-parsed template (`${upper("x")}` in a heredoc or a
    templatefile): the parser sees it escaped, so it is unescaped and read as the quoted template it was."""
    try:
        source = json.loads('"' + str(t.children[0]) + '"')
        tree = hcl2.parses_to_tree("x = " + source + "\n")
    except Exception as exc:  # lark's exception types, json's ValueError: a syntax error in the template
        raise EvalError(ev.loc(t), f"template syntax: {str(exc).splitlines()[0]}") from None
    return render(ev, [p for p in next(tree.find_data("string")).children if isinstance(p, Tree)])


def heredoc(ev: Evaluator, t: Tree, trim: bool) -> str:
    """<<EOT and <<-EOT: the body (for <<-, less the smallest indentation of its lines) as a template."""
    raw = str(t.children[0])
    body = raw.split("\n", 1)[1].rsplit("\n", 2)[0] + "\n"
    if trim:
        lines = body.split("\n")
        indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
        body = "\n".join(line[indent:] for line in lines)
    if "${" not in body and "%{" not in body:
        return body
    heredoc_ev = ev.child({})
    heredoc_ev.file = f"{ev.file}<heredoc>"  # positions inside the re-parsed body are not the file's
    return template_text(heredoc_ev, body, ev.loc(t))


def read_file(ev: Evaluator, name: str, args: list[object], t: Tree) -> object:
    """file(), filebase64() and templatefile(), relative to the module's folder; the file is watched."""
    if not args or not isinstance(args[0], str) or len(args) != (2 if name == "templatefile" else 1):
        raise EvalError(ev.loc(t), f"{name}() takes a path" + (" and a map of variables"
                                                                  if name == "templatefile" else ""))
    path = (ev.folder / args[0]).resolve()
    ev.read.append(path)
    try:
        if name == "filebase64":
            return base64.b64encode(path.read_bytes()).decode()
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(ev.loc(t), f"{name}(\"{args[0]}\"): cannot read {path}: {exc}") from None
    if name != "templatefile":
        return FileText(content, path)
    if not isinstance(args[1], dict):
        raise EvalError(ev.loc(t), "templatefile(): the variables must be a map")
    inner = type(ev)(str(path), path.parent, only_template_vars, ev.params)  # only the variables given
    inner.scope = dict(args[1])
    return template_text(inner, content, Location(str(path), 1, 1))


__all__ = ["heredoc", "nested_string", "read_file", "render", "template_text"]
