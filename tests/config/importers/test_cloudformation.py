"""CloudFormation templates: short-form tags, intrinsics, Parameters, Conditions, Mappings, S3 references, and
located errors for what cannot be resolved locally."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.errors import ConfigError

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: dev}
  ApiDomain: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Mappings:
  Regions: {us-east-1: {Suffix: use1}}
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties: {BucketName: !Sub "site-${Env}"}
  Redirects:
    Type: AWS::CloudFront::KeyValueStore
    Properties: {Name: redirects}
  Rewrite:
    Type: AWS::CloudFront::Function
    Properties:
      Name: !Sub "rewrite-${Env}"
      AutoPublish: true
      FunctionConfig:
        Comment: rewrite
        Runtime: cloudfront-js-2.0
        KeyValueStoreAssociations: [{KeyValueStoreARN: !GetAtt Redirects.Arn}]
      FunctionCode: |
        import cf from 'cloudfront';
        async function handler(event) { return event.request; }
  Headers:
    Type: AWS::CloudFront::ResponseHeadersPolicy
    Properties:
      ResponseHeadersPolicyConfig:
        Name: hsts
        SecurityHeadersConfig:
          StrictTransportSecurity: {AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true}
          XSSProtection: {Protection: true, ModeBlock: true, Override: false}
        CustomHeadersConfig: {Items: [{Header: X-Env, Value: !Ref Env, Override: true}]}
        RemoveHeadersConfig: {Items: [{Header: X-Powered-By}]}
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: !If [IsProd, [www.example.com], [!Sub "${Env}.example.test"]]
        Restrictions: {GeoRestriction: {RestrictionType: whitelist, Locations: [US, CA]}}
        OriginGroups:
          Quantity: 1
          Items:
            - Id: both
              FailoverCriteria: {StatusCodes: {Quantity: 2, Items: [500, 503]}}
              Members: {Quantity: 2, Items: [{OriginId: api}, {OriginId: site}]}
        Origins:
          - Id: site
            DomainName: !GetAtt Site.RegionalDomainName
            S3OriginConfig: {OriginAccessIdentity: ""}
          - Id: api
            DomainName: !Ref ApiDomain
            OriginPath: !Join ["", ["/", !FindInMap [Regions, !Ref "AWS::Region", Suffix]]]
            CustomOriginConfig: {OriginProtocolPolicy: https-only, OriginSSLProtocols: [TLSv1.2]}
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
          FunctionAssociations:
            - {EventType: viewer-request, FunctionARN: !GetAtt Rewrite.FunctionARN}
        CacheBehaviors:
          - PathPattern: /api/*
            TargetOriginId: api
            ViewerProtocolPolicy: !If [IsProd, https-only, redirect-to-https]
            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
            ResponseHeadersPolicyId: !Ref Headers
            AllowedMethods: !Split [",", "GET,HEAD,OPTIONS"]
            CachedMethods: [GET, HEAD]
  ProdOnly:
    Type: AWS::CloudFront::Distribution
    Condition: IsProd
    Properties:
      DistributionConfig:
        Aliases: [prod-only.example.com]
        Origins: [{Id: o, DomainName: prod.test, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]
        DefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: allow-all}
"""
OVERLAY = """\
parameters: {ApiDomain: api.example.test}
key_value_stores: {redirects: ./redirects.json}
origins:
  site: {mock: {type: echo}}
  api: {mock: {type: echo}}
"""


def write(tmp_path: Path, template: str = TEMPLATE, overlay: str | None = OVERLAY) -> Path:
    path = tmp_path / "template.yaml"
    path.write_text(textwrap.dedent(template))
    (tmp_path / "redirects.json").write_text('{"data": [{"key": "/old", "value": "/new"}]}')
    if overlay is not None:
        (tmp_path / "frontyard.local.yaml").write_text(overlay)
    return path


def at(path: Path, needle: str, offset: int = 0) -> str:
    """path:line:col of the first occurrence of needle in the file (plus offset columns)."""
    lines = path.read_text().splitlines()
    row = next(i for i, line in enumerate(lines) if needle in line)
    return f"{path}:{row + 1}:{lines[row].index(needle) + 1 + offset}"


def errors(exc: pytest.ExceptionInfo[ConfigError]) -> list[str]:
    return [i.format() for i in exc.value.errors]


def test_intrinsics_parameters_conditions_and_bucket_references(tmp_path: Path) -> None:
    config = load_source(write(tmp_path))
    assert config.source_format == "CloudFormation template"
    (d,) = config.distributions  # ProdOnly's condition is false
    assert d.geo_restriction is not None and d.geo_restriction.locations == {"US", "CA"}
    (group,) = d.origin_groups
    assert (group.id, group.primary, group.secondary, group.status_codes) == ("both", "api", "site", (500, 503))
    assert d.id == "Dist" and d.aliases == ("dev.example.test",)
    site, api = d.origins
    assert site.domain_name == "site-dev.s3.us-east-1.amazonaws.com" and site.is_s3
    assert (api.domain_name, api.origin_path) == ("api.example.test", "/use1")
    assert d.default_cache_behavior.function_associations[0].function_name == "rewrite-dev"
    (behavior,) = d.cache_behaviors
    assert behavior.viewer_protocol_policy == "redirect-to-https"
    assert behavior.allowed_methods == {"GET", "HEAD", "OPTIONS"}
    assert behavior.cache_policy is not None and behavior.cache_policy.name == "Managed-CachingDisabled"
    (fn,) = config.functions
    assert (fn.name, fn.runtime) == ("rewrite-dev", "cloudfront-js-2.0")
    assert fn.key_value_store is not None and fn.key_value_store.endswith("redirects.json")
    assert fn.location is not None and fn.location.line == 19  # the Properties of Rewrite in the template
    rhp = behavior.headers_policy
    assert rhp is not None and rhp.name == "hsts"
    assert [(h.name, h.value, h.override) for h in rhp.security] == [
        ("Strict-Transport-Security", "max-age=31536000; includeSubDomains", True),
        ("X-XSS-Protection", "1; mode=block", False)]
    assert [(h.name, h.value) for h in rhp.custom] == [("X-Env", "dev")]
    assert rhp.remove == ("X-Powered-By",)


def test_parameters_from_the_command_line_win(tmp_path: Path) -> None:
    config = load_source(write(tmp_path), parameters={"Env": "prod"})
    assert [d.aliases for d in config.distributions] == [("www.example.com",), ("prod-only.example.com",)]
    assert config.distributions[0].cache_behaviors[0].viewer_protocol_policy == "https-only"
    with pytest.raises(ConfigError) as exc:  # a region the template's Mappings do not list
        load_source(write(tmp_path), parameters={"AWS::Region": "eu-west-1"})
    assert errors(exc) == [f"{at(tmp_path / 'template.yaml', '!FindInMap')}: Fn::FindInMap: no key 'eu-west-1' in "
                           "the Mappings"]


def test_what_only_a_deployment_knows_is_a_located_error_saying_how_to_supply_it(tmp_path: Path) -> None:
    path = write(tmp_path, overlay="")
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    found = errors(exc)
    assert any(e.startswith(f"{at(path, '!Ref ApiDomain')}: parameter ApiDomain has no default: add "
                            "--parameter ApiDomain=...\n    expected --parameter ApiDomain=... on the command line, "
                            "or in the local overlay file: parameters: {ApiDomain: ...}")
               for e in found), found
    assert any(e.startswith(f"{at(path, '!GetAtt Redirects.Arn')}: KeyValueStore 'redirects': its data lives in AWS")
               and "key_value_stores: {redirects: ./redirects.json}" in e for e in found), found
    assert "(read as a CloudFormation template)" in exc.value.file
    assert not any("missing required key" in e for e in found)  # said once, not again by the loader


BROKEN = """\
Resources:
  Alb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer}
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: [!Select [5, [a, b]]]
        Origins:
          - {Id: alb, DomainName: !GetAtt Alb.DNSName}
          - {Id: shared, DomainName: !ImportValue shared-api-domain}
          - {Id: typo, DomainName: !GetAtt Sitee.RegionalDomainName}
        DefaultCacheBehavior: {TargetOriginId: alb, ViewerProtocolPolicy: allow-all, CachePolicyId: !Base65 x}
"""


def test_broken_intrinsics_and_unknown_references_are_located(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(BROKEN)
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    found = "\n".join(errors(exc))
    assert f"{path}:7:19: Fn::Select index 5 is outside the 2 values" in found
    assert f"{path}:9:35: Fn::GetAtt Alb.DNSName (AWS::ElasticLoadBalancingV2::LoadBalancer) is only known once " \
           "deployed: add --parameter Alb.DNSName=...\n    expected --parameter Alb.DNSName=... on the command" in found
    assert f"{path}:10:38: Fn::ImportValue 'shared-api-domain' is another stack's export" in found
    assert f"{path}:11:36: no resource or parameter named 'Sitee'\n    expected one of: Alb, Dist" in found
    assert f"{path}:12:101: 'Fn::Base65' is not an intrinsic function frontyard can resolve" in found
    # Mended and supplied, the same template loads.
    path.write_text(BROKEN.replace("5, [a, b]", "1, [a, b]").replace("!Base65 x", "Managed-CachingDisabled"))
    config = load_source(path, parameters={"Alb.DNSName": "alb.internal", "shared-api-domain": "shared.internal",
                                           "Sitee.RegionalDomainName": "x.test"})
    assert [o.domain_name for o in config.distributions[0].origins] == ["alb.internal", "shared.internal", "x.test"]


def test_a_function_error_in_inline_code_points_into_the_template(tmp_path: Path) -> None:
    template = TEMPLATE.replace("async function handler(event) { return event.request; }",
                                "async function handler(event) { return event.request }}")
    path = write(tmp_path, template)
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert errors(exc)[0] == f"{at(path, 'FunctionCode: |', 14)}: functions.rewrite-dev: line 2, column 55 of " \
                             "the code: syntax error near '}'"


def test_a_broken_template_says_which_format_it_looked_like(tmp_path: Path) -> None:
    path = tmp_path / "stack.json"
    path.write_text('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {,}}')
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert exc.value.file == f"{path} (read as a CloudFormation template)"
    assert errors(exc)[0].startswith(f"{path}:1:58: syntax:")


ALB = """\
Resources:
  Alb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer}
  Key:
    Type: AWS::CloudFront::PublicKey
    Properties: {PublicKeyConfig: {Name: k, CallerReference: r, EncodedKey: PEM}}
  Signers:
    Type: AWS::CloudFront::KeyGroup
    Properties: {KeyGroupConfig: {Name: signers, Items: [!Ref Key, KOTHER]}}
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins: [{Id: alb, DomainName: !GetAtt Alb.DNSName, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]
        DefaultCacheBehavior: {TargetOriginId: alb, ViewerProtocolPolicy: allow-all, TrustedKeyGroups: [!Ref Signers]}
"""


def test_the_overlay_names_an_origin_the_template_cannot(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(ALB.replace(", KOTHER", ""))
    (tmp_path / "public.pem").write_text("")
    (tmp_path / "frontyard.local.yaml").write_text(
        "origins:\n  alb: {domain_name: api.internal, resolve: 127.0.0.1:9001}\nparameters: {Key: K2JCJMDEHXQW5F}\n")
    with pytest.raises(ConfigError) as exc:  # the made-up PEM is the only problem left
        load_source(path)
    (error,) = errors(exc)
    assert "key_groups.signers.public_keys[0].encoded_key: encoded_key is" in error
    assert error.startswith(f"{path}:5:77:")  # located at the EncodedKey in the template


def test_a_key_group_naming_a_key_the_template_lacks(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(ALB)
    with pytest.raises(ConfigError) as exc:
        load_source(path, parameters={"Alb.DNSName": "alb.internal"})
    found = errors(exc)
    assert found[0].startswith(f"{path}:8:68: no public key with id 'KOTHER' here"), found
    assert not any("give exactly one of" in e for e in found)  # said once


def test_a_cloud_assembly_with_two_stacks(tmp_path: Path) -> None:
    out = tmp_path / "cdk.out"
    out.mkdir()
    (out / "Storage.template.json").write_text('{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}')
    (out / "Edge.template.json").write_text(json.dumps({"Resources": {"D": {
        "Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
            "Origins": [{"Id": "o", "DomainName": "o.test",
                         "CustomOriginConfig": {"OriginProtocolPolicy": "http-only"}}],
            "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "allow-all"}}}}}}))
    stack = {"type": "aws:cloudformation:stack"}
    (out / "manifest.json").write_text(json.dumps({"version": "55.0.0", "artifacts": {
        "Storage": {**stack, "properties": {"templateFile": "Storage.template.json"}},
        "Edge": {**stack, "properties": {"templateFile": "Edge.template.json"}},
        "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}}}))
    config = load_source(out)
    assert [d.id for d in config.distributions] == ["D"]
    read = {out / "Storage.template.json", out / "Edge.template.json", out / "manifest.json"}
    assert read <= set(config.source_files)


def test_an_origin_request_policy_without_a_cache_policy_is_refused(tmp_path: Path) -> None:
    # AWS "Create origin request policies": "You cannot use an origin request policy in a cache behavior without a
    # cache policy." In a template an absent CachePolicyId is none (not the console's default).
    template = TEMPLATE.replace(
        "            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
        "            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n")
    path = write(tmp_path, template)
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert errors(exc) == [
        f"{at(path, 'b689b0a8')}: an origin request policy needs a cache policy on the same behavior: CloudFront "
        "refuses this one\n    expected a cache policy id beside the origin request policy "
        "(Managed-CachingOptimized: 658327ea-f89d-4fab-a63d-7e88639e58f6)"]
