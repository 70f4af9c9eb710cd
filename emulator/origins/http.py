"""Sending origin requests: one shared aiohttp client per Emulator, CloudFront's timeouts and attempts,
and failures mapped to what CloudFront answers (reference §8) with the precise cause kept for the trace.

Retry rules (§8): a failed connection is retried up to connection_attempts for every method (nothing was
sent yet); a read timeout is retried only for GET and HEAD. A request whose streamed body has started to
go out is never retried, because the body cannot be replayed.
"""

from __future__ import annotations

import functools
import ssl
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp.client_proto import ResponseHandler
from aiohttp.http_parser import RawResponseMessage
from aiohttp.streams import StreamReader
from yarl import URL

from emulator.errors import OriginConnectError, OriginError, OriginTimeoutError, OriginTLSError
from emulator.http import Body, EdgeResponse, Headers, OriginRequest, Scheme, freeze
from emulator.origins.tls_errors import describe_certificate_error, describe_handshake_error, verify_either_name
from emulator.tls import LocalCA

CHUNK = 64 * 1024
MAX_RESPONSE_HEAD = 20480  # an origin response's status line and headers (reference §13)
VERIFIED_FOR = 30.0  # seconds an either-name certificate check is trusted for the same address and name


class _OneShotBody:
    """Wraps a streamed body so we know whether any of it was consumed (and so can't be retried)."""

    def __init__(self, body: Body) -> None:
        self._body = body
        self.started = False

    def payload(self) -> bytes | AsyncIterator[bytes] | None:
        if isinstance(self._body, bytes):
            # None, not b"": aiohttp would announce an empty body with Content-Length: 0, which CloudFront
            # does not add to a request that had no body.
            return self._body or None
        return self._stream()

    async def _stream(self) -> AsyncIterator[bytes]:
        assert not isinstance(self._body, bytes)
        async for chunk in self._body:
            self.started = True
            yield chunk


class _InterimAwareHandler(ResponseHandler):
    """aiohttp's connection protocol, keeping the origin read timeout running across a 1xx interim response.

    aiohttp starts sock_read once the request (with its body) is out and restarts it on every byte received,
    but it drops the timer when a response without a body is parsed, which a 1xx is: a `103 Early Hints`
    followed by silence waited forever instead of read_timeout. Re-armed here, for the final response. (Per
    connection, not per request: no per-request tracing hooks or extra timers on the hot path.)"""

    _interim = False

    def feed_data(self, data: tuple[RawResponseMessage, StreamReader], size: int = 0) -> None:
        super().feed_data(data, size)
        code = data[0].code
        self._interim = 100 <= code < 200 and code != 101

    def data_received(self, data: bytes) -> None:
        self._interim = False
        super().data_received(data)
        if self._interim:
            self._reschedule_timeout()


class _Connector(aiohttp.TCPConnector):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # aiohttp >= 3.14, < 4 (pinned): the factory of each connection's protocol.
        self._factory = functools.partial(_InterimAwareHandler, loop=self._loop)


class OriginClient:
    """Owns the connection pool to origins. Use as an async context manager."""

    def __init__(self, ca: LocalCA | None = None, keepalive_timeout: float = 5) -> None:
        self._ca = ca
        self._keepalive = keepalive_timeout
        # One context per (origin_ssl_protocols, hostname check), built on first use.
        self._contexts: dict[tuple[tuple[str, ...], bool], ssl.SSLContext] = {}
        # (address, server name, protocols) whose certificate passed the either-name check, and until when.
        self._verified: dict[tuple[str, int, str, tuple[str, ...]], float] = {}
        self._session: aiohttp.ClientSession | None = None

    def _context(self, protocols: tuple[str, ...], check_hostname: bool = True) -> ssl.SSLContext:
        key = (protocols, check_hostname)
        if key not in self._contexts:
            ctx = self._ca.client_context(protocols) if self._ca else ssl.create_default_context()
            ctx.check_hostname = check_hostname
            self._contexts[key] = ctx
        return self._contexts[key]

    async def _tls_for(self, req: OriginRequest) -> ssl.SSLContext | bool:
        """The context for this request; raises OriginTLSError when the certificate would be refused."""
        if req.scheme is not Scheme.HTTPS:
            return False
        if req.server_name == req.domain_name:
            return self._context(req.ssl_protocols)  # the ordinary hostname check says it all
        key = (req.connect_host, req.connect_port, req.server_name, req.ssl_protocols)
        now = time.monotonic()
        if self._verified.get(key, 0.0) < now:
            cause = await verify_either_name(req, self._context(req.ssl_protocols, check_hostname=False))
            if cause is not None:
                raise OriginTLSError(502, "OriginConnectError", f"{_where(req)}: {cause}")
            self._verified[key] = now + VERIFIED_FOR
        return self._context(req.ssl_protocols, check_hostname=False)

    async def __aenter__(self) -> OriginClient:
        # No cookie jar, no auto decompression, no proxies from the environment: a CDN passes bytes through.
        self._session = aiohttp.ClientSession(
            cookie_jar=aiohttp.DummyCookieJar(), auto_decompress=False, trust_env=False,
            connector=_Connector(limit=0, keepalive_timeout=self._keepalive),
            skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
            # CloudFront reads up to 20,480 bytes of status line and headers (reference §13), not aiohttp's
            # 8,190-byte lines; what is larger is judged below, with CloudFront's 502.
            max_line_size=MAX_RESPONSE_HEAD, max_field_size=MAX_RESPONSE_HEAD,
            max_headers=MAX_RESPONSE_HEAD // 4,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch(self, req: OriginRequest) -> tuple[EdgeResponse, int]:
        """Send the request; returns the streaming response and the attempt that succeeded.

        Raises OriginError (502/504) with CloudFront's result type and the precise cause."""
        assert self._session is not None, "OriginClient used outside 'async with'"
        body = _OneShotBody(req.body)
        url = URL.build(scheme=req.scheme.value, host=req.connect_host, port=req.connect_port,
                        path=req.path or "/", query_string=req.query, encoded=True)
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=req.connection_timeout, sock_read=req.read_timeout)
        tls = await self._tls_for(req)
        failure: OriginError | None = None
        for attempt in range(1, req.connection_attempts + 1):
            try:
                response = await self._session.request(
                    req.method, url, headers=_same_case(req.headers), data=body.payload(), timeout=timeout,
                    allow_redirects=False, compress=None, chunked=None, ssl=tls,
                    server_hostname=req.server_name if req.scheme is Scheme.HTTPS else None,
                )
            except aiohttp.ConnectionTimeoutError:
                failure = OriginTimeoutError(504, "OriginCommError",
                                             f"connecting to {_where(req)} timed out after {req.connection_timeout}s")
                retry = not body.started
            except aiohttp.ClientConnectorDNSError as exc:
                failure = OriginConnectError(502, "OriginDnsError",
                                             f"cannot resolve {req.connect_host}: {exc.os_error}")
                retry = not body.started
            except aiohttp.ClientConnectorCertificateError as exc:
                cause = await describe_certificate_error(req, exc.certificate_error)
                failure = OriginTLSError(502, "OriginConnectError", f"{_where(req)}: {cause}")
                retry = False  # a certificate does not get better on a second try
            except (aiohttp.ClientConnectorSSLError, aiohttp.ClientSSLError) as exc:
                cause = describe_handshake_error(req, exc)
                failure = OriginTLSError(502, "OriginConnectError", f"{_where(req)}: {cause}")
                retry = False
            except aiohttp.ClientConnectorError as exc:
                failure = OriginConnectError(502, "OriginConnectError",
                                             f"cannot connect to {_where(req)}: {exc.os_error.strerror or exc}")
                retry = not body.started
            except (aiohttp.SocketTimeoutError, TimeoutError):  # sock_read (also after a 1xx: see above)
                failure = OriginTimeoutError(504, "OriginCommError", f"{_where(req)} sent no response within the "
                                             f"origin read timeout of {req.read_timeout}s")
                retry = req.method in ("GET", "HEAD") and not body.started
            except aiohttp.ClientResponseError as exc:  # not HTTP: a bad status line or malformed headers
                first = str(exc.message).strip().splitlines()[0] if str(exc.message).strip() else "unparsable"
                too_big = "Got more than" in str(exc.message) or "Too many headers" in str(exc.message)
                what = f"sent more than CloudFront's {MAX_RESPONSE_HEAD:,} bytes of headers" if too_big else \
                    f"answered something that is not a valid HTTP response ({first.strip(' :')})"
                failure = OriginConnectError(502, "OriginInvalidResponseError", f"{_where(req)} {what}")
                retry = False
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, aiohttp.ClientPayloadError) as exc:
                failure = OriginConnectError(502, "OriginReadError",
                                             f"{_where(req)} closed the connection before responding ({exc})")
                retry = req.method in ("GET", "HEAD") and not body.started
            else:
                if (invalid := _invalid_response(response)) is not None:
                    response.close()  # never reused: what follows on this connection cannot be trusted
                    failure = OriginConnectError(502, "OriginInvalidResponseError", f"{_where(req)} {invalid}")
                    break
                headers = freeze(response.headers)
                return EdgeResponse(response.status, response.reason or "", headers, _stream(response),
                                    release=_releaser(response)), attempt
            if not retry:
                break
        assert failure is not None
        failure.cause += f" (attempt {attempt} of {req.connection_attempts})"
        raise failure


def _same_case(headers: Headers) -> Headers:
    """Repeats of a header spelled in one case: aiohttp's session merges `X-A` and `x-a` by a case-sensitive
    name check, so every value but the last was lost."""
    names = [name for name, _ in headers.items()]
    if len({n.lower() for n in names}) == len(names):
        return headers
    first: dict[str, str] = {}
    return freeze((first.setdefault(name.lower(), name), value) for name, value in headers.items())


def _invalid_response(response: aiohttp.ClientResponse) -> str | None:
    """Why CloudFront would not pass this response on (502), or None."""
    if not 100 <= response.status <= 599:
        return f"answered with status {response.status}, outside HTTP's 100-599"
    size = len(f"HTTP/1.1 {response.status} {response.reason or ''}") + 2 + 2
    size += sum(len(name) + 2 + len(value) + 2 for name, value in response.raw_headers)
    if size > MAX_RESPONSE_HEAD:
        return f"sent {size:,} bytes of status line and headers; CloudFront's limit is {MAX_RESPONSE_HEAD:,}"
    return None


def _where(req: OriginRequest) -> str:
    name = req.domain_name
    addr = f"{req.connect_host}:{req.connect_port}"
    return f"origin {name} ({addr})" if req.connect_host != name else f"origin {addr}"


async def _stream(response: aiohttp.ClientResponse) -> AsyncIterator[bytes]:
    async for chunk in response.content.iter_chunked(CHUNK):
        yield chunk


def _releaser(response: aiohttp.ClientResponse):
    async def release() -> None:
        # release() returns a fully read connection to the pool and closes a half-read one.
        response.release()

    return release
