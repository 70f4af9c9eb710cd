"""`frontyard keys new`: a key pair for signed URLs and cookies, and the config lines that trust it.

    frontyard keys new [--ecdsa] [--out DIR] [--id ID] [--group NAME]

On AWS the pair is made with openssl and its public half registered with `aws cloudfront create-public-key`
and `aws cloudfront create-key-group`; locally the printed `key_groups` lines take the place of those two calls.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from emulator.signing.keys import new_key_id, new_private_key, private_pem, public_pem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="keys_command", required=True)
    new = sub.add_parser("new", help="write a key pair for signed URLs and print the config lines")
    new.add_argument("--ecdsa", action="store_true", help="ECDSA P-256 instead of RSA-2048")
    new.add_argument("--out", default="keys", help="folder for the PEM files (default ./keys)")
    new.add_argument("--id", help="public key id (default: a new one shaped like CloudFront's)")
    new.add_argument("--group", default="signers", help="key group name for the printed config (default signers)")


def run(args: argparse.Namespace) -> int:
    key_id = args.id or new_key_id()
    out = Path(args.out)
    private, public = out / f"{key_id}.private.pem", out / f"{key_id}.public.pem"
    for existing in (private, public):
        if existing.exists():
            print(f"frontyard keys new: {existing} exists; not overwriting it", file=sys.stderr)
            return 1
    key = new_private_key(ecdsa=args.ecdsa)
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # a private key: owner only
        with os.fdopen(fd, "wb") as f:
            f.write(private_pem(key))
        public.write_bytes(public_pem(key))
    except OSError as exc:
        print(f"frontyard keys new: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    kind = "ECDSA P-256" if args.ecdsa else "RSA-2048"
    print(f"# {kind} key pair: {private} (keep it with the signer) and {public}")
    print("# In the config (paths are relative to the config file):")
    print("key_groups:")
    print(f"  {args.group}:")
    print("    public_keys:")
    print(f"      - {{id: {key_id}, pem: {public.as_posix()}}}")
    print(f"# and on the behavior to protect:  trusted_key_groups: [{args.group}]")
    print(f"# Sign: frontyard sign http://localhost:8080/private/file --key-pair-id {key_id} "
          f"--private-key {private.as_posix()}")
    return 0
