"""Stage 5b as a pure function (AWS: "Serve private content with signed URLs and signed cookies"): one row per
CloudFront failure code and per policy condition,
the precedence of a signed URL over cookies, and expiry driven by the clock value."""

from __future__ import annotations

import pytest
from multidict import CIMultiDict

from emulator.http import Scheme, ViewerRequest, freeze
from emulator.signing.keys import PublicKey, load_public_key
from emulator.signing.stage import (
    Denied,
    TrustedKey,
    Verified,
    cache_key_query,
    error_body,
    for_cache_key,
    is_signing_cookie,
    origin_query,
    verify,
)
from tests.signing.support import (
    EC_ID,
    OTHER_ID,
    RSA_ID,
    canned_statement,
    cf_b64,
    custom_url,
    ec_key,
    other_key,
    policy,
    public_pem,
    raw_sign,
    rsa_key,
)

NOW = 1_800_000_000
HOST = "media.example.test"
URL = f"https://{HOST}/storage/report.txt"


def trusted() -> dict[str, TrustedKey]:
    out = {}
    for key_id, key in ((RSA_ID, rsa_key()), (EC_ID, ec_key())):
        public, algorithm = load_public_key(public_pem(key))
        out[key_id] = TrustedKey(PublicKey(key_id, algorithm, public), "key group 'storage'")
    return out


def request(url: str, cookies: str | None = None, client_ip: str = "192.0.2.10") -> ViewerRequest:
    scheme, _, rest = url.partition("://")
    host, _, target = rest.partition("/")
    path, _, query = ("/" + target).partition("?")
    headers: CIMultiDict[str] = CIMultiDict({"Host": host})
    if cookies is not None:
        headers["Cookie"] = cookies
    return ViewerRequest("GET", path, query, freeze(headers), Scheme(scheme), "1.1", client_ip, 50000)


def canned(url: str = URL, expires: int = NOW + 60, key=None, key_id: str = RSA_ID, signed_url: str | None = None,
           sha256: bool = False) -> str:
    statement = canned_statement(signed_url or url, expires)
    signature = cf_b64(raw_sign(key or rsa_key(), statement, sha256))
    extra = "&Hash-Algorithm=SHA256" if sha256 else ""
    return f"{url}{'&' if '?' in url else '?'}Expires={expires}&Signature={signature}&Key-Pair-Id={key_id}{extra}"


def outcome(url: str, cookies: str | None = None, now: float = NOW, client_ip: str = "192.0.2.10") -> str:
    result = verify(request(url, cookies, client_ip), trusted(), now)
    return result.code if isinstance(result, Denied) else "ok"


def cause(url: str, cookies: str | None = None, now: float = NOW, client_ip: str = "192.0.2.10") -> str:
    result = verify(request(url, cookies, client_ip), trusted(), now)
    assert isinstance(result, Denied)
    return result.cause


def bad_policy(text: str) -> str:
    data = text.encode()
    return f"{URL}?Policy={cf_b64(data)}&Signature={cf_b64(raw_sign(rsa_key(), data))}&Key-Pair-Id={RSA_ID}"


FAILURES = [
    ("nothing signed", URL, "MissingKey"),
    ("no Key-Pair-Id", canned().replace(f"&Key-Pair-Id={RSA_ID}", ""), "MissingKey"),
    ("empty Key-Pair-Id", canned().replace(f"Key-Pair-Id={RSA_ID}", "Key-Pair-Id="), "MissingKey"),
    ("key not in the trusted groups", canned(key=other_key(), key_id=OTHER_ID), "InvalidKey"),
    ("neither Expires nor Policy", canned().replace(f"Expires={NOW + 60}&", ""), "MalformedPolicy"),
    ("Expires not a number", canned().replace(f"Expires={NOW + 60}", "Expires=tomorrow"), "MalformedPolicy"),
    ("Policy not base64", f"{URL}?Policy=%%%&Signature=AAAA&Key-Pair-Id={RSA_ID}", "MalformedPolicy"),
    ("Policy not JSON", bad_policy("Statement: no"), "MalformedPolicy"),
    ("Policy without DateLessThan", bad_policy('{"Statement":[{"Resource":"*","Condition":{}}]}'),
     "MalformedPolicy"),
    ("two statements", bad_policy('{"Statement":[{"Condition":{"DateLessThan":{"AWS:EpochTime":1}}},'
                                  '{"Condition":{"DateLessThan":{"AWS:EpochTime":1}}}]}'), "MalformedPolicy"),
    ("quoted epoch", bad_policy('{"Statement":[{"Condition":{"DateLessThan":{"AWS:EpochTime":"1"}}}]}'),
     "MalformedPolicy"),
    # AWS documents CIDR only ("IPv4 IP address/32" for one address): a bare address is malformed.
    ("IP without a prefix length", bad_policy('{"Statement":[{"Condition":{"DateLessThan":{"AWS:EpochTime":1},'
                                              '"IpAddress":{"AWS:SourceIp":"127.0.0.1"}}}]}'), "MalformedPolicy"),
    ("IPv6 range", bad_policy('{"Statement":[{"Condition":{"DateLessThan":{"AWS:EpochTime":1},'
                              '"IpAddress":{"AWS:SourceIp":"2001:db8::/32"}}}]}'), "MalformedPolicy"),
    ("no Signature", canned().split("&Signature=")[0] + f"&Key-Pair-Id={RSA_ID}", "MalformedSignature"),
    ("Signature not base64", canned().split("&Signature=")[0] + f"&Signature=!!!&Key-Pair-Id={RSA_ID}",
     "MalformedSignature"),
    ("signed by another key under a trusted id", canned(key=other_key()), "AccessDenied"),
    ("URL changed after signing", canned(url=URL + "?x=1", signed_url=URL), "AccessDenied"),
    ("Expires changed after signing", canned().replace(f"Expires={NOW + 60}", f"Expires={NOW + 9999}"),
     "AccessDenied"),
    ("expired", canned(expires=NOW - 1), "AccessDenied"),
    ("SHA-256 signature sent as SHA-1", canned(sha256=True).replace("&Hash-Algorithm=SHA256", ""), "AccessDenied"),
    ("unknown Hash-Algorithm", canned() + "&Hash-Algorithm=MD5", "AccessDenied"),
]


@pytest.mark.parametrize(("name", "url", "code"), FAILURES, ids=[f[0] for f in FAILURES])
def test_failure_codes(name: str, url: str, code: str) -> None:
    assert outcome(url) == code


def test_valid_canned_urls_with_rsa_and_ecdsa_and_both_hashes() -> None:
    assert outcome(canned()) == "ok"
    assert outcome(canned(sha256=True)) == "ok"
    assert outcome(canned(key=ec_key(), key_id=EC_ID)) == "ok"
    assert outcome(canned(key=ec_key(), key_id=EC_ID, sha256=True)) == "ok"
    assert outcome(canned(url=URL + "?size=large&v=2")) == "ok"  # own parameters are part of the Resource


def custom(resource: str | None, *, starts: int | None = None, ip: str | None = None, expires: int = NOW + 60,
           url: str = URL) -> str:
    return custom_url(url, EC_ID, ec_key(), policy(resource, expires, starts, ip), sha256=True)


CONDITIONS = [
    # (name, url, now, client ip, expected)
    ("before DateLessThan", custom(URL, expires=NOW + 1), NOW, "192.0.2.10", "ok"),
    ("at DateLessThan", custom(URL, expires=NOW), NOW, "192.0.2.10", "AccessDenied"),
    ("after DateGreaterThan", custom(URL, starts=NOW - 1), NOW, "192.0.2.10", "ok"),
    ("at DateGreaterThan", custom(URL, starts=NOW), NOW, "192.0.2.10", "AccessDenied"),
    ("IP in the range", custom(URL, ip="192.0.2.0/24"), NOW, "192.0.2.10", "ok"),
    ("IP outside the range", custom(URL, ip="192.0.2.0/24"), NOW, "198.51.100.7", "AccessDenied"),
    ("single address /32", custom(URL, ip="192.0.2.10/32"), NOW, "192.0.2.10", "ok"),
    ("IPv4-mapped IPv6 viewer", custom(URL, ip="192.0.2.0/24"), NOW, "::ffff:192.0.2.10", "ok"),
    ("IPv6 viewer with an IpAddress condition", custom(URL, ip="192.0.2.0/24"), NOW, "2001:db8::1", "AccessDenied"),
    ("no Resource: any file", custom(None), NOW, "192.0.2.10", "ok"),
    ("wildcard folder", custom(f"https://{HOST}/storage/*"), NOW, "192.0.2.10", "ok"),
    ("wildcard folder, other folder", custom(f"https://{HOST}/public/*"), NOW, "192.0.2.10", "AccessDenied"),
    ("protocol wildcard", custom(f"*://{HOST}/storage/*"), NOW, "192.0.2.10", "ok"),
    ("other protocol", custom(f"http://{HOST}/storage/*"), NOW, "192.0.2.10", "AccessDenied"),
    ("other domain", custom("https://other.example.test/storage/*"), NOW, "192.0.2.10", "AccessDenied"),
]


@pytest.mark.parametrize(("name", "url", "now", "ip", "expected"), CONDITIONS, ids=[c[0] for c in CONDITIONS])
def test_policy_conditions(name: str, url: str, now: float, ip: str, expected: str) -> None:
    assert outcome(url, now=now, client_ip=ip) == expected


def test_a_url_with_both_policy_and_expires_is_judged_by_its_policy() -> None:
    # AWS documents canned (Expires) and custom (Policy) URLs apart; with both, the Policy decides and the trace
    # says that Expires was not used: a valid policy with a past Expires passes, an expired policy with a future
    # Expires does not.
    valid = custom(URL) + f"&Expires={NOW - 3600}"
    result = verify(request(valid), trusted(), NOW)
    assert isinstance(result, Verified) and "custom policy; Expires ignored, the Policy decides" in result.detail
    expired = custom(URL, expires=NOW - 1) + f"&Expires={NOW + 3600}"
    assert "Expires ignored, the Policy decides" in cause(expired) and "expired at" in cause(expired)


def test_causes_name_the_precise_reason() -> None:
    assert "expired at 2027-01-15T08:00:00Z" in cause(canned(expires=NOW), now=NOW)
    assert "viewer IP 198.51.100.7 is not in 192.0.2.0/24" in cause(custom(URL, ip="192.0.2.0/24"),
                                                                     client_ip="198.51.100.7")
    assert "a single address as '192.0.2.10/32'" in cause(custom(URL, ip="192.0.2.10"))
    text = cause(custom(f"https://{HOST}/public/*"))
    assert f"resource pattern 'https://{HOST}/public/*' does not match 'https://{HOST}/storage/report.txt'" in text
    assert f"does not verify with key {RSA_ID} (key group 'storage', RSA-2048, SHA1)" in cause(canned(key=other_key()))
    assert f"key '{OTHER_ID}' is not trusted" in cause(canned(key=other_key(), key_id=OTHER_ID))


def cookies_for(statement_policy: dict, key=None, key_id: str = EC_ID) -> str:
    import json

    data = json.dumps(statement_policy, separators=(",", ":")).encode()
    return (f"session=abc; CloudFront-Policy={cf_b64(data)}; CloudFront-Signature="
            f"{cf_b64(raw_sign(key or ec_key(), data))}; CloudFront-Key-Pair-Id={key_id}")


def test_signed_cookies_canned_and_custom() -> None:
    expires = NOW + 60
    signature = cf_b64(raw_sign(rsa_key(), canned_statement(URL, expires), sha256=True))
    canned_cookies = (f"CloudFront-Expires={expires}; CloudFront-Signature={signature}; "
                      f"CloudFront-Key-Pair-Id={RSA_ID}; CloudFront-Hash-Algorithm=SHA256")
    assert outcome(URL, canned_cookies) == "ok"
    assert outcome(URL, cookies_for(policy(f"https://{HOST}/storage/*", expires))) == "ok"
    assert outcome(URL, cookies_for(policy(f"https://{HOST}/other/*", expires))) == "AccessDenied"
    assert outcome(URL, "session=abc") == "MissingKey"


def test_a_signed_url_takes_precedence_over_cookies() -> None:
    good_cookies = cookies_for(policy(f"https://{HOST}/storage/*", NOW + 60))
    bad_cookies = cookies_for(policy(f"https://{HOST}/storage/*", NOW + 60), key=other_key())
    assert outcome(canned(), bad_cookies) == "ok"  # the URL decides; the broken cookies are not looked at
    assert outcome(canned(expires=NOW - 5), good_cookies) == "AccessDenied"  # no fallback to valid cookies
    assert "signed URL" in cause(canned(expires=NOW - 5), good_cookies)


def test_expiry_follows_the_clock() -> None:
    url = canned(expires=NOW + 30)
    assert [outcome(url, now=NOW + t) for t in (0, 29, 29.999, 30, 31)] == ["ok", "ok", "ok", "AccessDenied",
                                                                             "AccessDenied"]


def test_the_host_without_the_emulators_port_is_the_production_url() -> None:
    req = request(canned(url="https://localhost:8443/storage/a", signed_url="https://localhost/storage/a"))
    assert isinstance(verify(req, trusted(), NOW), Verified)
    req = request(canned(url="https://localhost:8443/storage/a"))
    assert isinstance(verify(req, trusted(), NOW), Verified)


def test_what_the_origin_and_the_cache_key_get() -> None:
    query = "b=2&Expires=1&Policy=x&Signature=y&Key-Pair-Id=K&Hash-Algorithm=SHA256&a=%20&expires=lower"
    assert origin_query(query) == "b=2&a=%20&expires=lower"  # names are case-sensitive, like CloudFront's
    assert cache_key_query(query) == origin_query(query)
    assert [n for n in ("CloudFront-Policy", "CloudFront-Hash-Algorithm", "cloudfront-policy", "session")
            if is_signing_cookie(n)] == ["CloudFront-Policy", "CloudFront-Hash-Algorithm"]


def test_the_xml_body_is_cloudfronts_byte_for_byte() -> None:
    body = error_body(Denied("MissingKey", "why"))
    assert body == (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code><Message>Missing '
                    b"Key-Pair-Id query parameter or cookie value</Message></Error>")
    assert len(body) == 146  # the Content-Length of a 2018 capture (observed; AWS does not document it)


def test_the_cache_key_view_of_a_restricted_request() -> None:
    from emulator.config.model import CacheBehavior

    restricted = CacheBehavior(path_pattern="/storage/*", target_origin_id="files", trusted_key_groups=("storage",))
    public = CacheBehavior(path_pattern="/public/*", target_origin_id="files")
    req = request(canned(url=URL + "?v=2"), cookies="a=1; CloudFront-Policy=p; CloudFront-Signature=s; b=2")
    seen = for_cache_key(req, restricted)
    assert seen.query == "v=2"
    assert seen.headers.getall("Cookie") == ["a=1; b=2"]
    assert for_cache_key(request(URL, cookies="CloudFront-Key-Pair-Id=K"), restricted).headers.get("Cookie") is None
    assert for_cache_key(req, public) is req


def test_a_raw_ecdsa_signature_is_refused_and_explained() -> None:
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    statement = canned_statement(URL, NOW + 60)
    r, s = decode_dss_signature(raw_sign(ec_key(), statement))
    raw = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    url = f"{URL}?Expires={NOW + 60}&Signature={cf_b64(raw)}&Key-Pair-Id={EC_ID}"
    assert outcome(url) == "AccessDenied"
    assert "raw 64-byte r||s; CloudFront verifies DER-encoded ECDSA signatures" in cause(url)
