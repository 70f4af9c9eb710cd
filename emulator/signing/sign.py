"""Signing, for `frontyard sign` and for a user's own tests: signed URLs and signed cookies exactly as
CloudFront expects them (canned or custom policy, RSA or ECDSA, SHA-1 or SHA-256)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from emulator.signing import codec
from emulator.signing.keys import PrivateKeyType, load_private_key, sign

KeySource = PrivateKeyType | bytes | str | Path


def _key(private_key: KeySource) -> PrivateKeyType:
    if isinstance(private_key, Path):
        return load_private_key(private_key.read_bytes())
    if isinstance(private_key, str):
        return load_private_key(private_key.encode("ascii"))
    if isinstance(private_key, bytes):
        return load_private_key(private_key)
    return private_key


def epoch(moment: int | float | datetime) -> int:
    """Seconds since the epoch; naive datetimes are UTC (as botocore treats them)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return int(moment.timestamp())
    return int(moment)


def _hash(name: str) -> str:
    value = name.upper().replace("-", "")
    if value not in codec.HASHES:
        raise ValueError(f"hash algorithm '{name}' is not one CloudFront accepts: SHA1 or SHA256")
    return value


def _signing_values(resource: str, key: PrivateKeyType, *, expires: int | float | datetime | None,
                    starts: int | float | datetime | None, ip: str | None, policy: str | None, hash_name: str,
                    canned: bool) -> list[tuple[str, str]]:
    """(name, value) pairs in CloudFront's order: Expires | Policy, Signature, [Hash-Algorithm]."""
    if policy is None and expires is None:
        raise ValueError("give an expiry time or a policy")
    if canned and policy is None:
        assert expires is not None
        statement = codec.canned_policy(resource, epoch(expires))
        first = (codec.EXPIRES, str(epoch(expires)))
    else:
        if policy is None:
            assert expires is not None
            policy = codec.custom_policy(resource, epoch(expires), None if starts is None else epoch(starts), ip)
        statement = policy
        first = (codec.POLICY, codec.cf_b64encode(statement.encode("utf-8")))
    pairs = [first, (codec.SIGNATURE, codec.cf_b64encode(sign(key, statement.encode("utf-8"), hash_name)))]
    return pairs


def sign_url(url: str, key_pair_id: str, private_key: KeySource, *, expires: int | float | datetime | None = None,
             starts: int | float | datetime | None = None, ip: str | None = None, resource: str | None = None,
             policy: str | None = None, hash_algorithm: str = "SHA1") -> str:
    """A signed URL. A canned policy unless a policy, a start time, an IP range or a Resource other than the
    URL itself (e.g. with wildcards) asks for a custom one."""
    hash_name = _hash(hash_algorithm)
    canned = policy is None and starts is None and ip is None and resource in (None, url)
    pairs = _signing_values(resource or url, _key(private_key), expires=expires, starts=starts, ip=ip,
                            policy=policy, hash_name=hash_name, canned=canned)
    pairs.append((codec.KEY_PAIR_ID, key_pair_id))
    if hash_name != "SHA1":
        pairs.append((codec.HASH_ALGORITHM, hash_name))
    separator = "&" if "?" in url else "?"
    return url + separator + "&".join(f"{name}={value}" for name, value in pairs)


def sign_cookies(resource: str, key_pair_id: str, private_key: KeySource, *,
                 expires: int | float | datetime | None = None, starts: int | float | datetime | None = None,
                 ip: str | None = None, policy: str | None = None, hash_algorithm: str = "SHA1") -> dict[str, str]:
    """Signed cookies (name -> value). Canned (CloudFront-Expires) for one exact URL without conditions;
    otherwise a custom policy (CloudFront-Policy), which is what wildcards like https://host/private/* need."""
    hash_name = _hash(hash_algorithm)
    canned = policy is None and starts is None and ip is None and "*" not in resource
    pairs = _signing_values(resource, _key(private_key), expires=expires, starts=starts, ip=ip, policy=policy,
                            hash_name=hash_name, canned=canned)
    pairs.append((codec.KEY_PAIR_ID, key_pair_id))
    if hash_name != "SHA1":
        pairs.append((codec.HASH_ALGORITHM, hash_name))
    return {codec.COOKIE_PREFIX + name: value for name, value in pairs}
