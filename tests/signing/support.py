"""Keys for private-content tests (made once per run) and an independent CloudFront signature check.

The check deliberately uses only `cryptography` and the standard library, not emulator.signing, so that
frontyard's own signer is verified against the rules as AWS documents them, not against itself."""

from __future__ import annotations

import base64
import json
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

RSA_ID, EC_ID, OTHER_ID = "K2JCJMDEHXQW5F", "KECDSAP256TEST", "KOTHERKEY00001"


@cache
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, 2048)


@cache
def ec_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@cache
def other_key() -> rsa.RSAPrivateKey:
    """A valid key CloudFront would accept, but not in any trusted group."""
    return rsa.generate_private_key(65537, 2048)


def pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption())


def public_pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def write_public_keys(folder: Path) -> None:
    (folder / "rsa.pub.pem").write_bytes(public_pem(rsa_key()))
    (folder / "ec.pub.pem").write_bytes(public_pem(ec_key()))


KEY_GROUPS = f"""\
key_groups:
  storage:
    public_keys:
      - {{id: {RSA_ID}, pem: rsa.pub.pem}}
      - {{id: {EC_ID}, pem: ec.pub.pem}}
"""


def cf_b64(data: bytes) -> str:
    return base64.b64encode(data).decode().replace("+", "-").replace("=", "_").replace("/", "~")


def cf_unb64(text: str) -> bytes:
    return base64.b64decode(text.replace("-", "+").replace("_", "=").replace("~", "/"))


def raw_sign(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, data: bytes, sha256: bool = False) -> bytes:
    algorithm = hashes.SHA256() if sha256 else hashes.SHA1()
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), algorithm)
    return key.sign(data, ec.ECDSA(algorithm))


def raw_verify(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, signature: bytes, data: bytes,
               sha256: bool = False) -> None:
    """Raises InvalidSignature unless `signature` is CloudFront-valid over `data`."""
    algorithm = hashes.SHA256() if sha256 else hashes.SHA1()
    if isinstance(key, rsa.RSAPrivateKey):
        key.public_key().verify(signature, data, padding.PKCS1v15(), algorithm)
    else:
        key.public_key().verify(signature, data, ec.ECDSA(algorithm))


def canned_statement(resource: str, expires: int) -> bytes:
    """Written out by hand from the AWS guide's template, whitespace removed."""
    return ('{"Statement":[{"Resource":"' + resource + '","Condition":{"DateLessThan":{"AWS:EpochTime":'
            + str(expires) + "}}}]}").encode()


def custom_url(url: str, key_id: str, key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, policy: dict,
               sha256: bool = False) -> str:
    """A custom-policy signed URL built directly with cryptography (no frontyard, no botocore)."""
    statement = json.dumps(policy, separators=(",", ":")).encode()
    query = (f"Policy={cf_b64(statement)}&Signature={cf_b64(raw_sign(key, statement, sha256))}"
             f"&Key-Pair-Id={key_id}" + ("&Hash-Algorithm=SHA256" if sha256 else ""))
    return url + ("&" if "?" in url else "?") + query


def policy(resource: str | None, expires: int, starts: int | None = None, ip: str | None = None) -> dict:
    condition: dict = {"DateLessThan": {"AWS:EpochTime": expires}}
    if starts is not None:
        condition["DateGreaterThan"] = {"AWS:EpochTime": starts}
    if ip is not None:
        condition["IpAddress"] = {"AWS:SourceIp": ip}
    statement: dict = {"Condition": condition} if resource is None else {"Resource": resource, "Condition": condition}
    return {"Statement": [statement]}
