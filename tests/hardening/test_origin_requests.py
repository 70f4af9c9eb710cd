"""Origin requests hold only what CloudFront sends, and the config agrees with
CloudFront's API on which CloudFront-* headers a policy may name."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from emulator.cli import main
from tests.helpers import header, run_edge


def config(behavior: str = "", extra: str = "") -> str:
    return f"""\
{extra}distribution:
  origins:
    - {{id: app, domain_name: app.example.test, mock: {{type: echo}}}}
  default_cache_behavior:
    target_origin_id: app
    cache_policy: Managed-CachingDisabled
{behavior}"""


async def raw_echo(edge_url: str, head: bytes) -> dict:
    host, port = edge_url.rsplit("/", 1)[-1].split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(b"GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + head + b"\r\n")
    try:
        response = await asyncio.wait_for(reader.read(), 20)
    finally:
        writer.close()
    return json.loads(response.partition(b"\r\n\r\n")[2])


@pytest.mark.parametrize(("policy", "forwarded"), [
    ("", False),  # no origin request policy: CloudFront removes Origin
    ("    origin_request_policy: Managed-UserAgentRefererHeaders\n", False),
    ("    origin_request_policy: Managed-CORS-CustomOrigin\n", True),
    ("    origin_request_policy: Managed-AllViewer\n", True),
])
async def test_origin_is_forwarded_only_when_a_policy_asks(tmp_path: Path, policy: str, forwarded: bool) -> None:
    async with run_edge(tmp_path, config(policy)) as edge:
        seen = await raw_echo(edge.url, b"Origin: https://app.test\r\n")
    assert (header(seen, "Origin") == "https://app.test") is forwarded


async def test_headers_differing_only_in_case_keep_every_value(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config("    origin_request_policy: Managed-AllViewer\n")) as edge:
        seen = await raw_echo(edge.url, b"X-Rep: one\r\nx-rep: two\r\nX-REP: three\r\n")
    assert [v for k, v in seen["headers"] if k.lower() == "x-rep"] == ["one", "two", "three"]


async def test_cookie_attributes_are_not_forwarded(tmp_path: Path) -> None:
    async with run_edge(tmp_path, config("    origin_request_policy: Managed-AllViewer\n")) as edge:
        seen = await raw_echo(edge.url, b"Cookie: $Version=1; b=2; $Path=/; a=1; $Domain=x.test\r\n")
    assert header(seen, "Cookie") == "a=1; b=2"


@pytest.mark.parametrize(("value", "forwarded"), [
    ("bytes=0-1", True),
    ("bytes=0-1,4-5", True),
    ("bytes=-3", True),  # the last 3 bytes
    ("bytes=4-5,0-1", False),  # not ascending
    ("bytes=0-4,3-5", False),  # overlapping
    ("bytes=5-1", False),  # ends before it starts
    ("bytes=-1-5", False),  # negative
])
async def test_an_invalid_range_is_not_forwarded(tmp_path: Path, value: str, forwarded: bool) -> None:
    async with run_edge(tmp_path, config()) as edge:
        seen = await raw_echo(edge.url, f"Range: {value}\r\n".encode())
    assert header(seen, "Range") == (value if forwarded else None)


async def test_an_invalid_range_gets_the_whole_object(tmp_path: Path) -> None:
    (tmp_path / "bucket").mkdir()
    (tmp_path / "bucket" / "f.txt").write_text("0123456789")
    text = config().replace("{type: echo}", "{type: s3, root: bucket}")
    async with run_edge(tmp_path, text) as edge:
        async with edge.request("GET", "/f.txt", headers={"Range": "bytes=4-5,0-1"}) as r:
            assert r.status == 200 and await r.read() == b"0123456789"
        async with edge.request("GET", "/f.txt", headers={"Range": "bytes=0-1"}) as r:
            assert r.status == 206 and await r.read() == b"01"


def test_an_s3_rest_origin_is_reached_with_the_viewers_protocol(tmp_path: Path, capsys) -> None:
    (tmp_path / "site.yaml").write_text(config().replace(
        "mock: {type: echo}", "s3_origin: {}").replace("app.example.test", "bucket.s3.amazonaws.com"))
    for scheme in ("http", "https"):
        assert main(["explain", str(tmp_path / "site.yaml"), f"{scheme}://localhost/x"]) == 0
        assert f"GET {scheme}://bucket.s3.amazonaws.com/x" in capsys.readouterr().out


async def test_header_order_and_count_from_an_origin_request_policy(tmp_path: Path) -> None:
    extra = ("origin_request_policies:\n  fp: {headers: {behavior: whitelist, items: [CloudFront-Viewer-Header-Order,"
             " CloudFront-Viewer-Header-Count, CloudFront-Viewer-JA3-Fingerprint]}}\n")
    async with run_edge(tmp_path, config("    origin_request_policy: fp\n", extra)) as edge:
        seen = await raw_echo(edge.url, b"User-Agent: t\r\nAccept: */*\r\nX-A: 1\r\nX-A: 2\r\n")
    assert header(seen, "CloudFront-Viewer-Header-Order") == "Host:Connection:User-Agent:Accept:X-A:X-A"
    assert header(seen, "CloudFront-Viewer-Header-Count") == "6"
    assert header(seen, "CloudFront-Viewer-JA3-Fingerprint") is None  # accepted, not computed (README)


@pytest.mark.parametrize(("policies", "message"), [
    ("cache_policies:\n  c: {headers: {behavior: whitelist, items: [CloudFront-Viewer-Address]}}\n",
     "CloudFront does not allow cloudfront-viewer-address in a cache policy"),
    ("cache_policies:\n  c: {headers: {behavior: whitelist, items: [CloudFront-Viewer-Header-Order]}}\n",
     "CloudFront does not allow cloudfront-viewer-header-order in a cache policy"),
])
def test_cloudfront_headers_a_cache_policy_may_not_name(tmp_path: Path, capsys, policies: str, message: str) -> None:
    (tmp_path / "site.yaml").write_text(config(extra=policies))
    assert main(["validate", str(tmp_path / "site.yaml")]) == 2
    assert message in capsys.readouterr().err


def test_fingerprint_headers_are_accepted_in_an_origin_request_policy(tmp_path: Path, capsys) -> None:
    extra = ("origin_request_policies:\n  fp: {headers: {behavior: allViewerAndWhitelistCloudFront, items: "
             "[CloudFront-Viewer-Header-Order, CloudFront-Viewer-Header-Count, CloudFront-Viewer-JA3-Fingerprint]}}\n")
    (tmp_path / "site.yaml").write_text(config("    origin_request_policy: fp\n", extra))
    assert main(["validate", str(tmp_path / "site.yaml")]) == 0, capsys.readouterr()


@pytest.mark.parametrize(("origin", "policy", "withheld"), [
    ("{type: s3, root: bucket}", "Managed-AllViewer", True),
    ("{type: s3, root: bucket}", "Managed-AllViewerExceptHostHeader", True),
    ("{type: s3, root: bucket}", "custom", False),  # a custom policy forwards them as configured
    ("{type: echo}", "Managed-AllViewer", False),  # only S3 origins
])
def test_response_content_parameters_are_withheld_from_s3_by_managed_policies(
        tmp_path: Path, capsys, origin: str, policy: str, withheld: bool) -> None:
    (tmp_path / "bucket").mkdir()
    extra = "origin_request_policies:\n  custom: {query_strings: all}\n"
    (tmp_path / "site.yaml").write_text(
        config(f"    origin_request_policy: {policy}\n", extra).replace("{type: echo}", origin))
    query = "response-content-type=text/html&x=1&response-content-disposition=attachment"
    assert main(["explain", str(tmp_path / "site.yaml"), f"http://localhost/f.txt?{query}"]) == 0
    out = capsys.readouterr().out
    sent = "GET /f.txt?x=1 HTTP/1.1" if withheld else f"GET /f.txt?{query} HTTP/1.1"
    assert sent in out, out
