"""An edge with its admin listener (the inspector), on free loopback ports."""

from __future__ import annotations

import textwrap
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import aiohttp

from emulator.assembly import load_config
from emulator.config.model import Listen
from emulator.serve.admin import AdminServer
from emulator.serve.app import Emulator
from emulator.serve.server import EdgeServer

FUNCTION = """\
function handler(event) {
    var request = event.request;
    console.log('saw ' + request.uri + ' from ' + event.viewer.ip);
    request.headers['x-from-function'] = {value: 'yes'};
    return request;
}
"""

CONFIG = """\
distribution:
  aliases: [app.localhost]
  origins:
    - {id: app, domain_name: app.example.test, mock: {type: echo}}
    - id: pages
      domain_name: pages.example.test
      mock: {type: response, status: 404, body: "no such page"}
  default_cache_behavior:
    target_origin_id: app
    function_associations: {viewer-request: tag}
  cache_behaviors:
    - {path_pattern: /missing/*, target_origin_id: pages}
functions:
  tag: {runtime: cloudfront-js-2.0, code: tag.js}
emulator:
  history: %(history)d
"""


@dataclass
class Inspected:
    url: str  # the viewer listener
    admin: str  # the admin listener: the inspector page and its API
    edge: EdgeServer
    session: aiohttp.ClientSession

    async def get(self, path: str, **kwargs: object) -> tuple[int, bytes]:
        async with self.session.get(self.url + path, **kwargs) as r:  # type: ignore[arg-type]
            return r.status, await r.read()

    async def api(self, path: str) -> tuple[int, dict]:
        async with self.session.get(self.admin + path) as r:
            return r.status, await r.json()


@asynccontextmanager
async def run_inspected(tmp_path: Path, yaml_text: str = CONFIG, *, history: int = 500,
                        access_log: bool = False) -> AsyncIterator[Inspected]:
    (tmp_path / "tag.js").write_text(FUNCTION)
    path = tmp_path / "frontyard.yaml"
    path.write_text(textwrap.dedent(yaml_text) % {"history": history})
    config = load_config(path)
    loopback = Listen(host="127.0.0.1", port=0)
    config = replace(config, emulator=replace(config.emulator, http=loopback, https=None, admin=loopback,
                                              access_log=access_log))
    async with Emulator(config) as emulator:
        server = EdgeServer(emulator)
        admin = AdminServer(server, lambda: {})
        (host, port), _ = await server.start(config.emulator.http)
        admin_host, admin_port = await admin.start(loopback)
        try:
            async with aiohttp.ClientSession() as session:
                yield Inspected(f"http://{host}:{port}", f"http://{admin_host}:{admin_port}", server, session)
        finally:
            await admin.close()
            await server.close()
