"""`host-routed`: an origin fronted by an Envoy-style router, as App Runner services are.

The router serves the app only when Host is the service's own domain; any other Host gets 404 with
`server: envoy` and an empty body before the app sees anything. That is the production trap where an origin
request policy forwards the viewer's Host (Managed-AllViewer) to such an origin.
"""

from __future__ import annotations

from aiohttp import web

from emulator.config.model import MockSpec
from emulator.http import split_host_port
from emulator.origins.mocks import Handler, MockType, OptionSpec
from emulator.origins.mocks.echo import make_handler as echo_handler


def make_handler(spec: MockSpec) -> Handler:
    service = str(spec.option("service_domain")).lower()
    app = echo_handler(spec)

    async def route(request: web.Request) -> web.StreamResponse:
        host = split_host_port(request.headers.get("Host", ""))[0].lower()
        if host != service:
            return web.Response(status=404, headers={"server": "envoy", "date": _date()})
        return await app(request)

    return route


def _date() -> str:
    from email.utils import formatdate

    return formatdate(usegmt=True)


MOCK = MockType(
    "host-routed",
    {"service_domain": OptionSpec("str", required=True,
                                  help="the only Host the router serves, e.g. abc123.us-east-1.awsapprunner.com")},
    make_handler,
)
