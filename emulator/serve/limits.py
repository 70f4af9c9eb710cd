"""Stage 0: what CloudFront refuses before any distribution is chosen (AWS: "Quotas").

Pure checks over the request as the HTTP parser delivered it. The parser itself (serve/server.py) is set to
limits no lower than CloudFront's, so these are the rules that decide: a URL over 8,192 bytes or a request
line plus headers over 20,480 bytes is 413 and the connection is closed; a request line without an HTTP/1.x
version (HTTP/0.9 `GET /`, `HTTP/2.0` spoken as text) is 400. So is what names no resource of a distribution:
the asterisk-form `OPTIONS *` (a question to the server itself, which an edge does not forward), an empty Host
or one whose port is not ASCII digits (RFC 9110 "Host and :authority": a server responds 400 to an invalid
Host). An expectation other than 100-continue is 417 (RFC 9110 "Expect"): AWS documents none of these answers,
so the edge refuses them itself with its own page rather than pass them on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from emulator.decisions import REASON_BAD_REQUEST, EdgeError

MAX_URL_BYTES = 8192
MAX_REQUEST_BYTES = 20480  # request line + headers, excluding the body
REASON_TOO_LARGE = "Request Entity Too Large."
# What the parser may accept before our own checks decide (a little slack so that the 413 is ours).
PARSER_MAX_LINE = MAX_URL_BYTES + 64
PARSER_MAX_FIELD = MAX_REQUEST_BYTES
PARSER_MAX_HEADERS = MAX_REQUEST_BYTES // 4  # the shortest header line, "a:" CRLF, is 4 bytes
# ASCII digits only: str.isdigit() would take '²' or '٣'. None at all is no port (RFC 3986 "Port": "port = *DIGIT";
# "URI producers and normalizers should omit the port component and its ':' delimiter if port is empty").
_PORT = re.compile(rb"[0-9]{0,5}")



def refusal(status: int, why: str) -> EdgeError:
    """A request refused before any distribution is chosen (the parser, stage 0, or our own bug): 413 for what is
    too large, otherwise the 400 page's reason line."""
    return EdgeError(status, REASON_TOO_LARGE if status == 413 else REASON_BAD_REQUEST, "InvalidRequest", why)

def request_size(method: str, target: str, raw_headers: Iterable[tuple[bytes, bytes]]) -> int:
    """Bytes of the request line and headers as CloudFront counts them (canonical `Name: value` CRLF)."""
    line = len(method) + 1 + _url_bytes(target) + len(" HTTP/1.1") + 2
    return line + sum(len(name) + len(value) + 4 for name, value in raw_headers) + 2


def _url_bytes(target: str) -> int:
    return len(target) if target.isascii() else len(target.encode("utf-8", "surrogateescape"))


def check_request(method: str, target: str, version: tuple[int, int],
                  raw_headers: Iterable[tuple[bytes, bytes]]) -> EdgeError | None:
    if version not in ((1, 0), (1, 1)):
        return EdgeError(400, "Bad request.", "InvalidRequest",
                         f"HTTP/{version[0]}.{version[1]} request line: only HTTP/1.0 and HTTP/1.1 are spoken here")
    url = _url_bytes(target)
    if url > MAX_URL_BYTES:
        return EdgeError(413, REASON_TOO_LARGE, "InvalidRequest",
                         f"the URL is {url:,} bytes; CloudFront's limit is {MAX_URL_BYTES:,}")
    size = request_size(method, target, raw_headers)
    if size > MAX_REQUEST_BYTES:
        return EdgeError(413, REASON_TOO_LARGE, "InvalidRequest",
                         f"the request line and headers are {size:,} bytes; CloudFront's limit is "
                         f"{MAX_REQUEST_BYTES:,}")
    if target == "*":
        return EdgeError(400, "Bad request.", "InvalidRequest",
                         f"'{method} *' (asterisk-form) asks about the server, not a resource: not forwarded")
    return _header_problem(raw_headers)


def _header_problem(raw_headers: Iterable[tuple[bytes, bytes]]) -> EdgeError | None:
    for name, value in raw_headers:
        lower = name.lower()
        if lower == b"host" and (problem := _host_problem(value.strip())):
            return EdgeError(400, "Bad request.", "InvalidRequest", f"Host {value.decode('latin-1')!r}: {problem}")
        # An empty Expect asks for nothing: it is dropped like any header the edge does not forward.
        if lower == b"expect" and value.strip() and value.strip().lower() != b"100-continue":
            return EdgeError(417, "Expectation Failed.", "InvalidRequest",
                             f"Expect {value.decode('latin-1')!r}: the only expectation an edge meets is "
                             "100-continue")
    return None


def _host_problem(host: bytes) -> str | None:
    if not host:
        return "empty"
    if not host.isascii():
        return "not ASCII (a hostname is sent in its ASCII, punycode form)"
    port = host.rpartition(b"]")[2] if host.startswith(b"[") else host
    if b":" in port and not _PORT.fullmatch(port.rpartition(b":")[2]):
        return "the port is not a number"
    return None


def origin_form(target: str) -> str:
    """`http://other/x?y` (absolute-form) -> `/x?y`: origins get origin-form, as from CloudFront."""
    if target.startswith("/"):
        return target
    parts = urlsplit(target)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return target
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
