"""`test-function`: the AWS output shape, --expect diffs, batch folders, and every functions/ example."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from emulator.cli import test_function as testcli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "functions").iterdir() if (p / "index.js").exists())


def run(argv: list[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    testcli.add_arguments(parser)
    out = io.StringIO()
    code = testcli.run(parser.parse_args(argv), out)
    return code, out.getvalue()


def example_args(folder: Path) -> list[str]:
    meta = json.loads((folder / "function.json").read_text())
    args = [str(folder / "index.js"), "--runtime", meta["runtime"]]
    if "kvs" in meta:
        args += ["--kvs", str(folder / meta["kvs"])]
    return args


@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_passes_its_expected_outputs(folder):
    pairs = list((folder / "test-objects").glob("*.expected.json"))
    assert pairs, "every example ships expected outputs"
    code, out = run([*example_args(folder), "--event", str(folder / "test-objects")])
    assert code == 0, out
    assert out.strip().endswith(f"{len(pairs)} passed, 0 failed")
    assert (folder / "README.md").exists()


def test_output_has_the_aws_shape(tmp_path):
    folder = ROOT / "functions" / "spa-rewrite"
    code, out = run([str(folder / "index.js"), "--event", str(folder / "test-objects" / "route.json")])
    result = json.loads(out)["TestResult"]
    assert code == 0
    assert set(result) == {
        "FunctionSummary",
        "ComputeUtilization",
        "FunctionExecutionLogs",
        "FunctionErrorMessage",
        "FunctionOutput",
    }
    assert result["FunctionSummary"]["Name"] == "spa-rewrite"
    assert result["FunctionSummary"]["FunctionConfig"]["Runtime"] == "cloudfront-js-1.0"
    assert isinstance(result["ComputeUtilization"], str) and 0 < int(result["ComputeUtilization"]) <= 100
    assert json.loads(result["FunctionOutput"])["request"]["uri"] == "/index.html"


def test_failure_sets_the_error_message_and_a_non_zero_exit(tmp_path):
    code_file = tmp_path / "index.js"
    code_file.write_text("function handler(event) {\n  console.log('hi');\n  throw new Error('boom');\n}")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"request": {"method": "GET", "uri": "/", "headers": {}}}))
    code, out = run([str(code_file), "--event", str(event)])
    result = json.loads(out)["TestResult"]
    assert code == 1
    assert result["FunctionErrorMessage"] == f"Error: boom ({code_file}:3)"
    assert result["FunctionExecutionLogs"] == ["hi"] and result["FunctionOutput"] == ""


def test_expect_mismatch_prints_a_diff(tmp_path):
    folder = ROOT / "functions" / "spa-rewrite"
    expected = tmp_path / "expected.json"
    expected.write_text(json.dumps({"request": {"uri": "/wrong"}}))
    code, out = run(
        [str(folder / "index.js"), "--event", str(folder / "test-objects" / "route.json"), "--expect", str(expected)]
    )
    assert code == 1
    assert '-    "uri": "/wrong"' in out and '+    "uri": "/index.html"' in out


def test_load_errors_are_printed_located(tmp_path):
    code_file = tmp_path / "index.js"
    code_file.write_text("const x = 1;\nfunction handler(e) { return e.request; }")
    code, out = run([str(code_file), "--event", str(tmp_path / "none.json")])
    assert code == 2 and out.strip() == f"{code_file}:1:1: 'const' is not supported by cloudfront-js-1.0"


def test_runs_as_a_module(tmp_path):
    folder = ROOT / "functions" / "security-headers"
    proc = subprocess.run(
        [sys.executable, "-m", "emulator.cli.test_function", str(folder / "index.js"),
         "--event", str(folder / "test-objects" / "html.json"),
         "--expect", str(folder / "test-objects" / "html.expected.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["TestResult"]["FunctionErrorMessage"] == ""
