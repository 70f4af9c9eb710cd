"""AWS Signature Version 4 for origin requests, with botocore's signer: signing what the edge sends under an
origin access control, and checking such a signature the way the origin's service does (the mocks' side).

Only Host and the x-amz-* headers SigV4 adds are signed, so the headers the connection layer sets afterwards
(framing, Connection) cannot break the signature. What is signed as the payload depends on the service:
- S3 (Amazon S3 API Reference, "Authenticating Requests (AWS Signature Version 4)"): a body known in full is
  hashed; a streamed one is sent as UNSIGNED-PAYLOAD, which S3 accepts.
- Lambda (CloudFront Developer Guide, "Restrict access to an AWS Lambda function URL origin"): "If you use PUT or
  POST methods with your Lambda function URL, your users must compute the SHA256 of the body and include the
  payload hash value of the request body in the x-amz-content-sha256 header when sending the request to
  CloudFront. Lambda doesn't support unsigned payloads." The edge signs the viewer's hash, the empty body's hash
  for a request without a body, and UNSIGNED-PAYLOAD otherwise, which the function URL refuses.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

UNSIGNED = "UNSIGNED-PAYLOAD"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
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


def s3_payload(body: bytes | None) -> str:
    """S3's payload hash: the body's when known in full (`body` None: streamed, sent unsigned)."""
    return hashlib.sha256(body).hexdigest() if body is not None else UNSIGNED


def lambda_payload(method: str, viewer_hash: str | None, has_body: bool) -> str:
    """Lambda's: the edge never hashes a body; it signs the viewer's hash, the empty body's, or UNSIGNED-PAYLOAD."""
    if viewer_hash:
        return viewer_hash
    return UNSIGNED if has_body or method.upper() in ("PUT", "POST") else EMPTY_SHA256


@cache
def _botocore() -> tuple[Any, Any, Any]:
    """botocore's AWSRequest, Credentials and our SigV4Auth: imported on the first signature (an OAC or a mock
    that checks one), since importing botocore costs a start-up that signs nothing a large share of its time."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    class _Auth(SigV4Auth):  # type: ignore[misc]
        """botocore's SigV4 over the X-Amz-Content-SHA256 the caller set (canonical_request takes the header when
        present), with S3's one difference: S3 signs the path as sent, other services normalise it."""

        def _normalize_url_path(self, path: str) -> str:
            return path if self._service_name == "s3" else super()._normalize_url_path(path)  # type: ignore[no-any-return]

    return AWSRequest, Credentials, _Auth


def sign(method: str, url: str, host: str, *, access_key: str, secret: str, token: str | None, service: str,
         region: str, payload: str) -> list[tuple[str, str]]:
    """The headers that sign this request: Authorization, X-Amz-Date, X-Amz-Content-SHA256 (`payload`, from
    s3_payload or lambda_payload) and the session token."""
    AWSRequest, Credentials, _Auth = _botocore()
    req = AWSRequest(method=method.upper(), url=url, headers={"Host": host, "X-Amz-Content-SHA256": payload})
    _Auth(Credentials(access_key, secret, token), service, region).add_auth(req)
    return [(name, str(req.headers[name])) for name in _ADDED if name in req.headers]


@dataclass(frozen=True)
class Verdict:
    """Whether a signature holds. `code` names the failure in S3's error codes (InvalidAccessKeyId,
    SignatureDoesNotMatch, ...); each mock answers it in its own service's words."""

    ok: bool
    access_key: str = ""
    code: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Expected:
    """What the checking service knows: the credentials, and (Lambda) the credential scope it is reached under
    and whether it takes UNSIGNED-PAYLOAD."""

    access_key: str
    secret: str
    token: str | None = None
    scope: tuple[str, str] | None = None  # (region, service); None: not checked
    unsigned_ok: bool = True


def verify(method: str, raw_target: str, headers: Mapping[str, str], expected: Expected,
           body: bytes | None = None) -> Verdict:
    """Whether a request's SigV4 Authorization header was made with these credentials over what arrived
    (`body` None: the payload hash is not compared with the body)."""
    m = _AUTHORIZATION.match(headers.get("Authorization", "").strip())
    if m is None:
        return Verdict(False, code="AuthorizationHeaderMalformed",
                       reason="the Authorization header is not a SigV4 AWS4-HMAC-SHA256 signature")
    key, _, region, service, signed, signature = m.groups()
    early = _credentials(key, region, service, headers, expected) or _payload(key, headers, expected, body)
    if early is not None:
        return early
    names = signed.split(";")
    if "host" not in names or any(n not in headers for n in names):
        return Verdict(False, key, "SignatureDoesNotMatch", "a signed header is missing from the request")
    AWSRequest, Credentials, _Auth = _botocore()
    req = AWSRequest(method=method.upper(), url=f"http://{headers['host']}{raw_target}",
                     headers={n: headers[n] for n in names})
    req.context["timestamp"] = headers.get("X-Amz-Date", "")
    auth = _Auth(Credentials(expected.access_key, expected.secret, expected.token), service, region)
    if not hmac.compare_digest(auth.signature(auth.string_to_sign(req, auth.canonical_request(req)), req), signature):
        return Verdict(False, key, "SignatureDoesNotMatch", "the signature does not match the request")
    return Verdict(True, key)


def _credentials(key: str, region: str, service: str, headers: Mapping[str, str], expected: Expected
                 ) -> Verdict | None:
    if key != expected.access_key:
        return Verdict(False, key, "InvalidAccessKeyId", f"access key {key} is not the one this origin knows")
    if expected.token is not None and headers.get("X-Amz-Security-Token") != expected.token:
        return Verdict(False, key, "InvalidToken", "the session token does not match")
    if expected.scope is not None and (region, service) != expected.scope:
        return Verdict(False, key, "SignatureDoesNotMatch", f"credential scope {region}/{service} (expected "
                       f"{expected.scope[0]}/{expected.scope[1]})")
    return None


def _payload(key: str, headers: Mapping[str, str], expected: Expected, body: bytes | None) -> Verdict | None:
    content = headers.get("X-Amz-Content-SHA256")
    if not expected.unsigned_ok and (content == UNSIGNED or (content is None and body)):
        return Verdict(False, key, "SignatureDoesNotMatch", "unsigned payload: Lambda needs the body's SHA-256 in "
                       "x-amz-content-sha256 (the viewer must send it for PUT and POST)")
    if body is not None and content not in (None, UNSIGNED) and content != hashlib.sha256(body).hexdigest():
        return Verdict(False, key, "XAmzContentSHA256Mismatch",
                       "x-amz-content-sha256 is not the SHA-256 of the body received")
    return None
