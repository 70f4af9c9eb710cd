"""Health and live reload: atomic swap, in-flight requests finish on the old config, a bad edit
keeps the old one."""

from __future__ import annotations

import asyncio
import json
import signal
import ssl
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
from aiohttp import web

from emulator.assembly import load_config
from emulator.config.model import Listen
from emulator.serve.app import Emulator
from emulator.serve.reload import Reloader
from emulator.serve.server import EdgeServer
from tests.helpers import header, serve_app

CONFIG = """\
distribution:
  origins:
    - {{id: slow, domain_name: slow.test, custom_origin: {{http_port: {port}}}}}
    - {{id: a, domain_name: a.test, mock: {{type: echo}}}}
    - {{id: b, domain_name: b.test, mock: {{type: echo}}}}
  default_cache_behavior: {{target_origin_id: a}}
  cache_behaviors:
    - {{path_pattern: "{pattern}", target_origin_id: b}}
    - {{path_pattern: /slow/*, target_origin_id: slow}}
emulator:
  resolve: {{slow.test: 127.0.0.1}}
"""


async def origin_host(session: aiohttp.ClientSession, url: str) -> str:
    async with session.get(url) as r:
        assert r.status == 200
        return str(header(json.loads(await r.read()), "Host"))


@asynccontextmanager
async def watched(path: Path) -> AsyncIterator[tuple[str, Reloader]]:
    """Serve the config at path over HTTP with --watch's reloader running; yields the base URL."""
    emulator = Emulator(load_config(path))
    await emulator.start()
    server = EdgeServer(emulator)
    (host, port), _ = await server.start(Listen(host="127.0.0.1", port=0))
    reloader = Reloader(server)
    watcher = asyncio.create_task(reloader.watch())
    try:
        yield f"http://{host}:{port}", reloader
        assert not watcher.done(), "the watcher stopped"
    finally:
        watcher.cancel()
        await asyncio.gather(watcher, return_exceptions=True)
        await server.close()
        await server.emulator.close()


async def wait_for(reloader: Reloader, predicate) -> None:
    async with reloader.reloaded:
        await asyncio.wait_for(reloader.reloaded.wait_for(predicate), 10)


async def test_watch_reloads_routing_without_failing_in_flight_requests(tmp_path: Path) -> None:
    arrived, release = asyncio.Event(), asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        arrived.set()
        await release.wait()
        return web.Response(text="finished on the old config")

    app = web.Application()
    app.router.add_get("/{tail:.*}", slow)
    async with serve_app(app) as port:
        path = tmp_path / "frontyard.yaml"
        path.write_text(CONFIG.format(port=port, pattern="/one/*"))
        async with watched(path) as (base, reloader), aiohttp.ClientSession() as session:
            assert await origin_host(session, f"{base}/one/x") == "b.test"

            async def in_flight() -> tuple[int, str]:
                async with session.get(f"{base}/slow/x") as r:
                    return r.status, await r.text()

            pending = asyncio.create_task(in_flight())
            await asyncio.wait_for(arrived.wait(), 10)
            path.write_text(CONFIG.format(port=port, pattern="/two/*"))
            await wait_for(reloader, lambda: reloader.generation == 2)
            assert await origin_host(session, f"{base}/two/x") == "b.test"
            assert await origin_host(session, f"{base}/one/x") == "a.test"
            release.set()
            assert await asyncio.wait_for(pending, 10) == (200, "finished on the old config")

            path.write_text("distribution:\n  origins: [\n")  # a broken edit
            await wait_for(reloader, lambda: reloader.last_error is not None)
            assert "frontyard.yaml:3:1: YAML syntax" in str(reloader.last_error)
            assert await origin_host(session, f"{base}/two/x") == "b.test"  # still the last good config


async def test_sighup_reload_and_health(tmp_path: Path) -> None:
    path = tmp_path / "frontyard.yaml"
    path.write_text(CONFIG.format(port=65000, pattern="/one/*"))
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "emulator", "serve", str(path), "--port", "0", "--https-port", "0", "--admin-port", "0",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    try:
        base = health = None
        while health is None:
            line = (await asyncio.wait_for(proc.stdout.readline(), 20)).decode()
            assert line, "serve exited early"
            if " at http://" in line and base is None:
                base = line.split(" at ")[1].strip().rstrip("/")
            if "health at " in line:
                health = line.split("health at ")[1].strip()
        async with aiohttp.ClientSession() as session:
            async with session.get(health) as r:
                status = await r.json()
            assert status["status"] == "ok" and status["generation"] == 1
            async with session.get(f"{base}/_frontyard/health") as r:  # viewer paths never reach the admin
                assert header(json.loads(await r.read()), "Host") == "a.test"
            path.write_text(CONFIG.format(port=65000, pattern="/two/*"))
            proc.send_signal(signal.SIGHUP)
            while b"reloaded" not in await asyncio.wait_for(proc.stderr.readline(), 20):
                pass
            async with session.get(health) as r:
                assert (await r.json())["generation"] == 2
            assert await origin_host(session, f"{base}/two/x") == "b.test"
    finally:
        proc.send_signal(signal.SIGINT)
        await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 0


async def test_a_reload_that_cannot_start_keeps_serving_and_watching(tmp_path: Path) -> None:
    path = tmp_path / "frontyard.yaml"
    path.write_text(CONFIG.format(port=65000, pattern="/one/*"))
    (tmp_path / "not-a-dir").write_text("a file where the CA folder should be")
    async with watched(path) as (base, reloader), aiohttp.ClientSession() as session:
        # Loads fine, cannot start: the state directory is a file.
        path.write_text(CONFIG.format(port=65000, pattern="/two/*") + "  state_dir: not-a-dir/state\n")
        await wait_for(reloader, lambda: reloader.last_error is not None)
        assert "cannot start the new configuration" in str(reloader.last_error)
        assert await origin_host(session, f"{base}/one/x") == "b.test"
        path.write_text(CONFIG.format(port=65000, pattern="/three/*"))  # a good edit is still picked up
        await wait_for(reloader, lambda: reloader.generation == 2)
        assert await origin_host(session, f"{base}/three/x") == "b.test"


async def test_reload_reissues_the_https_certificate_and_closes_the_old_config(tmp_path: Path) -> None:
    path = tmp_path / "frontyard.yaml"
    path.write_text(CONFIG.format(port=65000, pattern="/one/*"))
    old = Emulator(load_config(path))
    await old.start()
    server = EdgeServer(old)
    _, secure = await server.start(Listen(host="127.0.0.1", port=0), Listen(host="127.0.0.1", port=0))
    assert secure is not None and old.ca is not None
    reloader = Reloader(server)
    try:
        path.write_text(CONFIG.format(port=65000, pattern="/one/*").replace(
            "distribution:\n", "distribution:\n  aliases: [new.example.test]\n"))
        assert await reloader.reload()
        await server.drained()
        assert old.closed  # the replaced configuration was closed once idle
        ctx = ssl.create_default_context(cafile=str(old.ca.cert_file))
        _, writer = await asyncio.open_connection(secure[0], secure[1], ssl=ctx,
                                                  server_hostname="new.example.test")
        writer.close()  # the handshake verified: the certificate now covers the new alias
    finally:
        await server.close()
        await server.emulator.close()
