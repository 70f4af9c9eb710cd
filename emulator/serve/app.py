"""The Emulator facade: builds a pipeline from a Config, runs mock origins, dispatches requests.

`dispatch()` works without a socket (tests and `explain` use it); serve/server.py puts it behind listeners.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections import Counter
from types import TracebackType

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from emulator.cf_functions import FunctionRunner
from emulator.clock import Clock, SystemClock
from emulator.config.model import CertificateKind, Config, MockTLS
from emulator.http import EdgeResponse, ViewerRequest, new_request_id
from emulator.lambda_edge import LambdaRunner
from emulator.origins.client import OriginClient
from emulator.origins.mocks import MOCK_TYPES
from emulator.pipeline import Answer, Forward, Pipeline
from emulator.policies.origin_request import Target
from emulator.serve.limits import PARSER_MAX_FIELD, PARSER_MAX_HEADERS, PARSER_MAX_LINE
from emulator.tls.ca import LocalCA, default_state_dir
from emulator.trace import Trace


class Emulator:
    def __init__(self, config: Config, *, clock: Clock | None = None, https_port: int | None = None,
                 runner: FunctionRunner | None = None) -> None:
        self.config = config
        self.clock = clock or SystemClock()
        self._https_port = https_port
        self.ca: LocalCA | None = None
        self._runners: list[web.AppRunner] = []
        self._client: OriginClient | None = None
        # One map per distribution, created now and filled in place at start(): the pipeline keeps views of them.
        self.mock_addresses: dict[str, dict[str, Target]] = {d.id: {} for d in config.distributions}
        # Worker processes for CloudFront Functions, off the event loop. A reload hands the previous configuration's
        # over (take_runner): its workers and warm contexts go on serving, none are started anew.
        self.runner = runner if runner is not None else FunctionRunner()
        self._owns_runner = runner is None
        self.lambdas = LambdaRunner(config.lambda_functions)  # one warm worker process per Lambda@Edge function
        self.closed = False
        self.pipeline = self._build_pipeline()
        # Requests each mock origin received, by (distribution id, origin id): the test fixture's counters.
        self.mock_requests: Counter[tuple[str, str]] = Counter()

    def _build_pipeline(self) -> Pipeline:
        https_port = self._https_port
        if https_port is None:
            https_port = self.config.emulator.https.port if self.config.emulator.https else 443
        return Pipeline(self.config, self.clock, self.mock_addresses, https_port, self.runner, self.lambdas)

    def take_runner(self, previous: Emulator) -> None:
        """Own the function runner `previous` shared with this one (built with runner=previous.runner): closing
        `previous` leaves it running; only this configuration's functions stay warm in it."""
        assert self.runner is previous.runner
        previous._owns_runner, self._owns_runner = False, True
        self.runner.retain([fn.compiled for fn in self.config.functions])

    def add_listener(self, host: str, port: int) -> None:
        """Record a bound viewer listener: `resolve: self` and loop explanations use it."""
        self.pipeline.listeners.append(Target(host, port))

    def set_https_port(self, port: int) -> None:
        """The port redirect-to-https points at (443 is left out of the URL)."""
        self._https_port = port
        self.pipeline.https_port = port

    def local_ca(self) -> LocalCA:
        """The persistent local CA (created on first use) that issues every local certificate."""
        if self.ca is None:
            self.ca = LocalCA.load_or_create(self.config.emulator.state_dir or default_state_dir())
        return self.ca

    def viewer_names(self) -> list[str]:
        """What the HTTPS listener's certificate covers: loopback, every alias and distribution name."""
        names = ["localhost", "127.0.0.1", "::1"]
        for d in self.config.distributions:
            names += [n for n in (d.domain_name, *d.aliases) if n not in names]
        return names

    def viewer_tls(self) -> ssl.SSLContext:
        return self.local_ca().server_context(self.viewer_names())

    def _mock_tls(self, tls: MockTLS | None) -> ssl.SSLContext | None:
        if tls is None:
            return None
        cap = ssl.TLSVersion.TLSv1_2 if tls.max_version == "TLSv1.2" else None
        return self.local_ca().server_context(tls.names, CertificateKind(tls.certificate), cap)

    async def start(self) -> None:
        """Start every mock origin on a loopback port and open the origin connection pool."""
        try:
            await asyncio.to_thread(self.local_ca)  # reads (or creates) the CA files: off the event loop
            for distribution in self.config.distributions:
                addresses = self.mock_addresses[distribution.id]
                for origin in distribution.origins:
                    if origin.mock is None:
                        continue
                    edge = self.pipeline.requests.edge_context(distribution, origin)
                    app = MOCK_TYPES[origin.mock.type].make_app(origin.mock, edge)
                    app.middlewares.append(self._counter((distribution.id, origin.id)))
                    # Mock origins take what CloudFront can forward (20 KB of headers), not aiohttp's 8 KB lines.
                    runner = web.AppRunner(app, access_log=None, max_line_size=PARSER_MAX_LINE,
                                           max_field_size=PARSER_MAX_FIELD, max_headers=PARSER_MAX_HEADERS)
                    await runner.setup()
                    self._runners.append(runner)
                    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=self._mock_tls(origin.mock.tls))
                    await site.start()
                    addresses[origin.id] = Target("127.0.0.1", _bound_port(runner))
            # One pool for all origins; each idle connection is kept for its own origin's keepalive_timeout.
            self._client = await OriginClient(self.local_ca()).__aenter__()
            for fn in self.config.functions:
                self.runner.warm(fn.compiled)
            for name, problem in (await self.lambdas.start()).items():
                # Not fatal: its invocations answer 503 (with this cause in the trace), everything else serves.
                logging.getLogger("frontyard").error("Lambda@Edge function '%s' cannot load: %s", name, problem)
        except BaseException:
            await self.close()
            raise

    def _counter(self, key: tuple[str, str]) -> Middleware:
        @web.middleware
        async def count(request: web.Request, handler: Handler) -> web.StreamResponse:
            self.mock_requests[key] += 1
            return await handler(request)

        return count

    async def close(self) -> None:
        await self.pipeline.cache.close()  # background revalidations first: they use the origin client
        if self._client is not None:
            await self._client.__aexit__(None, None, None)
            self._client = None
        for runner in reversed(self._runners):
            await runner.cleanup()
        self._runners.clear()
        if self._owns_runner:
            self.runner.close()  # kills the function worker processes: never waits on a running function
        await self.lambdas.close()  # ends the Lambda@Edge worker processes
        self.closed = True

    async def __aenter__(self) -> Emulator:
        await self.start()
        return self

    async def __aexit__(self, t: type[BaseException] | None, e: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    async def dispatch(self, request: ViewerRequest) -> tuple[EdgeResponse, Trace]:
        """Run one request through the pipeline. The caller must drain or release a streamed body."""
        assert self._client is not None, "Emulator.start() was not called"
        trace = Trace(new_request_id(), viewer=request)
        return await self.pipeline.handle(request, self._client, trace), trace

    async def explain(self, request: ViewerRequest) -> tuple[Forward | Answer, Trace]:
        """Stages 1-8 only (functions included): what would happen, without contacting any origin."""
        trace = Trace(new_request_id(), viewer=request)
        decision = self.pipeline.explained(await self.pipeline.plan(request, trace), request, trace)
        if isinstance(decision, Forward):  # request-event Lambda@Edge functions run; response events are named
            decision = await self.pipeline.explain_lambdas(decision, trace)
        return decision, trace



def _bound_port(runner: web.BaseRunner) -> int:
    return int(runner.addresses[-1][1])
