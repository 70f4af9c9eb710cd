"""`frontyard import SOURCE [-o FILE]`: write a CloudFormation / cdk.out / CloudFront JSON / Terraform source as
frontyard YAML; with `--overlay-template`, a ready-to-fill local overlay for it instead. (The module is not
`import.py`: `import` is a Python keyword.)

It reads, among others, what `aws cloudfront get-distribution-config --id ID` prints, so a deployed
distribution can be brought to the local edge.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from emulator.assembly import as_yaml
from emulator.cli.common import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, SOURCE_HELP, add_source_arguments, parameters
from emulator.config.overlay import OVERLAY_NAME
from emulator.config.overlay_template import overlay_template
from emulator.errors import ConfigError
from emulator.inspector.format import format_issues


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", help=SOURCE_HELP)
    parser.add_argument("-o", "--output", help="file to write (default: print it)")
    parser.add_argument("--overlay-template", action="store_true",
                        help="write a ready-to-fill frontyard.local.yaml instead: every input still needed and "
                        "every origin to map (default: beside the source; -o FILE or -o - to choose)")
    add_source_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.overlay_template:
        return _overlay_template(args)
    # File paths in the YAML are made relative to the YAML's folder; printed YAML is taken to live here.
    out = Path(args.output) if args.output else Path.cwd() / "frontyard.yaml"
    try:
        text = as_yaml(args.config, out, local=args.local, parameters=parameters(args))
    except ConfigError as exc:
        print(format_issues(exc.file, exc.issues), file=sys.stderr)
        return EXIT_CONFIG
    if not args.output:
        print(text, end="")
        return EXIT_OK
    return _write(out, text, "")


def _overlay_template(args: argparse.Namespace) -> int:
    source = Path(args.config)
    try:
        text = overlay_template(source, local=args.local, parameters=parameters(args))
    except ConfigError as exc:
        print(format_issues(exc.file, exc.issues), file=sys.stderr)
        return EXIT_CONFIG
    if args.output == "-":
        print(text, end="")
        return EXIT_OK
    out = Path(args.output) if args.output else (source if source.is_dir() else source.parent) / OVERLAY_NAME
    if out.exists() and not args.output:  # never overwrite the values someone already filled in
        print(f"frontyard import: {out} exists: not overwritten (-o FILE to write elsewhere, -o - to print)",
              file=sys.stderr)
        return EXIT_FAILED
    return _write(out, text, f": fill it in, then run `frontyard serve {args.config}`")


def _write(out: Path, text: str, then: str) -> int:
    """Write what import made; `then` says what to do with it."""
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"frontyard import: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {out}{then}", file=sys.stderr)
    return EXIT_OK
