"""`s3`: a local folder served like an S3 bucket's REST endpoint (what an s3_origin talks to).

Read-only and anonymous, as CloudFront sees a bucket through OAC: GET and HEAD of objects with S3's
validators, conditional requests and Range; S3's XML errors. A bucket is private unless `list: true`:
without s3:ListBucket S3 answers a missing key with 403 AccessDenied (so as not to reveal what exists),
with it 404 NoSuchKey. There are no index documents on this endpoint: `GET /` is a bucket listing, which
a private bucket refuses and `list: true` answers with a ListBucketResult.

With a `bucket_policy` the bucket decides as S3 does instead (s3_access.py): the caller is authenticated (the
edge's SigV4 signature, or anonymous), s3:GetObject decides an object, s3:ListBucket a listing and whether a
missing key is 404 or 403; what decided goes to the edge's trace.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path

from aiohttp import web

from emulator.config.model import MockSpec
from emulator.config.model.access import bucket_of
from emulator.origins.mocks import EDGE, Handler, MockType, OptionSpec
from emulator.origins.mocks.body import StreamedBody, bytes_chunks
from emulator.origins.mocks.keys import key_from_path
from emulator.origins.mocks.listing import list_bucket
from emulator.origins.mocks.objects import EtagCache, lookup, object_response
from emulator.origins.mocks.s3_access import authenticate, authorize
from emulator.origins.mocks.s3_errors import (
    RequestIds,
    S3Error,
    access_denied,
    method_not_allowed,
    no_such_key,
    xml_response,
)
from emulator.origins.s3_policy import Policy, parse


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
    if spec.option("bucket_policy") is not None:
        return _with_policy(spec, parse(spec.option("bucket_policy"))[0], root, etags)

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


def _with_policy(spec: MockSpec, policy: Policy, root: Path, etags: EtagCache) -> Handler:
    async def handle(request: web.Request) -> web.StreamResponse:
        ids = RequestIds.new()
        edge = request.app.get(EDGE)
        notes: list[str] = []

        def answer(error: S3Error) -> StreamedBody:
            if edge is not None:
                edge.decisions.record(ids.request_id, *notes)
            return xml_response(error, ids)

        caller = authenticate(request, edge)
        if isinstance(caller, tuple):
            notes.append(caller[1])
            return answer(caller[0])
        if request.method not in ("GET", "HEAD"):
            return answer(_refusal(request.method, request))  # a read-only folder, whatever the policy
        bucket = f"arn:aws:s3:::{bucket_of(request.headers.get('Host', ''))}"  # Host: the virtual-hosted name
        key = key_from_path(request.raw_path)
        if key == "":
            listing = authorize(policy, caller, "s3:ListBucket", bucket)
            notes.append(listing.explanation)
            if not listing.allowed:
                return answer(access_denied())
            if edge is not None:
                edge.decisions.record(ids.request_id, *notes)
            body = await asyncio.to_thread(list_bucket, root, request.query, etags)
            return StreamedBody(headers={**ids.headers(), "Content-Type": "application/xml"}, length=len(body),
                                chunks=bytes_chunks(body))
        decision = authorize(policy, caller, "s3:GetObject", f"{bucket}/{key or ''}")
        notes.append(decision.explanation)
        if not decision.allowed:
            return answer(access_denied())
        found = None if key is None else await asyncio.to_thread(lookup, root, key, etags)
        if found is None:
            listing = authorize(policy, caller, "s3:ListBucket", bucket)
            notes.append(f"the key does not exist, and {listing.explanation[0].lower()}{listing.explanation[1:]}: "
                         + ("404 NoSuchKey" if listing.allowed else
                            "403 AccessDenied, not 404 (without s3:ListBucket S3 does not tell a missing key)"))
            return answer(no_such_key(key or "") if listing.allowed else access_denied())
        if edge is not None:
            edge.decisions.record(ids.request_id, *notes)
        return object_response(request, found, ids, xml_response)

    return handle


def check(options: Mapping[str, object]) -> list[tuple[str | None, str]]:
    if options.get("bucket_policy") is None:  # absent, or a file the loader could not read (reported there)
        return []
    problems: list[tuple[str | None, str]] = [("bucket_policy", p) for p in parse(options["bucket_policy"])[1]]
    if "list" in options:
        problems.append(("list", "give either 'list' or 'bucket_policy': with a policy, s3:ListBucket decides"))
    return problems


MOCK = MockType(
    "s3",
    {
        "root": OptionSpec("path", required=True, help="folder served as the bucket"),
        "list": OptionSpec("bool", help="grant s3:ListBucket: missing keys give 404 NoSuchKey instead of 403 "
                                        "AccessDenied, and GET / lists the bucket (default false)"),
        "bucket_policy": OptionSpec("document", help="the bucket policy (IAM JSON, inline or a JSON/YAML file), "
                                                     "evaluated for each request as S3 does"),
    },
    make_handler,
    serves_files=True,
    check=check,
)


def make_app(spec: MockSpec) -> web.Application:
    return MOCK.make_app(spec)
