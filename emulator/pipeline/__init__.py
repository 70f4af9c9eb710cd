"""The request pipeline: CloudFront's stages, in CloudFront's order, declared once below (VIEWER_STAGES) and run
by `Pipeline`. The numbers are the stages of the edge's documented processing order.

    0  request limits            serve/limits.py, before dispatch: URL > 8,192 bytes or headers > 20,480 -> 413
    1  distribution by Host      unknown host -> 403                                    viewer_stages.route
    2  behavior (first match)    default root object substituted for exactly '/'       viewer_stages.route
    3-6b VIEWER_STAGES           each may answer instead of forwarding (see the list)
    7a cache key                 from the cache policy (or legacy forwarded values)     cache.plan
    7b cache lookup              hit | revalidate (304 -> RefreshHit) | collapse        cache.stage (EdgeCache)
    8  origin request            policies, Host, headers, origin path, custom headers   origin_side.OriginRequests
    9  origin fetch              on a miss: origin-event Lambda@Edge around the origin  origin_side.OriginSide
                                 group's failover around the connection pool; 502/504
                                 pages; compressed and stored as it streams
    10 viewer response           CloudFront Function or Lambda@Edge (not for >= 400)   response_side
    11 custom error responses    distribution-wide; the page fetched like any object    response_side
    12 final headers             Via, X-Cache, X-Amz-Cf-*; the response headers policy  Pipeline.handle
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from inspect import iscoroutinefunction

from emulator.cache.plan import CachePlan, plan_cache
from emulator.cache.stage import EdgeCache
from emulator.cf_functions import FunctionRunner
from emulator.cf_functions import stage as functions
from emulator.clock import Clock
from emulator.config.model import Config, EventType, LambdaEvent
from emulator.http import EdgeResponse, ViewerRequest
from emulator.lambda_edge import LambdaRunner
from emulator.lambda_edge import stage as lambdas
from emulator.lambda_edge.origin_events import LambdaStages
from emulator.origins.client import OriginClient
from emulator.origins.upgrade import Switched
from emulator.pipeline import upgrade as websocket
from emulator.pipeline import viewer_stages as stages
from emulator.pipeline.flight import Answer, Flight, Forward
from emulator.pipeline.origin_side import OriginRequests
from emulator.pipeline.response_side import ResponseSide
from emulator.pipeline.stages.error_responses import PageContext
from emulator.pipeline.stages.routing import CompiledBehavior
from emulator.policies.origin_request import Target
from emulator.responses import headers_policy
from emulator.responses.responder import Responder
from emulator.signing import stage as signed
from emulator.trace import Trace

__all__ = ["VIEWER_STAGES", "Answer", "Forward", "Pipeline"]

# Stages 3 to 6b, in the order CloudFront applies them. Each is `stage(flight, trace) -> Answer | None`, awaited
# when the stage waits for something (viewer_stages.Stage).
VIEWER_STAGES: tuple[type[stages.Stage], ...] = (
    stages.ViewerProtocol,  # 3   HTTP on an HTTPS behavior: 301/307 redirect or 403
    stages.AllowedMethods,  # 4   a method the behavior does not allow: 403
    stages.GeoRestriction,  # 4   a viewer country outside the allowlist / in the blocklist: 403
    stages.LoopCheck,  # 5   a third pass through this edge: 403
    stages.SignedUrls,  # 5b  a restricted behavior without a valid signature: 403 XML
    stages.Http10Encoding,  # HTTP/1.0 viewers get no compressed objects
    stages.CloudFrontHeaders,  # the CloudFront-* request headers, for functions, the key and the origin
    stages.ViewerRequestFunction,  # 6   CloudFront Function: go on changed | its response | 502/503
    stages.ViewerRequestLambda,  # 6   Lambda@Edge: the same
    stages.CorsPreflight,  # 6b  an OPTIONS preflight answered by the response headers policy's CORS
)


class Pipeline:
    def __init__(self, config: Config, clock: Clock, mocks: Mapping[str, Mapping[str, Target]],
                 https_port: int, runner: FunctionRunner, lambda_runner: LambdaRunner | None = None) -> None:
        # Everything per behavior and per distribution is compiled here, once: patterns, forwarding (the
        # policies merged), the error-page context, the geolocation defaults, the stages themselves.
        self.ctx = stages.Context.build(config, clock, https_port, runner, lambda_runner)
        self.config = config
        self.settings = config.emulator
        self.clock = clock
        self.listeners: list[Target] = []  # this emulator's own viewer listeners, filled in when serving
        self.stages = tuple(stage(self.ctx) for stage in VIEWER_STAGES)
        # Each behavior's own chain, in VIEWER_STAGES order, without the stages it does not configure; keyed by
        # the compiled behavior's identity (it lives as long as this configuration).
        self.chains = {id(route): tuple((s, iscoroutinefunction(type(s).__call__)) for s in self.stages
                                        if s.needed(d, route.behavior))
                       for d in config.distributions for route in self.ctx.routers[d.id].behaviors}
        # Behaviors whose fresh whole hits an identical request may get again without the stages (serve/repeat.py).
        self.repeatable = frozenset(id(route) for d in config.distributions
                                    for route in self.ctx.routers[d.id].behaviors
                                    if _repeatable(route, self.chains[id(route)]))
        self.cache = EdgeCache(config.emulator.cache, clock)
        self.requests = OriginRequests(config.emulator, mocks, self.listeners)
        lambda_stages = LambdaStages(self.ctx.lambdas, self.ctx.lambda_functions, self.ctx.respond, clock,
                                     self.settings, mocks, self.listeners)
        pages = {d.id: PageContext(d, self.ctx.routers[d.id], config.emulator, mocks.get(d.id, {}), self.listeners)
                 for d in config.distributions}
        self.response_side = ResponseSide(self.ctx, self.cache, self.requests, lambda_stages, pages, self.repeatable)

    @property
    def respond(self) -> Responder:
        return self.ctx.respond

    @property
    def https_port(self) -> int:
        return self.ctx.https_port

    @https_port.setter
    def https_port(self, port: int) -> None:
        self.ctx.https_port = port

    # -- stages 1 to 8: decisions, also used by `frontyard explain` (no origin is contacted) ---------------
    async def plan(self, request: ViewerRequest, trace: Trace, *, origin_request: bool = True) -> Forward | Answer:
        """Stages 1 to 7a, and stage 8 unless `origin_request` is False (serving builds it only on a miss)."""
        flight = stages.route(self.ctx, request, trace)
        if isinstance(flight, Answer):
            return flight
        for stage, waits in self.chains[id(flight.route)]:
            answer = await stage(flight, trace) if waits else stage(flight, trace)
            if answer is not None:
                return answer
        forward = self._forward(flight, trace)
        if origin_request:
            return replace(forward, origin_request=self.requests.build(forward, trace))
        return forward

    def _forward(self, flight: Flight, trace: Trace) -> Forward:
        """Stage 7a: the cache key. A restricted behavior keys without the signing parameters and cookies: every
        signed URL for an object finds the same copy (AWS: they do not create separate cached objects)."""
        request, behavior, group = flight.request, flight.behavior, flight.group
        cache = plan_cache(self.settings, flight.distribution, flight.route, request,
                           signed.for_cache_key(request, behavior), flight.path, flight.generated,
                           self.response_side.error_ttls[flight.distribution.id])
        trace.later("cache-key", "cacheable" if cache.cacheable else "not-cacheable", behavior.location,
                    CachePlan.reason, cache)
        if group is not None:
            trace.add("origin-group", group.id, f"origin group '{group.id}': primary '{group.primary}', secondary "
                      f"'{group.secondary}', failover on [{', '.join(map(str, group.status_codes))}]", group.location)
        return Forward(flight.distribution, flight.route, request, flight.path, flight.origin, cache,
                       flight.generated, flight.host_override, None, group, flight.secondary_host)

    # -- stages 7b to 12 ----------------------------------------------------------------------------------
    async def handle(self, request: ViewerRequest, client: OriginClient, trace: Trace) -> EdgeResponse:
        started = self.clock.monotonic()
        decision = await self.plan(request, trace, origin_request=False)
        if isinstance(decision, Forward) and websocket.is_websocket(request):
            response = await self._upgrade(decision, request, client, trace)
            if isinstance(response, Switched):
                return response  # the tunnel's handshake: no response headers policy on a 101
        else:
            response = await self.response_side.serve(decision, request, client, trace)
        # Stage 12, last: the behavior's response headers policy, on every response the behavior sends (the
        # origin's, a cached hit, a custom error page, the edge's own errors, a preflight); not on redirects and
        # function-generated responses, which carry no route.
        route = decision.route
        if route is None or route.behavior.headers_policy is None:
            return response
        elapsed = (self.clock.monotonic() - started) * 1000
        return headers_policy.finish(route.behavior, request, response, self.settings.pop, elapsed, self.clock.now(),
                                     trace)

    async def _upgrade(self, decision: Forward, request: ViewerRequest, client: OriginClient,
                       trace: Trace) -> EdgeResponse:
        """Stages 8 and 9 for a WebSocket upgrade: no cache, no collapsing (pipeline/upgrade.py)."""
        trace.add("cache", "bypass", "a WebSocket upgrade is never cached nor collapsed")
        req = websocket.upgrade_request(self.requests.build(decision, trace), trace)
        response = await websocket.upgrade(decision, req, client, self.respond, trace)
        if isinstance(response, Switched):
            return response
        return await self.response_side.custom_error(decision.distribution, response, request, client, trace,
                                                     finalized=response.release is None)

    # -- explain ---------------------------------------------------------------------------------------
    def explained(self, decision: Forward | Answer, request: ViewerRequest, trace: Trace) -> Forward | Answer:
        """For `explain`: an edge answer as stage 12 finishes it (the response headers policy applied); a WebSocket
        upgrade's origin request with its Upgrade headers, and whether the handshake can reach the origin."""
        if isinstance(decision, Forward) and decision.origin_request is not None and websocket.is_websocket(request):
            trace.add("cache", "bypass", "a WebSocket upgrade is never cached nor collapsed")
            return replace(decision, origin_request=websocket.upgrade_request(decision.origin_request, trace))
        if isinstance(decision, Forward) or decision.route is None or decision.route.behavior.headers_policy is None:
            return decision
        response = headers_policy.finish(decision.route.behavior, request, decision.response, self.settings.pop, 0.0,
                                         self.clock.now(), trace)
        return replace(decision, response=response)

    async def explain_lambdas(self, decision: Forward, trace: Trace) -> Forward | Answer:
        if not decision.behavior.lambda_function_associations:
            return decision
        explained = await self.response_side.lambda_stages.explain(decision, trace)
        return Answer(explained) if isinstance(explained, EdgeResponse) else explained


def _repeatable(route: CompiledBehavior, chain: tuple[tuple[stages.Stage, bool], ...]) -> bool:
    """Whether a fresh whole hit on this behavior is the answer to every identical request (same bytes, same
    connection) while the copy stays fresh: its stages repeat their outcome, nothing runs on the response (no
    viewer-response function or Lambda@Edge, no response headers policy), and the key does not hold the viewer's
    port."""
    behavior = route.behavior
    return all(stage.repeatable for stage, _ in chain) and behavior.headers_policy is None \
        and functions.association(behavior, EventType.VIEWER_RESPONSE) is None \
        and lambdas.association(behavior, LambdaEvent.VIEWER_RESPONSE) is None \
        and not route.key_spec.headers.allows("cloudfront-viewer-address")
