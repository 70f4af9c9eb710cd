"""`frontyard test-lambda` on the example functions and on results CloudFront would refuse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "lambda-functions"


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()))
def test_every_example_passes_its_test_objects(example: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = EXAMPLES / example
    assert main(["test-lambda", str(folder), "--event", str(folder / "test-objects")]) == 0
    out = capsys.readouterr().out
    expected = sorted(p.name for p in (folder / "test-objects").glob("*.json") if ".expected." not in p.name)
    assert [line.split()[1] for line in out.splitlines() if line.startswith("PASS")] == expected


def test_a_wrong_expectation_fails_with_a_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = EXAMPLES / "strip-api-prefix-python"
    event = folder / "test-objects" / "api-users.json"
    wrong = json.loads((folder / "test-objects" / "api-users.expected.json").read_text())
    wrong["uri"] = "/api/users"
    (tmp_path / "wrong.json").write_text(json.dumps(wrong))
    assert main(["test-lambda", str(folder), "--event", str(event), "--expect", str(tmp_path / "wrong.json")]) == 1
    out = capsys.readouterr().out
    assert "FAIL api-users.json" in out and '-  "uri": "/api/users"' in out and '+  "uri": "/users"' in out


def test_a_read_only_header_change_is_reported_as_a_502(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "index.js").write_text("exports.handler = async (e) => { const r = e.Records[0].cf.request; "
                                       "r.headers['content-length'] = [{key: 'Content-Length', value: '1'}]; "
                                       "return r; };\n")
    event = EXAMPLES / "maintenance-page" / "test-objects" / "normal.json"
    assert main(["test-lambda", str(tmp_path / "index.js"), "--event", str(event)]) == 1
    out = capsys.readouterr().out
    assert "CloudFront would answer 502: The Lambda function result failed validation: The function tried to " \
           "add, delete, or change a read-only header." in out


def test_a_function_of_a_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site.yaml").write_text(f"""\
distribution:
  origins: [{{id: app, domain_name: app.example.test}}]
  default_cache_behavior: {{target_origin_id: app, lambda_function_associations: {{origin-request: strip}}}}
lambda_functions:
  strip: {{runtime: nodejs20.x, code: {EXAMPLES / 'strip-api-prefix-node'}}}
""")
    event = EXAMPLES / "strip-api-prefix-node" / "test-objects" / "api-users.json"
    assert main(["test-lambda", "strip", "--config", str(tmp_path / "site.yaml"), "--event", str(event)]) == 0
    assert json.loads(capsys.readouterr().out.rsplit("\nPASS", 1)[0])["result"]["uri"] == "/users"
    assert main(["test-lambda", "nope", "--config", str(tmp_path / "site.yaml"), "--event", str(event)]) == 2
