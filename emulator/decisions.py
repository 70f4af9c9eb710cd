"""What a stage decides, as values every package may use: the edge answers itself (an error page, a redirect, a
function's response), or the request goes on; and how a response was served (the X-Cache word).

They live on the ground floor so that the features' stages and the pipeline that runs them share them without
importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Reason lines observed on real CloudFront error pages (AWS documents the causes: "Troubleshooting error responses from
# your origin").
REASON_BAD_REQUEST = "Bad request."
REASON_METHOD = ("This distribution is not configured to allow the HTTP request method that was used for this "
                 "request. The distribution supports only cachable requests.")
REASON_502 = "CloudFront wasn't able to connect to the origin."
REASON_504 = ("CloudFront attempted to establish a connection with the origin, but either the attempt failed or "
              "the origin closed the connection.")
REASON_FUNCTION = "The CloudFront function associated with the CloudFront distribution is invalid or could not run."


@dataclass(frozen=True)
class EdgeError:
    """A response the edge generates instead of forwarding: status, reason line, and why (for the trace)."""

    status: int
    reason_line: str
    result: str  # x-edge-detailed-result-type, e.g. InvalidRequestMethod, OriginConnectError
    cause: str  # precise human explanation for trace and log


@dataclass(frozen=True)
class Redirect:
    """The viewer protocol policy's answer to HTTP on an HTTPS-only behavior."""

    status: int  # 301 for GET/HEAD, 307 for other methods
    location: str


@dataclass(frozen=True, slots=True)
class Respond:
    """A viewer-request function generated a response: sent as is (X-Cache FunctionGeneratedResponse)."""

    status: int
    description: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


class Result(StrEnum):
    """How a response was served; the X-Cache word."""

    HIT = "Hit"
    REFRESH_HIT = "RefreshHit"
    MISS = "Miss"
