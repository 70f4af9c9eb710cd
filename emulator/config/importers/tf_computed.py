"""What Terraform computes for a resource (its id, ARN, domain names), as the local edge sees them: fixed values
derived from the resource's own arguments, so references to it resolve before any `terraform apply`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from emulator.config.importers.intrinsics import ACCOUNT
from emulator.config.importers.lambdas import VERSION, lambda_arn
from emulator.config.model.access import oai_canonical_user


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
    elif kind == "aws_cloudfront_distribution":
        values = {"id": fake, "domain_name": "d" + fake[1:].lower() + ".cloudfront.net",
                  "arn": f"arn:aws:cloudfront::{ACCOUNT}:distribution/{fake}"}
    return values
