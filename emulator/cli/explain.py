"""`frontyard explain CONFIG URL`: every decision the edge would make for one request, without contacting origins.

No AWS CLI command mirrors it: CloudFront does not say why it chose a behavior, a cache key or an origin
request; this prints those decisions and the origin request it would send.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from urllib.parse import urlsplit

from multidict import CIMultiDict

from emulator.cli.common import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, SOURCE_HELP, add_source_arguments, issue_json, load
from emulator.config.model import Config
from emulator.http import Scheme, ViewerRequest, freeze
from emulator.inspector.format import format_origin_request, format_trace
from emulator.issues import ConfigIssue
from emulator.pipeline import Answer, Forward
from emulator.pipeline.lint import lint
from emulator.serve.app import Emulator
from emulator.trace import Trace


class BadRequest(ValueError):
    """The URL or a header on the command line cannot make a viewer request."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", help=SOURCE_HELP)
    parser.add_argument("url", help="e.g. http://localhost:8080/api/x?y=1")
    parser.add_argument("-X", "--request", dest="method", default="GET")
    parser.add_argument("-H", "--header", dest="headers", action="append", default=[],
                        help="'Name: value', repeatable")
    parser.add_argument("--json", action="store_true", help="print the decisions and the result as JSON")
    add_source_arguments(parser)


def run(args: argparse.Namespace) -> int:
    config = load(args.config, args, as_json=args.json)
    if config is None:
        return EXIT_CONFIG
    try:
        request = viewer_request(args.url, args.method, args.headers)
    except BadRequest as exc:
        print(f"frontyard explain: {exc}", file=sys.stderr)
        return EXIT_FAILED
    decision, trace = asyncio.run(_explain(config, request))
    warnings = _warnings_for(config, trace)
    if args.json:
        print(json.dumps(explain_json(request, args.url, decision, trace, warnings), indent=2, ensure_ascii=False))
    else:
        _print(request, args.url, decision, trace, warnings)
    return EXIT_OK


def viewer_request(url_text: str, method: str, raw_headers: list[str]) -> ViewerRequest:
    """The request a viewer would send for `url_text`, with Host from the URL unless a -H Host replaces it."""
    try:
        url = urlsplit(url_text)
    except ValueError as exc:  # an unclosed '[' of an IPv6 host, a bad port...
        raise BadRequest(f"'{url_text}' is not a valid URL ({exc})") from None
    if url.scheme not in ("http", "https") or not url.netloc:
        raise BadRequest(f"'{url_text}' is not an http(s) URL")
    headers: CIMultiDict[str] = CIMultiDict()
    headers["Host"] = url.netloc
    for raw in raw_headers:
        name, sep, value = raw.partition(":")
        if not sep:
            raise BadRequest(f"header '{raw}' is not 'Name: value'")
        if name.strip().lower() == "host":
            headers.popall("Host")
        headers.add(name.strip(), value.strip())
    return ViewerRequest(method.upper(), url.path or "/", url.query, freeze(headers), Scheme(url.scheme),
                         "1.1", "127.0.0.1", 0)


def _print(request: ViewerRequest, url: str, decision: Forward | Answer, trace: Trace,
           warnings: list[ConfigIssue]) -> None:
    print(f"{request.method} {url}\n")
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


def _warnings_for(config: Config, trace: Trace) -> list[ConfigIssue]:
    """The validate warnings about the behavior explain chose, or about the origin it sends to."""
    places = {d.location for d in trace.decisions if d.stage in ("behavior", "origin-request") and d.location}
    return [i for i in [*config.warnings, *lint(config)] if i.location is not None and i.location in places]


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
    # A throwaway Emulator: close its function and Lambda@Edge worker processes so none outlives the command.
    emulator = Emulator(config)
    try:
        return await emulator.explain(request)
    finally:
        emulator.runner.close()
        await emulator.lambdas.close()
