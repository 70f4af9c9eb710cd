"""`frontyard` command line: parses arguments, calls the API, maps errors to exit codes."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from multidict import CIMultiDict

from emulator import __version__
from emulator.assembly import as_yaml, load_source
from emulator.cli import invalidate as invalidate_cli
from emulator.cli import sign as signcli
from emulator.cli import test_function as testcli
from emulator.cli import test_lambda as lambda_testcli
from emulator.cli import trace as show
from emulator.config.model import Config, Listen
from emulator.errors import ConfigError
from emulator.http import Scheme, ViewerRequest, freeze
from emulator.inspector.format import (
    format_issue_for_terminal,
    format_issues,
    format_origin_request,
    format_trace,
)
from emulator.issues import ConfigIssue
from emulator.pipeline import Answer, Forward
from emulator.pipeline.lint import lint
from emulator.serve import process as serving
from emulator.serve.app import Emulator
from emulator.serve.server import event_loop_factory
from emulator.tls import trust_store as trust
from emulator.tls.ca import CAError, LocalCA, default_state_dir, trust_instructions
from emulator.trace import Trace

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2
SOURCE_HELP = ("frontyard YAML, a CloudFormation template (JSON/YAML), a cdk.out folder, CloudFront JSON "
               "(get-distribution-config), or Terraform (.tf/.tf.json, a module folder, terraform show -json)")


def demo_config_path() -> Path:
    return Path(str(files("emulator") / "demo" / "demo.yaml"))


def build_parser() -> argparse.ArgumentParser:
    """The `frontyard` command line: every subcommand with its arguments (the CLI reference is generated from it)."""
    parser = argparse.ArgumentParser(prog="frontyard", description="A local emulator of the Amazon CloudFront edge.")
    parser.add_argument("--version", action="version", version=f"frontyard {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve a distribution (the built-in demo without CONFIG)")
    serve.add_argument("config", nargs="?", help=SOURCE_HELP)
    serve.add_argument("--host", help="address to listen on (default from config, else 127.0.0.1)")
    serve.add_argument("--port", type=int, help="HTTP port to listen on (default from config, else 8080)")
    serve.add_argument("--https-port", type=int, help="HTTPS port (default from config, else 8443)")
    serve.add_argument("--admin-port", type=int,
                       help="admin port for the inspector and /_frontyard/health (default 9901)")
    serve.add_argument("--watch", action="store_true",
                       help="reload when the config or a function file changes (SIGHUP always reloads)")
    serve.add_argument("--quiet", action="store_true", help="no access log")

    validate = sub.add_parser("validate", help="check a config file and report every problem")
    validate.add_argument("config", help=SOURCE_HELP)
    validate.add_argument("--json", action="store_true", help="print the result as JSON (errors and warnings)")

    explain = sub.add_parser("explain", help="show every decision for a request, without contacting origins")
    explain.add_argument("config", help=SOURCE_HELP)
    explain.add_argument("url", help="e.g. http://localhost:8080/api/x?y=1")
    explain.add_argument("-X", "--request", dest="method", default="GET")
    explain.add_argument("-H", "--header", dest="headers", action="append", default=[],
                         help="'Name: value', repeatable")
    explain.add_argument("--json", action="store_true", help="print the decisions and the result as JSON")

    imp = sub.add_parser("import", help="write a CloudFormation / cdk.out / CloudFront JSON / Terraform source as "
                         "frontyard YAML")
    imp.add_argument("config", help=SOURCE_HELP)
    imp.add_argument("-o", "--output", help="file to write (default: print it)")
    for p in (serve, validate, explain, imp):
        p.add_argument("--local", metavar="FILE", help="local overlay file: where each origin lives on this machine "
                       "(default: frontyard.local.yaml beside the source)")
        p.add_argument("--parameter", "-p", metavar="NAME=VALUE", action="append", default=[],
                       help="a CloudFormation parameter, Terraform variable or unresolvable value; repeatable")

    ca = sub.add_parser("ca", help="print the local CA certificate's path and how to trust it")
    ca.add_argument("config", nargs="?", help="YAML config file (for emulator.state_dir)")
    how = ca.add_mutually_exclusive_group()
    how.add_argument("--install", action="store_true",
                     help="trust it in the NSS databases (Chromium, Firefox) and, as root, the system store")
    how.add_argument("--uninstall", action="store_true", help="undo --install")

    trace = sub.add_parser("trace", help="show the whole trace of a request a running edge served")
    trace.add_argument("id", help="the request id (X-Amz-Cf-Id, or id= in the access log), or 'last'")
    trace.add_argument("--admin", default=show.DEFAULT_ADMIN, help=f"admin URL (default {show.DEFAULT_ADMIN})")
    trace.add_argument("--json", action="store_true", help="print the API's JSON")

    test_function = sub.add_parser("test-function", help="run a CloudFront Function on a test event, like "
                                   "'aws cloudfront test-function'")
    testcli.add_arguments(test_function)

    invalidate = sub.add_parser("invalidate", help="remove cached copies from a running edge, like "
                                "'aws cloudfront create-invalidation'")
    invalidate_cli.add_arguments(invalidate)
    test_lambda = sub.add_parser("test-lambda", help="run a Lambda@Edge handler on a test event and check its "
                                 "result as CloudFront would")
    lambda_testcli.add_arguments(test_lambda)

    sign = sub.add_parser("sign", help="print a signed URL (or signed cookies) for a restricted behavior")
    signcli.add_sign_arguments(sign)
    keys = sub.add_parser("keys", help="make key pairs for signed URLs and cookies")
    signcli.add_keys_arguments(keys)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "test-function":
        return testcli.run(args)
    if args.command == "invalidate":
        return invalidate_cli.run(args)
    if args.command == "sign":
        return signcli.run_sign(args)
    if args.command == "keys":
        return signcli.run_keys(args)
    if args.command == "test-lambda":
        return lambda_testcli.run(args)
    if args.command == "serve":
        return cmd_serve(args)
    if args.command == "validate":
        return cmd_validate(args.config, args, as_json=args.json)
    if args.command == "import":
        return cmd_import(args)
    if args.command == "ca":
        return cmd_ca(args.config, install=args.install, uninstall=args.uninstall)
    if args.command == "trace":
        return cmd_trace(args)
    return cmd_explain(args)


def _load(path: str, args: argparse.Namespace | None = None, *, as_json: bool = False) -> Config | None:
    try:
        return load_source(path, local=getattr(args, "local", None), parameters=_parameters(args))
    except ConfigError as exc:
        if as_json:
            print(json.dumps({"file": exc.file, "ok": False, "issues": [issue_json(i) for i in exc.issues]},
                             indent=2))
        else:
            print(format_issues(exc.file, exc.issues), file=sys.stderr)
        return None


def _parameters(args: argparse.Namespace | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in getattr(args, "parameter", None) or []:
        name, sep, value = raw.partition("=")
        if not sep or not name:
            raise SystemExit(f"frontyard: --parameter '{raw}' is not NAME=VALUE")
        out[name] = value
    return out


def cmd_import(args: argparse.Namespace) -> int:
    out = Path(args.output) if args.output else Path.cwd() / "frontyard.yaml"
    try:
        text = as_yaml(args.config, out, local=args.local, parameters=_parameters(args))
    except ConfigError as exc:
        print(format_issues(exc.file, exc.issues), file=sys.stderr)
        return EXIT_CONFIG
    if not args.output:
        print(text, end="")
        return EXIT_OK
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"frontyard import: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {out}", file=sys.stderr)
    return EXIT_OK


def cmd_ca(path: str | None, *, install: bool = False, uninstall: bool = False) -> int:
    state_dir = default_state_dir()
    if path is not None:
        config = _load(path)
        if config is None:
            return EXIT_CONFIG
        state_dir = config.emulator.state_dir or state_dir
    try:
        cert_file = LocalCA.load_or_create(state_dir).cert_file
    except CAError as exc:
        print(f"frontyard: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    if not install and not uninstall:
        print(trust_instructions(cert_file))
        return EXIT_OK
    steps = (trust.install if install else trust.uninstall)(cert_file, trust.Places.default())
    print(f"frontyard local CA {cert_file}:")
    for step in steps:
        print(step.format())
    if install:
        print("Restart the browser to pick it up. Undo with: frontyard ca --uninstall")
    # Not root is not a failure: the system store step says what to run with sudo.
    failed = [s for s in steps if not s.ok and not s.message.startswith("not root")]
    return EXIT_FAILED if failed else EXIT_OK


def cmd_trace(args: argparse.Namespace) -> int:
    try:
        detail = show.fetch_detail(args.admin, args.id)
    except show.TraceUnavailable as exc:
        print(f"frontyard trace: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(detail, indent=2, ensure_ascii=False) if args.json else show.format_detail(detail))
    return EXIT_OK


def cmd_validate(path: str, args: argparse.Namespace | None = None, *, as_json: bool = False) -> int:
    config = _load(path, args, as_json=as_json)
    if config is None:
        return EXIT_CONFIG
    found = [*config.warnings, *lint(config)]
    terminal = _terminal(sys.stdout)
    if as_json:
        print(json.dumps({"file": path, "ok": True, "issues": [issue_json(i) for i in found],
                          "distributions": [{"id": d.id, "behaviors": len(d.behaviors), "origins": len(d.origins)}
                                            for d in config.distributions],
                          "functions": [f.name for f in config.functions]}, indent=2))
        return EXIT_OK
    for issue in found:
        print(format_issue_for_terminal(issue, *terminal) if terminal else issue.format())
    behaviors = sum(len(d.behaviors) for d in config.distributions)
    origins = sum(len(d.origins) for d in config.distributions)
    warnings = f", {len(found)} warning{'s' if len(found) != 1 else ''}" if found else ""
    read_as = "" if config.source_format == "frontyard YAML" else f" (read as a {config.source_format}" + (
        f", overlay {config.local})" if config.local else ")")
    plural = "s" if len(config.distributions) != 1 else ""
    print(f"{path}{read_as}: OK: {len(config.distributions)} distribution{plural}, "
          f"{behaviors} behaviors, {origins} origins, {len(config.functions)} functions"
          + (f", {len(config.lambda_functions)} Lambda@Edge functions" if config.lambda_functions else "")
          + warnings)
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    config = _load(args.config, args, as_json=args.json)
    if config is None:
        return EXIT_CONFIG
    url = urlsplit(args.url)
    if url.scheme not in ("http", "https") or not url.netloc:
        print(f"frontyard explain: '{args.url}' is not an http(s) URL", file=sys.stderr)
        return EXIT_FAILED
    headers: CIMultiDict[str] = CIMultiDict()
    headers["Host"] = url.netloc
    for raw in args.headers:
        name, sep, value = raw.partition(":")
        if not sep:
            print(f"frontyard explain: header '{raw}' is not 'Name: value'", file=sys.stderr)
            return EXIT_FAILED
        if name.strip().lower() == "host":
            headers.popall("Host")
        headers.add(name.strip(), value.strip())
    request = ViewerRequest(args.method.upper(), url.path or "/", url.query, freeze(headers), Scheme(url.scheme),
                            "1.1", "127.0.0.1", 0)
    decision, trace = asyncio.run(_explain(config, request))
    warnings = _warnings_for(config, trace)
    if args.json:
        print(json.dumps(explain_json(request, args.url, decision, trace, warnings), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{request.method} {args.url}\n")
    print(format_trace(trace))
    if isinstance(decision, Forward):
        print("\nOrigin request (not sent):")
        assert decision.origin_request is not None  # explain always builds it (stage 8)
        print(format_origin_request(decision.origin_request))
    else:
        print(f"\nAnswered by the edge: {decision.response.status}")
        for name, value in decision.response.headers.items():
            print(f"{name}: {value}")
    if warnings:
        print("\nWarnings about this behavior and its origin (frontyard validate):")
        for issue in warnings:
            print(issue.format())
    return EXIT_OK


def _warnings_for(config: Config, trace: Trace) -> list[ConfigIssue]:
    """The validate warnings about the behavior explain chose, or about the origin it sends to."""
    places = {d.location for d in trace.decisions if d.stage in ("behavior", "origin-request") and d.location}
    return [i for i in [*config.warnings, *lint(config)] if i.location is not None and i.location in places]


def issue_json(issue: ConfigIssue) -> dict[str, object]:
    where = issue.location
    return {"severity": issue.severity.value, "file": where.file if where else None,
            "line": where.line if where else None, "column": where.col if where else None, "field": issue.field,
            "message": issue.message, "expected": issue.expected or None, "text": issue.format()}


def explain_json(request: ViewerRequest, url: str, decision: Forward | Answer, trace: Trace,
                 warnings: list[ConfigIssue]) -> dict[str, object]:
    out: dict[str, object] = {
        "request": {"method": request.method, "url": url, "headers": [[k, v] for k, v in request.headers.items()]},
        "decisions": [{"stage": d.stage, "outcome": d.outcome, "detail": d.detail,
                       "location": str(d.location) if d.location else None} for d in trace.decisions],
        "warnings": [issue_json(i) for i in warnings],
    }
    if isinstance(decision, Forward):
        r = decision.origin_request
        out["origin_request"] = {"origin": r.origin_id, "url": r.url_for_display, "method": r.method,
                                 "target": r.target, "connect": f"{r.connect_host}:{r.connect_port}",
                                 "headers": [[k, v] for k, v in r.headers.items()]}
    else:
        out["answer"] = {"status": decision.response.status,
                         "headers": [[k, v] for k, v in decision.response.headers.items()]}
    return out


async def _explain(config: Config, request: ViewerRequest) -> tuple[Forward | Answer, Trace]:
    emulator = Emulator(config)
    try:
        return await emulator.explain(request)
    finally:
        emulator.runner.close()
        await emulator.lambdas.close()


def cmd_serve(args: argparse.Namespace) -> int:
    path = args.config or str(demo_config_path())
    config = _load(path, args)
    if config is None:
        return EXIT_CONFIG
    config = _overrides(args)(config)
    terminal = _terminal(sys.stderr)
    serving.configure_process(colour=bool(terminal and terminal[1]))
    for issue in [*config.warnings, *lint(config)]:
        print(format_issue_for_terminal(issue, *terminal) if terminal else issue.format(), file=sys.stderr)
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


def _terminal(stream: TextIO) -> tuple[int, bool] | None:
    """(width, colour) when `stream` is a terminal; colour unless NO_COLOR is set (no-color.org)."""
    if not stream.isatty():
        return None
    return shutil.get_terminal_size().columns, "NO_COLOR" not in os.environ


def _overrides(args: argparse.Namespace) -> Callable[[Config], Config]:
    """The command line's listen addresses and log switch, applied to the config (and every reload of it)."""

    def move(listen: Listen | None, port: int | None) -> Listen | None:
        if listen is None:
            return None
        return Listen(args.host or listen.host, listen.port if port is None else port)

    def adjust(config: Config) -> Config:
        e = config.emulator
        http = move(e.http, args.port)
        assert http is not None
        return replace(config, emulator=replace(e, http=http, https=move(e.https, args.https_port),
                                                admin=move(e.admin, args.admin_port), access_log=not args.quiet))

    return adjust


if __name__ == "__main__":
    sys.exit(main())
