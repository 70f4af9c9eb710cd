"""The edge container's command and healthchecks, run as a local process (no Docker engine).

`frontyard serve /config/frontyard.yaml --host 0.0.0.0 --watch` runs here with the config path mapped to the
checkout, 127.0.0.1 for 0.0.0.0 and free ports; no request goes to an origin, so the compose service names
never need resolving. The Dockerfile's HEALTHCHECK and compose's edge healthcheck then run against it.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import urllib.request
from collections.abc import AsyncIterator

import pytest

from tests.docker.dockerfile import final_stage
from tests.docker.stack import compose, local_command, local_environment, started
from tests.helpers import refused_port

HEALTH = re.compile(rb"(http://127\.0\.0\.1:\d+/_frontyard/health)")
CHECK_TIMEOUT = 15.0


@pytest.fixture
async def health_url() -> AsyncIterator[str]:
    edge = compose()["services"]["edge"]
    argv = [*local_command(edge), "--port", "0", "--https-port", "0", "--admin-port", "0"]
    assert "--watch" in argv and "127.0.0.1" in argv
    async with started(argv, local_environment(edge), HEALTH) as match:
        yield match.group(1).decode()


def dockerfile_healthcheck() -> list[str]:
    (check,) = [i for i in final_stage() if i.keyword == "HEALTHCHECK"]
    return json.loads(check.rest.partition("CMD ")[2])


def compose_healthcheck() -> list[str]:
    test = compose()["services"]["edge"]["healthcheck"]["test"]
    assert test[0] == "CMD"
    return test[1:]


async def run(argv: list[str], **env: str) -> int:
    assert argv[0] == "python"
    proc = await asyncio.create_subprocess_exec(sys.executable, *argv[1:], env={**os.environ, **env},
                                                stderr=asyncio.subprocess.DEVNULL)
    try:
        return await asyncio.wait_for(proc.wait(), CHECK_TIMEOUT)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def test_image_command_serves_health_on_the_admin_listener(health_url: str) -> None:
    def get() -> dict:
        with urllib.request.urlopen(health_url, timeout=5) as r:
            return json.loads(r.read())

    body = await asyncio.to_thread(get)
    assert body["status"] == "ok"
    assert body["config"].endswith("examples/compose/frontyard.yaml")


async def test_dockerfile_healthcheck_passes_on_a_live_edge(health_url: str) -> None:
    assert await run(dockerfile_healthcheck(), FRONTYARD_HEALTH_URL=health_url) == 0


async def test_compose_healthcheck_passes_on_a_live_edge(health_url: str) -> None:
    port = health_url.split(":")[2].split("/")[0]
    argv = [a.replace("127.0.0.1:9901", f"127.0.0.1:{port}") for a in compose_healthcheck()]
    assert argv != compose_healthcheck(), "the compose healthcheck no longer names 127.0.0.1:9901"
    assert await run(argv) == 0


async def test_healthchecks_fail_when_nothing_listens() -> None:
    with refused_port() as port:
        url = f"http://127.0.0.1:{port}/_frontyard/health"
        assert await run(dockerfile_healthcheck(), FRONTYARD_HEALTH_URL=url) != 0
        argv = [a.replace("127.0.0.1:9901", f"127.0.0.1:{port}") for a in compose_healthcheck()]
        assert await run(argv) != 0
