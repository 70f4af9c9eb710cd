"""`frontyard serve` freezes what is alive once it listens (gc.freeze: out of the cycle collector's passes). A
configuration replaced by a reload must still be freed: frozen objects are never collected as cycles, so the
first configuration has to go by reference counting alone."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import aiohttp
from aiohttp import web

from emulator.assembly import load_config
from emulator.config.model import Listen
from emulator.serve.app import Emulator
from emulator.serve.reload import Reloader
from emulator.serve.server import EdgeServer
from tests.helpers import serve_app
from tests.serve.test_repeats import config


async def test_the_first_configuration_is_freed_after_a_reload_though_frozen(tmp_path: Path) -> None:
    async def ok(request: web.Request) -> web.Response:
        return web.Response(text="ok", headers={"Cache-Control": "max-age=60"})

    app = web.Application()
    app.router.add_get("/{p:.*}", ok)
    path = tmp_path / "frontyard.yaml"
    async with serve_app(app) as port:
        path.write_text(config(port))
        emulator = Emulator(load_config(path))  # as `frontyard serve` starts, holding it only through the server
        await emulator.start()
        server = EdgeServer(emulator)
        (host, listen_port), _ = await server.start(Listen(host="127.0.0.1", port=0))
        first = weakref.ref(emulator)
        del emulator
        try:
            async with aiohttp.ClientSession() as session:
                for _ in range(3):  # a miss, a hit, a repeat: every part of the first configuration in use
                    async with session.get(f"http://{host}:{listen_port}/a") as r:
                        assert (r.status, await r.text()) == (200, "ok")
            gc.collect()
            gc.freeze()
            try:
                path.write_text(config(port) + "# edited\n")
                assert await Reloader(server).reload()
                await server.drained()
                assert first() is None, [type(r) for r in gc.get_referrers(first())]
            finally:
                gc.unfreeze()
        finally:
            await server.close()
            await server.emulator.close()
