"""A real browser's verdict on CORS (AWS: "Understand response headers policies"): headless Chromium (Debian's package,
driven by Playwright
with `executable_path`) loads examples/cors-policy's page from one origin and fetches from another; the fetch
succeeds only where the behavior's response headers policy allows that origin."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from playwright.async_api import async_playwright

from tests.helpers import run_edge

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cors-policy"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Debian's chromium is needed for the browser checks: apt-get install -y chromium (.ci/run does)"
    return path


async def test_cross_origin_fetch_succeeds_only_when_the_policy_allows_it(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "example")  # the example as shipped
    folder = tmp_path / "example"
    async with run_edge(folder, (folder / "frontyard.yaml").read_text()) as edge, async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        try:
            page = await browser.new_page()
            await page.goto(edge.url + "/index.html")  # served from http://127.0.0.1:<port>
            await page.wait_for_function("document.getElementById('out').textContent !== 'running'", timeout=20000)
            results = json.loads(await page.text_content("#out") or "{}")
        finally:
            await browser.close()
    assert results == {
        "simple_allowed": "200 GET",
        "preflighted_allowed": "200 PUT",  # its OPTIONS preflight was answered at the edge
        "no_policy": "blocked",
        "other_origin_only": "blocked",
    }
