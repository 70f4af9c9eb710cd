"""The serving process: how `frontyard serve` tunes the process, and the life of its listeners.

The command line (cli.py) loads and checks the config; this runs it: the edge and admin listeners, the banner,
SIGHUP and --watch reloads, a clean stop on SIGINT/SIGTERM.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import sys
from collections.abc import Callable

from emulator import __version__
from emulator.config.model import Config
from emulator.inspector.format import paint, status_colour
from emulator.serve.admin import AdminServer
from emulator.serve.app import Emulator
from emulator.serve.log_stream import BatchedStreamHandler, Lines
from emulator.serve.reload import Reloader
from emulator.serve.server import EdgeServer


def configure_process(*, colour: bool) -> None:
    """Logging to stderr and the cycle collector, tuned for a process that serves requests."""
    # Batched: a line per request must not be a system call per request (serve/log_stream.py).
    handler = BatchedStreamHandler(sys.stderr)
    handler.setFormatter(StatusColours() if colour else Lines())
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    # What each record would otherwise collect and nothing here prints (the logging HOWTO's "Optimization"):
    # the caller's frame, the thread, the process id.
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    # The serving process allocates a few hundred objects per request, some in cycles (coroutines, futures,
    # exceptions): with Python's default 700 the cycle collector ran every couple of requests and its full
    # passes over the inspector's history showed as p99 spikes. Measured (benchmarks/compare.py, plain path):
    # 230 -> 211 us of CPU per request, p99 24 -> 9 ms; memory between passes grows by a few MB at most.
    gc.set_threshold(10_000, 10, 10)


class StatusColours(Lines):
    """Access-log lines of 4xx in yellow and 5xx in red, warnings in yellow (on a terminal only)."""

    def decorate(self, text: str, logger: str, level: int) -> str:
        if logger == "frontyard.access":
            parts = text.split(" ", 5)
            status = parts[4] if len(parts) > 4 and parts[4].isdigit() else ""
            if status and (colour := status_colour(int(status))):
                return paint(text, colour, True)
        elif level >= logging.WARNING:
            return paint(text, "yellow", True)
        return text


async def serve(config: Config, *, demo: bool, watch: bool, adjust: Callable[[Config], Config]) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    emulator = Emulator(config)
    await emulator.start()
    server = EdgeServer(emulator)
    reloader = Reloader(server, adjust)
    admin = AdminServer(server, lambda: {"generation": reloader.generation, "last_reload_error": reloader.last_error})
    background: set[asyncio.Task[object]] = set()
    try:
        plain, secure = await server.start(config.emulator.http, config.emulator.https)
        admin_at = await admin.start(config.emulator.admin) if config.emulator.admin else None
        base = _url("http", *plain)
        print(f"frontyard {__version__}: serving {config.file}", flush=True)
        if config.source_format != "frontyard YAML" or config.local:
            print(f"  read as a {config.source_format}" + (f", local overlay {config.local}" if config.local else
                                                           ", no local overlay"), flush=True)
        for d in config.distributions:
            names = ", ".join(d.aliases) or "(no aliases)"
            print(f"  distribution '{d.id}' ({names}; {len(d.behaviors)} behaviors) at {base}/", flush=True)
        if secure is not None:
            assert emulator.ca is not None
            print(f"  HTTPS at {_url('https', *secure)}/ (curl --cacert {emulator.ca.cert_file}; see 'frontyard ca')",
                  flush=True)
        if admin_at is not None:
            print(f"  health at {_url('http', *admin_at)}/_frontyard/health", flush=True)
            print(f"  inspector at {_url('http', *admin_at)}/ (every request with its trace; frontyard trace last)",
                  flush=True)
        if demo:
            print(f"  try: curl -i {base}/   and   curl -i '{base}/api/x?y=1'", flush=True)

        def reload_now() -> None:
            task = asyncio.create_task(reloader.reload())
            background.add(task)
            task.add_done_callback(background.discard)

        loop.add_signal_handler(signal.SIGHUP, reload_now)
        if watch:
            background.add(asyncio.create_task(reloader.watch()))
            print("  watching the config and its function files for changes", flush=True)
        print("Ctrl-C to stop.", flush=True)
        # The server holds the configuration being served; a reload replaces it, and nothing else may keep it alive.
        del emulator
        # Everything alive now lives as long as the process (modules, aiohttp, the configuration): out of the cycle
        # collector's full passes, which walked all of it every few seconds under load (docs: design decisions).
        gc.freeze()
        await stop.wait()
    finally:
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        await admin.close()
        await server.close()
        await server.emulator.close()
    print("frontyard: stopped", flush=True)


def _url(scheme: str, host: str, port: int) -> str:
    return f"{scheme}://{'[' + host + ']' if ':' in host else host}:{port}"




def event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop]:
    """uvloop's loop where it is installed (the serving process spends a sixth of its CPU in the event loop
    and transports; uvloop's are in C), else asyncio's own. Everything else is the same either way."""
    try:
        import uvloop
    except ImportError:  # not built for this platform (Windows): asyncio's loop serves just as correctly
        return asyncio.new_event_loop
    return uvloop.new_event_loop
