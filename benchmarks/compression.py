"""CPU cost of the edge's compression and of a response headers policy, per response, in one process.

    python benchmarks/compression.py [--n 200]

Compression: the streamed encoder (`compression.encode`, 64 KiB chunks flushed one by one) on a 50 KB
JavaScript file and a 1 MB HTML page, for Brotli at the quality the edge uses (5), Brotli 11 (what a build
step would use, for comparison) and gzip 6, against the baseline of passing the same chunks through
untouched. Prints CPU µs per response, the ratio to the baseline and the compressed size.
Headers policy: `headers_policy.apply` with CORS + security + custom + remove, against copying the headers.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from multidict import CIMultiDict  # noqa: E402

from emulator.config.model.headers import RESPONSE_HEADERS_POLICIES, CorsConfig, PolicyHeader  # noqa: E402
from emulator.http import Scheme, ViewerRequest, freeze  # noqa: E402
from emulator.policies import compression  # noqa: E402
from emulator.responses.headers_policy import apply  # noqa: E402

CHUNK = 64 * 1024
JS = b"".join(f"export function f{i}(a, b) {{ return a * {i} + b; }}\n".encode() for i in range(1200))[:50_000]
HTML = b"".join(f"<tr><td>row {i}</td><td class='v'>{i * 7919 % 10007}</td></tr>\n".encode()
                for i in range(25_000))[:1_000_000]


async def chunks(body: bytes) -> AsyncIterator[bytes]:
    for i in range(0, len(body), CHUNK):
        yield body[i:i + CHUNK]


async def drain(stream: AsyncIterator[bytes]) -> int:
    return sum([len(c) async for c in stream])


def cpu_us(n: int, run: Callable[[], object]) -> float:
    samples = []
    for _ in range(n):
        t0 = time.process_time()
        run()
        samples.append(time.process_time() - t0)
    return statistics.median(samples) * 1e6


def bench_compression(n: int) -> None:
    loop = asyncio.new_event_loop()
    print(f"{'object':<10} {'scheme':<12} {'CPU us/resp':>12} {'x baseline':>11} {'bytes out':>10}")
    for name, body in (("50KB .js", JS), ("1MB .html", HTML)):
        baseline = cpu_us(n, lambda b=body: loop.run_until_complete(drain(chunks(b))))
        print(f"{name:<10} {'passthrough':<12} {baseline:>12.0f} {1.0:>11.1f} {len(body):>10}")
        for scheme, encoding, setting in (("br q5", "br", 5), ("br q11", "br", 11), ("gzip 6", "gzip", 6)):
            compression.BROTLI_QUALITY = setting if encoding == "br" else 5
            size = loop.run_until_complete(drain(compression.encode(chunks(body), encoding)))
            rounds = max(3, n // 20) if setting == 11 else n
            cost = cpu_us(rounds, lambda b=body, e=encoding: loop.run_until_complete(
                drain(compression.encode(chunks(b), e))))
            print(f"{name:<10} {scheme:<12} {cost:>12.0f} {cost / baseline:>11.1f} {size:>10}")
    compression.BROTLI_QUALITY = 5
    loop.close()


def bench_policy(n: int) -> None:
    managed = {p.name: p for p in RESPONSE_HEADERS_POLICIES}["Managed-CORS-with-preflight-and-SecurityHeadersPolicy"]
    policy = replace(
        managed,
        cors=CorsConfig(
            allow_origins=("https://app.test", "*.example.org"),
            allow_methods=("GET", "POST"),
            allow_headers=("X-Token",),
        ),
        custom=(PolicyHeader(name="Cache-Control", value="no-store", override=True),),
        remove=("X-Powered-By", "Server"),
    )
    request = ViewerRequest("GET", "/", "", freeze([("Origin", "https://a.example.org")]), Scheme.HTTPS, "1.1",
                            "127.0.0.1", 1)
    headers = freeze([("Content-Type", "application/json"), ("Content-Length", "120"), ("Server", "nginx"),
                      ("X-Powered-By", "Express"), ("ETag", '"abc"'), ("Date", "Tue, 01 Dec 2026 00:00:00 GMT"),
                      ("Via", "1.1 edge.cloudfront.net (CloudFront)"), ("X-Cache", "Miss from cloudfront")])
    rounds = n * 50
    copy = cpu_us(rounds, lambda: CIMultiDict(headers))
    cost = cpu_us(rounds, lambda: apply(policy, request, headers, 0.0))
    print(f"\nheaders policy (CORS + 5 security + 1 custom + 2 removed): {cost:.1f} CPU us/resp, "
          f"{cost / copy:.1f}x copying the headers ({copy:.1f} us)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    n = parser.parse_args().n
    bench_compression(n)
    bench_policy(n)


if __name__ == "__main__":
    main()
