"""Stage 5: request loops and distribution chains (AWS: "Quotas", "HTTP 403 status code (Permission Denied)").

Every origin request carries this edge's `Via` entry and its RFC 8586 `CDN-Loop` entry. CloudFront allows a
chain of two distributions and refuses more with 403 (the quota table); how it counts is not documented, so
we count our own entries in either header: a request that has passed through this edge twice already is
the third hop of a chain (or a loop) and is refused before any origin is contacted.
"""

from __future__ import annotations

from collections.abc import Sequence

from emulator.config.model import EmulatorSettings
from emulator.decisions import REASON_BAD_REQUEST, EdgeError
from emulator.http import ViewerRequest
from emulator.policies.origin_request import Target, cdn_id

MAX_CHAIN = 2  # "Distributions within chain of requests to origin endpoint: 2"


def passes(request: ViewerRequest, settings: EmulatorSettings) -> int:
    """How many times this request has already gone through this edge."""
    if "Via" not in request.headers and "CDN-Loop" not in request.headers:
        return 0  # most requests: a viewer's own
    ours = settings.edge_name
    via = sum(1 for line in request.headers.getall("Via", []) for entry in line.split(",") if ours in entry)
    loop = sum(1 for line in request.headers.getall("CDN-Loop", []) for entry in line.split(",")
               if entry.split(";")[0].strip().lower() == cdn_id(settings))
    return max(via, loop)


def check_loop(request: ViewerRequest, settings: EmulatorSettings) -> EdgeError | None:
    seen = passes(request, settings)
    if seen >= MAX_CHAIN:
        return EdgeError(403, REASON_BAD_REQUEST, "InvalidRequest",
                         f"the request already passed through this edge {seen} times (Via/CDN-Loop): more than "
                         f"{MAX_CHAIN} distributions in a chain, or a loop")
    return None


def own_listener(target: Target, listeners: Sequence[Target]) -> bool:
    loopback = ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::")
    return any(target.port == own.port and (target.host == own.host or target.host in loopback)
               for own in listeners)
