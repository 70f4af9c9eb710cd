"""Test helpers: real servers on loopback port 0, an edge built from YAML text, and a client for it."""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
import textwrap
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import aiohttp
from aiohttp import web
from yarl import URL

from emulator.assembly import load_config
from emulator.clock import Clock
from emulator.config.model import Config, Listen
from emulator.serve.app import Emulator
from emulator.serve.server import EdgeServer


@asynccontextmanager
async def serve_app(app: web.Application) -> AsyncIterator[int]:
    """Run an aiohttp app on 127.0.0.1:0; yields the port."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield int(runner.addresses[0][1])
    finally:
        await runner.cleanup()


@contextmanager
def refused_port() -> object:
    """A loopback port that refuses connections: bound but never listening, so nobody else can take it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


@dataclass
class Edge:
    url: str
    https_url: str
    emulator: Emulator
    session: aiohttp.ClientSession
    config_path: Path
    server: EdgeServer | None = None

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts the local CA, like `curl --cacert`."""
        assert self.emulator.ca is not None
        return ssl.create_default_context(cafile=str(self.emulator.ca.cert_file))

    def request(self, method: str, path: str, **kwargs: object) -> aiohttp.client._RequestContextManager:
        # encoded=True: send the path exactly as written (no client-side dot-segment removal or quoting).
        url = URL(self.url + path, encoded=True)
        return self.session.request(method, url, allow_redirects=False, **kwargs)  # type: ignore[arg-type]


@asynccontextmanager
async def run_edge(tmp_path: Path, yaml_text: str, *, name: str = "frontyard.yaml",
                   clock: Clock | None = None) -> AsyncIterator[Edge]:
    """Write the config, load it, and serve it on free loopback ports (on `clock`, e.g. a FakeClock)."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(yaml_text))
    async with run_config(load_config(path), clock=clock) as edge:
        yield edge


@asynccontextmanager
async def run_config(config: Config, *, clock: Clock | None = None) -> AsyncIterator[Edge]:
    """Serve a loaded Config: HTTP and HTTPS on free loopback ports, and a client session for it."""
    config = replace(config, emulator=replace(config.emulator, http=Listen(host="127.0.0.1", port=0),
                                              https=Listen(host="127.0.0.1", port=0)))
    async with Emulator(config, clock=clock) as emulator:
        server = EdgeServer(emulator)
        (host, port), secure = await server.start(config.emulator.http, config.emulator.https)
        assert secure is not None
        try:
            async with aiohttp.ClientSession(auto_decompress=False) as session:
                yield Edge(f"http://{host}:{port}", f"https://{secure[0]}:{secure[1]}", emulator, session,
                           Path(config.file), server)
        finally:
            await server.close()


async def serve_url(proc: asyncio.subprocess.Process) -> str:
    """The viewer URL a `frontyard serve` child prints when it is ready (read from its stdout, bounded)."""
    assert proc.stdout is not None
    while True:
        line = (await asyncio.wait_for(proc.stdout.readline(), 20)).decode()
        assert line, "serve exited before printing its URL"
        if " at http://" in line:
            return line.split(" at ")[1].strip().rstrip("/")


def header_pairs(echo: dict) -> list[tuple[str, str]]:
    return [(k, v) for k, v in echo["headers"]]


def header_names(echo: dict) -> list[str]:
    return [k.lower() for k, _ in echo["headers"]]


def header(echo: dict, name: str) -> str | None:
    values = [v for k, v in echo["headers"] if k.lower() == name.lower()]
    return ",".join(values) if values else None


def single_origin_config(port: int, *, read_timeout: float = 1, all_methods: bool = False) -> str:
    """One http-only origin 'app' (app.test -> 127.0.0.1:port), one connection attempt, CachingDisabled,
    the trace in X-Frontyard-Trace: for tests whose origin is a raw socket."""
    methods = ", allowed_methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]" if all_methods else ""
    return f"""\
distribution:
  origins:
    - id: app
      domain_name: app.test
      connection_attempts: 1
      custom_origin: {{protocol_policy: http-only, http_port: {port}, read_timeout: {read_timeout}}}
  default_cache_behavior: {{target_origin_id: app, cache_policy: Managed-CachingDisabled{methods}}}
emulator: {{resolve: {{app.test: 127.0.0.1}}, debug: {{trace_header: true}}}}
"""


@asynccontextmanager
async def raw_server(serve: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
                     ) -> AsyncIterator[int]:
    """A TCP server on a free loopback port running `serve` per connection; yields the port. Connections still
    open at the end (an edge keeps its idle ones) are closed with it, not left to the garbage collector."""
    writers: list[asyncio.StreamWriter] = []

    async def tracked(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        await serve(reader, writer)

    server = await asyncio.start_server(tracked, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        for writer in writers:
            writer.close()
        server.close()
        await server.wait_closed()


def alive(pid: int) -> bool:
    """Whether process `pid` still exists (a killed worker must also have been reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
