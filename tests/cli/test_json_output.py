"""`frontyard validate --json` and `frontyard explain --json`, and explain repeating the warnings that apply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.cli import main
from tests.cli.test_main import THREE_MISTAKES

SHADOWED = """\
distribution:
  aliases: [app.test]
  origins:
    - {id: app, domain_name: app.test}
    - {id: api, domain_name: api.internal.test}
  default_cache_behavior: {target_origin_id: api}
  cache_behaviors:
    - {path_pattern: /api/*, target_origin_id: api}
    - {path_pattern: /api/v1/*, target_origin_id: app}
"""


def test_validate_json_lists_every_error_with_its_location(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(THREE_MISTAKES)
    assert main(["validate", "--json", str(path)]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["file"] == str(path)
    assert [(i["severity"], i["line"], i["column"]) for i in out["issues"]] == \
        [("error", 4, 7), ("error", 6, 23), ("error", 7, 22)]
    assert "did you mean 'domain_name'" in out["issues"][0]["message"]


def test_validate_json_ok_with_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(SHADOWED)
    assert main(["validate", "--json", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True and out["distributions"] == [{"id": "default", "behaviors": 3, "origins": 2}]
    assert sorted(i["line"] for i in out["issues"]) == [4, 9]
    assert all(i["severity"] == "warning" for i in out["issues"])


def test_explain_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(SHADOWED)
    assert main(["explain", "--json", str(path), "http://app.test/api/v1/x?y=1", "-H", "Accept: text/html"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["request"]["headers"] == [["Host", "app.test"], ["Accept", "text/html"]]
    behavior = next(d for d in out["decisions"] if d["stage"] == "behavior")
    assert behavior["outcome"] == "/api/*" and behavior["location"].endswith("site.yaml:8:7")
    assert out["origin_request"]["url"] == "http://api.internal.test/api/v1/x"
    assert out["warnings"] == []  # the shadow warning is about /api/v1/*, which was not chosen


def test_explain_repeats_the_warnings_of_the_chosen_behavior_and_origin(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(SHADOWED.replace("default_cache_behavior: {target_origin_id: api}",
                                     "default_cache_behavior: {target_origin_id: app}"))
    assert main(["explain", str(path), "http://app.test/page"]) == 0
    out = capsys.readouterr().out
    tail = out.split("Warnings about this behavior and its origin (frontyard validate):\n")[1]
    assert tail.startswith(f"{path}:4:7: warning: distribution 'default' origin 'app': its domain app.test is the "
                           "distribution's own alias")
    assert "can never match" not in tail
    assert main(["explain", "--json", str(path), "http://app.test/page"]) == 0
    assert [w["line"] for w in json.loads(capsys.readouterr().out)["warnings"]] == [4]
