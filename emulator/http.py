"""Typed HTTP values that flow through the pipeline.

Headers are multidict's case-insensitive, ordered, multi-valued dicts: CloudFront keeps repeats and order
(X-Forwarded-For chains, Set-Cookie), which a plain dict would lose.
"""

from __future__ import annotations

import os
import random
from binascii import b2a_base64
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from multidict import CIMultiDict, CIMultiDictProxy, istr

# Names of the headers the edge writes on every request, as the multidict's own key type (aiohttp.hdrs has the
# standard ones): a str key becomes a new istr at each insertion, and the inspector's history keeps every
# request's headers, so each one is an object more to keep and, later, to free cold.
CDN_LOOP = istr("CDN-Loop")
X_AMZ_CF_ID = istr("X-Amz-Cf-Id")
X_AMZ_CF_POP = istr("X-Amz-Cf-Pop")
X_CACHE = istr("X-Cache")

Headers = CIMultiDictProxy[str]
HeaderPairs = tuple[tuple[str, str], ...]  # an ordered list of (name, value), e.g. generated headers
MutableHeaders = CIMultiDict[str]

# A body is either fully known bytes (generated pages) or a stream of chunks (viewer uploads and origin
# downloads, which must never be buffered whole).
Body = bytes | AsyncIterator[bytes]


def freeze(headers: Iterable[tuple[str, str]] | CIMultiDict[str]) -> Headers:
    return CIMultiDictProxy(CIMultiDict(headers))


class Scheme(StrEnum):
    HTTP = "http"
    HTTPS = "https"


@dataclass(frozen=True)
class ViewerRequest:
    """What the viewer sent, as the edge received it."""

    method: str
    raw_path: str  # exactly as sent, without the query string
    query: str  # raw query string without '?', "" when absent
    headers: Headers
    scheme: Scheme
    http_version: str  # "1.0", "1.1", "2.0"
    client_ip: str
    client_port: int
    body: Body = b""
    has_body: bool = False  # Content-Length > 0 or chunked: decided from headers, not by reading
    tls: str | None = None  # "TLSv1.3:TLS_AES_128_GCM_SHA256:fullHandshake" on the HTTPS listener

    def __post_init__(self) -> None:
        if type(self.scheme) is not Scheme:  # "https" given as a plain string must not pass for HTTP later
            object.__setattr__(self, "scheme", Scheme(self.scheme))

    @property
    def host(self) -> str:
        """Host header without the port, lower-cased (DNS names are case-insensitive)."""
        # Read by several stages of every request; kept in the instance's dict (a copy with other headers is a
        # new instance). Not functools.cached_property: on 3.11 it takes a lock on every first access.
        try:
            return self.__dict__["_host"]  # type: ignore[no-any-return]
        except KeyError:
            host = self.__dict__["_host"] = split_host_port(self.headers.get("Host", ""))[0].lower()
            return host

    @property
    def target(self) -> str:
        return self.raw_path + (f"?{self.query}" if self.query else "")


@dataclass(frozen=True)
class OriginRequest:
    """The request the edge sends to an origin: everything needed to put it on the wire."""

    origin_id: str
    scheme: Scheme
    domain_name: str  # the name for Host (unless forwarded), SNI and certificate checks
    connect_host: str  # where the TCP connection goes (resolve map, mock origin, or the domain itself)
    connect_port: int
    method: str
    path: str  # origin path + raw viewer path
    query: str
    headers: Headers
    connection_attempts: int
    connection_timeout: float
    read_timeout: float
    body: Body = b""
    origin_port: int = 80  # the configured http_port / https_port: the port in production
    server_name: str = ""  # SNI and the name the certificate must cover: the domain, or the forwarded Host
    ssl_protocols: tuple[str, ...] = ("TLSv1.2",)
    keepalive_timeout: float = 5.0  # the origin's keep-alive timeout: how long its idle connection is kept

    @property
    def target(self) -> str:
        return self.path + (f"?{self.query}" if self.query else "")

    @property
    def url_for_display(self) -> str:
        """The URL as production would request it (domain name and configured port)."""
        default = 443 if self.scheme is Scheme.HTTPS else 80
        port = "" if self.origin_port == default else f":{self.origin_port}"
        return f"{self.scheme.value}://{self.domain_name}{port}{self.target}"


@dataclass(frozen=True)
class EdgeResponse:
    status: int
    reason: str
    headers: Headers
    body: Body = b""
    # Releases the origin connection when the viewer is done (or gone); None for generated responses.
    release: Callable[[], Awaitable[None]] | None = field(default=None, compare=False)

    async def close(self) -> None:
        """Release the origin connection the body is read from, if it holds one (nobody will read the rest)."""
        if self.release is not None:
            await self.release()

    def with_headers(self, headers: Headers) -> EdgeResponse:
        """The same response with other headers (every stage of the way back does this once: replace() is
        several times slower than the constructor)."""
        return EdgeResponse(self.status, self.reason, headers, self.body, self.release)


def split_host_port(value: str) -> tuple[str, int | None]:
    """Split 'host:port', '[::1]:8080', '::1' or 'host'."""
    value = value.strip()
    if value.startswith("["):
        end = value.find("]")
        if end == -1:
            return value, None
        host, rest = value[1:end], value[end + 1 :]
        return host, int(rest[1:]) if rest.startswith(":") and _digits(rest[1:]) else None
    if value.count(":") == 1:
        host, _, port = value.partition(":")
        return host, int(port) if _digits(port) else None
    return value, None


def _digits(text: str) -> bool:
    """ASCII digits only: str.isdigit() is also true for '²' or '٣', which int() refuses or misreads."""
    return text.isascii() and text.isdigit()


# An identifier, not a secret: a PRNG seeded once from the OS. os.urandom per request is a system call that gives
# up the GIL; while functions ran in threads, winning it back cost ~10 % of the event loop's samples.
_ids = random.Random(os.urandom(32))


_random_bits = _ids.getrandbits
_URL_SAFE = bytes.maketrans(b"+/", b"-_")


def new_request_id() -> str:
    """An X-Amz-Cf-Id lookalike: 56 URL-safe base64 characters ending in '==' (40 random bytes). Written out
    rather than base64.urlsafe_b64encode(randbytes(40)): a third of the time, on every request."""
    return b2a_base64(_random_bits(320).to_bytes(40, "little"), newline=False).translate(_URL_SAFE).decode("ascii")
