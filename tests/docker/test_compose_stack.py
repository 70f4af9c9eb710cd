"""The compose stack's edge config against local processes standing in for its services (no Docker engine).

spa and api run their own compose commands on loopback port 0 (tests/docker/stack.py); the edge serves
examples/compose/frontyard.yaml as mounted, with only `emulator.resolve` changed to play Docker's DNS.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

import aiohttp
import pytest

from emulator.assembly import load_config
from tests.docker.stack import EXAMPLE, compose, quiet, stand_in, stand_in_resolve
from tests.helpers import Edge, run_config

INDEX = (EXAMPLE / "spa" / "index.html").read_bytes()
API_NAME = "api.example.test"
HOST = {"Host": "app.localhost"}


@dataclass
class Stack:
    edge: Edge
    ports: dict[str, int]

    def https(self, method: str, path: str, **kwargs: object) -> aiohttp.client._RequestContextManager:
        return self.edge.session.request(method, self.edge.https_url + path, ssl=self.edge.ssl_context(),
                                         allow_redirects=False, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
async def stack() -> AsyncIterator[Stack]:
    services = compose()["services"]
    async with stand_in(services["spa"]) as spa, stand_in(services["api"]) as api:
        ports = {"spa": spa, "api": api}
        config = load_config(EXAMPLE / "frontyard.yaml")
        config = replace(config, emulator=replace(config.emulator, resolve=stand_in_resolve(config, ports)))
        async with run_config(quiet(config)) as edge:
            yield Stack(edge, ports)


async def test_http_redirects_to_https(stack: Stack) -> None:
    async with stack.edge.request("GET", "/dashboard?tab=1", headers=HOST) as r:
        assert r.status == 301
        port = stack.edge.https_url.rsplit(":", 1)[1]
        assert r.headers["Location"] == f"https://app.localhost:{port}/dashboard?tab=1"


async def test_root_is_the_spa_index_over_https_trusted_by_the_local_ca(stack: Stack) -> None:
    async with stack.https("GET", "/", headers=HOST) as r:
        assert r.status == 200
        assert await r.read() == INDEX
        assert r.headers["Content-Type"].startswith("text/html")
        assert "cloudfront" in r.headers["Via"].lower()


async def test_assets_come_from_the_spa_service(stack: Stack) -> None:
    async with stack.https("GET", "/assets/app.js") as r:
        assert r.status == 200
        assert await r.read() == (EXAMPLE / "spa" / "assets" / "app.js").read_bytes()


async def test_extensionless_path_is_rewritten_to_the_index(stack: Stack) -> None:
    async with stack.https("GET", "/dashboard/settings", headers=HOST) as r:
        assert r.status == 200
        assert await r.read() == INDEX


async def test_missing_file_stays_a_404_from_the_spa(stack: Stack) -> None:
    async with stack.https("GET", "/assets/missing.js", headers=HOST) as r:
        assert r.status == 404
        assert await r.read() != INDEX
        assert r.headers["X-Cache"] == "Error from cloudfront"


async def test_api_gets_its_production_name_as_host_and_the_viewer_query(stack: Stack) -> None:
    async with stack.https("GET", "/api/hello?from=test", headers={**HOST, "X-Team": "web"}) as r:
        assert r.status == 200, await r.text()
        seen = json.loads(await r.read())
    assert seen["host"] == API_NAME
    assert seen["path"] == "/api/hello" and seen["query"] == "from=test"
    headers = {k.lower(): v for k, v in seen["headers"]}
    assert headers["x-team"] == "web"  # Managed-AllViewerExceptHostHeader: the viewer's headers, not its Host
    assert headers["x-forwarded-for"] == "127.0.0.1"
    assert "cloudfront" in headers["via"].lower()


async def test_unknown_api_path_is_the_api_json_404_not_the_spa(stack: Stack) -> None:
    async with stack.https("GET", "/api/nope", headers=HOST) as r:
        assert r.status == 404
        assert r.headers["Content-Type"] == "application/json"
        assert json.loads(await r.read()) == {"error": "not found", "path": "/api/nope"}


async def test_api_behavior_lets_post_through_the_default_one_does_not(stack: Stack) -> None:
    async with stack.https("POST", "/api/hello", headers=HOST) as r:
        assert r.status == 405  # answered by the API itself
        assert r.headers["Server"].startswith("example-api/")
    async with stack.https("POST", "/", headers=HOST) as r:
        assert r.status == 403  # the default behavior allows GET and HEAD only
        assert r.headers["Server"] == "CloudFront"


async def test_the_api_refuses_a_forwarded_viewer_host(stack: Stack) -> None:
    # Why the production name matters: straight to the api stand-in with the viewer's Host.
    url = f"http://127.0.0.1:{stack.ports['api']}/api/hello"
    async with stack.edge.session.get(url, headers=HOST) as r:
        assert r.status == 421
        assert json.loads(await r.read())["expected"] == API_NAME


async def test_unknown_host_gets_cloudfronts_403(stack: Stack) -> None:
    async with stack.https("GET", "/", headers={"Host": "elsewhere.example"}) as r:
        assert r.status == 403
