"""Stage 11: custom error responses (AWS: "Generate custom error responses").

They are distribution-wide: one list for every behavior. The page is fetched through the first behavior
whose path pattern matches the page path (so it can live on another origin), the status is replaced by the
configured response code, and if the page itself cannot be fetched the viewer gets the status the page's
origin returned. Function-generated responses never get a custom page.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from emulator.cache.stage import Fetched
from emulator.config.model import CustomErrorResponse, Distribution, EmulatorSettings
from emulator.decisions import Result
from emulator.errors import OriginError
from emulator.http import EdgeResponse, ViewerRequest, freeze
from emulator.pipeline.stages.routing import CompiledBehavior, Router, normalize_path
from emulator.policies.origin_request import Target
from emulator.trace import Trace

# Connection header CloudFront sends with a custom error page, by the status it returns (AWS: "Generate custom error
# responses").
_CLOSE = frozenset((400, 405, 414, 416, 500, 501))
# The edge fetches the page itself: the viewer's conditionals, ranges, body and credentials are not part of
# that request (a viewer's If-None-Match would otherwise turn the page into an empty 304-as-200).
_NOT_FOR_THE_PAGE = frozenset(h.lower() for h in (
    "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range", "Range", "Request-Range",
    "Content-Length", "Content-Type", "Content-MD5", "Transfer-Encoding", "Expect", "Cookie", "Authorization"))


@dataclass(frozen=True)
class PageFetched:
    """What the page's origin answered, through the behavior matching the page path. `connection` is set
    when it is the custom page (with the configured status); None when the origin's own error is passed on."""

    response: EdgeResponse
    route: CompiledBehavior
    connection: str | None
    result: Result = Result.MISS  # the page came from the cache or its origin


@dataclass(frozen=True)
class PageFailed:
    """The page could not be fetched at all: the viewer gets CloudFront's own error page for `status`."""

    status: int
    result: str
    cause: str


def rule_for(distribution: Distribution, status: int) -> CustomErrorResponse | None:
    return next((e for e in distribution.custom_error_responses if e.error_code == status), None)


# Fetches the page through the cache (the pipeline's); raises OriginError when its origin cannot be reached.
PageFetch = Callable[[CompiledBehavior, ViewerRequest], Awaitable[Fetched]]


def _page_exchanges(trace: Trace, before: int) -> None:
    """Label the origin exchanges the page fetch made (none on a cache hit) as the error page's."""
    for i in range(before, len(trace.exchanges)):
        trace.exchanges[i] = replace(trace.exchanges[i], purpose="error-page")


@dataclass(frozen=True)
class PageContext:
    """What fetching a distribution's error pages needs; built once per distribution. `mocks` and
    `listeners` are the emulator's live views (filled in when it starts serving)."""

    distribution: Distribution
    router: Router
    settings: EmulatorSettings
    mocks: Mapping[str, Target]
    listeners: Sequence[Target]


async def apply(rule: CustomErrorResponse, status: int, request: ViewerRequest, ctx: PageContext,
                fetch: PageFetch, trace: Trace) -> PageFetched | PageFailed | None:
    """The custom error response for this status (or, when its page could not be fetched, the page origin's
    response or failure), or None to keep the original response."""
    if rule.response_page_path is None or rule.response_code is None:
        trace.add("error-response", "ttl-only", f"custom error response for {status} sets only "
                  f"error_caching_min_ttl ({rule.error_caching_min_ttl}s)", rule.location)
        return None
    page_path = rule.response_page_path
    chosen = ctx.router.select(normalize_path(page_path))
    behavior = chosen.behavior
    origin = ctx.distribution.origin(behavior.target_origin_id)
    where = chosen.where
    method = "HEAD" if request.method == "HEAD" else "GET"
    # An HTTP/1.0 viewer's Accept-Encoding is dropped as for its own request (no compressed page for it).
    dropped = _NOT_FOR_THE_PAGE | ({"accept-encoding"} if request.http_version == "1.0" else set())
    headers = freeze((k, v) for k, v in request.headers.items() if k.lower() not in dropped)
    page_request = replace(request, method=method, raw_path=page_path, query="", headers=headers, body=b"",
                           has_body=False)
    sent = len(trace.exchanges)
    try:
        fetched = await fetch(chosen, page_request)
    except OriginError as exc:
        _page_exchanges(trace, sent)
        trace.add("error-response", str(exc.status), f"fetching {page_path} from origin '{origin.id}' failed "
                  f"({exc.cause}): the viewer gets {exc.status}", rule.location)
        return PageFailed(exc.status, exc.result, f"custom error page {page_path}: {exc.cause}")
    _page_exchanges(trace, sent)
    page = fetched.response
    if not 200 <= page.status < 300:
        trace.add("error-response", str(page.status), f"{page_path} answered {page.status} from origin "
                  f"'{origin.id}' via {where}: CloudFront returns that status, not the page", rule.location)
        return PageFetched(page, chosen, None, fetched.result)
    trace.add("error-response", str(rule.response_code), f"{status} -> {page_path} as {rule.response_code} "
              f"(custom_error_responses, distribution-wide), page from origin '{origin.id}' via {where}",
              rule.location)
    connection = "close" if rule.response_code in _CLOSE else "keep-alive"
    return PageFetched(replace(page, status=rule.response_code, reason=""), chosen, connection, fetched.result)
