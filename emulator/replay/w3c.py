"""CloudFront standard access logs: the tab-separated W3C format of standard logging (legacy) and v2's W3C output,
plain or gzipped, read by the names on its `#Fields:` line (so a v2 selection of fields reads too).

AWS, "Standard logging reference" (Log file fields): "The log file for a distribution contains 33 fields. The
following list contains each field name, in order, along with a description of the information in that field":
date, time, x-edge-location, sc-bytes, c-ip, cs-method, cs(Host), cs-uri-stem, sc-status, cs(Referer),
cs(User-Agent), cs-uri-query, cs(Cookie), x-edge-result-type, x-edge-request-id, x-host-header, cs-protocol,
cs-bytes, time-taken, x-forwarded-for, ssl-protocol, ssl-cipher, x-edge-response-result-type,
cs-protocol-version, fle-status, fle-encrypted-fields, c-port, time-to-first-byte, x-edge-detailed-result-type,
sc-content-type, sc-content-len, sc-range-start, sc-range-end. Absent values are '-'.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from urllib.parse import unquote

from emulator.replay.model import Items, LoggedRequest, Malformed

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
    if not method.isalpha():
        return Malformed(number, f"cs-method '{row['cs-method']}' is not an HTTP method")
    path = row["cs-uri-stem"]
    if not path.startswith("/"):
        return Malformed(number, f"cs-uri-stem '{path}' does not start with '/'")
    version = _value(row, "cs-protocol-version") or "HTTP/1.1"
    return LoggedRequest(
        line=number, method=method, host=_value(row, "x-host-header") or _value(row, "cs(Host)") or "",
        path=path, query=_value(row, "cs-uri-query") or "", headers=_headers(row),
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


def _timestamp(row: Mapping[str, str]) -> float | None:
    """'date' and 'time' (UTC), or logging v2's 'timestamp' (epoch seconds with milliseconds)."""
    if (epoch := _value(row, "timestamp")) is not None:
        try:
            return float(epoch)
        except ValueError:
            raise ValueError(f"timestamp '{epoch}' is not epoch seconds") from None
    date, time = _value(row, "date"), _value(row, "time")
    if date is None or time is None:
        return None
    try:
        return datetime.strptime(f"{date} {time}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC).timestamp()
    except ValueError:
        raise ValueError(f"date/time '{date} {time}' is not YYYY-MM-DD HH:MM:SS") from None


def _headers(row: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The request headers a log records. User-Agent and Referer are logged URL-encoded ('%20' for a space)."""
    out = []
    for name, field, encoded in (("User-Agent", "cs(User-Agent)", True), ("Referer", "cs(Referer)", True),
                                 ("Cookie", "cs(Cookie)", False), ("X-Forwarded-For", "x-forwarded-for", False)):
        if (value := _value(row, field)) is not None:
            out.append((name, unquote(value) if encoded else value))
    return tuple(out)
