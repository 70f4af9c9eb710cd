"""Cache hits against the same object from the origin served directly, in one run; and the memory of a store
holding 10,000 objects.

    direct     load -> origin (aiohttp, its own process)                             the baseline
    miss path  load -> frontyard serve, Managed-CachingDisabled -> the same origin   every request a Miss
    hit path   load -> frontyard serve, Managed-CachingOptimized                      every request a Hit

Prints requests per second, the ratio to direct, and the edge's CPU µs per request (user + system time of the
`frontyard serve` process over the run divided by its requests: the figure that stays stable on a shared
machine). Then fills a fresh edge with 10,000 distinct 1 KB objects and prints its RSS before and after.
Loopback only; every run is bounded in time (wrk when installed, Debian package `wrk`) or count.

    python benchmarks/cache_hits.py [--seconds 5] [--connections 32] [--objects 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _support import cpu_seconds, load, rss_mb, spawn, start_origin

CONFIG = """\
distribution:
  origins:
    - {{id: api, domain_name: api.bench.localhost, custom_origin: {{http_port: {port}}}}}
  default_cache_behavior:
    target_origin_id: api
    cache_policy: {policy}
emulator:
  resolve: {{api.bench.localhost: 127.0.0.1}}
  cache: {{max_bytes: 512MiB}}
"""


def measure(url: str, seconds: int, connections: int, pid: int) -> tuple[float, float]:
    """req/s, and CPU µs per request of the serving process `pid` over the run."""
    before = cpu_seconds([pid])
    rate, total = load(url, seconds, connections)
    return rate, (cpu_seconds([pid]) - before) * 1e6 / max(total, 1)


async def fill(url: str, objects: int) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as session:
        queue = iter(range(objects))

        async def worker() -> None:
            for i in queue:
                async with session.get(f"{url}/objects/{i}") as r:
                    await r.read()

        await asyncio.gather(*(worker() for _ in range(16)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--objects", type=int, default=10_000)
    args = parser.parse_args()
    py = sys.executable
    children: list[subprocess.Popen[str]] = []
    ports = ["--port", "0", "--https-port", "0", "--admin-port", "0", "--quiet"]
    try:
        origin, port = start_origin()
        children.append(origin)
        with tempfile.TemporaryDirectory() as tmp:
            edges = {}
            for policy in ("Managed-CachingDisabled", "Managed-CachingOptimized"):
                cfg = Path(tmp) / f"{policy}.yaml"
                cfg.write_text(CONFIG.format(port=port, policy=policy))
                edge, line = spawn([py, "-m", "emulator", "serve", str(cfg), *ports], " at http://")
                children.append(edge)
                edges[policy] = (edge, line.split(" at ")[1].strip().rstrip("/"))
            tool = "wrk -t1" if shutil.which("wrk") else "python aiohttp client"
            print(f"load: {tool}, {args.connections} connections, {args.seconds}s each, GET of a 1 KB object, "
                  f"{os.cpu_count()} cores shared by the load tool, the edge and the origin")
            direct, direct_cpu = measure(f"http://127.0.0.1:{port}/obj", args.seconds, args.connections, origin.pid)
            miss_edge, miss_url = edges["Managed-CachingDisabled"]
            miss, miss_cpu = measure(f"{miss_url}/obj", args.seconds, args.connections, miss_edge.pid)
            hit_edge, hit_url = edges["Managed-CachingOptimized"]
            asyncio.run(fill(hit_url, 1))  # /objects/0 ... the hit path's object is stored first
            hit, hit_cpu = measure(f"{hit_url}/objects/0", args.seconds, args.connections, hit_edge.pid)

            mem_cfg = Path(tmp) / "memory.yaml"
            mem_cfg.write_text(CONFIG.format(port=port, policy="Managed-CachingOptimized"))
            mem_edge, line = spawn([py, "-m", "emulator", "serve", str(mem_cfg), *ports], " at http://")
            children.append(mem_edge)
            mem_url = line.split(" at ")[1].strip().rstrip("/")
            asyncio.run(fill(mem_url, 1))  # warm: the first request loads what every request needs
            empty = rss_mb(mem_edge.pid)
            started = time.monotonic()
            asyncio.run(fill(mem_url, args.objects))
            filled = rss_mb(mem_edge.pid)
            took = time.monotonic() - started
    finally:
        for child in children:
            child.terminate()
            child.wait(timeout=10)
    print(f"{'path':<44}{'req/s':>10}{'ratio':>9}{'server CPU/request':>20}")
    print(f"{'direct to the origin':<44}{direct:>10.0f}{1:>8.2f}x{direct_cpu:>17.0f} µs")
    print(f"{'frontyard, CachingDisabled (every Miss)':<44}{miss:>10.0f}{miss / direct:>8.2f}x{miss_cpu:>17.0f} µs")
    print(f"{'frontyard, CachingOptimized (every Hit)':<44}{hit:>10.0f}{hit / direct:>8.2f}x{hit_cpu:>17.0f} µs")
    print(f"hit path vs miss path: {hit / miss:.2f}x req/s, {miss_cpu / hit_cpu:.2f}x less CPU per request")
    print(f"memory: {args.objects} cached 1 KB objects: RSS {empty:.0f} MB -> {filled:.0f} MB "
          f"(+{(filled - empty) * 1024 / args.objects:.1f} KB per object; filled in {took:.1f}s)")


if __name__ == "__main__":
    main()
