"""Requests per second through `frontyard serve` against the same echo origin served directly.

Runs three measurements in one go, each against loopback only and bounded in time:
  direct    wrk -> echo origin (its own process)                          the baseline
  proxied   wrk -> frontyard serve -> the same echo origin (via resolve)  the edge's cost
  demo      wrk -> frontyard serve (built-in demo) -> in-process echo mock  the demo's /api/x
and prints each with its ratio to the baseline. Uses wrk when installed (Debian package `wrk`), else a
bounded aiohttp client (slower: it then measures the client as much as the servers).

    python benchmarks/proxy_rps.py [--seconds 5] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _support import load, spawn

CONFIG = """\
distribution:
  origins:
    - {{id: api, domain_name: api.bench.localhost, custom_origin: {{http_port: {port}}}}}
  default_cache_behavior:
    target_origin_id: api
    cache_policy: Managed-CachingDisabled
emulator:
  resolve: {{api.bench.localhost: 127.0.0.1}}
"""


def run_origin() -> None:
    """Child mode: serve the echo mock app on a free port and print the port."""
    from aiohttp import web

    from emulator.config.model import MockSpec
    from emulator.origins.mocks.echo import make_app

    async def main() -> None:
        runner = web.AppRunner(make_app(MockSpec(type="echo")), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        print(runner.addresses[0][1], flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--origin", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.origin:
        run_origin()
        return
    py = sys.executable
    children: list[subprocess.Popen[str]] = []
    try:
        origin, port = spawn([py, __file__, "--origin"], "")
        children.append(origin)
        with tempfile.TemporaryDirectory() as tmp:
            cfg = Path(tmp) / "bench.yaml"
            cfg.write_text(CONFIG.format(port=port))
            ports = ["--port", "0", "--https-port", "0", "--admin-port", "0", "--quiet"]
            edge, line = spawn([py, "-m", "emulator", "serve", str(cfg), *ports], " at http://")
            children.append(edge)
            edge_url = line.split(" at ")[1].strip().rstrip("/")
            demo, line = spawn([py, "-m", "emulator", "serve", *ports], " at http://")
            children.append(demo)
            demo_url = line.split(" at ")[1].strip().rstrip("/")
            tool = "wrk -t1" if shutil.which("wrk") else "python aiohttp client"
            print(f"load: {tool}, {args.connections} connections, {args.seconds}s each, GET /api/x, "
                  f"{os.cpu_count()} cores shared by load tool, edge and origin")
            direct = load(f"http://127.0.0.1:{port}/api/x", args.seconds, args.connections)[0]
            proxied = load(f"{edge_url}/api/x", args.seconds, args.connections)[0]
            in_demo = load(f"{demo_url}/api/x", args.seconds, args.connections)[0]
    finally:
        for child in children:
            child.terminate()
            child.wait(timeout=10)
    print(f"{'direct to echo origin':<40}{direct:>10.0f} req/s   1.00x")
    print(f"{'frontyard serve -> echo origin':<40}{proxied:>10.0f} req/s   {proxied / direct:.2f}x")
    print(f"{'frontyard serve (demo, in-process echo)':<40}{in_demo:>10.0f} req/s   {in_demo / direct:.2f}x")


if __name__ == "__main__":
    main()
