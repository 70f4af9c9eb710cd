"""Viewer protocol policy and allowed methods (AWS: "Require HTTPS for communication between viewers and CloudFront",
"Cache behavior settings"). Pure."""

from __future__ import annotations

from emulator.config.model import CacheBehavior, ViewerProtocolPolicy
from emulator.decisions import REASON_BAD_REQUEST, REASON_METHOD, EdgeError, Redirect
from emulator.http import Scheme, ViewerRequest


def check_protocol(request: ViewerRequest, behavior: CacheBehavior, https_port: int) -> Redirect | EdgeError | None:
    if request.scheme is Scheme.HTTPS or behavior.viewer_protocol_policy is ViewerProtocolPolicy.ALLOW_ALL:
        return None
    if behavior.viewer_protocol_policy is ViewerProtocolPolicy.HTTPS_ONLY:
        return EdgeError(403, REASON_BAD_REQUEST, "InvalidRequest",
                         f"behavior {behavior.label} is https-only and the request came over HTTP")
    port = "" if https_port == 443 else f":{https_port}"
    location = f"https://{_bracket(request.host)}{port}{request.target}"
    if request.method in ("GET", "HEAD"):
        return Redirect(301, location)
    if request.http_version == "1.0":
        # 307 is an HTTP/1.1 status: CloudFront refuses to redirect other methods for HTTP/1.0 viewers.
        return EdgeError(403, REASON_BAD_REQUEST, "InvalidRequest",
                         f"behavior {behavior.label} is redirect-to-https; {request.method} over HTTP/1.0 "
                         "cannot be redirected")
    return Redirect(307, location)


def check_method(request: ViewerRequest, behavior: CacheBehavior) -> EdgeError | None:
    if request.method not in behavior.allowed_methods:
        allowed = ", ".join(sorted(behavior.allowed_methods))
        return EdgeError(403, REASON_METHOD, "InvalidRequestMethod",
                         f"{request.method} is not in behavior {behavior.label}'s allowed methods [{allowed}]")
    if request.method == "GET" and request.has_body:
        return EdgeError(403, REASON_BAD_REQUEST, "InvalidRequest", "CloudFront refuses a GET request with a body")
    return None


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host
