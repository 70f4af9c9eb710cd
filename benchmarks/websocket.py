"""WebSocket messages through the edge vs straight to the origin: one run, loopback only, bounded in time.

  direct      messages per second from the client to an aiohttp echo origin (its own process)
  edge        the same through frontyard (its own process, Managed-AllViewer): messages per second, and the edge
              process's CPU µs per message (a message and its echo: two frames through the tunnel)

    PYTHONPATH=. python benchmarks/websocket.py [--seconds 3] [--connections 8] [--size 64]
    python benchmarks/websocket.py origin          # the echo origin alone: prints its port
    python benchmarks/websocket.py edge PORT       # the edge in front of 127.0.0.1:PORT: prints its port
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import aiohttp
from _support import cpu_seconds, serve_forever, spawn

HERE = Path(__file__).resolve()
CONFIG = """\
distribution:
  origins:
    - id: ws
      domain_name: ws.bench.localhost
      custom_origin: {{protocol_policy: http-only, http_port: {port}}}
  default_cache_behavior:
    target_origin_id: ws
    cache_policy: Managed-CachingDisabled
    origin_request_policy: Managed-AllViewer
emulator: {{resolve: {{ws.bench.localhost: 127.0.0.1}}, access_log: false}}
"""


def run_origin() -> None:
    from aiohttp import web

    async def echo(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for msg in ws:
            await ws.send_str(msg.data)
        return ws

    serve_forever(echo)


def run_edge(origin_port: int) -> None:
    from emulator.assembly import load_config
    from emulator.config.model import Listen
    from emulator.serve.app import Emulator
    from emulator.serve.server import EdgeServer

    async def main() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "frontyard.yaml"
            path.write_text(CONFIG.format(port=origin_port))
            config = load_config(path)
            config = replace(config, emulator=replace(config.emulator, http=Listen(host="127.0.0.1", port=0),
                                                      https=None, history=0))
            async with Emulator(config) as emulator:
                server = EdgeServer(emulator)
                (_, port), _ = await server.start(config.emulator.http)
                print(port, flush=True)
                await asyncio.Event().wait()

    asyncio.run(main())


async def _load(url: str, seconds: float, connections: int, size: int) -> int:
    """Messages echoed in `seconds` over `connections` WebSockets, each sending its next once the echo is back."""
    message = "m" * size
    deadline = time.monotonic() + seconds
    counts = [0] * connections

    async def one(i: int, session: aiohttp.ClientSession) -> None:
        async with session.ws_connect(url) as ws:
            while time.monotonic() < deadline:
                await ws.send_str(message)
                await ws.receive()
                counts[i] += 1

    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(one(i, session) for i in range(connections)))
    return sum(counts)


def measure(url: str, pid: int, seconds: float, connections: int, size: int) -> tuple[float, float]:
    asyncio.run(_load(url, 0.5, connections, size))  # warm up
    cpu = cpu_seconds([pid])
    start = time.monotonic()
    count = asyncio.run(_load(url, seconds, connections, size))
    elapsed = time.monotonic() - start
    return count / elapsed, (cpu_seconds([pid]) - cpu) / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--size", type=int, default=64, help="bytes per message")
    args = parser.parse_args()
    origin, origin_port = spawn([sys.executable, str(HERE), "origin"], "")
    procs: list[subprocess.Popen[str]] = [origin]
    try:
        edge, edge_port = spawn([sys.executable, str(HERE), "edge", origin_port], "")
        procs.append(edge)
        direct_rate, origin_cpu = measure(f"http://127.0.0.1:{origin_port}/echo", origin.pid, args.seconds,
                                          args.connections, args.size)
        edge_rate, edge_cpu = measure(f"http://127.0.0.1:{edge_port}/echo", edge.pid, args.seconds,
                                      args.connections, args.size)
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
    print(f"{args.connections} connections, {args.size}-byte messages, {args.seconds:g}s each")
    print(f"direct to the origin  {direct_rate:10,.0f} msg/s   origin CPU {origin_cpu:6.1f} µs/msg")
    print(f"through the edge      {edge_rate:10,.0f} msg/s   edge CPU   {edge_cpu:6.1f} µs/msg "
          f"({edge_rate / direct_rate:.0%} of direct)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["origin"]:
        run_origin()
    elif sys.argv[1:2] == ["edge"]:
        run_edge(int(sys.argv[2]))
    else:
        main()
