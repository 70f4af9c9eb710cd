"""Cost of stage 5b (signed URL / cookie verification) per request, against the same request on a public
behavior, measured in one process.

    python benchmarks/signed_overhead.py [--n 2000]

Runs stages 1-8 (`Emulator.explain`: routing, viewer checks, 5b, origin request building; no origin, no
socket) and prints CPU microseconds per request (process time) and the ratio to the public baseline, for
a canned RSA-2048/SHA-1 URL, a custom-policy ECDSA P-256/SHA-256 URL and custom-policy signed cookies.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from multidict import CIMultiDict  # noqa: E402

from emulator.assembly import load_config  # noqa: E402
from emulator.clock import FakeClock  # noqa: E402
from emulator.http import Scheme, ViewerRequest, freeze  # noqa: E402
from emulator.pipeline import Forward  # noqa: E402
from emulator.serve.app import Emulator  # noqa: E402
from emulator.signing import new_private_key, public_pem, sign_cookies, sign_url  # noqa: E402

NOW = 1_800_000_000
CONFIG = """\
key_groups:
  storage:
    public_keys: [{id: KRSA, pem: rsa.pem}, {id: KEC, pem: ec.pem}]
distribution:
  aliases: [app.example.test]
  origins: [{id: files, domain_name: files.example.test}]
  default_cache_behavior: {target_origin_id: files}
  cache_behaviors:
    - {path_pattern: /storage/*, target_origin_id: files, trusted_key_groups: [storage]}
emulator: {access_log: false}
"""


def request(url: str, cookie: str | None = None) -> ViewerRequest:
    path, _, query = url.removeprefix("http://app.example.test").partition("?")
    headers: CIMultiDict[str] = CIMultiDict({"Host": "app.example.test", "User-Agent": "bench"})
    if cookie:
        headers["Cookie"] = cookie
    return ViewerRequest("GET", path, query, freeze(headers), Scheme.HTTP, "1.1", "198.51.100.1", 40000)


async def cpu_us(emulator: Emulator, req: ViewerRequest, n: int) -> float:
    decision, _ = await emulator.explain(req)
    assert isinstance(decision, Forward), "the benchmark request must be allowed"
    start = time.process_time()
    for _ in range(n):
        await emulator.explain(req)
    return (time.process_time() - start) / n * 1e6


async def run(n: int) -> None:
    rsa, ec = new_private_key(), new_private_key(ecdsa=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "rsa.pem").write_bytes(public_pem(rsa))
        (folder / "ec.pem").write_bytes(public_pem(ec))
        (folder / "f.yaml").write_text(CONFIG)
        config = load_config(folder / "f.yaml")
    emulator = Emulator(config, clock=FakeClock(NOW))
    base = "http://app.example.test/storage/report.txt"
    cookies = sign_cookies("http://app.example.test/storage/*", "KEC", ec, expires=NOW + 60, hash_algorithm="SHA256")
    cases = {
        "public behavior (baseline)": request("http://app.example.test/public/report.txt"),
        "canned URL, RSA-2048, SHA-1": request(sign_url(base, "KRSA", rsa, expires=NOW + 60)),
        "custom URL, ECDSA P-256, SHA-256": request(sign_url(base, "KEC", ec, expires=NOW + 60, ip="198.51.100.0/24",
                                                             hash_algorithm="SHA256")),
        "custom cookies, ECDSA P-256, SHA-256": request(base, "; ".join(f"{k}={v}" for k, v in cookies.items())),
    }
    try:
        results = {name: await cpu_us(emulator, req, n) for name, req in cases.items()}
    finally:
        emulator.runner.close()
    baseline = results["public behavior (baseline)"]
    print(f"stages 1-8 per request, n={n}: CPU microseconds and ratio to the public baseline")
    for name, us in results.items():
        print(f"  {name:<38} {us:8.1f} us   x{us / baseline:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    asyncio.run(run(parser.parse_args().n))


if __name__ == "__main__":
    main()
