"""`s3-website`: a folder served like an S3 static website endpoint (what a custom origin on
`<bucket>.s3-website-<region>.amazonaws.com` talks to). Plain HTTP only, like the real endpoint: an
https-only origin policy toward it fails at the TLS handshake, as in production.

Index document for `/` and `dir/`; `dir` without its slash is redirected (302) to `dir/` when `dir/<index>`
exists; a missing key gets the error document with status 404, or S3's own HTML 404 page when there is
none (saying so when the configured error document is itself missing). Errors are HTML, not XML. Objects
are served as on the REST endpoint (validators, conditional requests, Range), keys resolved the same way.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from aiohttp import web

from emulator.config.model import MockSpec
from emulator.origins.mocks import Handler, MockType, OptionSpec
from emulator.origins.mocks.body import StreamedBody
from emulator.origins.mocks.keys import key_from_path
from emulator.origins.mocks.objects import EtagCache, lookup, object_response
from emulator.origins.mocks.s3_errors import RequestIds, S3Error, html_response, method_not_allowed, no_such_key


def _render(error: S3Error, ids: RequestIds, extra: dict[str, str]) -> StreamedBody:
    return html_response(error, ids, extra=extra)


def check(options: Mapping[str, object]) -> list[tuple[str | None, str]]:
    index = options.get("index_document")
    if index is not None and (str(index) == "" or "/" in str(index)):
        # S3 refuses such a website configuration: the suffix is appended to a key ending in '/'.
        return [("index_document", "must be a non-empty suffix without '/', like index.html")]
    return []


def make_handler(spec: MockSpec) -> Handler:
    root = spec.base_dir / str(spec.option("root"))
    index = str(spec.option("index_document", "index.html"))
    error_key = spec.option("error_document")
    etags = EtagCache()

    async def find(key: str):
        return await asyncio.to_thread(lookup, root, key, etags)

    async def handle(request: web.Request) -> web.StreamResponse:
        ids = RequestIds.new()
        if request.method not in ("GET", "HEAD"):
            return html_response(method_not_allowed(request.method), ids)
        key = key_from_path(request.raw_path)
        if key is not None:
            folder = key == "" or key.endswith("/")
            if folder:
                key += index
            if (found := await find(key)) is not None:
                return object_response(request, found, ids, _render)
            if not folder and await find(f"{key}/{index}") is not None:
                # The "directory" without its slash: S3 redirects to the slash form, keeping the client's
                # own spelling of the path (and dropping the query string).
                location = request.raw_path.partition("?")[0] + "/"
                return StreamedBody(status=302, headers={**ids.headers(), "Location": location}, length=0)
        missing = no_such_key(key or "")
        if error_key is None:
            return html_response(missing, ids)
        if (page := await find(str(error_key))) is not None:
            return object_response(request, page, ids, _render, status=404, conditional=False)
        return html_response(missing, ids, error_document=no_such_key(str(error_key)))

    return handle


MOCK = MockType(
    "s3-website",
    {
        "root": OptionSpec("path", required=True, help="folder served as the bucket"),
        "index_document": OptionSpec("str", help="suffix served for / and dir/ (default index.html)"),
        "error_document": OptionSpec("str", help="key served with 404 when a key is missing"),
    },
    make_handler,
    serves_files=True,
    check=check,
)


def make_app(spec: MockSpec) -> web.Application:
    return MOCK.make_app(spec)
