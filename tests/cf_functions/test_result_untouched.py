"""A function that returns the request's headers or cookies untouched gets them checked exactly as if it had
changed them (result.py takes the untouched fields in one pass, not with fewer checks): test-function events
are the user's JSON, and viewer cookie names are not checked by the HTTP parser."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from emulator.cf_functions import ContinueRequest, Failed, FailureKind
from emulator.cf_functions.result import interpret


def event(headers: dict[str, Any], cookies: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"version": "1.0", "context": {"eventType": "viewer-request"}, "viewer": {"ip": "198.51.100.1"},
            "request": {"method": "GET", "uri": "/p", "querystring": {}, "headers": headers,
                        "cookies": cookies or {}}}


BAD = [
    ("CR LF in a value", {"x-a": {"value": "a\r\nInjected: 1"}}, None, "control character"),
    ("upper-case name", {"X-Upper": {"value": "1"}}, None, "must be lowercase"),
    ("space in a name", {"bad name": {"value": "1"}}, None, "not a valid HTTP token"),
    ("a header functions cannot add", {"x-amz-cf-id": {"value": "1"}}, None, "cannot be added"),
    ("a field that is not an object", {"x-s": "str"}, None, "expected an object"),
    ("a field without a value", {"x-e": {}}, None, "missing 'value'"),
    ("a cookie name with a space", {}, {"a b": {"value": "1"}}, "not a valid HTTP token"),
    ("CR LF in a cookie value", {}, {"c": {"value": "1\r\n"}}, "control character"),
]


@pytest.mark.parametrize(("what", "headers", "cookies", "message"), BAD, ids=[b[0] for b in BAD])
def test_untouched_fields_are_still_validated(what: str, headers: dict[str, Any], cookies: dict[str, Any] | None,
                                              message: str) -> None:
    ev = event(headers, cookies)
    outcome = interpret("object", copy.deepcopy(ev["request"]), ev, None)  # `return event.request;`
    assert isinstance(outcome, Failed) and outcome.kind is FailureKind.VALIDATION_ERROR, what
    assert message in outcome.message


def test_untouched_fields_come_out_as_a_changed_copy_of_them_would() -> None:
    headers = {"x-n": {"value": 5}, "x-m": {"value": "first", "multiValue": [{"value": "a"}, {"value": "b"}]}}
    ev = event(headers, {"sid": {"value": "1"}})
    untouched = interpret("object", copy.deepcopy(ev["request"]), ev, None)
    changed = copy.deepcopy(ev["request"])
    changed["headers"]["x-other"] = {"value": "o"}  # any change takes the general path
    general = interpret("object", changed, ev, None)
    assert isinstance(untouched, ContinueRequest) and isinstance(general, ContinueRequest)
    assert untouched.headers == (("X-N", "5"), ("X-M", "first"), ("X-M", "b"), ("Cookie", "sid=1"))
    assert untouched.headers == tuple(h for h in general.headers if h[0] != "X-Other")
