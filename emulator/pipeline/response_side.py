"""Stages 7b to 11, for a request the viewer-side stages forwarded: the cache (which asks the origin side on a
miss), the viewer-response function or Lambda@Edge (10), and custom error responses (11)."""

from __future__ import annotations

import weakref
from dataclasses import replace

from multidict import CIMultiDict

from emulator.cache.plan import plan_cache
from emulator.cache.stage import EdgeCache, Fetched
from emulator.cf_functions import stage as functions
from emulator.config.model import Distribution, EventType, LambdaEvent
from emulator.decisions import EdgeError, Result
from emulator.errors import OriginError
from emulator.http import EdgeResponse, ViewerRequest, freeze
from emulator.lambda_edge import stage as lambdas
from emulator.lambda_edge.origin_events import LambdaFailed, LambdaStages
from emulator.origins.client import OriginClient
from emulator.pipeline.flight import Answer, Forward
from emulator.pipeline.origin_side import OriginRequests, OriginSide
from emulator.pipeline.stages import error_responses
from emulator.pipeline.stages.error_responses import PageContext, PageFailed, rule_for
from emulator.pipeline.stages.routing import CompiledBehavior
from emulator.pipeline.viewer_stages import Context
from emulator.trace import Trace


class ResponseSide:
    def __init__(self, ctx: Context, cache: EdgeCache, requests: OriginRequests, lambda_stages: LambdaStages,
                 pages: dict[str, PageContext], repeatable: frozenset[int]) -> None:
        self.ctx = ctx
        self.cache = cache
        self.requests = requests
        self.lambda_stages = lambda_stages
        self.pages = pages  # distribution id -> what its custom error pages are fetched through
        self.repeatable = repeatable  # the compiled behaviors whose fresh whole hits can be repeated (Pipeline)
        self.error_ttls = {d.id: tuple((e.error_code, e.error_caching_min_ttl) for e in d.custom_error_responses)
                           for d in ctx.config.distributions}

    async def serve(self, decision: Forward | Answer, request: ViewerRequest, client: OriginClient,
                    trace: Trace) -> EdgeResponse:
        if isinstance(decision, Answer):
            if decision.distribution is None:
                return decision.response
            return await self.custom_error(decision.distribution, decision.response, request, client, trace,
                                           finalized=True)
        try:
            fetched, origin = await self.fetch(decision, request, client, trace)
        except LambdaFailed as exc:
            return await self.custom_error(decision.distribution, exc.page, request, client, trace, finalized=True)
        if fetched.entry is not None and id(decision.route) in self.repeatable:  # the viewer's own copy, never a page's
            trace.repeat = weakref.ref(fetched.entry)  # weak: a history entry must not keep an evicted copy alive
        if fetched.generated:
            return await self.custom_error(decision.distribution, fetched.response, request, client, trace,
                                           finalized=True)
        try:
            served = await self.viewer_response(decision, fetched, request, client, trace)
            if origin.generated and fetched.result is Result.MISS:
                return lambdas.mark_generated(served)  # an origin-request function answered this miss
            return served
        except BaseException:
            await fetched.response.close()  # our own failure (or cancellation) must not leak the origin connection
            raise

    async def fetch(self, decision: Forward, request: ViewerRequest, client: OriginClient, trace: Trace, *,
                    for_page: bool = False) -> tuple[Fetched, OriginSide]:
        """Stages 7b, 8 and 9 for a planned request (a viewer's, or a custom error page's): the cache, which
        asks the origin side only on a miss or a revalidation."""
        origin = OriginSide(decision, self.requests, self.lambda_stages, self.ctx.respond, client, trace,
                            for_page=for_page)
        try:
            return await self.cache.fetch(decision.cache, decision.request, origin, trace), origin
        finally:
            origin.answered()

    def _settled(self, response: EdgeResponse) -> EdgeResponse:
        """The response whose release first reads the rest of a body being stored (an unfinished fill)."""
        release = response.release

        async def settle_then_release() -> None:
            await self.cache.settle(response)
            if release is not None:
                await release()

        return replace(response, release=settle_then_release)

    # -- stage 10 -------------------------------------------------------------------------------------------
    async def viewer_response(self, decision: Forward, fetched: Fetched, request: ViewerRequest,
                              client: OriginClient, trace: Trace) -> EdgeResponse:
        upstream = fetched.response
        if upstream.status >= 400 and rule_for(decision.distribution, upstream.status) is not None:
            return await self.custom_error(decision.distribution, upstream, request, client, trace, finalized=False)
        name = functions.association(decision.behavior, EventType.VIEWER_RESPONSE)
        fn = self.ctx.functions[name] if name is not None else None
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
            changed = await functions.run_viewer_response(self.ctx.runner, fn, decision.request, decision.path,
                                                          decision.distribution, self.ctx.settings,
                                                          decision.generated, upstream, trace)
            if isinstance(changed, EdgeError):
                await upstream.close()
                failed = self.ctx.respond.edge_error(changed, trace)
                return await self.custom_error(decision.distribution, failed, request, client, trace, finalized=True)
            headers = CIMultiDict(changed.headers)
            if changed.body is None:  # the origin's body goes on
                upstream = EdgeResponse(changed.status, changed.description, freeze(headers), upstream.body,
                                        upstream.release)
            else:
                await upstream.close()
                headers.popall("Content-Length", None)
                upstream = EdgeResponse(changed.status, changed.description, freeze(headers), changed.body)
        return self.ctx.respond.final(upstream, trace, result=fetched.result)

    async def viewer_response_lambda(self, decision: Forward, upstream: EdgeResponse, request: ViewerRequest,
                                     client: OriginClient, trace: Trace, result: Result) -> EdgeResponse:
        changed = await self.lambda_stages.viewer_response(decision, upstream, trace)
        if isinstance(changed, lambdas.LambdaFailure):
            await upstream.close()
            failed = changed.response(self.ctx.respond, trace)
            return await self.custom_error(decision.distribution, failed, request, client, trace, finalized=True)
        return self.ctx.respond.final(changed, trace, result=result)

    # -- stage 11 -------------------------------------------------------------------------------------------
    async def custom_error(self, distribution: Distribution, response: EdgeResponse, request: ViewerRequest,
                           client: OriginClient, trace: Trace, *, finalized: bool) -> EdgeResponse:
        """Stage 11 for an error the edge generated (finalized) or the origin returned; X-Cache stays Error."""
        rule = rule_for(distribution, response.status)
        page = None
        if rule is not None:
            if rule.response_page_path is not None and not finalized:
                # The origin's error is cached (AWS: "Generate custom error responses") though the viewer gets
                # the page: read it in first, so its fill is done before the page is fetched (the page may be
                # this very URL).
                await self.cache.settle(response)
            page = await error_responses.apply(rule, response.status, request, self.pages[distribution.id],
                                               self._page_fetcher(distribution, client, trace), trace)
        if page is None:
            return response if finalized else self.ctx.respond.final(response, trace)
        await response.close()
        if isinstance(page, PageFailed):
            return self.ctx.respond.origin_failure(page.status, page.result, page.cause, trace)
        return self.ctx.respond.final(page.response, trace, connection=page.connection, result=page.result,
                                      error=page.connection is not None)

    def _page_fetcher(self, distribution: Distribution, client: OriginClient,
                      trace: Trace) -> error_responses.PageFetch:
        """Custom error pages are fetched like any object of the behavior matching their path: through the
        cache, its origin group, its origin-event Lambda@Edge functions, cleaned and compressed the same way,
        so the copy stored under the page's key is the one a viewer asking for it directly would get."""

        async def fetch(route: CompiledBehavior, page: ViewerRequest) -> Fetched:
            behavior = route.behavior
            plan = plan_cache(self.ctx.settings, distribution, route, page, page, page.raw_path, (),
                              self.error_ttls[distribution.id])
            forward = Forward(distribution, route, page, page.raw_path, distribution.origin(behavior.target_origin_id),
                              plan, group=distribution.group(behavior.target_origin_id))
            try:
                fetched, _ = await self.fetch(forward, page, client, trace, for_page=True)
            except LambdaFailed as exc:  # the page's own origin-event function failed: its status, no page
                await exc.page.close()
                raise OriginError(exc.page.status, "LambdaError", "an origin-event Lambda@Edge function of the "
                                  "error page's behavior failed") from exc
            return fetched

        return fetch
