"""examples/edge-cache-api as shipped: Miss -> Hit with Age, a RefreshHit, a cached 404, an invalidation."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from emulator.cache.invalidation import invalidate
from emulator.clock import FakeClock
from tests.helpers import run_edge, serve_app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "edge-cache-api"


def api_app():
    spec = importlib.util.spec_from_file_location("edge_cache_api", EXAMPLE / "api.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_app()


async def test_edge_cache_example(tmp_path: Path) -> None:
    clock = FakeClock()
    text = (EXAMPLE / "frontyard.yaml").read_text()
    async with serve_app(api_app()) as port, run_edge(tmp_path, text.replace("http_port: 9100", f"http_port: {port}"),
                                                      clock=clock) as edge:
        async def get(path: str) -> tuple[int, str, str | None, dict]:
            async with edge.request("GET", path) as r:
                return r.status, r.headers["X-Cache"], r.headers.get("Age"), await r.json()

        assert await get("/api/items") == (200, "Miss from cloudfront", None, {"items": ["a", "b"], "origin_hits": 1})
        clock.advance(7)
        assert await get("/api/items") == (200, "Hit from cloudfront", "7", {"items": ["a", "b"], "origin_hits": 1})

        assert (await get("/api/report"))[:2] == (200, "Miss from cloudfront")
        clock.advance(6)
        assert await get("/api/report") == (200, "RefreshHit from cloudfront", "0", {"report": 1, "origin_hits": 1})

        assert (await get("/api/nope"))[0] == 404
        clock.advance(5)
        assert await get("/api/nope") == (404, "Error from cloudfront", "5", {"error": "not found", "origin_hits": 1})

        invalidate(edge.emulator.pipeline.cache.store, ["/api/*"])
        assert await get("/api/items") == (200, "Miss from cloudfront", None, {"items": ["a", "b"], "origin_hits": 2})
        async with edge.session.get(f"http://127.0.0.1:{port}/_stats") as r:
            assert await r.json() == {"/api/items": 2, "/api/report": 2, "/api/nope": 1}
