"""Key groups, trusted key groups and legacy trusted signers: located errors, all at once (AWS: "Specify signers that
can create signed URLs and signed cookies")."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from emulator.assembly import load_config_text
from emulator.errors import ConfigError
from tests.signing.support import RSA_ID, public_pem, rsa_key, write_public_keys

BEHAVIOR = """\
distribution:
  origins: [{id: files, domain_name: files.example.test}]
  default_cache_behavior: {target_origin_id: files}
  cache_behaviors:
    - path_pattern: /storage/*
      target_origin_id: files
"""


def load(text: str, tmp_path: Path):
    return load_config_text(textwrap.dedent(text), "site.yaml", tmp_path)


def errors(text: str, tmp_path: Path) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(text, tmp_path)
    return [i.format() for i in info.value.errors]


def test_key_groups_and_legacy_signers_load(tmp_path: Path) -> None:
    write_public_keys(tmp_path)
    pem_text = public_pem(rsa_key()).decode().replace("\n", "\n          ")
    config = load(f"""\
key_groups:
  storage:
    public_keys:
      - {{id: {RSA_ID}, pem: rsa.pub.pem}}
      - {{id: KECDSA, pem: ec.pub.pem}}
  inline:
    public_keys:
      - id: KINLINE
        encoded_key: |
          {pem_text}
{BEHAVIOR}      trusted_key_groups: [storage, inline]
    - path_pattern: /legacy/*
      target_origin_id: files
      trusted_signers: [self]
emulator:
  key_pairs:
    self: [{{id: APKAEXAMPLE, pem: rsa.pub.pem}}]
""", tmp_path)
    storage, inline = config.key_groups
    assert [k.id for k in storage.public_keys] == [RSA_ID, "KECDSA"]
    assert [k.algorithm.value for k in storage.public_keys] == ["RSA-2048", "ECDSA-P256"]
    assert inline.public_keys[0].id == "KINLINE"
    storage_behavior, legacy = config.distributions[0].cache_behaviors
    assert storage_behavior.trusted_key_groups == ("storage", "inline") and storage_behavior.restricted
    assert legacy.trusted_signers == ("self",) and legacy.restricted
    assert not config.distributions[0].default_cache_behavior.restricted
    assert config.emulator.key_pairs[0][0] == "self"
    assert config.warnings == ()
    from emulator.serve.reload import watched_files

    watched = watched_files(config)  # --watch reloads when a public key file changes
    assert (tmp_path / "rsa.pub.pem").resolve() in watched and (tmp_path / "ec.pub.pem").resolve() in watched
    assert len(watched) == 3


def test_every_problem_is_reported_with_its_location(tmp_path: Path) -> None:
    write_public_keys(tmp_path)
    (tmp_path / "private.pem").write_text("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n")
    (tmp_path / "junk.pem").write_text("hello\n")
    small = rsa.generate_private_key(65537, 1024)
    (tmp_path / "rsa1024.pem").write_bytes(public_pem(small))
    (tmp_path / "p384.pem").write_bytes(public_pem(ec.generate_private_key(ec.SECP384R1())))
    found = errors(f"""\
key_groups:
  broken:
    public_keys:
      - {{id: K1, pem: private.pem}}
      - {{id: K2, pem: junk.pem}}
      - {{id: K3, pem: rsa1024.pem}}
      - {{id: K4, pem: p384.pem}}
      - {{id: K5, pem: missing.pem}}
      - {{id: K6}}
      - {{id: {RSA_ID}, pem: rsa.pub.pem}}
      - {{id: {RSA_ID}, pem: ec.pub.pem}}
  empty: {{public_keys: []}}
{BEHAVIOR}      trusted_key_groups: [brokn]
      trusted_signers: [someone]
""", tmp_path)
    text = "\n".join(found)
    assert "site.yaml:4:23: key_groups.broken.public_keys[0].pem: 'private.pem' is a PRIVATE key" in text
    assert "site.yaml:5:23: key_groups.broken.public_keys[1].pem: 'junk.pem' is not a PEM public key" in text
    assert "'rsa1024.pem' is an RSA key of 1024 bits; CloudFront accepts RSA keys of 2048 bits here" in text
    assert "'p384.pem' is an ECDSA key on curve secp384r1; CloudFront accepts P-256 (prime256v1) only" in text
    assert "cannot read 'missing.pem'" in text
    assert "site.yaml:9:9: key_groups.broken.public_keys[5]: give exactly one of 'pem'" in text
    assert f"public key id '{RSA_ID}' names two different keys" in text
    assert "key_groups.empty: key group 'empty' has no public_keys" in text
    assert "site.yaml:19:28: distribution.cache_behaviors[0].trusted_key_groups[0]: no key group named 'brokn'" in text
    assert "'someone' is not a trusted signer" in text
    assert "give either trusted_key_groups or legacy trusted_signers, not both" in text
    assert len(found) == 11


def test_a_signer_account_without_key_pairs_warns(tmp_path: Path) -> None:
    config = load(BEHAVIOR + "      trusted_signers: ['111122223333']\n", tmp_path)
    assert len(config.warnings) == 1
    warning = config.warnings[0].format()
    assert "site.yaml:5:7" in warning and "trusted signer '111122223333' has no key pairs" in warning


def test_validate_warns_when_a_public_behavior_shadows_a_private_one(tmp_path: Path) -> None:
    from emulator.pipeline.lint import lint

    write_public_keys(tmp_path)
    config = load(f"""\
key_groups:
  storage: {{public_keys: [{{id: {RSA_ID}, pem: rsa.pub.pem}}]}}
distribution:
  origins: [{{id: files, domain_name: files.example.test}}]
  default_cache_behavior: {{target_origin_id: files}}
  cache_behaviors:
    - {{path_pattern: /stor*, target_origin_id: files}}
    - {{path_pattern: /storage/*, target_origin_id: files, trusted_key_groups: [storage]}}
    - {{path_pattern: /private/*, target_origin_id: files, trusted_key_groups: [storage]}}
""", tmp_path)
    found = [i.format() for i in lint(config)]
    assert len(found) == 1
    assert "cache_behaviors[1] (/storage/*): requires signed URLs or cookies, but cache_behaviors[0] (/stor*)" \
        in found[0]
