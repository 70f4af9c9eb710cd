"""An origin group's failover in the inspector: both attempts, each with the request sent and its answer."""

from __future__ import annotations

import textwrap
from pathlib import Path

import aiohttp

from emulator import Edge
from tests.helpers import refused_port, serve_app
from tests.integration.test_origin_groups import config, origin


async def test_failover_shows_the_primary_and_the_secondary_exchange(tmp_path: Path) -> None:
    seen: list[str] = []
    path = tmp_path / "frontyard.yaml"
    with refused_port() as dead:
        async with serve_app(origin("two", 200, seen)) as p2:
            path.write_text(textwrap.dedent(config(dead, p2)))
            async with Edge.from_file(path) as edge, aiohttp.ClientSession() as session:
                await edge.serve(https=False)
                async with session.get(f"{edge.url}/page") as r:
                    assert r.status == 200 and await r.text() == "two 200"
                async with session.get(f"{edge.admin_url}/_frontyard/requests/last") as r:
                    d = await r.json()
    first, second = d["origin_exchanges"]
    assert (first["origin"], first["status"]) == ("one", None)
    assert first["failure"].startswith("cannot connect to origin one.internal")
    assert (second["origin"], second["status"], second["failure"]) == ("two", 200, None)
    assert second["url"] == f"http://two.internal:{p2}/page" and ["Host", "two.internal"] in second["headers"]
    assert seen == ["two GET"]
