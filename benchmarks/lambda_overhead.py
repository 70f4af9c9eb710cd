"""Per-request cost of Lambda@Edge, in process (Emulator.dispatch against the echo mock, loopback only).

    python benchmarks/lambda_overhead.py [--n 400]

Measured in one run, one request at a time, medians:
  baseline   a config with no Lambda@Edge at all                          the reference
  plain      a behavior WITHOUT an association, in a config that has them  should equal baseline
  node       origin-request /api strip in Node.js (warm worker)
  python     the same strip in Python (warm worker)
Prints wall µs per request, the ratio to the baseline, and the edge process's own CPU µs per request (the
worker processes' CPU is not included: it is the function's, as Lambda bills it).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from multidict import CIMultiDict  # noqa: E402

from emulator.assembly import load_config  # noqa: E402
from emulator.http import Scheme, ViewerRequest, freeze  # noqa: E402
from emulator.serve.app import Emulator  # noqa: E402

EXAMPLES = ROOT / "lambda-functions"
BASE = """\
distribution:
  origins: [{{id: app, domain_name: app.example.test, mock: {{type: echo}}}}]
  default_cache_behavior: {{target_origin_id: app, cache_policy: Managed-CachingDisabled}}
  cache_behaviors:
{behaviors}
"""
WITH = """\
    - {{path_pattern: /node/*, target_origin_id: app, cache_policy: Managed-CachingDisabled,
        lambda_function_associations: {{origin-request: node}}}}
    - {{path_pattern: /python/*, target_origin_id: app, cache_policy: Managed-CachingDisabled,
        lambda_function_associations: {{origin-request: py}}}}
lambda_functions:
  node: {{runtime: nodejs20.x, code: {root}/strip-api-prefix-node}}
  py: {{runtime: python3.11, code: {root}/strip-api-prefix-python}}
"""


def request(path: str) -> ViewerRequest:
    return ViewerRequest("GET", path, "", freeze(CIMultiDict({"Host": "localhost"})), Scheme.HTTP, "1.1",
                         "127.0.0.1", 50000)


async def measure(emulator: Emulator, path: str, n: int) -> tuple[float, float]:
    for _ in range(20):  # warm: connections, workers
        response, _ = await emulator.dispatch(request(path))
        if response.release:
            await response.release()
    walls = []
    cpu_start = time.process_time()
    for _ in range(n):
        started = time.perf_counter()
        response, _ = await emulator.dispatch(request(path))
        if not isinstance(response.body, bytes):
            async for _chunk in response.body:
                pass
        if response.release:
            await response.release()
        walls.append((time.perf_counter() - started) * 1e6)
    return statistics.median(walls), (time.process_time() - cpu_start) * 1e6 / n


async def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plain_cfg, lambda_cfg = Path(tmp) / "plain.yaml", Path(tmp) / "lambda.yaml"
        plain_cfg.write_text(BASE.format(behaviors="    - {path_pattern: /x/*, target_origin_id: app}"))
        lambda_cfg.write_text(BASE.format(behaviors=WITH.format(root=EXAMPLES)))
        results = {}
        async with Emulator(load_config(plain_cfg)) as emulator:
            results["baseline"] = await measure(emulator, "/plain/users", n)
        async with Emulator(load_config(lambda_cfg)) as emulator:
            results["plain"] = await measure(emulator, "/plain/users", n)
            results["node"] = await measure(emulator, "/node/api/users", n)
            results["python"] = await measure(emulator, "/python/api/users", n)
    base = results["baseline"][0]
    print(f"{'scheme':<10} {'wall µs/req':>12} {'x baseline':>11} {'edge CPU µs/req':>16}   (n={n})")
    for name, (wall, cpu) in results.items():
        print(f"{name:<10} {wall:>12.0f} {wall / base:>11.2f} {cpu:>16.0f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=400)
    asyncio.run(main(parser.parse_args().n))
