"""Headers on the way back to the viewer (reference §7): hop-by-hop handling, Vary and Set-Cookie rules,
then CloudFront's own Via, X-Cache, X-Amz-Cf-Pop and X-Amz-Cf-Id."""

from __future__ import annotations

from collections.abc import Callable
from email.utils import formatdate
from enum import StrEnum

from multidict import CIMultiDict

from emulator.config.model import EmulatorSettings
from emulator.http import Headers, freeze

# Hop-by-hop: meaningful for one connection only. Transfer-Encoding is redone by our server (chunked).
_HOP_BY_HOP = ("Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Trailer", "Upgrade",
               "Proxy-Authenticate")


class CacheResult(StrEnum):
    """X-Cache values; the lower-case 'cloudfront' is what CloudFront sends."""

    MISS = "Miss from cloudfront"
    HIT = "Hit from cloudfront"
    ERROR = "Error from cloudfront"
    REDIRECT = "Redirect from cloudfront"
    FUNCTION = "FunctionGeneratedResponse from cloudfront"


def clean_origin_headers(headers: Headers, forwards_header: Callable[[str], bool],
                         forwards_cookies: bool) -> tuple[CIMultiDict[str], list[str]]:
    """Origin response headers as CloudFront passes them on, plus notes on what it removed."""
    out: CIMultiDict[str] = CIMultiDict(headers)
    notes: list[str] = []
    for name in _HOP_BY_HOP:
        out.popall(name, None)
    if not forwards_cookies and "Set-Cookie" in out:
        out.popall("Set-Cookie")
        notes.append("Set-Cookie removed: the behavior does not forward cookies to the origin")
    if "Vary" in out:
        values = [v.strip() for line in out.popall("Vary") for v in line.split(",") if v.strip()]
        kept = [v for v in values if v.lower() in ("accept-encoding", "cookie") or forwards_header(v)]
        if kept:
            out["Vary"] = ", ".join(kept)
        if len(kept) != len(values):
            removed = [v for v in values if v not in kept]
            notes.append(f"Vary values removed (not forwarded to the origin): {', '.join(removed)}")
    return out, notes


def generated_headers(content_type: str, now: float) -> CIMultiDict[str]:
    """Base headers of a response CloudFront generates itself (errors, redirects)."""
    return CIMultiDict({"Server": "CloudFront", "Date": formatdate(now, usegmt=True),
                        "Content-Type": content_type})


def finalize(headers: CIMultiDict[str], result: CacheResult, settings: EmulatorSettings, request_id: str,
             http_version: str = "1.1") -> Headers:
    ours = f"{http_version} {settings.edge_id}.cloudfront.net (CloudFront)"
    upstream = ", ".join(headers.popall("Via", []))
    headers["Via"] = f"{upstream}, {ours}" if upstream else ours
    headers["X-Cache"] = result.value
    headers["X-Amz-Cf-Pop"] = settings.pop
    headers["X-Amz-Cf-Id"] = request_id
    return freeze(headers)
