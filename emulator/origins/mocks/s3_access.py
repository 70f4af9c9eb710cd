"""The S3 mock's access checks when it has a `bucket_policy`: who is asking (a SigV4 signature made with the
edge's credentials, or nobody), then what the policy allows them.

Amazon S3 User Guide, "How Amazon S3 authorizes a request": the caller is authenticated first (a bad signature
is 403 SignatureDoesNotMatch, an unknown key 403 InvalidAccessKeyId), then the bucket policy decides. A request
the edge signed comes from CloudFront's service principal with aws:SourceArn = the distribution's ARN and
aws:SourceAccount = its account (origin access control), or from the origin's access identity (OAI).
GetObject API reference: for a missing key, "If you have the s3:ListBucket permission on the bucket, Amazon S3
returns an HTTP status code 404 Not Found error. If you don't have the s3:ListBucket permission, Amazon S3
returns an HTTP status code 403 Access Denied error."
"""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from emulator.config.model.access import AwsIdentity, oai_canonical_user
from emulator.origins import sigv4
from emulator.origins.access import EdgeContext
from emulator.origins.mocks.s3_errors import S3Error
from emulator.origins.s3_policy import Decision, Policy, Principal, RequestContext, evaluate

_SIGNATURE_MESSAGES = {
    "InvalidAccessKeyId": "The AWS Access Key Id you provided does not exist in our records.",
    "SignatureDoesNotMatch": "The request signature we calculated does not match the signature you provided. "
                             "Check your key and signing method.",
    "InvalidToken": "The provided token is malformed or otherwise invalid.",
    "AuthorizationHeaderMalformed": "The authorization header is malformed.",
}
_SIGNATURE_STATUS = {"AuthorizationHeaderMalformed": 400, "InvalidToken": 400}




@dataclass(frozen=True)
class Caller:
    principal: Principal
    keys: tuple[tuple[str, str], ...]


def authenticate(request: web.Request, edge: EdgeContext | None) -> Caller | tuple[S3Error, str]:
    """Who sent the request, or the error S3 answers a signature it cannot accept (and why, for the trace)."""
    secure = ("aws:SecureTransport", "true" if request.secure else "false")
    source_ip = ("aws:SourceIp", request.remote or "127.0.0.1")
    if "Authorization" not in request.headers:
        return Caller(Principal.anonymous(), (secure, source_ip))
    aws = edge.aws if edge is not None else AwsIdentity()
    verdict = sigv4.verify(request.method, request.raw_path, request.headers,
                           sigv4.Expected(aws.access_key_id, aws.secret_access_key, aws.session_token))
    if not verdict.ok:
        error = S3Error(_SIGNATURE_STATUS.get(verdict.code, 403), verdict.code, _SIGNATURE_MESSAGES[verdict.code])
        return error, f"the signature is refused ({verdict.code}): {verdict.reason}"
    if edge is not None and edge.access_identity is not None:
        oai = edge.access_identity
        return Caller(Principal.origin_access_identity(oai, oai_canonical_user(oai)), (secure,))
    arn = edge.distribution_arn if edge is not None else aws.distribution_arn("default")
    return Caller(Principal.service(), (("aws:SourceArn", arn), ("aws:SourceAccount", aws.account_id), secure))


def authorize(policy: Policy, caller: Caller, action: str, resource: str) -> Decision:
    return evaluate(policy, RequestContext(caller.principal, action, resource, caller.keys))
