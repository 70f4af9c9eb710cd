"""Field values as CloudFront writes them: URL-encoded once more ("Standard logging reference", log file format:
characters 0-32, 127 and higher, and '%' among others), so a viewer's `%20` is logged `%2520`; the replay sends
what the viewer sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator.replay.model import LoggedRequest
from emulator.replay.sources import open_source
from tests.replay.support import HEADER, config, replay_json, write_log

FIELDS = "date time cs-method cs-uri-stem cs-uri-query cs(Cookie) cs(User-Agent) x-host-header sc-status"


def test_stem_query_cookie_and_host_are_decoded_once(tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    log.write_text("\n".join([HEADER[0], "#Fields: " + FIELDS,
                              "2019-12-04\t21:02:31\tGET\t/caf%25C3%25A9/a%2520b.txt\tq=a%2520b&tag=%2523x\t"
                              "session=abc;%20theme=dark\tcurl/8.5.0\twww.example.com\t200"]) + "\n")
    (item,) = open_source(log).items()
    assert isinstance(item, LoggedRequest)
    assert (item.path, item.query) == ("/caf%C3%A9/a%20b.txt", "q=a%20b&tag=%23x")
    assert dict(item.headers)["Cookie"] == "session=abc; theme=dark"
    assert item.host == "www.example.com"


def test_the_replayed_origin_request_carries_the_path_the_viewer_sent(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "access.log", [])
    log.write_text("\n".join([HEADER[0], "#Fields: " + FIELDS,
                              "2019-12-04\t21:02:31\tGET\t/a%2520b.txt\t-\t-\t-\td111111abcdef8.cloudfront.net\t200"])
                   + "\n")
    report = replay_json(capsys, str(log), "--config", str(config(tmp_path, "a.yaml", [])))
    (row,) = report["first_requests"]
    assert row[0]["target"] == "/a%20b.txt"
    assert row[0]["origin_path"] == "/site/a%20b.txt"
