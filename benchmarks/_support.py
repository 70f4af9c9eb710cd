"""What the benchmarks share: children started and awaited on their output, the CPU time of a process tree,
and the 1 KB aiohttp origin every ratio is taken against.

    python benchmarks/_support.py origin      # the origin alone: prints its port, serves until killed
    python benchmarks/_support.py floor PORT  # the floor proxy in front of 127.0.0.1:PORT: prints its port
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

BODY = b"x" * 1024
TICKS = os.sysconf("SC_CLK_TCK")
HERE = Path(__file__).resolve()


def run_origin() -> None:
    """An aiohttp origin answering 1 KB with Cache-Control: max-age=3600 on 127.0.0.1; prints its port."""
    from aiohttp import web

    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=BODY, content_type="text/plain", headers={"Cache-Control": "public, max-age=3600"})

    serve_forever(handler)


def serve_forever(handler: Callable[..., Awaitable[object]]) -> None:
    """Serve every GET with `handler` on a free port of 127.0.0.1 and print the port (the parent reads it); runs
    until the parent stops the process."""
    from aiohttp import web

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/{tail:.*}", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        print(runner.addresses[0][1], flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


def run_floor(origin_port: int) -> None:
    """The floor under frontyard's proxy path: aiohttp's low-level server (as the edge's viewer side) and
    frontyard's own origin client (keep-alive pool), with none of the edge's stages in between: every request
    is sent to the origin as the same GET and its answer streamed back. frontyard's CPU per request minus this
    one's is what the stages (and their glue) cost."""
    from aiohttp import web
    from multidict import CIMultiDict, CIMultiDictProxy

    from emulator.http import OriginRequest, Scheme
    from emulator.origins.client import OriginClient

    async def main() -> None:
        client = await OriginClient().__aenter__()
        headers = CIMultiDictProxy(CIMultiDict({"Host": "origin.test", "User-Agent": "Amazon CloudFront"}))

        async def handler(request: web.BaseRequest) -> web.StreamResponse:
            edge, _ = await client.fetch(OriginRequest("origin", Scheme.HTTP, "origin.test", "127.0.0.1",
                                                       origin_port, "GET", request.raw_path, "", headers, 3, 10.0,
                                                       30.0))
            if isinstance(edge.body, bytes):
                return web.Response(status=edge.status, headers=edge.headers, body=edge.body)
            response = web.StreamResponse(status=edge.status, headers=edge.headers)
            await response.prepare(request)
            async for chunk in edge.body:
                await response.write(chunk)
            if edge.release is not None:
                await edge.release()
            await response.write_eof()
            return response

        runner = web.ServerRunner(web.Server(handler))
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        print(runner.addresses[0][1], flush=True)
        await asyncio.Event().wait()

    from emulator.serve.process import event_loop_factory

    with asyncio.Runner(loop_factory=event_loop_factory()) as runner:
        runner.run(main())


def start_floor(origin_port: int) -> tuple[subprocess.Popen[str], int]:
    proc, port = spawn([sys.executable, str(HERE), "floor", str(origin_port)], "")
    return proc, int(port)


def start_origin() -> tuple[subprocess.Popen[str], int]:
    """The 1 KB origin in a process of its own, and its port."""
    proc, port = spawn([sys.executable, str(HERE), "origin"], "")
    return proc, int(port)


def spawn(args: list[str], marker: str, cwd: Path | None = None) -> tuple[subprocess.Popen[str], str]:
    """Start a child and wait (on its output, bounded) for the line containing marker. With `cwd` the child
    imports frontyard from that tree (PYTHONPATH=cwd), not from whichever checkout is installed."""
    env = None if cwd is None else {**os.environ, "PYTHONPATH": str(cwd)}
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=cwd, env=env)
    deadline = time.monotonic() + 30
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if marker in line:
            return proc, line.strip()
    proc.kill()
    raise SystemExit(f"{args} did not start")


def cpu_seconds(pids: list[int]) -> float:
    """User + system time of the processes, their live descendants (nginx's workers, frontyard's function
    workers) and the children they already reaped."""
    total = 0.0
    for pid in pids:
        for proc in [pid, *descendants(pid)]:
            try:
                fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended between the listing and the read
            total += (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
            total += (int(fields[13]) + int(fields[14])) / TICKS  # cutime + cstime: reaped children
    return total


def descendants(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            out += [child, *descendants(child)]
    return out


def load(url: str, seconds: int, connections: int) -> tuple[float, int]:
    """Requests per second and requests made: wrk when installed, else a bounded aiohttp client (slower: it
    then measures the client as much as the servers)."""
    if shutil.which("wrk"):
        out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url], capture_output=True,
                             text=True, check=True, timeout=seconds + 30).stdout
        rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
        total = re.search(r"(\d+) requests in", out)
        assert rate and total, out
        return float(rate[1]), int(total[1])
    return asyncio.run(_python_load(url, seconds, connections))


async def _python_load(url: str, seconds: int, connections: int) -> tuple[float, int]:
    import aiohttp

    done = 0
    stop = time.monotonic() + seconds

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal done
        while time.monotonic() < stop:
            async with session.get(url) as r:
                await r.read()
            done += 1

    async with aiohttp.ClientSession() as session:
        start = time.monotonic()
        await asyncio.gather(*(worker(session) for _ in range(connections)))
        return done / (time.monotonic() - start), done


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


if __name__ == "__main__" and sys.argv[1:] == ["origin"]:
    run_origin()
elif __name__ == "__main__" and sys.argv[1:2] == ["floor"]:
    run_floor(int(sys.argv[2]))
