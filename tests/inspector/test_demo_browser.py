"""The built-in demo in headless Chromium: what the page sent beside what the origin received, CloudFront's
headers, the trace, the traps; no favicon 404."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator import Edge
from emulator.cli.main import demo_config_path
from tests.inspector.test_page_browser import CHROMIUM, browser, shot  # noqa: F401 (the fixture)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")


async def test_the_demo_shows_sent_against_received(browser: object, tmp_path: Path) -> None:  # noqa: F811
    async with Edge.from_file(demo_config_path()) as edge:
        await edge.serve(https=False)
        assert edge.url is not None
        page = await browser.new_page(viewport={"width": 1300, "height": 1000})  # type: ignore[attr-defined]
        failed: list[str] = []
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("pageerror", lambda e: failed.append(f"page error: {e}"))
        await page.goto(edge.url + "/")
        await page.wait_for_selector("#received tr")
        received = await page.inner_text("#received")
        assert "api.demo.localhost" in received and "Amazon CloudFront" in received
        assert "GET /api/hello" in received and "from=spa" not in received  # the query string is dropped
        dropped = await page.locator("#sent tr.dropped td:first-child").all_inner_texts()
        assert set(dropped) == {"X-Demo", "Accept", "Cookie"}
        response = await page.inner_text("#response")
        assert "Miss from cloudfront" in response and "X-Amz-Cf-Id" in response
        trace = await page.inner_text("#trace")
        assert "behavior=/api/* @demo.yaml:" in trace and "origin=200" in trace
        assert "/#request/" in (await page.get_attribute("#inspect", "href") or "")
        await shot(page, "demo")

        await page.click("button[data-auth]")
        await page.wait_for_selector("#sent tr.dropped >> text=Authorization")
        await page.click('button[data-path="/API/hello"]')
        await page.wait_for_selector("#received >> text=(no echo)")
        assert "404 from another origin" in await page.inner_text("#received")
        assert failed == [f"404 {edge.url}/API/hello"]  # the trap itself, and nothing else (no favicon)
