"""`frontyard keys new` and `frontyard sign`: the files and config lines they write, and signatures checked by an
independent implementation (tests/signing/support: cryptography and AWS's statement template, not frontyard)."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from cryptography.hazmat.primitives import serialization

from emulator.assembly import load_config
from emulator.cli import main
from emulator.cli.sign import parse_when
from tests.signing.support import canned_statement, cf_unb64, raw_verify


def new_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[str, str]:
    assert main(["keys", "new", "--out", str(tmp_path / "keys"), "--id", "KTESTKEY000001", *extra]) == 0
    return capsys.readouterr().out, str(tmp_path / "keys" / "KTESTKEY000001.private.pem")


def private(path: str):
    return serialization.load_pem_private_key(Path(path).read_bytes(), None)


def test_keys_new_writes_a_private_key_for_the_owner_and_config_that_loads(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out, key_file = new_keys(tmp_path, capsys, "--group", "storage")
    assert stat.S_IMODE(Path(key_file).stat().st_mode) == 0o600
    snippet = "\n".join(line for line in out.splitlines() if not line.startswith("#"))
    snippet = snippet.replace(f"{tmp_path}/", "")
    (tmp_path / "site.yaml").write_text(snippet + "\ndistribution:\n  origins: [{id: o, domain_name: o.test}]\n"
                                        "  default_cache_behavior: {target_origin_id: o, trusted_key_groups: "
                                        "[storage]}\n")
    config = load_config(tmp_path / "site.yaml")
    assert config.key_groups[0].public_keys[0].id == "KTESTKEY000001"
    assert main(["keys", "new", "--out", str(tmp_path / "keys"), "--id", "KTESTKEY000001"]) == 1  # no overwrite
    assert "exists; not overwriting" in capsys.readouterr().err


def test_sign_prints_a_canned_url_that_verifies_independently(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    _, key_file = new_keys(tmp_path, capsys)
    url = "https://media.example.test/storage/a.txt?v=1"
    assert main(["sign", url, "--key-pair-id", "KTESTKEY000001", "--private-key", key_file,
                 "--expires", "1800000000"]) == 0
    signed = capsys.readouterr().out.strip()
    params = dict(parse_qsl(urlsplit(signed).query))
    assert signed.startswith(url + "&Expires=1800000000&Signature=")
    assert params["Key-Pair-Id"] == "KTESTKEY000001" and "Hash-Algorithm" not in params
    raw_verify(private(key_file), cf_unb64(params["Signature"]), canned_statement(url, 1800000000))


def test_sign_cookies_with_a_custom_policy_ecdsa_sha256(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, key_file = new_keys(tmp_path, capsys, "--ecdsa")
    assert main(["sign", "https://media.example.test/storage/*", "--key-pair-id", "KTESTKEY000001",
                 "--private-key", key_file, "--cookies", "--hash", "sha256", "--expires", "2026-01-01T10:00:00Z",
                 "--starts", "1767200000", "--ip", "192.0.2.0/24"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split("=")[0] for line in lines[:4]] == ["Set-Cookie: CloudFront-Policy",
                                                          "Set-Cookie: CloudFront-Signature",
                                                          "Set-Cookie: CloudFront-Key-Pair-Id",
                                                          "Set-Cookie: CloudFront-Hash-Algorithm"]
    cookies = dict(part.split("=", 1) for part in lines[-1].removeprefix("Cookie: ").split("; "))
    statement = cf_unb64(cookies["CloudFront-Policy"])
    assert json.loads(statement) == {"Statement": [{"Resource": "https://media.example.test/storage/*",
                                                    "Condition": {"DateLessThan": {"AWS:EpochTime": 1767261600},
                                                                  "DateGreaterThan": {"AWS:EpochTime": 1767200000},
                                                                  "IpAddress": {"AWS:SourceIp": "192.0.2.0/24"}}}]}
    assert cookies["CloudFront-Hash-Algorithm"] == "SHA256"
    raw_verify(private(key_file), cf_unb64(cookies["CloudFront-Signature"]), statement, sha256=True)


def test_sign_refuses_bad_input_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "public.pem").write_text("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
    assert main(["sign", "https://x.test/a", "--key-pair-id", "K", "--private-key", str(tmp_path / "public.pem")]) == 1
    assert "not an unencrypted PEM private key" in capsys.readouterr().err
    assert main(["sign", "https://x.test/a", "--key-pair-id", "K", "--private-key", str(tmp_path / "nope.pem")]) == 1
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "expected"), [
    ("1767290400", 1767290400), ("+90s", 1000090), ("+30m", 1001800), ("+2h", 1007200), ("+7d", 1604800),
    ("+60", 1000060), ("2026-01-01T10:00:00Z", 1767261600), ("2026-01-01T12:00:00+02:00", 1767261600),
])
def test_times(text: str, expected: int) -> None:
    assert parse_when(text, now=1_000_000) == expected


@pytest.mark.parametrize("text", ["tomorrow", "2026-01-01T10:00:00", "-5m"])
def test_bad_times(text: str) -> None:
    with pytest.raises(ValueError):
        parse_when(text, now=0)
