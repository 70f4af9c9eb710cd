"""Loading origin access: origin access controls, OAIs, bucket policies given inline or as files, the AWS
identity; every problem reported with its file, line, column and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_config
from emulator.config.model.access import SigningBehavior
from emulator.errors import ConfigError


def load(tmp_path: Path, origin_extra: str, top_extra: str = "", mock: str = "{type: s3, root: bucket}"):
    (tmp_path / "bucket").mkdir(exist_ok=True)
    text = f"""\
{top_extra}
distribution:
  origins:
    - id: bucket
      domain_name: site-bucket.s3.eu-west-1.amazonaws.com
      {origin_extra}
      mock: {mock}
  default_cache_behavior: {{target_origin_id: bucket}}
"""
    (tmp_path / "frontyard.yaml").write_text(textwrap.dedent(text))
    return load_config(tmp_path / "frontyard.yaml")


def errors(tmp_path: Path, *args: str, **kwargs: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(tmp_path, *args, **kwargs)
    return [i.format() for i in info.value.errors]


def test_an_origin_access_control_is_resolved(tmp_path: Path) -> None:
    config = load(tmp_path, "origin_access_control_id: oac", "origin_access_controls:\n"
                  "  oac: {signing_behavior: no-override, signing_protocol: sigv4, origin_type: s3}")
    oac = config.distributions[0].origins[0].access_control
    assert oac is not None and (oac.id, oac.signing_behavior, oac.declared) == ("oac", SigningBehavior.NO_OVERRIDE,
                                                                                True)


def test_an_undefined_access_control_is_a_located_error(tmp_path: Path) -> None:
    found = errors(tmp_path, "origin_access_control_id: E2ABCDEF", "origin_access_controls: {site-oac: {}}")
    assert any("frontyard.yaml:6:33:" in e and "no origin access control 'E2ABCDEF' under origin_access_controls" in e
               and "one of: site-oac" in e for e in found), found


def test_oai_and_oac_on_one_origin_is_an_error(tmp_path: Path) -> None:
    found = errors(tmp_path, "origin_access_control_id: oac\n      s3_origin: {origin_access_identity: "
                   "origin-access-identity/cloudfront/E1OAI}", "origin_access_controls: {oac: {}}")
    assert any("frontyard.yaml:6:33:" in e and "either an origin access control or an origin access identity" in e
               for e in found), found


def test_access_control_values_are_checked(tmp_path: Path) -> None:
    found = errors(tmp_path, "origin_access_control_id: oac", "origin_access_controls:\n"
                   "  oac: {signing_behavior: sometimes, signing_protocol: sigv2, origin_typ: s3}")
    assert len(found) == 3, found
    assert any("signing_behavior" in e and "'sometimes' is not a valid value" in e for e in found)
    assert any("'sigv2' is not a signing protocol" in e for e in found)
    assert any("unknown key 'origin_typ'" in e for e in found)


def test_a_bucket_policy_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "policy.json").write_text('{"Statement": {"Effect": "Allow", "Principal": "*", '
                                          '"Action": "s3:GetObject", "Resource": "*"}}')
    config = load(tmp_path, "s3_origin: {}", mock="{type: s3, root: bucket, bucket_policy: policy.json}")
    spec = config.distributions[0].origins[0].mock
    assert spec is not None and spec.option("bucket_policy") == {
        "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}}


def test_bucket_policy_problems_are_all_reported_at_the_option(tmp_path: Path) -> None:
    found = errors(tmp_path, "s3_origin: {}", mock="{type: s3, root: bucket, list: true, bucket_policy: "
                   "{Statement: [{Effect: Permit, Principal: '*', Action: 's3:*'}]}}")
    assert any("frontyard.yaml:7:65:" in e and "Statement[0].Effect: must be Allow or Deny" in e for e in found), found
    assert any("Statement[0]: a bucket policy statement needs Resource or NotResource" in e for e in found)
    assert any("give either 'list' or 'bucket_policy'" in e for e in found)
    missing = errors(tmp_path, "s3_origin: {}", mock="{type: s3, root: bucket, bucket_policy: nope.json}")
    assert any("cannot read 'nope.json'" in e for e in missing), missing


def test_the_aws_identity_comes_from_the_config_then_the_environment(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "env-secret")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    aws = load(tmp_path, "s3_origin: {}").emulator.aws
    assert (aws.access_key_id, aws.account_id) == ("AKIAENV", "123456789012")
    aws = load(tmp_path, "s3_origin: {}", "emulator:\n  account_id: '111122223333'\n  aws_credentials: "
               "{access_key_id: AKIACONF, secret_access_key: s}").emulator.aws
    assert (aws.access_key_id, aws.source, aws.distribution_arn("E1")) == (
        "AKIACONF", "emulator.aws_credentials", "arn:aws:cloudfront::111122223333:distribution/E1")
    assert any("'12' is not an AWS account id" in e
               for e in errors(tmp_path, "s3_origin: {}", "emulator: {account_id: '12'}"))


def test_a_shared_bucket_policy_is_reported_once_and_a_bad_emulator_section_once(tmp_path: Path) -> None:
    (tmp_path / "bucket").mkdir()
    (tmp_path / "frontyard.yaml").write_text(textwrap.dedent("""\
        bucket_policies:
          site-bucket:
            Statement: [{Effect: Maybe, Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site-bucket/*"}]
        distributions:
          - origins: [{id: s, domain_name: site-bucket.s3.amazonaws.com, mock: {type: s3, root: bucket}}]
            default_cache_behavior: {target_origin_id: s}
          - aliases: [b.localhost]
            origins: [{id: s, domain_name: site-bucket.s3.amazonaws.com, mock: {type: s3, root: bucket}}]
            default_cache_behavior: {target_origin_id: s}
        emulator: 5
        """))
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "frontyard.yaml")
    messages = [f"{i.location.line if i.location else 0}:{i.field}: {i.message}" for i in caught.value.issues]
    assert messages == ["3:bucket_policies.site-bucket: Statement[0].Effect: must be Allow or Deny, not 'Maybe'",
                        "10:emulator: must be a mapping, got a number"]
