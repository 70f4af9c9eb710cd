"""The admin listener: `GET /_frontyard/health`, the cache's endpoints and the inspector, on a port of its own so
that no distribution path reaches them."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from emulator.cache import admin as cache_admin
from emulator.config.model import Listen
from emulator.inspector.api import InspectorRoutes
from emulator.serve.app import Emulator
from emulator.serve.server import EdgeServer, address_of


class AdminServer:
    """The admin listener: `GET /_frontyard/health`, the cache's endpoints and the inspector
    (emulator/inspector/api.py), on its own port so no distribution path reaches them."""

    def __init__(self, edge: EdgeServer, status: Callable[[], dict[str, object]]) -> None:
        self.edge = edge
        self.status = status
        self._runner: web.AppRunner | None = None

    async def health(self, request: web.Request) -> web.Response:
        emulator = self.edge.emulator
        body = {"status": "ok", "config": emulator.config.file,
                "distributions": [d.id for d in emulator.config.distributions], **self.status()}
        return web.json_response(body)

    async def start(self, listen: Listen) -> tuple[str, int]:
        app = web.Application()
        app.router.add_get("/_frontyard/health", self.health)
        cache_admin.add_routes(app, lambda: self.edge.emulator.pipeline.cache,
                               lambda: [d.id for d in self.edge.emulator.config.distributions])
        InspectorRoutes(self.edge.history, lambda: self.edge.emulator, self.edge.bodies, Emulator).register(app)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, listen.host, listen.port).start()
        return address_of(self._runner.addresses[-1])

    async def close(self) -> None:
        self.edge.history.close()  # ends the inspector's event streams, which would otherwise hold cleanup
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
