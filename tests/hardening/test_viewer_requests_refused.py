"""Requests that name no resource, over raw sockets: `OPTIONS *`, an empty Host, a Host whose port is not ASCII
digits get CloudFront's 400 page (an empty port is no port, and served); an expectation other than 100-continue
CloudFront's page with 417. None of them reaches the origin. And an origin that announces a body and closes
without it: the viewer gets the status line and headers, then the connection closes (never a closed connection
with nothing at all)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.hardening.test_viewer_limits import exchange, status_of
from tests.helpers import raw_server, run_edge, serve_app, single_origin_config
from tests.integration.test_cache import Origin

REFUSED = [
    ("asterisk-form", b"OPTIONS * HTTP/1.1\r\nHost: localhost\r\n", 400),
    ("empty Host", b"GET / HTTP/1.1\r\nHost: \r\n", 400),
    ("non-ASCII port digit", "GET / HTTP/1.1\r\nHost: localhost:\u00b2\r\n".encode(), 400),
    ("Arabic-Indic port digit", "GET / HTTP/1.1\r\nHost: [::1]:\u0663\r\n".encode(), 400),
    ("unknown expectation", b"GET / HTTP/1.1\r\nHost: localhost\r\nExpect: bogus\r\n", 417),
    ("unknown expectation with a body",
     b"PUT /u HTTP/1.1\r\nHost: localhost\r\nExpect: 200-ok\r\nContent-Length: 3\r\n", 417),
]


@pytest.mark.parametrize(("name", "head", "status"), REFUSED, ids=[c[0] for c in REFUSED])
async def test_refused_with_cloudfronts_page(tmp_path: Path, name: str, head: bytes, status: int) -> None:
    origin = Origin()
    async with serve_app(origin.app) as port, \
            run_edge(tmp_path, single_origin_config(port, all_methods=True)) as edge:
        answer = await exchange(edge, head + b"Connection: close\r\n\r\n" + (b"abc" if b"PUT" in head else b""))
        assert status_of(answer) == status
        headers, _, body = answer.partition(b"\r\n\r\n")
        assert b"\r\nServer: CloudFront\r\n" in headers and b"\r\nX-Cache: Error from cloudfront\r\n" in headers
        assert f"<H1>{status} ERROR</H1>".encode() in body
        # A proper request is served, and nothing refused reached the origin.
        ok = await exchange(edge, b"GET /fine HTTP/1.1\r\nHost: localhost:80\r\nConnection: close\r\n\r\n")
        assert status_of(ok) == 200
    assert [path for _, path, _ in origin.seen] == ["/fine"]


@pytest.mark.parametrize("host", [b"example.com:", b"[::1]:"])
async def test_a_host_with_an_empty_port_is_served_as_one_without_a_port(tmp_path: Path, host: bytes) -> None:
    origin = Origin()
    aliased = single_origin_config(0).replace("distribution:\n", "distribution:\n  aliases: [example.com]\n")
    async with serve_app(origin.app) as port, \
            run_edge(tmp_path, aliased.replace("http_port: 0", f"http_port: {port}")) as edge:
        answer = await exchange(edge, b"GET /e HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
    # RFC 3986 "Port": an empty port is allowed and means none (the alias matches, as does a local address)
    assert status_of(answer) == 200
    assert [path for _, path, _ in origin.seen] == ["/e"]


async def test_an_expectation_of_100_continue_is_still_met(tmp_path: Path) -> None:
    origin = Origin()
    async with serve_app(origin.app) as port, \
            run_edge(tmp_path, single_origin_config(port, all_methods=True)) as edge:
        answer = await exchange(edge, b"PUT /u HTTP/1.1\r\nHost: localhost\r\nExpect: 100-Continue\r\n"
                                      b"Content-Length: 3\r\nConnection: close\r\n\r\nabc")
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ")


@pytest.mark.parametrize("length", [50, 1_000_000])
async def test_an_origin_that_closes_before_its_body_leaves_the_viewer_a_status_line(
        tmp_path: Path, length: int) -> None:
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(f"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nContent-Type: text/plain\r\n\r\n".encode())
        await writer.drain()
        writer.close()

    async with raw_server(serve) as port, run_edge(tmp_path, single_origin_config(port)) as edge:
        answer = await exchange(edge, b"GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    # CloudFront passes the response on as soon as its first byte arrives: the status line goes out (a small
    # response's too, held back for its first chunk), then the connection is cut, as CloudFront does, so the
    # viewer does not take a truncated body for a whole one.
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n") and answer.endswith(b"\r\n\r\n")
    assert f"Content-Length: {length}\r\n".encode() in answer
