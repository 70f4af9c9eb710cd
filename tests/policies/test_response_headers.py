"""Response headers policies, rule by rule (AWS: "Understand response headers policies")."""

from __future__ import annotations

import pytest

from emulator.config.model.headers import (
    RESPONSE_HEADERS_POLICIES,
    CorsConfig,
    PolicyHeader,
    ResponseHeadersPolicy,
    ServerTiming,
)
from emulator.http import Scheme, ViewerRequest, freeze
from emulator.responses.headers_policy import Timing, apply, is_preflight, origin_allowed

MANAGED = {p.name: p for p in RESPONSE_HEADERS_POLICIES}


def request(method: str = "GET", **headers: str) -> ViewerRequest:
    pairs = [(k.replace("_", "-"), v) for k, v in headers.items()]
    return ViewerRequest(method, "/", "", freeze(pairs), Scheme.HTTPS, "1.1", "127.0.0.1", 5000)


def run(policy: ResponseHeadersPolicy, req: ViewerRequest, origin: dict[str, str] | None = None,
        timing: Timing | None = None, sample: float = 50.0) -> dict[str, str]:
    headers, _ = apply(policy, req, freeze(list((origin or {}).items())), 0.0, timing, sample)
    return {k: v for k, v in headers.items()}


# AWS's own table of Access-Control-Allow-Origin patterns, row by row.
@pytest.mark.parametrize(("pattern", "origin", "allowed"), [
    ("http://*.example.org", "http://www.example.org", True),
    ("http://*.example.org", "http://test.example.org", True),
    ("http://*.example.org", "https://test.example.org", False),
    ("http://*.example.org", "http://test.example.org:123", False),
    ("*.example.org", "test.example.org", True),
    ("*.example.org", "test.test.example.org", True),
    ("*.example.org", ".example.org", True),
    ("*.example.org", "http://test.example.org", True),
    ("*.example.org", "https://test.example.org", True),
    ("*.example.org", "http://test.example.org:123", False),
    ("example.org", "http://example.org", True),
    ("example.org", "https://example.org", True),
    ("http://example.org", "https://example.org", False),
    ("http://example.org", "http://example.org:123", False),
    ("http://example.org:*", "http://example.org:123", True),
    ("http://example.org:*", "http://example.org", True),
    ("http://example.org:1*3", "http://example.org:123", True),
    ("http://example.org:1*3", "http://example.org:1893", True),
    ("http://example.org:1*3", "http://example.org:13", True),
    ("http://example.org:1*3", "http://example.org:124", False),
    ("*.example.org:1*", "test.example.org:123", True),
    ("*", "https://anything.test", True),
    ("https://app.test", "https://APP.test", True),
    ("https://app.test", "https://app.test.evil", False),
])
def test_allow_origin_patterns(pattern: str, origin: str, allowed: bool) -> None:
    assert origin_allowed((pattern,), origin) is allowed


@pytest.mark.parametrize(("method", "headers", "preflight"), [
    ("OPTIONS", {"Origin": "https://a.test", "Access-Control-Request-Method": "PUT"}, True),
    ("OPTIONS", {"Origin": "https://a.test"}, False),
    ("OPTIONS", {"Access-Control-Request-Method": "PUT"}, False),
    ("GET", {"Origin": "https://a.test", "Access-Control-Request-Method": "PUT"}, False),
])
def test_what_is_a_preflight(method: str, headers: dict[str, str], preflight: bool) -> None:
    req = ViewerRequest(method, "/", "", freeze(list(headers.items())), Scheme.HTTP, "1.1", "127.0.0.1", 1)
    assert is_preflight(req) is preflight


CORS = CorsConfig(
    allow_origins=("https://app.test",),
    allow_methods=("GET", "PUT"),
    allow_headers=("X-Token",),
    allow_credentials=True,
    expose_headers=("X-Id",),
    max_age=300,
    origin_override=False,
)


@pytest.mark.parametrize(("req", "origin", "expected"), [
    # A simple CORS request: origin echoed, credentials and expose; never the preflight-only headers.
    (request(Origin="https://app.test"), {},
     {"Access-Control-Allow-Origin": "https://app.test", "Access-Control-Allow-Credentials": "true",
      "Access-Control-Expose-Headers": "X-Id"}),
    # A preflight also gets methods, headers and max-age.
    (request("OPTIONS", Origin="https://app.test", Access_Control_Request_Method="PUT"), {},
     {"Access-Control-Allow-Origin": "https://app.test", "Access-Control-Allow-Credentials": "true",
      "Access-Control-Expose-Headers": "X-Id", "Access-Control-Allow-Methods": "GET, PUT",
      "Access-Control-Allow-Headers": "X-Token", "Access-Control-Max-Age": "300"}),
    # Not a CORS request (no Origin): nothing.
    (request(), {}, {}),
    # An origin that is not allowed: nothing.
    (request(Origin="https://other.test"), {}, {}),
    # origin_override false: ANY CORS header from the origin means the policy adds none of its own.
    (request(Origin="https://app.test"), {"Access-Control-Allow-Methods": "GET"},
     {"Access-Control-Allow-Methods": "GET"}),
])
def test_cors_headers(req: ViewerRequest, origin: dict[str, str], expected: dict[str, str]) -> None:
    assert run(ResponseHeadersPolicy(name="p", id="id", cors=CORS), req, origin) == expected


def test_cors_origin_override_replaces_the_origins_values() -> None:
    policy = ResponseHeadersPolicy(
        name="p", id="id", cors=CorsConfig(allow_origins=("*",), allow_methods=(), origin_override=True)
    )
    got = run(policy, request(Origin="https://x.test"), {"Access-Control-Allow-Origin": "https://x.test"})
    assert got == {"Access-Control-Allow-Origin": "*"}


@pytest.mark.parametrize(("override", "origin", "expected"), [
    (False, {}, "DENY"),  # missing from the origin: added either way
    (True, {}, "DENY"),
    (False, {"X-Frame-Options": "SAMEORIGIN"}, "SAMEORIGIN"),  # kept
    (True, {"X-Frame-Options": "SAMEORIGIN"}, "DENY"),  # replaced
])
def test_security_and_custom_header_override(override: bool, origin: dict[str, str], expected: str) -> None:
    for field in ("security", "custom"):
        policy = ResponseHeadersPolicy(
            name="p", id="id", **{field: (PolicyHeader(name="X-Frame-Options", value="DENY", override=override),)}
        )
        assert run(policy, request(), origin)["X-Frame-Options"] == expected


def test_remove_runs_first_then_additions_and_server_date_come_back() -> None:
    policy = ResponseHeadersPolicy(
        name="p",
        id="id",
        custom=(PolicyHeader(name="X-Powered-By", value="edge", override=False),),
        remove=("X-Powered-By", "Server", "Date", "X-Absent"),
    )
    got = run(policy, request(), {"X-Powered-By": "php", "Server": "nginx", "Date": "yesterday", "X-Keep": "1"})
    assert got["X-Powered-By"] == "edge"  # removed, then the policy's own added
    assert got["Server"] == "CloudFront"
    assert got["Date"] == "Thu, 01 Jan 1970 00:00:00 GMT"
    assert got["X-Keep"] == "1"


def test_managed_policies_match_aws_tables() -> None:
    security = run(MANAGED["Managed-SecurityHeadersPolicy"], request(),
                   {"X-Content-Type-Options": "x", "Referrer-Policy": "no-referrer"})
    assert security == {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                        "Strict-Transport-Security": "max-age=31536000", "X-Frame-Options": "SAMEORIGIN",
                        "X-XSS-Protection": "1; mode=block"}
    preflight = request("OPTIONS", Origin="https://a.test", Access_Control_Request_Method="DELETE")
    got = run(MANAGED["Managed-CORS-With-Preflight"], preflight)
    assert got == {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "*",
                   "Access-Control-Allow-Methods": "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"}
    assert run(MANAGED["Managed-SimpleCORS"], request(Origin="https://a.test"),
               {"Access-Control-Allow-Origin": "https://a.test"}) == {"Access-Control-Allow-Origin": "https://a.test"}
    both = run(MANAGED["Managed-CORS-and-SecurityHeadersPolicy"], request(Origin="https://a.test"))
    assert both["Access-Control-Allow-Origin"] == "*" and both["X-Frame-Options"] == "SAMEORIGIN"


TIMING = ResponseHeadersPolicy(name="t", id="id", server_timing=ServerTiming(enabled=True, sampling_rate=25.0))


@pytest.mark.parametrize(("sample", "pragma", "sent"), [
    (10.0, None, True),  # sampled: 10 < 25
    (90.0, None, False),  # not sampled
    (90.0, "server-timing", True),  # Pragma asks for it whatever the rate
    (90.0, "no-cache, server-timing", True),
])
def test_server_timing_sampling(sample: float, pragma: str | None, sent: bool) -> None:
    req = request(Pragma=pragma) if pragma else request()
    got = run(TIMING, req, {}, Timing("miss", "POP1", "rid==", 12.4, 20.6), sample)
    assert ("Server-Timing" in got) is sent
    if sent:
        assert got["Server-Timing"] == ('cdn-upstream-layer;desc="EDGE",cdn-upstream-fbl;dur=12,cdn-cache-miss,'
                                        'cdn-pop;desc="POP1",cdn-rid;desc="rid==",cdn-downstream-fbl;dur=21')


def test_server_timing_on_a_hit_leaves_out_the_origins_value() -> None:
    got = run(TIMING, request(), {"Server-Timing": "db;dur=5"}, Timing("hit", "POP1", "rid", None, 1.0), 0.0)
    assert got["Server-Timing"] == ('cdn-cache-hit,cdn-pop;desc="POP1",cdn-rid;desc="rid",cdn-hit-layer;desc="EDGE",'
                                    'cdn-downstream-fbl;dur=1')
    miss = run(TIMING, request(), {"Server-Timing": "db;dur=5"}, Timing("miss", "P", "r", 3.0, 4.0), 0.0)
    assert ",db;dur=5,cdn-downstream-fbl" in miss["Server-Timing"]
