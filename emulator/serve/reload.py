"""Live reload: build the new configuration aside, swap it in atomically, let in-flight requests finish on
the old one. A broken edit keeps the old configuration serving and logs every located error.

Triggered by SIGHUP, and with `--watch` by a change to the config file or any file it names (functions,
key value stores). Watching polls a handful of modification times: no dependency needed for that.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from emulator.assembly import load_source
from emulator.config.model import Config
from emulator.errors import ConfigError
from emulator.inspector.format import format_issues
from emulator.serve.app import Emulator
from emulator.serve.server import EdgeServer

log = logging.getLogger("frontyard")
POLL_SECONDS = 0.2


def watched_files(config: Config) -> list[Path]:
    files = [Path(config.file), *config.source_files]  # an imported source's other files and its overlay
    for fn in config.functions:
        files.append(fn.code_path)
        if fn.key_value_store:
            files.append(Path(fn.key_value_store))
    keys = [*(k for g in config.key_groups for k in g.public_keys),
            *(k for _, pairs in config.emulator.key_pairs for k in pairs)]
    files += [k.path for k in keys if k.path is not None]  # the public keys signed URLs are verified with
    files += [fn.module_path for fn in config.lambda_functions]  # a new handler means new warm workers
    return list(dict.fromkeys(files))


def _mtimes(files: list[Path]) -> dict[Path, float | None]:
    out: dict[Path, float | None] = {}
    for f in files:
        try:
            out[f] = f.stat().st_mtime_ns
        except OSError:
            out[f] = None
    return out


class Reloader:
    def __init__(self, server: EdgeServer, adjust: Callable[[Config], Config] = lambda c: c) -> None:
        self.server = server
        self.adjust = adjust  # the CLI's overrides (listen addresses, access log) applied to every load
        self.generation = 1
        self.last_error: str | None = None
        self.reloaded = asyncio.Condition()  # notified after every attempt (tests and tools wait on it)
        self._lock = asyncio.Lock()
        # The baseline is taken now: a change made after the reloader exists is seen, however soon.
        self._seen = _mtimes(watched_files(server.emulator.config))

    async def reload(self) -> bool:
        """Load, start and swap in the config from the same file. True when the new config is serving."""
        async with self._lock:
            current = self.server.emulator
            try:
                # Parsing, gating and compiling functions take a while: not on the loop serving requests.
                old = current.config
                config = self.adjust(await asyncio.to_thread(load_source, old.file, local=old.local,
                                                             parameters=dict(old.parameters)))
            except ConfigError as exc:
                return await self._failed(format_issues(exc.file, exc.issues))
            config = replace(config, emulator=replace(config.emulator, http=current.config.emulator.http,
                                                      https=current.config.emulator.https,
                                                      admin=current.config.emulator.admin))
            fresh = Emulator(config, runner=current.runner)
            try:
                await fresh.start()
                for listener in current.pipeline.listeners:
                    fresh.add_listener(listener.host, listener.port)
                fresh.set_https_port(current.pipeline.https_port)
                await self.server.swap(fresh)
                fresh.take_runner(current)
            except Exception as exc:  # a config that loads but cannot start (a mock, the CA): keep serving
                await fresh.close()
                return await self._failed(f"{config.file}: cannot start the new configuration: {exc!r}")
            self.generation += 1
            self.last_error = None
            log.info("reloaded %s (generation %d)", config.file, self.generation)
            await self._notify()
            return True

    async def _failed(self, message: str) -> bool:
        self.last_error = message
        log.error("reload failed, still serving the previous configuration:\n%s", message)
        await self._notify()
        return False

    async def _notify(self) -> None:
        async with self.reloaded:
            self.reloaded.notify_all()

    async def watch(self) -> None:
        """Poll the config and the files it names; reload on a change. Runs until cancelled."""
        seen = self._seen
        while True:
            await asyncio.sleep(POLL_SECONDS)
            now = _mtimes(watched_files(self.server.emulator.config))
            if now != seen:
                seen = now  # taken before reloading: a save during the reload is seen on the next poll
                await self.reload()
                # Files the new config names start being watched as they are now.
                for path, mtime in _mtimes(watched_files(self.server.emulator.config)).items():
                    seen.setdefault(path, mtime)
