"""Each logged request through the edge's own pipeline (Pipeline.handle: stages 1 to 12, the cache included), in
process: no socket per request, so a million lines take minutes, not hours. Origins are the stub (what the log
says they answered) unless live origins are asked for; time is a FakeClock moved to each logged timestamp, so
TTLs expire on the logged timeline."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from types import TracebackType

from multidict import CIMultiDict

from emulator.clock import FakeClock
from emulator.config.model import Config
from emulator.http import EdgeResponse, Scheme, ViewerRequest, freeze, new_request_id
from emulator.policies.cloudfront_headers import OVERRIDE_PREFIX
from emulator.replay.model import LoggedRequest
from emulator.replay.outcome import Outcome, Reader
from emulator.replay.stub import StubOrigin
from emulator.serve.app import Emulator
from emulator.trace import Trace


def viewer_request(item: LoggedRequest) -> ViewerRequest:
    """The request as the viewer sent it, with the headers the log kept; a logged country becomes frontyard's
    viewer-country override (what CloudFront-Viewer-Country and geo restriction read)."""
    headers: CIMultiDict[str] = CIMultiDict()
    headers["Host"] = item.host
    for name, value in item.headers:
        headers.add(name, value)
    if item.country:
        headers[OVERRIDE_PREFIX + "country"] = item.country
    if item.body:
        headers["Content-Length"] = str(len(item.body))
    scheme = Scheme.HTTPS if item.scheme == "https" else Scheme.HTTP
    return ViewerRequest(item.method, item.path, item.query, freeze(headers), scheme, item.http_version,
                         item.client_ip, 0, item.body, bool(item.body))


class Side:
    """One configuration's edge during a replay: its own pipeline, cache and clock."""

    def __init__(self, config: Config, *, live: bool = False) -> None:
        self.config = config
        self.live = live
        self.clock = FakeClock()
        self.started: float | None = None
        self.emulator = Emulator(config, clock=self.clock)
        self.stub = StubOrigin()
        self.reader = Reader(config)

    async def __aenter__(self) -> Side:
        await self.emulator.start()  # mock origins too: unused with the stub, contacted with live origins
        return self

    async def __aexit__(self, t: type[BaseException] | None, e: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.emulator.close()

    async def replay(self, item: LoggedRequest) -> Outcome:
        self._advance(item.timestamp)
        request = viewer_request(item)
        if self.live:
            response, trace = await self.emulator.dispatch(request)
        else:
            trace = Trace(new_request_id(), viewer=request)
            self.stub.current = item
            response = await self.emulator.pipeline.handle(request, self.stub, trace)  # type: ignore[arg-type]
        sent = await _drain(response)
        origin_bytes = sent if self.live else (item.size or 0)
        return self.reader.read(item.line, trace, response.status, response.headers, origin_bytes, sent)

    def _advance(self, when: float | None) -> None:
        """Log lines are in the order requests finished, so a timestamp may be a little behind: time never runs
        backwards."""
        if when is None:
            return
        if self.started is None:
            self.started = when
            self.clock.advance(when - self.clock.now())
        elif when > self.clock.now():
            self.clock.advance(when - self.clock.now())


async def _drain(response: EdgeResponse) -> int:
    """Read the body to its end: the cache stores an object as it streams to the viewer."""
    if isinstance(response.body, bytes):
        return len(response.body)
    sent = 0
    try:
        async for chunk in response.body:
            sent += len(chunk)
    finally:
        await response.close()
    return sent


async def replay(items: Iterable[LoggedRequest],
                 sides: list[Side]) -> AsyncIterator[tuple[LoggedRequest, list[Outcome]]]:
    """Each request through every side, in log order: one outcome per side."""
    for item in items:
        yield item, [await side.replay(item) for side in sides]
