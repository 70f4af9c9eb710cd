"""The documentation site as a person sees it: built with `mkdocs build --strict` (warnings are errors), served
on a loopback port, and opened in real headless Chromium (Debian's chromium, driven by Playwright without a
browser download). Screenshots go to build/screenshots/docs-*.png (or $FRONTYARD_SCREENSHOTS), not to git."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.async_api", reason="pip install playwright (the test extra)")
pytest.importorskip("material", reason="pip install mkdocs-material (the test or docs extra)")
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("FRONTYARD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
SHOTS = Path(os.environ.get("FRONTYARD_SCREENSHOTS") or ROOT / "build" / "screenshots")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built from this checkout, served on 127.0.0.1 port 0; yields its base URL."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
           "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=100)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    handler = functools.partial(_Quiet, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
async def page(site: str) -> AsyncIterator[object]:
    async with playwright.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = await browser.new_page(viewport={"width": 1400, "height": 900})
            problems: list[str] = []
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
            page.problems = problems  # type: ignore[attr-defined]
            yield page
        finally:
            await browser.close()


async def shot(page: object, name: str, *, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"docs-{name}.png"), full_page=full)  # type: ignore[attr-defined]


async def heading(page: object) -> str:
    """The page's h1 as a reader sees it (without the permalink sign shown on hover)."""
    return (await page.locator("article h1").inner_text()).replace("¶", "").strip()  # type: ignore[attr-defined]


async def test_home_page_says_what_frontyard_is_and_links_to_the_guides(site: str, page: object) -> None:
    await page.goto(site + "/")  # type: ignore[attr-defined]
    assert "frontyard" in await page.title()  # type: ignore[attr-defined]
    assert await heading(page) == "frontyard"
    assert await page.get_by_text("A local emulator of the Amazon CloudFront edge").first.is_visible()  # type: ignore
    assert await page.locator("article img[src$='inspector.png']").is_visible()  # type: ignore[attr-defined]
    nav = page.locator("nav.md-nav--primary")  # type: ignore[attr-defined]
    for title in ("Getting started", "Configuration reference", "CLI reference", "Fidelity", "Design decisions"):
        assert await nav.get_by_text(title, exact=True).count() >= 1, title
    await shot(page, "home")
    assert page.problems == []  # type: ignore[attr-defined]


async def test_configuration_reference_shows_each_key_with_its_cloudfront_names(site: str, page: object) -> None:
    await page.goto(site + "/configuration-reference/")  # type: ignore[attr-defined]
    assert await heading(page) == "Configuration reference"
    row = page.locator("tr", has=page.locator("td:first-child code", has_text="viewer_protocol_policy"))  # type: ignore
    await row.first.scroll_into_view_if_needed()
    assert await row.first.is_visible()
    text = await row.first.inner_text()
    assert "allow-all" in text and "ViewerProtocolPolicy" in text and "viewer_protocol_policy" in text
    # A person reads the key on one line, and sees every column of its row.
    key = await row.first.locator("td:first-child code").bounding_box()
    line = await page.evaluate("parseFloat(getComputedStyle(document.querySelector('article td code')).lineHeight)"
                               " || 20")  # type: ignore[attr-defined]
    assert key is not None and key["height"] < 2 * line, key
    last = await row.first.locator("td").last.bounding_box()
    toc = await page.locator("nav.md-nav--secondary").first.bounding_box()  # type: ignore[attr-defined]
    right = toc["x"] if toc is not None and toc["width"] > 0 else 1400
    assert last is not None and last["x"] + last["width"] <= right, (last, toc)
    ignored = page.locator("tr", has=page.locator("td:first-child code", has_text="web_acl_id"))  # type: ignore
    assert "Not emulated: AWS WAF is not emulated" in await ignored.first.inner_text()
    await shot(page, "configuration-reference")
    assert page.problems == []  # type: ignore[attr-defined]


async def test_fidelity_table_links_each_row_to_aws_documentation(site: str, page: object) -> None:
    await page.goto(site + "/fidelity/")  # type: ignore[attr-defined]
    assert await heading(page) == "Fidelity"
    row = page.locator("tr", has_text="Unknown Host → 403")  # type: ignore[attr-defined]
    await row.first.scroll_into_view_if_needed()
    assert await row.first.is_visible()
    assert "done" in await row.first.inner_text()
    link = row.first.locator("a")
    assert (await link.first.get_attribute("href")).startswith("https://docs.aws.amazon.com/AmazonCloudFront/")
    assert await page.locator("th", has_text="AWS documentation").count() >= 1  # type: ignore[attr-defined]
    await shot(page, "fidelity")
    assert page.problems == []  # type: ignore[attr-defined]


async def test_cli_reference_lists_the_subcommands(site: str, page: object) -> None:
    await page.goto(site + "/cli/")  # type: ignore[attr-defined]
    assert await page.locator("h2", has_text="frontyard serve").is_visible()  # type: ignore[attr-defined]
    assert await page.locator("h2", has_text="frontyard keys new").count() == 1  # type: ignore[attr-defined]
    await shot(page, "cli")
