"""CloudFormation as deployed: nested stacks (local, packaged, sam build), SAM resources and inline Lambda code,
custom resources and parameters without defaults, and values the edge does not use."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.errors import ConfigError
from tests.helpers import header, run_config

SAMPLE = Path(__file__).parent / "fixtures" / "cfn" / "secure-static-site"  # aws-samples, Apache-2.0 (LICENSE there)


def errors(exc: pytest.ExceptionInfo[ConfigError]) -> list[str]:
    return [i.format() for i in exc.value.errors]


def sample(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "templates")
    return tmp_path / "templates" / "main.yaml"


def test_the_secure_static_site_sample_follows_its_three_nested_stacks(tmp_path: Path) -> None:
    main = sample(tmp_path)
    with pytest.raises(ConfigError) as exc:
        load_source(main)
    # Only what the edge uses is asked for: DomainName (the aliases), once; not HostedZoneId (Route 53 and ACM),
    # the certificate ARN or the logging bucket.
    assert errors(exc) == [f"{main}:78:21: parameter DomainName has no default: add --parameter DomainName=...\n"
                           "    expected --parameter DomainName=... on the command line, or in the local overlay "
                           "file: parameters: {DomainName: ...}"]
    config = load_source(main, parameters={"DomainName": "example.com"})
    (d,) = config.distributions
    assert d.aliases == ("www.example.com",)  # CreateApex defaults to 'no' in the parent, passed to the child
    assert [o.domain_name for o in d.origins] == ["s3bucketroot.s3.amazonaws.com"]  # an output of a sibling stack
    assert [e.error_code for e in d.custom_error_responses] == [404, 403]
    assert {f.name for f in config.source_files} >= {"cloudfront-site.yaml", "custom-resource.yaml"}


PARENT = """\
Parameters:
  Origin: {Type: String}
Resources:
  Site:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: <URL>
      Parameters: {OriginDomain: !Ref Origin, Unused: !GetAtt Waf.Arn}
  Waf: {Type: AWS::WAFv2::WebACL}
Outputs:
  Domain: {Value: !GetAtt Site.Outputs.DistributionDomain}
"""
CHILD = """\
Parameters:
  OriginDomain: {Type: String}
  Unused: {Type: String}
Resources:
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        WebACLId: !Ref Unused
        Origins: [{Id: app, DomainName: !Ref OriginDomain, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
Outputs:
  DistributionDomain: {Value: !GetAtt Dist.DomainName}
"""


@pytest.mark.parametrize("url", ["child.yaml", "./nested/../child.yaml", "file://child.yaml", "PACKAGED",
                                 "https://my-bucket.s3.eu-west-1.amazonaws.com/prefix/child.yaml"])
def test_a_nested_template_is_found_where_it_is_written_or_packaged(tmp_path: Path, url: str) -> None:
    (tmp_path / "nested").mkdir()
    (tmp_path / "child.yaml").write_text(CHILD)
    if url == "PACKAGED":  # `aws cloudformation package` uploads the template under its MD5
        url = f"https://s3.us-east-1.amazonaws.com/bucket/{hashlib.md5(CHILD.encode()).hexdigest()}.template"
    (tmp_path / "parent.yaml").write_text(PARENT.replace("<URL>", url))
    config = load_source(tmp_path / "parent.yaml", parameters={"Origin": "app.internal"})
    (d,) = config.distributions
    assert [o.domain_name for o in d.origins] == ["app.internal"]
    # The WAF ACL is only known once deployed and the edge ignores it: a warning, not an input to invent.
    assert any("WebACLId" in w.field and "Waf.Arn" in w.message for w in config.warnings), config.warnings


def test_a_stack_that_cannot_be_followed_is_a_located_error_naming_it(tmp_path: Path) -> None:
    parent = tmp_path / "parent.yaml"
    parent.write_text(PARENT.replace("<URL>", "https://bucket.s3.amazonaws.com/gone.yaml"))
    with pytest.raises(ConfigError) as exc:
        load_source(parent, parameters={"Origin": "app.internal"})
    assert errors(exc)[0] == (
        f"{parent}:4:3: Resources.Site: nested stack 'Site' cannot be followed: its TemplateURL "
        "'https://bucket.s3.amazonaws.com/gone.yaml' is not a template on this machine\n"
        "    expected the template's path relative to parent.yaml, or --parameter Site.TemplateURL=./path/to/"
        "template.yaml")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "site.yaml").write_text(CHILD)
    config = load_source(parent, parameters={"Origin": "app.internal", "Site.TemplateURL": str(tmp_path /
                                                                                                 "elsewhere/site.yaml")})
    assert config.distributions[0].origins[0].domain_name == "app.internal"


def test_a_template_nesting_itself_is_a_cycle_not_a_recursion(tmp_path: Path) -> None:
    (tmp_path / "parent.yaml").write_text(PARENT.replace("<URL>", "parent.yaml"))
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path / "parent.yaml", parameters={"Origin": "x"})
    assert any("is one of the stacks that contain it (a cycle)" in e for e in errors(exc)), errors(exc)


SAM_APP = """\
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Runtime: python3.12, Timeout: 5}
Resources:
  StripPrefix:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      AutoPublishAlias: live
      InlineCode: |
        def handler(event, context):
            request = event["Records"][0]["cf"]["request"]
            request["uri"] = request["uri"].removeprefix("/api") or "/"
            request["headers"]["x-edge"] = [{"key": "X-Edge", "value": "python-inline"}]
            return request
  Tag:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code:
        ZipFile: |
          exports.handler = async (event) => {
            const response = event.Records[0].cf.response;
            response.headers['x-tag'] = [{key: 'X-Tag', value: 'node-zipfile'}];
            return response;
          };
  TagVersion: {Type: AWS::Lambda::Version, Properties: {FunctionName: !Ref Tag}}
  Api:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: api/
      Handler: app.handler
      FunctionUrlConfig: {AuthType: NONE}
  Table: {Type: AWS::Serverless::SimpleTable}
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Comment: !Sub "table ${Table}"
        Origins:
          - Id: api
            DomainName: !Select [2, !Split ["/", !GetAtt ApiUrl.FunctionUrl]]
            CustomOriginConfig: {OriginProtocolPolicy: http-only}
        DefaultCacheBehavior:
          TargetOriginId: api
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          LambdaFunctionAssociations:
            - {EventType: origin-request, LambdaFunctionARN: !Ref StripPrefix.Version}
            - {EventType: origin-response, LambdaFunctionARN: !Ref TagVersion}
"""


async def test_sam_functions_and_inline_code_run_at_the_edge(tmp_path: Path) -> None:
    (tmp_path / "api").mkdir()
    path = tmp_path / "template.yaml"
    path.write_text(SAM_APP)
    # The function URL is only known once deployed: it gets a stable local value, so the template loads as is
    (origin,) = load_source(path).distributions[0].origins
    assert origin.domain_name.endswith(".lambda-url.us-east-1.on.aws")
    (tmp_path / "frontyard.local.yaml").write_text("origins:\n  api: {mock: {type: echo}}\n")
    config = load_source(path)
    assert sorted((f.name, f.runtime, f.timeout) for f in config.lambda_functions) == [
        ("StripPrefix", "python3.12", 5), ("Tag", "nodejs20.x", 3)]  # Globals applied to the SAM function only
    async with run_config(config) as edge, edge.session.get(edge.url + "/api/users") as r:
        body = await r.read()
        assert r.status == 200, body
        echo = json.loads(body)
        assert r.headers["x-tag"] == "node-zipfile"
    assert echo["path"] == "/users" and header(echo, "x-edge") == "python-inline"


INPUTS = """\
Parameters:
  DomainName: {Type: String}
  CreateApex: {Type: String}
  HostedZoneId: {Type: String}
Conditions:
  CreateApexConfig: !Equals [!Ref CreateApex, 'yes']
Resources:
  Zone: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneId: !Ref HostedZoneId}}
  Lookup: {Type: Custom::OriginLookup, Properties: {ServiceToken: arn:aws:lambda:us-east-1:1:function:f}}
  SiteWebACL: {Type: AWS::WAFv2::WebACL}
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      Tags: [{Key: zone, Value: !Ref HostedZoneId}]
      DistributionConfig:
        Enabled: true
        Aliases:
          - !Sub www.${DomainName}
          - !Sub cdn.${DomainName}
          - !If [CreateApexConfig, !Ref DomainName, !Ref AWS::NoValue]
        WebACLId: !GetAtt SiteWebACL.Arn
        Logging: {Bucket: !GetAtt Lookup.LogBucket, Prefix: cdn/}
        PriceClass: PriceClass_100
        ViewerCertificate: {AcmCertificateArn: !Ref Certificate, SslSupportMethod: sni-only}
        Origins:
          - {Id: app, DomainName: !GetAtt Lookup.OriginDomain, CustomOriginConfig: {OriginProtocolPolicy: http-only}}
        DefaultCacheBehavior: {TargetOriginId: app, ViewerProtocolPolicy: allow-all,
                               CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad}
"""


def test_every_missing_input_is_named_once_and_only_where_the_edge_needs_it(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(INPUTS)
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    found = errors(exc)
    assert [e.split(": ", 1)[1].split("\n")[0] for e in found] == [
        f"parameter DomainName has no default: add --parameter DomainName=... (also used at {path}:19:13)",
        "parameter CreateApex has no default: add --parameter CreateApex=...",
        "Fn::GetAtt Lookup.OriginDomain (Custom::OriginLookup) is computed by a custom resource's function when the "
        "stack is deployed: add --parameter Lookup.OriginDomain=...",
    ], found
    assert not any("depends on itself" in e for e in found)
    config = load_source(path, parameters={"DomainName": "example.com", "CreateApex": "yes",
                                           "Lookup.OriginDomain": "app.internal"})
    assert config.distributions[0].aliases == ("www.example.com", "cdn.example.com", "example.com")
    ignored = {w.field.rsplit(".", 1)[-1] for w in config.warnings if "known only once deployed" in w.message}
    assert ignored == {"WebACLId", "Logging"}  # warnings: the edge does not use them


async def test_the_sam_lambda_edge_example_runs_its_function_at_the_edge(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE.parent / "sam-lambda-edge", tmp_path / "app")  # aws/serverless-application-model
    template = tmp_path / "app" / "template.yaml"
    with pytest.raises(ConfigError) as exc:  # written for nodejs10.x, which Lambda no longer runs
        load_source(template)
    (error,) = errors(exc)
    assert error.startswith(f"{template}:63:20: lambda_functions.LambdaEdgeFunctionSample.runtime: 'nodejs10.x' is "
                            "not a Lambda@Edge runtime (Lambda has deprecated it)")
    (tmp_path / "app" / "frontyard.local.yaml").write_text(
        "origins:\n  MyOrigin: {mock: {type: echo}}\nlambda_functions:\n"
        "  LambdaEdgeFunctionSample: {runtime: nodejs20.x}\n")
    config = load_source(template)
    (fn,) = config.lambda_functions  # !Ref LambdaEdgeFunctionSample.Version names it; CodeUri src/ is its code
    assert (fn.code_dir, fn.timeout) == (tmp_path / "app" / "src", 5)
    async with run_config(config) as edge, edge.session.get(edge.url + "/") as r:
        assert r.status == 200
        echo = json.loads(await r.read())
    assert header(echo, "hello") == "world"  # the function's header reached the origin


def test_what_sam_build_and_sam_package_leave(tmp_path: Path) -> None:
    build = tmp_path / ".aws-sam" / "build"
    (build / "EdgeStack" / "StripPrefix").mkdir(parents=True)
    (build / "EdgeStack" / "StripPrefix" / "index.py").write_text("def handler(event, context):\n    return 1\n")
    # sam build: the nested stack and the function's code are folders of the build directory.
    (build / "template.yaml").write_text(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  EdgeStack:\n    Type: AWS::CloudFormation::Stack\n"
        "    Properties:\n      TemplateURL: EdgeStack/template.yaml\n      Parameters: {Origin: app.internal}\n")
    child = SAM_APP.replace("InlineCode: |", "CodeUri: StripPrefix\n      Unused: |").replace(
        "!Select [2, !Split [\"/\", !GetAtt ApiUrl.FunctionUrl]]", "!Ref Origin")
    (build / "EdgeStack" / "template.yaml").write_text("Parameters: {Origin: {Type: String}}\n" + child)
    config = load_source(build / "template.yaml")
    assert {f.name: f.code_dir for f in config.lambda_functions}["StripPrefix"] == build / "EdgeStack" / "StripPrefix"
    assert config.distributions[0].origins[0].domain_name == "app.internal"
    # sam package: the code is in S3 now; the overlay says where it is here.
    (build / "EdgeStack" / "template.yaml").write_text(
        "Parameters: {Origin: {Type: String}}\n" + child.replace("CodeUri: StripPrefix", "CodeUri: s3://b/k.zip"))
    with pytest.raises(ConfigError) as exc:
        load_source(build / "template.yaml")
    assert any("Lambda@Edge function 'StripPrefix': its code is in S3" in e for e in errors(exc)), errors(exc)
