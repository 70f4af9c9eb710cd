"""An origin error's own Cache-Control over real sockets (AWS: "Control how long CloudFront caches errors"): no-store,
no-cache or private keep a 404, 410, 414 or 501 out of the cache; on every other error CloudFront ignores them and
caches the error for ErrorCachingMinTTL."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator.clock import FakeClock
from tests.helpers import run_edge, serve_app
from tests.integration.test_cache import Origin, cached, config, get


@pytest.mark.parametrize("status", [404, 410, 414, 501])
@pytest.mark.parametrize("directive", ["no-store", "no-cache", "private", "public, no-store, max-age=600"])
async def test_an_error_that_refuses_caching_reaches_the_origin_every_time(tmp_path: Path, status: int,
                                                                          directive: str) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/gone"] = cached(body="not here", status=status, **{"Cache-Control": directive})
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        for _ in range(3):
            got, headers, body = await get(edge, "/gone")
            assert (got, headers["X-Cache"], body, headers["Cache-Control"]) == (
                status, "Error from cloudfront", b"not here", directive)
            assert "Age" not in headers
            clock.advance(1)
    assert origin.count("/gone") == 3


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_other_errors_ignore_no_store_and_are_cached_for_error_caching_min_ttl(tmp_path: Path,
                                                                                     status: int) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/broken"] = cached(body="down", status=status, **{"Cache-Control": "no-store, private"})
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        assert (await get(edge, "/broken"))[0] == status
        clock.advance(9)
        got, headers, body = await get(edge, "/broken")
        assert (got, headers["Age"], body) == (status, "9", b"down")
        clock.advance(2)
        await get(edge, "/broken")
    assert origin.count("/broken") == 2


async def test_the_trace_says_why_the_error_was_not_stored(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/gone"] = cached(body="x", status=404, **{"Cache-Control": "no-cache"})
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        await get(edge, "/gone")
        assert edge.server is not None
        trace = edge.server.history.entries()[-1].trace
    assert trace.find("cache-store") is not None
    assert trace.find("cache-store").detail == ("not cached: Cache-Control: no-cache is respected on a 404 "
                                                "(CloudFront honours it on 404, 410, 414 and 501)")
