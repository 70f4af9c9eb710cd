"""The framing the runner and its worker processes speak (worker.py describes the protocol).

Kept apart from worker.py so that `python -m emulator.cf_functions.worker` is not imported twice.
"""

from __future__ import annotations

import os
import pickle
import struct
from typing import Any

_HEADER = struct.Struct(">I")
EXIT_OVERRUN = 70  # the watchdog stopped an invocation or a context build that ran past its limit


def encode_frame(message: object) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def split_frames(buffer: bytearray) -> list[Any]:
    """Take every complete frame off the front of `buffer`."""
    out = []
    while len(buffer) >= _HEADER.size:
        (size,) = _HEADER.unpack_from(buffer)
        if len(buffer) < _HEADER.size + size:
            break
        out.append(pickle.loads(buffer[_HEADER.size : _HEADER.size + size]))
        del buffer[: _HEADER.size + size]
    return out


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
