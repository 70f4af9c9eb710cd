"""What several `frontyard` subcommands share: exit codes, the config source arguments and loading, the
built-in demo config, issues as JSON, and terminal detection."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from importlib.resources import files
from pathlib import Path
from typing import TextIO

from emulator.assembly import load_source
from emulator.config.model import Config
from emulator.errors import ConfigError
from emulator.inspector.format import format_issues
from emulator.issues import ConfigIssue

# The CLI reference promises these codes for every subcommand.
EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2
SOURCE_HELP = ("frontyard YAML, a CloudFormation template (JSON/YAML), a cdk.out folder, CloudFront JSON "
               "(get-distribution-config), or Terraform (.tf/.tf.json, a module folder, terraform show -json)")


def demo_config_path() -> Path:
    """The demo distribution shipped inside the package, so `frontyard serve` works with no file of one's own."""
    return Path(str(files("emulator") / "demo" / "demo.yaml"))


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """--local and --parameter, for the subcommands that read a config source (added last, after their own)."""
    parser.add_argument("--local", metavar="FILE", help="local overlay file: where each origin lives on this machine "
                        "(default: frontyard.local.yaml beside the source)")
    parser.add_argument("--parameter", "-p", metavar="NAME=VALUE", action="append", default=[],
                        help="a CloudFormation parameter, Terraform variable (local.NAME: a local) or "
                        "unresolvable value; repeatable")


def parameters(args: argparse.Namespace | None) -> dict[str, str]:
    """The --parameter NAME=VALUE pairs; a malformed one ends the command (message on stderr, exit 1)."""
    out: dict[str, str] = {}
    for raw in getattr(args, "parameter", None) or []:
        name, sep, value = raw.partition("=")
        if not sep or not name:
            raise SystemExit(f"frontyard: --parameter '{raw}' is not NAME=VALUE")
        out[name] = value
    return out


def load(path: str, args: argparse.Namespace | None = None, *, as_json: bool = False) -> Config | None:
    """The config at `path`, or None after printing why it does not load (as JSON on stdout when asked, so a
    script reading --json output always gets JSON)."""
    try:
        return load_source(path, local=getattr(args, "local", None), parameters=parameters(args))
    except ConfigError as exc:
        if as_json:
            print(json.dumps({"file": exc.file, "ok": False, "issues": [issue_json(i) for i in exc.issues]},
                             indent=2))
        else:
            print(format_issues(exc.file, exc.issues), file=sys.stderr)
        return None


def issue_json(issue: ConfigIssue) -> dict[str, object]:
    where = issue.location
    return {"severity": issue.severity.value, "file": where.file if where else None,
            "line": where.line if where else None, "column": where.col if where else None, "field": issue.field,
            "message": issue.message, "expected": issue.expected or None, "text": issue.format()}


def terminal(stream: TextIO) -> tuple[int, bool] | None:
    """(width, colour) when `stream` is a terminal; colour unless NO_COLOR is set (no-color.org)."""
    if not stream.isatty():
        return None
    return shutil.get_terminal_size().columns, "NO_COLOR" not in os.environ
