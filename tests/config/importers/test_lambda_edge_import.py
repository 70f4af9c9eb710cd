"""Lambda@Edge in imported distributions: associations, the functions they name, and where their code is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.errors import ConfigError
from tests.helpers import run_config

STRIP = """\
def lambda_handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    request["uri"] = request["uri"].removeprefix("/api") or "/"
    return request
"""
MODULE = """\
data "archive_file" "strip" {
  type        = "zip"
  source_dir  = "${path.module}/lambda/strip"
  output_path = "${path.module}/build/strip.zip"
}

resource "aws_lambda_function" "strip" {
  function_name    = "strip-api-prefix"
  runtime          = "python3.12"
  handler          = "index.lambda_handler"
  filename         = data.archive_file.strip.output_path
  source_code_hash = data.archive_file.strip.output_base64sha256
  publish          = true
  role             = aws_iam_role.edge.arn
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "code"
  s3_key        = "api.zip"
}

resource "aws_cloudfront_distribution" "d" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = "api.test"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    lambda_function_association {
      event_type = "origin-request"
      lambda_arn = aws_lambda_function.strip.qualified_arn
    }
  }
}
"""


def module(tmp_path: Path, text: str = MODULE) -> Path:
    (tmp_path / "lambda" / "strip").mkdir(parents=True)
    (tmp_path / "lambda" / "strip" / "index.py").write_text(STRIP)
    (tmp_path / "main.tf").write_text(text)
    (tmp_path / "frontyard.local.yaml").write_text("origins:\n  api: {mock: {type: echo}}\n")
    return tmp_path / "main.tf"


async def test_terraform_lambda_edge_from_an_archive_file_runs(tmp_path: Path) -> None:
    config = load_source(module(tmp_path))
    (fn,) = config.lambda_functions  # only the associated function; the API Lambda is none of the edge's
    assert (fn.name, fn.runtime, fn.code_dir) == ("strip-api-prefix", "python3.12", tmp_path / "lambda" / "strip")
    (assoc,) = config.distributions[0].default_cache_behavior.lambda_function_associations
    assert (assoc.event_type, assoc.function_name) == ("origin-request", "strip-api-prefix")
    async with run_config(config) as edge, edge.session.get(edge.url + "/api/users?x=1") as r:
        assert r.status == 200
        echo = json.loads(await r.read())
    assert echo["path"] == "/users"  # what the origin received: the prefix stripped at the edge


def test_code_only_in_s3_waits_for_the_overlay(tmp_path: Path) -> None:
    path = module(tmp_path, MODULE.replace("aws_lambda_function.strip.qualified_arn",
                                           "aws_lambda_function.api.qualified_arn"))
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    (error,) = [i.format() for i in exc.value.errors]
    assert error == (f"{path}:17:1: Lambda@Edge function 'api': its code is a zip or in S3, not a folder here\n"
                     "    expected where its code is on this machine, in the overlay file: lambda_functions: "
                     "{api: {code: ./folder}}")
    (tmp_path / "frontyard.local.yaml").write_text(
        "origins:\n  api: {mock: {type: echo}}\nlambda_functions:\n  api: {code: lambda/strip, handler: "
        "index.lambda_handler}\n")
    (fn,) = load_source(path).lambda_functions
    assert (fn.name, fn.handler, fn.code_dir) == ("api", "index.lambda_handler", tmp_path / "lambda" / "strip")


TEMPLATE = {
    "Resources": {
        "Strip": {"Type": "AWS::Lambda::Function", "Metadata": {"aws:asset:path": "asset.0123abcd"},
                  "Properties": {"Runtime": "python3.12", "Handler": "index.lambda_handler", "Timeout": 5,
                                 "Code": {"S3Bucket": "cdk-assets", "S3Key": "0123abcd.zip"}}},
        "StripVersion": {"Type": "AWS::Lambda::Version", "Properties": {"FunctionName": {"Ref": "Strip"}}},
        "Dist": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
            "Origins": [{"Id": "api", "DomainName": "api.test",
                         "CustomOriginConfig": {"OriginProtocolPolicy": "http-only"}}],
            "DefaultCacheBehavior": {
                "TargetOriginId": "api", "ViewerProtocolPolicy": "allow-all",
                "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "LambdaFunctionAssociations": [{"EventType": "origin-request", "IncludeBody": False,
                                                "LambdaFunctionARN": {"Ref": "StripVersion"}}]}}}},
    },
}


def test_cloudformation_lambda_edge_from_a_cdk_asset_folder(tmp_path: Path) -> None:
    (tmp_path / "asset.0123abcd").mkdir()
    (tmp_path / "asset.0123abcd" / "index.py").write_text(STRIP)
    path = tmp_path / "Edge.template.json"
    path.write_text(json.dumps(TEMPLATE, indent=1))
    config = load_source(path)
    (fn,) = config.lambda_functions
    assert (fn.name, fn.code_dir, fn.timeout) == ("Strip", tmp_path / "asset.0123abcd", 5)
    assoc = config.distributions[0].default_cache_behavior.lambda_function_associations[0]
    assert assoc.function_name == "Strip" and assoc.location is not None
    assert '"LambdaFunctionARN"' in path.read_text().splitlines()[assoc.location.line - 1]  # located in the template
