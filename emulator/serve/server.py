"""The viewer listeners: the lean protocol (serve/lean.py, the default) or aiohttp's web server (aiohttp
request -> ViewerRequest, EdgeResponse -> aiohttp response in serve/aiohttp_response.py), chosen by
`emulator.server`; what both share: the configuration being served, in-flight counts, history and logs.

Bodies stream both ways in 64 KiB chunks; nothing here buffers a whole upload or download.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from multidict import CIMultiDict

from emulator.config.model import Listen
from emulator.decisions import EdgeError
from emulator.http import EdgeResponse, Headers, Scheme, ViewerRequest, new_request_id
from emulator.inspector import BodyStore, History
from emulator.inspector.format import access_line, refusal_line
from emulator.origins.upgrade import Switched
from emulator.serve.access_log import StandardLogFile, standard_line
from emulator.serve.aiohttp_response import PassThroughBytes, PassThroughResponse, send
from emulator.serve.app import Emulator
from emulator.serve.lean import LeanListeners
from emulator.serve.limits import check_request, refusal
from emulator.serve.log_stream import LineLogger
from emulator.serve.repeat import Repeats
from emulator.serve.tunnel import Tunnel, close_all
from emulator.serve.viewer_parser import VERSION_KEY, EdgeHTTPServer
from emulator.serve.viewer_request import to_viewer_request
from emulator.serve.websocket import relay
from emulator.trace import Trace

_PILE_UP = frozenset(16 * 4**i for i in range(8))  # in-flight counts of one path that get a warning
QUIET_S = 60.0  # a warning already given for a path (at this level) is not given again for this long
access_log = LineLogger("frontyard.access")  # a line per request: the cheap way when only stderr reads it
function_log = logging.getLogger("frontyard.function")
log = logging.getLogger("frontyard")


class _Quiet:
    """When a warning is due: once per key and QUIET_S, sooner only at a higher level (more requests piled up)."""

    def __init__(self) -> None:
        self._said: dict[tuple[str, ...], tuple[int, float]] = {}  # key -> (level, when) said last

    def due(self, key: tuple[str, ...], now: float, level: int = 0) -> bool:
        said, when = self._said.get(key, (-1, -QUIET_S))
        if level <= said and now - when < QUIET_S:
            return False
        if len(self._said) > 1024:  # only keys that were warned about; forget those quiet for a while
            self._said = {k: v for k, v in self._said.items() if now - v[1] < QUIET_S}
        self._said[key] = (level, now)
        return True


class _Generation:
    """One configuration being served, and how many requests are still using it."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self.repeats = Repeats(emulator)  # the answers the lean listener can repeat for this configuration
        self.in_flight = 0
        self.idle = asyncio.Event()
        self.idle.set()

    def enter(self) -> Callable[[], None]:
        """Count one request in; the function returned counts it out (once, however often it is called)."""
        self.in_flight += 1
        self.idle.clear()
        done = False

        def leave() -> None:
            nonlocal done
            if not done:
                done = True
                self.in_flight -= 1
                if self.in_flight == 0:
                    self.idle.set()
        return leave


class EdgeServer:
    """The viewer-facing listeners, serving whichever Emulator (configuration) is current."""

    def __init__(self, emulator: Emulator) -> None:
        self._current = _Generation(emulator)
        self._runner: web.ServerRunner | None = None  # the aiohttp listeners (emulator.server: aiohttp)
        self._lean: LeanListeners | None = None  # or the lean ones (serve/lean.py)
        self._retiring: set[asyncio.Task[None]] = set()
        self._tls: ssl.SSLContext | None = None  # the HTTPS listener's, re-issued when a reload adds names
        self._tls_names: tuple[object, ...] = ()  # what its certificate covers, and which CA issued it
        # The inspector's ring buffer outlives reloads: it belongs to the listeners, not to one configuration.
        self.history = History(emulator.config.emulator.history)
        self.bodies = BodyStore(self.history)  # the inspector's bodies, as many as the history keeps
        self._bases = {Scheme.HTTP: "http://127.0.0.1", Scheme.HTTPS: "https://127.0.0.1"}  # set in start()
        self._standard_logs: dict[Path, StandardLogFile] = {}  # emulator.access_log.file, opened on first use
        self._in_flight: Counter[tuple[str, str]] = Counter()  # (host, path) -> requests being answered
        # Warnings a load test would otherwise repeat at every request or burst: once a minute per path.
        self._quiet = _Quiet()
        self.tunnels: set[Tunnel] = set()  # open WebSockets through these listeners, closed when they stop

    @property
    def emulator(self) -> Emulator:
        return self._current.emulator

    @property
    def generation(self) -> _Generation:
        """The configuration new requests start on, and its count of requests in flight."""
        return self._current

    @property
    def in_flight(self) -> int:
        """Requests being handled by the current configuration right now."""
        return self._current.in_flight

    async def swap(self, emulator: Emulator) -> None:
        """Serve `emulator` from now on; the previous one closes once its in-flight requests are done."""
        if self._tls is not None and (covers := _certificate_for(emulator)) != self._tls_names:
            # Only when the names (or the CA: another state_dir) changed: issuing a certificate (a new key) was
            # most of a reload's time.
            self._tls_names = covers
            emulator.local_ca().reissue(self._tls, emulator.viewer_names())
        old, self._current = self._current, _Generation(emulator)
        self.history.resize(emulator.config.emulator.history)
        task = asyncio.create_task(self._retire(old))
        self._retiring.add(task)  # kept (and awaited in close()), never fire-and-forget
        task.add_done_callback(self._retiring.discard)

    async def drained(self) -> None:
        """Wait until every replaced configuration has finished its requests and been closed."""
        while self._retiring:
            await asyncio.gather(*list(self._retiring))

    async def _retire(self, generation: _Generation) -> None:
        await generation.idle.wait()
        await generation.emulator.close()

    async def handle(self, request: web.BaseRequest) -> web.StreamResponse:
        generation = self._current  # this request stays on this configuration, even across a reload
        leave = generation.enter()
        try:
            return await self._handle(generation.emulator, request, leave)
        finally:
            leave()

    async def _handle(self, emulator: Emulator, request: web.BaseRequest,
                      leave: Callable[[], None]) -> web.StreamResponse:
        started = time.perf_counter()
        version = request.get(VERSION_KEY, tuple(request.version))
        refused = check_request(request.method, request.raw_path, version, request.raw_headers)
        if refused is not None:  # stage 0 (AWS: "Quotas"): before any distribution is chosen
            return self._refusal(request, refused)
        if tuple(version) == (1, 1) and request.headers.get("Expect", "").lower() == "100-continue":
            # The edge answers the expectation itself (the Expect header never reaches the origin, AWS
            # "Request and response behavior for custom origins"): at once, or a client like curl waits a second before
            # it sends the body.
            await request.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            request.writer.output_size = 0
        viewer, request_body = self.bodies.tap_request(to_viewer_request(request))
        edge, trace = await self.dispatch(emulator, viewer, started)
        if isinstance(edge, Switched):  # a WebSocket: the connection is a tunnel until either side closes it
            handshake = PassThroughResponse(status=101, reason=edge.reason, headers=edge.headers)
            handshake.force_close()  # after the tunnel, the viewer's connection ends with it
            await relay(self, emulator, request, viewer, edge, lambda: handshake.prepare(request), trace, started,
                        leave)
            return handshake
        headers = self.sent_headers(emulator, edge, trace)
        edge, response_body = self.bodies.tap_response(edge)
        sent = 0  # what the record says if sending failed before any of the body went out
        try:
            response, sent = await send(request, edge, headers, self._framing_warning)
        finally:
            await edge.close()
            self.bodies.keep(trace.request_id, request_body, response_body)
            self.record(emulator, viewer, trace, edge.status, sent, time.perf_counter() - started, headers)
        return response

    async def dispatch(self, emulator: Emulator, viewer: ViewerRequest, started: float) -> tuple[EdgeResponse, Trace]:
        """The pipeline's answer, with the requests in flight per path counted (a loop through the origin)."""
        key = (viewer.host, viewer.raw_path)
        self._in_flight[key] += 1
        count = self._in_flight[key]
        if count in _PILE_UP:
            self._pile_up(key, count, emulator.clock.monotonic())
        try:
            return await emulator.dispatch(viewer)
        except asyncio.CancelledError:
            # One line, no traceback; the origin request was cancelled with us and its connection released.
            log.info('viewer %s closed the connection before the answer to "%s %s" (after %.1f ms): the origin '
                     "request was cancelled", viewer.client_ip, viewer.method, viewer.target,
                     (time.perf_counter() - started) * 1000)
            raise
        finally:
            self._in_flight[key] -= 1
            if not self._in_flight[key]:
                del self._in_flight[key]

    @staticmethod
    def sent_headers(emulator: Emulator, edge: EdgeResponse, trace: Trace) -> Headers | CIMultiDict[str]:
        if not emulator.config.emulator.debug_header:
            return edge.headers
        headers = edge.headers.copy()
        headers["X-Frontyard-Trace"] = trace.compact()
        return headers

    def record(self, emulator: Emulator, viewer: ViewerRequest, trace: Trace, status: int, sent: int,
               elapsed: float, headers: Headers | CIMultiDict[str]) -> None:
        """The inspector's history, function logs and access logs, once the viewer has its answer."""
        self.history.record(trace, status, sent, elapsed * 1000, headers, self._bases[viewer.scheme])
        for run in trace.functions:  # console.log output, as CloudWatch Logs would have it
            for line in run.result.logs:
                function_log.info("%s %s: %s", run.name, trace.request_id, line)
        settings = emulator.config.emulator
        if settings.access_log:
            access_log.info(access_line(viewer, status, sent, elapsed, trace))
        if settings.access_log_file is not None:
            self._standard_log(settings.access_log_file).write(standard_line(
                viewer, status, sent, elapsed, headers, trace, _domain(emulator, trace), settings.pop, time.time()))

    def _pile_up(self, key: tuple[str, str], count: int, now: float) -> None:
        """Each level once a minute per path: a loop through the origin (which only grows) is told at every
        level it reaches, a load test holding 50 requests on one path once a minute, not at every burst."""
        if not self._quiet.due(("pile-up", *key), now, count):
            return
        log.warning("%d requests for %s%s are in flight at once: unless this is a load test, an origin that "
                    "calls back into the edge for the path it is serving (a loop through the origin, invisible "
                    "to Via/CDN-Loop) piles up connections", count, *key)

    def refuse(self, request: web.BaseRequest, status: int, why: str) -> web.StreamResponse:
        """CloudFront's page for a request the HTTP parser refused (serve/viewer_parser.py)."""
        return self._refusal(request, refusal(status, why), parsed=False)

    def _refusal(self, request: web.BaseRequest, error: EdgeError, parsed: bool = True) -> web.StreamResponse:
        """An edge page for a request that never reached the pipeline; the connection closes after it."""
        edge = self.refusal_page(error, request.remote or "-", (request.method, request.raw_path) if parsed else None)
        headers = CIMultiDict(edge.headers)
        headers["Connection"] = "close"
        response = PassThroughBytes(status=edge.status, headers=headers, body=edge.body)
        response.force_close()
        return response

    def refusal_page(self, error: EdgeError, client: str, parsed: tuple[str, str] | None) -> EdgeResponse:
        """CloudFront's page for a request refused before the pipeline, and its access-log line (`parsed`: the
        method and target, None when nothing was parsed); each listener sends it and closes the connection."""
        emulator = self.emulator
        trace = Trace(new_request_id())
        edge = emulator.pipeline.respond.edge_error(error, trace)
        assert isinstance(edge.body, bytes)
        if emulator.config.emulator.access_log:
            method, target = parsed or ("-", "-")
            access_log.info(refusal_line(client, method, target, error.status, len(edge.body), trace.request_id,
                                         error.cause))
        return edge

    def _framing_warning(self, request: web.BaseRequest, problem: str) -> None:
        self.framing_warning(request.host, request.path, problem)

    def framing_warning(self, host: str, path: str, problem: str) -> None:
        if self._quiet.due(("length", host, path), self.emulator.clock.monotonic()):
            log.warning("%s%s: %s (a viewer-response function or an origin-response Lambda@Edge set it?); said "
                        "once a minute for this path", host, path, problem)

    async def start(self, http: Listen, https: Listen | None = None) -> tuple[tuple[str, int], tuple[str, int] | None]:
        """Listen on `http` (and `https` with a certificate from the local CA); returns the bound addresses
        (port 0 picks a free port)."""
        if self.emulator.config.emulator.server == "lean":
            self._lean = LeanListeners(self)
            return await self._listen(http, https, self._lean.listen)
        server = EdgeHTTPServer(self.handle, self.refuse, access_log=None)
        self._runner = web.ServerRunner(server, handle_signals=False)
        await self._runner.setup()
        return await self._listen(http, https, self._aiohttp_site)

    async def _aiohttp_site(self, host: str, port: int, tls: ssl.SSLContext | None = None) -> tuple[str, int]:
        assert self._runner is not None
        await web.TCPSite(self._runner, host, port, ssl_context=tls).start()
        return address_of(self._runner.addresses[-1])

    async def _listen(self, http: Listen, https: Listen | None, listen: Callable[..., Awaitable[tuple[str, int]]]
                      ) -> tuple[tuple[str, int], tuple[str, int] | None]:
        """Both listeners, whichever server answers on them: the HTTPS one with the local CA's certificate."""
        plain = await listen(http.host, http.port)
        self._bases[Scheme.HTTP] = _base("http", plain)
        self.emulator.add_listener(*plain)
        secure = None
        if https is not None:
            self._tls = self.emulator.viewer_tls()
            self._tls_names = _certificate_for(self.emulator)
            secure = await listen(https.host, https.port, self._tls)
            self._bases[Scheme.HTTPS] = _base("https", secure)
            self.emulator.set_https_port(secure[1])
        return plain, secure

    def _standard_log(self, path: Path) -> StandardLogFile:
        if path not in self._standard_logs:
            self._standard_logs[path] = StandardLogFile(path)
        return self._standard_logs[path]

    async def close(self) -> None:
        if self._runner is not None or self._lean is not None:
            close_all(self.tunnels, "the edge is shutting down")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._lean is not None:
            await self._lean.close()
            self._lean = None
        if self._retiring:
            await asyncio.gather(*self._retiring)
        for log_file in self._standard_logs.values():
            log_file.close()


def _certificate_for(emulator: Emulator) -> tuple[object, ...]:
    return (*emulator.viewer_names(), emulator.local_ca().cert_file)


def _domain(emulator: Emulator, trace: Trace) -> str | None:
    """The distribution's own domain name (cs(Host) in CloudFront's log), None before one was chosen."""
    chosen = trace.find("distribution")
    return next((d.domain_name for d in emulator.config.distributions if chosen and d.id == chosen.outcome), None)


def _base(scheme: str, address: tuple[str, int]) -> str:
    host, port = address
    host = "127.0.0.1" if host in ("0.0.0.0", "") else "[::1]" if host == "::" else host
    return f"{scheme}://{'[' + host + ']' if ':' in host and not host.startswith('[') else host}:{port}"


def address_of(address: object) -> tuple[str, int]:
    host, port = address[0], address[1]  # type: ignore[index]
    return str(host), int(port)

