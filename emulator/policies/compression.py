"""Edge compression (AWS: "Serve compressed files"): a pure decision, then a streaming encoder.

`decide` says whether and how CloudFront would compress one origin response for one viewer; `compress`
returns the response with its new headers and a body that is encoded chunk by chunk as it streams (never
buffered whole). Brotli is preferred when the viewer accepts both.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

import brotli
from multidict import CIMultiDict

from emulator.config.model import CacheBehavior
from emulator.http import Body, EdgeResponse, Headers, ViewerRequest, freeze
from emulator.policies.forwarding import Forwarding
from emulator.policies.origin_request import normalize_accept_encoding
from emulator.trace import Trace

MIN_SIZE = 1_000
MAX_SIZE = 10_000_000
STATUSES = (200, 403, 404)
CONTENT_TYPES = frozenset((
    "application/dash+xml", "application/eot", "application/font", "application/font-sfnt",
    "application/javascript", "application/json", "application/opentype", "application/otf", "application/pdf",
    "application/pkcs7-mime", "application/protobuf", "application/rss+xml", "application/truetype",
    "application/ttf", "application/vnd.apple.mpegurl", "application/vnd.mapbox-vector-tile",
    "application/vnd.ms-fontobject", "application/wasm", "application/xhtml+xml", "application/xml",
    "application/x-font-opentype", "application/x-font-truetype", "application/x-font-ttf",
    "application/x-httpd-cgi", "application/x-javascript", "application/x-mpegurl", "application/x-opentype",
    "application/x-otf", "application/x-perl", "application/x-ttf", "font/eot", "font/opentype", "font/otf",
    "font/ttf", "image/svg+xml", "text/css", "text/csv", "text/html", "text/javascript", "text/js", "text/plain",
    "text/richtext", "text/tab-separated-values", "text/xml", "text/x-component", "text/x-java-source",
    "text/x-script", "vnd.apple.mpegurl",
))
GZIP_LEVEL = 6
BROTLI_QUALITY = 5  # an edge trades ratio for speed; quality 11 is for build-time precompression


@dataclass(frozen=True)
class Decision:
    encoding: str | None  # "br" | "gzip" | None (sent as the origin sent it)
    reason: str


def accepted_encoding(request: ViewerRequest, fwd: Forwarding) -> str | None:
    """The viewer's Accept-Encoding as CloudFront normalises it for the cache key: 'br,gzip', 'gzip', 'br',
    or None (no compressed variant). This is what a cached compressed copy is stored under."""
    if request.http_version == "1.0":
        return None  # CloudFront removes Accept-Encoding from HTTP/1.0 requests
    value = normalize_accept_encoding(request.headers.get("Accept-Encoding"), fwd.gzip, fwd.brotli)
    return None if value in (None, "identity") else value


def decide(behavior: CacheBehavior, fwd: Forwarding, request: ViewerRequest, status: int,
           headers: Headers) -> Decision:
    """Every condition of AWS's "Conditions for compression", in order; the first that fails is the reason."""
    if not behavior.compress:
        return Decision(None, "the behavior's compress is off")
    if not (fwd.gzip or fwd.brotli):
        return Decision(None, f"the cache policy enables neither gzip nor brotli ({fwd.source})")
    policy, legacy = behavior.cache_policy, behavior.forwarded_values
    if (policy is not None and policy.headers.listed("accept-encoding")) or \
            (legacy is not None and {"accept-encoding", "*"} & set(legacy.headers)):
        return Decision(None, "Accept-Encoding is in the cache key explicitly: CloudFront leaves it to the origin")
    if request.http_version == "1.0":
        return Decision(None, "HTTP/1.0 request: CloudFront drops Accept-Encoding and does not compress")
    accepted = accepted_encoding(request, fwd)
    if accepted is None:
        return Decision(None, "the viewer's Accept-Encoding has no enabled gzip or br")
    if "Content-Encoding" in headers:
        return Decision(None, f"the origin's response is already encoded (Content-Encoding: "
                              f"{headers['Content-Encoding']})")
    if status not in STATUSES:
        return Decision(None, f"status {status} (CloudFront compresses 200, 403 and 404 only)")
    content_type = headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in CONTENT_TYPES:
        return Decision(None, f"Content-Type '{content_type or '(none)'}' is not one CloudFront compresses")
    length = headers.get("Content-Length", "").strip()
    if not length.isdigit():
        return Decision(None, "no valid Content-Length: CloudFront cannot tell the size")
    if not MIN_SIZE <= int(length) <= MAX_SIZE:
        return Decision(None, f"{int(length):,} bytes is outside 1,000-10,000,000")
    encoding = "br" if "br" in accepted.split(",") else "gzip"
    return Decision(encoding, f"{content_type}, {int(length):,} bytes, viewer accepts {accepted}")


def for_viewer(behavior: CacheBehavior, fwd: Forwarding, request: ViewerRequest, response: EdgeResponse,
               trace: Trace) -> EdgeResponse:
    """The origin's response as this viewer gets it: compressed when CloudFront would, with the reason traced."""
    choice = decide(behavior, fwd, request, response.status, response.headers)
    if choice.encoding is None:
        if behavior.compress:
            trace.add("compression", "skipped", choice.reason, behavior.location)
        return response
    trace.add("compression", choice.encoding, choice.reason, behavior.location)
    return compress(response, choice.encoding, request.method)


def compress(response: EdgeResponse, encoding: str, method: str) -> EdgeResponse:
    """The response as the viewer gets it: Content-Encoding set, Content-Length dropped (the length is known
    only at the end: chunked), a strong ETag made weak and an invalid one dropped; the body encoded as it
    streams. A HEAD response gets the headers only."""
    headers = CIMultiDict(response.headers)
    headers.popall("Content-Length", None)
    headers["Content-Encoding"] = encoding
    if (etag := headers.get("ETag")) is not None:
        headers.popall("ETag")
        if etag.startswith("W/"):
            headers["ETag"] = etag
        elif etag.startswith('"') and etag.endswith('"') and len(etag) >= 2:
            headers["ETag"] = f"W/{etag}"
        # anything else is not a valid ETag: CloudFront removes it
    body: Body = b"" if method == "HEAD" else encode(response.body, encoding)
    return replace(response, headers=freeze(headers), body=body)


async def encode(body: Body, encoding: str) -> AsyncIterator[bytes]:
    """Encode chunk by chunk; each chunk is flushed so the viewer gets bytes as the origin sends them."""
    if encoding == "br":
        br = brotli.Compressor(quality=BROTLI_QUALITY)
        process, flush, finish = br.process, br.flush, br.finish
    else:
        gz = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)  # wbits 31: the gzip container
        process, flush, finish = gz.compress, lambda: gz.flush(zlib.Z_SYNC_FLUSH), gz.flush
    chunks = [body] if isinstance(body, bytes) else body
    if isinstance(chunks, list):
        for chunk in chunks:
            if out := process(chunk) + flush():
                yield out
    else:
        async for chunk in chunks:
            if out := process(chunk) + flush():
                yield out
    if tail := finish():
        yield tail
