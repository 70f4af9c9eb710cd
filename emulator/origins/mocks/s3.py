"""`s3`: a local folder served like an S3 bucket's REST endpoint (what an s3_origin talks to).

Read-only and anonymous, as CloudFront sees a bucket through OAC: GET and HEAD of objects with S3's
validators, conditional requests and Range; S3's XML errors. A bucket is private unless `list: true`:
without s3:ListBucket S3 answers a missing key with 403 AccessDenied (so as not to reveal what exists),
with it 404 NoSuchKey. There are no index documents on this endpoint: `GET /` is a bucket listing, which
a private bucket refuses and `list: true` answers with a ListBucketResult.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from emulator.config.model import MockSpec
from emulator.origins.mocks import Handler, MockType, OptionSpec
from emulator.origins.mocks.body import StreamedBody, bytes_chunks
from emulator.origins.mocks.keys import key_from_path
from emulator.origins.mocks.listing import list_bucket
from emulator.origins.mocks.objects import EtagCache, lookup, object_response
from emulator.origins.mocks.s3_errors import (
    RequestIds,
    S3Error,
    access_denied,
    method_not_allowed,
    no_such_key,
    xml_response,
)


def _refusal(method: str, request: web.Request) -> S3Error:
    """What S3 answers an anonymous caller for anything but GET/HEAD."""
    if method in ("PUT", "DELETE"):
        return access_denied()  # writes are refused by the bucket policy, not by the protocol
    if method == "OPTIONS":
        if "Origin" not in request.headers:
            return S3Error(400, "BadRequest", "Insufficient information. Origin request header needed.")
        return S3Error(403, "CORSResponse", "CORS is not enabled for this bucket.")
    return method_not_allowed(method)


def make_handler(spec: MockSpec) -> Handler:
    root = spec.base_dir / str(spec.option("root"))
    listable = bool(spec.option("list", False))
    etags = EtagCache()

    async def handle(request: web.Request) -> web.StreamResponse:
        ids = RequestIds.new()
        if request.method not in ("GET", "HEAD"):
            return xml_response(_refusal(request.method, request), ids)
        key = key_from_path(request.raw_path)
        if key == "":
            if not listable:
                return xml_response(access_denied(), ids)
            body = await asyncio.to_thread(list_bucket, root, request.query, etags)
            return StreamedBody(headers={**ids.headers(), "Content-Type": "application/xml"}, length=len(body),
                                chunks=bytes_chunks(body))
        found = None if key is None else await asyncio.to_thread(lookup, root, key, etags)
        if found is None:
            return xml_response(no_such_key(key or "") if listable else access_denied(), ids)
        return object_response(request, found, ids, xml_response)

    return handle


MOCK = MockType(
    "s3",
    {
        "root": OptionSpec("path", required=True, help="folder served as the bucket"),
        "list": OptionSpec("bool", help="grant s3:ListBucket: missing keys give 404 NoSuchKey instead of 403 "
                                        "AccessDenied, and GET / lists the bucket (default false)"),
    },
    make_handler,
    serves_files=True,
)


def make_app(spec: MockSpec) -> web.Application:
    return MOCK.make_app(spec)
