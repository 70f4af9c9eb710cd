"""The origin a replay talks to by default: it answers what the log says the origin answered (status, size,
content type) without a socket, so a replay contacts no origin and costs no connection."""

from __future__ import annotations

from multidict import CIMultiDict

from emulator.http import EdgeResponse, OriginRequest, freeze
from emulator.replay.model import LoggedRequest

# A viewer's 304 came from the edge's own revalidation of the viewer's validators: the origin sent the object.
_FROM_ORIGIN = {304: 200}


class StubOrigin:
    """Stands where the origin client stands (the same `fetch`); `current` is the request being replayed."""

    def __init__(self) -> None:
        self.current: LoggedRequest | None = None

    async def fetch(self, req: OriginRequest) -> tuple[EdgeResponse, int]:
        logged = self.current
        status = 200 if logged is None or logged.status is None else _FROM_ORIGIN.get(logged.status, logged.status)
        headers: CIMultiDict[str] = CIMultiDict()
        if logged is not None and logged.content_type:
            headers["Content-Type"] = logged.content_type
        # The body is not in any log: an empty one, with the logged size counted by the replay instead. An
        # empty body keeps a replay of a million lines in memory the size of its keys.
        headers["Content-Length"] = "0"
        return EdgeResponse(status, "", freeze(headers), b""), 1
