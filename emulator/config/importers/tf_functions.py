"""Terraform's built-in functions that CloudFront modules call, with Terraform's semantics ("Functions" in the
Terraform language documentation, https://developer.hashicorp.com/terraform/language/functions).

Each takes plain values (lists, dicts, str, int/float, bool, None) and returns one; a wrong argument raises
FunctionError, which the evaluator turns into a located error. try() and can() are not here: their arguments are
evaluated lazily by the evaluator itself. file(), filebase64() and templatefile() read the module's folder and
live in the evaluator too.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import urllib.parse
from collections.abc import Callable

from emulator.config.importers.tf_values import Whole, set_order


class FunctionError(ValueError):
    pass


def _need(ok: bool, message: str) -> None:
    if not ok:
        raise FunctionError(message)


def _seq(x: object, name: str) -> list:
    _need(isinstance(x, list | tuple), f"{name}() needs a list, not {type(x).__name__}")
    return list(x)  # type: ignore[arg-type]


def _map(x: object, name: str) -> dict:
    _need(isinstance(x, dict), f"{name}() needs a map, not {type(x).__name__}")
    return x  # type: ignore[return-value]


def text(x: object) -> str:
    """tostring(): strings, numbers and bools; Terraform refuses lists and maps."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    _need(isinstance(x, str | int | float), f"cannot convert {type(x).__name__} to string")
    return str(x)


def number(x: object) -> int | float | None:
    if x is None:
        return None
    if isinstance(x, bool):
        raise FunctionError("cannot convert bool to number")
    if isinstance(x, int | float):
        return x
    try:
        f = float(str(x))
    except ValueError:
        raise FunctionError(f"cannot convert {x!r} to number") from None
    return int(f) if f.is_integer() and "." not in str(x) and "e" not in str(x).lower() else f


def boolean(x: object) -> bool | None:
    if x is None or isinstance(x, bool):
        return x
    _need(x in ("true", "false"), f"cannot convert {x!r} to bool")
    return x == "true"


def _format(spec: str, *args: object) -> str:
    values = iter(args)

    def one(m: re.Match) -> str:
        verb = m.group(2)
        if verb == "%":
            return "%"
        value = next(values)
        if verb == "d":
            return str(int(number(value) or 0))
        if verb == "v" and not isinstance(value, str | int | float | bool):
            return json.dumps(value, separators=(",", ":"))
        return text(value) if verb in "sv" else ("%" + m.group(1) + verb) % value

    try:
        return re.sub(r"%([-+# 0-9.]*)([a-zA-Z%])", one, spec)
    except StopIteration:
        raise FunctionError("format(): not enough arguments for the format string") from None


def _coalesce(*xs: object) -> object:
    for x in xs:  # Terraform: the first that is neither null nor an empty string
        if x is not None and x != "":
            return x
    raise FunctionError("no non-null, non-empty-string arguments")


def _coalescelist(*xs: object) -> object:
    for x in xs:
        if _seq(x, "coalescelist"):
            return x
    raise FunctionError("no non-empty list arguments")


def _element(xs: object, i: object) -> object:
    items = _seq(xs, "element")
    _need(bool(items), "element() cannot use an empty list")
    return items[int(number(i) or 0) % len(items)]


def _flatten(xs: object) -> list:
    out: list = []
    for x in _seq(xs, "flatten"):
        out += _flatten(x) if isinstance(x, list) else [x]
    return out


def _lookup(m: object, key: object, *default: object) -> object:
    if isinstance(m, Whole):  # a resource or module object: Terraform converts an object to a map for lookup()
        return m(key)
    mapping = _map(m, "lookup")
    if str(key) in mapping:
        return mapping[str(key)]
    _need(bool(default), f"lookup(): no key {key!r} in the map and no default")
    return default[0]


def _merge(*ms: object) -> dict:
    out: dict = {}
    for m in ms:
        if m is not None:
            out.update(_map(m, "merge"))
    return out


def _one(xs: object) -> object:
    items = _seq(xs, "one")
    _need(len(items) <= 1, f"one() needs a list of at most one element, this one has {len(items)}")
    return items[0] if items else None


def _range(*a: object) -> list:
    n = [number(x) for x in a]
    _need(1 <= len(n) <= 3 and all(isinstance(x, int | float) for x in n), "range() takes 1 to 3 numbers")
    start, stop, step = (0, n[0], 1) if len(n) == 1 else (n[0], n[1], n[2] if len(n) == 3 else 1)
    _need(step != 0, "range(): step must not be zero")
    out = []
    x = start
    while (x < stop if step > 0 else x > stop) and len(out) < 1024:  # Terraform's own cap is 1024 elements
        out.append(x)
        x += step  # type: ignore[operator]
    return out


def _regex(pattern: str, s: str) -> object:
    m = re.search(_go_regex(pattern), s)
    _need(m is not None, "regex(): pattern did not match any part of the string")
    assert m is not None
    if m.re.groupindex:
        return m.groupdict()
    return list(m.groups()) if m.re.groups else m.group(0)


def _go_regex(pattern: str) -> str:
    return re.sub(r"\(\?P?<", "(?P<", pattern)


def _replace(s: object, old: object, new: object) -> str:
    s, old, new = text(s), text(old), text(new)  # string parameters: Terraform converts a bool or a number given
    if len(old) > 1 and old.startswith("/") and old.endswith("/"):  # Terraform: /.../ is a regular expression
        return re.sub(_go_regex(old[1:-1]), re.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", new), s)
    return s.replace(old, new)


def _substr(s: str, offset: object, length: object) -> str:
    o, n = int(number(offset) or 0), int(number(length) or 0)
    if o < 0:
        o = max(len(s) + o, 0)
    return s[o:] if n == -1 else s[o:o + n]


def _trim(s: str, chars: str) -> str:
    return s.strip(chars)


def _distinct(xs: object) -> list:
    out: list = []
    for x in _seq(xs, "distinct"):
        if x not in out:
            out.append(x)
    return out


def _zipmap(keys: object, values: object) -> dict:
    k, v = _seq(keys, "zipmap"), _seq(values, "zipmap")
    _need(len(k) == len(v), "zipmap(): the lists must be the same length")
    return {text(a): b for a, b in zip(k, v, strict=True)}


def _tomap(m: object) -> dict:
    return dict(_map(m, "tomap"))


def _toset(xs: object) -> list:
    """A set, in the order Terraform iterates it (TfSet says how); with an unknown member its order is unknown
    too (the evaluator reports the unknown value)."""
    items = _seq(xs, "toset")
    _need(all(isinstance(x, str | int | float | bool | list | dict) or x is None for x in items), "unknown member")
    return set_order(items)


def _length(x: object) -> int:
    _need(isinstance(x, list | dict | str), f"length() needs a collection or a string, not {type(x).__name__}")
    return len(x)  # type: ignore[arg-type]


def _keys(m: object) -> list:
    return sorted(_map(m, "keys"))  # Terraform: keys in lexicographical order


def _values(m: object) -> list:
    mapping = _map(m, "values")
    return [mapping[k] for k in sorted(mapping)]


def _jsonencode(x: object) -> str:
    return json.dumps(x, separators=(",", ":"), sort_keys=True)


def _jsondecode(s: object) -> object:
    try:
        return json.loads(text(s))
    except ValueError as exc:
        raise FunctionError(f"jsondecode(): {exc}") from None


FUNCTIONS: dict[str, Callable[..., object]] = {
    "coalesce": _coalesce, "coalescelist": _coalescelist, "compact": lambda xs: [x for x in _seq(xs, "compact")
                                                                               if x not in (None, "")],
    "concat": lambda *xs: [i for x in xs for i in _seq(x, "concat")],
    "contains": lambda xs, v: v in _seq(xs, "contains"), "distinct": _distinct, "element": _element,
    "flatten": _flatten, "format": _format, "join": lambda sep, *xs: sep.join(text(i) for x in xs
                                                                               for i in _seq(x, "join")),
    "keys": _keys, "values": _values, "length": _length, "lookup": _lookup, "lower": lambda s: text(s).lower(),
    "upper": lambda s: text(s).upper(), "merge": _merge, "one": _one, "range": _range, "regex": _regex,
    "replace": _replace, "split": lambda sep, s: text(s).split(text(sep)),
    "startswith": lambda s, p: text(s).startswith(text(p)), "endswith": lambda s, p: text(s).endswith(text(p)),
    "substr": _substr, "trim": _trim, "trimprefix": lambda s, p: text(s).removeprefix(text(p)),
    "trimsuffix": lambda s, p: text(s).removesuffix(text(p)), "trimspace": lambda s: text(s).strip(),
    "tolist": lambda xs: list(_seq(xs, "tolist")), "tomap": _tomap, "toset": _toset, "tostring": lambda x: None
    if x is None else text(x), "tonumber": number, "tobool": boolean, "zipmap": _zipmap,
    "jsonencode": _jsonencode, "jsondecode": _jsondecode,
    "base64encode": lambda s: base64.b64encode(text(s).encode()).decode(),
    "base64decode": lambda s: base64.b64decode(text(s)).decode(),
    "md5": lambda s: hashlib.md5(text(s).encode()).hexdigest(),
    "sha256": lambda s: hashlib.sha256(text(s).encode()).hexdigest(),
    "sha1": lambda s: hashlib.sha1(text(s).encode()).hexdigest(),
    "abs": lambda x: abs(number(x) or 0), "max": lambda *x: max(number(i) or 0 for i in x),
    "min": lambda *x: min(number(i) or 0 for i in x), "reverse": lambda xs: _seq(xs, "reverse")[::-1],
    "sort": lambda xs: sorted(text(x) for x in _seq(xs, "sort")), "title": lambda s: text(s).title(),
    "slice": lambda xs, a, b: _seq(xs, "slice")[int(number(a) or 0):int(number(b) or 0)],
    "basename": lambda s: text(s).rstrip("/").rsplit("/", 1)[-1], "dirname": lambda s: text(s).rsplit("/", 1)[0],
    "urlencode": lambda s: urllib.parse.quote(text(s), safe=""),
}


def _regexall(pattern: str, s: str) -> list:
    """Terraform's regexall: "returns a list of all matches", each shaped as regex() gives one; [] for none."""
    out: list = []
    for m in re.finditer(_go_regex(text(pattern)), text(s)):
        out.append(m.groupdict() if m.re.groupindex else list(m.groups()) if m.re.groups else m.group(0))
    return out


FUNCTIONS["regexall"] = _regexall
