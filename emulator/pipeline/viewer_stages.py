"""The viewer-side stages (1 to 6b), each a small class with one signature: `stage(flight, trace)` (awaited for the
stages that wait: the viewer-request functions) returns None to let the request go on, or the `Answer` the edge
sends instead. The order is declared in pipeline/__init__.py.

Each stage is built once per configuration, with the `Context` the stages share; the per-request work is the
feature's own (signing.stage, cf_functions.stage, lambda_edge.stage, ...): a stage only adapts it to the flight.
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from multidict import CIMultiDict

from emulator.cf_functions import FunctionRunner
from emulator.cf_functions import stage as functions
from emulator.clock import Clock
from emulator.config.model import (
    CacheBehavior,
    Config,
    Distribution,
    EmulatorSettings,
    EventType,
    FunctionConfig,
    LambdaEvent,
    LambdaFunctionConfig,
)
from emulator.decisions import REASON_BAD_REQUEST, EdgeError, Redirect, Respond
from emulator.http import Scheme, ViewerRequest, freeze
from emulator.lambda_edge import Generated, LambdaRunner
from emulator.lambda_edge import stage as lambdas
from emulator.pipeline.flight import Answer, Flight
from emulator.pipeline.stages.geo import check_geo, viewer_country
from emulator.pipeline.stages.routing import Router, host_matches, normalize_path, root_object_path
from emulator.pipeline.stages.viewer import check_method, check_protocol
from emulator.policies.cloudfront_headers import DEFAULT_GEO, cloudfront_headers
from emulator.policies.loops import check_loop
from emulator.responses import headers_policy
from emulator.responses.responder import Responder
from emulator.signing import stage as signed
from emulator.trace import Trace

# Names that reach the first distribution without being one of its aliases: the emulator's own.
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(kw_only=True)
class Context:
    """What the stages share, built once per configuration (the HTTPS port is set when its listener starts)."""

    config: Config
    clock: Clock
    respond: Responder
    https_port: int
    runner: FunctionRunner
    lambdas: LambdaRunner
    routers: Mapping[str, Router]  # distribution id -> its behaviors, compiled
    trust: signed.TrustedKeys  # which public keys each restricted behavior verifies with
    geo: Mapping[str, str]  # the viewer's location when the request does not say
    functions: Mapping[str, FunctionConfig]  # by name
    lambda_functions: Mapping[str, LambdaFunctionConfig]  # by name

    @property
    def settings(self) -> EmulatorSettings:
        return self.config.emulator

    def function(self, flight: Flight, event: EventType) -> FunctionConfig | None:
        name = functions.association(flight.behavior, event)
        return self.functions[name] if name is not None else None

    @classmethod
    def build(cls, config: Config, clock: Clock, https_port: int, runner: FunctionRunner,
              lambda_runner: LambdaRunner | None) -> Context:
        return cls(config=config, clock=clock, respond=Responder(config.emulator, clock), https_port=https_port,
                   runner=runner, lambdas=lambda_runner or LambdaRunner(config.lambda_functions),
                   routers={d.id: Router.build(d) for d in config.distributions}, trust=signed.TrustedKeys(config),
                   geo={**DEFAULT_GEO, **dict(config.emulator.viewer)},
                   functions={f.name: f for f in config.functions},
                   lambda_functions={f.name: f for f in config.lambda_functions})


class Stage(Protocol):
    """A stage that only decides is a plain call; one that waits (a function, a Lambda@Edge function) is a
    coroutine: Pipeline awaits only those, so the others cost no coroutine per request."""

    def __call__(self, flight: Flight, trace: Trace) -> Answer | Awaitable[Answer | None] | None: ...

    def needed(self, distribution: Distribution, behavior: CacheBehavior) -> bool: ...

    repeatable: bool


class _Stage:
    """A stage built once per configuration, holding the Context every stage shares."""

    # Whether its outcome follows from the request's bytes, its connection and the configuration alone (no clock, no
    # code the user wrote): a behavior whose stages all are may answer a repeated request without them
    # (serve/repeat.py).
    repeatable = True

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def needed(self, distribution: Distribution, behavior: CacheBehavior) -> bool:
        """Whether the stage can act on this behavior's requests: decided at load, so that a stage the behavior
        does not configure (no geo restriction, no function, no signing, ...) costs no call per request."""
        return True


def route(ctx: Context, request: ViewerRequest, trace: Trace) -> Flight | Answer:
    """Stages 1 and 2: the distribution by Host, then the first behavior whose path pattern matches (the default
    root object substituted for exactly '/'). They start the flight the other stages read."""
    distribution = select_distribution(ctx.config, request.host)
    if distribution is None:
        trace.add("distribution", "unknown-host",
                  f"Host '{request.host}' is not an alternate domain name of any distribution")
        return Answer(ctx.respond.edge_error(EdgeError(403, REASON_BAD_REQUEST, "InvalidRequest",
                                                       f"unknown Host '{request.host}'"), trace))
    trace.later("distribution", distribution.id, distribution.location, "Host '{}' -> distribution '{}'",
                request.host, distribution.id)
    path = request.raw_path
    if (root := root_object_path(path, distribution.default_root_object)) is not None:
        trace.add("root-object", "applied", f"'/' -> '{root}' (default_root_object)", distribution.location)
        path = root
    normalized = normalize_path(path)
    compiled = ctx.routers[distribution.id].select(normalized)
    behavior = compiled.behavior
    trace.later("behavior", behavior.label, behavior.location, "'{}' matched {} -> origin '{}'", normalized,
                compiled.where, behavior.target_origin_id)
    origin = compiled.origin or distribution.origin(behavior.target_origin_id)  # a group's primary first
    return Flight(request, distribution, compiled, path, root, origin, compiled.group)


def select_distribution(config: Config, host: str) -> Distribution | None:
    for d in config.distributions:
        if host == d.domain_name or any(host_matches(host, alias) for alias in d.aliases):
            return d
    if host in LOCAL_NAMES or host == "":
        return config.distributions[0]
    return None


class ViewerProtocol(_Stage):
    """3: HTTP on a redirect-to-https behavior -> 301 (307 for other methods); on https-only -> 403."""

    def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        behavior = flight.behavior
        protocol = check_protocol(flight.request, behavior, self.ctx.https_port)
        if isinstance(protocol, Redirect):
            trace.add("viewer-protocol", f"redirect-{protocol.status}",
                      f"{behavior.viewer_protocol_policy} over HTTP -> {protocol.location}", behavior.location)
            return Answer(self.ctx.respond.redirect(protocol, trace))
        if isinstance(protocol, EdgeError):
            trace.add("viewer-protocol", "forbidden", protocol.cause, behavior.location)
            return Answer(self.ctx.respond.edge_error(protocol, trace), flight.distribution, flight.route)
        return None


class AllowedMethods(_Stage):
    """4: a method outside the behavior's allowed methods (or a body on GET where CloudFront refuses it) -> 403."""

    def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        request, behavior = flight.request, flight.behavior
        if (refused := check_method(request, behavior)) is not None:
            trace.add("viewer-method", "forbidden", refused.cause, behavior.location)
            return Answer(self.ctx.respond.edge_error(refused, trace), flight.distribution, flight.route)
        trace.later("viewer", "allowed", None, _allowed, request.scheme, request.method,
                    behavior.viewer_protocol_policy, flight.route.methods)
        return None


def _allowed(scheme: Scheme, method: str, policy: str, methods: str) -> str:
    return f"{scheme.value.upper()} {method} allowed by {policy} / [{methods}]"


class GeoRestriction(_Stage):
    """4: the viewer's country (emulator.viewer or X-Frontyard-Viewer-Country) outside the allowlist or in the
    blocklist -> 403."""

    def needed(self, distribution: Distribution, behavior: CacheBehavior) -> bool:
        return distribution.geo_restriction is not None

    def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        if (geo := flight.distribution.geo_restriction) is None:
            return None
        country = viewer_country(flight.request, self.ctx.geo)
        if (blocked := check_geo(geo, country)) is not None:
            trace.add("geo", "forbidden", blocked.cause, geo.location)
            return Answer(self.ctx.respond.edge_error(blocked, trace), flight.distribution, flight.route)
        trace.add("geo", "allowed", f"viewer country '{country}' passes the {geo.restriction_type}", geo.location)
        return None


class LoopCheck(_Stage):
    """5: a third pass through this edge (a chain longer than two, or a loop) -> 403."""

    def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        if (looped := check_loop(flight.request, self.ctx.settings)) is None:
            return None
        trace.add("loop", "forbidden", looped.cause)
        return Answer(self.ctx.respond.edge_error(looped, trace), flight.distribution, flight.route)


class SignedUrls(_Stage):
    """5b: a behavior with trusted key groups (or legacy trusted signers) needs a valid signed URL or signed
    cookies, or CloudFront's 403 XML (MissingKey, AccessDenied, ...)."""

    repeatable = False  # an expiry is checked against the clock

    def needed(self, distribution: Distribution, behavior: CacheBehavior) -> bool:
        return behavior.restricted

    def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        now = self.ctx.clock.now()
        if (denied := signed.check(flight.request, flight.behavior, self.ctx.trust, now, trace)) is None:
            return None
        return Answer(signed.denied_response(denied, self.ctx.settings, now, trace), flight.distribution,
                      flight.route)


class Http10Encoding(_Stage):
    """CloudFront drops an HTTP/1.0 viewer's Accept-Encoding on a compressing behavior: no compressed copy, no
    encoding in the cache key."""

    def needed(self, distribution: Distribution, behavior: CacheBehavior) -> bool:
        return behavior.compress

    def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        request = flight.request
        if request.http_version == "1.0" and flight.behavior.compress and "Accept-Encoding" in request.headers:
            stripped = CIMultiDict(request.headers)
            stripped.popall("Accept-Encoding")
            flight.request = replace(request, headers=freeze(stripped))
            trace.add("compression", "http-1.0", "Accept-Encoding removed: HTTP/1.0 viewers get uncompressed "
                      "objects", flight.behavior.location)
        return None


class CloudFrontHeaders(_Stage):
    """The CloudFront-* request headers (viewer country, device type, ...) the policies forward, computed once:
    functions see them, the cache key and the origin request use them."""

    def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        flight.generated = cloudfront_headers(flight.route.forwarding.cloudfront, flight.request, self.ctx.geo)
        return None


class ViewerRequestFunction(_Stage):
    """6: the behavior's viewer-request CloudFront Function: the request goes on (uri, headers, origin changed),
    or the function's response is sent (never replaced by a custom error page), or 502/503 when it fails. The
    behavior is not selected again."""

    repeatable = False  # the function may answer differently each time

    def needed(self, distribution: Distribution, behavior: CacheBehavior) -> bool:
        return functions.association(behavior, EventType.VIEWER_REQUEST) is not None

    async def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        if (fn := self.ctx.function(flight, EventType.VIEWER_REQUEST)) is None:
            return None
        request = flight.request
        # The function sees the viewer's uri; the root object applies if it leaves '/' alone.
        outcome = await functions.run_viewer_request(self.ctx.runner, fn, request, request.raw_path,
                                                     flight.distribution, flight.origin, self.ctx.settings,
                                                     flight.generated, trace)
        if isinstance(outcome, EdgeError):
            return Answer(self.ctx.respond.edge_error(outcome, trace), flight.distribution, flight.route)
        if isinstance(outcome, Respond):
            return Answer(self.ctx.respond.generated(outcome, trace))
        flight.request, flight.origin, flight.host_override = outcome.request, outcome.origin, outcome.host_header
        if outcome.origin_changed:  # the function's choice (an origin, or a group of its own) wins
            flight.group, flight.secondary_host = outcome.group, outcome.secondary_host
        flight.path = flight.root if outcome.path == "/" and flight.root is not None else outcome.path
        return None


class ViewerRequestLambda(_Stage):
    """6: the behavior's viewer-request Lambda@Edge function (a behavior has it or a CloudFront Function on viewer
    events, never both: the loader checks)."""

    repeatable = False  # the function may answer differently each time

    def needed(self, distribution: Distribution, behavior: CacheBehavior) -> bool:
        return lambdas.association(behavior, LambdaEvent.VIEWER_REQUEST) is not None

    async def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        behavior = flight.behavior
        if not behavior.lambda_function_associations or \
                (assoc := lambdas.association(behavior, LambdaEvent.VIEWER_REQUEST)) is None:
            return None
        request = flight.request
        changed = await lambdas.viewer_request(self.ctx.lambdas, self.ctx.lambda_functions[assoc.function_name],
                                               assoc, request, request.raw_path, flight.distribution, trace)
        if isinstance(changed, lambdas.LambdaFailure):
            return Answer(changed.response(self.ctx.respond, trace), flight.distribution, flight.route)
        if isinstance(changed, Generated):
            return Answer(lambdas.generated_response(self.ctx.respond, changed, LambdaEvent.VIEWER_REQUEST, trace))
        flight.request, uri = changed
        flight.path = flight.root if uri == "/" and flight.root is not None else uri
        return None


class CorsPreflight(_Stage):
    """6b: an OPTIONS preflight is answered at the edge when the response headers policy has CORS; the origin
    never sees it."""

    def needed(self, distribution: Distribution, behavior: CacheBehavior) -> bool:
        return behavior.headers_policy is not None and behavior.headers_policy.cors is not None

    def __call__(self, flight: Flight, trace: Trace) -> Answer | None:
        policy = flight.behavior.headers_policy
        if policy is None or policy.cors is None or not headers_policy.is_preflight(flight.request):
            return None
        trace.add("cors", "preflight", f"OPTIONS preflight from '{flight.request.headers['Origin']}' answered at "
                  f"the edge by response headers policy '{policy.name}'; the origin is not contacted")
        preflight = headers_policy.preflight_response(self.ctx.settings, self.ctx.clock.now(), trace.request_id)
        return Answer(preflight, flight.distribution, flight.route)
