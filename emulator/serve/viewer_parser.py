"""aiohttp's HTTP/1 server under CloudFront's rules: its parser limits, and its refusals answered as CloudFront.

aiohttp's defaults are lower than CloudFront's (8,190-byte header lines, 128 headers: one 9 KB cookie or
150 small headers got aiohttp's own 400), and what its parser refuses (request smuggling with CL+TE or two
Content-Lengths, obs-fold, NUL/CR in headers, non-ASCII bytes in the path, a missing or doubled Host,
unknown methods) got aiohttp's plain-text page and a traceback in the log. Here the limits are CloudFront's
(serve/limits.py decides 413 vs pass) and every refusal is CloudFront's 400 or 413 page, one access-log
line, and a closed connection.

Depends on aiohttp's RequestHandler.handle_error and web.Server's request_factory (aiohttp 3.x, pinned).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web
from aiohttp.http import HttpVersion10, HttpVersion11, RawRequestMessage
from aiohttp.http_exceptions import BadHttpMessage, LineTooLong
from aiohttp.streams import StreamReader
from aiohttp.web_protocol import RequestHandler, _ErrInfo

from emulator.serve.limits import PARSER_MAX_FIELD, PARSER_MAX_HEADERS, PARSER_MAX_LINE, origin_form

log = logging.getLogger("frontyard")
VERSION_KEY = web.RequestKey("frontyard.http_version", tuple)  # what the viewer sent (the message may say 1.1)

# (request, status, why) -> the page to send; the EdgeServer builds it with the current configuration.
Refusal = Callable[[web.BaseRequest, int, str], web.StreamResponse]


def refusal_status(exc: BaseException | None) -> int:
    """413 for what is over CloudFront's size limits, 400 for anything else the parser refuses."""
    if isinstance(exc, LineTooLong) or (isinstance(exc, BadHttpMessage) and "Too many headers" in str(exc)):
        return 413
    return 400


def first_line(exc: BaseException | None) -> str:
    text = str(exc).strip() if exc is not None else ""
    return text.splitlines()[0].strip(" :") if text else "the request could not be parsed"


class _EdgeRequestHandler(RequestHandler):
    reading: StreamReader | None = None  # the body of the request being handled (EdgeHTTPServer._request)

    def data_received(self, data: bytes) -> None:
        queued = len(self._messages)
        super().data_received(data)
        # A parse error inside a body (a bad chunk size arriving after the headers) makes aiohttp queue a 400 for
        # a next message but leaves the body being read open: the edge, streaming it to the origin, waited for
        # more forever. The body ends here with the parser's error: the origin request fails (502, its cause
        # in the trace) and the connection closes after that answer.
        if len(self._messages) > queued and self.reading is not None and not self.reading.is_eof():
            message = self._messages[-1][0]
            if isinstance(message, _ErrInfo):
                self.reading.set_exception(message.exc)
                self._lingering_time = 0.0  # no draining of a body that cannot be read: the connection closes

    def handle_error(self, request: web.BaseRequest, status: int = 500, exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        if request.writer.output_size > 0:  # as aiohttp: a response is under way, the connection is broken
            raise ConnectionError("Response is sent already, cannot send another response with the error page")
        manager = self._manager
        assert isinstance(manager, EdgeHTTPServer)
        try:
            if status == 500:
                # Not the viewer's fault but our bug: the traceback is logged, the viewer gets CloudFront's 500.
                log.error("internal error handling a request from %s", request.remote, exc_info=exc)
                response = manager.refuse(request, 500, f"internal error: {first_line(exc)}")
            else:
                response = manager.refuse(request, refusal_status(exc), first_line(exc))
        except Exception:  # a bug in the page itself: aiohttp's answer beats a connection left hanging
            log.exception("could not build the error page for a request from %s", request.remote)
            return super().handle_error(request, status, exc, message)
        response.force_close()
        return response


class EdgeHTTPServer(web.Server):
    """web.Server with CloudFront's parser limits and pages (the viewer listeners use it)."""

    def __init__(self, handler: Any, refuse: Refusal, **kwargs: Any) -> None:
        super().__init__(handler, request_factory=self._request, handler_cancellation=True,
                         max_line_size=PARSER_MAX_LINE, max_field_size=PARSER_MAX_FIELD,
                         max_headers=PARSER_MAX_HEADERS, **kwargs)
        self.refuse = refuse

    def __call__(self) -> RequestHandler:
        return _EdgeRequestHandler(self, loop=self._loop, **self._kwargs)

    def _request(self, message: RawRequestMessage, payload: Any, protocol: RequestHandler, writer: Any,
                 task: asyncio.Task[None]) -> web.BaseRequest:
        # HTTP/0.9 or 2.0 spoken as text is refused (limits.py), in an HTTP/1.1 status line, never an
        # "HTTP/0.9 200"; an absolute-form target ("GET http://other/x") goes on in origin-form.
        version = message.version if message.version in (HttpVersion10, HttpVersion11) else HttpVersion11
        fixed = message._replace(version=version, path=origin_form(message.path))
        request = web.BaseRequest(fixed, payload, protocol, writer, task, self._loop)
        if isinstance(protocol, _EdgeRequestHandler):
            protocol.reading = payload
        request[VERSION_KEY] = (message.version.major, message.version.minor)
        return request
