"""HCL expressions, evaluated statically over python-hcl2's parse tree (which keeps every token's line/column).

Only what a CloudFront configuration needs: literals, templates, references (resolved by a callback), a handful
of functions, conditionals and operators. A reference that cannot be known before `terraform apply` stays a
`Ref`; using it as a value is a located error naming the expression and how to supply it.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lark import Token, Tree

from emulator.config.importers.located import N
from emulator.issues import ConfigIssue, Location, Severity


class EvalError(Exception):
    def __init__(self, loc: Location | None, message: str, expected: str = "") -> None:
        super().__init__(message)
        self.loc, self.message, self.expected = loc, message, expected

    def issue(self) -> ConfigIssue:
        return ConfigIssue(Severity.ERROR, self.loc, "", self.message, self.expected)


class FileText(str):
    """What file("x.js") returned: the text, remembering its path (a function's code stays a file)."""

    path: Path

    def __new__(cls, text: str, path: Path) -> FileText:
        value = super().__new__(cls, text)
        value.path = path
        return value


@dataclass(frozen=True)
class Ref:
    """A traversal (data.x.y.outputs["k"]) nothing here can resolve: text is what --parameter supplies."""

    text: str
    loc: Location | None

    def attr(self, name: str) -> Ref:
        return Ref(f"{self.text}.{name}", self.loc)


# root name -> (remaining traversal) -> value; raises EvalError; may return a Ref to keep traversing.
Resolve = Callable[[str, Location | None], object]


def _kids(t: Tree) -> list[Tree | Token]:
    return [c for c in t.children if not (isinstance(c, Tree) and c.data == "new_line_or_comment")]


def _trees(t: Tree) -> list[Tree]:
    return [c for c in _kids(t) if isinstance(c, Tree)]


class Evaluator:
    def __init__(self, file: str, folder: Path, resolve: Resolve, params: dict[str, str]) -> None:
        self.file = file
        self.folder = folder  # file("...") reads relative to the module
        self.resolve = resolve
        self.params = params
        self.read: list[Path] = []  # files read by file(): watched too

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
            return N(self.value(self.eval(t), self.loc(t)), self.loc(t))
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
        return str(self.value(self.eval(t), self.loc(t)))

    def value(self, v: object, loc: Location | None) -> object:
        """A finished value: a Ref left over becomes a parameter lookup or an error."""
        if isinstance(v, Ref):
            if v.text in self.params:
                return self.params[v.text]
            raise EvalError(v.loc or loc, f"{v.text} is only known once Terraform has applied",
                            f"a value for it: --parameter '{v.text}=VALUE', or in the local overlay file: "
                            f"parameters: {{'{v.text}': VALUE}}")
        if callable(v):  # `var`, `local` or a resource without the attribute after it
            raise EvalError(loc, "an incomplete reference", "var.NAME, local.NAME or TYPE.NAME.ATTRIBUTE")
        if isinstance(v, list):
            return [self.value(i, loc) for i in v]
        if isinstance(v, dict):
            return {k: self.value(i, loc) for k, i in v.items()}
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
        out = []
        for part in _trees(t):
            child = part.children[0]
            if isinstance(child, Token):
                text = str(child)
                if child.type in ("ESCAPED_INTERPOLATION", "ESCAPED_DIRECTIVE"):
                    out.append(text[1:])
                else:
                    out.append(_unescape(text))
            elif child.data == "interpolation":
                value = self.value(self.eval(_trees(child)[0]), self.loc(child))
                out.append(_text(value, self.loc(child)))
            else:
                raise EvalError(self.loc(child), "template directives (%{ }) are not evaluated by frontyard")
        return "".join(out)

    def _heredoc_template(self, t: Tree) -> object:
        text = str(_kids(t)[0])
        body = text.split("\n", 1)[1].rsplit("\n", 2)[0] + "\n"
        if "${" in body.replace("$${", ""):
            raise EvalError(self.loc(t), "interpolation inside a heredoc is not evaluated by frontyard",
                            "file(\"code.js\") for function code")
        return body.replace("$${", "${")

    def _heredoc_template_trim(self, t: Tree) -> object:
        lines = str(self._heredoc_template(t)).split("\n")
        indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
        return "\n".join(line[indent:] for line in lines)

    def _tuple(self, t: Tree) -> object:
        return [self.eval(e) for e in _trees(t)]

    def _object(self, t: Tree) -> object:
        out = {}
        for elem in _trees(t):
            out[self.key(_trees(elem)[0])] = self.eval(_trees(elem)[-1])
        return out

    def _identifier(self, t: Tree) -> object:
        return self.resolve(str(_kids(t)[0]), self.loc(t))

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
        if isinstance(base, list) and isinstance(key, int) and -len(base) <= key < len(base):
            return base[key]
        if callable(base):
            return base(key)
        raise EvalError(self.loc(where), f"no '{key}' in this value", f"one of: {', '.join(map(str, base))}"
                        if isinstance(base, dict) else "")

    def _conditional(self, t: Tree) -> object:
        cond, yes, no = _trees(t)
        test = self.value(self.eval(cond), self.loc(cond))
        return self.eval(yes) if test else self.eval(no)

    def _binary_op(self, t: Tree) -> object:
        left_t, term = _trees(t)[:2]
        op = str(_kids(_trees(term)[0])[0])
        left = self.value(self.eval(left_t), self.loc(left_t))
        right = self.value(self.eval(_trees(term)[1]), self.loc(term))
        ops: dict[str, Callable[[object, object], object]] = {
            "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "&&": lambda a, b: bool(a and b),
            "||": lambda a, b: bool(a or b), "+": lambda a, b: a + b, "-": lambda a, b: a - b,  # type: ignore
            "*": lambda a, b: a * b, "/": lambda a, b: a / b, "%": lambda a, b: a % b,  # type: ignore
            "<": lambda a, b: a < b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,  # type: ignore
            ">=": lambda a, b: a >= b}  # type: ignore
        try:
            return ops[op](left, right)
        except (TypeError, ZeroDivisionError) as exc:
            raise EvalError(self.loc(t), f"cannot compute {left!r} {op} {right!r}: {exc}") from None

    def _unary_op(self, t: Tree) -> object:
        op, operand = _kids(t)
        value = self.value(self.eval(operand), self.loc(t))  # type: ignore[arg-type]
        return not value if str(op) == "!" else -value  # type: ignore[operator]

    def _function_call(self, t: Tree) -> object:
        name = str(_kids(_trees(t)[0])[0])
        args_t = next((c for c in _trees(t) if c.data == "arguments"), None)
        args = [self.value(self.eval(a), self.loc(a)) for a in _trees(args_t)] if args_t is not None else []
        fn = FUNCTIONS.get(name)
        if name == "file":
            return self.read_file(args, t)
        if fn is None:
            raise EvalError(self.loc(t), f"function {name}() is not evaluated by frontyard",
                            f"one of: file, {', '.join(sorted(FUNCTIONS))}")
        try:
            return fn(*args)
        except (TypeError, ValueError, IndexError, KeyError) as exc:
            raise EvalError(self.loc(t), f"{name}(): {exc}") from None

    def read_file(self, args: list[object], t: Tree) -> object:
        if len(args) != 1 or not isinstance(args[0], str):
            raise EvalError(self.loc(t), "file() takes one path")
        path = (self.folder / args[0]).resolve()
        self.read.append(path)
        try:
            return FileText(path.read_text(encoding="utf-8"), path)
        except (OSError, UnicodeDecodeError) as exc:
            raise EvalError(self.loc(t), f"file(\"{args[0]}\"): cannot read {path}: {exc}") from None


def _unescape(text: str) -> str:
    return json.loads('"' + text.replace("\t", "\\t") + '"') if "\\" in text else text


def _text(value: object, loc: Location) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    raise EvalError(loc, f"cannot put {type(value).__name__} {value!r} into a string")


def _lookup(m: dict, key: str, *default: object) -> object:
    return m[key] if key in m or not default else default[0]


FUNCTIONS: dict[str, Callable[..., object]] = {
    "format": lambda f, *a: re.sub(r"%[sdv]", "{}", f).format(*a), "join": lambda sep, xs: sep.join(map(str, xs)),
    "split": lambda sep, s: s.split(sep), "element": lambda xs, i: xs[int(i) % len(xs)],
    "lower": str.lower, "upper": str.upper, "replace": lambda s, a, b: s.replace(a, b),
    "trimprefix": lambda s, p: s.removeprefix(p), "trimsuffix": lambda s, p: s.removesuffix(p),
    "concat": lambda *xs: [i for x in xs for i in x], "lookup": _lookup,
    "merge": lambda *ms: {k: v for m in ms for k, v in m.items()}, "length": len, "tostring": str,
    "tonumber": lambda x: int(x) if str(x).lstrip("-").isdigit() else float(x), "tolist": list,
    "toset": lambda xs: list(dict.fromkeys(xs)), "coalesce": lambda *xs: next(x for x in xs if x not in (None, "")),
    "jsonencode": lambda x: json.dumps(x, separators=(",", ":")), "jsondecode": json.loads,
    "base64encode": lambda s: base64.b64encode(s.encode()).decode(), "trimspace": str.strip,
}
