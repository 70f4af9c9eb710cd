"""What the stages hand each other: the request in flight through the viewer-side stages, and what they decide.

A viewer-side stage reads the `Flight` and either lets it go on (returns None, having set what it decided) or
answers (returns an `Answer`). After stage 7a the flight becomes a frozen `Forward`: the request for an origin (or
the cache), which the origin side and `frontyard explain` read.
"""

from __future__ import annotations

from dataclasses import dataclass

from emulator.cache.plan import CachePlan
from emulator.config.model import CacheBehavior, Distribution, Origin, OriginGroup
from emulator.http import EdgeResponse, HeaderPairs, OriginRequest, ViewerRequest
from emulator.pipeline.stages.routing import CompiledBehavior


@dataclass(slots=True)
class Flight:
    """One request between stage 2 and stage 7a. Mutable on purpose, and never shared: it lives for one request,
    and each stage sets what it decided instead of copying the whole."""

    request: ViewerRequest  # as the viewer sent it, then as the viewer-request function left it
    distribution: Distribution
    route: CompiledBehavior
    path: str  # the path the origin gets (the default root object applied)
    root: str | None  # the default root object's path when it replaced '/', else None
    origin: Origin  # the behavior's origin (a group's primary), or the one a function chose
    group: OriginGroup | None
    generated: HeaderPairs = ()  # the CloudFront-* headers computed for this request
    host_override: str | None = None  # a Host set by the viewer-request function (cf.updateRequestOrigin)
    secondary_host: str | None = None  # a function's Host override for the group's secondary

    @property
    def behavior(self) -> CacheBehavior:
        return self.route.behavior


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
