"""Imported origin access: a CloudFormation (CDK-shaped) or Terraform bucket origin with an OAC or an OAI and
its bucket policy, given only `{mock: {type: s3, root: ./site}}` in the overlay, is served under the template's
own policy, signed as the distribution's OAC; AWS-assigned ids get stable local values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.config.model import Config
from emulator.pipeline.lint import lint
from tests.helpers import run_config

JOIN_DIST_ARN = {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":cloudfront::", {"Ref": "AWS::AccountId"},
                                   ":distribution/", {"Ref": "Dist"}]]}


def template(*, oai: bool = False, source_arn: object = JOIN_DIST_ARN) -> dict[str, object]:
    """The shape `cdk synth` gives S3BucketOrigin.withOriginAccessControl (or the classic OAI origin)."""
    origin: dict[str, object] = {"Id": "site", "DomainName": {"Fn::GetAtt": ["Bucket", "RegionalDomainName"]}}
    if oai:
        origin["S3OriginConfig"] = {"OriginAccessIdentity": {"Fn::Join": [
            "", ["origin-access-identity/cloudfront/", {"Ref": "OAI"}]]}}
        statement = {"Effect": "Allow", "Action": "s3:GetObject",
                     "Principal": {"CanonicalUser": {"Fn::GetAtt": ["OAI", "S3CanonicalUserId"]}},
                     "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "Arn"]}, "/*"]]}}
    else:
        origin["S3OriginConfig"] = {"OriginAccessIdentity": ""}
        origin["OriginAccessControlId"] = {"Fn::GetAtt": ["OAC", "Id"]}
        statement = {"Effect": "Allow", "Action": "s3:GetObject", "Principal": {"Service": "cloudfront.amazonaws.com"},
                     "Condition": {"StringEquals": {"AWS:SourceArn": source_arn}},
                     "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "Arn"]}, "/*"]]}}
    return {"Resources": {
        "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "site-bucket"}},
        "Policy": {"Type": "AWS::S3::BucketPolicy", "Properties": {
            "Bucket": {"Ref": "Bucket"}, "PolicyDocument": {"Version": "2012-10-17", "Statement": [statement]}}},
        "OAC": {"Type": "AWS::CloudFront::OriginAccessControl", "Properties": {"OriginAccessControlConfig": {
            "Name": "site-oac", "OriginAccessControlOriginType": "s3", "SigningBehavior": "always",
            "SigningProtocol": "sigv4"}}},
        "OAI": {"Type": "AWS::CloudFront::CloudFrontOriginAccessIdentity",
                "Properties": {"CloudFrontOriginAccessIdentityConfig": {"Comment": "legacy"}}},
        "Dist": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
            "Enabled": True, "Origins": [origin], "DefaultCacheBehavior": {
                "TargetOriginId": "site", "ViewerProtocolPolicy": "allow-all",
                "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}}}}}}


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "site").mkdir(exist_ok=True)
    (tmp_path / "site" / "index.html").write_text("<h1>imported</h1>")
    (tmp_path / "frontyard.local.yaml").write_text("origins:\n  site: {mock: {type: s3, root: ./site}}\n")
    (tmp_path / name).write_text(text)
    return tmp_path / name


async def answers(config: Config) -> tuple[int, int, list[str]]:
    async with run_config(config) as edge:
        assert edge.server is not None
        entries = edge.server.history.subscribe()
        async with edge.request("GET", "/index.html") as r:
            found = r.status
        entry = await entries.get()
        async with edge.request("GET", "/missing.html") as r:
            missing = r.status
    assert entry is not None
    return found, missing, [d.detail for d in entry.trace.decisions if d.stage == "origin-access"]


@pytest.fixture(autouse=True)
def local_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)


async def test_a_cdk_oac_site_is_served_under_its_own_bucket_policy(tmp_path: Path) -> None:
    config = load_source(write(tmp_path, "template.json", json.dumps(template())))
    d = config.distributions[0]
    oac = d.origins[0].access_control
    assert oac is not None and oac.declared and oac.id.startswith("E")
    assert d.arn is not None and d.arn.startswith("arn:aws:cloudfront::123456789012:distribution/E")
    assert not [w for w in config.warnings if "not emulated" in w.message or "origin access" in w.message]
    found, missing, trace = await answers(config)
    assert (found, missing) == (200, 403)  # the template grants GetObject only: a missing key is AccessDenied
    assert trace[0].startswith("signed with SigV4 by origin access control")
    assert trace[1] == f"statement 'statement #1' allows s3:GetObject on arn:aws:s3:::site-bucket/index.html for " \
                       f"principal cloudfront.amazonaws.com with aws:SourceArn {d.arn}"
    assert lint(config) == []


async def test_a_policy_naming_another_distribution_is_refused_and_linted(tmp_path: Path) -> None:
    other = "arn:aws:cloudfront::123456789012:distribution/E0THERDIST0000"
    config = load_source(write(tmp_path, "template.json", json.dumps(template(source_arn=other))))
    found, _, trace = await answers(config)
    assert found == 403 and trace[1].startswith("no statement allows s3:GetObject")
    assert [w.message for w in lint(config) if "bucket_policy refuses" in w.message]


async def test_an_oai_site_is_served_through_its_canonical_user(tmp_path: Path) -> None:
    config = load_source(write(tmp_path, "template.json", json.dumps(template(oai=True))))
    assert config.distributions[0].origins[0].access_identity is not None
    found, _, trace = await answers(config)
    assert found == 200 and trace[0].startswith("signed as origin access identity E")


TERRAFORM = """
resource "aws_s3_bucket" "site" { bucket = "site-bucket" }

resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site-oac"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    origin_id                = "site"
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
  restrictions {
    geo_restriction { restriction_type = "none" }
  }
  viewer_certificate { cloudfront_default_certificate = true }
}

data "aws_iam_policy_document" "site" {
  statement {
    sid       = "AllowCloudFront"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["${aws_s3_bucket.site.arn}/*", aws_s3_bucket.site.arn]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.site.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}
"""


async def test_a_terraform_oac_site_with_a_policy_document_is_served(tmp_path: Path) -> None:
    config = load_source(write(tmp_path, "main.tf", TERRAFORM))
    found, missing, trace = await answers(config)
    assert (found, missing) == (200, 404)  # the policy grants s3:ListBucket too
    assert trace[1].startswith("statement 'AllowCloudFront' allows s3:GetObject")
    assert lint(config) == []


async def test_a_terraform_jsonencode_policy_is_carried(tmp_path: Path) -> None:
    text = TERRAFORM.replace("data.aws_iam_policy_document.site.json", """jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject",
                   Resource = "${aws_s3_bucket.site.arn}/*" }]
  })""")
    config = load_source(write(tmp_path, "main.tf", text))
    spec = config.distributions[0].origins[0].mock
    assert spec is not None and spec.option("bucket_policy")["Statement"][0]["Principal"] == "*"  # type: ignore[index]
    found, _, _ = await answers(config)
    assert found == 200


def test_an_oac_the_template_does_not_define_is_a_warning_not_an_error(tmp_path: Path) -> None:
    # A template may name an OAC made elsewhere (here a literal id): the import goes on with the usual one.
    data = template()
    dist = data["Resources"]["Dist"]  # type: ignore[index]
    dist["Properties"]["DistributionConfig"]["Origins"][0]["OriginAccessControlId"] = "E3ELSEWHERE"  # type: ignore[index]
    config = load_source(write(tmp_path, "template.json", json.dumps(data)))
    oac = config.distributions[0].origins[0].access_control
    assert oac is not None and (oac.id, oac.declared) == ("E3ELSEWHERE", False)
    assert any("origin access control 'E3ELSEWHERE' is not defined" in w.message for w in config.warnings)


def test_a_policy_string_nested_too_deeply_is_a_warning(tmp_path: Path) -> None:
    data = template()
    policy = data["Resources"]["Policy"]  # type: ignore[index]
    policy["Properties"]["PolicyDocument"] = '{"Statement": ' + "[" * 100_000 + "]" * 100_000 + "}"  # type: ignore[index]
    config = load_source(write(tmp_path, "template.json", json.dumps(data)))
    assert config.distributions[0].origins[0].mock.option("bucket_policy") is None  # type: ignore[union-attr]
    assert any("the bucket policy is not JSON (nested too deeply); not carried" in w.message for w in config.warnings)


async def test_a_terraform_oac_site_inside_a_module_is_served_as_at_the_root(tmp_path: Path) -> None:
    """Ids AWS assigns (the OAC's, the distribution's ARN) are the same for the resource and for the references to
    it inside its module."""
    (tmp_path / "cdn").mkdir()
    write(tmp_path / "cdn", "main.tf", TERRAFORM)
    config = load_source(write(tmp_path, "main.tf", 'module "cdn" { source = "./cdn" }\n'))
    origin = config.distributions[0].origins[0]
    assert origin.access_control is not None and origin.access_control.declared
    found, missing, trace = await answers(config)
    assert (found, missing) == (200, 404)
    assert trace[1].startswith("statement 'AllowCloudFront' allows s3:GetObject")
    assert lint(config) == []
