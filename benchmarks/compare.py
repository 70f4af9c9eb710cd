"""The whole performance picture in one run: frontyard's paths against the origin and against nginx.

    python benchmarks/compare.py [--seconds 5] [--connections 50] [--before DIR]

Paths (all loopback, each bounded in time by wrk; a 1 KB body):
  origin (aiohttp)     wrk -> the aiohttp origin, directly                         baseline of every ratio
  floor proxy          wrk -> aiohttp's server + frontyard's origin client -> origin, no edge stages:
                       what the proxy path costs before any CloudFront behavior (frontyard minus this = stages)
  origin (nginx)       wrk -> nginx serving the same 1 KB from a file             if nginx is installed
  nginx proxy_pass     wrk -> nginx proxy_pass (keepalive upstream) -> origin     if nginx is installed
  frontyard plain      wrk -> frontyard serve, Managed-CachingDisabled -> origin  every request a Miss
  + function           the same behind a viewer-request function (functions/spa-rewrite, cloudfront-js-1.0)
  + HTTPS              the plain path over TLS (wrk keeps its connections, so this is the steady state)
  + access log         the plain path with the access log on (written to /dev/null), measured alternately with
                       the plain path (plain, logged, logged, plain: the log costs less than the order moves)
  cache hit            Managed-CachingOptimized, every request a Hit
The origin behind every proxied path is the aiohttp one (the same process for all of them).

Prints req/s, p50 and p99 latency (wrk --latency), the serving processes' CPU µs per request (user +
system time over the run divided by the requests: the figure that stays stable on a shared machine,
where requests per second move with everyone else's load) and ratios: req/s against the aiohttp origin,
CPU against the plain path, and frontyard's req/s against nginx proxy_pass. Needs wrk (Debian `wrk`);
nginx (Debian `nginx`) is optional and skipped with a note when absent.

--before DIR also runs the frontyard rows on an earlier revision of frontyard unpacked in DIR
(e.g. `git archive REV | tar -x -C DIR`), in its own processes with PYTHONPATH=DIR, interleaved with this one's, so a
change is measured against what it replaces under the same load; each frontyard row is then run now, before,
before, now (each side averaged, the worse p99 kept) and the report adds a before/now column table.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _support import BODY, cpu_seconds, spawn, start_floor, start_origin

ROOT = Path(__file__).resolve().parents[1]
LOGGED = "frontyard plain, access log on"
FLOOR = "floor: aiohttp server + our origin client"
PLAIN_AGAIN = "frontyard plain, beside the logged runs"
FRONTYARD = """\
distribution:
  origins:
    - {{id: api, domain_name: api.bench.localhost, custom_origin: {{http_port: {port}}}}}
  default_cache_behavior:
    target_origin_id: api
    cache_policy: Managed-CachingDisabled
  cache_behaviors:
    - path_pattern: /fn/*
      target_origin_id: api
      cache_policy: Managed-CachingDisabled
      function_associations: {{viewer-request: spa}}
    - path_pattern: /cached/*
      target_origin_id: api
      cache_policy: Managed-CachingOptimized
functions:
  spa: {{runtime: cloudfront-js-1.0, code: {function}}}
emulator:
  resolve: {{api.bench.localhost: 127.0.0.1}}
  access_log: {access_log}
"""
NGINX = """\
worker_processes 1;
daemon off;
master_process on;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  upstream origin {{ server 127.0.0.1:{origin}; keepalive 64; }}
  server {{
    listen 127.0.0.1:{static};
    location / {{ root {tmp}; try_files /1k.bin =404; add_header Cache-Control "public, max-age=3600"; }}
  }}
  server {{
    listen 127.0.0.1:{proxy};
    location / {{ proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection ""; }}
  }}
}}
"""


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    cpu_us: float | None


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(name: str, url: str, seconds: int, connections: int, pids: list[int] | None) -> Result:
    before = cpu_seconds(pids) if pids else 0.0
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True, timeout=seconds + 30).stdout
    after = cpu_seconds(pids) if pids else 0.0
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert rate and total and p50 and p99, out
    if errors:
        print(f"  warning: {name}: {errors[1]} non-2xx responses", file=sys.stderr)
    cpu = (after - before) * 1e6 / max(int(total[1]), 1) if pids else None
    return Result(name, float(rate[1]), _ms(p50[1]), _ms(p99[1]), cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--before", type=Path, help="another checkout whose frontyard rows run alongside")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("benchmarks/compare.py needs wrk (Debian package `wrk`)")
    py = sys.executable
    children: list[subprocess.Popen[str]] = []
    results: list[Result] = []
    nginx = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
    run = (args.seconds, args.connections)
    try:
        origin, port = start_origin()
        children.append(origin)
        floor, floor_port = start_floor(port)
        children.append(floor)
        with tempfile.TemporaryDirectory() as tmp:
            edges = {}
            function = ROOT / "functions" / "spa-rewrite" / "index.js"
            trees = [("", ROOT)] + ([("before: ", args.before.resolve())] if args.before else [])
            for (label, tree), log in [(t, False) for t in trees] + [(trees[0], True)]:
                cfg = Path(tmp) / f"bench-{log}-{len(edges)}.yaml"
                cfg.write_text(FRONTYARD.format(port=port, function=function, access_log=str(log).lower()))
                ports = ["--port", "0", "--https-port", "0", "--admin-port", "0", *([] if log else ["--quiet"])]
                edge, line = spawn([py, "-m", "emulator", "serve", str(cfg), *ports], " at http://", cwd=tree)
                children.append(edge)
                assert edge.stdout is not None
                https = ""
                while not https:
                    extra = edge.stdout.readline()
                    if "HTTPS at " in extra:
                        https = extra.split("HTTPS at ")[1].split()[0].rstrip("/")
                    elif not extra:
                        raise SystemExit("frontyard printed no HTTPS address")
                edges[label, log] = (edge, line.split(" at ")[1].strip().rstrip("/"), https)
            nginx_proc = None
            if nginx:
                (Path(tmp) / "1k.bin").write_bytes(BODY)
                Path(tmp).chmod(0o755)  # nginx's worker drops to an unprivileged user when started as root
                static, proxy = free_port(), free_port()
                (Path(tmp) / "nginx.conf").write_text(NGINX.format(tmp=tmp, origin=port, static=static, proxy=proxy))
                nginx_proc = subprocess.Popen([nginx, "-p", tmp, "-c", f"{tmp}/nginx.conf", "-e", f"{tmp}/error.log"],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
                children.append(nginx_proc)
                _wait_listening(static, proxy)
            print(f"load: wrk -t1 -c{args.connections} -d{args.seconds}s --latency, 1 KB bodies, "
                  f"{os.cpu_count()} cores shared by wrk, the proxies and the origin")
            results.append(wrk("origin (aiohttp), direct", f"http://127.0.0.1:{port}/obj", *run, [origin.pid]))
            results.append(wrk(FLOOR, f"http://127.0.0.1:{floor_port}/obj", *run, [floor.pid]))
            if nginx_proc is not None:
                workers = [nginx_proc.pid]
                results.append(wrk("origin (nginx file), direct", f"http://127.0.0.1:{static}/obj", *run, workers))
                results.append(wrk("nginx proxy_pass -> origin", f"http://127.0.0.1:{proxy}/obj", *run, workers))
            else:
                print("  nginx is not installed: its rows are skipped (apt-get install nginx)")
            rows = [("frontyard plain (CachingDisabled)", "/obj", False), ("frontyard + viewer-request function",
                    "/fn/page", False), ("frontyard plain over HTTPS", "/obj", True),
                    ("frontyard cache hit", "/cached/obj", False)]
            for name, path, secure in rows:
                for label, _ in trees:
                    edge, url, _ = edges[label, False]
                    if path.startswith("/cached/"):  # stored first, so every measured request is a hit
                        subprocess.run(["wrk", "-t1", "-c1", "-d1s", f"{url}{path}"], capture_output=True, check=True)
                # With --before the two trees are measured now, before, before, now (ABBA) and each side averaged:
                # on a shared machine the load drifts between two runs by more than a change's gain.
                order = [label for label, _ in trees] + [label for label, _ in reversed(trees)] if args.before \
                    else [""]
                runs = []
                for label in order:
                    edge, url, https = edges[label, False]
                    runs.append(wrk(label + name, f"{https if secure else url}{path}", *run, [edge.pid]))
                results.extend(_mean(label + name, [r for r in runs if r.name == label + name]) for label, _ in trees)
            # The access log's cost is a few per cent, less than what the order of two runs moves: measured
            # plain, logged, logged, plain (ABBA) and each side averaged.
            logged, logged_url, _ = edges["", True]
            plain_edge, plain_url, _ = edges["", False]
            runs = [wrk(name, f"{url}/obj", *run, [edge.pid]) for name, url, edge in (
                (PLAIN_AGAIN, plain_url, plain_edge), (LOGGED, logged_url, logged), (LOGGED, logged_url, logged),
                (PLAIN_AGAIN, plain_url, plain_edge))]
            results.extend(_mean(name, [r for r in runs if r.name == name]) for name in (PLAIN_AGAIN, LOGGED))
    finally:
        for child in reversed(children):
            child.terminate()
            child.wait(timeout=10)
    report(results)


def _mean(name: str, runs: list[Result]) -> Result:
    cpu = [r.cpu_us for r in runs if r.cpu_us is not None]
    return Result(name, sum(r.rps for r in runs) / len(runs), sum(r.p50_ms for r in runs) / len(runs),
                  max(r.p99_ms for r in runs), sum(cpu) / len(cpu) if cpu else None)  # the worse p99


def _wait_listening(*ports: int) -> None:
    import socket

    deadline = time.monotonic() + 10
    for port in ports:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("nginx did not start") from None
                time.sleep(0.05)  # polling a child's socket in a benchmark, not a test


def report(results: list[Result]) -> None:
    by = {r.name: r for r in results}
    base = by["origin (aiohttp), direct"]
    plain = by["frontyard plain (CachingDisabled)"]
    nginx = by.get("nginx proxy_pass -> origin")
    print(f"\n{'path':<46}{'req/s':>9}{'p50':>9}{'p99':>9}{'CPU/req':>10}{'vs origin':>11}{'CPU vs plain':>14}")
    for r in results:
        cpu = f"{r.cpu_us:.0f} µs" if r.cpu_us is not None else "-"
        same = by.get("before: frontyard plain (CachingDisabled)") if r.name.startswith("before: ") else \
            by.get(PLAIN_AGAIN) if r.name == LOGGED else plain
        ours = r.name.startswith(("frontyard", "before: ")) and same is not None
        ratio = f"{r.cpu_us / same.cpu_us:.2f}x" if ours and r.cpu_us and same and same.cpu_us else ""
        print(f"{r.name:<46}{r.rps:>9.0f}{r.p50_ms:>7.2f}ms{r.p99_ms:>7.2f}ms{cpu:>10}"
              f"{r.rps / base.rps:>10.2f}x{ratio:>14}")
    print()
    fn, tls = by["frontyard + viewer-request function"], by["frontyard plain over HTTPS"]
    hit = by["frontyard cache hit"]
    logged, again = by[LOGGED], by[PLAIN_AGAIN]
    assert fn.cpu_us and tls.cpu_us and hit.cpu_us and logged.cpu_us and plain.cpu_us and again.cpu_us
    print(f"function:   CPU per request {fn.cpu_us / plain.cpu_us:.2f}x the plain path (goal <= 1.3x)")
    floor = by[FLOOR]
    assert floor.cpu_us
    print(f"plain:      CPU per request {plain.cpu_us:.0f} µs (goal <= 100 µs); the floor proxy (no stages) "
          f"{floor.cpu_us:.0f} µs, so the edge's stages and glue cost {plain.cpu_us - floor.cpu_us:.0f} µs")
    if nginx is not None:
        print(f"vs nginx:   req/s {plain.rps / nginx.rps:.2f}x nginx proxy_pass (goal >= 0.25x), "
              f"p99 {plain.p99_ms / nginx.p99_ms:.1f}x nginx's (goal <= 5x)")
    print(f"HTTPS:      req/s {tls.rps / plain.rps:.2f}x the plain HTTP path (goal >= 0.9x)")
    print(f"cache hit:  req/s {hit.rps / base.rps:.2f}x the origin served directly (goal >= 1.0x), "
          f"{plain.cpu_us / hit.cpu_us:.2f}x less CPU than a miss")
    print(f"access log: CPU per request {(logged.cpu_us / again.cpu_us - 1) * 100:+.0f}% (goal <= 5%; runs of the "
          "plain and the logged edge alternated: plain, logged, logged, plain)")
    side_by_side(by)


def side_by_side(by: dict[str, Result]) -> None:
    """With --before: each frontyard row's figures before and now, in columns, and the gain."""
    pairs = [(name, by[f"before: {name}"], now) for name, now in by.items() if f"before: {name}" in by]
    if not pairs:
        return
    print(f"\n{'path (before -> now)':<40}{'req/s before':>13}{'now':>8}{'CPU before':>12}{'now':>9}{'CPU gain':>10}"
          f"{'p99 before':>12}{'now':>9}")
    for name, then, now in pairs:
        gain = f"{then.cpu_us / now.cpu_us:.2f}x" if then.cpu_us and now.cpu_us else "-"
        print(f"{name:<40}{then.rps:>13.0f}{now.rps:>8.0f}{then.cpu_us or 0:>9.0f} µs{now.cpu_us or 0:>6.0f} µs"
              f"{gain:>10}{then.p99_ms:>10.2f}ms{now.p99_ms:>7.2f}ms")


if __name__ == "__main__":
    main()
