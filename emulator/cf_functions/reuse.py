"""Reusing one QuickJS context across invocations, where that provably cannot leak state.

A fresh context per invocation is the simple way to isolate requests, but building one costs far more
than most handlers (a bare QuickJS context alone is ~150 µs; the prelude and code several times that).
So a function whose state provably cannot outlive an invocation runs on one *frozen* context per worker:

1. Nothing of the user's runs while the context is built (checked here on the tree-sitter syntax tree):
   the top level holds only function declarations, `var`/`const` whose initialisers are constants,
   object/array literals, function expressions or `require('<module>')`, so no closure is created over
   anything but the global scope, and top-level `let` (a binding that could be reassigned) is absent.
2. After the top level has run, everything reachable from the global object, the hidden intrinsics
   (iterator and generator prototypes, ...) and the top-level `const` values is deep-frozen
   (`__cf_freeze` in core.js; our modules are compiled first). Objects whose state is in internal slots
   (Map, Set, Date, typed arrays, ...) cannot be frozen: if one is reachable, the function is not reused.
   The user's code is strict, so a write to frozen state throws instead of failing silently.

Every invocation therefore starts from the same state: isolation holds by construction, not by a check
after the fact. A write that would have succeeded at the edge (`Array.prototype.x = 1` inside the
handler, a property shadowing a frozen `Object.prototype` method) throws here; any invocation that does
not end cleanly is run again on a fresh, unfrozen context, whose answer is the one returned, and the
frozen context is dropped. For that rerun to give the edge's answer the function must not be able to
catch the TypeError: code with `try`, promise rejection handlers (`.catch`, `.then`, `.finally`,
`allSettled`, `any`) or reflection that observes frozenness (`Reflect`, `Object.isFrozen`, property
descriptors) is not reused.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from .gating import _parser, _text, _walk

# Names whose presence means the code could catch or observe the frozen state instead of failing.
_OBSERVERS = frozenset({"then", "catch", "finally", "allSettled", "any", "Reflect", "isFrozen", "isSealed",
                        "isExtensible", "getOwnPropertyDescriptor", "getOwnPropertyDescriptors", "compile"})
_PROMISE_NAMES = frozenset({"Promise", "kvs", "get", "exists", "meta", "cloudfront", "cf"})
_CONSTANTS = frozenset({"string", "number", "true", "false", "null", "undefined", "regex", "comment"})


@dataclass(frozen=True, slots=True)
class ReusePlan:
    """Whether a function may run on one frozen context, why (for the docs and tests), and the top-level
    `const` names whose values must be frozen too (they are not properties of the global object)."""

    reusable: bool
    why: str
    lexical: tuple[str, ...] = ()
    may_queue_jobs: bool = True  # the code names promises (async, await, Promise, the KeyValueStore)


NOT_PLANNED = ReusePlan(False, "not planned")


def plan_reuse(script: str) -> ReusePlan:
    """Decide on the gated script (what QuickJS runs) whether its contexts may be reused."""
    root = _parser().parse(script.encode("utf-8")).root_node
    for node in _walk(root):
        if node.type == "try_statement":
            return ReusePlan(False, "it has a try statement (it could catch a write to frozen state)")
        if node.type in ("identifier", "property_identifier") and _text(node) in _OBSERVERS:
            return ReusePlan(False, f"it uses '{_text(node)}' (it could observe or catch frozen state)")
        if node.type == "string" and _text(node)[1:-1] in _OBSERVERS:
            return ReusePlan(False, f"it names '{_text(node)[1:-1]}' (it could observe or catch frozen state)")
    lexical: list[str] = []
    for statement in root.named_children:
        kind = statement.type
        if kind in ("function_declaration", "empty_statement", "comment"):
            continue
        if kind == "expression_statement" and all(c.type == "string" for c in statement.named_children):
            continue  # "use strict"
        if kind in ("variable_declaration", "lexical_declaration"):
            if kind == "lexical_declaration" and _text(statement).startswith("let"):
                return ReusePlan(False, "a top-level 'let' binding could be reassigned by one invocation")
            for declarator in statement.named_children:
                if declarator.type == "comment":
                    continue
                name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
                if name is None or name.type != "identifier":
                    return ReusePlan(False, "a top-level declaration is not a plain name")
                if value is not None and not _inert(value):
                    return ReusePlan(False, f"the top-level initialiser of '{_text(name)}' runs code")
                if kind == "lexical_declaration":
                    lexical.append(_text(name))
            continue
        return ReusePlan(False, f"the top level runs a {kind.replace('_', ' ')}")
    jobs = any(node.type in ("async", "await", "await_expression") or
               (node.type in ("identifier", "property_identifier") and _text(node) in _PROMISE_NAMES)
               for node in _walk(root))
    return ReusePlan(True, "the top level only declares; nothing of the user's runs before the handler",
                     tuple(lexical), jobs)


def _inert(node: Node) -> bool:
    """An initialiser that evaluates without calling anything of the user's (and so captures nothing)."""
    kind = node.type
    if kind in _CONSTANTS or kind in ("function_expression", "function", "arrow_function", "identifier"):
        return True
    if kind == "template_string":
        return not any(c.type == "template_substitution" for c in node.named_children)
    if kind == "parenthesized_expression":
        return all(_inert(c) for c in node.named_children)
    if kind in ("unary_expression", "binary_expression"):  # 60 * 60, -1: only between constants
        return all(c.type in _CONSTANTS or (c.type in ("unary_expression", "binary_expression",
                                                       "parenthesized_expression") and _inert(c))
                   for c in node.named_children)
    if kind == "array":
        return all(_inert(c) for c in node.named_children)
    if kind == "object":
        for member in node.named_children:
            if member.type == "pair":
                key, value = member.child_by_field_name("key"), member.child_by_field_name("value")
                if key is None or key.type == "computed_property_name" or value is None or not _inert(value):
                    return False
            elif member.type not in ("method_definition", "shorthand_property_identifier", "comment"):
                return False
        return True
    if kind == "call_expression":  # require('crypto'), as imports are rewritten
        fn, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
        return (fn is not None and fn.type == "identifier" and _text(fn) == "require" and args is not None
                and [a.type for a in args.named_children] == ["string"])
    if kind == "member_expression":  # require('crypto').createHash
        obj = node.child_by_field_name("object")
        return obj is not None and obj.type == "call_expression" and _inert(obj)
    return False
