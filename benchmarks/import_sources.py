"""Load time of the same distribution from each source format, against frontyard's own YAML in the same process.

    python benchmarks/import_sources.py [--n 20]

Each figure is the median wall time of `load_source` (read, import, overlay, validate, compile the function)
over n loads of the test fixtures in tests/config/importers/fixtures, after one warm-up load (which also builds
python-hcl2's grammar cache). Loads happen at start and on reload only, never per request.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from emulator.assembly import load_source  # noqa: E402

FIXTURES = ROOT / "tests" / "config" / "importers" / "fixtures"
SOURCES = {
    "frontyard YAML (baseline)": FIXTURES / "yaml" / "frontyard.yaml",
    "cdk.out (CloudFormation JSON)": FIXTURES / "cdk" / "cdk.out",
    "CloudFront JSON (+ policies, key group beside)": FIXTURES / "cloudfront" / "distribution.json",
    "Terraform module (HCL)": FIXTURES / "terraform",
}


def median_ms(path: Path, n: int) -> float:
    load_source(path)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        load_source(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20)
    n = parser.parse_args().n
    results = {name: median_ms(path, n) for name, path in SOURCES.items()}
    base = results["frontyard YAML (baseline)"]
    print(f"{'source':<48} {'ms per load':>12} {'vs YAML':>8}")
    for name, ms in results.items():
        print(f"{name:<48} {ms:>12.1f} {ms / base:>7.2f}x")


if __name__ == "__main__":
    main()
