"""examples/vite-dev: a real Vite dev server behind the edge, in real headless Chromium.

The page is opened through the edge only; Vite's HMR client opens its WebSocket to the page's host and port
(the edge), and an edit to a source file must reach the open page over it. The npm install is the example's
own setup.sh, cached under build/vite-dev-node_modules/ (keyed by the lock file) so it is paid once.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from emulator.assembly import load_config, load_source
from emulator.cli import main
from tests.docker.stack import mounts
from tests.helpers import run_config

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "vite-dev"
APP = EXAMPLE / "app"
CACHE = Path(os.environ.get("FRONTYARD_VITE_CACHE") or REPO / "build" / "vite-dev-node_modules")
CHROMIUM = os.environ.get("FRONTYARD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
INSTALL_TIMEOUT = 300  # a cold npm install; a warm cache skips it
READY_TIMEOUT = 30     # Vite printing its URL
CONNECT_MS = 10_000    # the page rendered and the HMR socket open
HMR_MS = 10_000        # an edit reaching the page
GREETING = "Hello from Vite, through the edge"


def node_modules() -> Path:
    """The example's node_modules, installed once per lock file by the example's own setup.sh (or a skip)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("needs Node.js and npm on PATH (Vite 8: Node 20.19+ or 22.12+)")
    lock = hashlib.sha256((APP / "package-lock.json").read_bytes()).hexdigest()[:16]
    target = CACHE / lock
    if not (target / "node_modules" / "vite" / "bin" / "vite.js").is_file():
        try:
            done = subprocess.run(["sh", str(EXAMPLE / "setup.sh"), str(target)], capture_output=True, text=True,
                                  timeout=INSTALL_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.skip(f"npm install of the Vite example took over {INSTALL_TIMEOUT}s (no network?)")
        if done.returncode != 0:
            pytest.skip(f"npm install of the Vite example failed (no network?): {done.stderr.strip()[-400:]}")
    return target / "node_modules"


def free_port() -> int:
    """A loopback port for Vite (it takes a fixed port, strictPort: a clash fails loudly, never moves)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def app_copy(tmp_path: Path, modules: Path) -> Path:
    """The app in a temp folder the test may edit, its node_modules linked to the cache."""
    app = tmp_path / "app"
    shutil.copytree(APP, app, ignore=shutil.ignore_patterns("node_modules"))
    (app / "node_modules").symlink_to(modules, target_is_directory=True)
    return app


@asynccontextmanager
async def vite(app: Path, port: int, edge_port: int) -> AsyncIterator[None]:
    """`vite` (the app's dev script) on 127.0.0.1:port, told the edge's port for its HMR client."""
    env = {**os.environ, "VITE_PORT": str(port), "FRONTYARD_EDGE_PORT": str(edge_port), "NO_COLOR": "1"}
    proc = await asyncio.create_subprocess_exec(
        "node", str(app / "node_modules" / "vite" / "bin" / "vite.js"), cwd=app, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    assert proc.stdout is not None
    try:
        await asyncio.wait_for(ready(proc, rf"Local:\s+http://127\.0\.0\.1:{port}/"), READY_TIMEOUT)
        drain = asyncio.create_task(proc.stdout.read())  # keeps the pipe empty while Vite logs the updates
        try:
            yield
        finally:
            await stop(proc)
            await drain
    finally:
        await stop(proc)


async def ready(proc: asyncio.subprocess.Process, pattern: str) -> None:
    seen = []
    while not (seen and re.search(pattern, seen[-1])):
        line = (await proc.stdout.readline()).decode(errors="replace")  # type: ignore[union-attr]
        assert line, f"vite exited ({await proc.wait()}) before it was ready:\n{''.join(seen)}"
        seen.append(line)


async def stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.terminate()
    try:
        await asyncio.wait_for(proc.wait(), 10)
    except TimeoutError:
        proc.kill()
        await proc.wait()


@dataclass
class Sockets:
    """The page's WebSockets as Chromium saw them: their URLs and the frames Vite sent on them."""
    urls: list[str] = field(default_factory=list)
    received: list[dict] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def opened(self, ws: object) -> None:
        self.urls.append(ws.url)  # type: ignore[attr-defined]
        ws.on("framereceived", self.frame)  # type: ignore[attr-defined]

    def frame(self, payload: str | bytes) -> None:
        try:
            self.received.append(json.loads(payload))
        except ValueError:
            return
        self.changed.set()

    async def wait_for(self, kind: str, timeout_ms: int, problems: list[str]) -> dict:
        """Vite's first message of this type on the page's sockets (or the test fails, saying what it saw)."""
        async def first() -> dict:
            while not any(m.get("type") == kind for m in self.received):
                self.changed.clear()
                await self.changed.wait()
            return next(m for m in self.received if m.get("type") == kind)
        try:
            return await asyncio.wait_for(first(), timeout_ms / 1000)
        except TimeoutError:
            pytest.fail(f"no {kind!r} message from Vite within {timeout_ms} ms; sockets {self.urls}, "
                        f"messages {[m.get('type') for m in self.received]}, browser errors {problems}")


@pytest.mark.parametrize("scheme", ["http", "https"])
async def test_the_page_renders_through_the_edge_and_an_edit_reaches_it_over_hmr(tmp_path: Path, scheme: str) -> None:
    async_api = pytest.importorskip("playwright.async_api", reason="pip install playwright (the test extra)")
    if CHROMIUM is None:
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    app = app_copy(tmp_path, node_modules())
    vite_port = free_port()
    config = load_config(EXAMPLE / "frontyard.yaml")
    config = replace(config, emulator=replace(config.emulator, access_log=False,
                                              resolve=(("vite.localhost", "127.0.0.1", vite_port),)))
    async with run_config(config) as edge:
        edge_port = int((edge.url if scheme == "http" else edge.https_url).rsplit(":", 1)[1])
        page_url = f"{scheme}://app.localhost:{edge_port}/"
        socket_url = f"{'ws' if scheme == 'http' else 'wss'}://app.localhost:{edge_port}/"
        async with vite(app, vite_port, edge_port), async_api.async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                # https: the edge's certificate comes from its local CA, which this browser profile does not know.
                page = await browser.new_page(ignore_https_errors=scheme == "https")
                sockets, requests, problems = Sockets(), [], []
                page.on("websocket", sockets.opened)
                page.on("request", lambda r: requests.append(r.url))
                page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
                page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
                await page.goto(page_url, timeout=CONNECT_MS)

                # (a) What a person sees: the greeting from Vite, and the API's answer through /api/*.
                await page.locator("#greeting", has_text=GREETING).wait_for(timeout=CONNECT_MS)
                await page.locator("#api", has_text="GET /api/hello").wait_for(timeout=CONNECT_MS)
                # Vite's HMR socket is open through the edge: Vite's own "connected" message came back on it.
                await sockets.wait_for("connected", CONNECT_MS, problems)
                assert sockets.urls and all(u.startswith(socket_url) for u in sockets.urls)
                assert all(f":{vite_port}" not in u for u in requests + sockets.urls), "the browser reached Vite"

                # (b) HMR: edit the module; the heading changes in the open page, which is not reloaded.
                await page.evaluate("window.beforeTheEdit = true")
                source = app / "src" / "greeting.js"
                source.write_text(source.read_text().replace(GREETING, "Edited, hot through the edge"))
                await page.locator("#greeting", has_text="Edited, hot through the edge").wait_for(timeout=HMR_MS)
                update = await sockets.wait_for("update", HMR_MS, problems)
                # main.js accepts greeting.js (import.meta.hot.accept): the new module arrived as a js-update.
                assert [(u["type"], u["path"], u["acceptedPath"]) for u in update["updates"]] == [
                    ("js-update", "/src/main.js", "/src/greeting.js")]
                assert await page.evaluate("window.beforeTheEdit") is True  # a hot update, not a full reload
                assert problems == []
            finally:
                await browser.close()


def test_the_example_validates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLE / "frontyard.yaml")]) == 0
    printed = capsys.readouterr()
    assert "OK" in printed.out and "warning" not in printed.out + printed.err
    config = load_config(EXAMPLE / "frontyard.yaml")
    behavior = config.distributions[0].default_cache_behavior
    assert behavior.cache_policy.name == "Managed-CachingDisabled"
    assert behavior.origin_request_policy.name in ("Managed-AllViewer", "Managed-AllViewerExceptHostHeader")


def test_the_compose_variant_wires_vite_as_the_origin() -> None:
    import yaml

    spec = yaml.safe_load((EXAMPLE / "docker-compose.yml").read_text())
    assert set(spec["services"]) == {"edge", "vite"}
    edge, dev = spec["services"]["edge"], spec["services"]["vite"]
    assert (EXAMPLE / edge["build"]["context"] / edge["build"]["dockerfile"]).resolve() == REPO / "Dockerfile"
    for name, service in spec["services"].items():  # published on loopback only
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name}: {port}"
    assert edge["depends_on"] == {"vite": {"condition": "service_healthy"}}
    assert dev["healthcheck"]["test"][0] in ("CMD", "CMD-SHELL") and edge["healthcheck"]["test"][0] == "CMD"
    # The edge reads the example's config with the compose overlay: the origin is the `vite` service.
    command = edge["command"]
    local = command[command.index("--local") + 1]
    binds = {m["target"]: EXAMPLE / m["source"] for m in mounts(edge) if m["type"] == "bind"}
    assert command[2] == "/config/frontyard.yaml" and binds["/config"].resolve() == EXAMPLE
    config = load_source(EXAMPLE / "frontyard.yaml", local=EXAMPLE / Path(local).relative_to("/config"))
    host, port = config.emulator.resolved("vite.localhost")  # type: ignore[misc]
    env = dev["environment"]
    assert (host, str(port)) == ("vite", env["VITE_PORT"]) and env["VITE_HOST"] == "0.0.0.0"
    edge_published = {str(p).split(":")[1] for p in edge["ports"]}
    assert env["FRONTYARD_EDGE_PORT"] in edge_published  # the browser's port, where the HMR socket goes
    assert [m for m in mounts(dev) if m["target"] == "/app/node_modules" and m["type"] == "volume"], \
        "node_modules in a volume: the container's Linux binaries, never the host's"
