"""`frontyard ca [CONFIG] [--install | --uninstall]`: the local CA that signs the HTTPS listener's certificates,
and trusting it in the browsers and system store of this machine.

No AWS CLI command mirrors it: CloudFront serves certificates from ACM that browsers already trust; a local
edge needs its own CA trusted instead.
"""

from __future__ import annotations

import argparse
import sys

from emulator.cli.common import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, load
from emulator.tls import trust_store as trust
from emulator.tls.ca import CAError, LocalCA, default_state_dir, trust_instructions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", nargs="?", help="YAML config file (for emulator.state_dir)")
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--install", action="store_true",
                     help="trust it in the NSS databases (Chromium, Firefox) and, as root, the system store")
    how.add_argument("--uninstall", action="store_true", help="undo --install")


def run(args: argparse.Namespace) -> int:
    state_dir = default_state_dir()
    if args.config is not None:
        # Only emulator.state_dir matters: the CA is kept there, so this finds the one `serve` uses with CONFIG.
        config = load(args.config)
        if config is None:
            return EXIT_CONFIG
        state_dir = config.emulator.state_dir or state_dir
    try:
        cert_file = LocalCA.load_or_create(state_dir).cert_file
    except CAError as exc:
        print(f"frontyard: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    if not args.install and not args.uninstall:
        print(trust_instructions(cert_file))
        return EXIT_OK
    steps = (trust.install if args.install else trust.uninstall)(cert_file, trust.Places.default())
    print(f"frontyard local CA {cert_file}:")
    for step in steps:
        print(step.format())
    if args.install:
        print("Restart the browser to pick it up. Undo with: frontyard ca --uninstall")
    # Not root is not a failure: the system store step says what to run with sudo.
    failed = [s for s in steps if not s.ok and not s.message.startswith("not root")]
    return EXIT_FAILED if failed else EXIT_OK
