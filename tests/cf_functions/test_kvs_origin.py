"""KeyValueStore loading and limits; origin helper validation."""

from __future__ import annotations

import json

import pytest

from emulator.cf_functions import (
    ContinueRequest,
    CreateRequestOriginGroup,
    FailureKind,
    FunctionLoadError,
    SelectRequestOrigin,
    UpdateRequestOrigin,
    ViewerRequestInput,
    ViewerResponseInput,
    load_kvs,
)
from emulator.cf_functions.origin import OriginOverrides, Timeouts

from .conftest import make

V2 = "cloudfront-js-2.0"
REQ = ViewerRequestInput("GET", "/", None, (("Host", "example.com"),), "198.51.100.1")


def write(tmp_path, data) -> str:
    path = tmp_path / "store.json"
    path.write_text(json.dumps(data))
    return str(path)


def test_load_kvs(tmp_path):
    store = load_kvs(write(tmp_path, {"data": [{"key": "a", "value": "1"}, {"key": "b", "value": "2"}]}))
    assert store.get("a") == "1" and store.get("z") is None and store.meta()["keyCount"] == 2 and store.id == "store"


def test_load_kvs_reports_every_limit_problem(tmp_path):
    path = write(tmp_path, {"data": [
        {"key": "k" * 513, "value": "v"},
        {"key": "big", "value": "v" * 1025},
        {"key": "n", "value": 3},
        {"key": "big", "value": "x"},
    ]})  # fmt: skip
    with pytest.raises(FunctionLoadError) as err:
        load_kvs(path)
    messages = [p.message for p in err.value.problems]
    assert len(messages) == 4
    assert "key is 513 bytes (limit 512)" in messages[0] and "1025 bytes (limit 1024)" in messages[1]
    assert "must be strings" in messages[2] and "duplicate key" in messages[3]


def test_load_kvs_bad_json_is_located(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"data": [\n  {"key": }]}')
    with pytest.raises(FunctionLoadError) as err:
        load_kvs(path)
    assert err.value.problems[0].line == 2


async def test_kvs_get_exists_meta_and_missing_key(runner, tmp_path):
    store = load_kvs(write(tmp_path, {"data": [{"key": "j", "value": '{"x": 1}'}, {"key": "s", "value": "héllo"}]}))
    fn = make(
        "import cf from 'cloudfront';\nconst kvs = cf.kvs();\nasync function handler(event) {"
        " console.log(JSON.stringify(await kvs.get('j', {format: 'json'})) + (await kvs.get('s')) +"
        " (await kvs.get('s', {format: 'bytes'})).length + (await kvs.exists('s')) + (await kvs.exists('nope'))"
        " + (await kvs.meta()).keyCount);"
        " try { await kvs.get('nope'); } catch (e) { console.log('rejected'); }"
        " return event.request; }",
        V2, kvs=store,
    )  # fmt: skip
    result = await runner.run_viewer_request(fn, REQ)
    assert result.logs == ('{"x":1}héllo6truefalse2', "rejected")


async def test_kvs_without_a_store_throws(runner):
    fn = make("import cf from 'cloudfront';\nfunction handler(event) { cf.kvs(); return event.request; }", V2)
    assert (await runner.run_viewer_request(fn, REQ)).outcome.kind is FailureKind.RUNTIME_ERROR


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("cf.selectRequestOriginById('beta', {hostHeader: 'b.example.com'})",
         SelectRequestOrigin("beta", OriginOverrides(host_header="b.example.com"))),
        ("cf.updateRequestOrigin({domainName: 'api.example.com', originPath: '/v2', customHeaders: {'x-k': 'v'},"
         " timeouts: {readTimeout: 20, connectionTimeout: 3}})",
         UpdateRequestOrigin(domain_name="api.example.com", origin_path="/v2", custom_headers=(("x-k", "v"),),
                             timeouts=Timeouts(read=20, connection=3))),
        ("cf.createRequestOriginGroup({originIds: [{originId: 'a'}, {originId: 'b'}],"
         " failoverCriteria: {statusCodes: [500, 503]}})",
         None),
    ],
)  # fmt: skip
async def test_origin_helpers_produce_an_origin_change(runner, call, expected):
    fn = make("import cf from 'cloudfront';\nfunction handler(event) { " + call + "; return event.request; }", V2)
    outcome = (await runner.run_viewer_request(fn, REQ)).outcome
    assert isinstance(outcome, ContinueRequest)
    if expected is None:
        assert isinstance(outcome.origin_change, CreateRequestOriginGroup)
        assert outcome.origin_change.origin_ids == ("a", "b") and outcome.origin_change.failover_status_codes == (
            500,
            503,
        )
    else:
        assert outcome.origin_change == expected


@pytest.mark.parametrize(
    "call",
    [
        "cf.updateRequestOrigin({domainName: '10.0.0.1'})",
        "cf.updateRequestOrigin({domainName: 'a.com:8080'})",
        "cf.updateRequestOrigin({originPath: 'v2/'})",
        "cf.updateRequestOrigin({customHeaders: {'Host': 'x'}})",
        "cf.updateRequestOrigin({customHeaders: {'cookie': 'x'}})",
        "cf.updateRequestOrigin({connectionAttempts: 4})",
        "cf.updateRequestOrigin({timeouts: {readTimeout: 121}})",
        "cf.createRequestOriginGroup({originIds: ['a'], failoverCriteria: {statusCodes: [500]}})",
        "cf.createRequestOriginGroup({originIds: ['a', 'b'], failoverCriteria: {statusCodes: [418]}})",
    ],
)
async def test_invalid_origin_changes_are_validation_errors(runner, call):
    fn = make("import cf from 'cloudfront';\nfunction handler(event) { " + call + "; return event.request; }", V2)
    outcome = (await runner.run_viewer_request(fn, REQ)).outcome
    assert outcome.kind is FailureKind.VALIDATION_ERROR, outcome


async def test_origin_helpers_are_viewer_request_only(runner):
    fn = make(
        "import cf from 'cloudfront';\n"
        "function handler(event) { cf.selectRequestOriginById('a'); return event.response; }",
        V2,
    )
    result = await runner.run_viewer_response(fn, REQ, ViewerResponseInput(200, "OK", ()))
    assert result.outcome.kind is FailureKind.RUNTIME_ERROR
