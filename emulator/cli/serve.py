"""`frontyard serve [CONFIG]`: run the edge for a distribution (the built-in demo without CONFIG).

No AWS CLI command mirrors it: it stands in for CloudFront's edge locations themselves, serving viewers on
HTTP/HTTPS and the inspector on the admin port.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from dataclasses import replace

from emulator.cli.common import (
    EXIT_CONFIG,
    EXIT_FAILED,
    EXIT_OK,
    SOURCE_HELP,
    add_source_arguments,
    demo_config_path,
    load,
    terminal,
)
from emulator.config.model import Config, Listen
from emulator.inspector.format import format_issue_for_terminal
from emulator.pipeline.lint import lint
from emulator.serve import process as serving
from emulator.serve.process import event_loop_factory
from emulator.tls.ca import CAError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", nargs="?", help=SOURCE_HELP)
    parser.add_argument("--host", help="address to listen on (default from config, else 127.0.0.1)")
    parser.add_argument("--port", type=int, help="HTTP port to listen on (default from config, else 8080)")
    parser.add_argument("--https-port", type=int, help="HTTPS port (default from config, else 8443)")
    parser.add_argument("--admin-port", type=int,
                        help="admin port for the inspector and /_frontyard/health (default 9901)")
    parser.add_argument("--watch", action="store_true",
                        help="reload when the config or a function file changes (SIGHUP always reloads)")
    parser.add_argument("--quiet", action="store_true", help="no access log")
    add_source_arguments(parser)


def run(args: argparse.Namespace) -> int:
    path = args.config or str(demo_config_path())
    config = load(path, args)
    if config is None:
        return EXIT_CONFIG
    config = _overrides(args)(config)
    on_terminal = terminal(sys.stderr)
    serving.configure_process(colour=bool(on_terminal and on_terminal[1]))
    for issue in [*config.warnings, *lint(config)]:
        print(format_issue_for_terminal(issue, *on_terminal) if on_terminal else issue.format(), file=sys.stderr)
    try:
        with asyncio.Runner(loop_factory=event_loop_factory()) as runner:
            runner.run(serving.serve(config, demo=args.config is None, watch=args.watch, adjust=_overrides(args)))
    except CAError as exc:
        print(f"frontyard: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except OSError as exc:
        print(f"frontyard: cannot listen on {exc.filename or config.emulator.http}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _overrides(args: argparse.Namespace) -> Callable[[Config], Config]:
    """The command line's listen addresses and log switch, applied to the config (and every reload of it)."""

    def move(listen: Listen | None, port: int | None) -> Listen | None:
        if listen is None:
            return None
        return Listen(host=args.host or listen.host, port=listen.port if port is None else port)

    def adjust(config: Config) -> Config:
        e = config.emulator
        http = move(e.http, args.port)
        assert http is not None
        return replace(config, emulator=replace(e, http=http, https=move(e.https, args.https_port),
                                                admin=move(e.admin, args.admin_port), access_log=not args.quiet))

    return adjust
