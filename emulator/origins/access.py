"""Origin access on the edge's side: the SigV4 signature an origin access control (or a legacy origin access
identity) puts on origin requests, and, for a local S3 mock, what its bucket policy decided, in the trace.

AWS (CloudFront Developer Guide, "Restricting access to an Amazon S3 origin"; API Reference,
OriginAccessControlConfig): with signing behavior `always` CloudFront signs every origin request, replacing a
viewer's Authorization header; with `no-override` it signs only when the request has no Authorization header
(one the cache policy forwards from the viewer); `never` signs nothing. The signature is SigV4 for the origin's
service (s3, lambda, ...) in the origin's region, so a real S3-compatible store checks it as S3 would.

The mock and the edge share one `DecisionLog` per origin: the mock writes why it answered under the
x-amz-request-id it sends, and the edge reads it back into the request's trace.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from multidict import CIMultiDict

from emulator.config.model import Distribution, Origin
from emulator.config.model.access import AwsIdentity, OriginAccessControl, SigningBehavior
from emulator.http import EdgeResponse, OriginRequest, ViewerRequest, freeze
from emulator.origins import sigv4
from emulator.trace import Trace

if TYPE_CHECKING:
    from emulator.origins.groups import Fetch


class DecisionLog:
    """What a mock origin decided, by the request id it answered with; bounded, oldest dropped first."""

    def __init__(self, capacity: int = 1024) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[str, tuple[str, ...]] = OrderedDict()

    def record(self, request_id: str, *lines: str) -> None:
        self._entries[request_id] = lines
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)

    def take(self, request_id: str | None) -> tuple[str, ...]:
        return self._entries.pop(request_id, ()) if request_id else ()


@dataclass(frozen=True)
class EdgeContext:
    """What a mock origin knows of the edge in front of it, as S3 knows the caller: the distribution (for
    aws:SourceArn), the credentials its signatures are made with, and which identity the origin uses."""

    distribution_arn: str
    aws: AwsIdentity
    access_control: OriginAccessControl | None = None
    access_identity: str | None = None
    decisions: DecisionLog = field(default_factory=DecisionLog, compare=False)

    @classmethod
    def of(cls, distribution: Distribution, origin: Origin, aws: AwsIdentity) -> EdgeContext:
        arn = distribution.arn or aws.distribution_arn(distribution.id)
        return cls(arn, aws, origin.access_control, origin.access_identity)


def signs(origin: Origin, request: OriginRequest) -> tuple[bool, str]:
    """Whether the edge signs this origin request, and why (for the trace)."""
    oac = origin.access_control
    if oac is not None:
        if oac.signing_behavior is SigningBehavior.NEVER:
            return False, f"origin access control '{oac.id}' has signing_behavior never: not signed"
        if oac.signing_behavior is SigningBehavior.NO_OVERRIDE and "Authorization" in request.headers:
            return False, (f"origin access control '{oac.id}' has signing_behavior no-override and the viewer's "
                           "Authorization header is forwarded: not signed, the viewer's header goes to the origin")
        return True, f"signed with SigV4 by origin access control '{oac.id}' (signing_behavior " \
                     f"{oac.signing_behavior.value})"
    if origin.access_identity is not None:
        return True, f"signed as origin access identity {origin.access_identity}"
    return False, ""


def sign_request(origin: Origin, request: OriginRequest, aws: AwsIdentity, viewer: ViewerRequest
                 ) -> tuple[OriginRequest, str]:
    """The request with CloudFront's signature (a viewer's Authorization header replaced), and a trace line."""
    service = origin.access_control.signing_service if origin.access_control else "s3"
    region = sigv4.region_of(request.domain_name)
    host = request.headers.get("Host", request.domain_name)
    payload, how = _payload(service, request, viewer)
    added = sigv4.sign(request.method, f"{request.scheme.value}://{host}{request.target}", host,
                       access_key=aws.access_key_id, secret=aws.secret_access_key, token=aws.session_token,
                       service=service, region=region, payload=payload)
    headers = CIMultiDict(request.headers)
    for name, value in added:
        headers[name] = value  # replaces a forwarded viewer Authorization
    note = f"service {service}, region {region}, Host {host}, access key {aws.access_key_id} from {aws.source}" + how
    return replace(request, headers=freeze(headers)), note


def _payload(service: str, request: OriginRequest, viewer: ViewerRequest) -> tuple[str, str]:
    """The payload hash signed for this service, and what the trace says of it."""
    if service == "lambda":
        viewer_hash = viewer.headers.get("x-amz-content-sha256")
        payload = sigv4.lambda_payload(request.method, viewer_hash, viewer.has_body)
        return payload, ("; payload hash: the viewer's x-amz-content-sha256" if viewer_hash else
                         "; payload hash: UNSIGNED-PAYLOAD (no x-amz-content-sha256 from the viewer: Lambda refuses "
                         "it)" if payload == sigv4.UNSIGNED else "; payload hash: the empty body's")
    body = request.body if isinstance(request.body, bytes) else None
    return sigv4.s3_payload(body), ("" if body is not None else ", UNSIGNED-PAYLOAD for the streamed body")


class OriginAccessClient:
    """Wraps the connection pool (what the trace records is what went out, signature included)."""

    def __init__(self, client: Fetch, distribution: Distribution, aws: AwsIdentity,
                 logs: dict[str, DecisionLog], trace: Trace, viewer: ViewerRequest) -> None:
        self.client = client
        self.viewer = viewer  # Lambda signs the viewer's x-amz-content-sha256
        self.distribution = distribution
        self.aws = aws
        self.logs = logs  # origin id -> the decision log of its local mock (mocks with an edge context only)
        self.trace = trace

    async def fetch(self, request: OriginRequest) -> tuple[EdgeResponse, int]:
        origin = next((o for o in self.distribution.origins if o.id == request.origin_id), None)
        if origin is not None:
            sign, why = signs(origin, request)
            if sign:
                request, note = sign_request(origin, request, self.aws, self.viewer)
                why += f": {note}"
            if why:
                self.trace.add("origin-access", origin.id, why, origin.location)
        answer = await self.client.fetch(request)
        log = self.logs.get(request.origin_id)
        if log is not None:
            for line in log.take(answer[0].headers.get("x-amz-request-id")):
                self.trace.add("origin-access", "bucket", line)
        return answer
