"""`frontyard test-function`: run a function on a test event, print what `aws cloudfront test-function` prints.

    frontyard test-function FILE --event EVENT.json [--runtime R] [--kvs STORE.json] [--stage S]
                                 [--expect EXPECTED.json]
    frontyard test-function FILE --event DIR      (batch: DIR/NAME.json with DIR/NAME.expected.json)

Unlike the AWS test API, which checks execution only, this also reports what the edge would refuse in
the result (a changed read-only header, a `uri` that is not a string, a CR/LF in a header, ...): in
`frontyard serve` those are 502s, so here they are a FunctionErrorMessage and a non-zero exit.
It also runs on its own: `python -m emulator.cli.test_function ...`.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from emulator.cf_functions.errors import FunctionLoadError
from emulator.cf_functions.event import normalize_test_event
from emulator.cf_functions.gating import RUNTIME_1, RUNTIMES
from emulator.cf_functions.kvs import load_kvs
from emulator.cf_functions.result import Failed
from emulator.cf_functions.runner import FunctionRunner
from emulator.cf_functions.runtime import CompiledFunction, FunctionSource, compile_function

EXPECTED_SUFFIX = ".expected.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the function's code (index.js)")
    parser.add_argument("--event", required=True, help="test event JSON, or a folder of NAME.json + NAME.expected.json")
    parser.add_argument("--runtime", choices=RUNTIMES, default=None, help=f"default: {RUNTIME_1}, or 2.0 if --kvs")
    parser.add_argument("--kvs", help="key value store file in AWS import format; its name without the extension "
                        "is the store id cf.kvs(id) may name, as in serve")
    parser.add_argument("--stage", choices=("DEVELOPMENT", "LIVE"), default="DEVELOPMENT")
    parser.add_argument("--name", help="function name (default: the file's folder name)")
    parser.add_argument("--expect", help="expected FunctionOutput ({'request': ...} or {'response': ...})")


def _load(args: argparse.Namespace) -> CompiledFunction:
    path = Path(args.file)
    runtime = args.runtime or ("cloudfront-js-2.0" if args.kvs else RUNTIME_1)
    kvs = load_kvs(args.kvs) if args.kvs else None
    name = args.name or (path.parent.name if path.stem == "index" else path.stem)
    return compile_function(FunctionSource(name, runtime, path.read_text(encoding="utf-8"), str(path), kvs))


def _summary(fn: CompiledFunction, stage: str) -> dict[str, Any]:
    config: dict[str, Any] = {"Comment": "", "Runtime": fn.runtime}
    if fn.source.kvs is not None:
        arn = f"arn:aws:cloudfront::123456789012:key-value-store/{fn.source.kvs.id}"
        config["KeyValueStoreAssociations"] = {"Quantity": 1, "Items": [{"KeyValueStoreARN": arn}]}
    now = datetime.now(UTC).isoformat()
    return {
        "Name": fn.name,
        "Status": "UNPUBLISHED",
        "FunctionConfig": config,
        "FunctionMetadata": {
            "FunctionARN": f"arn:aws:cloudfront::123456789012:function/{fn.name}",
            "Stage": stage,
            "CreatedTime": now,
            "LastModifiedTime": now,
        },
    }


def _wrap_output(event: dict[str, Any], output_json: str | None) -> dict[str, Any] | None:
    if output_json is None:
        return None
    value = json.loads(output_json)
    key = "response" if isinstance(value, dict) and "statusCode" in value else "request"
    if event["context"]["eventType"] == "viewer-response":
        key = "response"
    if isinstance(value, dict):
        value.setdefault("cookies", {})
    return {key: value}


class EventFileError(Exception):
    """A test event file that cannot be used, with the reason (file name first)."""


def read_json(path: Path) -> Any:
    """A JSON file's value, or EventFileError saying what is wrong with the file."""
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise EventFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise EventFileError(f"{path}: is a folder, not a JSON file") from None
    except OSError as exc:
        raise EventFileError(f"{path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise EventFileError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise EventFileError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None


_OBJECTS = ("request", "response", "context", "viewer")
_FIELDS = ("headers", "cookies", "querystring")


def read_event(event_path: Path) -> dict[str, Any]:
    """A test event file, checked for the shape the runtime relies on before it is run."""
    value = read_json(event_path)
    if not isinstance(value, dict):
        kind = "null" if value is None else type(value).__name__
        raise EventFileError(
            f"{event_path}: a test event is a JSON object with a 'request' (and, for "
            f"viewer-response, a 'response'), not a {kind}"
        )
    problems = [
        f"'{part}' must be an object"
        for part in _OBJECTS
        if part in value and value[part] is not None and not isinstance(value[part], dict)
    ]
    for part in ("request", "response"):
        obj = value.get(part)
        if isinstance(obj, dict):
            problems += [
                f"{part}.{key} must be an object"
                for key in _FIELDS
                if obj.get(key) is not None and not isinstance(obj[key], dict)
            ]
    if problems:
        raise EventFileError(f"{event_path}: " + "; ".join(problems))
    event = normalize_test_event(value)
    if not isinstance(event.get("request"), dict):
        problems.append("the event has no 'request' object")
    elif event["context"].get("eventType") not in ("viewer-request", "viewer-response"):
        problems.append("context.eventType must be 'viewer-request' or 'viewer-response'")
    elif event["context"]["eventType"] == "viewer-response" and not isinstance(event.get("response"), dict):
        problems.append("a viewer-response event needs a 'response' object")
    if problems:
        raise EventFileError(f"{event_path}: " + "; ".join(problems))
    return event


async def run_one(runner: FunctionRunner, fn: CompiledFunction, event_path: Path, stage: str) -> dict[str, Any]:
    event = read_event(event_path)
    request = event.get("request") or {}
    raw_query = "&".join(
        f"{k}={v.get('value', '')}" for k, v in (request.get("querystring") or {}).items() if isinstance(v, dict)
    )
    result = await runner.run_event(fn, event, raw_query or None, edge={})
    failed = isinstance(result.outcome, Failed)
    output = None if failed and result.outcome.kind.is_execution_error else _wrap_output(event, result.output_json)
    return {
        "TestResult": {
            "FunctionSummary": _summary(fn, stage),
            "ComputeUtilization": str(result.compute_utilization),
            "FunctionExecutionLogs": list(result.logs),
            "FunctionErrorMessage": result.outcome.message if isinstance(result.outcome, Failed) else "",
            "FunctionOutput": json.dumps(output, separators=(",", ":")) if output is not None else "",
        }
    }


def compare(expected: Any, report: dict[str, Any]) -> list[str]:
    """Readable diff lines between the expected FunctionOutput and the actual one ([] if equal)."""
    text = report["TestResult"]["FunctionOutput"]
    actual = json.loads(text) if text else None
    if expected == actual:
        return []
    want = json.dumps(expected, indent=2, sort_keys=True).splitlines()
    got = json.dumps(actual, indent=2, sort_keys=True).splitlines()
    return list(difflib.unified_diff(want, got, "expected", "actual", lineterm=""))


def _pairs(folder: Path) -> list[tuple[Path, Path | None]]:
    events = sorted(p for p in folder.glob("*.json") if not p.name.endswith(EXPECTED_SUFFIX))
    return [(p, p.with_name(p.stem + EXPECTED_SUFFIX) if p.with_name(p.stem + EXPECTED_SUFFIX).exists() else None)
            for p in events]  # fmt: skip


async def _run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        fn = _load(args)
    except FunctionLoadError as exc:
        for problem in exc.problems:
            print(problem, file=out)
        return 2
    except OSError as exc:
        print(f"{exc.filename}: {exc.strerror}", file=out)
        return 2
    except UnicodeDecodeError as exc:
        print(f"{args.file}: not UTF-8 text (byte {exc.start}); CloudFront takes function code as UTF-8", file=out)
        return 2
    try:
        return await _run_events(args, fn, out)
    except EventFileError as exc:
        print(exc, file=out)
        return 2


async def _run_events(args: argparse.Namespace, fn: CompiledFunction, out: TextIO) -> int:
    event_path = Path(args.event)
    async with FunctionRunner(workers=1, pool_size=0) as runner:
        if event_path.is_dir():
            passed = failed = 0
            for event_file, expected_file in _pairs(event_path):
                try:
                    report = await run_one(runner, fn, event_file, args.stage)
                    problems = (
                        []
                        if not report["TestResult"]["FunctionErrorMessage"]
                        else [report["TestResult"]["FunctionErrorMessage"]]
                    )
                    if expected_file is not None and not problems:
                        problems = compare(read_json(expected_file), report)
                except EventFileError as exc:
                    problems = [str(exc)]
                status = "FAIL" if problems else "ok"
                print(f"{status}  {event_file.name}", file=out)
                for line in problems:
                    print(f"    {line}", file=out)
                passed, failed = passed + (not problems), failed + bool(problems)
            print(f"{passed} passed, {failed} failed", file=out)
            return 1 if failed or not passed + failed else 0
        report = await run_one(runner, fn, event_path, args.stage)
        print(json.dumps(report, indent=4), file=out)
        if report["TestResult"]["FunctionErrorMessage"]:
            return 1
        if args.expect:
            diff = compare(read_json(Path(args.expect)), report)
            if diff:
                print("FunctionOutput differs from " + args.expect + ":", file=out)
                for line in diff:
                    print(line, file=out)
                return 1
        return 0


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    return asyncio.run(_run(args, out or sys.stdout))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="frontyard test-function", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
