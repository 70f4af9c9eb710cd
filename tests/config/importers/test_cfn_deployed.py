"""CloudFormation templates as they are deployed: nested stacks whose template is only in S3, duplicate keys,
legacy cache settings beside an empty cache policy, and the other ways real templates are written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.errors import ConfigError
from tests.helpers import run_config

CONSUMER = """\
Resources:
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{Id: app, DomainName: app.example.com, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
  Users:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/some-bucket/users.template
      Parameters: {Domain: !GetAtt Dist.DomainName}
"""


def messages(exc: pytest.ExceptionInfo[ConfigError]) -> list[str]:
    return [i.format() for i in exc.value.errors]


async def test_a_stack_only_in_s3_that_only_consumes_the_distribution_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(CONSUMER)
    (tmp_path / "frontyard.local.yaml").write_text("origins:\n  app: {mock: {type: echo}}\n")
    config = load_source(path)
    (warning,) = [w for w in config.warnings if w.field == "Resources.Users"]
    assert warning.format() == (
        f"{path}:12:3: warning: Resources.Users: nested stack 'Users' cannot be followed: its TemplateURL "
        "'https://s3.amazonaws.com/some-bucket/users.template' is not a template on this machine\n"
        "    expected the template's path relative to template.yaml, or --parameter Users.TemplateURL=./path/to/"
        "template.yaml")
    async with run_config(config) as edge, edge.session.get(edge.url + "/hello") as r:
        assert r.status == 200
        assert json.loads(await r.read())["path"] == "/hello"


def test_a_stack_only_in_s3_is_an_error_when_an_output_of_it_is_used(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(CONSUMER.replace("DomainName: app.example.com", "DomainName: !GetAtt Users.Outputs.Origin")
                    .replace("{Domain: !GetAtt Dist.DomainName}", "{}"))
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert [e.split("\n")[0] for e in messages(exc)] == [
        f"{path}:12:3: Resources.Users: nested stack 'Users' cannot be followed: its TemplateURL "
        "'https://s3.amazonaws.com/some-bucket/users.template' is not a template on this machine",
        f"{path}:7:41: nested stack 'Users' cannot be followed: its TemplateURL "
        "'https://s3.amazonaws.com/some-bucket/users.template' is not a template on this machine"]


def test_a_stack_only_in_s3_is_an_error_when_no_distribution_is_found(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text("Resources:\n" + CONSUMER.split("  Users:\n")[1].join(["  Users:\n", ""])
                    .replace("{Domain: !GetAtt Dist.DomainName}", "{}"))
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert [e.split("\n")[0] for e in messages(exc)] == [
        f"{path}:2:3: Resources.Users: nested stack 'Users' cannot be followed: its TemplateURL "
        "'https://s3.amazonaws.com/some-bucket/users.template' is not a template on this machine",
        f"{path}:1:1: no CloudFront distribution found in this CloudFormation template",
        f"{path}:1:1: missing required key 'distribution'"]


DUPLICATED = """\
Resources:
  Short:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: !Ref AWS::StackName
        DefaultTTL: 10
        MaxTTL: 60
        MinTTL: 0
        Name: short
        ParametersInCacheKeyAndForwardedToOrigin:
          CookiesConfig: {CookieBehavior: none}
          HeadersConfig: {HeaderBehavior: none}
          QueryStringsConfig: {QueryStringBehavior: none}
          EnableAcceptEncodingGzip: false
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{Id: app, DomainName: app.example.com, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]
        DefaultCacheBehavior: {TargetOriginId: app, ViewerProtocolPolicy: allow-all, CachePolicyId: !Ref Short}
"""


def test_a_duplicate_key_in_a_template_is_a_warning_and_the_last_one_counts(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(DUPLICATED)
    config = load_source(path)
    assert [w.format() for w in config.warnings if "duplicate" in w.message] == [
        f"{path}:10:9: warning: duplicate key 'Name': the last one counts, as CloudFormation deploys it (the one at "
        "line 6 is ignored)"]
    assert config.distributions[0].default_cache_behavior.cache_policy.name == "short"  # type: ignore[union-attr]
    as_json = tmp_path / "template.json"  # JSON alike: the second Type is the resource's
    as_json.write_text(json.dumps({"Resources": {"Dist": {"Type": "AWS::SNS::Topic", "Properties": {
        "DistributionConfig": {"Enabled": True, "Origins": [{
            "Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "http-only"}}],
                               "DefaultCacheBehavior": {"TargetOriginId": "app", "ViewerProtocolPolicy": "allow-all",
                                                        "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}}}}}})
                       .replace('"Properties"', '"Type": "AWS::CloudFront::Distribution", "Properties"'))
    config = load_source(as_json)
    assert len(config.distributions) == 1
    assert [w.message.split(":")[0] for w in config.warnings if "duplicate" in w.message] == ["duplicate key 'Type'"]


def test_frontyard_yaml_still_refuses_a_duplicate_key(tmp_path: Path) -> None:
    path = tmp_path / "frontyard.yaml"
    path.write_text("distribution:\n  origins: []\n  origins: []\n")
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert any("duplicate key 'origins'" in e for e in messages(exc)), messages(exc)


BOTH = """\
Resources:
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{Id: app, DomainName: app.example.com, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
          ForwardedValues:
            QueryString: true
"""


async def test_legacy_forwarded_values_beside_a_cache_policy_are_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(BOTH)
    (tmp_path / "frontyard.local.yaml").write_text("origins:\n  app: {mock: {type: echo}}\n")
    config = load_source(path)
    (warning,) = [w for w in config.warnings if "ForwardedValues" in w.field]
    assert warning.format().startswith(
        f"{path}:12:11: warning: Resources.Dist.DistributionConfig.CacheBehavior.ForwardedValues: legacy "
        "ForwardedValues beside a CachePolicyId is ignored: the cache policy decides the cache key and TTLs")
    async with run_config(config) as edge:  # Managed-CachingOptimized: the query string is not in the cache key
        async with edge.session.get(edge.url + "/a?x=1") as r:
            assert (r.status, r.headers["x-cache"]) == (200, "Miss from cloudfront")
        async with edge.session.get(edge.url + "/a?x=2") as r:
            assert (r.status, r.headers["x-cache"]) == (200, "Hit from cloudfront")


ALB_ORIGIN = """\
Resources:
  OriginALB: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer}
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - {Id: !Ref OriginALB, DomainName: !GetAtt OriginALB.DNSName,
             CustomOriginConfig: {OriginProtocolPolicy: http-only}}
        DefaultCacheBehavior:
          TargetOriginId: !Ref OriginALB
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
"""


async def test_an_origin_id_known_only_once_deployed_is_named_by_its_reference(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(ALB_ORIGIN)
    with pytest.raises(ConfigError) as exc:  # the edge needs the origin: its domain, or a mock mapped by id
        load_source(path)
    assert [e.split(": ", 1)[1].split("\n")[0] for e in messages(exc)] == [
        "Fn::GetAtt OriginALB.DNSName (AWS::ElasticLoadBalancingV2::LoadBalancer) is only known once deployed: add "
        "--parameter OriginALB.DNSName=..."]
    (tmp_path / "frontyard.local.yaml").write_text("origins:\n  OriginALB: {mock: {type: echo}}\n")
    config = load_source(path)
    assert [w.format() for w in config.warnings if w.field.endswith(".Id")] == [
        f"{path}:9:18: warning: Resources.Dist.DistributionConfig.Origins.Id: Ref OriginALB "
        "(AWS::ElasticLoadBalancingV2::LoadBalancer) is only known once deployed: the origin is named 'OriginALB' "
        "here (map it in the overlay as origins: {OriginALB: ...})"]
    async with run_config(config) as edge, edge.session.get(edge.url + "/api") as r:
        assert r.status == 200
        assert json.loads(await r.read())["path"] == "/api"


SAM_PROJECT = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Rewrite:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, CodeUri: Rewrite, AutoPublishAlias: live}
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{Id: app, DomainName: app.example.com, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          LambdaFunctionAssociations: [{EventType: viewer-request, LambdaFunctionARN: !Ref Rewrite.Version}]
"""
REWRITE = """\
def handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    request["uri"] = "/built" + request["uri"]
    return request
"""


async def test_a_sam_project_folder_is_served_from_what_sam_build_left(tmp_path: Path) -> None:
    build = tmp_path / ".aws-sam" / "build"
    (build / "Rewrite").mkdir(parents=True)
    (build / "template.yaml").write_text(SAM_PROJECT)  # CodeUri as sam build rewrites it: the function's folder
    (build / "Rewrite" / "index.py").write_text(REWRITE)
    (tmp_path / "template.yaml").write_text(SAM_PROJECT.replace("CodeUri: Rewrite", "CodeUri: src/"))
    (tmp_path / "frontyard.local.yaml").write_text("origins:\n  app: {mock: {type: echo}}\n")
    config = load_source(tmp_path)  # `frontyard serve .` in the project folder
    assert config.source_format == "CloudFormation template"
    assert [f.code_dir for f in config.lambda_functions] == [build / "Rewrite"]
    async with run_config(config) as edge, edge.session.get(edge.url + "/page") as r:
        assert r.status == 200
        assert json.loads(await r.read())["path"] == "/built/page"


@pytest.mark.parametrize("text", ["null\n", "~\n", "", "# nothing yet\n"])
def test_an_empty_document_says_what_it_lacks(tmp_path: Path, text: str) -> None:
    path = tmp_path / "frontyard.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert str(exc.value).startswith(f"1 error in {path}")
    assert [e.split("\n")[0].split(": ", 1)[-1] for e in messages(exc)] == ["missing required key 'distribution'"]


SECRET_HEADER = """\
Resources:
  OriginVerify:
    Type: AWS::SecretsManager::Secret
    Properties: {GenerateSecretString: {SecretStringTemplate: '{"V": "x"}', GenerateStringKey: V}}
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: api
            DomainName: api.example.com
            CustomOriginConfig: {OriginProtocolPolicy: http-only}
            OriginCustomHeaders:
              - HeaderName: X-Origin-Verify
                HeaderValue: !Join ['', ['{{resolve:secretsmanager:', !Ref OriginVerify, ':SecretString:V}}']]
              - {HeaderName: X-Stage, HeaderValue: '{{resolve:ssm:/app/stage}}'}
        DefaultCacheBehavior: {TargetOriginId: api, ViewerProtocolPolicy: allow-all,
                               CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad}
"""


async def test_an_origin_header_from_a_secret_is_a_visible_placeholder_the_overlay_can_replace(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(SECRET_HEADER)
    local = tmp_path / "frontyard.local.yaml"
    local.write_text("origins:\n  api: {mock: {type: echo}}\n")
    config = load_source(path)
    assert [w.message.split(";")[0] for w in config.warnings if "CustomHeaders" in w.field] == [
        "its value needs OriginVerify, known only once deployed: the local edge sends "
        "'frontyard-placeholder-X-Origin-Verify' instead",
        "its value is a dynamic reference CloudFormation resolves when the stack is deployed: the local edge sends "
        "'frontyard-placeholder-X-Stage' instead"]
    async with run_config(config) as edge, edge.session.get(edge.url + "/") as r:
        received = dict(json.loads(await r.read())["headers"])
    assert (received["X-Origin-Verify"], received["X-Stage"]) == (
        "frontyard-placeholder-X-Origin-Verify", "frontyard-placeholder-X-Stage")
    local.write_text("origins:\n  api: {mock: {type: echo}}\n"
                     "parameters: {OriginCustomHeaders.api.X-Origin-Verify: s3cret}\n")
    config = load_source(path)
    async with run_config(config) as edge, edge.session.get(edge.url + "/") as r:
        assert dict(json.loads(await r.read())["headers"])["X-Origin-Verify"] == "s3cret"


SAR_APP = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Auth:
    Type: AWS::Serverless::Application
    Properties:
      Location:
        ApplicationId: "arn:aws:serverlessrepo:us-east-1:111122223333:applications/auth"
        SemanticVersion: 2.1.0
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{Id: app, DomainName: app.example.com, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          LambdaFunctionAssociations: [{EventType: viewer-request, LambdaFunctionARN: !GetAtt Auth.Outputs.Check}]
"""


def test_a_serverless_repository_application_names_the_application_and_how_to_save_its_template(
        tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(SAR_APP)
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    why = ("nested stack 'Auth' cannot be followed: its Location is the Serverless Application Repository application "
           "arn:aws:serverlessrepo:us-east-1:111122223333:applications/auth (version 2.1.0), whose template is fetched "
           "only when the stack is deployed: save it here (`aws serverlessrepo create-cloud-formation-template` gives "
           "its TemplateUrl)")
    assert [e.split("\n")[0] for e in messages(exc)] == [f"{path}:3:3: Resources.Auth: {why}", f"{path}:19:87: {why}"]
    assert "--parameter Auth.TemplateURL=./path/to/template.yaml" in messages(exc)[0]
