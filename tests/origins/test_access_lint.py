"""`frontyard validate` warnings about origin access: an OAC on a website endpoint, and a bucket policy that
refuses the distribution's own requests (another distribution's ARN, an OAI policy under an OAC, ...)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_config
from emulator.pipeline.lint import lint

DIST = "arn:aws:cloudfront::123456789012:distribution/E2LOCAL"


def statement(principal: object, condition: object = None) -> dict[str, object]:
    s: dict[str, object] = {"Effect": "Allow", "Principal": principal, "Action": "s3:GetObject",
                            "Resource": "arn:aws:s3:::site-bucket/*"}
    if condition is not None:
        s["Condition"] = condition
    return s


def warnings(tmp_path: Path, origin: str) -> list[str]:
    (tmp_path / "bucket").mkdir(exist_ok=True)
    text = f"""\
    origin_access_controls: {{oac: {{signing_behavior: always}}}}
    distribution:
      id: E2LOCAL
      origins:
        - id: bucket
          {origin}
      default_cache_behavior: {{target_origin_id: bucket}}
    """
    (tmp_path / "frontyard.yaml").write_text(textwrap.dedent(text))
    return [f"{w.location.line}: {w.message}" for w in lint(load_config(tmp_path / "frontyard.yaml"))]


def test_an_oac_on_a_website_endpoint_warns(tmp_path: Path) -> None:
    found = warnings(tmp_path, "domain_name: site-bucket.s3-website-us-east-1.amazonaws.com\n"
                               "          origin_access_control_id: oac\n"
                               "          mock: {type: s3-website, root: bucket}")
    assert found == ["5: origin access control 'oac' on an S3 website endpoint (site-bucket.s3-website-us-east-1"
                     ".amazonaws.com): website endpoints serve only publicly readable objects and do not take "
                     "signed requests, so the bucket must stay public and the signature protects nothing. Fix: use "
                     "the bucket's REST endpoint (bucket.s3.REGION.amazonaws.com) with s3_origin and the OAC, and a "
                     "viewer-request function for index documents"]


def policy_origin(access: str, *statements: dict[str, object]) -> str:
    policy = json.dumps({"Statement": list(statements)})
    return (f"domain_name: site-bucket.s3.us-east-1.amazonaws.com\n          {access}\n"
            f"          mock: {{type: s3, root: bucket, bucket_policy: {policy}}}")


CLOUDFRONT = {"Service": "cloudfront.amazonaws.com"}
OAI = {"AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1OAI"}


@pytest.mark.parametrize(("access", "statements", "said"), [
    ("origin_access_control_id: oac",
     [statement(CLOUDFRONT, {"StringEquals": {"AWS:SourceArn": DIST.replace("E2LOCAL", "E9OTHER")}})],
     "does not hold: the request's aws:SourceArn is " + DIST),
    ("origin_access_control_id: oac", [statement(OAI)],
     "no statement allows s3:GetObject on arn:aws:s3:::site-bucket/index.html for principal cloudfront"),
    ("s3_origin: {origin_access_identity: origin-access-identity/cloudfront/E1OAI}", [statement(CLOUDFRONT)],
     "sent with its origin access identity E1OAI"),
    ("s3_origin: {}", [statement(CLOUDFRONT)], "sent with no origin access (anonymous requests)"),
])
def test_a_policy_that_refuses_this_distribution_warns(tmp_path: Path, access: str,
                                                       statements: list[dict[str, object]], said: str) -> None:
    found = warnings(tmp_path, policy_origin(access, *statements))
    assert len(found) == 1 and said in found[0] and "Every object answers 403 AccessDenied" in found[0], found


@pytest.mark.parametrize(("access", "statements"), [
    ("origin_access_control_id: oac", [statement(CLOUDFRONT, {"StringEquals": {"AWS:SourceArn": DIST}})]),
    ("s3_origin: {origin_access_identity: E1OAI}", [statement(OAI)]),
    ("s3_origin: {}", [statement("*")]),
])
def test_a_policy_that_lets_this_distribution_in_is_quiet(tmp_path: Path, access: str,
                                                          statements: list[dict[str, object]]) -> None:
    assert warnings(tmp_path, policy_origin(access, *statements)) == []


def url_warnings(tmp_path: Path, auth: str, access: str, oac_type: str = "lambda") -> list[str]:
    (tmp_path / "fn").mkdir(exist_ok=True)
    (tmp_path / "fn" / "index.py").write_text("def handler(event, context):\n    return 'ok'\n")
    text = f"""\
    origin_access_controls:
      oac: {{signing_behavior: always, origin_type: {oac_type}}}
      nosign: {{signing_behavior: never, origin_type: lambda}}
    lambda_functions:
      ssr: {{runtime: python3.12, code: fn, handler: index.handler}}
    distribution:
      id: E2LOCAL
      origins:
        - id: ssr
          domain_name: abcdefghij0123456789abcdefghij01.lambda-url.eu-west-1.on.aws
          {access}
          mock: {{type: lambda-url, function: ssr, auth_type: {auth}}}
      default_cache_behavior: {{target_origin_id: ssr}}
    """
    (tmp_path / "frontyard.yaml").write_text(textwrap.dedent(text))
    return [f"{w.location.line}: {w.message}" for w in lint(load_config(tmp_path / "frontyard.yaml"))]


@pytest.mark.parametrize(("auth", "access", "oac_type", "said"), [
    ("NONE", "origin_access_control_id: oac", "lambda",
     "9: origin access control 'oac' signs requests to a function URL whose auth_type is NONE: Lambda checks no "
     "signature there"),
    ("AWS_IAM", "", "lambda", "9: the function URL's auth_type is AWS_IAM and the origin has no origin access "
     "control: every request is unsigned and answered 403"),
    ("AWS_IAM", "origin_access_control_id: nosign", "lambda",
     "the origin has origin access control 'nosign' never signs"),
    ("AWS_IAM", "origin_access_control_id: oac", "s3",
     "origin access control 'oac' has origin_type s3, so it signs for the s3 service and the function URL "
     "(auth_type AWS_IAM) answers every request 403"),
])
def test_a_function_url_whose_auth_type_and_access_disagree_warns(tmp_path: Path, auth: str, access: str,
                                                                  oac_type: str, said: str) -> None:
    found = url_warnings(tmp_path, auth, access, oac_type)
    assert len(found) == 1 and said in found[0], found


@pytest.mark.parametrize(("auth", "access"), [("AWS_IAM", "origin_access_control_id: oac"), ("NONE", ""),
                                              ("NONE", "origin_access_control_id: nosign")])
def test_a_function_url_with_fitting_access_is_quiet(tmp_path: Path, auth: str, access: str) -> None:
    assert url_warnings(tmp_path, auth, access) == []
