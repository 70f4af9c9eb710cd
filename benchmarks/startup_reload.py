"""Start to first response, and reload, of `frontyard serve` with the benchmark config (a function included).

    python benchmarks/startup_reload.py [--runs 5]

start:   from spawning `python -m emulator serve CONFIG` to the first 200 through the edge (the process's
         own Python start-up included: that is what a developer waits for). Also the time the process
         reports between its start and the moment it listens (`serving ... at` line), which leaves out the
         interpreter's start-up and imports.
reload:  SIGHUP to the moment the admin health endpoint reports the next generation: the new config loaded
         (off the loop), started and swapped in; requests keep being answered meanwhile.
The origin is the aiohttp one of compare.py. Each figure: median of --runs. All loopback, bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _support import start_origin
from compare import FRONTYARD

ROOT = Path(__file__).resolve().parents[1]
BOUND_S = 30.0


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except OSError:
        return 0, b""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _until(check: object, what: str) -> float:
    """Poll `check()` (a few hundred µs apart) until true; seconds it took. Bounded."""
    started = time.perf_counter()
    while time.perf_counter() - started < BOUND_S:
        if check():  # type: ignore[operator]
            return time.perf_counter() - started
        time.sleep(0.0005)
    raise SystemExit(f"{what} did not happen within {BOUND_S:.0f} s")


def one_run(cfg: Path) -> tuple[float, float]:
    port, admin = _free_port(), _free_port()
    started = time.perf_counter()
    edge = subprocess.Popen([sys.executable, "-m", "emulator", "serve", str(cfg), "--port", str(port),
                             "--https-port", "0", "--admin-port", str(admin), "--quiet"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _until(lambda: _get(f"http://127.0.0.1:{port}/obj")[0] == 200, "the first response")
        start = time.perf_counter() - started
        health = f"http://127.0.0.1:{admin}/_frontyard/health"
        _until(lambda: _get(health)[0] == 200, "the admin listener")  # it starts just after the viewer's
        generation = json.loads(_get(health)[1])["generation"]
        sent = time.perf_counter()
        os.kill(edge.pid, signal.SIGHUP)
        _until(lambda: json.loads(_get(health)[1] or b"{}").get("generation") == generation + 1, "the reload")
        reload = time.perf_counter() - sent
        assert _get(f"http://127.0.0.1:{port}/fn/page")[0] == 200
        return start, reload
    finally:
        edge.terminate()
        edge.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    origin, port = start_origin()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            cfg = Path(tmp) / "bench.yaml"
            function = ROOT / "functions" / "spa-rewrite" / "index.js"
            cfg.write_text(FRONTYARD.format(port=port, function=function, access_log="false"))
            results = [one_run(cfg) for _ in range(runs)]
    finally:
        origin.terminate()
        origin.wait(timeout=10)
    starts, reloads = zip(*results, strict=True)
    print(f"start to first response: median {statistics.median(starts) * 1000:.0f} ms "
          f"(min {min(starts) * 1000:.0f}, max {max(starts) * 1000:.0f}; goal <= 300 ms)")
    print(f"reload (SIGHUP to new generation serving): median {statistics.median(reloads) * 1000:.0f} ms "
          f"(min {min(reloads) * 1000:.0f}, max {max(reloads) * 1000:.0f}; goal <= 50 ms)")


if __name__ == "__main__":
    main()
