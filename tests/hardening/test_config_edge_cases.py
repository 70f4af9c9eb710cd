"""Configuration inputs at the edges: a distribution with more alternate domain names than CloudFront's default
quota (a warning: the quota can be raised) or than a sanity bound far above it (refused while the text is scanned,
whatever the count), a PEM file holding two keys, an unterminated `${` in Fn::Sub, a cdk.out folder without its
manifest. Each is located by `validate`; errors exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator.cli import main
from tests.signing.support import ec_key, public_pem, rsa_key

BASE = """\
distribution:
  origins:
    - {id: app, domain_name: app.example.test, mock: {type: echo}}
  default_cache_behavior: {target_origin_id: app}
"""


def with_aliases(count: int) -> str:
    return BASE + "  aliases:\n" + "".join(f"    - a{i}.example.test\n" for i in range(count))


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_up_to_100_aliases_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site.yaml").write_text(with_aliases(100))
    code, out = validate(tmp_path / "site.yaml", capsys)
    assert code == 0
    assert "quota" not in out


@pytest.mark.parametrize("count", [101, 10_000])
def test_more_aliases_than_the_default_quota_are_a_warning_saying_it_can_be_raised(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], count: int) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(with_aliases(count))
    code, out = validate(path, capsys)
    assert code == 0
    assert f"{path}:6:5: warning: distribution.aliases: {count:,} alternate domain names, above CloudFront's " \
           "default quota of 100 ('Alternate domain names (CNAMEs) per distribution'); the quota can be raised on " \
           "request, otherwise CreateDistribution answers TooManyDistributionCNAMEs" in out


@pytest.mark.parametrize("count", [10_001, 1_200_000])
def test_aliases_past_the_sanity_bound_are_refused_while_the_text_is_scanned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], count: int) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(with_aliases(count))
    code, out = validate(path, capsys)
    assert code == 2
    # The 10,001st alias is where it stops: line 6 holds the first.
    assert f"{path}:10006:7: aliases: more than 10,000 items, far above any raised quota of 'Alternate domain " \
           "names (CNAMEs) per distribution' (default 100); refused as a sanity bound" in out
    assert "alias bomb" not in out and "100,000 values" not in out


def test_a_pem_file_with_two_public_keys_is_an_error_naming_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "two.pem").write_bytes(public_pem(rsa_key()) + public_pem(ec_key()))
    path = tmp_path / "site.yaml"
    path.write_text(BASE + "key_groups:\n  signers:\n    public_keys:\n      - {id: K2JCJMDEHXQW5F, pem: two.pem}\n")
    code, out = validate(path, capsys)
    assert code == 2
    assert f"{path}:8:35: key_groups.signers.public_keys[0].pem: 'two.pem' is 2 PEM blocks; a CloudFront " \
           "public key is one key" in out


TEMPLATE = """\
Resources:
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: app
            DomainName: {"Fn::Sub": ["${A", {}]}
            CustomOriginConfig: {OriginProtocolPolicy: http-only}
        DefaultCacheBehavior: {TargetOriginId: app, ViewerProtocolPolicy: allow-all}
"""


def test_an_unterminated_substitution_in_fn_sub_is_an_import_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(TEMPLATE)
    code, out = validate(path, capsys)
    assert code == 2
    assert f"{path}:9:37: Fn::Sub: '${{A' opens a '${{' that is never closed with '}}'" in out
    assert "domain_name" not in out


def test_a_cdk_out_folder_without_its_manifest_is_named_as_such(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cdk.out"
    folder.mkdir()
    (folder / "SiteStack.template.json").write_text('{"Resources": {}}')
    for path in (folder, tmp_path):  # the folder itself, or the project holding it
        code, out = validate(path, capsys)
        assert code == 2
        assert f"{path}: a CDK cloud assembly (cdk.out) without its manifest.json" in out
        assert ".tf" not in out


def imported_aliases(tmp_path: Path, count: int) -> Path:
    aliases = ", ".join(f"a{i}.example.test" for i in range(count))
    path = tmp_path / "template.yaml"
    path.write_text(TEMPLATE.replace('{"Fn::Sub": ["${A", {}]}', "app.example.test")
                    .replace("        Enabled: true\n", f"        Enabled: true\n        Aliases: [{aliases}]\n"))
    return path


def test_an_imported_distribution_over_the_aliases_quota_is_warned_about(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = imported_aliases(tmp_path, 101)
    code, out = validate(path, capsys)
    assert code == 0
    assert f"{path}:7:18: warning: distribution.aliases: 101 alternate domain names, above CloudFront's default " \
           "quota of 100 ('Alternate domain names (CNAMEs) per distribution'); the quota can be raised" in out


def test_an_imported_distribution_past_the_aliases_sanity_bound_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = imported_aliases(tmp_path, 10_001)
    code, out = validate(path, capsys)
    assert code == 2
    assert f"{path}:7:18: distribution.aliases: 10,001 alternate domain names, far above any raised quota of " \
           "'Alternate domain names (CNAMEs) per distribution' (default 100); refused as a sanity bound" in out
