"""Loading private-content signers (AWS: "Specify signers that can create signed URLs and signed cookies"):
`key_groups:` (public keys CloudFront verifies with), a
behavior's `trusted_key_groups` / legacy `trusted_signers`, and the legacy signers' key pairs under
`emulator.key_pairs` (CloudFront keeps those in the AWS account, not in the distribution)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from emulator.config import keys as config_keys
from emulator.config.model import CacheBehavior, Distribution, KeyGroup
from emulator.config.reader import Report, Section
from emulator.config.yamlsrc import Path as TreePath
from emulator.issues import ConfigIssue, Location, Severity

if TYPE_CHECKING:
    from emulator.signing.keys import PublicKey

KEY_EXPECTED = "{id: K2JCJMDEHXQW5F, pem: keys/public.pem} (or encoded_key: the PEM text)"
ACCOUNT = "self or a 12-digit AWS account id"


def _public_key(r: Report, path: TreePath, raw: object, legacy: bool) -> PublicKey | None:
    s = Section(r, path, raw)
    s.check_keys(config_keys.names(config_keys.PUBLIC_KEY))
    key_id = s.str("id", required=True, expected="the public key id signers send as Key-Pair-Id")
    pem_file, encoded = s.str("pem"), s.str("encoded_key")
    if (pem_file is None) == (encoded is None):
        r.error(path, "give exactly one of 'pem' (a file) or 'encoded_key' (the PEM text)", KEY_EXPECTED)
        return None
    where = s.at("pem") if pem_file is not None else s.at("encoded_key")
    if pem_file is not None:
        try:
            data = (r.base_dir / pem_file).read_bytes()
        except OSError as exc:
            r.error(where, f"cannot read '{pem_file}': {exc.strerror} (looked in {r.base_dir})")
            return None
    else:
        data = str(encoded).encode("utf-8")
    what = f"'{pem_file}'" if pem_file is not None else "encoded_key"
    key = r.engines.public_key(key_id or "", data, legacy, r.loc(path),
                               r.base_dir / pem_file if pem_file is not None else None)
    if isinstance(key, str):
        expected = "an RSA (1024, 2048 or 4096 bits) public key in PEM" if legacy else \
            "an RSA-2048 or ECDSA P-256 public key in PEM (-----BEGIN PUBLIC KEY-----)"
        r.error(where, f"{what} is {key}", expected)
        return None
    return key if key_id is not None else None


def _keys(r: Report, s: Section, name: str, legacy: bool) -> tuple[PublicKey, ...]:
    out = []
    for path, raw in s.items(name):
        if (key := _public_key(r, path, raw, legacy)) is not None:
            out.append(key)
    return tuple(out)


def load_key_groups(r: Report, s: Section | None) -> tuple[KeyGroup, ...]:
    """`key_groups: {name: {public_keys: [{id, pem}]}}`; a key id names one key everywhere."""
    if s is None:
        return ()
    groups = []
    seen: dict[str, PublicKey] = {}
    for name in s.data:
        g = Section(r, s.at(name), s.data[name])
        g.check_keys(config_keys.names(config_keys.KEY_GROUP))
        if not g.data.get("public_keys"):
            r.error(g.path, f"key group '{name}' has no public_keys", "a list of " + KEY_EXPECTED)
        keys = _keys(r, g, "public_keys", legacy=False)
        for i, key in enumerate(keys):
            other = seen.setdefault(key.id, key)
            if other is not key and other.key.public_numbers() != key.key.public_numbers():  # type: ignore[union-attr]
                r.error(g.at("public_keys") + (i, "id"), f"public key id '{key.id}' names two different keys",
                        "one id per public key (the same key may be in several groups)")
        groups.append(KeyGroup(name=str(name), public_keys=keys, location=g.location))
    return tuple(groups)


def load_key_pairs(r: Report, s: Section | None) -> tuple[tuple[str, tuple[PublicKey, ...]], ...]:
    """`emulator.key_pairs: {self: [{id: APKA..., pem: ...}], '111122223333': [...]}`: the CloudFront key pairs
    of the AWS accounts that legacy `trusted_signers` name (at most two active per account)."""
    if s is None:
        return ()
    out = []
    for account in s.data:
        if str(account) != "self" and not (str(account).isdigit() and len(str(account)) == 12):
            r.error(s.at(account), f"'{account}' is not an AWS account", ACCOUNT, key=True)
        raw = s.data[account]
        if not isinstance(raw, list):
            r.error(s.at(account), "must be a list of key pairs", "a list of " + KEY_EXPECTED)
            continue
        keys = _keys(r, Section(r, s.path, {account: raw}), account, legacy=True)
        if len(raw) > 2:
            r.warn(s.at(account), f"{len(raw)} key pairs; CloudFront allows at most two active key pairs per account")
        out.append((str(account), keys))
    return tuple(out)


def group_names(raw: object) -> set[str]:
    """Key group names as written, even of groups with errors, so one mistake doesn't cascade into more."""
    return {str(k) for k in raw} if isinstance(raw, dict) else set()


def load_trust(r: Report, s: Section, groups: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A behavior's (trusted_key_groups, trusted_signers): known groups, accounts, not both at once."""
    key_groups = tuple(s.strs("trusted_key_groups") or ())
    signers = tuple(s.strs("trusted_signers") or ())
    for i, name in enumerate(key_groups):
        if name not in groups:
            r.error(s.at("trusted_key_groups") + (i,), f"no key group named '{name}'",
                    f"one of the names under 'key_groups': {', '.join(sorted(groups)) or '(none defined)'}")
    for i, account in enumerate(signers):
        if account != "self" and not (account.isdigit() and len(account) == 12):
            r.error(s.at("trusted_signers") + (i,), f"'{account}' is not a trusted signer", ACCOUNT)
    if key_groups and signers:
        r.error(s.at("trusted_signers"), "give either trusted_key_groups or legacy trusted_signers, not both "
                "(CloudFront's 'Trusted key groups or Trusted signer' is one choice per behavior)")
    return key_groups, signers


def check_signer_accounts(r: Report, distributions: list[Distribution],
                          key_pairs: tuple[tuple[str, tuple[PublicKey, ...]], ...]) -> None:
    """A trusted signer account without key pairs under emulator.key_pairs denies every request (InvalidKey)."""
    accounts = {account for account, keys in key_pairs if keys}
    for d in distributions:
        for b in d.behaviors:
            for account in _missing(b, accounts):
                _warn_at(r, b.location, f"behavior {b.label}: trusted signer '{account}' has no key pairs under "
                         "emulator.key_pairs, so no signature from it can verify (every request gets 403 "
                         "InvalidKey)")


def _missing(b: CacheBehavior, accounts: set[str]) -> list[str]:
    return [a for a in b.trusted_signers if a not in accounts]


def _warn_at(r: Report, where: Location | None, message: str) -> None:
    r.issues.append(ConfigIssue(Severity.WARNING, where, "trusted_signers", message))
