"""Terraform expressions and built-in functions, evaluated as Terraform does (each checked against the value
Terraform gives for the same expression)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from emulator.config.importers.hcl_eval import EvalError
from emulator.config.importers.terraform import Module


def evaluate(tmp_path: Path, expr: str, extra: str = "", params: dict[str, str] | None = None) -> object:
    (tmp_path / "main.tf").write_text(textwrap.dedent(extra) + f"\nlocals {{\n  x = {expr}\n}}\n")
    module = Module(tmp_path, params or {})
    module.read()
    assert not module.issues, [i.format() for i in module.issues]
    return module.local("x", None)


VARS = """
variable "m" {
  default = { b = "two", a = "one", c = "" }
}
variable "l" {
  default = ["x", "", null, "y", "x"]
}
"""

CASES = [
    ('[for k, v in var.m : upper(v) if v != ""]', ["ONE", "TWO"]),  # a map iterates in key order
    ("{for k, v in var.m : v => k if v != \"\"}", {"one": "a", "two": "b"}),
    ('{for s in ["a", "bb", "cc"] : length(s) => s...}', {"1": ["a"], "2": ["bb", "cc"]}),  # grouping
    ("[for i, s in compact(var.l) : \"${i}:${s}\"]", ["0:x", "1:y", "2:x"]),
    ("try(var.m.missing, \"fallback\")", "fallback"),
    ("can(var.m.missing)", False),
    ("can(var.m.a)", True),
    ('coalesce(null, "", "z")', "z"),  # skips null and ""
    ('coalescelist([], ["a"])', ["a"]),
    ("compact(var.l)", ["x", "y", "x"]),
    ('concat(["a"], ["b", "c"])', ["a", "b", "c"]),
    ('contains(["a", "b"], "b")', True),
    ("distinct(var.l)", ["x", "", None, "y"]),
    ('element(["a", "b"], 3)', "b"),  # wraps around
    ('flatten([["a", ["b"]], [], "c"])', ["a", "b", "c"]),
    ('format("%s-%d-%v", "a", 2, true)', "a-2-true"),
    ('join(",", ["a", "b"])', "a,b"),
    ("keys(var.m)", ["a", "b", "c"]),
    ("values(var.m)", ["one", "two", ""]),
    ("length(var.m)", 3),
    ('lookup(var.m, "z", "dflt")', "dflt"),
    ('lower("AbC")', "abc"),
    ('upper("AbC")', "ABC"),
    ('merge({a = 1}, {b = 2}, {a = 3})', {"a": 3, "b": 2}),
    ('one(["only"])', "only"),
    ("one([])", None),
    ("range(3)", [0, 1, 2]),
    ("range(1, 7, 2)", [1, 3, 5]),
    ('regex("^(\\\\w+)-(\\\\d+)$", "web-42")', ["web", "42"]),
    ('replace("a-b-c", "-", "_")', "a_b_c"),
    ('replace("a1b22", "/[0-9]+/", "#")', "a#b#"),
    ('split(",", "a,b")', ["a", "b"]),
    ('startswith("/api/x", "/api")', True),
    ('endswith("x.js", ".js")', True),
    ('substr("hello", 1, 3)', "ell"),
    ('trim("--a--", "-")', "a"),
    ('trimprefix("/api/x", "/api")', "/x"),
    ('trimsuffix("x.js", ".js")', "x"),
    ('trimspace("  a \\n")', "a"),
    ('tolist(["a"])', ["a"]),
    ("tomap({a = 1})", {"a": 1}),
    ('toset(["b", "a", "b"])', ["a", "b"]),
    ("tostring(5)", "5"),
    ('tonumber("42")', 42),
    ('tobool("false")', False),
    ('zipmap(["a", "b"], [1, 2])', {"a": 1, "b": 2}),
    ('jsonencode({b = [1, true], a = null})', '{"a":null,"b":[1,true]}'),
    ('jsondecode("{\\"a\\": [1]}")', {"a": [1]}),
    ('base64encode("hi")', "aGk="),
    ('md5("hi")', "49f68a5c8493ec2c0bf489821c21fc3b"),
    ('sha256("hi")', "8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4"),
    ('"5" + 1', 6),  # arithmetic converts strings to numbers
    ('"1" == 1', False),  # equality does not
    ('"true" ? "yes" : "no"', "yes"),  # a condition converts "true"/"false"
    ("[{a = 1}, {a = 2}][*].a", [1, 2]),
    ('{a = 1}[*].a', [1]),  # a single value splats as a list of it
    ("null[*]", []),
]


@pytest.mark.parametrize(("expr", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_expressions_and_functions_as_terraform(tmp_path: Path, expr: str, expected: object) -> None:
    assert evaluate(tmp_path, expr, VARS) == expected


def test_file_filebase64_and_templatefile_read_the_module_folder(tmp_path: Path) -> None:
    (tmp_path / "code.js").write_text("var x = 1;\n")
    (tmp_path / "page.tpl").write_text("Hello ${name}, ${length(items)} items\n")
    assert evaluate(tmp_path, 'file("code.js")') == "var x = 1;\n"
    assert evaluate(tmp_path, 'filebase64("code.js")') == "dmFyIHggPSAxOwo="
    assert evaluate(tmp_path, 'templatefile("page.tpl", {name = "Ann", items = [1, 2]})') == "Hello Ann, 2 items\n"


def test_try_does_not_catch_an_unknown_value_and_a_wrong_call_is_located(tmp_path: Path) -> None:
    with pytest.raises(EvalError) as exc:
        evaluate(tmp_path, 'try(aws_s3_bucket.gone.arn, "x")')
    assert "aws_s3_bucket.gone.arn is only known once Terraform has applied" in exc.value.message
    with pytest.raises(EvalError) as exc:
        evaluate(tmp_path, 'one(["a", "b"])')
    assert (exc.value.loc.line, exc.value.loc.col) == (3, 7) and "at most one element" in exc.value.message
    with pytest.raises(EvalError) as exc:
        evaluate(tmp_path, '"yes" ? 1 : 2')
    assert "must be a bool" in exc.value.message


TYPED = """
variable "enable_waf" {
  type    = bool
  default = true
}
variable "port" {
  type = number
}
variable "origin" {
  type = object({
    domain_name = string
    http_port   = optional(number, 80)
    tags        = optional(map(string))
  })
}
variable "names" {
  type    = set(string)
  default = ["b", "a", "b"]
}
"""


def test_variables_take_their_declared_type_from_parameters_and_defaults(tmp_path: Path) -> None:
    params = {"enable_waf": "false", "port": "8080", "origin": '{"domain_name": "api.internal", "extra": 1}'}
    assert evaluate(tmp_path, 'var.enable_waf ? "waf" : null', TYPED, params) is None  # "false" -> false
    assert evaluate(tmp_path, "var.port + 1", TYPED, params) == 8081
    assert evaluate(tmp_path, "var.origin", TYPED, params) == {"domain_name": "api.internal", "http_port": 80,
                                                               "tags": None}  # optional defaults, extra dropped
    assert evaluate(tmp_path, "var.names", TYPED, params) == ["a", "b"]
    with pytest.raises(EvalError) as exc:
        evaluate(tmp_path, "var.port", TYPED, {**params, "port": "eighty"})
    assert exc.value.message == "var.port: cannot convert 'eighty' to number"
