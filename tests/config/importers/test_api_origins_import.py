"""Function URLs and API Gateway APIs in an imported CloudFormation template: served with no overlay line.

CDK's FunctionUrlOrigin names the origin `Fn::Select [2, Fn::Split ["/", Fn::GetAtt Url.FunctionUrl]]`; the ids AWS
assigns at deploy (the function URL's, the API's) get stable local values so nothing needs a --parameter.
"""

from __future__ import annotations

import json
from pathlib import Path

from emulator.assembly import load_source
from emulator.config.model.access import OriginType
from tests.helpers import run_config

HANDLER = """\
def handler(event, context):
    return {"statusCode": 200, "cookies": ["id=1"], "body": event.get("rawPath") or event.get("path")}
"""


def _function(asset: str) -> dict:
    return {"Type": "AWS::Lambda::Function", "Metadata": {"aws:asset:path": asset},
            "Properties": {"Runtime": "python3.12", "Handler": "index.handler",
                           "Code": {"S3Bucket": "cdk-assets", "S3Key": "x.zip"}}}


def _distribution(domain: object, origin_path: str = "", oac: bool = False) -> dict:
    origin: dict = {"Id": "app", "DomainName": domain, "OriginPath": origin_path,
                    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}
    if oac:
        origin["OriginAccessControlId"] = {"Fn::GetAtt": ["Oac", "Id"]}
    return {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
        "Enabled": True, "Origins": [origin],
        "DefaultCacheBehavior": {"TargetOriginId": "app", "ViewerProtocolPolicy": "allow-all",
                                 "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                                 "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"}}}}


def write(tmp_path: Path, resources: dict) -> Path:
    (tmp_path / "asset.fn").mkdir()
    (tmp_path / "asset.fn" / "index.py").write_text(HANDLER)
    path = tmp_path / "Stack.template.json"
    path.write_text(json.dumps({"Resources": resources}))
    return path


async def test_function_url_origin_served_with_no_overlay(tmp_path: Path) -> None:
    url_domain = {"Fn::Select": [2, {"Fn::Split": ["/", {"Fn::GetAtt": ["FnUrl", "FunctionUrl"]}]}]}
    path = write(tmp_path, {
        "Fn": _function("asset.fn"),
        "FnUrl": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "AWS_IAM",
                                                              "TargetFunctionArn": {"Fn::GetAtt": ["Fn", "Arn"]}}},
        "Oac": {"Type": "AWS::CloudFront::OriginAccessControl", "Properties": {"OriginAccessControlConfig": {
            "Name": "oac", "OriginAccessControlOriginType": "lambda", "SigningBehavior": "always",
            "SigningProtocol": "sigv4"}}},
        "Dist": _distribution(url_domain, oac=True)})
    config = load_source(path)
    origin = config.distributions[0].origins[0]
    assert origin.domain_name.endswith(".lambda-url.us-east-1.on.aws") and origin.mock is not None
    assert origin.mock.type == "lambda-url" and origin.access_control is not None
    # The template's OAC resource comes through as one: nothing is inferred from the origin.
    assert (origin.access_control.declared, origin.access_control.origin_type) == (True, OriginType.LAMBDA)
    async with run_config(config) as edge:
        async with edge.request("GET", "/hello") as r:
            assert r.status == 200, await r.text()
            assert (await r.text(), r.headers["Set-Cookie"]) == ("/hello", "id=1")


async def test_an_oac_made_elsewhere_on_a_function_url_is_taken_as_lambda(tmp_path: Path) -> None:
    # The template names an OAC it does not define (a literal id): its origin type comes from the function URL
    # origin, so the edge signs for the lambda service and the AWS_IAM function URL accepts the request.
    url_domain = {"Fn::Select": [2, {"Fn::Split": ["/", {"Fn::GetAtt": ["FnUrl", "FunctionUrl"]}]}]}
    dist = _distribution(url_domain)
    dist["Properties"]["DistributionConfig"]["Origins"][0]["OriginAccessControlId"] = "E3MADEELSEWHERE"
    path = write(tmp_path, {
        "Fn": _function("asset.fn"),
        "FnUrl": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "AWS_IAM",
                                                              "TargetFunctionArn": {"Fn::GetAtt": ["Fn", "Arn"]}}},
        "Dist": dist})
    config = load_source(path)
    origin = config.distributions[0].origins[0]
    assert origin.access_control is not None
    assert (origin.access_control.declared, origin.access_control.origin_type) == (False, OriginType.LAMBDA)
    assert [w.message for w in config.warnings if "E3MADEELSEWHERE" in w.message] == [
        "origin access control 'E3MADEELSEWHERE' is not defined under origin_access_controls: taken as "
        "signing_behavior always, origin_type lambda (the origin is served by a lambda-url mock)"]
    async with run_config(config) as edge:
        async with edge.request("GET", "/hello") as r:
            assert (r.status, await r.text()) == (200, "/hello")


def test_an_oac_made_elsewhere_on_a_function_url_domain_is_taken_as_lambda(tmp_path: Path) -> None:
    dist = _distribution("abcdefghij0123456789abcdefghij01.lambda-url.eu-west-1.on.aws")
    dist["Properties"]["DistributionConfig"]["Origins"][0]["OriginAccessControlId"] = "E3MADEELSEWHERE"
    config = load_source(write(tmp_path, {"Dist": dist}))
    oac = config.distributions[0].origins[0].access_control
    assert oac is not None and oac.origin_type is OriginType.LAMBDA
    assert any(w.message.endswith("origin_type lambda (abcdefghij0123456789abcdefghij01.lambda-url.eu-west-1.on.aws "
                                  "is a Lambda function URL)") for w in config.warnings)


async def test_rest_api_origin_with_its_stage_served_with_no_overlay(tmp_path: Path) -> None:
    endpoint = {"Fn::Sub": "${Api}.execute-api.${AWS::Region}.amazonaws.com"}
    uri = {"Fn::Sub": "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}
    path = write(tmp_path, {
        "Fn": _function("asset.fn"),
        "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "api"}},
        "Method": {"Type": "AWS::ApiGateway::Method", "Properties": {
            "RestApiId": {"Ref": "Api"}, "HttpMethod": "ANY", "ResourceId": {"Fn::GetAtt": ["Api", "RootResourceId"]},
            "Integration": {"Type": "AWS_PROXY", "IntegrationHttpMethod": "POST", "Uri": uri}}},
        "Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": {"Ref": "Api"},
                                                                    "StageName": "prod"}},
        "Dist": _distribution(endpoint, "/prod")})
    config = load_source(path)
    mock = config.distributions[0].origins[0].mock
    assert mock is not None and mock.type == "api-gateway" and mock.option("stages") == ["prod"]
    async with run_config(config) as edge:
        async with edge.request("GET", "/items/1") as r:
            assert (r.status, await r.text()) == (200, "/items/1")
