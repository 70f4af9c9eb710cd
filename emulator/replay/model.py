"""What every input format becomes: viewer requests as a log recorded them, and the lines that could not be read.

Each reader (w3c, jsonlog, har, history) yields these one at a time, so a file of any length is read in bounded
memory; a line that cannot be read is a `Malformed` with its line number, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class LoggedRequest:
    """One viewer request, with what the log says the edge answered (None where the format does not say)."""

    line: int  # where it was read: the line number (an entry's index for HAR and history)
    method: str
    host: str
    path: str  # without the query string
    query: str  # without '?', "" when absent
    headers: tuple[tuple[str, str], ...] = ()  # those the format carries (User-Agent, Referer, Cookie ...)
    scheme: str = "https"
    http_version: str = "1.1"
    client_ip: str = "127.0.0.1"
    country: str | None = None  # ISO 3166 code, where the format logs one
    timestamp: float | None = None  # epoch seconds
    status: int | None = None  # the status the viewer got
    size: int | None = None  # body bytes the viewer got (sc-content-len, HAR content size), else total bytes
    content_type: str | None = None
    result: str | None = None  # what the edge logged: Hit, Miss, RefreshHit, Error ...
    behavior: str | None = None  # the behavior's path pattern, where the format logs it (logging v2)
    body: bytes = b""  # the request body, where the format keeps it (HAR's postData.text); logs keep none

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path


@dataclass(frozen=True, slots=True)
class Malformed:
    line: int
    reason: str


class Overlong(str):
    """A line cut off at the reader's bound, in place of its text: counted as malformed by the line readers.

    AWS, "Standard logging reference": when "the URL exceeds 8192 bytes" or the headers "exceed 20 KB", CloudFront
    "can't log the request", so a real log line is far shorter than the bound; one past it is not a log line.
    """

    reason: str

    def __new__(cls, limit: int) -> Overlong:
        line = super().__new__(cls, "")
        line.reason = f"line longer than {limit:,} characters: skipped"
        return line


Item = LoggedRequest | Malformed
Items = Iterator[Item]


def each(rows: list[Any], build: Callable[[int, Any], LoggedRequest | Malformed], noun: str) -> Items:
    """The rows of a JSON document (HAR entries, history requests), each built on its own: a broken one is a
    `Malformed` with its 1-based index, never the end of the replay."""
    for index, row in enumerate(rows, 1):
        try:
            yield build(index, row)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            yield Malformed(index, f"{noun} {index}: {type(exc).__name__}: {exc}")
