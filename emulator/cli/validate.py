"""`frontyard validate CONFIG`: load a config source and report every problem, errors and lint warnings.

The AWS CLI has no offline check: CloudFront refuses a bad distribution only when `aws cloudfront
create-distribution` or `update-distribution` is called. This runs those checks (and more) locally, before
anything is deployed.
"""

from __future__ import annotations

import argparse
import json
import sys

from emulator.cli.common import EXIT_CONFIG, EXIT_OK, SOURCE_HELP, add_source_arguments, issue_json, load, terminal
from emulator.config.model import Config
from emulator.inspector.format import format_issue_for_terminal
from emulator.issues import ConfigIssue
from emulator.pipeline.lint import lint


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", help=SOURCE_HELP)
    parser.add_argument("--json", action="store_true", help="print the result as JSON (errors and warnings)")
    add_source_arguments(parser)


def run(args: argparse.Namespace) -> int:
    path: str = args.config
    config = load(path, args, as_json=args.json)
    if config is None:
        return EXIT_CONFIG
    found = [*config.warnings, *lint(config)]
    if args.json:
        print(json.dumps({"file": path, "ok": True, "issues": [issue_json(i) for i in found],
                          "distributions": [{"id": d.id, "behaviors": len(d.behaviors), "origins": len(d.origins)}
                                            for d in config.distributions],
                          "functions": [f.name for f in config.functions]}, indent=2))
        return EXIT_OK
    on_terminal = terminal(sys.stdout)
    for issue in found:
        print(format_issue_for_terminal(issue, *on_terminal) if on_terminal else issue.format())
    print(_summary(path, config, found))
    return EXIT_OK


def _summary(path: str, config: Config, found: list[ConfigIssue]) -> str:
    """The one-line OK: what was read (and as which format, when it was not frontyard YAML) and how much of it."""
    behaviors = sum(len(d.behaviors) for d in config.distributions)
    origins = sum(len(d.origins) for d in config.distributions)
    warnings = f", {len(found)} warning{'s' if len(found) != 1 else ''}" if found else ""
    read_as = "" if config.source_format == "frontyard YAML" else f" (read as a {config.source_format}" + (
        f", overlay {config.local})" if config.local else ")")
    plural = "s" if len(config.distributions) != 1 else ""
    return (f"{path}{read_as}: OK: {len(config.distributions)} distribution{plural}, "
            f"{behaviors} behaviors, {origins} origins, {len(config.functions)} functions"
            + (f", {len(config.lambda_functions)} Lambda@Edge functions" if config.lambda_functions else "")
            + warnings)
