"""`frontyard replay` at scale: generate N CloudFront access-log lines (gzipped, 33 fields), replay them through a
two-behavior config with the stub origin, and print lines per second and peak memory (ru_maxrss: the process's
high-water mark, so the bound is visible whatever the line count).

    python benchmarks/replay.py [--lines 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path

from emulator.assembly import load_config
from emulator.replay import report
from emulator.replay.sources import open_source
from emulator.replay.w3c import FIELDS

CONFIG = """\
distribution:
  aliases: [d111111abcdef8.cloudfront.net]
  origins:
    - {id: api, domain_name: api.example.test, custom_origin: {http_port: 9100, protocol_policy: http-only}}
    - {id: web, domain_name: web.example.test, custom_origin: {http_port: 9101, protocol_policy: http-only}}
  cache_behaviors:
    - {path_pattern: /api/*, target_origin_id: api, cache_policy: Managed-CachingDisabled}
  default_cache_behavior: {target_origin_id: web, cache_policy: Managed-CachingOptimized}
"""


def generate(path: Path, lines: int) -> None:
    """Lines a second apart: 1 in 5 to /api/*, the rest over 20,000 asset paths."""
    start = 1_575_493_200
    with gzip.open(path, "wt", compresslevel=1) as out:
        out.write("#Version: 1.0\n#Fields: " + " ".join(FIELDS) + "\n")
        for i in range(lines):
            t = time.gmtime(start + i)
            path_ = f"/api/items/{i % 997}" if i % 5 == 0 else f"/assets/{i % 20_000}.js"
            out.write("\t".join([
                time.strftime("%Y-%m-%d", t), time.strftime("%H:%M:%S", t), "FRA2", "2390", "192.0.2.100", "GET",
                "d111111abcdef8.cloudfront.net", path_, "200", "-", "Mozilla/5.0", "-", "-", "Miss",
                "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==", "d111111abcdef8.cloudfront.net", "https",
                "23", "0.001", "-", "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", "Miss", "HTTP/2.0", "-", "-", "11040",
                "0.001", "Miss", "text/javascript", "1234", "-", "-"]) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log, config_path = Path(tmp) / "access.log.gz", Path(tmp) / "frontyard.yaml"
        config_path.write_text(CONFIG)
        generate(log, args.lines)
        config = load_config(config_path)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        result = asyncio.run(report.run(open_source(log), {"A": config}))
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    total = result.predictions[0].total
    print(f"{result.requests:,} lines replayed in {seconds:.1f} s: {result.requests / seconds:,.0f} lines/s")
    print(f"peak memory (ru_maxrss): {peak / 1024:.0f} MiB ({before / 1024:.0f} MiB before the replay)")
    print(f"predicted hit ratio {total.hit_ratio:.1%}, {total.origin_requests:,} origin requests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
