"""The runtime surface inside QuickJS: modules, Date, eval, console, isolation, 1.0 vs 2.0."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from emulator.cf_functions import ContinueRequest, Failed, FailureKind, ViewerRequestInput

from .conftest import make

V2 = "cloudfront-js-2.0"
REQ = ViewerRequestInput("GET", "/a", "x=1", (("Host", "example.com"),), "198.51.100.1")


async def logs_of(runner, body: str, runtime: str = "cloudfront-js-1.0", prefix: str = "") -> list[str]:
    fn = make(prefix + "function handler(event) {\n" + body + "\nreturn event.request; }", runtime)
    result = await runner.run_viewer_request(fn, REQ)
    assert isinstance(result.outcome, ContinueRequest), result.outcome
    return list(result.logs)


@pytest.mark.parametrize("alg", ["md5", "sha1", "sha256"])
@pytest.mark.parametrize("enc", ["hex", "base64", "base64url"])
async def test_crypto_hash_and_hmac_match_python(runner, alg, enc):
    data = "héllo wörld " * 9
    logs = await logs_of(
        runner,
        f"var c = require('crypto'); console.log(c.createHash('{alg}').update({json.dumps(data)}).digest('{enc}'));"
        f"console.log(c.createHmac('{alg}', 'k€y').update({json.dumps(data)}).digest('{enc}'));",
    )
    import base64

    def fmt(raw: bytes) -> str:
        if enc == "hex":
            return raw.hex()
        b64 = base64.b64encode(raw).decode()
        return b64 if enc == "base64" else b64.replace("+", "-").replace("/", "_").rstrip("=")

    assert logs == [
        fmt(hashlib.new(alg, data.encode()).digest()),
        fmt(hmac.new("k€y".encode(), data.encode(), alg).digest()),
    ]


async def test_digest_without_encoding_is_byte_string_in_1_0_and_buffer_in_2_0(runner):
    one = await logs_of(
        runner, "var d = require('crypto').createHash('md5').update('a').digest(); console.log(typeof d + d.length);"
    )
    two = await logs_of(
        runner,
        "const d = require('crypto').createHash('md5').update('a').digest();"
        " console.log(Buffer.isBuffer(d) + ':' + d.toString('hex'));",
        V2,
    )
    assert one == ["string16"] and two == ["true:" + hashlib.md5(b"a").hexdigest()]


async def test_querystring_behaves_like_node(runner):
    logs = await logs_of(
        runner,
        "var qs = require('querystring');"
        "console.log(qs.stringify({name: 'value', abc: ['xyz', '123'], anotherName: ''}));"
        "console.log(JSON.stringify(qs.parse('name=value&abc=xyz&abc=123&sp=a+b%20c&bad=%E0%A4%A')));"
        "console.log(JSON.stringify(qs.parse('a:1;b:2', ';', ':')));"
        "console.log(JSON.stringify(qs.parse('a=1&b=2&c=3', null, null, {maxKeys: 2})));"
        "console.log(qs.escape('a b&c/é') + ' ' + qs.unescape('a%20b%2'));",
    )
    assert logs == [
        "name=value&abc=xyz&abc=123&anotherName=",
        '{"name":"value","abc":["xyz","123"],"sp":"a b c","bad":"\ufffd%A"}',
        '{"a":"1","b":"2"}',
        '{"a":"1","b":"2"}',
        "a%20b%26c%2F%C3%A9 a b%2",
    ]


async def test_date_now_is_the_invocation_start(runner):
    logs = await logs_of(
        runner,
        "var a = Date.now(); for (var i = 0; i < 20000; i++) {}"
        " console.log(String(Date.now() - a) + (new Date().getTime() === a) + (new Date(0).getTime()));",
    )
    assert logs == ["0true0"]


async def test_eval_and_function_constructor_throw(runner):
    logs = await logs_of(
        runner,
        "['eval(\"1\")', 'new Function(\"return 1\")', '(function(){}).constructor(\"1\")'].forEach(function (s, i) {"
        " try { [function(){ return eval('1'); }, function(){ return new Function('return 1'); },"
        " function(){ return (function(){}).constructor('1'); }][i](); console.log('ran'); }"
        " catch (e) { console.log(e.name); } });",
    )
    assert logs == ["EvalError", "EvalError", "EvalError"]


async def test_no_timers_process_or_2_0_apis_in_1_0(runner):
    logs = await logs_of(
        runner,
        "console.log([typeof setTimeout, typeof process, typeof Buffer, typeof ''.replaceAll,"
        " typeof Promise.all, typeof atob].join());",
    )
    assert logs == ["undefined,undefined,undefined,undefined,undefined,undefined"]


async def test_1_0_byte_string_methods(runner):
    logs = await logs_of(
        runner,
        "console.log(String.bytesFrom([104, 105]) + String.bytesFrom('6869', 'hex')"
        " + String.bytesFrom('aGk=', 'base64'));"
        "console.log('é'.toUTF8().length + ':' + 'é'.toUTF8().fromUTF8() + ':'"
        " + ('\\xff'.fromUTF8() === null) + ':' + ('€'.toBytes() === null));",
    )
    assert logs == ["hihihi", "2:é:true:true"]


async def test_2_0_has_buffer_textencoder_atob_and_no_byte_string_methods(runner):
    logs = await logs_of(
        runner,
        "console.log(Buffer.from('hello').toString('base64url') + ' '"
        " + Buffer.from('68656c6c6f', 'hex').toString() + ' '"
        " + Buffer.concat([Buffer.from('a'), Buffer.alloc(2, 'b')]).toString() + ' ' + Buffer.byteLength('é'));"
        "console.log(new TextDecoder().decode(new TextEncoder().encode('€')) + btoa('hi') + atob('aGk='));"
        "console.log(typeof ''.toUTF8 + ' ' + 'aXa'.replaceAll('a', 'b') + ' ' + typeof Promise.all);",
        V2,
    )
    assert logs == ["aGVsbG8 hello abb 2", "€aGk=hi", "undefined bXb function"]


async def test_console_log_takes_one_argument_and_logs_objects_as_json(runner):
    logs = await logs_of(runner, "console.log('a', 'b'); console.log({k: [1]}); console.log(3);")
    assert logs == ["a", '{"k":[1]}', "3"]


async def test_invocations_are_isolated(runner):
    fn = make(
        "var count = 0;\nfunction handler(event) { count++; globalThis.leak = (globalThis.leak || 0) + 1;"
        " String.prototype.mine = 1; console.log(count + ':' + leak); return event.request; }"
    )
    seen = [(await runner.run_viewer_request(fn, REQ)).logs for _ in range(4)]
    assert seen == [("1:1",)] * 4


async def test_async_handler_in_2_0(runner):
    fn = make(
        "async function handler(event) {"
        " const x = await Promise.resolve('/b'); event.request.uri = x; return event.request; }",
        V2,
    )
    result = await runner.run_viewer_request(fn, REQ)
    assert isinstance(result.outcome, ContinueRequest) and result.outcome.uri == "/b"


async def test_raw_query_string_and_edge_location_in_2_0(runner):
    fn = make(
        "import cf from 'cloudfront';\nfunction handler(event) { console.log(event.request.rawQueryString() + ' '"
        " + cf.edgeLocation.name); return event.request; }",
        V2,
    )
    assert (await runner.run_viewer_request(fn, REQ)).logs == ("x=1 SEA",)


async def test_uncaught_exception_is_a_located_runtime_error(runner):
    fn = make("function handler(event) {\n  console.log('before');\n  return event.nope.x;\n}")
    result = await runner.run_viewer_request(fn, REQ)
    assert result.outcome == Failed(
        FailureKind.RUNTIME_ERROR, "TypeError: cannot read property 'x' of undefined (index.js:3)"
    )
    assert result.logs == ("before",)


async def test_thrown_non_error_value(runner):
    fn = make("function handler(event) { throw 'nope'; }")
    result = await runner.run_viewer_request(fn, REQ)
    assert isinstance(result.outcome, Failed) and result.outcome.message == 'Uncaught "nope"'
