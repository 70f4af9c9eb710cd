"""The command line on real sources: serve a cdk.out with its overlay (and --watch follows the template),
validate / explain / import any format, and the overlay's own checks."""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import sys
from pathlib import Path

import aiohttp
import pytest

from emulator.assembly import load_source
from emulator.cli import main
from emulator.errors import ConfigError
from tests.helpers import run_config

FIXTURES = Path(__file__).parent / "fixtures"


def copy_fixtures(tmp_path: Path) -> Path:
    for name in ("cdk", "site", "storage", "cloudfront", "terraform", "keys"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    return tmp_path


async def test_serve_a_cdk_out_with_its_overlay_and_watch_the_template(tmp_path: Path) -> None:
    root = copy_fixtures(tmp_path)
    template = root / "cdk" / "cdk.out" / "SiteStack.template.json"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "emulator", "serve", str(root / "cdk" / "cdk.out"), "--watch", "--port", "0",
        "--https-port", "0", "--admin-port", "0", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    try:
        lines, url = [], None
        while url is None:
            line = (await asyncio.wait_for(proc.stdout.readline(), 20)).decode()
            assert line, "serve exited early"
            lines.append(line)
            if " at http://" in line:
                url = line.split(" at ")[1].strip().rstrip("/")
        assert any("read as a CDK cloud assembly (cdk.out), local overlay " in line for line in lines)
        async with aiohttp.ClientSession() as session:
            async with session.get(url + "/about", allow_redirects=False) as r:
                assert r.status == 301  # redirect-to-https, as synthesized
            data = json.loads(template.read_text())
            dist = data["Resources"]["DistB3B78991"]["Properties"]["DistributionConfig"]
            dist["DefaultCacheBehavior"]["ViewerProtocolPolicy"] = "allow-all"
            template.write_text(json.dumps(data, indent=1))  # what a new `cdk synth` would do
            while b"reloaded" not in await asyncio.wait_for(proc.stderr.readline(), 20):
                pass
            async with session.get(url + "/about", allow_redirects=False) as r:
                assert r.status == 200 and "SPA index" in await r.text()  # the function, then the mock bucket
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 0 and b"Traceback" not in err


def test_validate_and_explain_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    for source, kind in ((FIXTURES / "cdk" / "cdk.out", "CDK cloud assembly (cdk.out)"),
                         (FIXTURES / "cloudfront" / "distribution.json", "CloudFront JSON"),
                         (FIXTURES / "terraform", "Terraform module")):
        assert main(["validate", str(source)]) == 0
        out = capsys.readouterr().out
        assert f"(read as a {kind}, overlay " in out and "OK: 1 distribution, 3 behaviors, 3 origins" in out
        assert main(["explain", str(source), "https://localhost/api/x"]) == 0
        out = capsys.readouterr().out
        assert "Origin request (not sent):\nGET /v1/api/x HTTP/1.1\nHost: api.example.test\n" in out


def test_import_writes_commented_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixtures(tmp_path)
    out = tmp_path / "out" / "frontyard.yaml"
    out.parent.mkdir()
    assert main(["import", str(root / "terraform" / "main.tf"), "-o", str(out)]) == 0
    text = out.read_text()
    assert text.startswith(f"# frontyard configuration imported from {root / 'terraform' / 'main.tf'}")
    assert f"# from {root / 'terraform' / 'main.tf'}:" in text
    assert "code: ../terraform/spa-rewrite.js" in text and "root: ../site" in text
    assert "cache_policy: Managed-CachingOptimized" in text
    assert main(["validate", str(out)]) == 0
    assert main(["import", str(root / "terraform"), "-o", str(tmp_path / "no-such-dir" / "x.yaml")]) == 1
    assert "frontyard import: cannot write" in capsys.readouterr().err


def test_import_of_a_broken_source_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "main.tf"
    bad.write_text('resource "aws_cloudfront_distribution" "x" {\n  aliases = ["a"]]\n}\n')
    assert main(["import", str(bad), "-o", str(tmp_path / "out.yaml")]) == 2
    assert f"{bad}:2:18: HCL syntax: unexpected ']'" in capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists()


def test_overlay_problems_are_located_in_the_overlay(tmp_path: Path) -> None:
    root = copy_fixtures(tmp_path)
    overlay = root / "terraform" / "frontyard.local.yaml"
    overlay.write_text("origins:\n  sight: {mock: {type: echo}}\n  api: {resolv: x}\nunmapped_origins: maybe\n")
    with pytest.raises(ConfigError) as exc:
        load_source(root / "terraform")
    found = [i.format() for i in exc.value.errors]
    assert f"{overlay}:3:9: origins.api: unknown key 'resolv' (did you mean 'resolve'?)" in found
    assert f"{overlay}:4:19: unmapped_origins: 'maybe' is not a choice\n    expected internet or \"502\"" in found
    assert any(f.startswith(f"{overlay}:2:3: origins.sight: no origin has id or domain name 'sight'") for f in found)


async def test_unmapped_origins_can_answer_502_saying_so(tmp_path: Path) -> None:
    root = copy_fixtures(tmp_path)
    overlay = root / "terraform" / "frontyard.local.yaml"
    overlay.write_text("unmapped_origins: \"502\"\norigins:\n  storage: {resolve: 127.0.0.1:9}\n")
    config = load_source(root / "terraform")
    assert ("frontyard-assets.s3.us-east-1.amazonaws.com", "127.0.0.1", 9) in config.emulator.resolve
    async with run_config(config) as edge:
        async with edge.session.get(edge.https_url + "/about", ssl=edge.ssl_context()) as r:
            assert r.status == 502
            assert "origin 'site' (frontyard-site.s3-website-us-east-1.amazonaws.com) is not mapped in " \
                   "frontyard.local.yaml" in await r.text()


def test_cloudfront_json_needs_what_it_refers_to_beside_it(tmp_path: Path) -> None:
    root = copy_fixtures(tmp_path)
    (root / "cloudfront" / "cache-policy-short-cache.json").unlink()
    (root / "cloudfront" / "spa-rewrite.js").unlink()
    with pytest.raises(ConfigError) as exc:
        load_source(root / "cloudfront" / "distribution.json")
    found = "\n".join(i.format() for i in exc.value.errors)
    assert "cache policy '4e0b8a52-6f0a-4c1e-9f0e-6b3c1d2a9e11' is not an AWS managed policy, and no file beside " \
           "this one defines it\n    expected `aws cloudfront get-cache-policy --id 4e0b8a52" in found
    assert "function 'spa-rewrite': its code is not beside distribution.json\n    expected `aws cloudfront " \
           "get-function --name spa-rewrite spa-rewrite.js`" in found
    assert exc.value.file.endswith("distribution.json (read as a CloudFront JSON)")


def test_get_distribution_output_is_read_too(tmp_path: Path) -> None:
    root = copy_fixtures(tmp_path)
    config_only = json.loads((root / "cloudfront" / "distribution.json").read_text())
    wrapped = {"ETag": "E2", "Distribution": {"Id": "E2EXAMPLE", "ARN": "arn:aws:cloudfront::1:distribution/E2",
                                              "DomainName": "d2.cloudfront.net", "Status": "Deployed",
                                              "DistributionConfig": config_only["DistributionConfig"]}}
    (root / "cloudfront" / "distribution.json").write_text(json.dumps(wrapped))
    config = load_source(root / "cloudfront" / "distribution.json")
    assert config.distributions[0].id == "E2EXAMPLE"


def test_broken_cloudfront_json_is_located_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dist.json"
    path.write_text('{"ETag": "E1",\n "DistributionConfig": {"Origins": {"Quantity": 1, "Items": [}}}\n')
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{path}:2:62: syntax:")
    assert err[-1] == f"1 error in {path} (read as a CloudFront JSON)"


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("bin.yaml", b"\x00\xff\xfe", "bin.yaml: the file is binary (it holds NUL bytes)"),
    ("t.yaml", b"Resources: [1, 2]\n", "t.yaml:1:1: Resources: a CloudFormation template needs a 'Resources' mapping"),
    ("d.json", b'{"DistributionConfig": "x"}', "d.json:1:24: DistributionConfig: must be a mapping"),
    ("o.yaml", b"Resources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n"
               b"      DistributionConfig: {Origins: 5, DefaultCacheBehavior: {TargetOriginId: o}}\n",
     "o.yaml:5:37: distribution.origins: must be a list, got a number"),
    ("c.yaml", b'Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "${B}-x"}}\n'
               b"  D: {Type: AWS::CloudFront::Distribution, Properties: {DistributionConfig: {Origins: "
               b"[{Id: o, DomainName: !GetAtt B.DomainName}]}}}\n", "c.yaml:2:55: 'B' depends on itself"),
    ("c.tf", b'resource "aws_s3_bucket" "b" {\n  bucket = "${aws_s3_bucket.b.id}-x"\n}\n'
             b'resource "aws_cloudfront_distribution" "d" {\n  origin {\n    origin_id = "o"\n'
             b"    domain_name = aws_s3_bucket.b.bucket_domain_name\n  }\n}\n",
     "c.tf:2:15: aws_s3_bucket.b.id depends on itself"),
])
def test_malformed_sources_get_a_located_answer_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                 name: str, text: bytes, expected: str) -> None:
    (tmp_path / name).write_bytes(text)
    assert main(["validate", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
