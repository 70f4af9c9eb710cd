"""Origin access: how the edge identifies itself to an S3 (or Lambda) origin, and who it is in AWS's eyes.

An origin access control (OAC) makes CloudFront sign origin requests with SigV4 as the service principal
cloudfront.amazonaws.com, on behalf of one distribution (aws:SourceArn); a legacy origin access identity
(OAI) is a CloudFront user the bucket policy names (CloudFront Developer Guide, "Restricting access to an
Amazon S3 origin").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum

from emulator.issues import Location

# IAM's documentation account: the id the importers use for ${AWS::AccountId} unless a --parameter says otherwise.
LOCAL_ACCOUNT = "123456789012"
# Used when neither the config nor the environment gives credentials: a local S3 mock checks signatures made
# with them; a real store needs real ones.
LOCAL_ACCESS_KEY = "AKIAFRONTYARDLOCAL00"
LOCAL_SECRET_KEY = "frontyard-local-secret-access-key-not-a-real-one"


class SigningBehavior(StrEnum):
    # OriginAccessControlConfig.SigningBehavior (CloudFront API Reference).
    ALWAYS = "always"  # sign every origin request, replacing a viewer's Authorization header
    NEVER = "never"  # sign nothing: the OAC is switched off
    NO_OVERRIDE = "no-override"  # sign unless the viewer's Authorization header is forwarded


class OriginType(StrEnum):
    S3 = "s3"
    MEDIASTORE = "mediastore"
    MEDIAPACKAGEV2 = "mediapackagev2"
    LAMBDA = "lambda"


@dataclass(frozen=True, kw_only=True)
class OriginAccessControl:
    id: str
    signing_behavior: SigningBehavior = SigningBehavior.ALWAYS
    origin_type: OriginType = OriginType.S3
    declared: bool = True  # False: an origin names it and `origin_access_controls` does not define it
    location: Location | None = None

    @property
    def signing_service(self) -> str:
        """The SigV4 service name requests are signed for."""
        return "s3" if self.origin_type is OriginType.S3 else str(self.origin_type)


@dataclass(frozen=True, kw_only=True)
class AwsIdentity:
    """The account distributions live in (their ARNs) and the credentials origin requests are signed with."""

    account_id: str = LOCAL_ACCOUNT
    access_key_id: str = LOCAL_ACCESS_KEY
    secret_access_key: str = LOCAL_SECRET_KEY
    session_token: str | None = None
    source: str = "frontyard's local credentials"  # where the credentials came from, for the trace

    def distribution_arn(self, distribution_id: str) -> str:
        return f"arn:aws:cloudfront::{self.account_id}:distribution/{distribution_id}"


# <bucket>.s3.amazonaws.com, <bucket>.s3.<region>.amazonaws.com, <bucket>.s3-<region>..., dualstack, website.
_BUCKET_HOST = re.compile(r"^(?P<bucket>[a-z0-9][a-z0-9.-]*?)\.s3[.-]")


def bucket_of(domain: str) -> str:
    """The bucket a virtual-hosted-style S3 name (what CloudFront sends as Host) names; else its first label."""
    name = domain.split(":", 1)[0].lower()
    m = _BUCKET_HOST.match(name)
    return m.group("bucket") if m else name.split(".", 1)[0]


def oai_id(value: str) -> str:
    """An OAI as S3OriginConfig names it (origin-access-identity/cloudfront/E2...) -> its id (E2...)."""
    return value.rsplit("/", 1)[-1]


def oai_canonical_user(identity: str) -> str:
    """A stable stand-in for the S3 canonical user ID AWS assigns an OAI (64 hex digits, like the real ones)."""
    return hashlib.sha256(f"cloudfront-oai:{identity}".encode()).hexdigest()
