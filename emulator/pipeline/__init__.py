"""The request pipeline. `Pipeline.plan` and `Pipeline.handle` are THE place that lists the stage order.

    0 request limits                in serve/server.py before dispatch (serve/limits.py): URL > 8,192 bytes or
                                    line + headers > 20,480 -> 413; non-HTTP/1.x request line -> 400
    1 distribution by Host          unknown host -> 403
    2 behavior (first match)        default root object substituted for exactly '/'
    3 viewer protocol policy        301/307 redirect or 403
    4 allowed methods, GET body     403
    4 geo restriction               viewer country outside the allowlist / in the blocklist -> 403
    5 loop check                    a third pass through this edge (chain > 2 or a loop) -> 403
    5b signed URL / cookies          restricted behavior without a valid signature -> 403 XML (MissingKey, ...)
    6 viewer-request function       continue (uri/headers/origin changed) | generated response | 502/503
   6b CORS preflight                OPTIONS preflight answered at the edge when the response headers policy has CORS
   7a cache key                     from the cache policy (or legacy forwarded values); cacheable or not
    8 origin request               policies, Host, removed/replaced headers, origin path, custom headers
   7b cache lookup                  fresh hit | expired: revalidate (304 -> RefreshHit) | collapse onto a fill
    9 origin fetch                  on a miss; connect/timeout errors -> 502/504 with CloudFront's page;
                                    stored while it streams (TTL rules), stale copy served on a 5xx;
                                    origin group failover (origins/groups.py); compression of the origin's
                                    body (compression.py) before it is stored;
                                    the origin-request Lambda@Edge just before an origin is contacted (never
                                    on a hit), the origin-response one right after it answered (before storing)
   10 viewer-response function      not for origin status >= 400 (CloudFront Function or Lambda@Edge)
   11 custom error responses        distribution-wide; page fetched through the behavior matching its path
   12 final headers                 Via, X-Cache, X-Amz-Cf-Pop, X-Amz-Cf-Id; then the response headers policy
                                    (headers_policy.py), on every response of the behavior, hits included

Stage 7 is split: the key is decided in `plan` (so explain shows it), the lookup happens in `handle`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from multidict import CIMultiDict

from emulator.cache.plan import CachePlan, plan_cache
from emulator.cache.stage import EdgeCache, Fetched
from emulator.cf_functions import FunctionRunner
from emulator.cf_functions import stage as functions
from emulator.clock import Clock
from emulator.config.model import (
    CacheBehavior,
    Config,
    Distribution,
    EventType,
    FunctionConfig,
    LambdaEvent,
    Origin,
    OriginGroup,
)
from emulator.decisions import REASON_BAD_REQUEST, EdgeError, Redirect, Respond, Result
from emulator.errors import OriginError
from emulator.http import EdgeResponse, HeaderPairs, OriginRequest, ViewerRequest, freeze
from emulator.lambda_edge import Generated, LambdaRunner
from emulator.lambda_edge import stage as lambdas
from emulator.lambda_edge.origin_events import LambdaFailed, LambdaStages, OriginFunctions
from emulator.origins.client import OriginClient
from emulator.origins.groups import FailoverClient, with_conditionals
from emulator.pipeline.stages import error_responses
from emulator.pipeline.stages.error_responses import PageContext, PageFailed, rule_for
from emulator.pipeline.stages.geo import check_geo, viewer_country
from emulator.pipeline.stages.routing import CompiledBehavior, Router, host_matches, normalize_path, root_object_path
from emulator.pipeline.stages.viewer import check_method, check_protocol
from emulator.policies import compression
from emulator.policies.cloudfront_headers import DEFAULT_GEO, cloudfront_headers
from emulator.policies.loops import MAX_CHAIN, check_loop, own_listener, passes
from emulator.policies.origin_request import Target, build_origin_request, connect_target, origin_scheme
from emulator.responses import headers_policy
from emulator.responses.responder import Responder
from emulator.signing import stage as signed
from emulator.trace import Trace


async def _release(response: EdgeResponse) -> None:
    if response.release is not None:
        await response.release()


def _reraise(exc: OriginError) -> EdgeResponse:
    raise exc  # an error page's own origin failure is reported by stage 11 (PageFailed)


# Names that reach the first distribution without being one of its aliases: the emulator's own.
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class Forward:
    """Stages 1-7a decided the request is for an origin (or the cache); stage 8 fills `origin_request`."""

    distribution: Distribution
    route: CompiledBehavior
    request: ViewerRequest  # as the viewer-request function left it
    path: str
    origin: Origin  # as the viewer-request function left it
    cache: CachePlan
    generated: HeaderPairs = ()  # the CloudFront-* headers computed for this request
    host_override: str | None = None  # a Host set by the viewer-request function (cf.updateRequestOrigin)
    origin_request: OriginRequest | None = None  # stage 8: built on a miss (and always for explain)
    group: OriginGroup | None = None  # the origin group the request goes to (`origin` is its primary)
    secondary_host: str | None = None  # a function's Host override for the group's secondary
    origin_uri: str | None = None  # the uri as an origin-request Lambda@Edge function left it

    @property
    def behavior(self) -> CacheBehavior:
        return self.route.behavior


@dataclass(frozen=True)
class Answer:
    """Stages 1-8 decided to answer without the origin."""

    response: EdgeResponse
    distribution: Distribution | None = None  # set when a custom error response may replace an error
    route: CompiledBehavior | None = None  # the behavior chosen, when one was: its response headers policy applies


class Pipeline:
    def __init__(self, config: Config, clock: Clock, mocks: Mapping[str, Mapping[str, Target]],
                 https_port: int, runner: FunctionRunner, lambda_runner: LambdaRunner | None = None) -> None:
        self.config = config
        self.settings = config.emulator
        self.clock = clock
        self.mocks = mocks  # distribution id -> origin id -> loopback address of its mock (filled at start)
        self.https_port = https_port
        self.runner = runner
        self.listeners: list[Target] = []  # this emulator's own viewer listeners, filled in when serving
        self.respond = Responder(config.emulator, clock)
        # Everything per behavior and per distribution is compiled here, once: patterns, forwarding (the
        # policies merged), the error-page context, the geolocation defaults.
        self.routers = {d.id: Router.build(d) for d in config.distributions}
        self.pages = {d.id: PageContext(d, self.routers[d.id], config.emulator, mocks.get(d.id, {}), self.listeners)
                      for d in config.distributions}
        self.functions = {f.name: f for f in config.functions}
        self.lambdas = lambda_runner or LambdaRunner(config.lambda_functions)
        self.lambda_functions = {f.name: f for f in config.lambda_functions}
        self.lambda_stages = LambdaStages(self.lambdas, self.lambda_functions, self.respond, clock, self.settings,
                                          mocks, self.listeners)
        self.geo = {**DEFAULT_GEO, **dict(config.emulator.viewer)}
        self.cache = EdgeCache(config.emulator.cache, clock)
        self.error_ttls = {d.id: tuple((e.error_code, e.error_caching_min_ttl) for e in d.custom_error_responses)
                           for d in config.distributions}
        self.trust = signed.Trust(config)  # which public keys each restricted behavior verifies with

    # -- stages 1 to 8: decisions, also used by `frontyard explain` (no origin is contacted) ---------------
    async def plan(self, request: ViewerRequest, trace: Trace, *, origin_request: bool = True) -> Forward | Answer:
        """Stages 1 to 7a, and stage 8 unless `origin_request` is False (serving builds it only on a miss)."""
        distribution = self.select_distribution(request.host)
        if distribution is None:
            trace.add("distribution", "unknown-host",
                      f"Host '{request.host}' is not an alternate domain name of any distribution")
            return Answer(self.respond.edge_error(EdgeError(403, REASON_BAD_REQUEST, "InvalidRequest",
                                                            f"unknown Host '{request.host}'"), trace))
        trace.add("distribution", distribution.id, f"Host '{request.host}' -> distribution '{distribution.id}'",
                  distribution.location)

        path = request.raw_path
        if (root := root_object_path(path, distribution.default_root_object)) is not None:
            trace.add("root-object", "applied", f"'/' -> '{root}' (default_root_object)", distribution.location)
            path = root
        normalized = normalize_path(path)
        route = self.routers[distribution.id].select(normalized)
        behavior = route.behavior
        trace.add("behavior", behavior.label,
                  f"'{normalized}' matched {route.where} -> origin '{behavior.target_origin_id}'", behavior.location)

        protocol = check_protocol(request, behavior, self.https_port)
        if isinstance(protocol, Redirect):
            trace.add("viewer-protocol", f"redirect-{protocol.status}",
                      f"{behavior.viewer_protocol_policy} over HTTP -> {protocol.location}", behavior.location)
            return Answer(self.respond.redirect(protocol, trace))
        if isinstance(protocol, EdgeError):
            trace.add("viewer-protocol", "forbidden", protocol.cause, behavior.location)
            return Answer(self.respond.edge_error(protocol, trace), distribution, route)
        if (refused := check_method(request, behavior)) is not None:
            trace.add("viewer-method", "forbidden", refused.cause, behavior.location)
            return Answer(self.respond.edge_error(refused, trace), distribution, route)
        trace.add("viewer", "allowed", f"{request.scheme.value.upper()} {request.method} allowed by "
                  f"{behavior.viewer_protocol_policy} / [{route.methods}]")
        # Stage 4, geo restriction: the viewer's country from emulator.viewer or X-Frontyard-Viewer-Country.
        if (geo := distribution.geo_restriction) is not None:
            country = viewer_country(request, self.geo)
            if (blocked := check_geo(geo, country)) is not None:
                trace.add("geo", "forbidden", blocked.cause, geo.location)
                return Answer(self.respond.edge_error(blocked, trace), distribution, route)
            trace.add("geo", "allowed", f"viewer country '{country}' passes the {geo.restriction_type}", geo.location)
        if (looped := check_loop(request, self.settings)) is not None:
            trace.add("loop", "forbidden", looped.cause)
            return Answer(self.respond.edge_error(looped, trace), distribution, route)
        # 5b: trusted key groups / signers: a valid signed URL or signed cookies, or CloudFront's 403 XML.
        if (denied := signed.check(request, behavior, self.trust, self.clock.now(), trace)) is not None:
            return Answer(signed.denied_response(denied, self.settings, self.clock.now(), trace), distribution,
                          route)

        if request.http_version == "1.0" and behavior.compress and "Accept-Encoding" in request.headers:
            # CloudFront drops an HTTP/1.0 viewer's Accept-Encoding: no compressed copy, no encoding in the key.
            stripped = CIMultiDict(request.headers)
            stripped.popall("Accept-Encoding")
            request = replace(request, headers=freeze(stripped))
            trace.add("compression", "http-1.0", "Accept-Encoding removed: HTTP/1.0 viewers get uncompressed "
                      "objects", behavior.location)
        group = route.group
        origin = route.origin or distribution.origin(behavior.target_origin_id)  # a group's primary first
        fwd = route.forwarding
        generated = cloudfront_headers(fwd.cloudfront, request, self.geo)
        host_override = secondary_host = None
        if (fn := self._function(behavior, EventType.VIEWER_REQUEST)) is not None:
            # The function sees the viewer's uri; the root object applies if it leaves '/' alone.
            outcome = await functions.run_viewer_request(self.runner, fn, request, request.raw_path, distribution,
                                                         origin, self.settings, generated, trace)
            if isinstance(outcome, EdgeError):
                return Answer(self.respond.edge_error(outcome, trace), distribution, route)
            # never replaced by a custom error page (AWS: "CloudFront Functions event structure")
            if isinstance(outcome, Respond):
                return Answer(self.respond.generated(outcome, trace))
            request, origin, host_override = outcome.request, outcome.origin, outcome.host_header
            if outcome.origin_changed:  # the function's choice (an origin, or a group of its own) wins
                group, secondary_host = outcome.group, outcome.secondary_host
            path = root if outcome.path == "/" and root is not None else outcome.path
        # Stage 6 for Lambda@Edge (a behavior has it or a CloudFront Function, never both: the loader checks).
        if behavior.lambda_function_associations and \
                (assoc := lambdas.association(behavior, LambdaEvent.VIEWER_REQUEST)) is not None:
            changed = await lambdas.viewer_request(self.lambdas, self.lambda_functions[assoc.function_name], assoc,
                                                   request, request.raw_path, distribution, trace)
            if isinstance(changed, lambdas.LambdaFailure):
                return Answer(changed.response(self.respond, trace), distribution, route)
            if isinstance(changed, Generated):
                return Answer(lambdas.generated_response(self.respond, changed, LambdaEvent.VIEWER_REQUEST, trace))
            request, uri = changed
            path = root if uri == "/" and root is not None else uri

        # Stage 6b: a CORS preflight is answered by the response headers policy, the origin never sees it.
        policy = behavior.headers_policy
        if policy is not None and policy.cors is not None and headers_policy.is_preflight(request):
            trace.add("cors", "preflight", f"OPTIONS preflight from '{request.headers['Origin']}' answered at the "
                      f"edge by response headers policy '{policy.name}'; the origin is not contacted")
            preflight = headers_policy.preflight_response(self.settings, self.clock.now(), trace.request_id)
            return Answer(preflight, distribution, route)

        # A restricted behavior keys without the signing parameters and cookies: every signed URL for an object
        # finds the same copy (AWS: they do not create separate cached objects).
        cache = plan_cache(self.settings, distribution, route, request, signed.for_cache_key(request, behavior), path,
                           generated, self.error_ttls[distribution.id])
        trace.add("cache-key", "cacheable" if cache.cacheable else "not-cacheable", cache.why, behavior.location)
        if group is not None:
            trace.add("origin-group", group.id, f"origin group '{group.id}': primary '{group.primary}', secondary "
                      f"'{group.secondary}', failover on [{', '.join(map(str, group.status_codes))}]", group.location)
        forward = Forward(distribution, route, request, path, origin, cache, generated, host_override, None, group,
                          secondary_host)
        return self.build_origin_request(forward, trace) if origin_request else forward

    def build_origin_request(self, forward: Forward, trace: Trace) -> Forward:
        """Stage 8 for explain: the Forward with its origin request."""
        return replace(forward, origin_request=self.origin_request(forward, trace))

    def origin_request(self, forward: Forward, trace: Trace) -> OriginRequest:
        """Stage 8: the origin request from the policies (Host, headers, query, cookies, paths)."""
        distribution, request, path, origin = forward.distribution, forward.request, forward.path, forward.origin
        behavior, fwd, generated, host_override = forward.behavior, forward.route.forwarding, forward.generated, \
            forward.host_override
        target = connect_target(origin, origin_scheme(origin, request.scheme), self.settings,
                                self.mocks.get(distribution.id, {}), self.listeners)
        origin_request, notes = build_origin_request(signed.for_origin(request, behavior, trace), path, behavior,
                                                     origin, self.settings, target, trace.request_id, fwd, generated)
        if host_override is not None:
            headers = CIMultiDict(origin_request.headers)
            headers["Host"] = host_override
            origin_request = replace(origin_request, headers=freeze(headers))
        how = f"mock {origin.mock.type} at " if origin.mock else ""
        port = target.port or "<port chosen at start>"
        trace.add("origin-request", origin.id, f"{origin_request.method} {origin_request.url_for_display} "
                  f"(connect to {how}{target.host}:{port}, Host: {origin_request.headers['Host']}; {fwd.source})",
                  origin.location)
        for note in notes:
            trace.add("origin-request", "note", note)
        # Before serving (explain, validate) the configured listen address stands for the bound one.
        listeners = self.listeners or [Target(self.settings.http.host, self.settings.http.port)]
        if own_listener(target, listeners):
            trace.add("loop", "self", f"origin '{origin.id}' connects to this emulator's own listener "
                      f"{target.host}:{target.port}: the request re-enters the edge as Host "
                      f"'{origin_request.headers['Host']}' (pass {passes(request, self.settings) + 1} of a chain "
                      f"of at most {MAX_CHAIN})")
        return origin_request

    # -- stages 9 to 12 ---------------------------------------------------------------------------------
    async def handle(self, request: ViewerRequest, client: OriginClient, trace: Trace) -> EdgeResponse:
        started = self.clock.monotonic()
        decision = await self.plan(request, trace, origin_request=False)
        response = await self._serve(decision, request, client, trace)
        # Stage 12, last: the behavior's response headers policy, on every response the behavior sends (the
        # origin's, a cached hit, a custom error page, the edge's own errors, a preflight); not on redirects and
        # function-generated responses, which carry no route.
        route = decision.route
        if route is None or route.behavior.headers_policy is None:
            return response
        elapsed = (self.clock.monotonic() - started) * 1000
        return headers_policy.finish(route.behavior, request, response, self.settings.pop, elapsed, self.clock.now(),
                                     trace)

    def explained(self, decision: Forward | Answer, request: ViewerRequest, trace: Trace) -> Forward | Answer:
        """For `explain`: an edge answer as stage 12 finishes it (the response headers policy applied)."""
        if isinstance(decision, Forward) or decision.route is None or decision.route.behavior.headers_policy is None:
            return decision
        response = headers_policy.finish(decision.route.behavior, request, decision.response, self.settings.pop, 0.0,
                                         self.clock.now(), trace)
        return replace(decision, response=response)

    async def _serve(self, decision: Forward | Answer, request: ViewerRequest, client: OriginClient,
                     trace: Trace) -> EdgeResponse:
        if isinstance(decision, Answer):
            if decision.distribution is None:
                return decision.response
            return await self.custom_error(decision.distribution, decision.response, request, client, trace,
                                           finalized=True)
        try:
            fetched, edge_functions = await self._fetch(
                decision, request, client, trace,
                failed=lambda exc: self.respond.origin_failure(exc.status, exc.result, exc.cause, trace))
        except LambdaFailed as exc:
            return await self.custom_error(decision.distribution, exc.page, request, client, trace, finalized=True)
        if fetched.generated:
            return await self.custom_error(decision.distribution, fetched.response, request, client, trace,
                                           finalized=True)
        try:
            served = await self._respond(decision, fetched, request, client, trace)
            if edge_functions is not None and edge_functions.generated and fetched.result is Result.MISS:
                return lambdas.mark_generated(served)  # an origin-request function answered this miss
            return served
        except BaseException:
            await _release(fetched.response)  # our own failure (or cancellation) must not leak the origin connection
            raise

    async def _fetch(self, decision: Forward, request: ViewerRequest, client: OriginClient, trace: Trace,
                     failed: Callable[[OriginError], EdgeResponse]) -> tuple[Fetched, OriginFunctions | None]:
        """Stages 7b, 8 and 9 for a planned request (a viewer's, or a custom error page's)."""
        fwd = decision.route.forwarding
        # Origin-request / origin-response Lambda@Edge wrap the origin client: they run only when an origin is
        # actually contacted (a miss or a revalidation; once per origin of a group), never on a hit.
        edge_functions = OriginFunctions(self.lambda_stages, decision, client, trace) \
            if decision.behavior.lambda_function_associations else None
        # The origin (or the group: primary, then the secondary on a failover) as the cache sees it.
        origin = FailoverClient(edge_functions or client, decision.group, request.method,
                                lambda primary: self._secondary(decision, primary, trace), self.clock, trace)

        def origin_request() -> OriginRequest:  # stage 8, on a miss only
            return self.origin_request(decision, trace)

        try:
            fetched = await self.cache.fetch(  # stages 7b and 9: the cache, and the origin on a miss
                decision.cache, decision.request, origin_request, origin, trace,
                # COMPRESSION HAPPENS HERE, AND ONLY HERE: the origin's response as it enters the pipeline,
                # cleaned, then maybe encoded for this viewer; the cache stores what this returns (its key carries
                # the normalized Accept-Encoding, compression.accepted_encoding), so hits are served already
                # compressed.
                clean=lambda upstream: compression.for_viewer(decision.behavior, fwd, decision.request,
                                                              self.respond.clean(fwd, upstream, trace), trace),
                failed=failed)
        finally:
            if edge_functions is not None:
                edge_functions.foreground = False  # a background revalidation may still use it
        return fetched, edge_functions

    def _settled(self, response: EdgeResponse) -> EdgeResponse:
        """The response whose release first reads the rest of a body being stored (an unfinished fill)."""
        release = response.release

        async def settle_then_release() -> None:
            await self.cache.settle(response)
            if release is not None:
                await release()

        return replace(response, release=settle_then_release)

    async def _respond(self, decision: Forward, fetched: Fetched, request: ViewerRequest,
                       client: OriginClient, trace: Trace) -> EdgeResponse:
        upstream = fetched.response
        if upstream.status >= 400 and rule_for(decision.distribution, upstream.status) is not None:
            return await self.custom_error(decision.distribution, upstream, request, client, trace, finalized=False)
        fn = self._function(decision.behavior, EventType.VIEWER_RESPONSE)
        lambda_fn = decision.behavior.lambda_function_associations and \
            lambdas.association(decision.behavior, LambdaEvent.VIEWER_RESPONSE) is not None
        if fn is not None or lambda_fn:
            # Viewer-response runs after the cache: a function that replaces the body (or fails) leaves the
            # origin's object cached, so releasing it first reads it into the store.
            upstream = self._settled(upstream)
        if lambda_fn:
            return await self.viewer_response_lambda(decision, upstream, request, client, trace, fetched.result)
        if fn is not None and upstream.status >= 400:
            trace.add("function", "skipped", f"viewer-response function '{fn.name}' does not run for origin "
                      f"status {upstream.status} (>= 400)")
        elif fn is not None:
            changed = await functions.run_viewer_response(self.runner, fn, decision.request, decision.path,
                                                          decision.distribution, self.settings, decision.generated,
                                                          upstream, trace)
            if isinstance(changed, EdgeError):
                await _release(upstream)
                failed = self.respond.edge_error(changed, trace)
                return await self.custom_error(decision.distribution, failed, request, client, trace, finalized=True)
            headers = CIMultiDict(changed.headers)
            if changed.body is None:  # the origin's body goes on
                upstream = EdgeResponse(changed.status, changed.description, freeze(headers), upstream.body,
                                        upstream.release)
            else:
                await _release(upstream)
                headers.popall("Content-Length", None)
                upstream = EdgeResponse(changed.status, changed.description, freeze(headers), changed.body)
        return self.respond.final(upstream, trace, result=fetched.result)

    async def custom_error(self, distribution: Distribution, response: EdgeResponse, request: ViewerRequest,
                           client: OriginClient, trace: Trace, *, finalized: bool) -> EdgeResponse:
        """Stage 11 for an error the edge generated (finalized) or the origin returned; X-Cache stays Error."""
        rule = rule_for(distribution, response.status)
        page = None
        if rule is not None:
            if rule.response_page_path is not None and not finalized:
                # The origin's error is cached (AWS: "How CloudFront processes HTTP 4xx and 5xx status codes from your
                # origin") though the viewer gets the page: read it in first, so its
                # fill is done before the page is fetched (the page may be this very URL).
                await self.cache.settle(response)
            page = await error_responses.apply(rule, response.status, request, self.pages[distribution.id],
                                               self._page_fetcher(distribution, client, trace), trace)
        if page is None:
            return response if finalized else self.respond.final(response, trace)
        await _release(response)
        if isinstance(page, PageFailed):
            return self.respond.origin_failure(page.status, page.result, page.cause, trace)
        return self.respond.final(page.response, trace, connection=page.connection, result=page.result,
                                  error=page.connection is not None)

    def _page_fetcher(self, distribution: Distribution, client: OriginClient,
                      trace: Trace) -> error_responses.PageFetch:
        """Custom error pages are fetched like any object of the behavior matching their path: through the
        cache, its origin group, its origin-event Lambda@Edge functions, cleaned and compressed the same way,
        so the copy stored under the page's key is the one a viewer asking for it directly would get."""

        async def fetch(route: CompiledBehavior, page: ViewerRequest) -> Fetched:
            behavior = route.behavior
            plan = plan_cache(self.settings, distribution, route, page, page, page.raw_path, (),
                              self.error_ttls[distribution.id])
            forward = Forward(distribution, route, page, page.raw_path, distribution.origin(behavior.target_origin_id),
                              plan, group=distribution.group(behavior.target_origin_id))
            try:
                fetched, _ = await self._fetch(forward, page, client, trace, failed=_reraise)
            except LambdaFailed as exc:  # the page's own origin-event function failed: its status, no page
                await _release(exc.page)
                raise OriginError(exc.page.status, "LambdaError", "an origin-event Lambda@Edge function of the "
                                  "error page's behavior failed") from exc
            return fetched

        return fetch

    # -- Lambda@Edge (the stages are in lambda_stages.py) ---------------------------------------------------
    async def viewer_response_lambda(self, decision: Forward, upstream: EdgeResponse, request: ViewerRequest,
                                     client: OriginClient, trace: Trace, result: Result) -> EdgeResponse:
        changed = await self.lambda_stages.viewer_response(decision, upstream, trace)
        if isinstance(changed, lambdas.LambdaFailure):
            await _release(upstream)
            failed = changed.response(self.respond, trace)
            return await self.custom_error(decision.distribution, failed, request, client, trace, finalized=True)
        return self.respond.final(changed, trace, result=result)

    async def explain_lambdas(self, decision: Forward, trace: Trace) -> Forward | Answer:
        if not decision.behavior.lambda_function_associations:
            return decision
        explained = await self.lambda_stages.explain(decision, trace)
        return Answer(explained) if isinstance(explained, EdgeResponse) else explained

    # -- helpers --------------------------------------------------------------------------------------
    def _secondary(self, decision: Forward, primary: OriginRequest, trace: Trace) -> OriginRequest:
        """Stage 8 for an origin group's secondary; a revalidation's conditionals come along."""
        assert decision.group is not None
        secondary = replace(decision, origin=decision.distribution.origin(decision.group.secondary),
                            host_override=decision.secondary_host)
        return with_conditionals(self.origin_request(secondary, trace), primary)

    def _function(self, behavior: CacheBehavior, event: EventType) -> FunctionConfig | None:
        name = functions.association(behavior, event)
        return self.functions[name] if name is not None else None

    def select_distribution(self, host: str) -> Distribution | None:
        for d in self.config.distributions:
            if host == d.domain_name or any(host_matches(host, alias) for alias in d.aliases):
                return d
        if host in LOCAL_NAMES or host == "":
            return self.config.distributions[0]
        return None
