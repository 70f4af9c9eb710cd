"""Each input format read into viewer requests: CloudFront standard logs (legacy and v2, W3C plain or gzipped, v2
JSON lines), HAR 1.2, frontyard's history export; malformed lines counted by number, never fatal."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from emulator.cli import main
from emulator.replay.model import LoggedRequest, Malformed
from emulator.replay.sources import open_source
from tests.replay.support import DOMAIN, config, log_line, replay_json, write_log


def read(path: Path) -> tuple[str, list[LoggedRequest | Malformed]]:
    source = open_source(path)
    return source.format, list(source.items())


def test_a_legacy_access_log_line_becomes_the_viewer_request_it_records(tmp_path: Path) -> None:
    fmt, items = read(write_log(tmp_path / "E2EXAMPLE.2019-12-04-21.abcd1234", [
        log_line("21:02:31", "/index.html", "lang=en&x=1", size=10450)]))
    assert fmt == "w3c"
    (item,) = items
    assert isinstance(item, LoggedRequest)
    assert (item.method, item.host, item.path, item.query) == ("GET", DOMAIN, "/index.html", "lang=en&x=1")
    assert dict(item.headers)["User-Agent"] == "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"  # logged URL-encoded
    assert (item.scheme, item.http_version, item.client_ip) == ("https", "2.0", "192.0.2.100")
    assert (item.status, item.size, item.content_type, item.result) == (200, 10450, "text/html", "Miss")
    assert item.timestamp == 1575493351.0  # 2019-12-04 21:02:31 UTC


def test_a_gzipped_log_with_broken_lines_reports_each_by_number_and_reads_the_rest(tmp_path: Path) -> None:
    lines = ["#Version: 1.0", "#Fields: date time cs-method cs-uri-stem sc-status x-host-header",
             "2019-12-04\t21:02:31\tGET\t/a\t200\twww.example.com",
             "2019-12-04\t21:02:32\tGET\t/b",  # cut short
             "2019-12-04\t21:02:33\tGET\t/c\tOK\twww.example.com",  # not a status
             "2019-12-04\t21:02:34\tG3T!\t/d\t200\twww.example.com",
             "2019-12-04\t21:02:35\tGET\t/e\t404\twww.example.com"]
    path = tmp_path / "E2EXAMPLE.2019-12-04-21.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    fmt, items = read(path)
    assert fmt == "w3c"
    assert [(i.line, i.path, i.status) for i in items if isinstance(i, LoggedRequest)] == [(3, "/a", 200),
                                                                                           (7, "/e", 404)]
    bad = [(i.line, i.reason) for i in items if isinstance(i, Malformed)]
    assert [line for line, _ in bad] == [4, 5, 6]
    assert "4 tab-separated values, the #Fields line names 6" in bad[0][1]
    assert "sc-status 'OK' is not a number" in bad[1][1]


def test_the_cli_reports_malformed_lines_and_still_replays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "access.log", [log_line("21:02:31", "/a.css"), "not\ta\tlog\tline",
                                              log_line("21:02:32", "/a.css", result="Hit")])
    report = replay_json(capsys, str(log), "--config", str(config(tmp_path, "a.yaml", [])))
    assert report["requests"] == 2
    assert report["malformed"] == {"count": 1, "lines": [
        {"line": 4, "reason": "4 tab-separated values, the #Fields line names 33"}]}


def test_logging_v2_json_lines_with_country_and_epoch_timestamp(tmp_path: Path) -> None:
    rows = [{"timestamp": "1733395200.123", "c-ip": "203.0.113.5", "c-country": "DE", "cs-method": "GET",
             "x-host-header": "www.example.com", "cs-uri-stem": "/de/", "cs-uri-query": "-", "sc-status": 200,
             "cs-protocol": "http", "cs-protocol-version": "HTTP/1.1", "cache-behavior-path-pattern": "/de/*"}]
    path = tmp_path / "v2.json"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    fmt, items = read(path)
    assert fmt == "json-lines"
    item, bad = items
    assert isinstance(item, LoggedRequest) and isinstance(bad, Malformed)
    assert (item.country, item.timestamp, item.scheme, item.behavior) == ("DE", 1733395200.123, "http", "/de/*")
    assert bad.line == 2 and bad.reason.startswith("not JSON")


HAR = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [
    {"startedDateTime": "2024-12-05T10:00:00.000Z", "time": 12.5,
     "request": {"method": "GET", "url": "https://www.example.com/app.js?v=3", "httpVersion": "h2",
                 "headers": [{"name": ":authority", "value": "www.example.com"},
                             {"name": "accept-encoding", "value": "gzip, br"}],
                 "queryString": [{"name": "v", "value": "3"}], "cookies": [], "headersSize": -1, "bodySize": 0},
     "response": {"status": 200, "statusText": "", "httpVersion": "h2", "headers": [
         {"name": "x-cache", "value": "Hit from cloudfront"}],
         "content": {"size": 5120, "mimeType": "text/javascript"}, "redirectURL": "", "headersSize": -1,
         "bodySize": 1800}, "cache": {}, "timings": {"send": 0, "wait": 10, "receive": 2.5}},
    {"startedDateTime": "2024-12-05T10:00:01.000Z", "request": {"url": "https://www.example.com/"}},
]}}


def test_a_har_file_gives_its_entries_without_http2_pseudo_headers(tmp_path: Path) -> None:
    path = tmp_path / "www.example.com.har"
    path.write_text(json.dumps(HAR))
    fmt, items = read(path)
    assert fmt == "har"
    item, bad = items
    assert isinstance(item, LoggedRequest)
    assert (item.host, item.path, item.query, item.http_version) == ("www.example.com", "/app.js", "v=3", "2.0")
    assert item.headers == (("accept-encoding", "gzip, br"),)
    assert (item.status, item.size, item.content_type, item.result) == (200, 5120, "text/javascript", "Hit")
    assert isinstance(bad, Malformed) and bad.line == 2 and "method" in bad.reason


def test_an_unknown_input_is_one_message_not_a_traceback(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello world\n")
    assert main(["replay", str(path), "--config", str(config(tmp_path, "a.yaml", []))]) == 1
    err = capsys.readouterr().err
    assert "not a CloudFront access log" in err and "Traceback" not in err
