"""Distribution chains and loops (AWS: "Quotas"): a chain of two works, a third pass is refused with 403."""

from __future__ import annotations

import json
from pathlib import Path

from emulator.cli import main
from tests.helpers import header, run_edge

CHAIN = """\
distributions:
  - id: front
    aliases: [front.localhost]
    origins: [{id: back, domain_name: back.localhost}]
    default_cache_behavior: {target_origin_id: back, origin_request_policy: Managed-AllViewerExceptHostHeader}
  - id: back
    aliases: [back.localhost]
    origins: [{id: api, domain_name: api.localhost, mock: {type: echo}}]
    default_cache_behavior: {target_origin_id: api}
  - id: loop
    aliases: [loop.localhost]
    origins: [{id: itself, domain_name: loop.localhost}]
    default_cache_behavior: {target_origin_id: itself}
  - id: chain3
    aliases: [chain3.localhost]
    origins: [{id: front, domain_name: front.localhost}]
    default_cache_behavior: {target_origin_id: front}
emulator:
  resolve: {back.localhost: self, loop.localhost: self, front.localhost: self}
  debug: {trace_header: true}
"""


async def test_a_chain_of_two_distributions_works(tmp_path: Path) -> None:
    async with run_edge(tmp_path, CHAIN) as edge:
        async with edge.request("GET", "/x", headers={"Host": "front.localhost"}) as r:
            assert r.status == 200
            seen = json.loads(await r.read())
            assert "loop=self" in r.headers["X-Frontyard-Trace"]  # explained: front's origin is this edge
    assert header(seen, "Host") == "api.localhost"
    via = header(seen, "Via")
    assert via is not None and via.count("cloudfront.net (CloudFront)") == 2  # front's entry, then back's
    assert header(seen, "CDN-Loop") is not None and header(seen, "CDN-Loop").count("cloudfront.net") == 2


async def test_a_distribution_pointing_at_itself_gets_403_at_once(tmp_path: Path) -> None:
    async with run_edge(tmp_path, CHAIN) as edge:
        async with edge.request("GET", "/x", headers={"Host": "loop.localhost"}) as r:
            assert r.status == 403
            assert r.headers["X-Cache"] == "Error from cloudfront"
            assert "<H1>403 ERROR</H1>" in await r.text()


async def test_a_chain_of_three_is_refused(tmp_path: Path) -> None:
    async with run_edge(tmp_path, CHAIN) as edge:
        async with edge.request("GET", "/x", headers={"Host": "chain3.localhost"}) as r:
            assert r.status == 403


async def test_a_viewer_request_with_two_of_our_entries_never_reaches_an_origin(tmp_path: Path) -> None:
    ours = "1.1 e0f1a2b3c4d5e6f708192a3b4c5d6e7f.cloudfront.net (CloudFront)"
    async with run_edge(tmp_path, CHAIN) as edge:
        async with edge.request("GET", "/x", headers={"Host": "back.localhost", "Via": f"{ours}, {ours}"}) as r:
            assert r.status == 403
            assert "loop=forbidden" in r.headers["X-Frontyard-Trace"]
            assert "origin" not in r.headers["X-Frontyard-Trace"].split("loop=forbidden")[1].split(";")[0]
        async with edge.request("GET", "/x", headers={"Host": "back.localhost", "Via": "1.1 other-cdn"}) as r:
            assert r.status == 200  # foreign Via entries do not count


def test_explain_names_the_self_pointing_origin(tmp_path: Path, capsys) -> None:
    (tmp_path / "chain.yaml").write_text(CHAIN.replace("  debug: {trace_header: true}\n", ""))
    assert main(["explain", str(tmp_path / "chain.yaml"), "http://loop.localhost/x"]) == 0
    out = capsys.readouterr().out
    assert "origin 'itself' connects to this emulator's own listener 127.0.0.1:8080" in out
