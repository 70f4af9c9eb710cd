"""Each behavior's viewer-side stage chain is decided at load: a stage the behavior does not configure is not in it
(no call per request), the others keep VIEWER_STAGES' order, and what the viewer gets is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_edge

CONFIG = """\
distribution:
  origins: [{id: api, domain_name: api.example.test, mock: {type: echo}}]
  restrictions: {geo_restriction: {restriction_type: blacklist, locations: [FR]}}
  default_cache_behavior: {target_origin_id: api, cache_policy: Managed-CachingDisabled, compress: false}
  cache_behaviors:
    - path_pattern: /fn/*
      target_origin_id: api
      cache_policy: Managed-CachingDisabled
      compress: true
      function_associations: {viewer-request: rewrite}
functions:
  rewrite: {runtime: cloudfront-js-1.0, code: fn.js}
"""
ALWAYS = ["ViewerProtocol", "AllowedMethods", "GeoRestriction", "LoopCheck", "CloudFrontHeaders"]


async def test_each_behavior_runs_only_the_stages_it_configures(tmp_path: Path) -> None:
    (tmp_path / "fn.js").write_text("function handler(event) { event.request.uri = '/rewritten'; "
                                    "return event.request; }\n")
    async with run_edge(tmp_path, CONFIG) as edge:
        pipeline = edge.emulator.pipeline
        routes = pipeline.ctx.routers[edge.emulator.config.distributions[0].id].behaviors
        chains = {route.behavior.path_pattern: [type(s).__name__ for s, _ in pipeline.chains[id(route)]]
                  for route in routes}
        # /fn/* compresses, so HTTP/1.0's Accept-Encoding rule applies there.
        assert chains["/fn/*"] == [*ALWAYS[:4], "Http10Encoding", "CloudFrontHeaders", "ViewerRequestFunction"]
        assert chains[routes[-1].behavior.path_pattern] == ALWAYS
        async with edge.request("GET", "/fn/page") as r:
            assert r.status == 200
            assert json.loads(await r.read())["path"] == "/rewritten"
        async with edge.request("GET", "/other", headers={"X-Frontyard-Viewer-Country": "FR"}) as r:
            assert r.status == 403  # the geo stage stays in every chain of a restricted distribution
        async with edge.request("GET", "/other") as r:
            assert r.status == 200
            assert json.loads(await r.read())["path"] == "/other"
