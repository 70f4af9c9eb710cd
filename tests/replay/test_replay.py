"""Logged requests through the edge's own decisions with a stub origin: per-request decisions, Hit/Miss on the
logged timeline (a FakeClock), a diff between two configs that reorder behaviors, and a cache-policy change that
changes the predicted hit ratio."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator.cli import main
from tests.replay.support import API, API_V2, config, log_line, replay_json, write_log

SHORT = """\
cache_policies:
  short:
    min_ttl: 0
    default_ttl: 60
    max_ttl: 60
"""
WITH_QUERY = """\
cache_policies:
  by-query:
    min_ttl: 0
    default_ttl: 86400
    max_ttl: 31536000
    query_strings: all
"""


def test_each_request_reports_behavior_origin_path_key_and_hit_or_miss_on_the_logged_clock(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "access.log", [
        log_line("21:00:00", "/index.html", size=5000),
        log_line("21:00:30", "/index.html", result="Hit"),  # 30 s later: fresh under a 60 s TTL
        log_line("21:01:10", "/index.html", result="Hit"),  # 70 s after the fill: expired on the logged clock
        log_line("21:01:11", "/api/users", "id=7", content_type="application/json", status=404),
    ])
    a = config(tmp_path, "a.yaml", [API], policy="short", extra=SHORT)
    report = replay_json(capsys, str(log), "--config", str(a))
    rows = [row[0] for row in report["first_requests"]]
    assert [(r["line"], r["cache"], r["status"]) for r in rows] == [(3, "Miss", 200), (4, "Hit", 200),
                                                                     (5, "Miss", 200), (6, "Error", 404)]
    page, api = rows[0], rows[3]
    assert (page["behavior"], page["origin"], page["origin_path"], page["policy"]) == (
        "default (*)", "web", "/site/index.html", "short")
    assert page["cache_key"] == "default path '/index.html'"
    assert rows[1]["origin_path"] == "/site/index.html"  # a hit names the origin request that filled it
    assert (api["behavior"], api["origin"], api["origin_path"], api["cache_key"]) == (
        "/api/*", "api", "/api/users", None)  # no origin request policy: no query forwarded
    total = report["prediction"][str(a)]["total"]
    assert (total["requests"], total["hits"], total["origin_requests"], total["origin_bytes"]) == (4, 1, 3, 7468)


def test_reordered_behaviors_move_requests_and_the_diff_groups_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "access.log", [
        log_line("21:00:00", "/api/v2/users", "page=1", content_type="application/json"),
        log_line("21:00:01", "/api/v1/users"),
        log_line("21:00:02", "/api/v2/orders"),
        log_line("21:00:03", "/index.html"),
        log_line("21:00:04", "/api/v2/users", "page=1", content_type="application/json"),
    ])
    a = config(tmp_path, "a.yaml", [API, API_V2])  # /api/* first: /api/v2* never matches
    b = config(tmp_path, "b.yaml", [API_V2, API])
    report = replay_json(capsys, str(log), "--config", str(a), "--against", str(b))
    diff = report["diff"]
    assert (diff["same"], diff["differ"]) == (2, 3)
    (group,) = diff["groups"]
    assert group["count"] == 3
    assert group["label"] == ("requests to /api/v2* move from behavior /api/* (origin api, CachingDisabled) to "
                              "behavior /api/v2* (origin api-v2, CachingOptimized)")
    assert [e["line"] for e in group["examples"]] == [3, 5, 7]
    assert (group["examples"][0]["a"]["origin"], group["examples"][0]["b"]["origin"]) == ("api", "api-v2")
    v2_under_b = report["prediction"][str(b)]["behaviors"]["default: /api/v2*"]
    assert (v2_under_b["requests"], v2_under_b["hits"]) == (3, 1)  # the repeated /api/v2/users?page=1


def test_a_cache_policy_that_keys_on_the_query_lowers_the_predicted_hit_ratio(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "access.log", [
        log_line(f"21:00:{i:02}", "/assets/app.js", f"utm_source=mail{i % 5}", size=1000) for i in range(20)])
    a = config(tmp_path, "a.yaml", [])
    b = config(tmp_path, "b.yaml", [], policy="by-query", extra=WITH_QUERY)
    report = replay_json(capsys, str(log), "--config", str(a), "--against", str(b))
    under_a = report["prediction"][str(a)]["behaviors"]["default: default (*)"]
    under_b = report["prediction"][str(b)]["behaviors"]["default: default (*)"]
    assert (under_a["hit_ratio"], under_a["origin_requests"], under_a["origin_bytes"]) == (0.95, 1, 1000)
    assert (under_b["hit_ratio"], under_b["origin_requests"], under_b["origin_bytes"]) == (0.75, 5, 5000)
    (policy,) = report["diff"]["groups"]
    assert policy["count"] == 20
    assert "(origin web, CachingOptimized) to behavior default (*) (origin web, by-query)" in policy["label"]


def test_the_terminal_summary_says_what_changed_and_what_the_prediction_cannot_know(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "access.log", [log_line("21:00:00", "/api/v2/a"), log_line("21:00:01", "/x")])
    a, b = config(tmp_path, "a.yaml", [API, API_V2]), config(tmp_path, "b.yaml", [API_V2, API])
    assert main(["replay", str(log), "--config", str(a), "--against", str(b)]) == 0
    out = capsys.readouterr().out
    assert "1 of 2 requests decide differently" in out
    assert "  1 requests to /api/v2* move from behavior /api/* (origin api, CachingDisabled)" in out
    assert "What the prediction cannot know:" in out and "one edge location" in out and "evict" in out


def test_every_request_can_be_written_as_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "access.log", [log_line(f"21:00:{i:02}", f"/p{i}") for i in range(60)])
    each = tmp_path / "each.jsonl"
    report = replay_json(capsys, str(log), "--config", str(config(tmp_path, "a.yaml", [])), "--each", str(each))
    assert len(report["first_requests"]) == 50  # the report keeps a few; --each has them all
    assert len(each.read_text().splitlines()) == 60
