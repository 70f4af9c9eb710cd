"""The origin connection pool (emulator/origins/wire.py) over real sockets: keep-alive reuse, an idle
connection the origin closed as it was reused, and request framing of streamed and fixed bodies."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

from tests.helpers import raw_server, run_edge, single_origin_config


class RawOrigin:
    """A keep-alive HTTP/1.1 origin on a raw socket that records each request (head and body) per connection.

    `answers_per_connection` requests are answered on a connection; the next one is read and the connection
    closed without an answer: what an origin whose idle timeout fired as the edge reused the connection does."""

    def __init__(self, answers_per_connection: int, chunked: bool = False) -> None:
        self.answers = answers_per_connection
        self.chunked = chunked  # framing the client cannot take in one piece: its body is always streamed
        self.connections = 0
        self.requests: list[tuple[int, bytes, bytes]] = []  # (connection number, head, body)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        number = self.connections
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            for served in range(self.answers + 1):
                head = await reader.readuntil(b"\r\n\r\n")
                body = await _read_body(reader, head)
                self.requests.append((number, head, body))
                if served == self.answers:
                    break  # closed without an answer
                if self.chunked:
                    answer = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nKeep-Alive: timeout=60\r\n\r\n" \
                        b"2\r\nok\r\n0\r\n\r\n"
                else:
                    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nKeep-Alive: timeout=60\r\n\r\nok"
                writer.write(answer.removesuffix(b"ok") if head.startswith(b"HEAD ") else answer)
                await writer.drain()
        writer.close()


async def _read_body(reader: asyncio.StreamReader, head: bytes) -> bytes:
    lines = head.decode("latin-1").lower().split("\r\n")
    length = next((int(line.split(":", 1)[1]) for line in lines if line.startswith("content-length:")), None)
    if length is not None:
        return await reader.readexactly(length)
    if "transfer-encoding: chunked" not in lines:
        return b""
    body = b""
    while True:
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return body
        body += chunk[:-2]


@contextlib.asynccontextmanager
async def raw_origin(answers_per_connection: int, chunked: bool = False) -> AsyncIterator[tuple[RawOrigin, int]]:
    origin = RawOrigin(answers_per_connection, chunked)
    async with raw_server(origin.serve) as port:  # closes the connections still open at its end
        yield origin, port


def config(port: int, read_timeout: float = 5) -> str:
    return single_origin_config(port, read_timeout=read_timeout, all_methods=True)


async def test_sequential_requests_share_one_keep_alive_connection(tmp_path: Path) -> None:
    async with raw_origin(100) as (origin, port), run_edge(tmp_path, config(port)) as edge:
        for i in range(5):
            async with edge.session.get(f"{edge.url}/n{i}") as r:
                assert r.status == 200 and await r.read() == b"ok"
    assert origin.connections == 1
    assert [head.split(b" ")[1] for _, head, _ in origin.requests] == [b"/n0", b"/n1", b"/n2", b"/n3", b"/n4"]


async def test_an_idle_connection_the_origin_closed_is_replaced_for_a_get_but_not_for_a_post(tmp_path: Path) -> None:
    async with raw_origin(1) as (origin, port), run_edge(tmp_path, config(port)) as edge:
        async with edge.session.get(f"{edge.url}/first") as r:
            assert r.status == 200
        # Reused, closed unanswered: a GET goes again on a fresh connection, not counted as an attempt
        # (connection_attempts is 1).
        async with edge.session.get(f"{edge.url}/second") as r:
            assert r.status == 200 and await r.read() == b"ok"
        assert origin.connections == 2
        # A POST is not repeated: the origin may have acted on it. CloudFront's 502.
        async with edge.session.post(f"{edge.url}/third", data=b"payload") as r:
            assert r.status == 502
            assert "closed the connection before responding" in r.headers["X-Frontyard-Trace"]
    assert [(n, head.split(b" ")[:2]) for n, head, _ in origin.requests] == [
        (1, [b"GET", b"/first"]), (1, [b"GET", b"/second"]), (2, [b"GET", b"/second"]), (2, [b"POST", b"/third"])]
    assert origin.requests[-1][2] == b"payload"


async def test_a_streamed_upload_without_a_length_goes_out_chunked(tmp_path: Path) -> None:
    async def parts() -> AsyncIterator[bytes]:
        for i in range(3):
            yield b"part%d-" % i

    async with raw_origin(10) as (origin, port), run_edge(tmp_path, config(port)) as edge:
        async with edge.session.put(f"{edge.url}/up", data=parts()) as r:
            assert r.status == 200
        async with edge.session.put(f"{edge.url}/fixed", data=b"0123456789") as r:
            assert r.status == 200
    (_, chunked_head, chunked_body), (_, fixed_head, fixed_body) = origin.requests
    assert b"transfer-encoding: chunked" in chunked_head.lower() and chunked_body == b"part0-part1-part2-"
    assert b"content-length: 10" in fixed_head.lower() and fixed_body == b"0123456789"


async def test_a_1xx_during_a_slow_upload_does_not_start_the_read_timeout(tmp_path: Path) -> None:
    """The read timeout (1 s here) counts from the end of the request: an origin's `100 Continue` while the
    viewer is still sending must not start it (the upload below takes ~1.6 s)."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            head = await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            body = await _read_body(reader, head)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%b" % (len(body), body))
            await writer.drain()
        writer.close()

    async def slowly() -> AsyncIterator[bytes]:
        for i in range(4):
            await asyncio.sleep(0.4)  # a slow viewer, not a wait for something to happen
            yield b"chunk%d " % i

    async with raw_server(serve) as port:
        async with run_edge(tmp_path, config(port, read_timeout=1)) as edge:
            async with edge.session.post(f"{edge.url}/up", data=slowly()) as r:
                assert r.status == 200, r.headers.get("X-Frontyard-Trace")
                assert await r.read() == b"chunk0 chunk1 chunk2 chunk3 "


async def test_an_origin_that_answers_before_reading_the_upload_is_heard(tmp_path: Path) -> None:
    """A 413 sent right after the request head by an origin that then reads no more of the 64 MB upload: the
    answer reaches the viewer (the edge does not wait behind an upload the origin is not reading, which would
    never finish), and the upload is cut off."""
    done = asyncio.Event()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 413 Payload Too Large\r\nContent-Length: 8\r\nConnection: close\r\n\r\ntoo big!")
            await writer.drain()
            await done.wait()  # reads nothing more until the test is over
        writer.close()

    async def big() -> AsyncIterator[bytes]:
        for _ in range(1024):  # 64 MB: more than the sockets between here and the origin can hold
            yield b"b" * 65536

    try:
        async with raw_server(serve) as port:
            async with run_edge(tmp_path, config(port)) as edge:
                async def post() -> tuple[int, bytes]:
                    async with edge.session.post(f"{edge.url}/up", data=big()) as r:
                        return r.status, await r.read()

                assert await asyncio.wait_for(post(), 30) == (413, b"too big!")
    finally:
        done.set()


async def test_an_upload_whose_reused_connection_was_closed_is_not_sent_again_empty(tmp_path: Path) -> None:
    """The viewer's body is one stream: an attempt that already asked it for its first chunk used it up, so
    the request is not repeated (a repeat would carry an empty body); the viewer gets CloudFront's 502."""
    seen: list[tuple[int, bytes, bytes | None]] = []
    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        number = connections
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            for served in range(10):
                head = await reader.readuntil(b"\r\n\r\n")
                if number == 1 and served == 1:  # the reused connection: closed before the body is read
                    seen.append((number, head.split(b"\r\n")[0], None))
                    break
                seen.append((number, head.split(b"\r\n")[0], await _read_body(reader, head)))
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                await writer.drain()
        writer.close()

    async with raw_server(serve) as port:
        async with run_edge(tmp_path, config(port)) as edge:
            async with edge.session.get(f"{edge.url}/first") as r:
                assert r.status == 200
            authority = edge.url.removeprefix("http://")
            host, viewer_port = authority.split(":")
            reader, writer = await asyncio.open_connection(host, int(viewer_port))
            writer.write(b"PUT /up HTTP/1.1\r\nHost: %b\r\nTransfer-Encoding: chunked\r\n\r\n" % authority.encode())
            await writer.drain()
            await asyncio.sleep(0.3)  # a viewer slow to start its body (curl waits for 100 Continue)
            writer.write(b"e\r\nimportant-data\r\n0\r\n\r\n")
            await writer.drain()
            answer = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            writer.close()
            assert answer.startswith(b"HTTP/1.1 502 "), answer
        assert seen == [(1, b"GET /first HTTP/1.1", b""), (1, b"PUT /up HTTP/1.1", None)]  # no second, empty PUT


async def test_a_response_released_twice_goes_back_to_the_pool_once(tmp_path: Path) -> None:
    from emulator.http import OriginRequest, Scheme, freeze
    from emulator.origins.client import OriginClient

    async with raw_origin(100, chunked=True) as (origin, port):  # chunked: streamed, released by the caller
        request = OriginRequest("app", Scheme.HTTP, "app.test", "127.0.0.1", port, "GET", "/x", "",
                                freeze({"Host": "app.test"}), 1, 5.0, 5.0)
        async with OriginClient() as client:
            response, _ = await client.fetch(request)
            assert b"".join([c async for c in response.body]) == b"ok"
            assert response.release is not None
            await response.release()
            await response.release()  # e.g. an error path and a cancellation both cleaning up
            answers = await asyncio.gather(*(client.fetch(request) for _ in range(2)))
            for answer, _ in answers:
                assert b"".join([c async for c in answer.body]) == b"ok"
                assert answer.release is not None
                await answer.release()
    assert origin.connections == 2  # the pooled one and one more: never both requests on one connection


async def test_shutdown_closes_connections_still_in_use_and_a_late_release_does_not_pool_them() -> None:
    from emulator.http import OriginRequest, Scheme, freeze
    from emulator.origins.client import OriginClient

    async with raw_origin(100, chunked=True) as (origin, port):
        request = OriginRequest("app", Scheme.HTTP, "app.test", "127.0.0.1", port, "GET", "/x", "",
                                freeze({"Host": "app.test"}), 1, 5.0, 5.0)
        client = OriginClient()
        await client.__aenter__()
        pool = client._pool
        response, _ = await client.fetch(request)  # in use: neither read nor released
        await client.__aexit__(None, None, None)
        assert response.release is not None
        await response.release()  # after shutdown
        assert pool is not None and not pool._idle and not pool._busy
    assert origin.connections == 1


async def test_each_origin_keeps_its_idle_connections_for_its_own_keepalive_timeout() -> None:
    from dataclasses import replace

    from emulator.http import OriginRequest, Scheme, freeze
    from emulator.origins.client import OriginClient

    async with raw_origin(100, chunked=True) as (_, short_port), raw_origin(100, chunked=True) as (_, long_port), \
            OriginClient() as client:
        base = OriginRequest("a", Scheme.HTTP, "a.test", "127.0.0.1", short_port, "GET", "/x", "",
                             freeze({"Host": "a.test"}), 1, 5.0, 5.0, keepalive_timeout=1)
        for request in (base, replace(base, origin_id="b", connect_port=long_port, keepalive_timeout=60)):
            response, _ = await client.fetch(request)
            assert b"".join([c async for c in response.body]) == b"ok"
            assert response.release is not None
            await response.release()
        assert client._pool is not None
        expiry = {key.port: [until for _, until in idle] for key, idle in client._pool._idle.items()}
        assert len(expiry[short_port]) == len(expiry[long_port]) == 1
        assert 58 < expiry[long_port][0] - expiry[short_port][0] < 60  # released a moment apart


async def test_a_body_that_came_whole_with_its_headers_is_bytes_and_frees_its_connection_at_once() -> None:
    from emulator.http import OriginRequest, Scheme, freeze
    from emulator.origins.client import OriginClient

    async with raw_origin(100) as (origin, port), raw_origin(100, chunked=True) as (_, chunked_port), \
            OriginClient() as client:
        request = OriginRequest("app", Scheme.HTTP, "app.test", "127.0.0.1", port, "GET", "/x", "",
                                freeze({"Host": "app.test"}), 1, 5.0, 5.0)
        whole, _ = await client.fetch(request)
        assert (whole.body, whole.release, whole.headers["Content-Length"]) == (b"ok", None, "2")
        assert client._pool is not None and sum(map(len, client._pool._idle.values())) == 1  # back already
        again, _ = await client.fetch(request)  # on the same connection, nothing released by hand
        assert again.body == b"ok" and origin.connections == 1
        head, _ = await client.fetch(replace(request, method="HEAD"))
        assert not isinstance(head.body, bytes)  # no body, a length that describes the GET's: streamed as before
        assert head.release is not None
        await head.release()
        streamed, _ = await client.fetch(replace(request, connect_port=chunked_port))
        assert not isinstance(streamed.body, bytes) and streamed.release is not None  # no length: its framing stays
        assert b"".join([c async for c in streamed.body]) == b"ok"
        await streamed.release()
