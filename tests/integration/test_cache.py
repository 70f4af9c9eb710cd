"""The edge cache over real sockets (AWS: "Manage how long content stays in the cache (expiration)", "How CloudFront
processes HTTP 4xx and 5xx status codes from your origin"): a real edge in front of a real origin that counts
what reaches it; time moves only when a FakeClock is advanced."""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from multidict import CIMultiDict

from emulator.cache.invalidation import invalidate
from emulator.clock import FakeClock
from emulator.config.model import Listen
from emulator.serve.admin import AdminServer
from tests.helpers import Edge, refused_port, run_edge, serve_app

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Origin:
    """A loopback origin: records every request, answers with the handler set for its path."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.routes: dict[str, Handler] = {}
        self.app = web.Application()
        self.app.router.add_route("*", "/{tail:.*}", self._handle)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.seen.append((request.method, request.path_qs, dict(request.headers)))
        handler = self.routes.get(request.path)
        if handler is None:
            return web.Response(text=f"{request.path_qs} #{len(self.seen)}")
        return await handler(request)

    def count(self, path_qs: str) -> int:
        return sum(1 for _, p, _ in self.seen if p == path_qs)


def config(port: int, *, behavior: str = "cache_policy: Managed-CachingOptimized", extra: str = "") -> str:
    extra = textwrap.indent(textwrap.dedent(extra), " " * 8)  # top-level keys beside `distribution:`
    return f"""\
        distribution:
          origins:
            - id: app
              domain_name: app.internal
              connection_attempts: 1
              custom_origin: {{http_port: {port}, read_timeout: 5}}
          default_cache_behavior:
            target_origin_id: app
            {behavior}
{extra}
        emulator:
          resolve: {{app.internal: 127.0.0.1}}
        """


async def get(edge: Edge, path: str, method: str = "GET", **kw: object) -> tuple[int, CIMultiDict[str], bytes]:
    async with edge.request(method, path, **kw) as r:
        return r.status, CIMultiDict(r.headers), await r.read()


def cached(max_age: int | None = None, body: str = "v1", status: int = 200, **headers: str) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        h = dict(headers)
        if max_age is not None:
            h["Cache-Control"] = f"public, max-age={max_age}"
        return web.Response(text=body, status=status, headers=h)

    return handler


async def test_identical_gets_reach_the_origin_once_and_age_grows(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/api/items"] = cached(3600, '{"items": []}')
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        status, h, body = await get(edge, "/api/items")
        assert (status, h["X-Cache"], body) == (200, "Miss from cloudfront", b'{"items": []}')
        assert "Age" not in h
        ages = []
        for _ in range(3):
            clock.advance(5)
            status, h, body = await get(edge, "/api/items")
            assert (status, h["X-Cache"], body) == (200, "Hit from cloudfront", b'{"items": []}')
            ages.append(int(h["Age"]))
    assert origin.count("/api/items") == 1
    assert ages == [5, 10, 15]


async def test_expired_copy_with_etag_is_revalidated_and_becomes_a_refresh_hit(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()

    async def etagged(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304, headers={"ETag": '"v1"', "Cache-Control": "max-age=60"})
        return web.Response(text="body v1", headers={"ETag": '"v1"', "Cache-Control": "max-age=60"})

    origin.routes["/doc"] = etagged
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        assert (await get(edge, "/doc"))[1]["X-Cache"] == "Miss from cloudfront"
        clock.advance(61)
        status, h, body = await get(edge, "/doc")
        assert (status, h["X-Cache"], body, h["Age"]) == (200, "RefreshHit from cloudfront", b"body v1", "0")
        clock.advance(30)
        status, h, _ = await get(edge, "/doc")  # renewed for another 60 s
        assert (h["X-Cache"], h["Age"]) == ("Hit from cloudfront", "30")
    assert [(m, p, hd.get("If-None-Match")) for m, p, hd in origin.seen] == [("GET", "/doc", None),
                                                                             ("GET", "/doc", '"v1"')]


async def test_a_404_is_cached_for_10_seconds_then_fetched_again(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/app.js"] = cached(body="missing", status=404)
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        assert (await get(edge, "/app.js"))[0] == 404
        origin.routes["/app.js"] = cached(3600, "console.log(1)")  # deployed a moment after the miss
        clock.advance(9)
        status, h, body = await get(edge, "/app.js")
        assert (status, h["X-Cache"], h["Age"], body) == (404, "Error from cloudfront", "9", b"missing")
        clock.advance(2)
        status, h, body = await get(edge, "/app.js")
        assert (status, h["X-Cache"], body) == (200, "Miss from cloudfront", b"console.log(1)")
    assert origin.count("/app.js") == 2


async def test_expired_copy_is_served_while_the_origin_answers_503(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/page"] = cached(60, "good page")
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        await get(edge, "/page")
        origin.routes["/page"] = cached(body="down", status=503)
        clock.advance(120)
        status, h, body = await get(edge, "/page")
        assert (status, body, h["X-Cache"]) == (200, b"good page", "Hit from cloudfront")
        clock.advance(5)  # within error_caching_min_ttl: served without asking the origin again
        assert (await get(edge, "/page"))[2] == b"good page"
        assert origin.count("/page") == 2
        clock.advance(6)  # then the origin is asked again; it has recovered
        origin.routes["/page"] = cached(60, "new page")
        assert (await get(edge, "/page"))[2] == b"new page"


async def test_stale_if_error_0_lets_the_error_through(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/p"] = cached(body="good", **{"Cache-Control": "max-age=60, stale-if-error=0"})
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        await get(edge, "/p")
        origin.routes["/p"] = cached(body="down", status=503)
        clock.advance(61)
        assert (await get(edge, "/p"))[:3:2] == (503, b"down")


async def test_expired_copy_is_served_when_the_origin_is_unreachable(tmp_path: Path) -> None:
    clock = FakeClock()
    origin = Origin()
    origin.routes["/p"] = cached(60, "kept")
    runner = web.AppRunner(origin.app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    async with run_edge(tmp_path, config(port), clock=clock) as edge:
        await get(edge, "/p")
        await runner.cleanup()  # the origin goes away
        clock.advance(61)
        status, h, body = await get(edge, "/p")
        assert (status, body, h["X-Cache"]) == (200, b"kept", "Hit from cloudfront")
        clock.advance(20)  # past error_caching_min_ttl, still unreachable: still the stale copy
        assert (await get(edge, "/p"))[2] == b"kept"


async def test_twenty_concurrent_misses_make_one_origin_request(tmp_path: Path) -> None:
    origin, release = Origin(), asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        await release.wait()
        return web.Response(text="once", headers={"Cache-Control": "max-age=60"})

    origin.routes["/hot"] = slow
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        tasks = [asyncio.create_task(get(edge, "/hot")) for _ in range(20)]
        assert edge.server is not None
        async with asyncio.timeout(10):  # every request is at the edge before the origin answers
            while edge.server.in_flight < 20 or origin.count("/hot") < 1:
                await asyncio.sleep(0.01)
        release.set()
        results = await asyncio.gather(*tasks)
    assert origin.count("/hot") == 1
    assert all(body == b"once" for _, _, body in results)
    assert sorted(h["X-Cache"] for _, h, _ in results) == ["Hit from cloudfront"] * 19 + ["Miss from cloudfront"]


async def test_caching_disabled_never_stores_and_never_collapses(tmp_path: Path) -> None:
    origin, arrived, release = Origin(), asyncio.Event(), asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        if origin.count("/d") >= 3:
            arrived.set()
        await release.wait()
        return web.Response(text="x", headers={"Cache-Control": "max-age=3600"})

    origin.routes["/d"] = slow
    text = config(0, behavior="cache_policy: Managed-CachingDisabled")
    async with serve_app(origin.app) as port, run_edge(tmp_path, text.replace("http_port: 0", f"http_port: {port}")
                                                       ) as edge:
        tasks = [asyncio.create_task(get(edge, "/d")) for _ in range(3)]
        await asyncio.wait_for(arrived.wait(), 10)  # all three reached the origin at once
        release.set()
        results = await asyncio.gather(*tasks)
        results.append(await get(edge, "/d"))
    assert origin.count("/d") == 4
    assert {h["X-Cache"] for _, h, _ in results} == {"Miss from cloudfront"}


async def test_two_query_orders_are_two_entries(tmp_path: Path) -> None:
    origin = Origin()
    extra = """\
        cache_policies:
          by-query: {min_ttl: 0, default_ttl: 3600, max_ttl: 3600, query_strings: all}
        """
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port, behavior="cache_policy: by-query",
                                                                         extra=extra)) as edge:
        a = await get(edge, "/list?color=red&size=large")
        b = await get(edge, "/list?size=large&color=red")
        again = await get(edge, "/list?color=red&size=large")
        page2 = await get(edge, "/list?color=red&size=large&page=2")
    assert (a[1]["X-Cache"], b[1]["X-Cache"], again[1]["X-Cache"]) == ("Miss from cloudfront",) * 2 + \
        ("Hit from cloudfront",)
    assert page2[2] != a[2]  # ?page=2 does not get page 1
    assert len(origin.seen) == 3


async def test_query_string_left_out_of_the_key_serves_page_one_for_page_two(tmp_path: Path) -> None:
    """The trap: CachingOptimized keeps no query string, so ?page=2 is a Hit on ?page=1's copy."""
    origin = Origin()
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        one = await get(edge, "/list?page=1")
        two = await get(edge, "/list?page=2")
    assert two[1]["X-Cache"] == "Hit from cloudfront" and two[2] == one[2] == b"/list #1"


async def test_no_store_is_cached_when_min_ttl_is_above_zero(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/private"] = cached(body="secret", **{"Cache-Control": "no-store, private"})
    extra = """\
        cache_policies:
          min30: {min_ttl: 30, default_ttl: 60, max_ttl: 600}
          min0: {min_ttl: 0, default_ttl: 60, max_ttl: 600}
        """
    for policy, hits in (("min30", 1), ("min0", 2)):
        origin.seen.clear()
        async with serve_app(origin.app) as port, run_edge(
                tmp_path, config(port, behavior=f"cache_policy: {policy}", extra=extra), clock=clock) as edge:
            await get(edge, "/private")
            clock.advance(29)
            _, h, _ = await get(edge, "/private")
        assert origin.count("/private") == hits, policy
        assert h["X-Cache"] == ("Hit from cloudfront" if hits == 1 else "Miss from cloudfront")


async def test_viewer_cache_control_cannot_force_a_refetch(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/x"] = cached(600)
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        await get(edge, "/x")
        _, h, _ = await get(edge, "/x", headers={"Cache-Control": "no-cache", "Pragma": "no-cache"})
    assert h["X-Cache"] == "Hit from cloudfront" and origin.count("/x") == 1


async def test_invalidation_forces_a_miss(tmp_path: Path) -> None:
    origin = Origin()
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        assert edge.server is not None
        admin = AdminServer(edge.server, lambda: {})
        _, admin_port = await admin.start(Listen(host="127.0.0.1", port=0))
        admin_url = f"http://127.0.0.1:{admin_port}"
        try:
            for path in ("/index.html", "/assets/a.js", "/assets/b.js", "/other"):
                await get(edge, path)
            async with edge.session.get(admin_url + "/_frontyard/cache") as r:
                listing = await r.json()
            assert listing["count"] == 4 and {e["path"] for e in listing["entries"]} == \
                {"/index.html", "/assets/a.js", "/assets/b.js", "/other"}
            async with edge.session.post(admin_url + "/_frontyard/invalidations",
                                         json={"paths": ["/index.html", "/assets/*"]}) as r:
                answer = await r.json()
                assert (r.status, answer["removed"], answer["Invalidation"]["Status"]) == (201, 3, "Completed")
            async with edge.session.post(admin_url + "/_frontyard/invalidations",
                                         json={"paths": ["/a*b", "nope"]}) as r:
                assert r.status == 400
                assert len((await r.json())["problems"]) == 2
            # The CLI, as a user would run it against the running edge.
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "emulator", "invalidate", "/other", "--admin", admin_url,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await asyncio.wait_for(proc.communicate(), 30)
            assert proc.returncode == 0, err.decode()
            assert b"Completed: 1 cached object removed for /other" in out
            for path in ("/index.html", "/assets/a.js", "/other"):
                assert (await get(edge, path))[1]["X-Cache"] == "Miss from cloudfront"
            assert (await get(edge, "/assets/b.js"))[1]["X-Cache"] == "Miss from cloudfront"
        finally:
            await admin.close()
    assert len(origin.seen) == 8


async def test_set_cookie_is_replayed_only_when_cookies_are_forwarded(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/login"] = cached(600, "hi", **{"Set-Cookie": "session=user1"})
    origin.routes["/guarded"] = cached(body="hi", **{"Set-Cookie": "session=user1",
                                                     "Cache-Control": 'max-age=600, no-cache="Set-Cookie"'})
    extra = """\
        cache_policies:
          cookies: {min_ttl: 0, default_ttl: 60, max_ttl: 600, cookies: all}
        """
    async with serve_app(origin.app) as port, run_edge(
            tmp_path, config(port, behavior="cache_policy: cookies", extra=extra)) as edge:
        first = await get(edge, "/login")
        replayed = await get(edge, "/login")
        guarded_first = await get(edge, "/guarded")
        guarded_hit = await get(edge, "/guarded")
    assert first[1]["Set-Cookie"] == "session=user1"
    assert replayed[1]["X-Cache"] == "Hit from cloudfront" and replayed[1]["Set-Cookie"] == "session=user1"
    assert guarded_first[1]["Set-Cookie"] == "session=user1"
    assert guarded_hit[1]["X-Cache"] == "Hit from cloudfront" and "Set-Cookie" not in guarded_hit[1]


async def test_cookie_forwarded_but_not_in_the_key_serves_one_users_page_to_another(tmp_path: Path) -> None:
    """The trap the lint warns about: the origin varies on a cookie the cache key leaves out."""
    origin = Origin()

    async def whoami(request: web.Request) -> web.Response:
        return web.Response(text=f"hello {request.cookies.get('user')}", headers={"Cache-Control": "max-age=60"})

    origin.routes["/me"] = whoami
    behavior = "cache_policy: Managed-CachingOptimized\n            origin_request_policy: Managed-AllViewer"
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port, behavior=behavior)) as edge:
        alice = await get(edge, "/me", headers={"Cookie": "user=alice"})
        bob = await get(edge, "/me", headers={"Cookie": "user=bob"})
    assert alice[2] == b"hello alice"
    assert (bob[2], bob[1]["X-Cache"]) == (b"hello alice", "Hit from cloudfront")


async def test_hits_answer_ranges_conditionals_and_head_from_the_copy(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/file"] = cached(600, "0123456789", ETag='"e1"', **{"Last-Modified":
                                                                      "Tue, 14 Nov 2023 22:00:00 GMT"})
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        await get(edge, "/file")
        ranged = await get(edge, "/file", headers={"Range": "bytes=2-5"})
        suffix = await get(edge, "/file", headers={"Range": "bytes=-3"})
        outside = await get(edge, "/file", headers={"Range": "bytes=50-"})
        multiple = await get(edge, "/file", headers={"Range": "bytes=0-1,4-5"})
        not_modified = await get(edge, "/file", headers={"If-None-Match": '"e1"'})
        since = await get(edge, "/file", headers={"If-Modified-Since": "Wed, 15 Nov 2023 00:00:00 GMT"})
        changed = await get(edge, "/file", headers={"If-None-Match": '"other"'})
        head = await get(edge, "/file", "HEAD")
    assert (ranged[0], ranged[2], ranged[1]["Content-Range"]) == (206, b"2345", "bytes 2-5/10")
    assert (suffix[0], suffix[2]) == (206, b"789")
    assert (outside[0], outside[1]["Content-Range"]) == (416, "bytes */10")
    assert (multiple[0], multiple[2]) == (200, b"0123456789")
    assert (not_modified[0], not_modified[2], not_modified[1]["ETag"]) == (304, b"", '"e1"')
    assert since[0] == 304
    assert (changed[0], changed[2]) == (200, b"0123456789")
    assert (head[0], head[2], head[1]["Content-Length"], head[1]["X-Cache"]) == (200, b"", "10",
                                                                              "Hit from cloudfront")
    assert origin.count("/file") == 1


async def test_options_is_cached_separately_when_cached_methods_include_it(tmp_path: Path) -> None:
    origin = Origin()
    behavior = ("cache_policy: Managed-CachingOptimized\n            allowed_methods: [GET, HEAD, OPTIONS]\n"
                "            cached_methods: [GET, HEAD, OPTIONS]")
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port, behavior=behavior)) as edge:
        get1 = await get(edge, "/r")
        opt1 = await get(edge, "/r", "OPTIONS")
        opt2 = await get(edge, "/r", "OPTIONS")
    assert (get1[1]["X-Cache"], opt1[1]["X-Cache"], opt2[1]["X-Cache"]) == (
        "Miss from cloudfront", "Miss from cloudfront", "Hit from cloudfront")
    assert [m for m, _, _ in origin.seen] == ["GET", "OPTIONS"]


async def test_functions_run_on_hits_and_the_origin_sees_nothing(tmp_path: Path) -> None:
    origin = Origin()
    (tmp_path / "req.js").write_text(
        "function handler(event) { var r = event.request;"
        " if (r.uri === '/') { r.uri = '/index.html'; } return r; }\n")
    (tmp_path / "resp.js").write_text(
        "function handler(event) { var r = event.response;"
        " r.headers['x-served-by'] = {value: 'viewer-response'}; return r; }\n")
    behavior = ("cache_policy: Managed-CachingOptimized\n"
                "            function_associations: {viewer-request: rewrite, viewer-response: stamp}")
    extra = """\
        functions:
          rewrite: {runtime: cloudfront-js-1.0, code: req.js}
          stamp: {runtime: cloudfront-js-1.0, code: resp.js}
        """
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port, behavior=behavior, extra=extra)
                                                       ) as edge:
        first = await get(edge, "/")
        hit = await get(edge, "/index.html")  # the key is the rewritten uri: the same entry
    assert origin.seen[0][1] == "/index.html" and len(origin.seen) == 1
    assert hit[1]["X-Cache"] == "Hit from cloudfront" and hit[2] == first[2]
    assert first[1]["x-served-by"] == hit[1]["x-served-by"] == "viewer-response"


async def test_stale_while_revalidate_serves_stale_and_refreshes_in_the_background(tmp_path: Path) -> None:
    origin, clock, refreshed = Origin(), FakeClock(), asyncio.Event()
    version = {"n": 1}

    async def page(request: web.Request) -> web.Response:
        if version["n"] > 1:
            refreshed.set()
        return web.Response(text=f"v{version['n']}",
                            headers={"Cache-Control": "max-age=60, stale-while-revalidate=30"})

    origin.routes["/swr"] = page
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        await get(edge, "/swr")
        version["n"] = 2
        clock.advance(70)  # expired, within the 30 s window
        stale = await get(edge, "/swr")
        await asyncio.wait_for(refreshed.wait(), 10)
        cache = edge.emulator.pipeline.cache
        await asyncio.wait_for(cache.background_done(), 10)  # the background refresh stored v2
        entry = cache.store.entries()[0]
        fresh = await get(edge, "/swr")
    assert (stale[2], stale[1]["X-Cache"]) == (b"v1", "Hit from cloudfront")
    assert (fresh[2], fresh[1]["X-Cache"]) == (b"v2", "Hit from cloudfront")
    assert entry.ttl == 60


async def test_a_body_that_breaks_off_is_not_stored(tmp_path: Path) -> None:
    origin = Origin()

    async def broken(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Cache-Control": "max-age=600"})
        response.content_length = 100_000
        await response.prepare(request)
        await response.write(b"x" * 1000)
        assert request.transport is not None
        request.transport.close()
        return response

    origin.routes["/broken"] = broken
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        for _ in range(2):
            with pytest.raises(aiohttp.ClientPayloadError):
                await get(edge, "/broken")
        assert len(edge.emulator.pipeline.cache.store) == 0
    assert origin.count("/broken") == 2


async def test_a_body_the_viewer_abandons_is_not_stored(tmp_path: Path) -> None:
    origin, first_sent = Origin(), asyncio.Event()
    block = b"y" * 65536

    async def big(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Cache-Control": "max-age=600"})
        response.content_length = len(block) * 64
        await response.prepare(request)
        for _ in range(64):
            await response.write(block)
            first_sent.set()
        return response

    origin.routes["/big"] = big
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        async with edge.request("GET", "/big") as r:
            await r.content.readexactly(1000)
            r.close()  # the viewer goes away mid-body
        assert edge.server is not None
        async with asyncio.timeout(10):
            while edge.server.in_flight:
                await asyncio.sleep(0.01)
        assert len(edge.emulator.pipeline.cache.store) == 0
        status, h, body = await get(edge, "/big")
        assert (status, h["X-Cache"], len(body)) == (200, "Miss from cloudfront", len(block) * 64)
        assert (await get(edge, "/big"))[1]["X-Cache"] == "Hit from cloudfront"


async def test_objects_above_max_object_bytes_pass_through_uncached(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/large"] = cached(600, "z" * 5000)
    origin.routes["/small"] = cached(600, "z" * 500)
    text = config(0).replace("resolve:", "cache: {max_object_bytes: 1000}\n          resolve:")
    async with serve_app(origin.app) as port, run_edge(tmp_path, text.replace("http_port: 0", f"http_port: {port}")
                                                       ) as edge:
        for path in ("/large", "/large", "/small", "/small"):
            status, _, body = await get(edge, path)
            assert (status, len(body)) == (200, 5000 if path == "/large" else 500)
    assert (origin.count("/large"), origin.count("/small")) == (2, 1)


async def test_cache_can_be_turned_off(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/x"] = cached(600)
    text = config(0).replace("resolve:", "cache: {enabled: false}\n          resolve:")
    async with serve_app(origin.app) as port, run_edge(tmp_path, text.replace("http_port: 0", f"http_port: {port}")
                                                       ) as edge:
        results = [await get(edge, "/x") for _ in range(2)]
    assert origin.count("/x") == 2 and {h["X-Cache"] for _, h, _ in results} == {"Miss from cloudfront"}


async def test_custom_error_response_is_cached_with_its_page(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/index.html"] = cached(300, "<html>spa</html>")
    errors = ("          custom_error_responses:\n            - {error_code: 404, response_page_path: /index.html, "
              "response_code: 200, error_caching_min_ttl: 30}\n")
    text = config(0).replace("        emulator:", errors + "        emulator:")
    async with serve_app(origin.app) as port, run_edge(
            tmp_path, text.replace("http_port: 0", f"http_port: {port}"), clock=clock) as edge:
        origin.routes["/missing"] = cached(body="nope", status=404)
        first = await get(edge, "/missing")
        clock.advance(20)
        again = await get(edge, "/missing")
        clock.advance(11)  # past the 30 s error_caching_min_ttl
        later = await get(edge, "/missing")
    assert first[0] == again[0] == 200 and again[2] == b"<html>spa</html>"
    assert again[1]["X-Cache"] == "Error from cloudfront"  # a custom error page: the result type stays Error
    assert (origin.count("/missing"), origin.count("/index.html")) == (2, 1)
    assert later[0] == 200


async def test_an_unreachable_origin_502_is_cached_like_an_origin_5xx(tmp_path: Path) -> None:
    clock = FakeClock()
    with refused_port() as port:
        async with run_edge(tmp_path, config(port), clock=clock) as edge:
            first = await get(edge, "/x")
            clock.advance(5)
            second = await get(edge, "/x")
            listing = [(e.path, e.status) for e in edge.emulator.pipeline.cache.store.entries()]
    assert first[0] == second[0] == 502
    assert second[1]["X-Cache"] == "Error from cloudfront" and second[1]["Age"] == "5"
    assert second[1]["X-Amz-Cf-Id"] != first[1]["X-Amz-Cf-Id"]  # each viewer gets its own id header
    assert listing == [("/x", 502)]


async def test_the_trace_explains_each_cache_decision(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/t"] = cached(body="t", **{"Cache-Control": "s-maxage=3600, max-age=5"})
    text = config(0).replace("resolve:", "debug: {trace_header: true}\n          resolve:")
    async with serve_app(origin.app) as port, run_edge(tmp_path, text.replace("http_port: 0", f"http_port: {port}")
                                                       ) as edge:
        miss = await get(edge, "/t")
        hit = await get(edge, "/t")
        entries = edge.emulator.pipeline.cache.store.entries()
    assert "cache-key=cacheable" in miss[1]["X-Frontyard-Trace"]
    assert "cache=miss" in miss[1]["X-Frontyard-Trace"] and "cache-store=stored" in miss[1]["X-Frontyard-Trace"]
    assert "cache=hit" in hit[1]["X-Frontyard-Trace"] and "origin=" not in hit[1]["X-Frontyard-Trace"]
    assert entries[0].ttl_reason == "ttl 3600 s: s-maxage 3600 within [1, 31536000]"


async def test_admin_cache_listing_reports_ttl_and_hits(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/l"] = cached(100, "12345")
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        assert edge.server is not None
        admin = AdminServer(edge.server, lambda: {})
        _, admin_port = await admin.start(Listen(host="127.0.0.1", port=0))
        try:
            await get(edge, "/l")
            clock.advance(40)
            await get(edge, "/l")
            await get(edge, "/l")
            async with edge.session.get(f"http://127.0.0.1:{admin_port}/_frontyard/cache") as r:
                listing = json.loads(await r.read())
        finally:
            await admin.close()
    entry = listing["entries"][0]
    assert (entry["path"], entry["status"], entry["ttl_left"], entry["age"], entry["size"], entry["hits"]) == (
        "/l", 200, 60, 40, 5, 2)
    assert ["path", "/l"] in entry["key"]


def test_explain_prints_the_cache_key_and_whether_it_is_cacheable(tmp_path: Path, capsys) -> None:
    from emulator.cli import main

    path = tmp_path / "frontyard.yaml"
    behavior = "cache_policy: by-query\n            allowed_methods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]"
    path.write_text(textwrap.dedent(config(9000, behavior=behavior, extra="""\
        cache_policies:
          by-query: {min_ttl: 0, default_ttl: 60, max_ttl: 600, query_strings: all, cookies: {behavior: whitelist,
                     items: [lang]}}
        """)))
    assert main(["explain", str(path), "http://localhost/list?b=2&a=1", "-H", "Cookie: lang=fr; x=1"]) == 0
    out = capsys.readouterr().out
    assert "cache-key       cacheable: GET under by-query (TTLs min 0, default 60, max 600); key: path '/list', " \
           "cookie:lang=fr, query 'b=2&a=1'" in out
    assert main(["explain", str(path), "http://localhost/list", "-X", "POST"]) == 0
    assert "not-cacheable: POST responses are never cached" in capsys.readouterr().out


async def test_the_access_log_says_hit_or_miss(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.INFO, "frontyard.access")
    origin = Origin()
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        await get(edge, "/logged")
        await get(edge, "/logged")
    lines = [r.getMessage() for r in caplog.records if '"GET /logged' in r.getMessage()]
    assert ["result=miss" in lines[0], "result=hit" in lines[1]] == [True, True]


# -- found by review: each of these hung or served the wrong thing before its fix --------------------------
async def test_a_stale_copy_served_on_a_5xx_leaves_the_key_cacheable(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/page"] = cached(60, "good")  # no ETag / Last-Modified: fetched again when expired
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        await get(edge, "/page")
        origin.routes["/page"] = cached(body="down", status=503)
        clock.advance(120)
        assert (await get(edge, "/page"))[2] == b"good"
        clock.advance(11)
        origin.routes["/page"] = cached(60, "new")
        assert (await get(edge, "/page"))[2] == b"new"
        status, h, body = await get(edge, "/page")
        assert (status, h["X-Cache"], body, origin.count("/page")) == (200, "Hit from cloudfront", b"new", 3)
        invalidate(edge.emulator.pipeline.cache.store, ["/page"])
        async with asyncio.timeout(10):  # no request waits on a fill nobody finishes
            assert (await get(edge, "/page"))[1]["X-Cache"] == "Miss from cloudfront"


async def test_a_background_refresh_answered_503_keeps_the_good_copy(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/swr"] = cached(body="good", **{"Cache-Control": "max-age=60, stale-while-revalidate=30"})
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        await get(edge, "/swr")
        origin.routes["/swr"] = cached(body="down", status=503)
        clock.advance(70)
        assert (await get(edge, "/swr"))[2] == b"good"
        await asyncio.wait_for(edge.emulator.pipeline.cache.background_done(), 10)
        status, h, body = await get(edge, "/swr")
    assert (status, body, h["X-Cache"]) == (200, b"good", "Hit from cloudfront")
    assert origin.count("/swr") == 2


async def test_a_cached_options_is_revalidated_with_options(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()

    async def resource(request: web.Request) -> web.Response:
        if request.method == "OPTIONS":
            if request.headers.get("If-None-Match") == '"o"':
                return web.Response(status=304, headers={"ETag": '"o"', "Cache-Control": "max-age=60"})
            return web.Response(text="", headers={"Allow": "GET, OPTIONS", "ETag": '"o"',
                                                  "Cache-Control": "max-age=60"})
        return web.Response(text="GET BODY", headers={"ETag": '"g"', "Cache-Control": "max-age=60"})

    origin.routes["/r"] = resource
    behavior = ("cache_policy: Managed-CachingOptimized\n            allowed_methods: [GET, HEAD, OPTIONS]\n"
                "            cached_methods: [GET, HEAD, OPTIONS]")
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port, behavior=behavior),
                                                       clock=clock) as edge:
        await get(edge, "/r", "OPTIONS")
        clock.advance(61)
        status, h, body = await get(edge, "/r", "OPTIONS")
    assert [m for m, _, _ in origin.seen] == ["OPTIONS", "OPTIONS"]
    assert (status, body, h["X-Cache"], h["Allow"]) == (200, b"", "RefreshHit from cloudfront", "GET, OPTIONS")


async def test_vary_star_with_min_ttl_0_goes_to_the_origin_every_time(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/v"] = cached(60, "v", Vary="*")
    extra = """\
        cache_policies:
          zero: {min_ttl: 0, default_ttl: 60, max_ttl: 600}
        """
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port, behavior="cache_policy: zero",
                                                                         extra=extra)) as edge:
        await get(edge, "/v")
        _, h, _ = await get(edge, "/v")
    assert (origin.count("/v"), h["X-Cache"]) == (2, "Miss from cloudfront")


async def test_requesting_the_error_page_itself_does_not_wait_on_itself(tmp_path: Path) -> None:
    origin = Origin()
    origin.routes["/index.html"] = cached(body="not deployed yet", status=404)
    errors = ("          custom_error_responses:\n            - {error_code: 404, response_page_path: /index.html, "
              "response_code: 200}\n")
    text = config(0).replace("        emulator:", errors + "        emulator:")
    async with serve_app(origin.app) as port, run_edge(
            tmp_path, text.replace("http_port: 0", f"http_port: {port}")) as edge:
        async with asyncio.timeout(10):
            status, _, body = await get(edge, "/index.html")
            again = await get(edge, "/index.html")
    assert (status, body) == (404, b"not deployed yet")  # the page itself is missing: its origin's 404
    assert again[0] == 404 and origin.count("/index.html") == 1  # the 404 was cached


async def test_the_stale_window_uses_the_errors_own_error_caching_min_ttl(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    origin.routes["/p"] = cached(60, "good")
    errors = ("          custom_error_responses:\n            - {error_code: 503, error_caching_min_ttl: 300}\n")
    text = config(0).replace("        emulator:", errors + "        emulator:")
    async with serve_app(origin.app) as port, run_edge(
            tmp_path, text.replace("http_port: 0", f"http_port: {port}"), clock=clock) as edge:
        await get(edge, "/p")
        origin.routes["/p"] = cached(body="down", status=503)
        clock.advance(61)
        await get(edge, "/p")
        clock.advance(200)  # within the 503's 300 s: the origin is not asked
        assert (await get(edge, "/p"))[2] == b"good"
    assert origin.count("/p") == 2
