"""Compression, one row per CloudFront condition (AWS: "Serve compressed files")."""

from __future__ import annotations

import gzip
from dataclasses import replace

import brotli
import pytest

from emulator.config.model import CacheBehavior
from emulator.config.model.managed import CACHE_POLICIES
from emulator.config.model.policies import ForwardedValues, ItemBehavior, ItemSet
from emulator.http import EdgeResponse, Scheme, ViewerRequest, freeze
from emulator.policies.compression import accepted_encoding, compress, decide, encode
from emulator.policies.forwarding import compile_forwarding

POLICY = {p.name: p for p in CACHE_POLICIES}
BEHAVIOR = CacheBehavior(
    path_pattern="*", target_origin_id="app", compress=True, cache_policy=POLICY["Managed-CachingOptimized"]
)
JS = {"Content-Type": "application/javascript; charset=utf-8", "Content-Length": "5000"}


def viewer(accept: str | None = "gzip, deflate, br", version: str = "1.1") -> ViewerRequest:
    headers = [("Accept-Encoding", accept)] if accept is not None else []
    return ViewerRequest("GET", "/a.js", "", freeze(headers), Scheme.HTTPS, version, "127.0.0.1", 1)


def verdict(behavior: CacheBehavior = BEHAVIOR, request: ViewerRequest | None = None, status: int = 200,
            **headers: str) -> str | None:
    merged = {**JS, **{k.replace("_", "-"): v for k, v in headers.items()}}
    merged = {k: v for k, v in merged.items() if v != "-"}  # "-" deletes a default header
    return decide(behavior, compile_forwarding(behavior), request or viewer(), status,
                  freeze(list(merged.items()))).encoding


@pytest.mark.parametrize(
    ("case", "kwargs", "expected"),
    [
        ("br preferred over gzip", {}, "br"),
        ("gzip only", {"request": viewer("gzip")}, "gzip"),
        ("br with q=0 refused", {"request": viewer("br;q=0, gzip")}, "gzip"),
        ("no Accept-Encoding", {"request": viewer(None)}, None),
        ("deflate only", {"request": viewer("deflate")}, None),
        ("HTTP/1.0 viewer", {"request": viewer("gzip, br", "1.0")}, None),
        ("already encoded", {"Content_Encoding": "gzip"}, None),
        ("any Content-Encoding, even identity", {"Content_Encoding": "identity"}, None),
        ("status 403 compressed", {"status": 403}, "br"),
        ("status 404 compressed", {"status": 404}, "br"),
        ("status 206 not", {"status": 206}, None),
        ("status 500 not", {"status": 500}, None),
        ("image/png not a listed type", {"Content_Type": "image/png"}, None),
        ("no Content-Type", {"Content_Type": "-"}, None),
        ("text/html listed", {"Content_Type": "text/html"}, "br"),
        ("font/woff2 not listed", {"Content_Type": "font/woff2"}, None),
        ("999 bytes too small", {"Content_Length": "999"}, None),
        ("1,000 bytes is the minimum", {"Content_Length": "1000"}, "br"),
        ("10,000,000 bytes is the maximum", {"Content_Length": "10000000"}, "br"),
        ("10,000,001 bytes too big", {"Content_Length": "10000001"}, None),
        ("no Content-Length", {"Content_Length": "-"}, None),
        ("invalid Content-Length", {"Content_Length": "12ab"}, None),
        ("compress off", {"behavior": replace(BEHAVIOR, compress=False)}, None),
        (
            "policy without gzip/br",
            {"behavior": replace(BEHAVIOR, cache_policy=POLICY["Managed-CachingOptimizedForUncompressedObjects"])},
            None,
        ),
        (
            "Accept-Encoding listed in the cache policy",
            {
                "behavior": replace(
                    BEHAVIOR,
                    cache_policy=replace(
                        POLICY["Managed-CachingOptimized"],
                        headers=ItemSet(behavior=ItemBehavior.WHITELIST, items=("accept-encoding",)),
                    ),
                )
            },
            None,
        ),
        (
            "legacy settings: gzip only (Brotli needs a cache policy)",
            {"behavior": replace(BEHAVIOR, cache_policy=None, forwarded_values=ForwardedValues())},
            "gzip",
        ),
        (
            "legacy settings forwarding Accept-Encoding",
            {
                "behavior": replace(
                    BEHAVIOR, cache_policy=None, forwarded_values=ForwardedValues(headers=("accept-encoding",))
                )
            },
            None,
        ),
    ],
)
def test_when_cloudfront_compresses(case: str, kwargs: dict, expected: str | None) -> None:
    assert verdict(**kwargs) == expected, case


@pytest.mark.parametrize(("accept", "normalized"), [
    ("gzip, deflate, br", "br,gzip"), ("br", "br"), ("gzip;q=0.5", "gzip"), ("deflate", None), (None, None),
])
def test_normalized_accept_encoding_for_the_cache_key(accept: str | None, normalized: str | None) -> None:
    assert accepted_encoding(viewer(accept), compile_forwarding(BEHAVIOR)) == normalized


@pytest.mark.parametrize(("etag", "sent"), [
    ('"abc"', 'W/"abc"'),  # strong -> weak
    ('W/"abc"', 'W/"abc"'),  # weak kept
    ("abc", None),  # invalid: removed
])
async def test_etag_conversion(etag: str, sent: str | None) -> None:
    response = EdgeResponse(200, "OK", freeze([*JS.items(), ("ETag", etag)]), b"x" * 5000)
    out = compress(response, "gzip", "GET")
    assert out.headers.get("ETag") == sent
    assert out.headers["Content-Encoding"] == "gzip"
    assert "Content-Length" not in out.headers


async def stream(chunks: list[bytes]):
    for c in chunks:
        yield c


@pytest.mark.parametrize("encoding", ["gzip", "br"])
async def test_encoding_streams_chunk_by_chunk(encoding: str) -> None:
    chunks = [(f"chunk {i} " * 2000).encode() for i in range(5)]
    out = [c async for c in encode(stream(chunks), encoding)]
    assert len(out) >= len(chunks)  # one output per input chunk (flushed), then the end
    decoded = gzip.decompress(b"".join(out)) if encoding == "gzip" else brotli.decompress(b"".join(out))
    assert decoded == b"".join(chunks)
