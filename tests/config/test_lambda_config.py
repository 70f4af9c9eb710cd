"""`lambda_functions` and `lambda_function_associations`: CloudFront's rules, each error located, all at once."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_config_text
from emulator.config.model import LambdaEvent
from emulator.errors import ConfigError
from emulator.issues import Severity


def config(associations: str, functions: str, cf: str = "") -> str:
    head = textwrap.dedent(f"""\
        distribution:
          origins:
            - {{id: app, domain_name: app.example.test}}
          default_cache_behavior:
            target_origin_id: app
            lambda_function_associations: {associations}
            {cf}
        functions:
          cff: {{runtime: cloudfront-js-2.0, code: cff.js}}
        lambda_functions:
        """)
    return head + textwrap.indent(functions, "  ") + "\n"


@pytest.fixture
def code(tmp_path: Path) -> Path:
    (tmp_path / "index.js").write_text("exports.handler = async (e) => e.Records[0].cf.request;\n")
    (tmp_path / "app.py").write_text("def handler(event, context):\n    return None\n")
    (tmp_path / "broken.py").write_text("def handler(event, context)\n    return None\n")
    (tmp_path / "cff.js").write_text("function handler(event) { return event.request; }\n")
    return tmp_path


def errors(text: str, base: Path) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config_text(text, "site.yaml", base)
    return [i.format() for i in info.value.errors]


def test_functions_and_associations_load(code: Path) -> None:
    text = config("{origin-request: {function: 'arn:aws:lambda:us-east-1:123456789012:function:strip:7', "
                  "include_body: true}, origin-response: py}",
                  "strip: {runtime: nodejs20.x, code: index.js, timeout: 30, memory_size: 1024}\n"
                  "py: {runtime: python3.12, code: app.py}")
    loaded = load_config_text(text, "site.yaml", code)
    strip, py = loaded.lambda_functions
    assert (strip.handler, strip.timeout, strip.memory_size, strip.code_dir) == ("index.handler", 30, 1024, code)
    assert (py.handler, py.timeout, py.memory_size) == ("app.handler", 3, 128)
    assocs = loaded.distributions[0].default_cache_behavior.lambda_function_associations
    assert [(a.event_type, a.function_name, a.include_body) for a in assocs] == [
        (LambdaEvent.ORIGIN_REQUEST, "strip", True), (LambdaEvent.ORIGIN_RESPONSE, "py", False)]


@pytest.mark.parametrize("associations, functions, cf, expected", [
    ("{viewer-request: fn}", "fn: {runtime: nodejs20.x, code: index.js}", "function_associations: "
     "{viewer-response: cff}", "cannot be combined with a CloudFront Function on viewer events"),
    ("{origin-response: {function: fn, include_body: true}}", "fn: {runtime: nodejs20.x, code: index.js}", "",
     "include_body is for request events only, not origin-response"),
    ("{viewer-request: fn}", "fn: {runtime: nodejs20.x, code: index.js, timeout: 10}", "",
     "viewer-request functions may run at most 5 s"),
    ("{viewer-response: fn}", "fn: {runtime: nodejs20.x, code: index.js, memory_size: 256}", "",
     "viewer-response functions may use at most 128 MB"),
    ("{origin-request: 'arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST'}",
     "fn: {runtime: nodejs20.x, code: index.js}", "", "CloudFront needs a numbered function version"),
    ("{origin-request: 'arn:aws:lambda:us-east-1:123456789012:function:fn'}",
     "fn: {runtime: nodejs20.x, code: index.js}", "", "not an unqualified ARN"),
    ("{origin-request: nope}", "fn: {runtime: nodejs20.x, code: index.js}", "", "no Lambda@Edge function named 'nope'"),
    ("{origin-requets: fn}", "fn: {runtime: nodejs20.x, code: index.js}", "", "did you mean 'origin-request'"),
    ("{origin-request: fn}", "fn: {runtime: nodejs16.x, code: index.js}", "", "Lambda has deprecated it"),
    ("{origin-request: fn}", "fn: {runtime: java21, code: index.js}", "", "not a Lambda@Edge runtime"),
    ("{origin-request: fn}", "fn: {runtime: nodejs20.x, code: index.js, handler: main.handler}", "",
     "no module file main.js or main.mjs or main.cjs"),
    ("{origin-request: fn}", "fn: {runtime: nodejs20.x, code: missing/}", "", "'missing/' does not exist"),
])
def test_cloudfront_rules(code: Path, associations: str, functions: str, cf: str, expected: str) -> None:
    found = errors(config(associations, functions, cf), code)
    assert any(expected in e for e in found), found
    assert all(e.startswith("site.yaml:") for e in found), found


def test_a_python_syntax_error_is_located_in_the_handler_file(code: Path) -> None:
    found = errors(config("{origin-request: fn}", "fn: {runtime: python3.11, code: broken.py}"), code)
    assert found == [f"{code / 'broken.py'}:1:28: lambda_functions.fn: expected ':'"]


def test_every_problem_is_reported_at_once(code: Path) -> None:
    text = config("{viewer-request: {function: fn, include_body: 3}, origin-response: {function: gone, "
                  "include_body: true}}", "fn: {runtime: nodejs20.x, code: index.js, timeout: 9}")
    found = errors(text, code)
    assert len(found) == 4, found  # include_body type, timeout on viewer, include_body on a response, 'gone'


def test_a_local_version_that_differs_is_a_warning(code: Path) -> None:
    loaded = load_config_text(config("{origin-request: fn}", "fn: {runtime: nodejs18.x, code: index.js}"),
                              "site.yaml", code)
    warnings = [w for w in loaded.warnings if w.severity is Severity.WARNING and "Node.js" in w.message]
    assert warnings and "not 18.x as in Lambda" in warnings[0].message
