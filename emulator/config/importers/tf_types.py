"""Variable type constraints, and converting a value to one as Terraform does.

Terraform's "Type Constraints" page: "Terraform will automatically convert number and bool values to strings
when needed, and vice-versa as long as the string contains a valid representation of a number or boolean
value" ("true" and "false" for bool); an object type "will discard any additional attributes" and an
`optional(type, default)` attribute that is omitted takes the default (null without one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Tree

from emulator.config.importers.hcl_eval import Evaluator, _kids, _trees
from emulator.config.importers.tf_functions import FunctionError, boolean, number, text
from emulator.config.importers.tf_values import EvalError, set_order
from emulator.issues import ConfigIssue, Location

PRIMITIVES = {"string", "number", "bool", "any"}
COLLECTIONS = {"list", "set", "map"}


@dataclass(frozen=True)
class Type:
    kind: str  # string, number, bool, any, list, set, map, object, tuple
    element: Type | None = None  # list / set / map
    attrs: dict[str, tuple[Type, bool, Tree | None]] = field(default_factory=dict)  # object: type, optional, default
    items: tuple[Type, ...] = ()  # tuple


ANY = Type("any")


def parse_type(t: Tree, ev: Evaluator) -> Type:
    """A type expression (string, list(string), object({a = optional(number, 1)}), ...) -> Type."""
    node = _unwrap(t)
    if node.data == "identifier":
        name = str(_kids(node)[0])
        if name in PRIMITIVES:
            return Type(name)
        if name in COLLECTIONS:  # the bare `list` of older Terraform: any element
            return Type(name, ANY)
    if node.data == "function_call":
        name = str(_kids(_trees(node)[0])[0])
        args = next((_trees(c) for c in _trees(node) if c.data == "arguments"), [])
        if name in COLLECTIONS and len(args) == 1:
            return Type(name, parse_type(args[0], ev))
        if name == "tuple" and len(args) == 1 and _unwrap(args[0]).data == "tuple":
            return Type("tuple", items=tuple(parse_type(i, ev) for i in _trees(_unwrap(args[0]))))
        if name == "object" and len(args) == 1 and _unwrap(args[0]).data == "object":
            return Type("object", attrs=_object_attrs(_unwrap(args[0]), ev))
    raise EvalError(ev.loc(t), "not a type constraint frontyard reads", "string, number, bool, any, list(T), set(T), "
                    "map(T), object({...}), tuple([...])")


def _object_attrs(obj: Tree, ev: Evaluator) -> dict[str, tuple[Type, bool, Tree | None]]:
    out: dict[str, tuple[Type, bool, Tree | None]] = {}
    for elem in _trees(obj):
        key, value = ev.key(_trees(elem)[0]), _unwrap(_trees(elem)[-1])
        if value.data == "function_call" and str(_kids(_trees(value)[0])[0]) == "optional":
            args = next((_trees(c) for c in _trees(value) if c.data == "arguments"), [])
            out[key] = (parse_type(args[0], ev), True, args[1] if len(args) > 1 else None)
        else:
            out[key] = (parse_type(value, ev), False, None)
    return out


def _unwrap(t: Tree) -> Tree:
    while isinstance(t, Tree) and t.data == "expr_term" and len(_kids(t)) == 1 and isinstance(_kids(t)[0], Tree):
        t = _kids(t)[0]  # type: ignore[assignment]
    return t


# long: one branch per kind of type, each a line or two; split, the conversion rules would be harder to compare
def convert(value: object, ty: Type, loc: Location | None, ev: Evaluator, what: str) -> object:
    """value as type ty, or a located error naming `what` (var.NAME) and the type expected."""
    if value is None or ty.kind == "any" or isinstance(value, ConfigIssue):
        return value  # an unknown element converts when it is known
    try:
        if ty.kind == "string":
            if isinstance(value, list | dict):
                raise FunctionError(f"a string is required, not a {type(value).__name__}")
            return text(value)
        if ty.kind == "number":
            return number(value)
        if ty.kind == "bool":
            return boolean(value)
    except FunctionError as exc:
        raise EvalError(loc, f"{what}: {exc}", f"a {ty.kind}") from None
    if ty.kind in ("list", "set", "tuple"):
        if not isinstance(value, list):
            raise EvalError(loc, f"{what}: a {ty.kind} is required, not {value!r}")
        if ty.kind == "tuple":
            if len(value) != len(ty.items):
                raise EvalError(loc, f"{what}: a tuple of {len(ty.items)} elements is required")
            return [convert(v, t, loc, ev, f"{what}[{i}]") for i, (v, t) in enumerate(zip(value, ty.items,
                                                                                         strict=True))]
        assert ty.element is not None
        out = [convert(v, ty.element, loc, ev, f"{what}[{i}]") for i, v in enumerate(value)]
        return set_order(out) if ty.kind == "set" else out
    if not isinstance(value, dict):
        raise EvalError(loc, f"{what}: a {ty.kind} is required, not {value!r}")
    if ty.kind == "map":
        assert ty.element is not None
        return {k: convert(v, ty.element, loc, ev, f'{what}["{k}"]') for k, v in value.items()}
    obj: dict[str, object] = {}
    for name, (attr_type, optional, default) in ty.attrs.items():
        if value.get(name) is not None:
            obj[name] = convert(value[name], attr_type, loc, ev, f"{what}.{name}")
        elif optional:  # omitted or null: the default
            fallback = ev.value(ev.eval(default), loc) if default is not None else None
            obj[name] = convert(fallback, attr_type, loc, ev, f"{what}.{name}")
        elif name in value:
            obj[name] = None
        else:
            raise EvalError(loc, f"{what}: attribute '{name}' is required")
    return obj


__all__ = ["ANY", "Type", "convert", "parse_type"]
