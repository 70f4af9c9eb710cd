"""examples/s3-moto without Docker: its seeding step and its edge config against a moto server (authentication
on) started on a loopback port, and its compose file's wiring."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from moto.server import ThreadedMotoServer

from tests.helpers import run_edge

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "s3-moto"


@pytest.fixture
def store() -> Iterator[int]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        yield server.get_host_and_port()[1]
    finally:
        server.stop()


def load_seed():  # the example's script, as the compose step runs it
    spec = importlib.util.spec_from_file_location("s3_moto_seed", EXAMPLE / "seed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_the_seeded_store_serves_through_the_signing_edge(tmp_path: Path, store: int,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "s3-moto"
    shutil.copytree(EXAMPLE, folder)
    env_file = tmp_path / "aws.env"
    load_seed().seed(f"http://127.0.0.1:{store}", folder / "site", env_file)
    for line in env_file.read_text().splitlines():  # what the edge container's entrypoint exports
        name, _, value = line.partition("=")
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    text = (folder / "frontyard.yaml").read_text().replace('"store:5000"', f"127.0.0.1:{store}")
    index = (folder / "site" / "index.html").read_bytes()
    async with run_edge(folder, text) as edge:
        async with edge.request("GET", "/") as r:
            home = r.status, r.headers["ETag"], await r.read()
        async with edge.request("GET", "/missing.html") as r:
            missing = r.status, ElementTree.fromstring(await r.read()).findtext("Code")
    assert home == (200, f'"{hashlib.md5(index).hexdigest()}"', index)
    assert missing == (404, "NoSuchKey")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-seeded-secret")
    async with run_edge(folder, text) as edge:
        async with edge.request("GET", "/") as r:
            assert (r.status, ElementTree.fromstring(await r.read()).findtext("Code")) == (403,
                                                                                          "SignatureDoesNotMatch")


def test_the_compose_file_wires_store_seed_and_edge() -> None:
    compose = yaml.safe_load((EXAMPLE / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"store", "seed", "edge"}
    assert services["seed"]["depends_on"] == {"store": {"condition": "service_healthy"}}
    assert services["edge"]["depends_on"] == {"seed": {"condition": "service_completed_successfully"}}
    assert services["seed"]["image"] == services["store"]["image"]
    assert "/example/seed.py" in services["seed"]["command"]
    assert (EXAMPLE / services["store"]["build"] / "Dockerfile").is_file()
    assert (EXAMPLE / services["edge"]["build"] / "Dockerfile").is_file()
    config = yaml.safe_load((EXAMPLE / "frontyard.yaml").read_text())
    host = config["distribution"]["origins"][0]["domain_name"]
    assert config["emulator"]["resolve"] == {host: "store:5000"}
