"""Inputs nobody should send, bounded and answered as malformed lines or one message, never a traceback: a line of
many megabytes (gzipped: a few kilobytes on disk), JSON nested past the parser's recursion, non-finite or
out-of-range timestamps, binary junk."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from emulator.cli import main
from emulator.replay import sources
from tests.replay.support import HEADER, config, log_line, replay_json


def test_a_gzipped_line_of_64_mib_is_skipped_by_number_and_the_rest_replays(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "bomb.log.gz"
    with gzip.open(log, "wt", compresslevel=9) as out:
        out.write("\n".join(HEADER) + "\n" + log_line("21:00:00", "/a.css") + "\n")
        for _ in range(64):
            out.write("A" * (1 << 20))  # one line of 64 MiB, no tab, no newline until the end
        out.write("\n" + log_line("21:00:01", "/b.css") + "\n")
    assert log.stat().st_size < 1 << 20
    report = replay_json(capsys, str(log), "--config", str(config(tmp_path, "a.yaml", [])))
    assert report["requests"] == 2
    assert report["malformed"]["lines"] == [
        {"line": 4, "reason": f"line longer than {sources.MAX_LINE:,} characters: skipped"}]


def test_json_nested_past_the_recursion_limit_is_malformed_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    har = tmp_path / "deep.har"
    har.write_text('{"log": {"entries": ' + "[" * 100_000 + "]" * 100_000 + "}}")
    lines = tmp_path / "deep.json"
    lines.write_text(json.dumps({"cs-method": "GET", "cs-uri-stem": "/a"}) + "\n" + '{"a":' * 100_000 + "1"
                     + "}" * 100_000 + "\n")
    a = str(config(tmp_path, "a.yaml", []))
    report = replay_json(capsys, str(har), "--config", a)
    assert report["requests"] == 0
    assert report["malformed"]["lines"] == [{"line": 1, "reason": "not a JSON document (nested too deeply)"}]
    report = replay_json(capsys, str(lines), "--config", a)
    assert report["requests"] == 1
    assert report["malformed"]["lines"] == [{"line": 2, "reason": "JSON nested too deeply"}]


def test_a_json_document_past_the_bound_is_refused_by_one_malformed_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_DOCUMENT", 4096)  # the bound itself is 256 MiB; its handling is the same
    entry = {"startedDateTime": "2024-12-05T10:00:00.000Z", "request": {"method": "GET", "url": "https://a.test/"}}
    har = tmp_path / "big.har"
    har.write_text(json.dumps({"log": {"entries": [entry] * 1000}}))
    report = replay_json(capsys, str(har), "--config", str(config(tmp_path, "a.yaml", [])))
    assert report["requests"] == 0
    assert report["malformed"]["lines"] == [{"line": 1, "reason": "a JSON document larger than 0 MiB is not read"}]


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "1e30"])
def test_a_timestamp_that_is_no_instant_is_a_malformed_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            value: str) -> None:
    path = tmp_path / "v2.json"
    path.write_text(json.dumps({"timestamp": value, "cs-method": "GET", "cs-uri-stem": "/a"}) + "\n"
                    + json.dumps({"timestamp": "1733395200.5", "cs-method": "GET", "cs-uri-stem": "/b"}) + "\n")
    report = replay_json(capsys, str(path), "--config", str(config(tmp_path, "a.yaml", [])))
    assert report["requests"] == 1
    assert report["malformed"]["lines"] == [{"line": 1, "reason": f"timestamp '{value}' is not epoch seconds"}]


def test_binary_junk_and_bad_times_in_a_w3c_log_are_malformed_lines(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "junk.log"
    log.write_bytes(b"#Fields: date time cs-method cs-uri-stem\n"
                    b"\xff\xfe\x00\t\x80\x81\tG\xc3\xa9T\t/a\n"
                    b"2019-12-04\t25:61:00\tGET\t/b\n"
                    b"2019-12-04\t21:00:00\t\xc3\x89T\xc3\x89\t/c\n"
                    b"2019-12-04\t21:00:01\tGET\t/d\n")
    assert main(["replay", str(log), "--config", str(config(tmp_path, "a.yaml", [])), "--json"]) == 0
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert report["requests"] == 1 and "Traceback" not in out.err
    assert [m["line"] for m in report["malformed"]["lines"]] == [2, 3, 4]
    assert "time '25:61:00' is not HH:MM:SS" in report["malformed"]["lines"][1]["reason"]


@pytest.mark.parametrize("doc", [{"log": ["entries"]}, {"log": {"entries": {"a": 1}}}, {"log": "entries"}])
def test_a_har_whose_log_is_not_an_object_is_one_malformed_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               doc: object) -> None:
    har = tmp_path / "odd.har"
    har.write_text(json.dumps(doc))
    report = replay_json(capsys, str(har), "--config", str(config(tmp_path, "a.yaml", [])), "--format", "har")
    assert report["requests"] == 0
    assert report["malformed"]["lines"] == [{"line": 1, "reason": "not a HAR file: no log.entries list"}]
