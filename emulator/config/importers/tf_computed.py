"""What Terraform computes for a resource (its id, ARN, domain names), as the local edge sees them: fixed values
derived from the resource's own arguments, so references to it resolve before any `terraform apply`."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable

from emulator.config.importers.intrinsics import ACCOUNT
from emulator.config.importers.lambdas import VERSION, lambda_arn
from emulator.config.model.access import oai_canonical_user

# Attributes AWS assigns that the edge reads from the resource itself (terraform.py's tree), set from its own module's
# `attribute` so that they equal what references to the resource resolve to, in a module or at the root.
ASSIGNED = {"aws_cloudfront_public_key": ("id",), "aws_cloudfront_origin_access_control": ("id",),
            "aws_cloudfront_distribution": ("arn",)}


# long: one branch per resource type the CloudFront resources refer to, each its attribute table
def computed(kind: str, name: str, label: str, attr: Callable[[str], object], region: str) -> dict[str, object]:
    fake = "E" + hashlib.sha256(label.encode()).hexdigest()[:13].upper()
    own = attr("name") or name
    values: dict[str, object] = {}
    if kind == "aws_cloudfront_function":
        values = {"arn": f"arn:aws:cloudfront::{ACCOUNT}:function/{own}", "name": own, "id": own}
    elif kind in ("aws_cloudfront_cache_policy", "aws_cloudfront_origin_request_policy",
                  "aws_cloudfront_response_headers_policy", "aws_cloudfront_key_group"):
        values = {"id": own, "name": own}
    elif kind == "aws_cloudfront_public_key":  # the Key-Pair-Id signers send (--parameter TYPE.NAME.id=...)
        values = {"id": "K" + fake[1:], "name": own}
    elif kind == "aws_cloudfront_key_value_store":
        values = {"arn": f"arn:aws:cloudfront::{ACCOUNT}:key-value-store/{own}", "id": own, "name": own}
    elif kind in ("aws_cloudfront_origin_access_control", "aws_cloudfront_origin_access_identity"):
        values = {"id": fake, "cloudfront_access_identity_path": f"origin-access-identity/cloudfront/{fake}",
                  "iam_arn": f"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity {fake}",
                  "s3_canonical_user_id": oai_canonical_user(fake)}
    elif kind == "aws_s3_bucket" and attr("bucket") is None and attr("bucket_prefix") is not None:
        values = {}  # a generated name (bucket_prefix + a random suffix): known only after apply
    elif kind == "aws_s3_bucket":
        bucket = attr("bucket") or name
        values = {"id": bucket, "bucket": bucket, "arn": f"arn:aws:s3:::{bucket}",
                  "bucket_domain_name": f"{bucket}.s3.amazonaws.com",
                  "bucket_regional_domain_name": f"{bucket}.s3.{region}.amazonaws.com",
                  "website_endpoint": f"{bucket}.s3-website-{region}.amazonaws.com",
                  "website_domain": f"s3-website-{region}.amazonaws.com", "region": region}
    elif kind == "aws_s3_bucket_website_configuration":
        bucket = attr("bucket") or name
        values = {"website_endpoint": f"{bucket}.s3-website-{region}.amazonaws.com",
                  "website_domain": f"s3-website-{region}.amazonaws.com", "id": bucket}
    elif kind == "aws_lambda_function":
        fn = attr("function_name") or name
        values = {"function_name": fn, "arn": lambda_arn(region, ACCOUNT, str(fn)), "version": VERSION,
                  "qualified_arn": lambda_arn(region, ACCOUNT, str(fn), VERSION)}
    elif kind in ("random_string", "random_password", "random_id"):
        values = random_stand_in(kind, label, attr)
    elif kind == "aws_cloudfront_distribution":
        values = {"id": fake, "domain_name": "d" + fake[1:].lower() + ".cloudfront.net",
                  "arn": f"arn:aws:cloudfront::{ACCOUNT}:distribution/{fake}"}
    return values


# The random provider's character classes (terraform-provider-random, random_string): "special" is its default set.
CLASSES = (("lower", "abcdefghijklmnopqrstuvwxyz"), ("upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
           ("numeric", "0123456789"), ("special", "!@#$%&*()-_=+[]{}<>:?"))


def random_stand_in(kind: str, label: str, attr: Callable[[str], object]) -> dict[str, object]:
    """A random_string / random_password / random_id's result: any value of the declared form is one a deployment
    could have drawn, so a stable one (derived from the resource's address) stands in for it locally."""
    digest = hashlib.sha256(label.encode()).digest() * 8
    if kind == "random_id":
        size = attr("byte_length")
        if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= 64:
            return {}
        raw, prefix = digest[:size], str(attr("prefix") or "")
        b64_url = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        return {"hex": prefix + raw.hex(), "dec": prefix + str(int.from_bytes(raw, "big")), "b64_url": prefix + b64_url,
                "b64_std": prefix + base64.b64encode(raw).decode(), "id": b64_url}
    length = attr("length")
    if not isinstance(length, int) or isinstance(length, bool) or not 0 < length <= 256:
        return {}
    wanted = [(name, chars) for name, chars in CLASSES
              if attr(name) is not False and (name != "numeric" or attr("number") is not False)]  # number: deprecated
    special = attr("override_special")
    alphabet = "".join(str(special) if name == "special" and special is not None else chars for name, chars in wanted)
    if not alphabet:
        return {}
    result = "".join(alphabet[b % len(alphabet)] for b in digest[:length])
    return {"result": result, "id": result if kind == "random_string" else "none"}


# Data sources every AWS module reads, answered locally (a --parameter for the same address wins).
WELL_KNOWN_DATA = ("aws_partition", "aws_region", "aws_caller_identity", "aws_availability_zones")


def well_known_data(kind: str, region: str) -> dict[str, object]:
    """What the aws provider's data source gives, as the local edge's one account in one region sees it."""
    if kind == "aws_partition":
        return {"partition": "aws", "id": "aws", "dns_suffix": "amazonaws.com", "reverse_dns_prefix": "com.amazonaws"}
    if kind == "aws_region":
        return {"name": region, "region": region, "id": region, "endpoint": f"ec2.{region}.amazonaws.com",
                "description": region}
    if kind == "aws_caller_identity":
        return {"account_id": ACCOUNT, "id": ACCOUNT, "user_id": ACCOUNT, "arn": f"arn:aws:iam::{ACCOUNT}:root"}
    zones = [f"{region}{z}" for z in "abc"]  # as CloudFormation's Fn::GetAZs gives locally
    return {"names": zones, "id": region}
