"""Viewer-side rules as pure table tests: protocol policy and origin response headers.

AWS: "Require HTTPS for communication between viewers and CloudFront", "Request and response behavior for custom
origins".
"""

from __future__ import annotations

import pytest

from emulator.config.model import CacheBehavior, ViewerProtocolPolicy
from emulator.decisions import EdgeError, Redirect
from emulator.http import Scheme, ViewerRequest, freeze
from emulator.pipeline.stages.viewer import check_protocol
from emulator.responses.responder import clean_origin_headers


def request(method: str, scheme: Scheme = Scheme.HTTP, version: str = "1.1") -> ViewerRequest:
    return ViewerRequest(method, "/a", "b=1", freeze({"Host": "app.test"}), scheme, version, "1.2.3.4", 1)


@pytest.mark.parametrize(("policy", "method", "scheme", "version", "expected"), [
    (ViewerProtocolPolicy.ALLOW_ALL, "GET", Scheme.HTTP, "1.1", None),
    (ViewerProtocolPolicy.REDIRECT_TO_HTTPS, "GET", Scheme.HTTP, "1.1", 301),
    (ViewerProtocolPolicy.REDIRECT_TO_HTTPS, "HEAD", Scheme.HTTP, "1.1", 301),
    (ViewerProtocolPolicy.REDIRECT_TO_HTTPS, "POST", Scheme.HTTP, "1.1", 307),
    (ViewerProtocolPolicy.REDIRECT_TO_HTTPS, "DELETE", Scheme.HTTP, "1.1", 307),
    (ViewerProtocolPolicy.REDIRECT_TO_HTTPS, "POST", Scheme.HTTP, "1.0", 403),
    (ViewerProtocolPolicy.REDIRECT_TO_HTTPS, "POST", Scheme.HTTPS, "1.1", None),
    (ViewerProtocolPolicy.HTTPS_ONLY, "GET", Scheme.HTTP, "1.1", 403),
    (ViewerProtocolPolicy.HTTPS_ONLY, "GET", Scheme.HTTPS, "1.1", None),
])
def test_viewer_protocol_policy(policy: ViewerProtocolPolicy, method: str, scheme: Scheme, version: str,
                                expected: int | None) -> None:
    outcome = check_protocol(
        request(method, scheme, version),
        CacheBehavior(path_pattern="*", target_origin_id="o", viewer_protocol_policy=policy),
        443,
    )
    status = outcome.status if isinstance(outcome, Redirect | EdgeError) else None
    assert status == expected
    if isinstance(outcome, Redirect):
        assert outcome.location == "https://app.test/a?b=1"


@pytest.mark.parametrize(("header", "value", "kept"), [
    ("Connection", "close", False), ("Keep-Alive", "timeout=5", False), ("Transfer-Encoding", "chunked", False),
    ("Trailer", "X", False), ("Upgrade", "h2c", False), ("Proxy-Connection", "x", False),
    ("Content-Type", "text/html", True), ("ETag", '"a"', True), ("Cache-Control", "max-age=1", True),
])
def test_hop_by_hop(header: str, value: str, kept: bool) -> None:
    out, _ = clean_origin_headers(freeze({header: value}), lambda name: False, forwards_cookies=False)
    assert (header in out) is kept


@pytest.mark.parametrize(("forwards_cookies", "kept"), [(False, False), (True, True)])
def test_set_cookie(forwards_cookies: bool, kept: bool) -> None:
    out, _ = clean_origin_headers(freeze({"Set-Cookie": "a=1"}), lambda name: False, forwards_cookies)
    assert ("Set-Cookie" in out) is kept


def test_vary_keeps_only_what_is_forwarded() -> None:
    out, notes = clean_origin_headers(freeze({"Vary": "Accept-Encoding, X-Forwarded-Thing, X-Other, Cookie"}),
                                      lambda name: name.lower() == "x-forwarded-thing", forwards_cookies=False)
    assert out["Vary"] == "Accept-Encoding, X-Forwarded-Thing, Cookie"
    assert "X-Other" in notes[0]
