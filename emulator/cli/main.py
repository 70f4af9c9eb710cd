"""The `frontyard` command line: the table of subcommands, the parser built from it, and the dispatch.

Each subcommand is one module of this package with `add_arguments(parser)` and `run(args) -> int`; `run`
returns the exit code (0 success, 1 a failed run or check, 2 a configuration or source that does not load).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from dataclasses import dataclass
from typing import Protocol

from emulator import __version__
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
    module_name: str  # in emulator.cli: imported when the command runs or its arguments are listed

    @property
    def module(self) -> Subcommand:
        # Imported on demand: `serve` should not pay at start for what replay, test-lambda or sign import.
        return importlib.import_module(f"emulator.cli.{self.module_name}")  # type: ignore[return-value]


# In the order `frontyard --help` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("serve", "serve a distribution (the built-in demo without CONFIG)", "serve"),
    Command("validate", "check a config file and report every problem", "validate"),
    Command("explain", "show every decision for a request, without contacting origins", "explain"),
    Command("replay", "run a CloudFront log or HAR file through a config (or two, diffed), without contacting "
            "origins", "replay"),
    Command("import", "write a CloudFormation / cdk.out / CloudFront JSON / Terraform source as frontyard YAML",
            "importing"),
    Command("ca", "print the local CA certificate's path and how to trust it", "ca"),
    Command("trace", "show the whole trace of a request a running edge served", "trace"),
    Command("test-function", "run a CloudFront Function on a test event, like 'aws cloudfront test-function'",
            "test_function"),
    Command("invalidate", "remove cached copies from a running edge, like 'aws cloudfront create-invalidation'",
            "invalidate"),
    Command("test-lambda", "run a Lambda@Edge handler on a test event and check its result as CloudFront would",
            "test_lambda"),
    Command("sign", "print a signed URL (or signed cookies) for a restricted behavior", "sign"),
    Command("keys", "make key pairs for signed URLs and cookies", "keys"),
)
_BY_NAME = {command.name: command for command in COMMANDS}


def build_parser(only: Command | None = None) -> argparse.ArgumentParser:
    """The `frontyard` command line: every subcommand with its arguments (the CLI reference is generated from it);
    with `only`, the other subcommands are listed without their arguments (their modules are not imported)."""
    parser = argparse.ArgumentParser(prog="frontyard", description="A local emulator of the Amazon CloudFront edge.")
    parser.add_argument("--version", action="version", version=f"frontyard {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        subparser = sub.add_parser(command.name, help=command.help)
        if only is None or command is only:
            command.module.add_arguments(subparser)
    return parser


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    # The first word that is not an option names the subcommand (the top level has only --help and --version).
    chosen = _BY_NAME.get(next((w for w in words if not w.startswith("-")), ""))
    args = build_parser(chosen).parse_args(words)
    return _BY_NAME[args.command].module.run(args)


if __name__ == "__main__":
    sys.exit(main())
