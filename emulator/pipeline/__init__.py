"""The request pipeline. `Pipeline.handle` is THE place that lists the stage order (design.md).

    1 distribution by Host          unknown host -> 403
    2 behavior (first match)        default root object substituted for exactly '/'
    3 viewer protocol policy        301/307 redirect or 403
    4 allowed methods, GET body     403
    8 origin request               Host, removed/replaced headers, origin path, custom headers, XFF, Via
    9 origin fetch                  connect/timeout errors -> 502/504 with CloudFront's page
   12 final headers                 Via, X-Cache, X-Amz-Cf-Pop, X-Amz-Cf-Id

Stages 5-7 and 10-11 (loops, functions, cache, error responses) arrive with their issues; each slots in
here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from emulator.clock import Clock
from emulator.config.model import CacheBehavior, Config, Distribution
from emulator.errors import OriginError
from emulator.http import EdgeResponse, OriginRequest, ViewerRequest
from emulator.origins.http import OriginClient
from emulator.pipeline import response as resp
from emulator.pipeline.forwarding import compile_forwarding
from emulator.pipeline.origin_request import Target, build_origin_request, connect_target, origin_scheme
from emulator.pipeline.pages import REASON_502, REASON_504, REASON_BAD_REQUEST, EdgeError, error_page, redirect_page
from emulator.pipeline.routing import Router, host_matches, normalize_path, root_object_path
from emulator.pipeline.viewer import Redirect, check_method, check_protocol
from emulator.trace import Trace

# Names that reach the first distribution without being one of its aliases: the emulator's own.
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class Forward:
    """Stages 1-8 decided to go to the origin with this request."""

    distribution: Distribution
    behavior: CacheBehavior
    origin_request: OriginRequest


@dataclass(frozen=True)
class Answer:
    """Stages 1-8 decided to answer without the origin."""

    response: EdgeResponse


class Pipeline:
    def __init__(self, config: Config, clock: Clock, mocks: Mapping[str, Mapping[str, Target]],
                 https_port: int) -> None:
        self.config = config
        self.settings = config.emulator
        self.clock = clock
        self.mocks = mocks  # distribution id -> origin id -> loopback address of its mock
        self.https_port = https_port
        self.routers = {d.id: Router.build(d) for d in config.distributions}
        # Compiled once per behavior: what it forwards (policies are resolved and merged at load).
        self.forwarding = {id(b): compile_forwarding(b) for d in config.distributions for b in d.behaviors}

    # -- stages 1 to 8: pure decisions, also used by `frontyard explain` ----------------------------------
    def plan(self, request: ViewerRequest, trace: Trace) -> Forward | Answer:
        distribution = self.select_distribution(request.host)
        if distribution is None:
            trace.add("distribution", "unknown-host",
                      f"Host '{request.host}' is not an alternate domain name of any distribution")
            return Answer(self.edge_error(EdgeError(403, REASON_BAD_REQUEST, "InvalidRequest",
                                                    f"unknown Host '{request.host}'"), trace))
        trace.add("distribution", distribution.id, f"Host '{request.host}' -> distribution '{distribution.id}'",
                  distribution.location)

        path = request.raw_path
        if (root := root_object_path(path, distribution.default_root_object)) is not None:
            trace.add("root-object", "applied", f"'/' -> '{root}' (default_root_object)", distribution.location)
            path = root
        normalized = normalize_path(path)
        chosen = self.routers[distribution.id].select(normalized)
        behavior = chosen.behavior
        where = "default behavior" if behavior.is_default else f"cache_behaviors[{chosen.index}]"
        trace.add("behavior", behavior.label,
                  f"'{normalized}' matched {where} '{behavior.path_pattern}' -> origin '{behavior.target_origin_id}'",
                  behavior.location)

        protocol = check_protocol(request, behavior, self.https_port)
        if isinstance(protocol, Redirect):
            trace.add("viewer-protocol", f"redirect-{protocol.status}",
                      f"{behavior.viewer_protocol_policy} over HTTP -> {protocol.location}", behavior.location)
            return Answer(self.redirect(protocol, trace))
        if isinstance(protocol, EdgeError):
            trace.add("viewer-protocol", "forbidden", protocol.cause, behavior.location)
            return Answer(self.edge_error(protocol, trace))
        if (refused := check_method(request, behavior)) is not None:
            trace.add("viewer-method", "forbidden", refused.cause, behavior.location)
            return Answer(self.edge_error(refused, trace))
        trace.add("viewer", "allowed", f"{request.scheme.value.upper()} {request.method} allowed by "
                  f"{behavior.viewer_protocol_policy} / [{', '.join(sorted(behavior.allowed_methods))}]")

        origin = distribution.origin(behavior.target_origin_id)
        target = connect_target(origin, origin_scheme(origin, request.scheme), self.settings,
                                self.mocks.get(distribution.id, {}))
        fwd = self.forwarding[id(behavior)]
        origin_request, notes = build_origin_request(request, path, behavior, origin, self.settings, target,
                                                     trace.request_id, fwd)
        how = f"mock {origin.mock.type} at " if origin.mock else ""
        trace.add("origin-request", origin.id, f"{origin_request.method} {origin_request.url_for_display} "
                  f"(connect to {how}{target.host}:{target.port}, Host: {origin_request.headers['Host']})",
                  origin.location)
        for note in notes:
            trace.add("origin-request", "note", note)
        return Forward(distribution, behavior, origin_request)

    # -- the whole pipeline -----------------------------------------------------------------------------
    async def handle(self, request: ViewerRequest, client: OriginClient, trace: Trace) -> EdgeResponse:
        decision = self.plan(request, trace)
        if isinstance(decision, Answer):
            return decision.response
        started = self.clock.monotonic()
        try:
            upstream, attempt = await client.fetch(decision.origin_request)
        except OriginError as exc:
            trace.add("origin", str(exc.status), f"{exc.result}: {exc.cause}", decision.behavior.location)
            reason = REASON_504 if exc.status == 504 else REASON_502
            return self.edge_error(EdgeError(exc.status, reason, exc.result, exc.cause), trace)
        elapsed = (self.clock.monotonic() - started) * 1000
        retry = f" on attempt {attempt}" if attempt > 1 else ""
        trace.add("origin", str(upstream.status),
                  f"origin '{decision.origin_request.origin_id}' answered {upstream.status} in {elapsed:.1f} ms{retry}")
        fwd = self.forwarding[id(decision.behavior)]
        headers, notes = resp.clean_origin_headers(upstream.headers, fwd.header, fwd.forwards_cookies)
        for note in notes:
            trace.add("response", "note", note)
        result = resp.CacheResult.ERROR if upstream.status >= 400 else resp.CacheResult.MISS
        trace.add("response", result.name.lower(), f"X-Cache: {result.value}")
        final = resp.finalize(headers, result, self.settings, trace.request_id)
        return EdgeResponse(upstream.status, upstream.reason, final, upstream.body, upstream.release)

    # -- helpers --------------------------------------------------------------------------------------
    def select_distribution(self, host: str) -> Distribution | None:
        for d in self.config.distributions:
            if host == d.domain_name or any(host_matches(host, alias) for alias in d.aliases):
                return d
        if host in LOCAL_NAMES or host == "":
            return self.config.distributions[0]
        return None

    def edge_error(self, error: EdgeError, trace: Trace) -> EdgeResponse:
        headers = resp.generated_headers("text/html", self.clock.now())
        trace.add("response", "error", f"{error.status} generated by the edge ({error.result})")
        final = resp.finalize(headers, resp.CacheResult.ERROR, self.settings, trace.request_id)
        return EdgeResponse(error.status, "", final, error_page(error.status, error.reason_line, trace.request_id))

    def redirect(self, redirect: Redirect, trace: Trace) -> EdgeResponse:
        headers = resp.generated_headers("text/html", self.clock.now())
        headers["Location"] = redirect.location
        final = resp.finalize(headers, resp.CacheResult.REDIRECT, self.settings, trace.request_id)
        return EdgeResponse(redirect.status, "", final, redirect_page(redirect.status))
