"""The pytest plugin used as a user would: only the public API (`emulator`) and the `edge` fixture."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from emulator import ConfigError, Edge, FakeClock, Response
from emulator.testing import EdgeClient  # the fixture's type, for annotations

pytestmark = pytest.mark.frontyard(config="plugin_usage.yaml")


def test_get_gives_status_headers_body_and_trace(edge: EdgeClient) -> None:
    r = edge.get("https://app.localhost/")
    assert isinstance(r, Response)
    assert r.status == 200 and r.text == "<h1>home</h1>"
    assert r.headers["x-cache"] == "Miss from cloudfront" and r.headers["X-Amz-Cf-Id"] == r.id
    assert r.trace.find("behavior").outcome == "default (*)"
    assert "viewer-protocol" not in r.explain()


def test_the_url_scheme_is_the_viewer_protocol(edge: EdgeClient) -> None:
    r = edge.get("http://app.localhost/page")
    assert r.status == 301 and r.headers["Location"] == "https://app.localhost/page"
    assert edge.get("/page", headers={"Host": "app.localhost"}).status == 301  # a path: plain HTTP
    with pytest.raises(ValueError, match="not an http"):
        edge.get("ftp://app.localhost/")


def test_post_and_what_the_origin_received(edge: EdgeClient) -> None:
    r = edge.post("https://app.localhost/api/items?x=1", body='{"a": 1}',
                  headers={"Content-Type": "application/json", "Cookie": "s=1"})
    echo = r.json()
    assert r.status == 200 and echo["method"] == "POST" and echo["body_length"] == 8
    assert (echo["path"], echo["query"]) == ("/api/items", "x=1")
    assert ["Host", "api.example.test"] in echo["headers"]


def test_per_origin_request_counters(edge: EdgeClient) -> None:
    assert (edge.requests_to("site"), edge.requests_to("api")) == (0, 0)
    edge.get("https://app.localhost/")
    edge.get("https://app.localhost/api/a")
    edge.get("https://app.localhost/api/b")
    edge.get("http://app.localhost/redirected-at-the-edge")
    assert (edge.requests_to("site"), edge.requests_to("api")) == (1, 2)
    with pytest.raises(KeyError, match="no origin 'nope'"):
        edge.requests_to("nope")


def test_the_clock_moves_only_when_advanced(edge: EdgeClient) -> None:
    assert isinstance(edge.clock, FakeClock)
    first = parsedate_to_datetime(edge.get("http://app.localhost/x").headers["Date"])  # the edge's redirect
    assert parsedate_to_datetime(edge.get("http://app.localhost/x").headers["Date"]) == first
    edge.clock.advance(3600)
    later = parsedate_to_datetime(edge.get("http://app.localhost/x").headers["Date"])
    assert (later - first).total_seconds() == 3600


def test_the_cache_its_ttl_and_invalidation(edge: EdgeClient) -> None:
    assert edge.get("https://app.localhost/").headers["X-Cache"] == "Miss from cloudfront"
    hit = edge.get("https://app.localhost/")
    assert hit.headers["X-Cache"] == "Hit from cloudfront" and edge.requests_to("site") == 1
    assert edge.invalidate("/*") == 1
    assert edge.get("https://app.localhost/").headers["X-Cache"] == "Miss from cloudfront"
    assert edge.requests_to("site") == 2
    edge.clock.advance(86400 + 1)  # Managed-CachingOptimized's default TTL, without waiting a day
    assert edge.get("https://app.localhost/").headers["X-Cache"] != "Hit from cloudfront"
    assert edge.requests_to("site") == 3
    with pytest.raises(ValueError):
        edge.invalidate("no-leading-slash")


@pytest.mark.frontyard(config="plugin_usage.yaml", serve=True)
def test_serve_listens_for_other_clients_and_the_inspector(edge: EdgeClient) -> None:
    request = urllib.request.Request(edge.url + "/api/over-a-socket", headers={"Host": "app.localhost"})
    with urllib.request.urlopen(request, timeout=30) as r:
        assert r.status == 200 and json.load(r)["path"] == "/api/over-a-socket"
    assert edge.get("https://app.localhost/api/in-process").status == 200
    with urllib.request.urlopen(edge.admin_url + "/_frontyard/requests", timeout=30) as r:
        listed = [x["target"] for x in json.load(r)["requests"]]
    assert listed == ["/api/over-a-socket", "/api/in-process"]
    assert edge.requests_to("api") == 2


async def test_async_tests_await_arequest(edge: EdgeClient) -> None:
    r = await edge.arequest("GET", "https://app.localhost/api/async")
    assert r.status == 200 and r.json()["path"] == "/api/async"
    assert (await edge.arequest("GET", "http://app.localhost/")).status == 301


def test_more_edges_from_the_factory(frontyard_edge: Callable[..., EdgeClient], tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("distribution:\n  origins: [{id: o, domain_name: o.test, mock: {type: response, status: 204}}]\n"
                     "  default_cache_behavior: {target_origin_id: o}\n")
    assert frontyard_edge(other).get("/").status == 204
    broken = tmp_path / "broken.yaml"
    broken.write_text("distribution: {origins: []}\n")
    with pytest.raises(ConfigError):
        frontyard_edge(broken)


async def test_the_async_api_without_the_fixture() -> None:
    async with Edge.from_file(Path(__file__).parent / "plugin_usage.yaml") as edge:
        r = await edge.dispatch("GET", "https://app.localhost/api/direct", {"X-Test": "1"})
        assert r.status == 200 and ["X-Test", "1"] in r.json()["headers"]
        assert edge.requests_to("api") == 1
