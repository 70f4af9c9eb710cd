"""RFC 6455 frame headers read as the bytes go by, for the trace only: frames are counted and a close frame's code
and reason noted. Nothing is changed, buffered or refused here: payloads are skipped, not copied (only a close
frame's, at most 125 bytes, is read), so the tunnel stays a byte pipe whatever the two ends speak."""

from __future__ import annotations

import itertools
import struct

_ORDER = itertools.count(1)  # which side's close frame came first, across the two directions
CLOSE = 0x8


class FrameScanner:
    """Frames seen in one direction. Bytes that are not frames (a broken peer) just stop the counting."""

    def __init__(self) -> None:
        self.frames = 0
        self.close: str | None = None  # "1000 'bye'" once a close frame went by
        self.close_at = 0
        self._head = b""  # a frame header split across reads
        self._skip = 0  # payload bytes of the current frame still to pass
        self._capture: bytearray | None = None  # a close frame's payload being read
        self._mask = b""
        self._broken = False

    def feed(self, data: bytes) -> None:
        i, n = 0, len(data)
        while i < n and not self._broken:
            if self._skip:
                take = min(self._skip, n - i)
                if self._capture is not None:
                    self._capture += data[i:i + take]
                self._skip -= take
                i += take
                if not self._skip and self._capture is not None:
                    self._closed(bytes(self._capture))
                continue
            self._head += data[i:i + 14]
            parsed = self._header()
            if parsed is None:
                i = n  # everything so far is header bytes kept in _head
                continue
            used_of_new = parsed - (len(self._head) - min(14, n - i))
            i += used_of_new
            self._head = b""

    def _header(self) -> int | None:
        """The header length once all of it is in _head (the frame then counted), else None."""
        head = self._head
        if len(head) < 2:
            return None
        opcode, size = head[0] & 0x0F, head[1] & 0x7F
        masked = head[1] & 0x80
        length = 2 + (2 if size == 126 else 8 if size == 127 else 0) + (4 if masked else 0)
        if len(head) < length:
            return None
        if size == 126:
            size = struct.unpack_from("!H", head, 2)[0]
        elif size == 127:
            size = struct.unpack_from("!Q", head, 2)[0]
        self._mask = head[length - 4:length] if masked else b""
        self.frames += 1
        self._skip = size
        self._capture = bytearray() if opcode == CLOSE and size <= 125 else None
        if opcode > 0xA:
            self._broken = True
        if self._capture is not None and size == 0:
            self._closed(b"")
        return length

    def _closed(self, payload: bytes) -> None:
        self._capture = None
        if self._mask:
            payload = bytes(b ^ self._mask[j % 4] for j, b in enumerate(payload))
        if self.close is not None:
            return
        self.close_at = next(_ORDER)
        if len(payload) < 2:
            self.close = "no code"
            return
        code = struct.unpack_from("!H", payload)[0]
        reason = payload[2:].decode("utf-8", "replace")
        self.close = f"{code} {reason!r}" if reason else str(code)
