"""CloudFront's validation of Lambda@Edge results, one row per rule."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from emulator.config.model import LambdaEvent
from emulator.lambda_edge.result import (
    READ_ONLY_MESSAGE,
    SIZE_MESSAGE,
    Generated,
    InvalidResult,
    RequestChange,
    headers_from,
    request_result,
    response_result,
)

VR, OR, ORESP, VRESP = (LambdaEvent.VIEWER_REQUEST, LambdaEvent.ORIGIN_REQUEST, LambdaEvent.ORIGIN_RESPONSE,
                        LambdaEvent.VIEWER_RESPONSE)


def request() -> dict[str, Any]:
    return {"clientIp": "203.0.113.1", "method": "GET", "uri": "/a", "querystring": "x=1",
            "headers": {"host": [{"key": "Host", "value": "example.com"}],
                        "via": [{"key": "Via", "value": "1.1 a.cloudfront.net (CloudFront)"}],
                        "accept-encoding": [{"key": "Accept-Encoding", "value": "gzip"}]}}


def response() -> dict[str, Any]:
    return {"status": "200", "statusDescription": "OK",
            "headers": {"content-type": [{"key": "Content-Type", "value": "text/html"}],
                        "content-length": [{"key": "Content-Length", "value": "10"}]}}


def run_request(event: LambdaEvent, change: Any) -> RequestChange | Generated:
    before = request()
    after = copy.deepcopy(before)
    if callable(change):
        change(after)
    return request_result(after if callable(change) else change, event, before, headers_from(before["headers"]))


def set_header(name: str, value: str) -> Any:
    def change(r: dict[str, Any]) -> None:
        r["headers"][name.lower()] = [{"key": name, "value": value}]
    return change


def set_mixed_case(name: str) -> Any:
    def change(r: dict[str, Any]) -> None:
        r["headers"][name] = [{"key": name, "value": "DENY"}]
    return change


@pytest.mark.parametrize("event, change, message", [
    (VR, set_header("Host", "other"), READ_ONLY_MESSAGE),
    (VR, lambda r: r["headers"].pop("via"), READ_ONLY_MESSAGE),
    (OR, set_header("Accept-Encoding", "br"), READ_ONLY_MESSAGE),
    (OR, set_header("If-None-Match", '"x"'), READ_ONLY_MESSAGE),
    (VR, set_header("X-Amz-Cf-Id", "forged"), "disallows"),
    (VR, set_header("CloudFront-Viewer-Country", "DE"), "CloudFront header CloudFront-Viewer-Country"),
    (VR, lambda r: r.update(method="POST"), "read-only field 'method'"),
    (VR, lambda r: r.update(uri="no-slash"), "must start with '/'"),
    (VR, lambda r: r.update(uri="/a b"), "must start with '/'"),
    (VR, lambda r: r.update(querystring="a#b"), "querystring"),
    (VR, lambda r: r.update(uri="/" + "a" * 8192), "exceed 8192"),
    (VR, lambda r: r["headers"].update(x=[{"key": "Y", "value": "1"}]), "does not match"),
    (VR, lambda r: r["headers"].update(x="1"), "must be a list"),
    # The map key is the lower-case name even when the entry's key is the same name (a deployed public project's
    # headers['X-Frame-Options'] = [{key: 'X-Frame-Options', ...}]): 502, naming the header and the fix.
    (VR, set_mixed_case("X-Frame-Options"),
     "headers['X-Frame-Options']: a name in the headers object must be the header's name in lower case "
     "(headers['x-frame-options'])"),
    (VR, "a string", "The Lambda function returned invalid JSON: The JSON output must be an object type."),
    (OR, lambda r: r.update(origin={"custom": {"domainName": "x.test", "port": 22}}), "port 22"),
    (OR, lambda r: r.update(origin={"custom": {}, "s3": {}}), "exactly one of"),
    (OR, lambda r: r.update(origin={"s3": {"domainName": "b.s3.amazonaws.com", "path": "/p/"}}), "path '/p/'"),
    (VR, {"status": "99"}, "status code '99'"),
    (VR, {"status": "200", "body": "x" * 41 * 1024}, SIZE_MESSAGE),
    (VR, {"status": "200", "body": "!!", "bodyEncoding": "base64"}, "not valid base64"),
    (VR, {"status": "200", "body": "x", "bodyEncoding": "gzip"}, "bodyEncoding"),
])
def test_invalid_request_results(event: LambdaEvent, change: Any, message: str) -> None:
    with pytest.raises(InvalidResult) as info:
        run_request(event, change)
    assert message in str(info.value)


def test_valid_request_results() -> None:
    changed = run_request(OR, lambda r: r.update(uri="/b", querystring="") or set_header("X-New", "1")(r))
    assert isinstance(changed, RequestChange) and (changed.uri, changed.querystring) == ("/b", "")
    assert ("X-New", "1") in changed.headers and changed.origin is None
    # A missing `key` is filled in with the Title-Case name.
    moved = run_request(OR, lambda r: r.update(origin={"s3": {"domainName": "b.s3.amazonaws.com", "path": ""}}) or
                        r["headers"].update({"x-a-b": [{"value": "1"}]}))
    assert isinstance(moved, RequestChange) and moved.origin is not None and ("X-A-B", "1") in moved.headers
    # An origin-request function may generate a response of up to 1 MB.
    big = run_request(OR, {"status": 200, "body": "x" * 500_000})
    assert isinstance(big, Generated) and big.status == 200 and len(big.body or b"") == 500_000


@pytest.mark.parametrize("event, change, expected", [
    (ORESP, lambda r: r.update(status="404"), 404),
    (VRESP, lambda r: r.update(status="404"), 200),  # viewer-response cannot change the status
    (ORESP, lambda r: r["headers"].pop("content-length"), 200),  # allowed on origin-response
])
def test_response_results(event: LambdaEvent, change: Any, expected: int) -> None:
    before = response()
    after = copy.deepcopy(before)
    change(after)
    result, note = response_result(after, event, before, headers_from(before["headers"]))
    assert result.status == expected
    assert (note is not None) == (event is VRESP)


@pytest.mark.parametrize("event, change, message", [
    (VRESP, lambda r: r["headers"].pop("content-length"), READ_ONLY_MESSAGE),
    (ORESP, set_header("Via", "x"), READ_ONLY_MESSAGE),
    (VRESP, lambda r: r.update(body="x" * 41 * 1024), SIZE_MESSAGE),
    (ORESP, lambda r: r.update(status="1000"), "status code"),
])
def test_invalid_response_results(event: LambdaEvent, change: Any, message: str) -> None:
    before = response()
    after = copy.deepcopy(before)
    change(after)
    with pytest.raises(InvalidResult) as info:
        response_result(after, event, before, headers_from(before["headers"]))
    assert message in str(info.value)
