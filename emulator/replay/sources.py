"""Open a replay input and tell its format from its first bytes: gzip or not, then a W3C log ('#Version' /
'#Fields' or tab-separated lines), logging v2 JSON lines (one object with 'cs-method' a line), a HAR file
(log.entries) or a frontyard history export (requests)."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from emulator.replay import har, history_export, jsonlog, w3c
from emulator.replay.model import Items, Malformed, Overlong

FORMATS = ("w3c", "json-lines", "har", "history")
# A log line is a request's URL (at most 8192 bytes) and a few headers (at most 20 KB), URL-encoded: a line past
# this bound is no log line, and reading it whole (a file of one 1 GB line) would hold it all in memory.
MAX_LINE = 1 << 20
# A HAR file or a history export is one JSON document, parsed whole: beyond this it is refused, not read.
MAX_DOCUMENT = 256 << 20


class InputError(ValueError):
    """The input cannot be opened or is no format replay reads (a malformed line is not this: it is counted)."""


@dataclass
class Source:
    path: Path
    format: str
    size: int  # bytes on disk, for the progress bar
    _stream: IO[bytes]

    def position(self) -> int:
        """Bytes of the file read so far (of the compressed file for .gz)."""
        return self._stream.tell()

    def items(self) -> Items:
        with self._stream, _text(self.path, self._stream) as text:
            yield from self._items(text)

    def _items(self, text: io.TextIOWrapper) -> Items:
        if self.format == "w3c":
            yield from w3c.read(_lines(text))
        elif self.format == "json-lines":
            yield from jsonlog.read(_lines(text))
        else:
            data = text.read(MAX_DOCUMENT + 1)
            if len(data) > MAX_DOCUMENT:
                yield Malformed(1, f"a JSON document larger than {MAX_DOCUMENT >> 20} MiB is not read")
                return
            try:
                doc = json.loads(data)
            except json.JSONDecodeError as exc:
                yield Malformed(exc.lineno, f"not a JSON document ({exc})")
                return
            except RecursionError:
                yield Malformed(1, "not a JSON document (nested too deeply)")
                return
            del data
            yield from (har.read(doc) if self.format == "har" else history_export.read(doc))


def _lines(text: io.TextIOWrapper, limit: int = MAX_LINE) -> Iterator[str]:
    """The file's lines, each read at most `limit` characters at a time: a longer line is skipped to its end and
    stands as an `Overlong`, so memory stays bounded whatever the file holds."""
    while line := text.readline(limit + 1):
        if len(line) <= limit or line.endswith("\n"):
            yield line
            continue
        while (rest := text.readline(limit)) and not rest.endswith("\n"):
            pass
        yield Overlong(limit)


def open_source(path: Path, format: str | None = None) -> Source:
    found = format or _detect(path)
    try:
        return Source(path, found, path.stat().st_size, path.open("rb"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _text(path: Path, raw: IO[bytes]) -> io.TextIOWrapper:
    head = raw.peek(2)[:2] if isinstance(raw, io.BufferedReader) else b""
    stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw
    # A log line with bytes that are not UTF-8 stays readable (its line is reported if it then fails).
    return io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")


def _detect(path: Path) -> str:
    head = _head(path)
    first = next((line.strip() for line in head.splitlines() if line.strip()), "")
    if first.startswith("#") or "\t" in first:
        return "w3c"
    if first.startswith("{"):
        try:
            row = json.loads(first)
        except (json.JSONDecodeError, RecursionError):
            row = None
        if isinstance(row, dict) and "cs-method" in row:
            return "json-lines"
        return "har" if '"log"' in head and '"entries"' in head else "history"
    if first.startswith("["):
        return "history"
    raise InputError(f"{path}: not a CloudFront access log, a logging v2 JSON file, a HAR file nor a frontyard "
                     f"history export (it starts with {first[:40]!r})")


def _head(path: Path, size: int = 65536) -> str:
    """The first bytes of the file as text, through gzip when it is gzipped."""
    try:
        with path.open("rb") as raw:
            data = raw.read(size)
            if data[:2] == b"\x1f\x8b":
                raw.seek(0)
                with gzip.GzipFile(fileobj=raw) as unzipped:
                    data = unzipped.read(size)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return data.decode("utf-8", errors="replace")
