"""The pytest plugin (registered as the `pytest11` entry point `frontyard`): test your app through the edge.

    # pytest.ini / pyproject: [tool.pytest.ini_options] frontyard_config = "frontyard.yaml"
    def test_api_is_not_cached(edge):
        r = edge.get("/api/x", headers={"Accept": "application/json"})
        assert r.status == 200 and r.headers["X-Cache"] == "Miss from cloudfront"
        edge.clock.advance(3600)                     # TTLs and signed-URL expiry, without waiting
        assert edge.requests_to("api") == 1          # the mock origin's counter

`@pytest.mark.frontyard(config="other.yaml", serve=True)` picks another config for one test (relative to the
test file) and also listens on loopback port 0 (`edge.url`, `edge.admin_url` for the inspector).
`frontyard_edge(path, serve=False)` builds more edges in one test. Everything stops at the end of the test.

The edge runs on its own event loop in a background thread, so the calls are plain and blocking; in async
tests use `await edge.arequest(...)`, which never blocks the test's loop.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import pytest

from emulator.clock import FakeClock
from emulator.edge import Edge, Response
from emulator.errors import ConfigError
from emulator.inspector.format import format_issues

T = TypeVar("T")
HeadersIn = Mapping[str, str] | Iterable[tuple[str, str]] | None
TIMEOUT = 120.0  # seconds one call may take before the test fails instead of hanging


class EdgeClient:
    """An Edge driven from synchronous test code: `get`/`post`/... return a Response (status, headers,
    body, trace); `clock` is the edge's FakeClock; `requests_to(origin)` counts what a mock origin received."""

    def __init__(self, config: str | Path, *, serve: bool = False, clock: FakeClock | None = None) -> None:
        self.clock = clock or FakeClock(time.time())  # starts now, moves only when the test advances it
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="frontyard-edge", daemon=True)
        self._thread.start()
        try:
            self.edge: Edge = self._call(self._start(Path(config), serve))
        except BaseException:
            self._stop_loop()
            raise

    async def _start(self, path: Path, serve: bool) -> Edge:
        edge = Edge.from_file(path, clock=self.clock)
        await edge.start()
        try:
            if serve:
                await edge.serve()
        except BaseException:
            await edge.close()
            raise
        return edge

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(TIMEOUT)

    @property
    def url(self) -> str | None:
        """The HTTP listener (with serve=True), e.g. for a browser or another HTTP client."""
        return self.edge.url

    @property
    def https_url(self) -> str | None:
        return self.edge.https_url

    @property
    def admin_url(self) -> str | None:
        """The inspector (with serve=True)."""
        return self.edge.admin_url

    def request(self, method: str, url: str, headers: HeadersIn = None, body: bytes | str = b"") -> Response:
        """`url` is a path ('/api/x?y=1', Host: localhost over HTTP) or an absolute http(s) URL whose host is the
        Host header and whose scheme is the viewer protocol."""
        return self._call(self.edge.dispatch(method, url, headers, body))

    async def arequest(self, method: str, url: str, headers: HeadersIn = None, body: bytes | str = b"") -> Response:
        """`request` for async tests: runs on the edge's loop and awaits it from yours."""
        future = asyncio.run_coroutine_threadsafe(self.edge.dispatch(method, url, headers, body), self._loop)
        return await asyncio.wrap_future(future)

    def get(self, url: str, headers: HeadersIn = None) -> Response:
        return self.request("GET", url, headers)

    def head(self, url: str, headers: HeadersIn = None) -> Response:
        return self.request("HEAD", url, headers)

    def options(self, url: str, headers: HeadersIn = None) -> Response:
        return self.request("OPTIONS", url, headers)

    def delete(self, url: str, headers: HeadersIn = None) -> Response:
        return self.request("DELETE", url, headers)

    def post(self, url: str, body: bytes | str = b"", headers: HeadersIn = None) -> Response:
        return self.request("POST", url, headers, body)

    def put(self, url: str, body: bytes | str = b"", headers: HeadersIn = None) -> Response:
        return self.request("PUT", url, headers, body)

    def patch(self, url: str, body: bytes | str = b"", headers: HeadersIn = None) -> Response:
        return self.request("PATCH", url, headers, body)

    def requests_to(self, origin_id: str) -> int:
        """How many requests the mock origin `origin_id` has received so far."""
        return self.edge.requests_to(origin_id)

    def invalidate(self, *paths: str, distribution: str | None = None) -> int:
        """Invalidate cached objects ('/index.html', '/img/*', '/*'); returns how many were removed."""
        return self._call(self._invalidate(paths, distribution))

    async def _invalidate(self, paths: tuple[str, ...], distribution: str | None) -> int:
        return self.edge.invalidate(*paths, distribution=distribution)  # on the edge's loop, like requests

    def close(self) -> None:
        if self._loop.is_closed():
            return
        try:
            self._call(self.edge.close())
        finally:
            self._stop_loop()

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(TIMEOUT)
        self._loop.close()

    def __enter__(self) -> EdgeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- the plugin ---------------------------------------------------------------------------------------------
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("frontyard_config", "the frontyard config file the `edge` fixture serves", default="")
    parser.addoption("--frontyard-config", default=None, help="the frontyard config file the `edge` fixture serves")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "frontyard(config=None, serve=False): the frontyard config the `edge` "
                            "fixture serves in this test (relative to the test file), and whether it also listens "
                            "on loopback port 0")


@pytest.fixture
def frontyard_edge() -> Iterator[Callable[..., EdgeClient]]:
    """A factory: `frontyard_edge("frontyard.yaml", serve=False)` -> a started EdgeClient, stopped at test end.
    A bad config raises emulator.ConfigError (a test can expect it)."""
    started: list[EdgeClient] = []

    def make(config: str | Path, *, serve: bool = False, clock: FakeClock | None = None) -> EdgeClient:
        client = EdgeClient(config, serve=serve, clock=clock)
        started.append(client)
        return client

    yield make
    for client in reversed(started):
        client.close()


@pytest.fixture
def edge(request: pytest.FixtureRequest, frontyard_edge: Callable[..., EdgeClient]) -> EdgeClient:
    """An edge serving the config from @pytest.mark.frontyard(config=...), --frontyard-config or the
    `frontyard_config` ini option."""
    marker = request.node.get_closest_marker("frontyard")
    kwargs = dict(marker.kwargs) if marker else {}
    if marker and marker.args:
        kwargs.setdefault("config", marker.args[0])
    path: Path | None = None
    if kwargs.get("config"):
        path = Path(request.path).parent / str(kwargs["config"])
    elif option := request.config.getoption("--frontyard-config"):
        path = Path(option)
    elif ini := request.config.getini("frontyard_config"):
        path = Path(request.config.rootpath) / str(ini)
    if path is None:
        raise pytest.UsageError("the `edge` fixture needs a config: @pytest.mark.frontyard(config='frontyard.yaml'), "
                                "--frontyard-config PATH, or `frontyard_config = PATH` in the pytest ini options")
    try:
        return frontyard_edge(path, serve=bool(kwargs.get("serve", False)))
    except ConfigError as exc:  # every problem, located, instead of a traceback into the loader
        problems = format_issues(exc.file, exc.issues)
    pytest.fail(f"frontyard config {path} is invalid:\n{problems}", pytrace=False)
