"""`frontyard test-lambda`: run a Lambda@Edge handler on a test event (AWS's "test event" JSON), in the same warm
worker the edge uses, and check its result with CloudFront's validation (which Lambda's own console does not).

    frontyard test-lambda CODE --event EVENT.json [--runtime R] [--handler H] [--expect EXPECTED.json]
    frontyard test-lambda CODE --event DIR        (batch: DIR/NAME.json with DIR/NAME.expected.json)
    frontyard test-lambda NAME --config frontyard.yaml --event ...   (a function of a config)

The nearest AWS CLI command, `aws lambda invoke`, runs the handler in Lambda but does not check what it returns
against the rules CloudFront applies to a Lambda@Edge result.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import json
import sys
from pathlib import Path
from typing import Any

from emulator.assembly import load_config
from emulator.config.model import LambdaEvent, LambdaFunctionConfig
from emulator.config.rules import LAMBDA_RUNTIMES as RUNTIMES
from emulator.errors import ConfigError
from emulator.inspector.format import format_issues
from emulator.lambda_edge.result import InvalidResult, headers_from, request_result, response_result
from emulator.lambda_edge.runner import LambdaRunner
from emulator.lambda_edge.runtimes import find_interpreter
from emulator.lambda_edge.workers import Status

EXPECTED_SUFFIX = ".expected.json"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("function", help="the handler's file or folder (or, with --config, a function name)")
    parser.add_argument("--event", required=True, help="test event JSON, or a folder of NAME.json + "
                        "NAME.expected.json")
    parser.add_argument("--config", help="take the function from this config's lambda_functions")
    parser.add_argument("--runtime", choices=RUNTIMES, help="default: from the file (node or this Python)")
    parser.add_argument("--handler", help="module.function (default: <file>.handler, or index.handler / "
                        "lambda_function.lambda_handler in a folder)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds (default 5)")
    parser.add_argument("--expect", help="the expected result (the returned request or response object)")


class UsageError(Exception):
    pass


def _function(args: argparse.Namespace) -> LambdaFunctionConfig:
    if args.config:
        found = {f.name: f for f in load_config(args.config).lambda_functions}
        if args.function not in found:
            raise UsageError(f"no function '{args.function}' under lambda_functions in {args.config}")
        return found[args.function]
    path = Path(args.function).resolve()
    if not path.exists():
        raise UsageError(f"'{args.function}' does not exist")
    if path.is_dir():
        candidates = [path / n for n in ("index.js", "index.mjs", "index.cjs", "lambda_function.py", "index.py")]
        source = next((c for c in candidates if c.is_file()), None)
        if source is None and args.handler is None:
            raise UsageError(f"no index.js, index.mjs or lambda_function.py in {path}: give --handler")
    else:
        source = path
    node = source is not None and source.suffix in (".js", ".mjs", ".cjs")
    local_python = f"python{sys.version_info.major}.{sys.version_info.minor}"
    runtime = args.runtime or ("nodejs20.x" if node else (local_python if local_python in RUNTIMES else "python3.13"))
    default = "lambda_function.lambda_handler" if source is not None and source.name == "lambda_function.py" \
        else f"{source.stem if source else 'index'}.handler"
    handler = args.handler or default
    interpreter = find_interpreter(runtime)
    if interpreter.executable is None:
        raise UsageError(f"no local interpreter for {runtime}: {interpreter.install_hint}")
    code_dir = path if path.is_dir() else path.parent
    return LambdaFunctionConfig(
        name=code_dir.name,
        runtime=runtime,
        code_dir=code_dir,
        handler=handler,
        module_path=source or code_dir,
        interpreter=interpreter.executable,
        timeout=args.timeout,
    )


def validate(event: dict[str, Any], result: Any) -> str:
    """'passed', or CloudFront's reason for a 502."""
    cf = event["Records"][0]["cf"]
    kind = LambdaEvent(cf["config"]["eventType"])
    try:
        if kind.is_request:
            before = cf["request"]
            request_result(result, kind, before, headers_from(before.get("headers")))
        else:
            before = cf["response"]
            response_result(result, kind, before, headers_from(before.get("headers")))
    except InvalidResult as exc:
        return str(exc)
    return "passed"


async def _run_all(fn: LambdaFunctionConfig, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    runner = LambdaRunner([fn])
    try:
        await runner.start()  # the cold start is not part of an invocation's duration
        out = []
        for event in events:
            inv = await runner.invoke(fn, event)
            report: dict[str, Any] = {"status": inv.status.value, "durationMs": round(inv.duration_ms, 1),
                                      "logs": inv.logs}
            if inv.status is Status.OK:
                report["result"] = inv.result
                report["validation"] = validate(event, inv.result)
            else:
                report["error"] = inv.error
            out.append(report)
        return out
    finally:
        await runner.close()


def _read_event(path: Path) -> dict[str, Any]:
    event = json.loads(path.read_text(encoding="utf-8"))
    try:
        LambdaEvent(event["Records"][0]["cf"]["config"]["eventType"])
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise UsageError(f"{path}: not a Lambda@Edge event (Records[0].cf.config.eventType)") from exc
    return event


def _diff(expected: Any, actual: Any) -> str:
    a = json.dumps(expected, indent=2, sort_keys=True).splitlines()
    b = json.dumps(actual, indent=2, sort_keys=True).splitlines()
    return "\n".join(difflib.unified_diff(a, b, "expected", "actual", lineterm=""))


def run(args: argparse.Namespace) -> int:
    try:
        fn = _function(args)
        source = Path(args.event)
        pairs: list[tuple[Path, Path | None]]
        if source.is_dir():
            pairs = [(p, p.with_name(p.name.removesuffix(".json") + EXPECTED_SUFFIX))
                     for p in sorted(source.glob("*.json")) if not p.name.endswith(EXPECTED_SUFFIX)]
        else:
            pairs = [(source, Path(args.expect) if args.expect else None)]
        events = [_read_event(p) for p, _ in pairs]
    except ConfigError as exc:
        print(format_issues(exc.file, exc.issues), file=sys.stderr)
        return EXIT_USAGE
    except (UsageError, OSError, ValueError) as exc:
        print(f"frontyard test-lambda: {exc}", file=sys.stderr)
        return EXIT_USAGE
    reports = asyncio.run(_run_all(fn, events))
    failed = 0
    for (event_path, expected_path), report in zip(pairs, reports, strict=True):
        problems = []
        if report["status"] != "ok":
            problems.append(f"{report['status']}: {report.get('error', '')}")
        elif report["validation"] != "passed":
            problems.append(f"CloudFront would answer 502: {report['validation']}")
        if expected_path is not None and expected_path.is_file() and report["status"] == "ok":
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            if expected != report["result"]:
                problems.append("result differs from " + expected_path.name + "\n" + _diff(expected, report["result"]))
        failed += bool(problems)
        if len(pairs) == 1:
            print(json.dumps(report, indent=2))
        verdict = "PASS" if not problems else "FAIL"
        print(f"{verdict} {event_path.name} ({report['durationMs']} ms)" + "".join(f"\n  {p}" for p in problems))
    return EXIT_FAILED if failed else EXIT_OK
