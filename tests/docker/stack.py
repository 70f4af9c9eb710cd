"""The docker compose stack without a Docker engine: its files parsed, its services as local processes.

A service's stand-in is its own compose `command`, run on this machine: `python` is this interpreter,
container paths map through the service's mounts to the checkout (the CA volume to the test state dir),
0.0.0.0 becomes 127.0.0.1 and the service port becomes 0. Docker's DNS is played by `emulator.resolve`:
every name that would reach a service points at the stand-in's loopback port instead.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path, PurePosixPath

import yaml

from emulator.config.model import Config
from emulator.tls.ca import default_state_dir

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
EXAMPLE = ROOT / "examples" / "compose"
CA_VOLUME = "frontyard-ca"  # ca.pem only (FRONTYARD_CA_EXPORT); the key stays in STATE_VOLUME
STATE_VOLUME = "frontyard-state"
SERVICE_PORT = "8000"  # what spa and api listen on inside their containers
READY_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0


def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def mounts(service: Mapping) -> list[dict]:
    """A service's volumes in the long syntax, whichever syntax the file uses."""
    found = []
    for v in service.get("volumes", []):
        if isinstance(v, str):
            source, target, *mode = v.split(":")
            kind = "bind" if source.startswith((".", "/")) else "volume"
            v = {"type": kind, "source": source, "target": target, "read_only": mode == ["ro"]}
        found.append(v)
    return found


def local_path(service: Mapping, container_path: str) -> Path | None:
    """Where a container path of this service lives on this machine, through its mounts."""
    path = PurePosixPath(container_path)
    for m in mounts(service):
        target = PurePosixPath(m["target"])
        if path == target or target in path.parents:
            if m["type"] == "bind":
                base = (COMPOSE_FILE.parent / m["source"]).resolve()
            elif m["source"] in (CA_VOLUME, STATE_VOLUME):
                base = default_state_dir()
            else:
                return None
            return base.joinpath(*path.relative_to(target).parts)
    return None


def local_command(service: Mapping) -> list[str]:
    argv: list[str] = []
    for arg in service["command"]:
        if arg == "frontyard" and not argv:
            argv += [sys.executable, "-m", "emulator"]
            continue
        if arg == "python" and not argv:
            arg = sys.executable
        elif arg == "0.0.0.0":
            arg = "127.0.0.1"
        elif arg == SERVICE_PORT:
            arg = "0"
        elif arg.startswith("/") and (mapped := local_path(service, arg)) is not None:
            arg = str(mapped)
        argv.append(arg)
    return argv


def local_environment(service: Mapping) -> dict[str, str]:
    env = dict(os.environ)
    for name, value in (service.get("environment") or {}).items():
        value = str(value)
        mapped = local_path(service, value) if value.startswith("/") else None
        env[name] = str(mapped) if mapped is not None else value
    return env


# The first line each stand-in prints once it listens, with the port it got.
READY = re.compile(rb"(?:Serving HTTP on \S+ port|listening on http://[^\s]+:)\s*(\d+)")


@asynccontextmanager
async def started(argv: list[str], env: Mapping[str, str], ready: re.Pattern[bytes]) -> AsyncIterator[re.Match]:
    """Run a process with its stdout piped; yields the first stdout match of `ready` (its readiness line),
    and stops the process (SIGTERM, then SIGKILL after STOP_TIMEOUT) on the way out."""
    proc = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE, env=dict(env))
    try:
        assert proc.stdout is not None
        match = await asyncio.wait_for(_first_match(proc.stdout, ready), READY_TIMEOUT)
        if match is None:
            raise RuntimeError(f"{argv} exited ({await proc.wait()}) before it was ready")
        yield match
    finally:
        if proc.returncode is None:
            proc.terminate()
        try:
            await asyncio.wait_for(proc.communicate(), STOP_TIMEOUT)
        except TimeoutError:
            proc.kill()
            await proc.communicate()


async def _first_match(stdout: asyncio.StreamReader, ready: re.Pattern[bytes]) -> re.Match | None:
    while line := await stdout.readline():
        if match := ready.search(line):
            return match
    return None


@asynccontextmanager
async def stand_in(service: Mapping) -> AsyncIterator[int]:
    """Run a compose service's command locally; yields its port once it says it listens."""
    async with started(local_command(service), local_environment(service), READY) as match:
        yield int(match.group(1))


def stand_in_resolve(config: Config, services: Mapping[str, int]) -> tuple[tuple[str, str, int | None], ...]:
    """Docker's DNS, played by `resolve`: each name that reaches a compose service -> its stand-in's port.

    A resolve entry keeps its name and swaps `service:port` for the stand-in; an origin named after a
    service gets an entry. Anything else would leave the machine, so it fails the test instead."""
    entries = []
    for name, host, _port in config.emulator.resolve:
        assert host in services, f"resolve {name}: {host} is not a compose service"
        entries.append((name, "127.0.0.1", services[host]))
    for d in config.distributions:
        for o in d.origins:
            if o.mock is None and config.emulator.resolved(o.domain_name) is None:
                assert o.domain_name in services, f"origin {o.id}: {o.domain_name} is not a compose service"
                entries.append((o.domain_name.lower(), "127.0.0.1", services[o.domain_name]))
    return tuple(entries)


def quiet(config: Config) -> Config:
    """The compose config without its access log (the stack tests read their own output)."""
    return replace(config, emulator=replace(config.emulator, access_log=False))
