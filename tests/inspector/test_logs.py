"""The logs: why= on every error line, functions' console.log, CloudFront's standard access log file."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from emulator.serve.access_log import FIELDS
from tests.inspector.support import CONFIG, run_inspected

BROKEN = """\
function handler(event) {
    console.log('about to fail');
    return event.request.nothing.there;
}
"""


async def test_every_error_line_says_why(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    async with run_inspected(tmp_path, access_log=True) as edge:
        assert (await edge.get("/ok"))[0] == 200
        assert (await edge.get("/missing/x"))[0] == 404
        assert (await edge.get("/", headers={"Host": "nobody.test"}))[0] == 403
    lines = [r.getMessage() for r in caplog.records if r.name == "frontyard.access"]
    ok, missing, unknown = lines
    assert re.fullmatch(r'127\.0\.0\.1 "GET /ok HTTP/1\.1" 200 \d+ \d+\.\dms behavior=default \(\*\) origin=200 '
                        r"result=miss id=[\w-]{54}==", ok), ok  # no why= on a 2xx
    assert missing.split(" ")[4] == "404" and "why=\"origin 'pages' answered 404 in " in missing
    assert 'why="Host \'nobody.test\' is not an alternate domain name of any distribution"' in unknown


async def test_a_function_error_and_its_console_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    yaml = CONFIG.replace("code: tag.js", "code: broken.js")
    (tmp_path / "broken.js").write_text(BROKEN)
    async with run_inspected(tmp_path, yaml, access_log=True) as edge:
        status, _ = await edge.get("/x")
    assert status == 503
    [access] = [r.getMessage() for r in caplog.records if r.name == "frontyard.access"]
    assert access.split(" ")[4] == "503" and "why=\"viewer-request function 'tag': failed" in access
    assert "TypeError" in access
    [logged] = [r.getMessage() for r in caplog.records if r.name == "frontyard.function"]
    assert logged.startswith("tag ") and logged.endswith(": about to fail")


async def test_the_standard_access_log_file(tmp_path: Path) -> None:
    yaml = CONFIG.replace("  history: %(history)d", "  history: %(history)d\n  access_log: {file: logs/cf.log}")
    async with run_inspected(tmp_path, yaml) as edge:
        await edge.get("/a/b?q=1", headers={"Host": "app.localhost", "User-Agent": "Mozilla/5.0 (X11)",
                                            "Referer": "http://app.localhost/"})
        await edge.get("/missing/y")
        _, listing = await edge.api("/_frontyard/requests")
    ok_id, missing_id = (r["id"] for r in listing["requests"])
    text = (tmp_path / "logs" / "cf.log").read_text()
    version, fields, *lines = text.splitlines()
    assert version == "#Version: 1.0" and fields == f"#Fields: {FIELDS}"
    names = FIELDS.split()
    assert len(names) == 33
    ok, missing = (dict(zip(names, line.split("\t"), strict=True)) for line in lines)
    assert ok["x-edge-location"] == "LCL50-C1" and ok["cs-method"] == "GET" and ok["cs-uri-stem"] == "/a/b"
    assert ok["cs-uri-query"] == "q=1" and ok["sc-status"] == "200" and ok["x-edge-request-id"] == ok_id
    assert ok["cs(Host)"].endswith(".cloudfront.net") and ok["x-host-header"] == "app.localhost"
    assert ok["cs(User-Agent)"] == "Mozilla/5.0%20(X11)" and ok["cs(Referer)"] == "http://app.localhost/"
    assert ok["x-edge-result-type"] == ok["x-edge-response-result-type"] == "Miss"
    assert ok["cs-protocol"] == "http" and ok["cs-protocol-version"] == "HTTP/1.1" and ok["ssl-protocol"] == "-"
    assert int(ok["sc-bytes"]) > int(ok["sc-content-len"]) > 0 and ok["sc-content-type"].startswith("application/json")
    assert float(ok["time-taken"]) >= 0 and ok["cs(Cookie)"] == "-"
    assert (missing["sc-status"], missing["x-edge-result-type"], missing["x-edge-request-id"]) == \
        ("404", "Error", missing_id)


async def test_edge_errors_log_their_detailed_result_type(tmp_path: Path) -> None:
    yaml = CONFIG.replace("  history: %(history)d", "  history: %(history)d\n  access_log: {file: cf.log}")
    async with run_inspected(tmp_path, yaml) as edge:
        await edge.get("/", headers={"Host": "nobody.test"})
    fields = (tmp_path / "cf.log").read_text().splitlines()[2].split("\t")
    row = dict(zip(FIELDS.split(), fields, strict=True))
    assert (row["sc-status"], row["x-edge-result-type"], row["x-edge-detailed-result-type"]) == \
        ("403", "Error", "InvalidRequest")
    assert row["cs(Host)"] == "-"


async def test_the_access_log_reads_back_as_the_viewer_sent_it(tmp_path: Path) -> None:
    """CloudFront's log files URL-encode '%', spaces and non-ASCII in every field, so a reader decodes once: what
    frontyard writes, frontyard replay reads back as the viewer's own request line and headers."""
    from emulator.replay import w3c

    yaml = CONFIG.replace("  history: %(history)d", "  history: %(history)d\n  access_log: {file: cf.log}")
    async with run_inspected(tmp_path, yaml) as edge:
        await edge.get("/a%20b/%C3%A9?q=x%20y&p=100%25", headers={"Host": "app.localhost",
                                                                  "User-Agent": "Mozilla/5.0 (X11) 100%"})
    text = (tmp_path / "cf.log").read_text()
    row = dict(zip(FIELDS.split(), text.splitlines()[2].split("\t"), strict=True))
    assert row["cs-uri-stem"] == "/a%2520b/%25C3%25A9" and row["cs-uri-query"] == "q=x%2520y&p=100%2525"
    assert row["cs(User-Agent)"] == "Mozilla/5.0%20(X11)%20100%25"
    (logged,) = list(w3c.read(text.splitlines()))
    assert logged.path == "/a%20b/%C3%A9" and logged.query == "q=x%20y&p=100%25"
    assert dict(logged.headers)["User-Agent"] == "Mozilla/5.0 (X11) 100%"
