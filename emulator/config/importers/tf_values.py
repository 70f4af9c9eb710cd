"""The values an HCL evaluation produces besides plain ones: references known only after apply, file text that
remembers its path, and the errors (an unknown value, a missing input) the importer reports once each."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from emulator.config.importers.located import N
from emulator.config.importers.result import Missing
from emulator.issues import ConfigIssue, Location, Severity

__all__ = ["BINARY", "EvalError", "FileText", "MissingInput", "MissingValue", "Ref", "TfSet", "Unknown", "UnknownValue",
           "Whole", "numbers_equal", "only_template_vars", "raise_issue", "set_order", "wrap"]


class EvalError(Exception):
    def __init__(self, loc: Location | None, message: str, expected: str = "") -> None:
        super().__init__(message)
        self.loc, self.message, self.expected = loc, message, expected

    def issue(self) -> ConfigIssue:
        return ConfigIssue(Severity.ERROR, self.loc, "", self.message, self.expected)


class Unknown(EvalError):
    """A value known only after `terraform apply` was used: try() does not catch it (Terraform: "try ... returns
    an unknown value"), and it is an error only where the local edge needs the value."""

    def __init__(self, loc: Location | None, message: str, expected: str, name: str, settable: bool = True) -> None:
        super().__init__(loc, message, expected)
        self.name, self.settable = name, settable

    def issue(self) -> ConfigIssue:
        return UnknownValue(Severity.ERROR, self.loc, "", self.message, self.expected, self.name,
                            settable=self.settable)


class MissingInput(Unknown):
    """A variable without a default or a value: Terraform asks for it before evaluating anything."""

    def issue(self) -> ConfigIssue:
        return MissingValue(Severity.ERROR, self.loc, "", self.message, self.expected, self.name)


@dataclass(frozen=True)
class UnknownValue(Missing):
    """What only a deployment knows, or an input nobody gave (name: the --parameter to give): a `Missing`, so it
    is reported once and `frontyard import --overlay-template` lists it."""


@dataclass(frozen=True)
class MissingValue(UnknownValue):
    """An input variable nothing gives a value."""


class FileText(str):
    """What file("x.js") returned: the text, remembering its path (a function's code stays a file)."""

    path: Path

    def __new__(cls, text: str, path: Path) -> FileText:
        value = super().__new__(cls, text)
        value.path = path
        return value


class TfSet(list):
    """A set value (toset(), a set(...) variable), kept in the order Terraform iterates it. It differs from a list
    where Terraform says so: "If the for_each expression produces a set value then key is identical to value"
    ("dynamic Blocks"), and a for expression over a set binds the element to both names."""


def set_order(items: list) -> TfSet:
    """Distinct elements in Terraform's set order: numbers by value, strings (and a mix of primitives, which
    toset() makes strings) lexically."""
    out: list = []
    for item in items:  # 1 and true are different members (Python's == says otherwise)
        if not any(o == item and type(o) is type(item) for o in out):
            out.append(item)
    if out and all(isinstance(i, int | float) and not isinstance(i, bool) for i in out):
        return TfSet(sorted(out))
    if all(isinstance(i, str | int | float | bool) for i in out):
        strings = ["true" if i is True else "false" if i is False else str(int(i)) if isinstance(i, float)
                   and i.is_integer() else str(i) for i in out]
        return TfSet(sorted(dict.fromkeys(strings)))
    return TfSet(sorted(out, key=lambda x: json.dumps(x, sort_keys=True, default=str)))


@dataclass(frozen=True)
class Ref:
    """A traversal (data.x.y.outputs["k"]) nothing here can resolve: text is what --parameter supplies."""

    text: str
    loc: Location | None

    def attr(self, name: str) -> Ref:
        return Ref(f"{self.text}.{name}", self.loc)


class Whole:
    """A resource or a module call named without an attribute (`aws_s3_bucket.b[0]`, `module.site`): in Terraform
    an object value, so a local or an output can hold it whole and a later traversal reads one attribute of it
    (read only then, as every attribute is read only when used)."""

    def __init__(self, label: str, get: Callable[[str], object]) -> None:
        self.label, self.get = label, get

    def __call__(self, key: object) -> object:
        return self.get(str(key))

    def __repr__(self) -> str:
        return f"the whole object {self.label}"


def raise_issue(v: object) -> None:
    """A value that is an issue (an expression that failed elsewhere) raised again, keeping what kind it is."""
    if isinstance(v, MissingValue):
        raise MissingInput(v.location, v.message, v.expected, v.name, v.settable)
    if isinstance(v, UnknownValue):
        raise Unknown(v.location, v.message, v.expected, v.name, v.settable)
    if isinstance(v, ConfigIssue):
        raise EvalError(v.location, v.message, v.expected)


def only_template_vars(name: str, loc: Location | None) -> object:
    raise EvalError(loc, f"'{name}' is not one of the template's variables")


def numbers_equal(a: object, b: object) -> bool:
    return isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool) \
        and not isinstance(b, bool) and a == b


BINARY: dict[str, Callable[[object, object], object]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,  # type: ignore[operator]
    "/": lambda a, b: a / b, "%": lambda a, b: a % b, "<": lambda a, b: a < b,  # type: ignore[operator]
    ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}  # type: ignore[operator]


def wrap(value: object, loc: Location) -> N:
    """A computed value as a located one: every element located at the expression that computed it."""
    if isinstance(value, ConfigIssue):
        return N(value, value.location or loc)
    if isinstance(value, dict):
        return N({str(k): wrap(v, loc) for k, v in value.items()}, loc)
    if isinstance(value, list):
        return N(type(value)(wrap(v, loc) for v in value), loc)
    return N(value, loc)


def unescape(text: str) -> str:
    """A quoted template literal's escapes (\\n, \\", \\uNNNN), as JSON reads them."""
    return json.loads('"' + text.replace("\t", "\\t") + '"') if "\\" in text else text


def as_text(value: object, loc: Location) -> str:
    """A value interpolated into a string, as Terraform converts it (bool to true/false)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    raise EvalError(loc, f"cannot put {type(value).__name__} {value!r} into a string")
