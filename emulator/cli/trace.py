"""`frontyard trace ID|last`: fetch one request's trace from a running edge's admin API and print it.

No AWS CLI command mirrors it: CloudFront's logs give one line per request; this shows every decision,
function run and origin exchange the local edge recorded for it.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import quote, urlsplit

from emulator.cli.common import EXIT_FAILED, EXIT_OK

DEFAULT_ADMIN = "http://127.0.0.1:9901"


class TraceUnavailable(Exception):
    """The admin API could not be reached or does not have the request."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the request id (X-Amz-Cf-Id, or id= in the access log), or 'last'")
    parser.add_argument("--admin", default=DEFAULT_ADMIN, help=f"admin URL (default {DEFAULT_ADMIN})")
    parser.add_argument("--json", action="store_true", help="print the API's JSON")


def run(args: argparse.Namespace) -> int:
    try:
        detail = fetch_detail(args.admin, args.id)
    except TraceUnavailable as exc:
        print(f"frontyard trace: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(detail, indent=2, ensure_ascii=False) if args.json else format_detail(detail))
    return EXIT_OK


def fetch_detail(admin: str, request_id: str, timeout: float = 10.0) -> dict[str, Any]:
    if "://" not in admin:
        admin = "http://" + admin  # 127.0.0.1:9901
    parts = urlsplit(admin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise TraceUnavailable(f"--admin '{admin}' is not an http:// URL like {DEFAULT_ADMIN}")
    url = f"{admin.rstrip('/')}/_frontyard/requests/{quote(request_id, safe='')}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return dict(json.load(response))
    except ValueError:
        raise TraceUnavailable(f"{url} did not answer with the inspector's JSON: is {admin} frontyard's "
                               "admin listener?") from None
    except urllib.error.HTTPError as exc:
        try:
            message = json.load(exc).get("error", exc.reason)
        except ValueError:
            message = exc.reason
        raise TraceUnavailable(f"{url}: {exc.code} {message}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TraceUnavailable(f"cannot reach the admin listener at {admin} ({reason}); is `frontyard serve` "
                               "running, and on which --admin-port?") from None


def _headers(pairs: list[list[str]], indent: str = "  ") -> list[str]:
    return [f"{indent}{k}: {v}" for k, v in pairs]


def format_detail(d: dict[str, Any]) -> str:
    """The terminal view of one request: viewer request, decisions, functions, origin exchanges, response."""
    v = d.get("viewer_request") or {}
    lines = [f"{d['method']} {d['scheme']}://{d['host']}{d['target']} -> {d['status']} "
             f"({d['duration_ms']} ms, {d['sent']} bytes)  id={d['id']}"]
    if d.get("why"):
        lines.append(f"why: {d['why']}")
    lines += ["", f"Viewer request (from {v.get('client_ip')}, HTTP/{v.get('http_version')}):",
              *_headers(v.get("headers", []))]
    lines += ["", "Decisions:"]
    width = max((len(x["stage"]) for x in d["decisions"]), default=0)
    for x in d["decisions"]:
        where = f"  [{x['location']}]" if x["location"] else ""
        lines.append(f"  {x['at_ms']:8.2f} ms  {x['stage']:<{width}}  {x['outcome']}: {x['detail']}{where}")
    if d.get("cache"):
        lines += ["", "Cache:", *(f"  {x['outcome']}: {x['detail']}" for x in d["cache"])]
    for f in d["functions"]:
        lines += ["", f"Function '{f['name']}' ({f['event_type']}): {f['outcome']} in {f['duration_us']} µs, "
                  f"ComputeUtilization {f['compute_utilization']}"]
        lines += [f"  console.log: {line}" for line in f["logs"]]
    if d.get("lambda_logs"):
        lines += ["", "Lambda@Edge output:", *(f"  {line}" for line in d["lambda_logs"])]
    for x in d["origin_exchanges"]:
        label = "Origin request" if x["purpose"] == "origin" else "Error page request"
        lines += ["", f"{label} to '{x['origin']}' ({x['url']}, connected to {x['connect']}):",
                  f"  {x['method']} {x['target']} HTTP/1.1", *_headers(x["headers"])]
        if x["failure"]:
            lines.append(f"  -> failed: {x['failure']}")
        else:
            lines += [f"  -> {x['status']}", *_headers(x["response_headers"], "     ")]
    lines += ["", f"Response to the viewer: {d['status']}", *_headers(d["response"]["headers"])]
    lines += ["", f"Again: {d['curl']}"]
    return "\n".join(lines)
