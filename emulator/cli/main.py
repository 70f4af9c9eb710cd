"""The `frontyard` command line: the table of subcommands, the parser built from it, and the dispatch.

Each subcommand is one module of this package with `add_arguments(parser)` and `run(args) -> int`; `run`
returns the exit code (0 success, 1 a failed run or check, 2 a configuration or source that does not load).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Protocol

from emulator import __version__
from emulator.cli import (
    ca,
    explain,
    importing,
    invalidate,
    keys,
    replay,
    serve,
    sign,
    test_function,
    test_lambda,
    trace,
    validate,
)
from emulator.cli.common import demo_config_path

__all__ = ["COMMANDS", "Command", "Subcommand", "build_parser", "demo_config_path", "main"]


class Subcommand(Protocol):
    """What a subcommand module provides."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    module: Subcommand


# In the order `frontyard --help` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("serve", "serve a distribution (the built-in demo without CONFIG)", serve),
    Command("validate", "check a config file and report every problem", validate),
    Command("explain", "show every decision for a request, without contacting origins", explain),
    Command("replay", "run a CloudFront log or HAR file through a config (or two, diffed), without contacting "
            "origins", replay),
    Command("import", "write a CloudFormation / cdk.out / CloudFront JSON / Terraform source as frontyard YAML",
            importing),
    Command("ca", "print the local CA certificate's path and how to trust it", ca),
    Command("trace", "show the whole trace of a request a running edge served", trace),
    Command("test-function", "run a CloudFront Function on a test event, like 'aws cloudfront test-function'",
            test_function),
    Command("invalidate", "remove cached copies from a running edge, like 'aws cloudfront create-invalidation'",
            invalidate),
    Command("test-lambda", "run a Lambda@Edge handler on a test event and check its result as CloudFront would",
            test_lambda),
    Command("sign", "print a signed URL (or signed cookies) for a restricted behavior", sign),
    Command("keys", "make key pairs for signed URLs and cookies", keys),
)
_BY_NAME = {command.name: command for command in COMMANDS}


def build_parser() -> argparse.ArgumentParser:
    """The `frontyard` command line: every subcommand with its arguments (the CLI reference is generated from it)."""
    parser = argparse.ArgumentParser(prog="frontyard", description="A local emulator of the Amazon CloudFront edge.")
    parser.add_argument("--version", action="version", version=f"frontyard {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.module.add_arguments(sub.add_parser(command.name, help=command.help))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return _BY_NAME[args.command].module.run(args)


if __name__ == "__main__":
    sys.exit(main())
