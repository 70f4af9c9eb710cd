"""Key material for signed URLs and cookies, with `cryptography`: CloudFront accepts RSA-2048 and ECDSA P-256
public keys (AWS: "Specify signers that can create signed URLs and signed cookies"), and signatures over SHA-1 or
SHA-256."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from emulator.issues import Location

PublicKeyType = rsa.RSAPublicKey | ec.EllipticCurvePublicKey
PrivateKeyType = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class KeyAlgorithm(StrEnum):
    RSA_1024 = "RSA-1024"  # legacy CloudFront key pairs only
    RSA_2048 = "RSA-2048"
    RSA_4096 = "RSA-4096"  # legacy CloudFront key pairs only
    ECDSA_P256 = "ECDSA-P256"


class KeyProblem(ValueError):
    """A PEM that is not a key CloudFront accepts; the message says what it is instead."""


@dataclass(frozen=True)
class PublicKey:
    """A public key CloudFront verifies with: its id (Key-Pair-Id), the key, and where it was configured."""

    id: str
    algorithm: KeyAlgorithm
    key: PublicKeyType = field(compare=False, repr=False)
    location: Location | None = None
    path: Path | None = None  # the PEM file it was read from (watched for reloads), None when inline

    def verify(self, signature: bytes, data: bytes, hash_name: str) -> bool:
        return verify(self.key, signature, data, hash_name)


def _hash(hash_name: str) -> hashes.HashAlgorithm:
    return hashes.SHA256() if hash_name.upper() == "SHA256" else hashes.SHA1()  # SHA-1: CloudFront's default


def _algorithm(key: object, legacy: bool = False) -> KeyAlgorithm:
    """Key groups take RSA-2048 and ECDSA P-256; legacy account key pairs RSA of 1024, 2048 or 4096 bits."""
    if isinstance(key, rsa.RSAPublicKey | rsa.RSAPrivateKey):
        sizes = (1024, 2048, 4096) if legacy else (2048,)
        if key.key_size not in sizes:
            allowed = "1024, 2048 or 4096" if legacy else "2048"
            raise KeyProblem(f"an RSA key of {key.key_size} bits; CloudFront accepts RSA keys of {allowed} bits here")
        return KeyAlgorithm(f"RSA-{key.key_size}")
    if legacy:
        raise KeyProblem(f"a {type(key).__name__.lstrip('_')}; legacy CloudFront key pairs are RSA keys")
    if isinstance(key, ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey):
        if not isinstance(key.curve, ec.SECP256R1):
            raise KeyProblem(f"an ECDSA key on curve {key.curve.name}; CloudFront accepts P-256 (prime256v1) only")
        return KeyAlgorithm.ECDSA_P256
    raise KeyProblem(f"a {type(key).__name__.lstrip('_')}; CloudFront accepts RSA-2048 and ECDSA P-256 keys only")


def load_public_key(pem: bytes, *, legacy: bool = False) -> tuple[PublicKeyType, KeyAlgorithm]:
    """A PEM public key (-----BEGIN PUBLIC KEY-----) CloudFront would accept. Raises KeyProblem saying why not."""
    if b"PRIVATE KEY" in pem:
        raise KeyProblem("a PRIVATE key; configure the public key (keep the private key with the signer)")
    if (blocks := pem.count(b"-----BEGIN ")) > 1:  # the PEM reader would silently take the first one
        raise KeyProblem(f"{blocks} PEM blocks; a CloudFront public key is one key: give each its own file and id")
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise KeyProblem(f"not a PEM public key ({exc})") from None
    return key, _algorithm(key, legacy)  # type: ignore[return-value]


def load_private_key(pem: bytes) -> PrivateKeyType:
    """An unencrypted PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC). Raises KeyProblem saying why not."""
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyProblem(f"not an unencrypted PEM private key ({exc})") from None
    _algorithm(key, legacy=isinstance(key, rsa.RSAPrivateKey))
    return key  # type: ignore[return-value]


def sign(key: PrivateKeyType, data: bytes, hash_name: str = "SHA1") -> bytes:
    """RSA PKCS#1 v1.5 or ECDSA (DER) signature, as CloudFront verifies them."""
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), _hash(hash_name))
    return key.sign(data, ec.ECDSA(_hash(hash_name)))


def verify(key: PublicKeyType, signature: bytes, data: bytes, hash_name: str) -> bool:
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), _hash(hash_name))
        else:
            key.verify(signature, data, ec.ECDSA(_hash(hash_name)))
    except InvalidSignature:
        return False
    return True


def raw_ecdsa_as_der(signature: bytes) -> bytes | None:
    """A raw 64-byte P-256 r||s (what JOSE-minded signers emit) re-encoded as DER, the only form CloudFront
    verifies (OpenSSL and the AWS SDKs sign DER); None when it is not that shape. Used to explain a failure."""
    if len(signature) != 64:
        return None
    return encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))


def new_private_key(ecdsa: bool = False) -> PrivateKeyType:
    return ec.generate_private_key(ec.SECP256R1()) if ecdsa else rsa.generate_private_key(65537, 2048)


def private_pem(key: PrivateKeyType) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def public_pem(key: PrivateKeyType | PublicKeyType) -> bytes:
    public = key.public_key() if isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) else key
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def new_key_id() -> str:
    """An id shaped like CloudFront's public key ids (K2JCJMDEHXQW5F): 'K' and 13 of A-Z 0-9."""
    return "K" + "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(13))
