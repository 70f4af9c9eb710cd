"""AWS Signature Version 4 for origin requests, with botocore's signer: signing what the edge sends under an
origin access control, and checking such a signature the way S3 does (the S3 mock's side).

Only Host and the x-amz-* headers SigV4 adds are signed, so the headers the connection layer sets afterwards
(framing, Connection) cannot break the signature. A body known in full is hashed; a streamed one is sent as
UNSIGNED-PAYLOAD, which S3 accepts (Amazon S3 API Reference, "Authenticating Requests (AWS Signature Version 4)").
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import SimpleNamespace

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

_ADDED = ("Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token")
_AUTHORIZATION = re.compile(r"^AWS4-HMAC-SHA256\s+Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request,\s*"
                            r"SignedHeaders=([a-z0-9;._-]+),\s*Signature=([0-9a-f]{64})$")
# bucket.s3.us-west-2.amazonaws.com, bucket.s3-us-west-2.amazonaws.com, bucket.s3.dualstack.eu-west-1..., and
# a function URL's <id>.lambda-url.<region>.on.aws.
_REGION = re.compile(r"(?:\.s3[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com"
                     r"|\.lambda-url\.([a-z]{2}(?:-[a-z]+)+-\d)\.on\.aws)$")


def region_of(domain: str) -> str:
    """The region an origin's AWS domain names; the legacy global S3 endpoint (bucket.s3.amazonaws.com) is
    us-east-1."""
    m = _REGION.search(domain.lower())
    return next((g for g in m.groups() if g), "us-east-1") if m else "us-east-1"


def _auth(access_key: str, secret: str, token: str | None, service: str, region: str) -> SigV4Auth:
    cls = S3SigV4Auth if service == "s3" else SigV4Auth
    return cls(Credentials(access_key, secret, token), service, region)


def sign(method: str, url: str, host: str, *, access_key: str, secret: str, token: str | None, service: str,
         region: str, body: bytes | None) -> list[tuple[str, str]]:
    """The headers that sign this request: Authorization, X-Amz-Date, X-Amz-Content-SHA256 (S3) and the
    session token. `body` None: a streamed body, sent unsigned."""
    req = AWSRequest(method=method, url=url, headers={"Host": host}, data=body or b"")
    # S3SigV4Auth reads "payload signing" from the client config; without a client, say it here.
    req.context["client_config"] = SimpleNamespace(s3={"payload_signing_enabled": body is not None})
    req.context["payload_signing_enabled"] = body is not None
    _auth(access_key, secret, token, service, region).add_auth(req)
    return [(name, str(req.headers[name])) for name in _ADDED if name in req.headers]


@dataclass(frozen=True)
class Verdict:
    ok: bool
    access_key: str = ""
    code: str = ""  # S3's error code when not ok: InvalidAccessKeyId, SignatureDoesNotMatch, ...
    reason: str = ""


def verify(method: str, raw_target: str, headers: Mapping[str, str], *, access_key: str, secret: str,
           token: str | None) -> Verdict:
    """Whether a request's SigV4 Authorization header was made with these credentials over what arrived."""
    m = _AUTHORIZATION.match(headers.get("Authorization", "").strip())
    if m is None:
        return Verdict(False, code="AuthorizationHeaderMalformed",
                       reason="the Authorization header is not a SigV4 AWS4-HMAC-SHA256 signature")
    key, _, region, service, signed, signature = m.groups()
    if key != access_key:
        return Verdict(False, key, "InvalidAccessKeyId", f"access key {key} is not the one this bucket knows")
    if token is not None and headers.get("X-Amz-Security-Token") != token:
        return Verdict(False, key, "InvalidToken", "the session token does not match")
    names = signed.split(";")
    if "host" not in names or any(n not in headers for n in names):
        return Verdict(False, key, "SignatureDoesNotMatch", "a signed header is missing from the request")
    req = AWSRequest(method=method, url=f"http://{headers['host']}{raw_target}",
                     headers={n: headers[n] for n in names})
    req.context["timestamp"] = headers.get("X-Amz-Date", "")
    auth = _auth(access_key, secret, token, service, region)
    expected = auth.signature(auth.string_to_sign(req, auth.canonical_request(req)), req)
    if not hmac.compare_digest(expected, signature):
        return Verdict(False, key, "SignatureDoesNotMatch", "the signature does not match the request")
    return Verdict(True, key)
