"""Signed URLs and signed cookies: the library behind `frontyard sign` and `frontyard keys new`, usable from a
user's own tests. The edge's verification is signing/stage.py (stage 5b)."""

from emulator.signing.codec import SIGNING_COOKIES, SIGNING_PARAMS, canned_policy, custom_policy
from emulator.signing.keys import (
    KeyAlgorithm,
    KeyProblem,
    PublicKey,
    load_private_key,
    load_public_key,
    new_key_id,
    new_private_key,
    private_pem,
    public_pem,
)
from emulator.signing.sign import sign_cookies, sign_url

__all__ = [
    "SIGNING_COOKIES", "SIGNING_PARAMS", "KeyAlgorithm", "KeyProblem", "PublicKey", "canned_policy",
    "custom_policy", "load_private_key", "load_public_key", "new_key_id", "new_private_key", "private_pem",
    "public_pem", "sign_cookies", "sign_url",
]
