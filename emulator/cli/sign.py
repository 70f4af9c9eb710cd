"""`frontyard sign`: a signed URL or signed cookies for a behavior restricted to trusted key groups.

    frontyard sign URL --key-pair-id ID --private-key FILE [--expires WHEN] [--hash sha256] [--cookies]
                       [--policy FILE | --resource PATTERN --ip CIDR --starts WHEN]

The URL form mirrors `aws cloudfront sign --url URL --key-pair-id ID --private-key file://KEY
--date-less-than WHEN [--date-greater-than WHEN] [--ip-address CIDR]`; the AWS CLI has no signed cookies.

WHEN is Unix seconds (1767290400), a duration from now (+90s, +30m, +2h, +7d) or an ISO 8601 time
(2026-01-01T10:00:00Z).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import datetime
from pathlib import Path

from emulator.signing.keys import KeyProblem, load_private_key
from emulator.signing.sign import sign_cookies, sign_url

_DURATION = re.compile(r"^\+(\d+)([smhd]?)$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_when(text: str, now: float | None = None) -> int:
    """Unix seconds from '1767290400', '+2h' or '2026-01-01T10:00:00Z'. Raises ValueError saying what is wrong."""
    now = time.time() if now is None else now
    if text.isdigit():
        return int(text)
    if m := _DURATION.match(text):
        return int(now) + int(m.group(1)) * _UNITS[m.group(2)]
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"'{text}' is not a time: give Unix seconds, +N[s|m|h|d] or ISO 8601") from None
    if moment.tzinfo is None:
        raise ValueError(f"'{text}' has no time zone: add Z for UTC")
    return int(moment.timestamp())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", help="the URL to sign (with --cookies: the resource, which may hold * and ?)")
    parser.add_argument("--key-pair-id", required=True, help="the public key id in the trusted key group")
    parser.add_argument("--private-key", required=True, help="PEM private key file (RSA or ECDSA P-256)")
    parser.add_argument("--expires", default="+1h", help="when access ends (default +1h)")
    parser.add_argument("--policy", help="a custom policy JSON file, signed as is")
    parser.add_argument("--resource", help="custom policy Resource, e.g. 'https://example.com/private/*'")
    parser.add_argument("--ip", help="custom policy IpAddress: an IPv4 address or CIDR range")
    parser.add_argument("--starts", help="custom policy DateGreaterThan: when access begins")
    parser.add_argument("--hash", choices=("sha1", "sha256"), default="sha1", help="signature hash (default sha1)")
    parser.add_argument("--cookies", action="store_true", help="print signed cookies instead of a signed URL")


def run(args: argparse.Namespace) -> int:
    try:
        key = load_private_key(Path(args.private_key).read_bytes())
        policy = Path(args.policy).read_text(encoding="utf-8").strip() if args.policy else None
        if policy is not None and (args.resource or args.ip or args.starts):
            raise ValueError("--policy is the whole policy: give --resource/--ip/--starts in it, not as options")
        expires = parse_when(args.expires)
        starts = parse_when(args.starts) if args.starts else None
    except OSError as exc:
        print(f"frontyard sign: cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    except (KeyProblem, ValueError) as exc:
        print(f"frontyard sign: {exc}", file=sys.stderr)
        return 1
    if policy is not None:
        policy = "".join(policy.split())  # CloudFront signs the statement without whitespace
    if args.cookies:
        cookies = sign_cookies(args.resource or args.url, args.key_pair_id, key, expires=expires, starts=starts,
                               ip=args.ip, policy=policy, hash_algorithm=args.hash)
        for name, value in cookies.items():
            print(f"Set-Cookie: {name}={value}; Path=/; Secure; HttpOnly")
        print("Cookie: " + "; ".join(f"{name}={value}" for name, value in cookies.items()))
        return 0
    print(sign_url(args.url, args.key_pair_id, key, expires=expires, starts=starts, ip=args.ip,
                   resource=args.resource, policy=policy, hash_algorithm=args.hash))
    return 0
