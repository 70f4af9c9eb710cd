"""CloudFront standard access logs: the tab-separated W3C format of standard logging (legacy) and v2's W3C output,
plain or gzipped, read by the names on its `#Fields:` line (so a v2 selection of fields reads too).

AWS, "Standard logging reference" (Log file fields): "The log file for a distribution contains 33 fields. The
following list contains each field name, in order, along with a description of the information in that field":
date, time, x-edge-location, sc-bytes, c-ip, cs-method, cs(Host), cs-uri-stem, sc-status, cs(Referer),
cs(User-Agent), cs-uri-query, cs(Cookie), x-edge-result-type, x-edge-request-id, x-host-header, cs-protocol,
cs-bytes, time-taken, x-forwarded-for, ssl-protocol, ssl-cipher, x-edge-response-result-type,
cs-protocol-version, fle-status, fle-encrypted-fields, c-port, time-to-first-byte, x-edge-detailed-result-type,
sc-content-type, sc-content-len, sc-range-start, sc-range-end. Absent values are '-'.

The same page's "Log file format": log files "Contain URL-encoded equivalents for spaces and certain other
characters in field values", namely "ASCII character codes 0 through 32, inclusive", "ASCII character codes 127 and
higher" and a table that includes '%' (%25). So every value is decoded once: a viewer's `/a%20b` is logged
`/a%2520b` and replays as `/a%20b`, a space in a Cookie or User-Agent as `%20`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import unquote

from emulator.replay.model import Items, LoggedRequest, Malformed, Overlong

# The fields of a legacy log, in AWS's order: used when a file has lost its '#Fields:' line.
_LEGACY = ("date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) "
           "cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol "
           "cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type "
           "cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte "
           "x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end")
FIELDS = tuple(_LEGACY.split(" "))
_NEEDED = ("cs-method", "cs-uri-stem")
_SECURE = {"https", "wss", "grpcs"}


def read(lines: Iterable[str]) -> Items:
    """Every request of a W3C log; header lines set the field names, other '#' lines are skipped."""
    fields: tuple[str, ...] | list[str] = FIELDS
    for number, raw in enumerate(lines, 1):
        if isinstance(raw, Overlong):
            yield Malformed(number, raw.reason)
            continue
        line = raw.rstrip("\r\n")
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#Fields:"):
                fields = line[len("#Fields:"):].split()
            continue
        values = line.split("\t")
        if len(values) != len(fields):
            yield Malformed(number, f"{len(values)} tab-separated values, the #Fields line names {len(fields)}")
            continue
        yield from_fields(number, dict(zip(fields, values, strict=True)))


def from_fields(number: int, row: Mapping[str, str]) -> LoggedRequest | Malformed:
    """One log record by field name (the W3C line's, or a JSON object's from logging v2)."""
    missing = [name for name in _NEEDED if not _value(row, name)]
    if missing:
        return Malformed(number, f"no {', '.join(missing)}")
    try:
        status = _int(row, "sc-status")
        size = _int(row, "sc-content-len")
        if size is None:
            size = _int(row, "sc-bytes")
        when = _timestamp(row)
    except ValueError as exc:
        return Malformed(number, str(exc))
    method = row["cs-method"].upper()
    if not (method.isascii() and method.isalpha()):
        return Malformed(number, f"cs-method '{row['cs-method']}' is not an HTTP method")
    path = _decoded(row["cs-uri-stem"])
    if not path.startswith("/"):
        return Malformed(number, f"cs-uri-stem '{path}' does not start with '/'")
    version = _value(row, "cs-protocol-version") or "HTTP/1.1"
    return LoggedRequest(
        line=number, method=method, host=_decoded(_value(row, "x-host-header") or _value(row, "cs(Host)") or ""),
        path=path, query=_decoded(_value(row, "cs-uri-query") or ""), headers=_headers(row),
        scheme="https" if (_value(row, "cs-protocol") or "https").lower() in _SECURE else "http",
        http_version=version.removeprefix("HTTP/"), client_ip=_value(row, "c-ip") or "127.0.0.1",
        country=_value(row, "c-country"), timestamp=when, status=status or None, size=size,
        content_type=_value(row, "sc-content-type"), result=_value(row, "x-edge-result-type"),
        behavior=_value(row, "cache-behavior-path-pattern"))


def _value(row: Mapping[str, str], name: str) -> str | None:
    value = row.get(name)
    if value is None:
        return None
    value = str(value)
    return None if value in ("-", "") else value


def _int(row: Mapping[str, str], name: str) -> int | None:
    value = _value(row, name)
    if value is None:
        return None
    if not value.isdigit():
        raise ValueError(f"{name} '{value}' is not a number")
    return int(value)


_LAST_SECOND = 253402300799.0  # 9999-12-31 23:59:59 UTC: what a Date header can still say


def _timestamp(row: Mapping[str, str]) -> float | None:
    """'date' and 'time' (UTC), or logging v2's 'timestamp' (epoch seconds with milliseconds)."""
    if (epoch := _value(row, "timestamp")) is not None:
        try:
            when = float(epoch)
        except ValueError:
            raise ValueError(f"timestamp '{epoch}' is not epoch seconds") from None
        if not (math.isfinite(when) and 0 <= when <= _LAST_SECOND):
            raise ValueError(f"timestamp '{epoch}' is not epoch seconds")
        return when
    date, time = _value(row, "date"), _value(row, "time")
    if date is None or time is None:
        return None
    return _day(date) + _seconds(time)


@lru_cache(maxsize=64)
def _day(date: str) -> float:
    """A log covers a few days at most: each date is parsed once."""
    try:
        return datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
    except ValueError:
        raise ValueError(f"date '{date}' is not YYYY-MM-DD") from None


def _seconds(time: str) -> int:
    hours, minutes, seconds = time.split(":") if time.count(":") == 2 else ("x", "", "")
    if not all(len(part) == 2 and part.isascii() and part.isdigit() for part in (hours, minutes, seconds)) or (
            int(hours) > 23 or int(minutes) > 59 or int(seconds) > 60):
        raise ValueError(f"time '{time}' is not HH:MM:SS")
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds)


def _decoded(value: str) -> str:
    return unquote(value) if "%" in value else value


def _headers(row: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The request headers a log records, each value URL-decoded once (see the module's docstring)."""
    out = []
    for name, field in (("User-Agent", "cs(User-Agent)"), ("Referer", "cs(Referer)"), ("Cookie", "cs(Cookie)"),
                        ("X-Forwarded-For", "x-forwarded-for")):
        if (value := _value(row, field)) is not None:
            out.append((name, _decoded(value)))
    return tuple(out)
