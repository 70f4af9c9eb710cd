"""The inspector page in real headless Chromium (Debian's chromium, driven by Playwright without a browser
download). Screenshots of each view go to build/screenshots/ (or $FRONTYARD_SCREENSHOTS), not to git."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.inspector.support import Inspected, run_inspected

playwright = pytest.importorskip("playwright.async_api", reason="pip install playwright (the test extra)")
CHROMIUM = os.environ.get("FRONTYARD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
SHOTS = Path(os.environ.get("FRONTYARD_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "build" / "screenshots")
ARRIVAL_MS = 1000  # the promise: a served request is listed within a second


@pytest.fixture
async def browser() -> AsyncIterator[object]:
    async with playwright.async_playwright() as p:
        b = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield b
        finally:
            await b.close()


async def open_inspector(browser: object, edge: Inspected) -> tuple[object, list[str]]:
    """The page, connected to the live stream; and a list collecting what went wrong in the browser."""
    page = await browser.new_page(viewport={"width": 1500, "height": 900})  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    await page.goto(edge.admin + "/")
    await page.wait_for_selector("#live.on")  # the event stream is open
    return page, problems


async def shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"inspector-{name}.png"))  # type: ignore[attr-defined]


def rows(page: object) -> object:
    return page.locator("tr.request-row:visible")  # type: ignore[attr-defined]


async def test_a_request_is_listed_live_and_its_detail_shows_origin_request_and_function_log(
        tmp_path: Path, browser: object) -> None:
    async with run_inspected(tmp_path) as edge:
        page, problems = await open_inspector(browser, edge)
        assert await page.locator("#empty").is_visible()
        status, _ = await edge.get("/a/b?q=1", headers={"Host": "app.localhost", "X-Custom": "only-the-viewer"})
        assert status == 200
        _, last = await edge.api("/_frontyard/requests/last")
        row = page.locator(f'tr.request-row[data-id="{last["id"]}"]')
        await row.wait_for(timeout=ARRIVAL_MS)  # pushed: no reload, no polling interval
        assert await row.locator("td").all_inner_texts() == [
            await row.locator("td").first.inner_text(), "GET", "app.localhost", "/a/b?q=1", "200", "default (*)",
            "app", "Miss", await row.locator("td").last.inner_text()]
        await shot(page, "list")

        await row.click()
        await page.wait_for_selector("#detail-title")
        assert await page.locator("#view-config").is_hidden()
        assert await page.inner_text("#detail-title") == "GET http://app.localhost/a/b?q=1"
        sent = page.locator(".origin-request-headers")
        await sent.wait_for()
        sent_text = await sent.inner_text()
        assert "app.example.test" in sent_text and last["id"] in sent_text and "Amazon CloudFront" in sent_text
        assert "only-the-viewer" not in sent_text
        dropped = page.locator(".viewer-headers tr.dropped")  # what the viewer sent and the origin never got
        assert any("X-Custom" in t for t in await dropped.all_inner_texts())
        assert await page.inner_text(".function-log") == "saw /a/b from 127.0.0.1"
        assert "no cached copy" in await page.inner_text(".cache")  # the cache's key and result
        assert "/a/b?q=1" in await page.inner_text("#curl")
        assert await page.locator("#why").count() == 0  # a 200 has no why
        assert "null" not in await page.inner_text("#detail")
        await shot(page, "detail")
        await page.click("#explain-this")
        await page.wait_for_selector("#explain table.decisions")
        assert "would send GET http://app.example.test/a/b" in await page.inner_text("#explain")
        await shot(page, "explain")
        assert page.url.endswith(f"#request/{last['id']}")
        assert problems == []  # no script error, no 404 (favicon included)


async def test_the_filters(tmp_path: Path, browser: object) -> None:
    async with run_inspected(tmp_path) as edge:
        page, problems = await open_inspector(browser, edge)
        for path in ("/one", "/missing/two", "/three"):
            await edge.get(path)
        await edge.get("/", headers={"Host": "nobody.test"})
        await page.wait_for_function("document.querySelectorAll('tr.request-row').length === 4")

        await page.select_option("#filter-status", "4")
        assert await rows(page).count() == 2
        await page.select_option("#filter-origin", "pages")
        assert [await r.inner_text() for r in await rows(page).locator("td.path").all()] == ["/missing/two"]
        await shot(page, "filtered")
        await page.click("#clear-filters")
        assert await rows(page).count() == 4
        await page.select_option("#filter-behavior", "/missing/*")
        assert await rows(page).count() == 1
        await page.click("#clear-filters")
        await page.fill("#filter-text", "alternate domain")  # matches the 403's why
        assert [await r.inner_text() for r in await rows(page).locator("td.status").all()] == ["403"]
        await page.fill("#filter-text", "three")
        assert [await r.inner_text() for r in await rows(page).locator("td.path").all()] == ["/three"]
        assert problems == []


CACHED = """\
distribution:
  origins:
    - id: static
      domain_name: static.example.test
      mock: {type: response, body: "hello", headers: {Cache-Control: "max-age=60"}}
  default_cache_behavior: {target_origin_id: static, cache_policy: Managed-CachingOptimized}
emulator:
  history: %(history)d
"""


async def test_a_repeat_says_which_request_it_repeats(tmp_path: Path, browser: object) -> None:
    async with run_inspected(tmp_path, CACHED) as edge:
        page, problems = await open_inspector(browser, edge)
        for _ in range(3):  # a miss, a hit through the stages, the same request again
            assert await edge.get("/page") == (200, b"hello")
        _, hit, repeat = edge.edge.history.entries()
        _, last = await edge.api("/_frontyard/requests/last")
        assert (last["id"], last["repeat_of"], last["x_cache"]) == (repeat.id, hit.id, "Hit from cloudfront")
        row = page.locator(f'tr.request-row[data-id="{repeat.id}"]')
        await row.wait_for(timeout=ARRIVAL_MS)
        await row.click()
        note = page.locator("#repeat-of")
        await note.wait_for()
        assert (await note.inner_text()).startswith(f"Answered as a repeat of {hit.id}: the same request line")
        assert "fresh for" in await page.inner_text(".cache")
        await page.locator(f'tr.request-row[data-id="{hit.id}"]').click()
        await page.wait_for_function(f"document.querySelector('#detail-title') && !document.querySelector("
                                     f"'#repeat-of') && document.body.innerText.includes('{hit.id}')")
        assert problems == []


async def test_the_config_view_shows_the_warnings(tmp_path: Path, browser: object) -> None:
    from tests.inspector.test_api import CONFIG_WITH_SHADOW

    async with run_inspected(tmp_path, CONFIG_WITH_SHADOW) as edge:
        page, problems = await open_inspector(browser, edge)
        await page.click("#tab-config")
        await page.wait_for_selector("#config-warnings .warning")
        text = await page.inner_text("#config-warnings")
        assert "cache_behaviors[1] (/api/v1/*): can never match" in text
        assert "path_pattern: /api/v1/*" in await page.inner_text("#config-text")
        assert await page.inner_text("#warning-count") == "1 warning"
        assert await page.locator("#view-requests").is_hidden()  # one view at a time
        await page.locator("#config-warnings").scroll_into_view_if_needed()
        assert (await page.locator("#config-warnings").bounding_box() or {"y": 1e9})["y"] < 200  # at the top
        await shot(page, "config")
        assert problems == []


# Every header name, and every short value, as the browser lays it out: (text, lines it takes).
_LINES = """(selector) => [...document.querySelectorAll(selector)].map((cell) => {
  const range = document.createRange();
  range.selectNodeContents(cell);
  const box = range.getBoundingClientRect();
  return [cell.textContent, Math.round(box.height / parseFloat(getComputedStyle(cell).lineHeight))];
})"""


@pytest.mark.parametrize("width", [1400, 1920])
async def test_the_detail_sections_are_laid_out_to_be_read(tmp_path: Path, browser: object, width: int) -> None:
    async with run_inspected(tmp_path) as edge:
        status, _ = await edge.get("/a/b?q=1", headers={
            "Host": "app.localhost", "Access-Control-Request-Headers": "content-type",
            "Cookie": "; ".join(f"session{i}=" + "abcdef0123456789" * 3 for i in range(4))})
        assert status == 200
        _, last = await edge.api("/_frontyard/requests/last")
        page = await browser.new_page(viewport={"width": width, "height": 1000})  # type: ignore[attr-defined]
        await page.goto(f"{edge.admin}/#request/{last['id']}")
        await page.wait_for_selector(".origin-request-headers")
        sections = {"summary": "#detail-title", "curl": "#curl", "decisions": "#detail > .decisions",
                    "cache": "#detail > .cache", "functions": "#detail > .functions", "exchange": ".exchange",
                    "viewer-sent": ".viewer-headers", "origin-received": ".origin-request-headers",
                    "response": ".response-headers", "timings": ".timings"}
        for name, selector in sections.items():
            section = page.locator(selector).first
            await section.scroll_into_view_if_needed()
            SHOTS.mkdir(parents=True, exist_ok=True)
            await section.screenshot(path=str(SHOTS / f"inspector-detail-{width}-{name}.png"))
        names = await page.evaluate(_LINES, "#detail table.kv td:first-child")
        values = await page.evaluate(_LINES, "#detail table.kv td:nth-child(2)")
        # The viewer's, the origin's request and response, the viewer's response and the timings tables.
        assert len(names) > 30 and any(n == "Access-Control-Request-Headers" for n, _ in names)
        assert [(n, lines) for n, lines in names if lines != 1] == []  # each header name is one line high
        stages = await page.evaluate(_LINES, "#detail table.decisions td:nth-child(2)")
        assert ["origin-request", 1] in stages and [(s, n) for s, n in stages if n != 1] == []
        assert [(v, lines) for v, lines in values if len(v) <= 40 and lines != 1] == []
        cookie = next(lines for v, lines in values if v.startswith("session0="))
        assert cookie > 1  # a long value wraps
        widths = await page.evaluate("[...document.querySelectorAll('#detail table.kv td:nth-child(2)')]"
                                     ".map((td) => td.getBoundingClientRect().width)")
        assert min(widths) >= 150  # room for a value beside its name, never a sliver
        pane = await page.locator("#detail").bounding_box()
        for table in await page.locator("#detail table.kv").all():  # no table runs past the pane's right edge
            box = await table.bounding_box()
            assert box["x"] + box["width"] <= pane["x"] + pane["width"] + 1
