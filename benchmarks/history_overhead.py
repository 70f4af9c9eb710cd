"""What keeping the inspector's history costs per request, measured in one process.

  edge, history 0      CPU µs per request through a real listener to an in-process echo mock (the baseline)
  edge, history 500    the same with the ring buffer on (and full, so every request also evicts one)
  record() alone       µs per History.record call
  detail render        µs to render one entry's whole trace as JSON (paid only when the API is asked)

    python benchmarks/history_overhead.py [--requests 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import timeit
from dataclasses import replace
from pathlib import Path

import aiohttp

from emulator.assembly import load_config
from emulator.config.model import Listen
from emulator.inspector import History, render
from emulator.serve.app import Emulator
from emulator.serve.server import EdgeServer

CONFIG = """\
distribution:
  origins: [{id: api, domain_name: api.bench.localhost, mock: {type: echo}}]
  default_cache_behavior: {target_origin_id: api, cache_policy: Managed-CachingDisabled}
"""


async def cpu_per_request(path: Path, history: int, requests: int) -> tuple[float, EdgeServer]:
    config = load_config(path)
    port0 = Listen(host="127.0.0.1", port=0)
    config = replace(config, emulator=replace(config.emulator, http=port0, https=None, access_log=False,
                                              history=history))
    async with Emulator(config) as emulator:
        server = EdgeServer(emulator)
        (host, port), _ = await server.start(config.emulator.http)
        url = f"http://{host}:{port}/api/x?y=1"
        try:
            async with aiohttp.ClientSession() as session:
                for _ in range(200):  # warm up, and fill a 500-entry history less than halfway
                    async with session.get(url) as r:
                        await r.read()
                start = time.process_time()
                for _ in range(requests):
                    async with session.get(url) as r:
                        await r.read()
                return (time.process_time() - start) / requests * 1e6, server
        finally:
            await server.close()


def retained(entries: list[object]) -> int:
    """Bytes reachable from the entries and from nothing else the server keeps (a deep size, by walking
    gc referents once; shared objects such as config Locations are counted once)."""
    import gc
    import sys
    from types import FunctionType, ModuleType

    seen: set[int] = set()
    todo: list[object] = list(entries)
    size = 0
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, type | ModuleType | FunctionType):
            continue
        seen.add(id(obj))
        size += sys.getsizeof(obj)
        todo.extend(gc.get_referents(obj))
    return size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(CONFIG)
        offs, ons = [], []
        for _ in range(args.rounds):  # alternated, best of each: the machine is shared and noisy
            offs.append(asyncio.run(cpu_per_request(path, 0, args.requests))[0])
            on, server = asyncio.run(cpu_per_request(path, 500, args.requests))
            ons.append(on)
        off, on = min(offs), min(ons)
    entry = server.history.get("last")
    assert entry is not None and len(server.history) == 500
    kept = retained(list(server.history.entries()))
    history = History(500)
    record = timeit.timeit(lambda: history.record(entry.trace, 200, 100, 1.0, entry.headers, "http://x"),
                           number=20000) / 20000 * 1e6
    detail = timeit.timeit(lambda: json.dumps(render.detail(entry)), number=500) / 500 * 1e6
    print(f"{args.requests} sequential GETs, client and edge in one process (CPU time of both), best of "
          f"{args.rounds} alternated rounds")
    print(f"{'edge, history 0 (baseline)':<32}{off:>9.0f} µs/request   1.00x")
    print(f"{'edge, history 500':<32}{on:>9.0f} µs/request   {on / off:.2f}x")
    print(f"{'History.record() alone':<32}{record:>9.2f} µs/call")
    print(f"{'render one detail as JSON':<32}{detail:>9.0f} µs (only when the API is asked)")
    print(f"{'memory of 500 kept entries':<32}{kept / 1e6:>9.2f} MB ({kept / 500 / 1e3:.1f} KB each, this config)")


if __name__ == "__main__":
    main()
