"""The public Python API: an edge from a config file, and requests through it with plain arguments.

    async with Edge.from_file("frontyard.yaml") as edge:
        r = await edge.dispatch("GET", "https://app.localhost/api/x", {"Accept": "application/json"})
        r.status, r.headers["X-Cache"], r.body, r.trace

`dispatch` runs the whole pipeline in-process (mock origins and real origins are contacted as in `serve`)
without a viewer socket; `serve()` adds real listeners on loopback port 0 for browsers and other clients.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from multidict import CIMultiDict

from emulator.assembly import load_config
from emulator.cache.invalidation import invalidate, over_quota, path_problems
from emulator.clock import Clock
from emulator.config.model import Config, Listen
from emulator.http import Headers, Scheme, ViewerRequest, freeze
from emulator.inspector.format import format_trace
from emulator.serve.admin import AdminServer
from emulator.serve.app import Emulator
from emulator.serve.server import EdgeServer
from emulator.trace import Trace

HeadersIn = Mapping[str, str] | Iterable[tuple[str, str]] | None


@dataclass(frozen=True)
class Response:
    """What the viewer got: status, headers (case-insensitive, repeats kept), the whole body, and the trace
    of every decision the edge made."""

    status: int
    headers: Headers
    body: bytes
    trace: Trace

    @property
    def id(self) -> str:
        """The request id: the X-Amz-Cf-Id header, the access log's id= and the inspector's key."""
        return self.trace.request_id

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)

    def explain(self) -> str:
        """The trace as `frontyard explain` prints it."""
        return format_trace(self.trace)


class Edge:
    """One emulated CloudFront edge serving a config. Start it (`async with`, or start()/close()) before
    dispatching."""

    def __init__(self, config: Config, *, clock: Clock | None = None) -> None:
        self.config = config
        # In-process, redirects to HTTPS name port 443 as in production; serve() points them at its listener.
        self.emulator = Emulator(config, clock=clock, https_port=443)
        self.server: EdgeServer | None = None
        self._admin: AdminServer | None = None
        self.url: str | None = None  # http://127.0.0.1:PORT once serve() ran
        self.https_url: str | None = None
        self.admin_url: str | None = None  # the inspector, once serve() ran

    @classmethod
    def from_file(cls, path: str | Path, *, clock: Clock | None = None) -> Edge:
        """Load and validate a YAML config (raises emulator.errors.ConfigError listing every problem)."""
        return cls(load_config(path), clock=clock)

    @property
    def clock(self) -> Clock:
        return self.emulator.clock

    async def start(self) -> None:
        await self.emulator.start()

    async def serve(self, *, https: bool = True, admin: bool = True) -> None:
        """Also listen on loopback port 0 (HTTP, HTTPS with the local CA, and the inspector)."""
        port0 = Listen(host="127.0.0.1", port=0)
        self.server = EdgeServer(self.emulator)
        plain, secure = await self.server.start(port0, port0 if https else None)
        self.url = f"http://{plain[0]}:{plain[1]}"
        self.https_url = f"https://{secure[0]}:{secure[1]}" if secure else None
        if admin:
            self._admin = AdminServer(self.server, lambda: {})
            host, port = await self._admin.start(port0)
            self.admin_url = f"http://{host}:{port}"

    async def close(self) -> None:
        if self._admin is not None:
            await self._admin.close()
        if self.server is not None:
            await self.server.close()
        await self.emulator.close()

    async def __aenter__(self) -> Edge:
        await self.start()
        return self

    async def __aexit__(self, t: type[BaseException] | None, e: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    async def dispatch(self, method: str, url: str, headers: HeadersIn = None, body: bytes | str = b"") -> Response:
        """Send one request through the edge, in-process. `url` is absolute (its scheme is the viewer
        protocol, its host the Host header unless `headers` has one) or a path (http://localhost)."""
        request = viewer_request(method, url, headers, body)
        response, trace = await self.emulator.dispatch(request)
        try:
            if isinstance(response.body, bytes):
                data = response.body
            else:
                data = b"".join([chunk async for chunk in response.body])
        finally:
            await response.close()
        if self.server is not None:  # keep the inspector's list complete while serving
            self.server.history.record(trace, response.status, len(data), 0.0, response.headers,
                                       self.url or "http://127.0.0.1")
        return Response(response.status, response.headers, data if method.upper() != "HEAD" else b"", trace)

    def requests_to(self, origin_id: str, distribution_id: str | None = None) -> int:
        """How many requests the mock origin `origin_id` has received (all distributions unless one is named)."""
        known = {o for d in self.config.distributions for o in (x.id for x in d.origins)}
        if origin_id not in known:
            raise KeyError(f"no origin '{origin_id}' in {self.config.file} (origins: {', '.join(sorted(known))})")
        return sum(n for (d, o), n in self.emulator.mock_requests.items()
                   if o == origin_id and distribution_id in (None, d))

    def invalidate(self, *paths: str, distribution: str | None = None) -> int:
        """Drop cached objects matching the paths, in CloudFront's invalidation syntax ('/index.html',
        '/img/*', '/*'); all distributions unless one is named. Returns how many objects were removed;
        ValueError for a path, a batch or a distribution CloudFront would refuse."""
        if problems := path_problems(list(paths)):
            raise ValueError("; ".join(problems))
        if quota := over_quota(list(paths)):
            raise ValueError(f"TooManyInvalidationsInProgress: {quota}")
        if distribution is not None and distribution not in (d.id for d in self.config.distributions):
            raise ValueError(f"NoSuchDistribution: no distribution '{distribution}' in {self.config.file}")
        return invalidate(self.emulator.pipeline.cache.store, list(paths), distribution)


def viewer_request(method: str, url: str, headers: HeadersIn = None, body: bytes | str = b"") -> ViewerRequest:
    """A ViewerRequest from plain values; refuses what a viewer could not send (instead of guessing)."""
    if url.startswith("/"):
        url = "http://localhost" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"'{url}' is not an http(s) URL or a path starting with '/'")
    if not method or not method.isascii() or not method.replace("-", "").isalpha():
        raise ValueError(f"'{method}' is not an HTTP method")
    h: CIMultiDict[str] = CIMultiDict()
    pairs = headers.items() if isinstance(headers, Mapping) else (headers or ())
    for name, value in pairs:
        h.add(str(name), str(value))
    if "Host" not in h:
        h["Host"] = parts.netloc
    data = body.encode() if isinstance(body, str) else bytes(body)
    if data and "Content-Length" not in h:
        h["Content-Length"] = str(len(data))
    return ViewerRequest(method.upper(), parts.path or "/", parts.query, freeze(h), Scheme(parts.scheme), "1.1",
                         "127.0.0.1", 0, data, bool(data))

