"""`frontyard replay INPUT --config A [--against B]`: real traffic (a CloudFront access log, a HAR file, frontyard's
history) through the edge's decisions, without contacting an origin unless asked; with --against, only the
requests whose decisions differ, grouped by what changed; always a prediction of the cache on the logged timeline.

No AWS command does this: CloudFront shows what happened, not what a changed distribution would have done.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from emulator.cli.common import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, SOURCE_HELP, add_source_arguments, load
from emulator.config.model import Config
from emulator.replay import html, report, text
from emulator.replay.sources import FORMATS, InputError, open_source


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="a CloudFront standard access log (W3C, .gz or plain; logging v2 W3C or JSON), "
                        "a HAR 1.2 file, or a frontyard history export (/_frontyard/requests)")
    parser.add_argument("--config", "-c", required=True, help=f"the configuration to replay through: {SOURCE_HELP}")
    parser.add_argument("--against", metavar="CONFIG", help="a second configuration: report only the requests whose "
                        "decisions differ, grouped by what changed, and predict the cache under both")
    parser.add_argument("--origins", choices=("stub", "live"), default="stub",
                        help="stub (default): no origin is contacted, a stub answers the logged status, size and "
                        "content type; live: the configured origins and mock origins are asked")
    parser.add_argument("--format", choices=FORMATS, help="the input's format (default: told from its first bytes)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--html", metavar="FILE", help="also write the report as a self-contained HTML page")
    parser.add_argument("--each", metavar="FILE", help="write every request's outcome as JSON lines (one per "
                        "request, streamed)")
    add_source_arguments(parser)


def run(args: argparse.Namespace) -> int:
    configs = _configs(args)
    if configs is None:
        return EXIT_CONFIG
    try:
        source = open_source(Path(args.input), args.format)
    except InputError as exc:
        print(f"frontyard replay: {exc}", file=sys.stderr)
        return EXIT_FAILED
    progress = _Progress() if sys.stderr.isatty() and not args.json else None
    try:
        with (open(args.each, "w", encoding="utf-8") if args.each else nullcontext()) as each:
            result = asyncio.run(report.run(source, configs, live=args.origins == "live", each=each,
                                            progress=progress))
    except OSError as exc:
        print(f"frontyard replay: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if progress is not None:
            progress.done()
    if args.html:
        Path(args.html).write_text(html.render(result), encoding="utf-8")
    print(json.dumps(result.as_json(), indent=2, ensure_ascii=False) if args.json else text.render(result))
    return EXIT_OK


def _configs(args: argparse.Namespace) -> dict[str, Config] | None:
    a = load(args.config, args, as_json=args.json)
    if a is None:
        return None
    if args.against is None:
        return {args.config: a}
    b = load(args.against, args, as_json=args.json)
    if b is None:
        return None
    names = (args.config, args.against) if args.config != args.against else (f"A {args.config}", f"B {args.against}")
    return {names[0]: a, names[1]: b}


class _Progress:
    """A one-line progress bar on stderr, for a terminal only (a pipe or a file gets none)."""

    WIDTH = 30

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr

    def __call__(self, done: int, total: int) -> None:
        share = min(done / total, 1.0) if total else 0.0
        filled = int(share * self.WIDTH)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:5.1%} of the input read")
        self.stream.flush()

    def done(self) -> None:
        self.stream.write("\r" + " " * (self.WIDTH + 30) + "\r")
        self.stream.flush()
