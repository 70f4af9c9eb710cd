"""CloudFront's signing vocabulary (AWS: "Serve private content with signed URLs and signed cookies"): parameter and
cookie names, its URL-safe base64, and the
canned policy statement. Pure; shared by the verifier (signing/stage.py) and the signer (signing/sign.py)."""

from __future__ import annotations

import base64
import binascii
import json

# Query parameters of a signed URL. Hash-Algorithm (SHA1 when absent) arrived with SHA-256 support.
EXPIRES, POLICY, SIGNATURE, KEY_PAIR_ID, HASH_ALGORITHM = "Expires", "Policy", "Signature", "Key-Pair-Id", \
    "Hash-Algorithm"
SIGNING_PARAMS = (EXPIRES, POLICY, SIGNATURE, KEY_PAIR_ID, HASH_ALGORITHM)
# Signed cookies carry the same values under these names.
COOKIE_PREFIX = "CloudFront-"
SIGNING_COOKIES = tuple(COOKIE_PREFIX + name for name in SIGNING_PARAMS)

HASHES = ("SHA1", "SHA256")

# CloudFront's base64: MIME base64 with the three characters that are not URL-safe replaced.
_ENCODE = str.maketrans("+=/", "-_~")
_DECODE = str.maketrans("-_~", "+=/")


def cf_b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").translate(_ENCODE)


def cf_b64decode(text: str) -> bytes | None:
    """The bytes behind a CloudFront base64 value, or None when it is not one."""
    try:
        raw = text.strip().translate(_DECODE).encode("ascii")
        return base64.b64decode(raw + b"=" * (-len(raw) % 4), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def compact_json(value: object) -> str:
    """A policy statement without whitespace, as CloudFront (and botocore) build it."""
    return json.dumps(value, separators=(",", ":"))


def canned_policy(resource: str, expires: int) -> str:
    """The statement a canned policy signs: CloudFront rebuilds it from the request URL and Expires."""
    return compact_json({"Statement": [{"Resource": resource, "Condition": {"DateLessThan": {
        "AWS:EpochTime": expires}}}]})


def custom_policy(resource: str | None, expires: int, starts: int | None = None, ip: str | None = None) -> str:
    """A custom policy statement: Resource (may hold * and ?), DateLessThan, optional DateGreaterThan and
    IpAddress (a single IPv4 address becomes /32)."""
    condition: dict[str, object] = {"DateLessThan": {"AWS:EpochTime": expires}}
    if starts is not None:
        condition["DateGreaterThan"] = {"AWS:EpochTime": starts}
    if ip is not None:
        condition["IpAddress"] = {"AWS:SourceIp": ip if "/" in ip else f"{ip}/32"}
    statement: dict[str, object] = {"Resource": resource} if resource is not None else {}
    statement["Condition"] = condition
    return compact_json({"Statement": [statement]})
