"""`frontyard invalidate PATH... [--admin URL] [--distribution ID]`: CloudFront's create-invalidation
against a running edge's admin listener."""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request

from emulator.cache.invalidation import path_problems

DEFAULT_ADMIN = "http://127.0.0.1:9901"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="like /index.html or /assets/* (quote the *)")
    parser.add_argument("--admin", default=DEFAULT_ADMIN, help=f"the edge's admin listener (default {DEFAULT_ADMIN})")
    parser.add_argument("--distribution", help="only this distribution's copies (default: every distribution)")


def run(args: argparse.Namespace) -> int:
    if problems := path_problems(args.paths):
        for problem in problems:
            print(f"frontyard invalidate: {problem}", file=sys.stderr)
        return 2
    body: dict[str, object] = {"paths": args.paths}
    if args.distribution:
        body["distribution"] = args.distribution
    url = args.admin.rstrip("/") + "/_frontyard/invalidations"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as exc:
        print(f"frontyard invalidate: {url} answered {exc.code}: {_error_text(exc.read())}", file=sys.stderr)
        return 1
    except (urllib.error.URLError, OSError, ValueError) as exc:
        print(f"frontyard invalidate: cannot reach the admin listener at {url}: {exc} "
              "(is `frontyard serve` running? see --admin)", file=sys.stderr)
        return 1
    removed = answer.get("removed", 0)
    print(f"{answer['Invalidation']['Id']} Completed: {removed} cached object{'s' if removed != 1 else ''} "
          f"removed for {', '.join(args.paths)}")
    return 0


def _error_text(body: bytes) -> str:
    """'NoSuchDistribution: no distribution 'X' (served: ...)' from the API's error, or the body as it came."""
    try:
        answer = json.loads(body)
        code, problems = answer["Error"]["Code"], answer.get("problems") or [answer["Error"]["Message"]]
        return f"{code}: {'; '.join(str(p) for p in problems)}"
    except (ValueError, KeyError, TypeError):
        return body.decode(errors="replace")
