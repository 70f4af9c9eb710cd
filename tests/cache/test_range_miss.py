"""Range GETs that miss, over real sockets (AWS: "How CloudFront processes partial requests for an object (range
GETs)"): an origin that does not support ranges answers 200 with the whole object, which CloudFront sends to this
viewer while caching it, then serves later ranges from the cached object; an origin that does answers 206."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web

from emulator.cache.invalidation import invalidate
from emulator.clock import FakeClock
from tests.helpers import run_edge, serve_app
from tests.integration.test_cache import Origin, cached, config, get

OBJECT = "0123456789"


async def test_a_range_miss_answered_200_is_cached_and_later_ranges_come_from_the_copy(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/video.mp4"] = cached(3600, OBJECT)  # a plain response: the origin ignores Range
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        first = await get(edge, "/video.mp4", headers={"Range": "bytes=2-4"})
        clock.advance(5)
        again = await get(edge, "/video.mp4", headers={"Range": "bytes=2-4"})
        other = await get(edge, "/video.mp4", headers={"Range": "bytes=-3"})
        whole = await get(edge, "/video.mp4")
    assert (first[0], first[1]["X-Cache"], first[2]) == (200, "Miss from cloudfront", OBJECT.encode())
    assert "Content-Range" not in first[1]
    assert (again[0], again[1]["X-Cache"], again[1]["Content-Range"], again[1]["Age"], again[2]) == (
        206, "Hit from cloudfront", "bytes 2-4/10", "5", b"234")
    assert (other[0], other[1]["X-Cache"], other[2]) == (206, "Hit from cloudfront", b"789")
    assert (whole[0], whole[1]["X-Cache"], whole[2]) == (200, "Hit from cloudfront", OBJECT.encode())
    assert [h.get("Range") for _, p, h in origin.seen] == ["bytes=2-4"]  # the origin was asked once, as the viewer did


async def test_an_expired_copy_asked_for_by_a_range_is_refetched_whole_and_stored(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/v"] = cached(60, OBJECT)  # no validators: an expired copy is fetched again
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        await get(edge, "/v")
        clock.advance(61)
        refetched = await get(edge, "/v", headers={"Range": "bytes=0-1"})
        hit = await get(edge, "/v", headers={"Range": "bytes=0-1"})
    assert (refetched[0], refetched[1]["X-Cache"]) == (200, "Miss from cloudfront")
    assert (hit[0], hit[1]["X-Cache"], hit[2]) == (206, "Hit from cloudfront", b"01")
    assert origin.count("/v") == 2


async def test_a_range_miss_answered_206_is_cached_as_a_part(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()

    async def ranged(request: web.Request) -> web.Response:  # an origin that supports single ranges
        headers = {"Cache-Control": "max-age=60"}
        spec = request.headers.get("Range", "")
        if spec.startswith("bytes=") and "," not in spec:
            first, last = (int(n) for n in spec[6:].split("-"))
            headers["Content-Range"] = f"bytes {first}-{last}/10"
            return web.Response(status=206, text=OBJECT[first:last + 1], headers=headers)
        return web.Response(text=OBJECT, headers=headers)

    origin.routes["/r"] = ranged
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        part = await get(edge, "/r", headers={"Range": "bytes=2-6"})
        clock.advance(3)
        same = await get(edge, "/r", headers={"Range": "bytes=2-6"})
        inside = await get(edge, "/r", headers={"Range": "bytes=3-4"})
        outside = await get(edge, "/r", headers={"Range": "bytes=5-8"})
        whole = await get(edge, "/r")
        again = await get(edge, "/r", headers={"Range": "bytes=8-9"})
        clock.advance(60)
        expired = await get(edge, "/r", headers={"Range": "bytes=2-6"})
    assert (part[0], part[1]["X-Cache"], part[1]["Content-Range"], part[2]) == (
        206, "Miss from cloudfront", "bytes 2-6/10", b"23456")
    assert (same[0], same[1]["X-Cache"], same[1]["Content-Range"], same[1]["Age"], same[2]) == (
        206, "Hit from cloudfront", "bytes 2-6/10", "3", b"23456")
    assert (inside[0], inside[1]["X-Cache"], inside[1]["Content-Range"], inside[2]) == (
        206, "Hit from cloudfront", "bytes 3-4/10", b"34")
    assert (outside[0], outside[1]["X-Cache"], outside[2]) == (206, "Miss from cloudfront", b"5678")
    assert (whole[0], whole[1]["X-Cache"], whole[2]) == (200, "Miss from cloudfront", OBJECT.encode())
    assert (again[0], again[1]["X-Cache"], again[2]) == (206, "Hit from cloudfront", b"89")  # from the whole copy
    assert (expired[0], expired[1]["X-Cache"]) == (206, "Miss from cloudfront")  # an expired part is a miss
    assert [h.get("Range") for _, _, h in origin.seen] == ["bytes=2-6", "bytes=5-8", None, "bytes=2-6"]


async def test_invalidating_the_path_removes_its_parts(tmp_path: Path) -> None:
    origin = Origin()

    async def ranged(request: web.Request) -> web.Response:
        return web.Response(status=206, text=OBJECT[0:2], headers={"Content-Range": "bytes 0-1/10",
                                                                    "Cache-Control": "max-age=600"})

    origin.routes["/p"] = ranged
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        await get(edge, "/p", headers={"Range": "bytes=0-1"})
        assert (await get(edge, "/p", headers={"Range": "bytes=0-1"}))[1]["X-Cache"] == "Hit from cloudfront"
        assert invalidate(edge.emulator.pipeline.cache.store, ["/p"]) == 1
        assert (await get(edge, "/p", headers={"Range": "bytes=0-1"}))[1]["X-Cache"] == "Miss from cloudfront"
    assert origin.count("/p") == 2


async def test_concurrent_range_misses_for_one_object_each_go_to_the_origin_and_each_part_is_stored(
        tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    ranges = ["bytes=1-1", "bytes=3-3", "bytes=5-5", "bytes=7-7"]
    arrived, release = asyncio.Event(), asyncio.Event()
    asked: list[str] = []

    async def held(request: web.Request) -> web.Response:  # answers each single range, once released
        spec = request.headers["Range"]
        asked.append(spec)
        if len(asked) == len(ranges):
            arrived.set()
        await release.wait()
        first, last = (int(n) for n in spec[6:].split("-"))
        return web.Response(status=206, text=OBJECT[first:last + 1],
                            headers={"Cache-Control": "max-age=60", "Content-Range": f"bytes {first}-{last}/10"})

    origin.routes["/c"] = held
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        misses = asyncio.gather(*(get(edge, "/c", headers={"Range": r}) for r in ranges))
        await asyncio.wait_for(arrived.wait(), 10)  # every request reached the origin while none was answered
        release.set()
        first = await misses
        hits = [await get(edge, "/c", headers={"Range": r}) for r in ranges]
    assert sorted(asked) == ranges
    assert [(s, h["X-Cache"], b) for s, h, b in first] == [
        (206, "Miss from cloudfront", OBJECT[int(r[6])].encode()) for r in ranges]
    assert [(s, h["X-Cache"], b) for s, h, b in hits] == [
        (206, "Hit from cloudfront", OBJECT[int(r[6])].encode()) for r in ranges]
    assert origin.count("/c") == len(ranges)


async def test_a_part_shorter_than_the_range_it_announces_is_never_served(tmp_path: Path) -> None:
    origin = Origin()

    async def short(request: web.Request) -> web.StreamResponse:  # chunked: nothing says the body is cut short
        if request.headers.get("Range") == "bytes=5-9":
            return web.Response(status=206, text=OBJECT[5:],
                                headers={"Content-Range": "bytes 5-9/10", "Cache-Control": "max-age=600"})
        response = web.StreamResponse(status=206, headers={"Content-Range": "bytes 0-9/10",
                                                           "Cache-Control": "max-age=600"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        await response.write(OBJECT[:4].encode())
        await response.write_eof()
        return response

    origin.routes["/s"] = short
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        await get(edge, "/s", headers={"Range": "bytes=0-9"})
        later = await get(edge, "/s", headers={"Range": "bytes=5-9"})
    assert (later[0], later[1]["X-Cache"], later[2]) == (206, "Miss from cloudfront", b"56789")
    assert [h.get("Range") for _, _, h in origin.seen] == ["bytes=0-9", "bytes=5-9"]


async def test_a_conditional_range_request_that_hits_a_part_is_answered_304_when_the_copy_is_current(
        tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    modified = "Wed, 21 Oct 2015 07:28:00 GMT"

    async def ranged(request: web.Request) -> web.Response:
        first, last = (int(n) for n in request.headers["Range"][6:].split("-"))
        return web.Response(status=206, text=OBJECT[first:last + 1], headers={
            "Cache-Control": "max-age=60", "Content-Range": f"bytes {first}-{last}/10", "ETag": '"v1"',
            "Last-Modified": modified})

    origin.routes["/k"] = ranged
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        await get(edge, "/k", headers={"Range": "bytes=2-6"})
        clock.advance(4)
        same = await get(edge, "/k", headers={"Range": "bytes=3-4", "If-None-Match": '"v1"'})
        since = await get(edge, "/k", headers={"Range": "bytes=3-4", "If-Modified-Since": modified})
        other = await get(edge, "/k", headers={"Range": "bytes=3-4", "If-None-Match": '"v0"'})
    assert (same[0], same[1]["X-Cache"], same[1]["ETag"], same[1]["Age"], same[2]) == (
        304, "Hit from cloudfront", '"v1"', "4", b"")
    assert "Content-Range" not in same[1]
    assert (since[0], since[1]["X-Cache"], since[2]) == (304, "Hit from cloudfront", b"")
    assert (other[0], other[1]["X-Cache"], other[1]["Content-Range"], other[2]) == (
        206, "Hit from cloudfront", "bytes 3-4/10", b"34")
    assert origin.count("/k") == 1
