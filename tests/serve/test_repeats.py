"""Repeats (serve/repeat.py): a request identical to one answered from a fresh cached copy gets the same bytes, the
same trace and the same history as the pipeline gives it, and stops being repeated the moment the pipeline would
answer otherwise (the copy invalidated or expired, a reload, another header). Real edge, real origin, raw sockets
where the bytes matter; time moves only with the FakeClock."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from aiohttp import web

from emulator.cache.invalidation import invalidate
from emulator.clock import FakeClock
from emulator.inspector.history import Entry
from emulator.serve.reload import Reloader
from emulator.signing import sign_url
from tests.helpers import Edge, run_edge, serve_app
from tests.signing.support import EC_ID, KEY_GROUPS, ec_key, pem, write_public_keys


def config(port: int, behavior: str = "", extra: str = "", debug: bool = False,
           policy: str = "cache_policy: Managed-CachingOptimized") -> str:
    return f"""\
distribution:
  origins:
    - {{id: app, domain_name: app.test, custom_origin: {{protocol_policy: http-only, http_port: {port}}}}}
  default_cache_behavior:
    target_origin_id: app
    {policy}
    {behavior}
{extra}
emulator: {{resolve: {{app.test: 127.0.0.1}}, access_log: false, debug: {{trace_header: {str(debug).lower()}}}}}
"""


class Origin:
    def __init__(self) -> None:
        self.hits: list[str] = []
        self.app = web.Application()
        self.app.router.add_get("/{p:.*}", self.handle)

    async def handle(self, request: web.Request) -> web.Response:
        self.hits.append(request.path_qs)
        return web.Response(body=f"{request.path} #{len(self.hits)}".encode() * 40, content_type="text/plain",
                            headers={"Cache-Control": "public, max-age=60", "ETag": f'"{len(self.hits)}"'})


NOW = 1_800_000_000
GET = b"GET /a HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n"


class Viewer:
    """One keep-alive connection; each answer read whole by its Content-Length."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def ask(self, raw: bytes = GET, answers: int = 1) -> list[bytes]:
        self.writer.write(raw)
        out = []
        for _ in range(answers):
            head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), 10)
            length = int(re.search(rb"Content-Length: (\d+)", head).group(1))  # type: ignore[union-attr]
            out.append(head + await asyncio.wait_for(self.reader.readexactly(length), 10))
        return out

    def close(self) -> None:
        self.writer.close()


async def viewer(edge: Edge) -> Viewer:
    return Viewer(*await asyncio.open_connection("127.0.0.1", int(edge.url.rsplit(":", 1)[1])))


def field(wire: bytes, name: str) -> str:
    return re.search(rf"\r\n{name}: ([^\r]*)".encode(), wire).group(1).decode()  # type: ignore[union-attr]


def blank_ids(wire: bytes) -> bytes:
    return re.sub(rb"X-Amz-Cf-Id: [^\r]+", b"X-Amz-Cf-Id: ...", wire)


def last(edge: Edge, n: int = 1) -> list[Entry]:
    assert edge.server is not None
    return edge.server.history.entries()[-n:]


def decisions(entry: Entry) -> list[tuple[str, str, str]]:
    return [(d.stage, d.outcome, d.detail) for d in entry.trace.decisions]


async def test_a_repeat_gets_the_pipelines_bytes_trace_and_history(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        conn = await viewer(edge)
        miss, = await conn.ask()
        clock.advance(5)
        hit, = await conn.ask()  # through the pipeline: a fresh whole hit, learned
        repeat, = await conn.ask()  # the same bytes again: repeated
        clock.advance(7)
        older, = await conn.ask()
        conn.close()
        full, repeated, aged = last(edge, 3)
    assert field(miss, "X-Cache") == "Miss from cloudfront" and origin.hits == ["/a"]
    assert blank_ids(repeat) == blank_ids(hit) and field(hit, "Age") == "5"
    assert field(repeat, "X-Amz-Cf-Id") != field(hit, "X-Amz-Cf-Id")
    assert blank_ids(older) == blank_ids(hit).replace(b"Age: 5\r\n", b"Age: 12\r\n")
    # The history: the pipeline's request, then two repeats naming it, with the same decisions and details.
    assert (full.trace.repeat_of, repeated.trace.repeat_of, aged.trace.repeat_of) == (None, full.id, full.id)
    assert decisions(repeated) == decisions(full)
    assert [d for d in decisions(aged) if d[0] != "cache"] == [d for d in decisions(full) if d[0] != "cache"]
    cache = next(d for d in decisions(full) if d[0] == "cache")
    assert cache[2].startswith("fresh for 55 s more (") and cache[2].endswith("; Age 5; whole object")
    assert next(d for d in decisions(aged) if d[0] == "cache") == (
        "cache", "hit", cache[2].replace("55 s", "48 s").replace("Age 5;", "Age 12;"))
    assert [e.id for e in (full, repeated, aged)] == [field(w, "X-Amz-Cf-Id") for w in (hit, repeat, older)]
    assert (repeated.status, repeated.sent, repeated.headers["Age"]) == (200, full.sent, "5")
    assert repeated.headers["X-Amz-Cf-Id"] == repeated.id
    assert edge.server is not None and edge.server.bodies.get(repeated.id) == edge.server.bodies.get(full.id)


async def test_pipelined_repeats_are_answered_in_order(tmp_path: Path) -> None:
    origin = Origin()
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        conn = await viewer(edge)
        await conn.ask()
        await conn.ask()
        other = b"GET /b HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n"
        answers = await conn.ask(GET + GET + other + GET, answers=4)
        conn.close()
        entries = last(edge, 4)
    assert [a.split(b"\r\n\r\n", 1)[1][:5] for a in answers] == [b"/a #1", b"/a #1", b"/b #2", b"/a #1"]
    assert [field(a, "X-Cache") for a in answers] == ["Hit from cloudfront"] * 2 + ["Miss from cloudfront",
                                                                                    "Hit from cloudfront"]
    # Repeats are answered as they arrive while nothing is being answered; from the first request that is not one,
    # the pipeline answers the rest in order.
    assert [e.trace.repeat_of is not None for e in entries] == [True, True, False, False]
    assert origin.hits == ["/a", "/b"]


async def test_a_repeat_stops_when_the_pipeline_would_answer_otherwise(tmp_path: Path) -> None:
    origin, clock = Origin(), FakeClock()
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port), clock=clock) as edge:
        conn = await viewer(edge)
        for _ in range(3):
            await conn.ask()
        assert last(edge)[0].trace.repeat_of is not None
        # Another header: another request (the cache key may not differ, but the stages could).
        other, = await conn.ask(GET.replace(b"Accept: */*", b"Accept: text/html"))
        assert last(edge)[0].trace.repeat_of is None and field(other, "X-Cache") == "Hit from cloudfront"
        # Invalidated (as POST /_frontyard/invalidations does): the next identical request goes to the origin.
        invalidate(edge.emulator.pipeline.cache.store, ["/a"])
        gone, = await conn.ask()
        assert field(gone, "X-Cache") == "Miss from cloudfront" and last(edge)[0].trace.repeat_of is None
        await conn.ask()
        await conn.ask()
        assert last(edge)[0].trace.repeat_of is not None
        # Expired: revalidated by the pipeline (the origin's 200 with a new ETag), not repeated.
        clock.advance(61)
        expired, = await conn.ask()
        assert field(expired, "X-Cache") == "Miss from cloudfront" and last(edge)[0].trace.repeat_of is None
        conn.close()
    assert origin.hits == ["/a", "/a", "/a"]


async def test_a_reload_forgets_what_was_learned(tmp_path: Path) -> None:
    origin = Origin()
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        conn = await viewer(edge)
        for _ in range(3):
            await conn.ask()
        assert last(edge)[0].trace.repeat_of is not None
        assert edge.server is not None
        edge.config_path.write_text(config(port) + "# edited\n")  # the same behaviors: still repeatable
        assert await Reloader(edge.server).reload()
        answers = [(await conn.ask())[0] for _ in range(3)]
        policy = "response_headers_policy: Managed-SecurityHeadersPolicy"
        edge.config_path.write_text(config(port, behavior=policy))
        assert await Reloader(edge.server).reload()
        secured = [(await conn.ask())[0] for _ in range(3)]
        entries = last(edge, 6)
        conn.close()
    # A new configuration has a new cache: a miss, a hit through the stages (learned again), then a repeat.
    assert [field(a, "X-Cache") for a in answers] == ["Miss from cloudfront"] + ["Hit from cloudfront"] * 2
    assert [e.trace.repeat_of is not None for e in entries[:3]] == [False, False, True]
    assert entries[2].trace.repeat_of == entries[1].id
    # And a configuration whose behavior adds headers to every response is never answered from what was learned.
    assert all(field(a, "Strict-Transport-Security") for a in secured)
    assert [e.trace.repeat_of for e in entries[3:]] == [None] * 3


async def test_behaviors_whose_answer_can_change_are_never_repeated(tmp_path: Path) -> None:
    function = tmp_path / "fn.js"
    function.write_text("function handler(event) { return event.request; }")
    cases = {
        "viewer-request function": ("function_associations: {viewer-request: fn}",
                                    f"functions: {{fn: {{runtime: cloudfront-js-2.0, code: {function}}}}}"),
        "response headers policy": ("response_headers_policy: Managed-SimpleCORS", ""),
        "debug header": ("", ""),
    }
    origin = Origin()
    async with serve_app(origin.app) as port:
        for name, (behavior, extra) in cases.items():
            text = config(port, behavior, extra, debug=name == "debug header")
            async with run_edge(tmp_path, text, name=f"{len(origin.hits)}.yaml") as edge:
                conn = await viewer(edge)
                answers = [(await conn.ask())[0] for _ in range(4)]
                conn.close()
                assert [field(a, "X-Cache") for a in answers[1:]] == ["Hit from cloudfront"] * 3, name
                assert [e.trace.repeat_of for e in last(edge, 3)] == [None] * 3, name


async def test_repeats_over_https(tmp_path: Path) -> None:
    origin = Origin()
    async with serve_app(origin.app) as port, run_edge(tmp_path, config(port)) as edge:
        host, https_port = edge.https_url.removeprefix("https://").rsplit(":", 1)
        conn = Viewer(*await asyncio.open_connection(host, int(https_port), ssl=edge.ssl_context(),
                                                     server_hostname="localhost"))
        answers = [(await conn.ask())[0] for _ in range(3)]
        conn.close()
    assert blank_ids(answers[2]) == blank_ids(answers[1])
    assert [e.trace.repeat_of is not None for e in last(edge, 3)] == [False, False, True]
    assert last(edge)[0].trace.viewer is not None and last(edge)[0].trace.viewer.tls is not None


async def test_a_request_that_waited_on_another_fill_is_not_learned(tmp_path: Path) -> None:
    arrived, release = asyncio.Event(), asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        arrived.set()
        await release.wait()
        return web.Response(text="slow", headers={"Cache-Control": "max-age=60"})

    app = web.Application()
    app.router.add_get("/{p:.*}", slow)
    async with serve_app(app) as port, run_edge(tmp_path, config(port)) as edge:
        first, second = await viewer(edge), await viewer(edge)
        filling = asyncio.ensure_future(first.ask())
        await asyncio.wait_for(arrived.wait(), 10)  # the miss is at the origin
        waiting = asyncio.ensure_future(second.ask())  # the same request, collapsed onto that fill
        fill = next(iter(edge.emulator.pipeline.cache._fills.values()))
        for _ in range(1000):  # until the second request waits on the fill (yielding to the loop, no timer)
            if fill.done._waiters:  # type: ignore[attr-defined]
                break
            await asyncio.sleep(0)
        release.set()
        await filling
        await waiting
        collapsed = last(edge)[0]
        await second.ask()  # through the pipeline again: the collapse was that request's own circumstance
        await second.ask()  # learned from the plain hit: repeated
        plain, repeat = last(edge, 2)
        first.close()
        second.close()
    assert ("cache", "collapsed") in [d[:2] for d in decisions(collapsed)]
    assert (plain.trace.repeat_of, repeat.trace.repeat_of) == (None, plain.id)
    assert [d[:2] for d in decisions(repeat)] == [d[:2] for d in decisions(plain)]
    assert ("cache", "collapsed") not in [d[:2] for d in decisions(repeat)]


async def test_requests_the_pipeline_must_decide_each_time(tmp_path: Path) -> None:
    """HTTP/1.0, HEAD, a key holding the viewer's port: each a Hit every time, none a repeat."""
    origin = Origin()
    # Legacy forwarded values may put CloudFront-Viewer-Address in the key (a cache policy may not).
    address_key = "forwarded_values: {query_string: false, headers: [CloudFront-Viewer-Address]}\n    default_ttl: 60"
    async with serve_app(origin.app) as port:
        async with run_edge(tmp_path, config(port)) as edge:
            http10 = GET.replace(b"HTTP/1.1", b"HTTP/1.0").replace(b"\r\n\r\n", b"\r\nConnection: keep-alive\r\n\r\n")
            for raw in (http10, GET.replace(b"GET", b"HEAD")):
                conn = await viewer(edge)
                conn.writer.write(raw)
                for _ in range(4):
                    conn.writer.write(raw)
                    await asyncio.wait_for(conn.reader.readuntil(b"X-Amz-Cf-Id: "), 10)
                conn.close()
            assert [e.trace.repeat_of for e in last(edge, 8)] == [None] * 8
            assert [e.headers["X-Cache"] for e in last(edge, 3)] == ["Hit from cloudfront"] * 3
        async with run_edge(tmp_path, config(port, policy=address_key), name="b.yaml") as edge:
            conn = await viewer(edge)
            answers = [(await conn.ask())[0] for _ in range(4)]
            conn.close()
            assert [field(a, "X-Cache") for a in answers[1:]] == ["Hit from cloudfront"] * 3
            assert [e.trace.repeat_of for e in last(edge, 3)] == [None] * 3


async def test_a_signed_url_is_checked_on_every_request(tmp_path: Path) -> None:
    """Signed URLs are checked against the clock: the copy a valid signature got is not repeated after expiry."""
    write_public_keys(tmp_path)
    origin, clock = Origin(), FakeClock(NOW)
    restricted = "trusted_key_groups: [storage]"
    async with serve_app(origin.app) as port, run_edge(tmp_path, KEY_GROUPS + config(port, restricted),
                                                       clock=clock) as edge:
        host = edge.url.removeprefix("http://")
        url = sign_url(f"http://{host}/a", EC_ID, pem(ec_key()), expires=NOW + 30, hash_algorithm="sha256")
        raw = f"GET {url.removeprefix('http://' + host)} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode()
        conn = await viewer(edge)
        fresh = [(await conn.ask(raw))[0] for _ in range(3)]
        clock.advance(31)  # the signature has expired; the copy (max-age=60) is still fresh
        conn.writer.write(raw)
        expired = await asyncio.wait_for(conn.reader.readuntil(b"\r\n\r\n"), 10)
        conn.close()
    assert [field(a, "X-Cache") for a in fresh] == ["Miss from cloudfront"] + ["Hit from cloudfront"] * 2
    assert expired.startswith(b"HTTP/1.1 403 ")
    assert [e.trace.repeat_of for e in last(edge, 4)] == [None] * 4
