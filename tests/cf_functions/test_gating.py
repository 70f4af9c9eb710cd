"""Runtime gating: valid code is never rejected; each banned feature is rejected, located and named."""

from __future__ import annotations

import pytest

from emulator.cf_functions import FunctionLoadError, ViewerRequestInput
from emulator.cf_functions.gating import gate
from emulator.decisions import Respond

from .conftest import make

V1, V2 = "cloudfront-js-1.0", "cloudfront-js-2.0"
REQ = ViewerRequestInput("GET", "/", None, (("Host", "example.com"),), "198.51.100.1")

VALID_1 = [
    ("template literal", "var s = `a ${1 + 1} ${`nested ${2}`}\nmultiline`;"),
    ("arrow functions", "var f = (a, b) => a + b; var g = x => { return x; };"),
    ("rest parameters", "function f(a, ...rest) { return rest.length; } var g = (...xs) => xs;"),
    ("exponent", "var x = 2 ** 10; x **= 2;"),
    ("named capture group", "var m = /(?<year>\\d{4})-(?<month>\\d{2})/.exec('2021-04'); var y = m.groups.year;"),
    ("labeled statement", "outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { continue outer; } }"),
    ("for in", "var o = {a: 1}; for (var k in o) {}"),
    (
        "switch try do-while",
        "switch (1) { case 1: break; default: } try { throw 1 } catch (e) {} finally {} do {} while (false);",
    ),
    ("keywords in strings and comments", "var s = 'const let class async await'; // const x = 1\n/* let y */"),
    ("getters and setters", "var o = { get a() { return 1; }, set a(v) {} };"),
    ("unicode escapes", "var s = '\\u00e9\\u{1F600}';"),
    ("property named like keywords", "var o = {class: 1, const: 2, let: 3}; o.class = o.let;"),
    ("require modules", "var crypto = require('crypto'); var qs = require('querystring');"),
    ("identifier named of/async", "var of = 1, async = 2; var x = of + async;"),
]


@pytest.mark.parametrize(("label", "code"), VALID_1, ids=[v[0] for v in VALID_1])
def test_valid_1_0_code_is_accepted(label, code):
    gated, problems = gate("index.js", code + "\nfunction handler(e) { return e.request; }", V1)
    assert problems == [] and gated is not None, label
    make(code + "\nfunction handler(e) { return e.request; }")  # and QuickJS compiles and runs it


BANNED_1 = [
    ("const", "var a = 1;\n  const b = 2;", 2, 3),
    ("let", "let b = 2;", 1, 1),
    ("let", "for (let i = 0; i < 1; i++) {}", 1, 6),
    ("const", "for (const k in {}) {}", 1, 1),
    ("async functions", "async function f() {}", 1, 1),
    ("async functions", "var f = async () => 1;", 1, 9),
    ("await", "async function f() { await 1; }", 1, 22),
    ("class", "class A {}", 1, 1),
    ("class", "var A = class {};", 1, 9),
    ("generator functions", "function* g() {}", 1, 1),
    ("destructuring", "var {a, b} = {a: 1};", 1, 5),
    ("destructuring", "var [x, y] = [1, 2];", 1, 5),
    ("spread syntax", "Math.max(...[1, 2]);", 1, 10),
    ("spread syntax", "var a = [...[1]];", 1, 10),
    ("default parameters", "function f(a = 1) {}", 1, 12),
    ("for...of", "for (var x of [1]) {}", 1, 1),
    ("import (ES modules)", "import crypto from 'crypto';", 1, 1),
    ("numeric separators", "var n = 1_000;", 1, 9),
]


@pytest.mark.parametrize(("feature", "code", "line", "col"), BANNED_1, ids=[f"{b[0]}:{b[1]}" for b in BANNED_1])
def test_banned_1_0_feature_is_rejected_with_location(feature, code, line, col):
    with pytest.raises(FunctionLoadError) as err:
        make(code + "\nfunction handler(e) { return e.request; }")
    messages = [str(p) for p in err.value.problems]
    assert f"index.js:{line}:{col}: '{feature}' is not supported by cloudfront-js-1.0" in messages


def test_every_problem_is_reported_not_just_the_first():
    with pytest.raises(FunctionLoadError) as err:
        make("const a = 1;\nlet b = 2;\nclass C {}\nfunction handler(e) { return e.request; }")
    assert [(p.line, p.message.split("'")[1]) for p in err.value.problems] == [(1, "const"), (2, "let"), (3, "class")]


VALID_2 = [
    ("const and let", "const a = 1; let b = 2; for (let i = 0; i < 1; i++) {} for (const k in {}) {}"),
    ("async await", "async function f() { return await Promise.resolve(1); } var g = async () => 1;"),
    ("module imports", "import cf from 'cloudfront';\nimport crypto from 'crypto';\nimport qs from 'querystring';"),
    ("buffer module", "import buffer from 'buffer'; const B = require('buffer').Buffer;"),
    ("numeric separators", "const n = 1_000_000;"),
]


@pytest.mark.parametrize(("label", "code"), VALID_2, ids=[v[0] for v in VALID_2])
def test_valid_2_0_code_is_accepted(label, code):
    make(code + "\nfunction handler(e) { return e.request; }", V2)


EXPORTS_2 = [
    ("export function", "export function handler(e) { return {statusCode: 200, statusDescription: 'OK'}; }"),
    ("export async function", "export async function handler(e) {\n"
                              "  return {statusCode: 200, statusDescription: 'OK'};\n}"),
    ("export list", "function handler(e) { return {statusCode: 200, statusDescription: 'OK'}; }\nexport { handler };"),
    ("export default name", "function handler(e) { return {statusCode: 200, statusDescription: 'OK'}; }\n"
                            "export default handler;"),
    ("export default function", "export default function handler(e) { return {statusCode: 200, "
                                "statusDescription: 'OK'}; }"),
    ("export const", "export const answer = 200;\nfunction handler(e) { return {statusCode: answer, "
                     "statusDescription: 'OK'}; }"),
]


@pytest.mark.parametrize(("label", "code"), EXPORTS_2, ids=[v[0] for v in EXPORTS_2])
async def test_2_0_exports_are_accepted_and_the_handler_runs(runner, label, code):
    # The 2.0 runtime reads the file as a module (`import cf from 'cloudfront'`); public functions export their
    # handler for their own unit tests.
    outcome = (await runner.run_viewer_request(make(code, V2), REQ)).outcome
    assert isinstance(outcome, Respond) and outcome.status == 200, label


@pytest.mark.parametrize("code", ["export * from 'crypto';", "export { createHash } from 'crypto';"])
def test_2_0_re_exports_are_refused(code):
    with pytest.raises(FunctionLoadError, match=r"'export \.\.\. from' is not supported"):
        make(code + "\nfunction handler(e) { return e.request; }", V2)


def test_1_0_export_is_refused():
    with pytest.raises(FunctionLoadError, match=r"'export' is not supported by cloudfront-js-1\.0"):
        make("export function handler(e) { return e.request; }")


@pytest.mark.parametrize(
    "code", ["class A {}", "var {a} = {};", "f(...x);", "function* g() {}", "for (const x of []) {}"]
)
def test_2_0_still_rejects_unlisted_syntax(code):
    with pytest.raises(FunctionLoadError):
        make(code + "\nfunction handler(e) { return e.request; }", V2)


@pytest.mark.parametrize(
    ("runtime", "module"), [(V1, "buffer"), (V1, "cloudfront"), (V1, "fs"), (V2, "fs"), (V2, "http")]
)
def test_unknown_modules_are_rejected_at_load(runtime, module):
    with pytest.raises(FunctionLoadError) as err:
        make(f"var m = require('{module}');\nfunction handler(e) {{ return e.request; }}", runtime)
    assert f"module '{module}' is not available in {runtime}" in str(err.value)


def test_import_rewrite_keeps_line_numbers():
    gated, problems = gate("index.js", "import cf from 'cloudfront';\nimport crypto from 'crypto';\nx;", V2)
    assert problems == [] and gated is not None
    lines = gated.script.split("\n")
    assert lines[0].startswith("var cf = require('cloudfront');") and lines[2] == "x;"


def test_syntax_errors_are_located():
    with pytest.raises(FunctionLoadError) as err:
        make("function handler(e) {\n  return e.request\n  var = 3;\n}")
    assert err.value.problems[0].line == 3


def test_code_over_10_kb_is_rejected():
    code = "function handler(e) { return e.request; }\n" + "// padding\n" * 1000
    with pytest.raises(FunctionLoadError) as err:
        make(code)
    assert "CloudFront's limit is 10 KB" in str(err.value)


def test_missing_handler_is_rejected():
    with pytest.raises(FunctionLoadError, match="named 'handler'"):
        make("function main(e) { return e.request; }")


def test_unknown_runtime():
    with pytest.raises(FunctionLoadError, match="unknown runtime"):
        make("function handler(e) { return e.request; }", "cloudfront-js-3.0")
