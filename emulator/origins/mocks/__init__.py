"""Built-in mock origins: each is a small aiohttp app the emulator serves on a loopback port.

The registry carries each mock's option schema (checked by the config loader, with locations) and the
factory that builds its app. Every app is built here, by `MockType.make_app`, so that what all mocks share
(the fault options of faults.py, cancelling a handler whose client went away) is applied in one place.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from aiohttp import web
from aiohttp.http import SERVER_SOFTWARE

from emulator.config.model import MockSpec
from emulator.origins.access import EdgeContext

# str: a string; path: a file or folder relative to the config file, which must exist; int / float: a number
# within [lo, hi] (float also accepts integers); bool; map: a mapping of header name to string value; document: a
# mapping written inline, or a JSON or YAML file holding one (read at load: the option's value is the mapping);
# strs: a list of strings; table: a mapping of string to string; lambda: a name under lambda_functions (the loader
# hands the mock that function's config).
OptionKind = Literal["str", "path", "int", "float", "bool", "map", "document", "strs", "table", "lambda"]

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# The edge in front of a mock (its distribution, signing credentials, decision log), on the app for its handler.
EDGE = web.AppKey("edge", EdgeContext)


@dataclass(frozen=True)
class OptionSpec:
    kind: OptionKind
    required: bool = False
    help: str = ""
    lo: float | None = None  # int and float kinds: inclusive bounds (None: 0 and no upper bound)
    hi: float | None = None


@dataclass(frozen=True)
class MockType:
    name: str
    own_options: Mapping[str, OptionSpec]
    handler: Callable[[MockSpec], Handler]  # builds the one request handler, all paths and methods
    serves_files: bool = False  # a bucket-like origin (lint: error pages meant for it vs API origins)
    own_domain: bool = False  # answers only its own domain: the loader passes the origin's as `origin_domain`
    # Rules across options that a per-option schema cannot say (e.g. two options that exclude each other):
    # returns (option name or None, message) pairs for the loader to report.
    check: Callable[[Mapping[str, object]], list[tuple[str | None, str]]] | None = None

    @property
    def options(self) -> Mapping[str, OptionSpec]:
        """Every option the loader accepts for this mock: its own and the fault options all mocks share."""
        from emulator.origins.mocks.faults import FAULT_OPTIONS

        return {**self.own_options, **FAULT_OPTIONS}

    def problems(self, options: Mapping[str, object]) -> list[tuple[str | None, str]]:
        return self.check(options) if self.check is not None else []

    def make_app(self, spec: MockSpec, edge: EdgeContext | None = None) -> web.Application:
        from emulator.origins.mocks.faults import Faults, faults_middleware

        # handler_cancellation: when the edge gives up on a slow mock (read timeout) the handler stops too,
        # instead of sleeping on and holding the runner's shutdown.
        app = web.Application(middlewares=[faults_middleware(Faults.from_spec(spec))],
                              handler_args={"handler_cancellation": True})
        if edge is not None:
            app[EDGE] = edge
        handler = self.handler(spec)
        app.router.add_route("*", "/{tail:.*}", handler)
        # A handler that is a method of an object holding processes (a Lambda worker): its close() ends them.
        closer = getattr(getattr(handler, "__self__", None), "close", None)
        if closer is not None:
            app.on_cleanup.append(lambda _app: closer())
        app.on_response_prepare.append(_no_framework_server)
        return app


async def _no_framework_server(request: web.Request, response: web.StreamResponse) -> None:
    """aiohttp stamps `Server: Python/x aiohttp/y` on every response that has none (just before this signal);
    a mock sends only the headers it means to (the S3 mocks' `Server: AmazonS3` stays), since CloudFront passes
    an origin's `Server` on and adds none of its own."""
    if response.headers.get("Server") == SERVER_SOFTWARE:
        del response.headers["Server"]


# Mock type -> the module (in this package) whose MOCK it is, in the order error messages list them.
_MODULES = {"echo": "echo", "s3": "s3", "s3-website": "s3_website", "response": "response",
            "host-routed": "host_routed", "api-gateway": "api_gateway", "lambda-url": "lambda_url"}


class _Registry(Mapping[str, MockType]):
    """The mock types by name, each module imported when its type is first looked up: a config that uses no S3
    or API Gateway mock does not pay at start for importing them. Listing the names imports nothing."""

    def __getitem__(self, name: str) -> MockType:
        mock: MockType = importlib.import_module(f"{__name__}.{_MODULES[name]}").MOCK
        return mock

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


MOCK_TYPES: Mapping[str, MockType] = _Registry()
