"""Origin groups (AWS: "Optimize high availability with CloudFront origin failover"): the primary first on every
request; the secondary's answer replaces the
primary's when the primary returns a failover status or cannot be reached, for GET, HEAD and OPTIONS only.

What counts as a failover, per AWS: a status code in the criteria; a connection CloudFront cannot make (when
503 is in the criteria); a timeout (when 504 is). Other edge failures (a refused certificate, a malformed
response) count as the 502 CloudFront would answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from multidict import CIMultiDict

from emulator.clock import Clock
from emulator.config.model import OriginGroup
from emulator.errors import OriginConnectError, OriginError, OriginTimeoutError, OriginTLSError
from emulator.http import EdgeResponse, OriginRequest, freeze
from emulator.origins.client import OriginClient
from emulator.trace import OriginExchange, Trace

FAILOVER_METHODS = ("GET", "HEAD", "OPTIONS")


class Fetch(Protocol):
    """The connection pool, or what wraps it (Lambda@Edge's origin events)."""

    async def fetch(self, req: OriginRequest) -> tuple[EdgeResponse, int]: ...


class RecordingClient:
    """The connection pool as the trace sees it: each request exactly as it goes on the wire (after an
    origin-request Lambda@Edge function changed it, to the origin that function chose) and the answer as the
    origin gave it (before an origin-response function changes it). One exchange per origin contacted: an
    origin group's primary and secondary each; none when an origin-request function answers itself."""

    def __init__(self, client: OriginClient, trace: Trace) -> None:
        self.client = client
        self.trace = trace

    async def fetch(self, request: OriginRequest) -> tuple[EdgeResponse, int]:
        try:
            answer = await self.client.fetch(request)
        except OriginError as exc:
            self.trace.exchanges.append(OriginExchange("origin", request, failure=exc.cause))
            raise
        self.trace.exchanges.append(OriginExchange("origin", request, answer[0].status, answer[0].headers))
        return answer


def with_conditionals(secondary: OriginRequest, primary: OriginRequest) -> OriginRequest:
    """The secondary's request with the conditionals the cache put on the primary's (a revalidation)."""
    conditionals = [(k, v) for k, v in primary.headers.items() if k.lower() in ("if-none-match", "if-modified-since")]
    if not conditionals:
        return secondary
    headers = CIMultiDict(secondary.headers)
    for name, value in conditionals:
        headers[name] = value
    return replace(secondary, headers=freeze(headers))


def failure_code(exc: OriginError) -> int:
    """The failover status an unreachable primary stands for."""
    if isinstance(exc, OriginTimeoutError):
        return 504
    if isinstance(exc, OriginConnectError) and not isinstance(exc, OriginTLSError) and \
            exc.result in ("OriginConnectError", "OriginDnsError"):
        return 503
    return exc.status


class FailoverClient:
    """The origin as the cache sees it: `fetch(request)` like OriginClient's, trying an origin group's primary
    and then its secondary. It also measures the origin's first-byte time for Server-Timing."""

    def __init__(self, client: Fetch, group: OriginGroup | None, method: str,
                 secondary: Callable[[OriginRequest], OriginRequest], clock: Clock, trace: Trace) -> None:
        self.client = client
        self.group = group
        self.method = method
        self.secondary = secondary  # builds the secondary's request from the primary's (conditionals kept)
        self.clock = clock
        self.trace = trace

    async def fetch(self, request: OriginRequest) -> tuple[EdgeResponse, int]:
        """The response that decides the answer; raises OriginError when that origin could not be reached."""
        group, trace = self.group, self.trace
        if group is None:
            return await self._timed(request)
        if self.method not in FAILOVER_METHODS:
            trace.add("origin-group", "no-failover", f"origin group '{group.id}': {self.method} requests never "
                      f"fail over; primary '{group.primary}' only")
            return await self._timed(request)
        codes = ", ".join(map(str, group.status_codes))
        try:
            response, attempt = await self._timed(request)
        except OriginError as exc:
            code = failure_code(exc)
            if code not in group.status_codes:
                trace.add("origin-group", "no-failover", f"primary '{group.primary}' failed ({exc.result}, counts "
                          f"as {code}); {code} is not in the failover criteria [{codes}]")
                raise
            trace.add("origin", str(exc.status), f"primary '{group.primary}': {exc.result}: {exc.cause}")
            trace.add("origin-group", "failover", f"primary '{group.primary}' failed ({exc.result}, counts as "
                      f"{code} in [{codes}]): trying secondary '{group.secondary}'")
        else:
            if response.status not in group.status_codes:
                return response, attempt
            await response.close()
            trace.add("origin", str(response.status), f"primary '{group.primary}' answered {response.status}")
            trace.add("origin-group", "failover", f"primary '{group.primary}' answered {response.status} (in "
                      f"[{codes}]): trying secondary '{group.secondary}'")
        return await self._timed(self.secondary(request))

    async def _timed(self, request: OriginRequest) -> tuple[EdgeResponse, int]:
        started = self.clock.monotonic()
        answer = await self.client.fetch(request)  # each attempt is recorded as sent, by the RecordingClient
        self.trace.timings["origin_fbl"] = (self.clock.monotonic() - started) * 1000
        return answer
