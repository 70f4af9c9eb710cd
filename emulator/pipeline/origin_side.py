"""Stages 8 and 9: the origin request, and the origin as the cache sees it.

`OriginSide` is what the cache asks on a miss (cache.stage.Origin): it builds the origin request from the
policies only when asked, and fetches through a chain of fetchers that each wrap the next, as an HTTP client's
transports do: Lambda@Edge's origin events around the origin group's failover around the connection pool. What
comes back is cleaned and compressed for the viewer before the cache stores it, so hits are served already
compressed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from multidict import CIMultiDict

from emulator.config.model import Distribution, EmulatorSettings, Origin
from emulator.errors import OriginError
from emulator.http import EdgeResponse, OriginRequest, freeze
from emulator.lambda_edge.origin_events import LambdaStages, OriginFunctions
from emulator.origins.access import DecisionLog, EdgeContext, OriginAccessClient
from emulator.origins.client import OriginClient
from emulator.origins.groups import FailoverClient, RecordingClient, with_conditionals
from emulator.pipeline.flight import Forward
from emulator.policies import compression
from emulator.policies.loops import MAX_CHAIN, own_listener, passes
from emulator.policies.origin_request import Target, build_origin_request, connect_target, origin_scheme
from emulator.responses.responder import Responder
from emulator.signing import stage as signed
from emulator.trace import Trace


class OriginRequests:
    """Stage 8: the request CloudFront sends to the origin, from the policies (Host, headers, query, cookies,
    paths), a function's Host override, and where the local edge connects for it."""

    def __init__(self, settings: EmulatorSettings, mocks: Mapping[str, Mapping[str, Target]],
                 listeners: list[Target]) -> None:
        self.settings = settings
        self.mocks = mocks  # distribution id -> origin id -> loopback address of its mock (filled at start)
        self.listeners = listeners  # this emulator's own viewer listeners, filled in when serving
        self.contexts: dict[tuple[str, str], EdgeContext] = {}  # (distribution id, origin id) -> its mock's
        self._logs: dict[str, dict[str, DecisionLog]] = {}  # distribution id -> decision_logs()

    def edge_context(self, distribution: Distribution, origin: Origin) -> EdgeContext:
        """What the mock serving this origin knows of the edge (one per origin, shared with its decision log)."""
        key = (distribution.id, origin.id)
        if key not in self.contexts:
            self.contexts[key] = EdgeContext.of(distribution, origin, self.settings.aws)
        return self.contexts[key]

    def decision_logs(self, distribution: Distribution) -> dict[str, DecisionLog]:
        """Origin id -> its mock's decision log; built once per distribution (asked for by every forwarded request)."""
        logs = self._logs.get(distribution.id)
        if logs is None:
            logs = self._logs[distribution.id] = {o.id: self.edge_context(distribution, o).decisions
                                                  for o in distribution.origins if o.mock}
        return logs

    def build(self, forward: Forward, trace: Trace) -> OriginRequest:
        distribution, request, origin, fwd = forward.distribution, forward.request, forward.origin, \
            forward.route.forwarding
        target = connect_target(origin, origin_scheme(origin, request.scheme), self.settings,
                                self.mocks.get(distribution.id, {}), self.listeners)
        origin_request, notes = build_origin_request(signed.for_origin(request, forward.behavior, trace),
                                                     forward.path, forward.behavior, origin, self.settings, target,
                                                     trace.request_id, fwd, forward.generated)
        if forward.host_override is not None:
            headers = CIMultiDict(origin_request.headers)
            headers["Host"] = forward.host_override
            origin_request = replace(origin_request, headers=freeze(headers))
        trace.later("origin-request", origin.id, origin.location, _described, origin_request, origin, target,
                    fwd.source)
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

    def secondary(self, forward: Forward, primary: OriginRequest, trace: Trace) -> OriginRequest:
        """Stage 8 for an origin group's secondary; a revalidation's conditionals come along."""
        if forward.group is None:
            raise ValueError("only a request to an origin group has a secondary")
        secondary = replace(forward, origin=forward.distribution.origin(forward.group.secondary),
                            host_override=forward.secondary_host)
        return with_conditionals(self.build(secondary, trace), primary)


class OriginSide:
    """One request's origin, as the cache sees it (cache.stage.Origin)."""

    def __init__(self, forward: Forward, requests: OriginRequests, lambda_stages: LambdaStages, respond: Responder,
                 client: OriginClient, trace: Trace, *, for_page: bool = False) -> None:
        self.forward = forward
        self.requests = requests
        self.respond = respond
        self.trace = trace
        self.for_page = for_page  # a custom error page's fetch: an unreachable origin is stage 11's to report
        # Innermost, next to the wire: each request is recorded as it is sent, after the functions changed it.
        recorded = RecordingClient(client, trace)
        # Then the origin access control's signature, after any origin-request function changed the request.
        accessed = OriginAccessClient(recorded, forward.distribution, requests.settings.aws,
                                      requests.decision_logs(forward.distribution), trace,
                                      forward.request)
        # Origin-request / origin-response Lambda@Edge wrap the origin client: they run only when an origin is
        # actually contacted (a miss or a revalidation; once per origin of a group), never on a hit.
        self.edge_functions = OriginFunctions(lambda_stages, forward, accessed, trace) \
            if forward.behavior.lambda_function_associations else None
        # The origin (or the group: primary, then the secondary on a failover).
        self.chain = FailoverClient(self.edge_functions or accessed, forward.group, forward.request.method,
                                    lambda primary: requests.secondary(forward, primary, trace),
                                    respond.clock, trace)

    def request(self) -> OriginRequest:
        return self.requests.build(self.forward, self.trace)

    async def fetch(self, req: OriginRequest) -> tuple[EdgeResponse, int]:
        return await self.chain.fetch(req)

    def clean(self, upstream: EdgeResponse) -> EdgeResponse:
        # COMPRESSION HAPPENS HERE, AND ONLY HERE: the origin's response as it enters the pipeline, cleaned, then
        # maybe encoded for this viewer; the cache stores what this returns (its key carries the normalized
        # Accept-Encoding, compression.accepted_encoding).
        forward, fwd = self.forward, self.forward.route.forwarding
        return compression.for_viewer(forward.behavior, fwd, forward.request,
                                      self.respond.clean(fwd, upstream, self.trace), self.trace)

    def failed(self, exc: OriginError) -> EdgeResponse:
        if self.for_page:
            raise exc  # an error page's own origin failure is reported by stage 11 (PageFailed)
        return self.respond.origin_failure(exc.status, exc.result, exc.cause, self.trace)

    def answered(self) -> None:
        """The viewer has its answer: a background revalidation may still use the chain, but an origin-event
        function's failure then keeps the stale copy instead of answering anyone."""
        if self.edge_functions is not None:
            self.edge_functions.foreground = False

    @property
    def generated(self) -> bool:
        """An origin-request Lambda@Edge function answered instead of the origin."""
        return self.edge_functions is not None and self.edge_functions.generated


def _described(request: OriginRequest, origin: Origin, target: Target, source: str) -> str:
    how = f"mock {origin.mock.type} at " if origin.mock else ""
    port = target.port or "<port chosen at start>"
    return (f"{request.method} {request.url_for_display} (connect to {how}{target.host}:{port}, "
            f"Host: {request.headers['Host']}; {source})")
