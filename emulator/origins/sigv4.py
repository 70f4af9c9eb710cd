"""SigV4 for origin access control toward Lambda function URLs: the edge signs, the `lambda-url` mock verifies.

AWS, "Restrict access to an AWS Lambda function URL origin": CloudFront signs its origin requests with SigV4
(service `lambda`) when the origin has an OAC, and "If you use PUT or POST methods with your Lambda function URL,
your users must compute the SHA256 of the body and include the payload hash value of the request body in the
x-amz-content-sha256 header when sending the request to CloudFront. Lambda doesn't support unsigned payloads."
So the edge never hashes a body: it signs with the viewer's `x-amz-content-sha256` when there is one, the empty
body's hash for a request without a body, and UNSIGNED-PAYLOAD otherwise, which the function URL refuses.

Both sides use botocore's signer with one pair of local credentials: nothing here talks to AWS.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from multidict import CIMultiDict

from emulator.config.model import Origin
from emulator.http import OriginRequest, ViewerRequest, freeze
from emulator.trace import Trace

# The local edge's signing identity (the service principal cloudfront.amazonaws.com stands behind it).
CREDENTIALS = Credentials("AKIAFRONTYARDLOCALEDGE", "frontyard-local-edge-secret-key-not-a-real-one")
UNSIGNED = "UNSIGNED-PAYLOAD"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_REGION = re.compile(r"\.lambda-url\.([a-z0-9-]+)\.on\.aws$")
_AUTH = re.compile(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, "
                   r"SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$")


def region_of(domain: str) -> str:
    """The region in a function URL's domain (`<url-id>.lambda-url.<region>.on.aws`); us-east-1 otherwise."""
    found = _REGION.search(domain.lower())
    return found.group(1) if found else "us-east-1"


def is_lambda_url(domain: str) -> bool:
    return _REGION.search(domain.lower()) is not None


def payload_hash(method: str, viewer_hash: str | None, has_body: bool) -> str:
    """What the edge signs as the payload: the viewer's hash, the empty body's, or UNSIGNED-PAYLOAD."""
    if viewer_hash:
        return viewer_hash
    return UNSIGNED if has_body or method.upper() in ("PUT", "POST") else EMPTY_SHA256


def sign(method: str, host: str, target: str, content_sha256: str, region: str,
         service: str = "lambda") -> dict[str, str]:
    """The headers SigV4 adds to a request for Host `host` and `target` (path?query): Authorization,
    X-Amz-Date and X-Amz-Content-SHA256. Only Host and the x-amz-* headers are signed, so the hop-by-hop
    headers the connection adds later cannot break the signature."""
    request = AWSRequest(method=method.upper(), url=f"https://{host}{target}",
                         headers={"Host": host, "X-Amz-Content-SHA256": content_sha256})
    SigV4Auth(CREDENTIALS, service, region).add_auth(request)
    return {k: str(v) for k, v in request.headers.items() if k.lower() != "host"}


@dataclass(frozen=True)
class Refusal:
    status: int
    error_type: str
    message: str
    why: str  # for the trace: what exactly failed


_FORBIDDEN = "Forbidden"
_MISMATCH = ("The request signature we calculated does not match the signature you provided. Check your AWS "
             "Secret Access Key and signing method. Consult the service documentation for details.")


def verify(method: str, target: str, headers: Mapping[str, str], body: bytes, region: str,
           service: str = "lambda") -> Refusal | None:
    """None when the request carries a valid SigV4 signature by the local edge; else how AWS refuses it."""
    auth = headers.get("Authorization", "")
    found = _AUTH.match(auth)
    if found is None:
        return Refusal(403, "AccessDeniedException", _FORBIDDEN, "no SigV4 Authorization header (AuthType AWS_IAM)")
    key, _, cred_region, cred_service, signed, signature = found.groups()
    if key != CREDENTIALS.access_key or (cred_region, cred_service) != (region, service):
        return Refusal(403, "InvalidSignatureException", _MISMATCH,
                       f"credential scope {cred_region}/{cred_service} (expected {region}/{service})")
    content = headers.get("X-Amz-Content-SHA256")
    if content == UNSIGNED or (content is None and body):
        return Refusal(403, "InvalidSignatureException", _MISMATCH, "unsigned payload: Lambda needs the body's "
                       "SHA-256 in x-amz-content-sha256 (the viewer must send it for PUT and POST)")
    if content is not None and content != hashlib.sha256(body).hexdigest():
        return Refusal(403, "InvalidSignatureException", _MISMATCH,
                       "x-amz-content-sha256 is not the SHA-256 of the body received")
    names = signed.split(";")
    host = headers.get("Host", "")
    kept = {n: headers.get(n, "") for n in names if n != "host"}
    request = AWSRequest(method=method.upper(), url=f"https://{host}{target}", headers={"Host": host, **kept},
                         data=body)
    request.context["timestamp"] = headers.get("X-Amz-Date", "")
    signer = SigV4Auth(CREDENTIALS, service, region)
    expected = signer.signature(signer.string_to_sign(request, signer.canonical_request(request)), request)
    if not hmac.compare_digest(expected, signature):
        return Refusal(403, "InvalidSignatureException", _MISMATCH, "the signature does not match the request")
    return None


def oac_signed(origin_request: OriginRequest, origin: Origin, viewer: ViewerRequest, trace: Trace) -> OriginRequest:
    """Stage 8's last step for an origin with an origin access control of origin type lambda (a function URL
    origin): the request as CloudFront signs it. Other OAC origin types are left to their own signing."""
    if origin.origin_access_control_id is None:
        return origin_request
    if not is_lambda_url(origin.domain_name) and (origin.mock is None or origin.mock.type != "lambda-url"):
        return origin_request
    host = origin_request.headers.get("Host", origin.domain_name)
    viewer_hash = viewer.headers.get("x-amz-content-sha256")
    content = payload_hash(origin_request.method, viewer_hash, viewer.has_body)
    added = sign(origin_request.method, host, origin_request.target, content, region_of(origin.domain_name))
    headers = CIMultiDict(origin_request.headers)
    for name in ("Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token"):
        headers.popall(name, None)
    headers.extend(added)
    how = ("the viewer's x-amz-content-sha256" if viewer_hash else
           "UNSIGNED-PAYLOAD (no x-amz-content-sha256 from the viewer: Lambda refuses it)" if content == UNSIGNED
           else "the empty body's hash")
    trace.add("origin-request", "oac", f"signed with SigV4 for lambda in {region_of(origin.domain_name)} "
              f"(origin access control {origin.origin_access_control_id}); payload hash: {how}", origin.location)
    return replace(origin_request, headers=freeze(headers))
