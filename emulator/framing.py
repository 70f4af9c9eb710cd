"""The length a response tells the viewer, made something the edge can honour (serve/server.py sends it).

A viewer-response function or an origin-response Lambda@Edge may set `Content-Length` to anything: another
number than the body's size, several different values, a sign or spaces around it. What goes on the wire must
frame the body the viewer gets, or the viewer reads part of one response as the next (keep-alive) or waits for
bytes that never come. AWS does not say what CloudFront does; here:
  - a usable length (one value, digits, spaces around it allowed as on the wire) is honoured: the viewer gets
    at most that many bytes, and the connection closes when the body was longer or shorter (serve/server.py);
  - an unusable one (several values, not a number) is dropped: the edge frames the body itself.
Residual: a streamed body whose length a function shortened is cut when its next chunk arrives; until then the
viewer holds a complete response, and a request it sends on the same connection meanwhile is lost when the
connection closes (clients send an idempotent request again on a connection closed under it).
"""

from __future__ import annotations

from multidict import CIMultiDict

from emulator.http import Headers, freeze


def expects_body(method: str, status: int) -> bool:
    """Whether the response carries a body on the wire (HEAD, 1xx, 204, 304 do not: their Content-Length, if
    any, describes the GET's body)."""
    return method != "HEAD" and status >= 200 and status not in (204, 304)


def viewer_length(headers: Headers | CIMultiDict[str]) -> tuple[Headers | CIMultiDict[str], int | None, str]:
    """The headers to send, the length to honour (None: none given, aiohttp frames the body), and what was wrong
    with the given one ("" when nothing)."""
    values = headers.getall("Content-Length", [])
    if not values:
        return headers, None, ""
    given = {v.strip(" \t") for v in values}
    if len(given) == 1 and (value := next(iter(given))).isascii() and value.isdigit():
        return headers, int(value), ""
    kept = CIMultiDict(headers)
    kept.popall("Content-Length")
    return freeze(kept), None, f"Content-Length {', '.join(map(repr, values))} is not one length: dropped"


def length_mismatch(length: int, size: int, *, whole: bool = True) -> str:
    """The warning for a body that does not match its Content-Length (both listeners): `size` bytes, the whole
    body's, or (`whole` False) what a stream gave before it was cut past `length`."""
    told = str(size) if whole or size <= length else f"more than {length}"
    return f"Content-Length {length} but a body of {told} bytes: {min(size, length)} sent, then the connection closes"
