"""Fault options every mock accepts, so slow and broken origins can be reproduced (timeouts, cut bodies).

They are applied by one middleware that MockType.make_app installs in every mock app: mocks themselves
know nothing about faults. The delays are the feature being emulated, not test synchronisation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import web

from emulator.config.model import MockSpec
from emulator.origins.mocks import Handler, OptionSpec
from emulator.origins.mocks.body import NO_PACING, Pacing, StreamedBody, bytes_chunks

FAULT_OPTIONS: Mapping[str, OptionSpec] = {
    "delay_first_byte": OptionSpec("float", help="seconds to wait before the response starts", lo=0, hi=3600),
    "delay_between_chunks": OptionSpec("float", help="seconds to wait between body chunks (see chunk_size)",
                                       lo=0, hi=3600),
    "chunk_size": OptionSpec("int", help="body chunk size in bytes for delay_between_chunks (default 1024)",
                             lo=1, hi=2**31),
    "drop_after_bytes": OptionSpec("int", help="close the connection after this many body bytes", lo=0,
                                   hi=2**63),
}

DEFAULT_CHUNK_SIZE = 1024


@dataclass(frozen=True)
class Faults:
    delay_first_byte: float = 0.0
    pacing: Pacing = NO_PACING

    @classmethod
    def from_spec(cls, spec: MockSpec) -> Faults:
        delay_chunks = float(spec.option("delay_between_chunks", 0) or 0)  # type: ignore[arg-type]
        chunk_size = spec.option("chunk_size")
        if chunk_size is None and delay_chunks:
            chunk_size = DEFAULT_CHUNK_SIZE  # a delay between 64 KiB blocks would skip most small bodies
        drop = spec.option("drop_after_bytes")
        return cls(float(spec.option("delay_first_byte", 0) or 0),  # type: ignore[arg-type]
                   Pacing(delay_chunks, None if chunk_size is None else int(chunk_size),  # type: ignore[call-overload]
                          None if drop is None else int(drop)))  # type: ignore[call-overload]

    @property
    def any(self) -> bool:
        return bool(self.delay_first_byte) or self.pacing != NO_PACING


def faults_middleware(faults: Faults):
    @web.middleware
    async def apply_faults(request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        if not faults.any:
            return response
        if faults.delay_first_byte:
            await asyncio.sleep(faults.delay_first_byte)  # nothing of the response has gone out yet
        if isinstance(response, StreamedBody):
            response.pacing = faults.pacing
        elif isinstance(response, web.Response) and not response.prepared and isinstance(response.body, bytes):
            # A plain response (echo's JSON): send the same status, headers and bytes, paced.
            body = response.body
            paced = StreamedBody(status=response.status, reason=response.reason, headers=response.headers,
                                 length=len(body), chunks=bytes_chunks(body))
            paced.pacing = faults.pacing
            return paced
        return response

    return apply_faults
