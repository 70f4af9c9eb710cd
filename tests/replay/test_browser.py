"""In real headless Chromium: the HTML report as a person sees it, and a HAR that Chromium itself saved while
browsing a real edge, replayed through the same config."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import run_edge
from tests.replay.support import API, API_V2, config, log_line, run_cli, write_log

playwright = pytest.importorskip("playwright.async_api", reason="pip install playwright (the test extra)")
CHROMIUM = os.environ.get("FRONTYARD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
SHOTS = Path(os.environ.get("FRONTYARD_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "build" / "screenshots")

SITE = """\
distribution:
  origins:
    - {id: app, domain_name: app.example.test, mock: {type: echo}}
    - id: pages
      domain_name: pages.example.test
      mock: {type: response, status: 404, body: "no such page"}
  default_cache_behavior: {target_origin_id: app, cache_policy: Managed-CachingOptimized}
  cache_behaviors:
    - {path_pattern: /missing/*, target_origin_id: pages, cache_policy: Managed-CachingDisabled}
"""


async def test_the_html_report_shows_the_moved_requests_and_the_prediction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "access.log", [
        log_line("21:00:00", "/api/v2/users"), log_line("21:00:01", "/api/v2/users", result="Hit"),
        log_line("21:00:02", "/index.html"), "oops"])
    a, b = config(tmp_path, "a.yaml", [API, API_V2]), config(tmp_path, "b.yaml", [API_V2, API])
    page_file = tmp_path / "report.html"
    assert await run_cli("replay", str(log), "--config", str(a), "--against", str(b), "--html", str(page_file)) == 0
    capsys.readouterr()
    async with playwright.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = await browser.new_page(viewport={"width": 1300, "height": 900})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            await page.goto(page_file.as_uri())
            SHOTS.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(SHOTS / "replay-report.png"), full_page=True)
            group = page.locator(".group")
            assert await group.count() == 1
            assert await group.is_visible()
            text = await group.inner_text()
            assert text.startswith("2 requests to /api/v2* move from behavior /api/* (origin api, CachingDisabled)")
            assert "line 3: GET /api/v2/users" in text
            summary = await page.locator("#summary").inner_text()
            assert "3 requests" in summary and "1 malformed lines" in summary
            row = page.locator("tr", has_text="default: /api/v2*")
            assert "50.0%" in await row.inner_text()  # the second /api/v2/users is a hit under B
            assert "one edge location" in await page.locator(".limits").inner_text()
            assert requests == [page_file.as_uri()]  # self-contained: nothing else is fetched
        finally:
            await browser.close()


async def test_a_har_saved_by_chromium_replays_with_the_statuses_it_recorded(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    har = tmp_path / "browse.har"
    async with run_edge(tmp_path, SITE) as edge, playwright.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            context = await browser.new_context(record_har_path=str(har))
            page = await context.new_page()
            for path in ("/home?lang=en", "/home?lang=en", "/missing/page"):
                await page.goto(edge.url + path)
            await context.close()  # writes the HAR
        finally:
            await browser.close()
    recorded = json.loads(har.read_text())["log"]["entries"]
    assert [e["response"]["status"] for e in recorded if "/favicon" not in e["request"]["url"]][:3] == [200, 200,
                                                                                                        404]
    assert await run_cli("replay", str(har), "--config", str(edge.config_path), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "har" and report["malformed"]["count"] == 0
    rows = [row[0] for row in report["first_requests"] if not row[0]["target"].startswith("/favicon")]
    assert [(r["target"], r["behavior"], r["status"]) for r in rows] == [
        ("/home?lang=en", "default (*)", 200), ("/home?lang=en", "default (*)", 200),
        ("/missing/page", "/missing/*", 404)]
    assert [r["cache"] for r in rows[:2]] == ["Miss", "Hit"]
