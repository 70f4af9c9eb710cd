"""Private content end to end (AWS: "Serve private content with signed URLs and signed cookies"): a real edge on
loopback with a FakeClock, URLs and cookies
signed by botocore's CloudFrontSigner (RSA-SHA1) and by `cryptography` directly (ECDSA, SHA-256)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botocore.signers import CloudFrontSigner
from yarl import URL

from emulator.clock import FakeClock
from emulator.signing import sign_cookies, sign_url
from tests.helpers import header, run_edge
from tests.signing.support import (
    EC_ID,
    KEY_GROUPS,
    RSA_ID,
    cf_b64,
    custom_url,
    ec_key,
    pem,
    policy,
    raw_sign,
    rsa_key,
    write_public_keys,
)

NOW = 1_800_000_000
CONFIG = KEY_GROUPS + """\
distribution:
  origins:
    - {id: files, domain_name: files.localhost, mock: {type: echo}}
  default_cache_behavior: {target_origin_id: files}
  cache_behaviors:
    - path_pattern: /storage/*
      target_origin_id: files
      trusted_key_groups: [storage]
      cache_policy: Managed-CachingDisabled
      origin_request_policy: Managed-AllViewerExceptHostHeader
emulator:
  debug: {trace_header: true}
"""


def botocore_signer() -> CloudFrontSigner:
    return CloudFrontSigner(RSA_ID, lambda message: raw_sign(rsa_key(), message))


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


async def get(edge, url: str, **kwargs) -> tuple[int, dict, bytes]:
    async with edge.session.get(URL(url, encoded=True), allow_redirects=False, **kwargs) as r:
        return r.status, dict(r.headers), await r.read()


async def test_unsigned_request_gets_cloudfronts_403_xml_and_the_origin_is_not_contacted(tmp_path: Path) -> None:
    write_public_keys(tmp_path)
    async with run_edge(tmp_path, CONFIG, clock=FakeClock(NOW)) as edge:
        status, headers, body = await get(edge, edge.url + "/storage/report.txt")
        assert status == 403
        assert body == (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code><Message>Missing '
                        b"Key-Pair-Id query parameter or cookie value</Message></Error>")
        assert headers["Content-Type"] == "text/xml"
        assert headers["Server"] == "CloudFront"
        assert headers["X-Cache"] == "Error from cloudfront"
        assert headers["Content-Length"] == "146"
        assert "signed=forbidden" in headers["X-Frontyard-Trace"]
        assert "origin=" not in headers["X-Frontyard-Trace"]
        status, _, _ = await get(edge, edge.url + "/public.txt")  # other behaviors stay public
        assert status == 200


async def test_botocore_canned_and_custom_urls_verify(tmp_path: Path) -> None:
    write_public_keys(tmp_path)
    async with run_edge(tmp_path, CONFIG, clock=FakeClock(NOW)) as edge:
        signer = botocore_signer()
        canned = signer.generate_presigned_url(edge.url + "/storage/report.txt?v=2", date_less_than=at(NOW + 60))
        status, _, body = await get(edge, canned)
        assert status == 200
        seen = json.loads(body)
        assert seen["path"] == "/storage/report.txt"
        assert seen["query"] == "v=2"  # CloudFront removes Expires, Signature and Key-Pair-Id for the origin

        custom = signer.build_policy(edge.url + "/storage/*", at(NOW + 60), ip_address="127.0.0.1")
        status, _, _ = await get(edge, signer.generate_presigned_url(edge.url + "/storage/a/b.csv", policy=custom))
        assert status == 200
        elsewhere = signer.build_policy(edge.url + "/storage/*", at(NOW + 60), ip_address="192.0.2.0/24")
        status, _, body = await get(edge, signer.generate_presigned_url(edge.url + "/storage/x", policy=elsewhere))
        assert (status, b"<Code>AccessDenied</Code>" in body) == (403, True)


async def test_ecdsa_sha256_urls_and_cookies_signed_with_cryptography_verify(tmp_path: Path) -> None:
    write_public_keys(tmp_path)
    async with run_edge(tmp_path, CONFIG, clock=FakeClock(NOW)) as edge:
        url = custom_url(edge.url + "/storage/movie.mp4", EC_ID, ec_key(),
                         policy(edge.url + "/storage/*", NOW + 60), sha256=True)
        status, _, body = await get(edge, url)
        assert status == 200
        assert json.loads(body)["query"] == ""  # Hash-Algorithm removed with the rest

        data = json.dumps(policy("http*://127.0.0.1*/storage/*", NOW + 60), separators=(",", ":")).encode()
        cookies = {"CloudFront-Policy": cf_b64(data), "CloudFront-Signature": cf_b64(raw_sign(ec_key(), data, True)),
                   "CloudFront-Key-Pair-Id": EC_ID, "CloudFront-Hash-Algorithm": "SHA256", "session": "s1"}
        cookie_header = "; ".join(f"{k}={v}" for k, v in cookies.items())
        status, headers, body = await get(edge, edge.url + "/storage/segment-1.ts", headers={"Cookie": cookie_header})
        assert status == 200, headers.get("X-Frontyard-Trace")
        assert "session=s1" in (header(json.loads(body), "Cookie") or "")


async def test_expiry_runs_on_the_clock(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="frontyard.access")
    write_public_keys(tmp_path)
    clock = FakeClock(NOW)
    async with run_edge(tmp_path, CONFIG, clock=clock) as edge:
        url = botocore_signer().generate_presigned_url(edge.url + "/storage/r.txt", date_less_than=at(NOW + 60))
        assert (await get(edge, url))[0] == 200
        clock.advance(60)
        status, headers, body = await get(edge, url)
        assert status == 403
        assert b"<Code>AccessDenied</Code><Message>Access denied</Message>" in body
        assert "expired at 2027-01-15T08:01:00Z" in headers["X-Frontyard-Trace"]
    logged = [r.getMessage() for r in caplog.records if r.name == "frontyard.access"]
    assert '" 403 ' in logged[-1] and 'why="AccessDenied: signed URL (canned policy, key K2JCJMDEHXQW5F' in logged[-1]
    assert "expired at 2027-01-15T08:01:00Z" in logged[-1]


async def test_frontyard_sign_output_is_served(tmp_path: Path) -> None:
    write_public_keys(tmp_path)
    async with run_edge(tmp_path, CONFIG, clock=FakeClock(NOW)) as edge:
        url = sign_url(edge.url + "/storage/a.txt", EC_ID, pem(ec_key()), expires=NOW + 60, hash_algorithm="sha256")
        assert (await get(edge, url))[0] == 200
        cookies = sign_cookies(edge.url + "/storage/*", RSA_ID, pem(rsa_key()), expires=NOW + 60)
        cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        assert (await get(edge, edge.url + "/storage/b.txt", headers={"Cookie": cookie}))[0] == 200
        assert (await get(edge, edge.url + "/other/b.txt", headers={"Cookie": cookie}))[0] == 200  # public


async def test_a_custom_error_response_replaces_the_xml(tmp_path: Path) -> None:
    write_public_keys(tmp_path)
    config = CONFIG.replace("emulator:", "  custom_error_responses:\n"
                            "    - {error_code: 403, response_page_path: /denied.html, response_code: 403}\n"
                            "emulator:")
    async with run_edge(tmp_path, config, clock=FakeClock(NOW)) as edge:
        status, headers, body = await get(edge, edge.url + "/storage/report.txt")
        assert status == 403
        assert json.loads(body)["path"] == "/denied.html"  # the page, fetched through the public behavior
        assert headers["X-Cache"] == "Error from cloudfront"


async def test_the_signature_is_checked_before_the_cache(tmp_path: Path) -> None:
    write_public_keys(tmp_path)
    config = CONFIG.replace("cache_policy: Managed-CachingDisabled", "cache_policy: Managed-CachingOptimized")
    clock = FakeClock(NOW)
    async with run_edge(tmp_path, config, clock=clock) as edge:
        signer = botocore_signer()
        first = signer.generate_presigned_url(edge.url + "/storage/r.txt", date_less_than=at(NOW + 60))
        second = signer.generate_presigned_url(edge.url + "/storage/r.txt", date_less_than=at(NOW + 120))
        assert (await get(edge, first))[1]["X-Cache"] == "Miss from cloudfront"
        status, headers, _ = await get(edge, second)  # another signature for the same object: the cached copy
        assert (status, headers["X-Cache"]) == (200, "Hit from cloudfront")
        status, headers, body = await get(edge, edge.url + "/storage/r.txt")  # cached, but not for the unsigned
        assert (status, headers["X-Cache"]) == (403, "Error from cloudfront") and b"MissingKey" in body
        clock.advance(60)
        assert (await get(edge, first))[0] == 403  # expired links stay expired, cached object or not
        assert (await get(edge, second))[1]["X-Cache"] == "Hit from cloudfront"


async def test_signing_parameters_and_cookies_are_not_part_of_the_cache_key(tmp_path: Path) -> None:
    """Even with a cache policy that keys on every query string and cookie, two signatures of one object (a
    URL, then cookies) share one cached copy; another query string is still another entry."""
    write_public_keys(tmp_path)
    config = CONFIG.replace("cache_policy: Managed-CachingDisabled", "cache_policy: everything") + """\
cache_policies:
  everything: {min_ttl: 0, default_ttl: 3600, max_ttl: 3600, query_strings: all, cookies: all}
"""
    async with run_edge(tmp_path, config, clock=FakeClock(NOW)) as edge:
        signer = botocore_signer()
        first = signer.generate_presigned_url(edge.url + "/storage/r.txt", date_less_than=at(NOW + 60))
        second = signer.generate_presigned_url(edge.url + "/storage/r.txt", date_less_than=at(NOW + 120))
        assert (await get(edge, first))[1]["X-Cache"] == "Miss from cloudfront"
        assert (await get(edge, second))[1]["X-Cache"] == "Hit from cloudfront"
        cookies = sign_cookies(edge.url + "/storage/*", RSA_ID, pem(rsa_key()), expires=NOW + 60)
        cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        status, headers, _ = await get(edge, edge.url + "/storage/r.txt", headers={"Cookie": cookie})
        assert (status, headers["X-Cache"]) == (200, "Hit from cloudfront")
        other = signer.generate_presigned_url(edge.url + "/storage/r.txt?v=2", date_less_than=at(NOW + 60))
        assert (await get(edge, other))[1]["X-Cache"] == "Miss from cloudfront"
