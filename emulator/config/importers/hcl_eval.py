"""HCL expressions, evaluated statically over python-hcl2's parse tree (which keeps every token's line/column).

Only what a CloudFront configuration needs: literals, templates, references (resolved by a callback), a handful
of functions, conditionals and operators. A reference that cannot be known before `terraform apply` stays a
`Ref`; using it as a value is a located error naming the expression and how to supply it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

from lark import Token, Tree

from emulator.config.importers.located import N
from emulator.config.importers.tf_functions import FUNCTIONS, FunctionError, number
from emulator.config.importers.tf_templates import heredoc, nested_string, read_file, render
from emulator.config.importers.tf_unknown import first_unknown, impure
from emulator.config.importers.tf_values import (
    BINARY,
    EvalError,
    Ref,
    TfSet,
    Unknown,
    Whole,
    as_text,
    numbers_equal,
    raise_issue,
    wrap,
)
from emulator.issues import ConfigIssue, Location

# root name -> (remaining traversal) -> value; raises EvalError; may return a Ref to keep traversing.
Resolve = Callable[[str, Location | None], object]


def _kids(t: Tree) -> list[Tree | Token]:
    return [c for c in t.children if not (isinstance(c, Tree) and c.data == "new_line_or_comment")]


def _trees(t: Tree) -> list[Tree]:
    return [c for c in _kids(t) if isinstance(c, Tree)]


def _is_template(t: Tree) -> bool:
    """A quoted string or heredoc: its type is string whatever it holds (read without evaluating it, so the
    result a conditional does not take reads no file and names no module)."""
    while isinstance(t, Tree) and t.data == "expr_term" and len(_trees(t)) == 1:
        t = _trees(t)[0]
    return isinstance(t, Tree) and t.data in ("string", "heredoc_template", "heredoc_template_trim")


class Evaluator:
    def __init__(self, file: str, folder: Path, resolve: Resolve, params: dict[str, str]) -> None:
        self.file = file
        self.folder = folder  # file("...") reads relative to the module
        self.resolve = resolve
        self.params = params
        self.read: list[Path] = []  # files read by file(): watched too
        self.scope: dict[str, object] = {}  # each, count, a dynamic block's iterator, a for expression's names

    def child(self, scope: dict[str, object]) -> Evaluator:
        """The same file and module with more names in scope (shares the list of files read)."""
        ev = copy.copy(self)
        ev.scope = {**self.scope, **scope}
        return ev

    def loc(self, t: Tree | Token) -> Location:
        if isinstance(t, Token):
            return Location(self.file, t.line or 0, t.column or 0)
        return Location(self.file, getattr(t.meta, "line", 0), getattr(t.meta, "column", 0))

    # -- located values (literal lists and objects keep each element's own location) ----------------------
    def located(self, t: Tree) -> N:
        inner = t
        while isinstance(inner, Tree) and inner.data == "expr_term" and len(_kids(inner)) == 1 \
                and isinstance(_kids(inner)[0], Tree):
            inner = _kids(inner)[0]  # type: ignore[assignment]
        try:
            if inner.data == "tuple":
                return N([self.located(e) for e in _trees(inner)], self.loc(t))
            if inner.data == "object":
                out: dict[str, N] = {}
                for elem in _trees(inner):
                    key_t, value_t = _trees(elem)[0], _trees(elem)[-1]
                    out[self.key(key_t)] = self.located(value_t)
                return N(out, self.loc(t))
            return wrap(self.value(self.eval(t), self.loc(t)), self.loc(t))
        except EvalError as exc:
            return N(exc.issue(), exc.loc or self.loc(t))

    def key(self, t: Tree) -> str:
        """An object key: a bare name is the name itself, anything else is evaluated."""
        kids = _kids(t)
        node = kids[0] if kids else t
        while isinstance(node, Tree) and node.data == "expr_term" and len(_kids(node)) == 1:
            node = _kids(node)[0]
        if isinstance(node, Tree) and node.data in ("identifier", "keyword"):
            return str(_kids(node)[0])
        return as_text(self.value(self.eval(node), self.loc(t)), self.loc(t))  # type: ignore[arg-type]

    def value(self, v: object, loc: Location | None, top: bool = True) -> object:
        """A finished value: a Ref left over becomes a parameter lookup or an error. Inside a list or a map an
        unknown stays an unknown element (an issue value): Terraform's partially-known values, an error only
        where the element itself is used."""
        if isinstance(v, Ref):
            if v.text in self.params:
                return self.params[v.text]
            unknown = Unknown(v.loc or loc, f"{v.text} is only known once Terraform has applied",
                              f"a value for it: --parameter '{v.text}=VALUE', or in the local overlay file: "
                              f"parameters: {{'{v.text}': VALUE}}", v.text)
            if top:
                raise unknown
            return unknown.issue()
        if isinstance(v, ConfigIssue):
            if top:
                raise_issue(v)
            return v
        if callable(v) and not isinstance(v, Whole):  # `var` or `local` without the name (a Whole is a value)
            error = EvalError(loc, "an incomplete reference", "var.NAME, local.NAME or TYPE.NAME.ATTRIBUTE")
            if top:
                raise error
            return error.issue()
        if isinstance(v, list):
            items = [self.value(i, loc, False) for i in v]
            return TfSet(items) if isinstance(v, TfSet) else items
        if isinstance(v, dict):
            return {k: self.value(i, loc, False) for k, i in v.items()}
        return v

    # -- expressions --------------------------------------------------------------------------------
    def eval(self, t: Tree | Token) -> object:
        if isinstance(t, Token):
            raise EvalError(self.loc(t), f"unexpected '{t}'")
        handler = getattr(self, f"_{t.data}", None)
        if handler is None:
            raise EvalError(self.loc(t), f"'{t.data.replace('_', ' ')}' expressions are not evaluated by frontyard",
                            "a literal value, a reference, or a simple function call")
        return handler(t)

    def _expr_term(self, t: Tree) -> object:
        return self.eval(_trees(t)[0])

    def _int_lit(self, t: Tree) -> object:
        return int(str(_kids(t)[0]))

    def _float_lit(self, t: Tree) -> object:
        return float(str(_kids(t)[0]))

    def _literal_value(self, t: Tree) -> object:
        return {"true": True, "false": False, "null": None}[str(_kids(t)[0])]

    def _string(self, t: Tree) -> object:
        return render(self, _trees(t))

    def _template_string(self, t: Tree) -> object:
        return nested_string(self, t)

    def _heredoc_template(self, t: Tree) -> object:
        return heredoc(self, t, trim=False)

    def _heredoc_template_trim(self, t: Tree) -> object:
        return heredoc(self, t, trim=True)

    def _tuple(self, t: Tree) -> object:
        return [self.eval(e) for e in _trees(t)]

    def _object(self, t: Tree) -> object:
        out = {}
        for elem in _trees(t):
            out[self.key(_trees(elem)[0])] = self.eval(_trees(elem)[-1])
        return out

    def _identifier(self, t: Tree) -> object:
        name = str(_kids(t)[0])
        if name in self.scope:
            return self.scope[name]
        return self.resolve(name, self.loc(t))

    def _get_attr_expr_term(self, t: Tree) -> object:
        base_t, attr_t = _trees(t)
        base = self.eval(base_t)
        name = str(_kids(_trees(attr_t)[0])[0])
        return self.traverse(base, name, attr_t)

    def _index_expr_term(self, t: Tree) -> object:
        base_t, index_t = _trees(t)
        base = self.eval(base_t)
        if index_t.data == "short_index":
            key: object = int(str(_kids(index_t)[1]))
        else:
            key = self.value(self.eval(_trees(index_t)[0]), self.loc(index_t))
        return self.traverse(base, key, index_t)

    def traverse(self, base: object, key: object, where: Tree) -> object:
        if isinstance(base, Ref):
            return base.attr(str(key))
        if isinstance(base, dict) and str(key) in base:
            return base[str(key)]
        if isinstance(base, list) and isinstance(key, str) and key.isdigit():
            key = int(key)
        if isinstance(base, list) and isinstance(key, int | float) and 0 <= key < len(base):
            return base[int(key)]
        if callable(base):
            return base(key)
        if base is None:
            raise EvalError(self.loc(where), f"cannot read '{key}' of null")
        raise EvalError(self.loc(where), f"no '{key}' in this value", f"one of: {', '.join(map(str, base))}"
                        if isinstance(base, dict) else "")

    def _splat(self, t: Tree) -> object:
        """aws_s3_bucket.b[*].arn: the traversal after the splat applied to each element (null: an empty list,
        a single value: a list of it, as Terraform's splat does)."""
        base_t, splat_t = _trees(t)
        base = self.eval(base_t)
        if isinstance(base, Ref):  # a splat over a value known only after apply is known only after apply too
            base = Ref(f"{base.text}[*]", base.loc)
        items = [] if base is None else base if isinstance(base, list) else [base]
        out = []
        for item in items:
            for step in _trees(splat_t):
                item = self._step(item, step)
            out.append(item)
        return out[0] if isinstance(base, Ref) else out

    _full_splat_expr_term = _attr_splat_expr_term = _splat

    def _step(self, base: object, step: Tree) -> object:
        if step.data == "get_attr":
            return self.traverse(base, str(_kids(_trees(step)[0])[0]), step)
        if step.data == "short_index":
            return self.traverse(base, int(str(_kids(step)[1])), step)
        return self.traverse(base, self.value(self.eval(_trees(step)[0]), self.loc(step)), step)

    def _for(self, t: Tree) -> list[tuple[Evaluator, object]]:
        """(scope, key) per element a for expression keeps: names bound, `if` applied."""
        intro = next(c for c in _trees(t) if c.data == "for_intro")
        names = [str(_kids(c)[0]) for c in _trees(intro) if c.data == "identifier"]
        source = self.value(self.eval(_trees(intro)[-1]), self.loc(intro))
        if isinstance(source, dict):
            pairs: list[tuple[object, object]] = sorted(source.items())
        elif isinstance(source, TfSet):  # a set's element is its own key
            pairs = [(v, v) for v in source]
        elif isinstance(source, list):
            pairs = list(enumerate(source))
        else:
            raise EvalError(self.loc(intro), f"a for expression needs a list, set or map, not {source!r}")
        cond = next((c for c in _trees(t) if c.data == "for_cond"), None)
        out = []
        for key, value in pairs:
            ev = self.child(dict(zip(names, [key, value], strict=False)) if len(names) == 2 else {names[0]: value})
            if cond is None or self.truth(ev.value(ev.eval(_trees(cond)[0]), ev.loc(cond)), ev.loc(cond)):
                out.append((ev, key))
        return out

    def _for_tuple_expr(self, t: Tree) -> object:
        body = next(c for c in _trees(t) if c.data not in ("for_intro", "for_cond"))
        return [ev.eval(body) for ev, _ in self._for(t)]

    def _for_object_expr(self, t: Tree) -> object:
        key_t, value_t = [c for c in _trees(t) if c.data not in ("for_intro", "for_cond")][:2]
        grouping = any(isinstance(c, Token) and c.type == "ELLIPSIS" for c in t.children)
        out: dict[str, object] = {}
        for ev, _ in self._for(t):
            key = as_text(ev.value(ev.eval(key_t), ev.loc(key_t)), ev.loc(key_t))
            if grouping:
                out.setdefault(key, []).append(ev.eval(value_t))  # type: ignore[union-attr]
            elif key in out:
                raise EvalError(ev.loc(key_t), f"duplicate key '{key}' in a for expression",
                                "distinct keys, or `...` after the value to group them")
            else:
                out[key] = ev.eval(value_t)
        return out

    def truth(self, value: object, loc: Location) -> bool:
        """A condition: a bool, or a string Terraform converts ("true"/"false"); null and others are errors."""
        if isinstance(value, bool):
            return value
        if value in ("true", "false"):
            return value == "true"
        raise EvalError(loc, f"a condition must be a bool, not {value!r}", "true or false")

    def _conditional(self, t: Tree) -> object:
        """Terraform, "Conditional Expressions": "The two result values may be of any type, but they must both be
        of the same type so that Terraform can determine what type the whole conditional expression will return"
        -- `var.x ? 1 : "none"` is a string either way, so a number or bool chosen beside a string becomes one."""
        cond, yes, no = _trees(t)
        test = self.truth(self.value(self.eval(cond), self.loc(cond)), self.loc(cond))
        chosen, other = (yes, no) if test else (no, yes)
        value = self.eval(chosen)
        if isinstance(value, bool | int | float) and _is_template(other):
            return as_text(value, self.loc(chosen))
        return value

    def _binary_op(self, t: Tree) -> object:
        left_t, term = _trees(t)[:2]
        op = str(_kids(_trees(term)[0])[0])
        left = self.value(self.eval(left_t), self.loc(left_t))
        if op in ("&&", "||"):  # Terraform evaluates both operands; both must be bools
            right = self.value(self.eval(_trees(term)[1]), self.loc(term))
            a, b = self.truth(left, self.loc(left_t)), self.truth(right, self.loc(term))
            return (a and b) if op == "&&" else (a or b)
        right = self.value(self.eval(_trees(term)[1]), self.loc(term))
        if op in ("==", "!="):
            return ((left == right and type(left) is type(right)) or numbers_equal(left, right)) == (op == "==")
        try:
            a, b = number(left), number(right)  # Terraform converts "2" to 2 for arithmetic and comparison
            return BINARY[op](a, b)
        except (TypeError, ZeroDivisionError, FunctionError) as exc:
            raise EvalError(self.loc(t), f"cannot compute {left!r} {op} {right!r}: {exc}") from None

    def _unary_op(self, t: Tree) -> object:
        op, operand = _kids(t)
        value = self.value(self.eval(operand), self.loc(t))  # type: ignore[arg-type]
        if str(op) == "!":
            return not self.truth(value, self.loc(t))
        try:
            return -number(value)  # type: ignore[operator]
        except (TypeError, FunctionError) as exc:
            raise EvalError(self.loc(t), f"cannot negate {value!r}: {exc}") from None

    def _function_call(self, t: Tree) -> object:
        name = str(_kids(_trees(t)[0])[0])
        args_t = next((c for c in _trees(t) if c.data == "arguments"), None)
        arg_trees = _trees(args_t) if args_t is not None else []
        if name in ("try", "can"):
            return self.try_can(name, arg_trees, t)
        args = [self.value(self.eval(a), self.loc(a)) for a in arg_trees]
        if args_t is not None and any(isinstance(c, Token) and c.type == "ELLIPSIS" for c in args_t.children):
            if not args or not isinstance(args[-1], list):
                raise EvalError(self.loc(t), f"{name}(...): the last argument must be a list to expand")
            args = [*args[:-1], *args[-1]]
        if name in ("file", "filebase64", "templatefile"):
            return read_file(self, name, args, t)
        if (unknown := impure(name, self.loc(t))) is not None:  # uuid(), timestamp(): known once applied
            raise unknown
        fn = FUNCTIONS.get(name)
        if fn is None:
            raise EvalError(self.loc(t), f"function {name}() is not evaluated by frontyard",
                            f"one of: file, filebase64, templatefile, try, can, {', '.join(sorted(FUNCTIONS))}")
        try:
            return fn(*args)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError, re.error, OverflowError) as exc:
            raise (first_unknown(args) or EvalError(self.loc(t), f"{name}(): {exc}")) from None

    def try_can(self, name: str, args: list[Tree], t: Tree) -> object:
        """try(): the first argument that evaluates without an error; can(): whether the one does. An unknown
        value or a missing input is not an error they catch (Terraform returns unknown, or asks for the input)."""
        for arg in args:
            try:
                value = self.value(self.eval(arg), self.loc(arg))
            except Unknown:
                raise
            except EvalError:
                continue
            return True if name == "can" else value
        if name == "can":
            return False
        raise EvalError(self.loc(t), "try(): no argument evaluated without an error")
