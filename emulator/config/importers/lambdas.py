"""Lambda@Edge functions an imported distribution associates: their `lambda_functions:` entries.

Only functions a behavior names are imported (a stack's other Lambdas are none of the edge's business). Where a
function's code lives locally is known for a CDK asset folder or a Terraform `archive_file`; otherwise the entry
waits for the overlay (`lambda_functions: {name: {code: ./folder}}`), and says so.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from emulator.config.importers.located import N
from emulator.config.importers.result import Pending
from emulator.config.rules import function_reference
from emulator.issues import Location, Severity

INLINE_DIR = Path(tempfile.gettempdir()) / "frontyard-inline-code"
VERSION = "1"  # a published version number: CloudFront needs one in the ARN, any number does locally


def lambda_arn(region: str, account: str, name: str, version: str | None = None) -> str:
    return f"arn:aws:lambda:{region}:{account}:function:{name}" + (f":{version}" if version else "")


def code_unknown(name: str, loc: Location | None, why: str) -> N:
    return N(Pending(Severity.ERROR, loc, "", f"Lambda@Edge function '{name}': {why}",
                     f"where its code is on this machine, in the overlay file: lambda_functions: {{{name}: "
                     "{code: ./folder}}"), loc)


def entry(runtime: N | None, handler: N | None, timeout: N | None, memory: N | None, code: N, loc: Location | None
          ) -> N:
    out: dict[str, object] = {"code": code}
    for key, value in (("runtime", runtime), ("handler", handler), ("timeout", timeout), ("memory_size", memory)):
        if value is not None and value.v not in (None, ""):
            out[key] = value
    return N(out, loc)


def referenced(tree: dict[str, object]) -> set[str]:
    """The names of the Lambda@Edge functions the distributions' behaviors associate."""
    names: set[str] = set()
    dists = [tree.get("distribution")]
    more = tree.get("distributions")
    dists += more.v if isinstance(more, N) else more if isinstance(more, list) else []  # type: ignore[operator]
    for d in dists:
        if not isinstance(d, N) or not d.is_map:
            continue
        behaviors = [d.get("default_cache_behavior")]
        ordered = d.get("cache_behaviors")
        behaviors += ordered.v if ordered is not None and isinstance(ordered.v, list) else []
        for b in behaviors:
            assoc = b.get("lambda_function_associations") if isinstance(b, N) else None
            for value in assoc.v.values() if assoc is not None and isinstance(assoc.v, dict) else ():
                ref = value.get("function") if isinstance(value, N) else None
                if ref is not None and isinstance(ref.v, str) and (name := function_reference(ref.v)[0]):
                    names.add(name)
    return names


def add_referenced(tree: dict[str, object], candidates: dict[str, N]) -> None:
    """lambda_functions for every associated function the source defines."""
    chosen = {name: candidates[name] for name in sorted(referenced(tree)) if name in candidates}
    if chosen:
        tree["lambda_functions"] = chosen


def inline_code(name: str, runtime: N | None, code: N) -> N:
    """Inline code (CloudFormation `Code.ZipFile`, SAM `InlineCode`) written out as the file Lambda would run.

    AWS CloudFormation Template Reference, "AWS::Lambda::Function Code": "For Node.js and Python functions, you can
    specify the function code inline in the template" and "When you specify source code inline for a Node.js
    function, the index file that CloudFormation creates uses the extension .js". The file lives in a folder named
    by the code's hash (the same code is written once, and a changed template gets a new folder)."""
    if not isinstance(code.v, str):
        return N(Pending(Severity.ERROR, code.loc, "", f"Lambda function '{name}': inline code must be a string",
                         "the function's source text (a YAML block scalar: ZipFile: |)"), code.loc)
    kind = runtime.v if runtime is not None and isinstance(runtime.v, str) else ""
    if not kind.startswith(("nodejs", "python")):
        return N(Pending(Severity.ERROR, code.loc, "", f"Lambda function '{name}': inline code runs on Node.js or "
                         f"Python only, not {kind or 'an unnamed runtime'}", "a nodejs* or python* Runtime"), code.loc)
    suffix = ".js" if kind.startswith("nodejs") else ".py"
    folder = INLINE_DIR / hashlib.sha256(f"{kind}\0{code.v}".encode()).hexdigest()[:20]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"index{suffix}"
        if not target.is_file() or target.read_text(encoding="utf-8") != code.v:
            target.write_text(code.v, encoding="utf-8")
    except OSError as exc:
        return N(Pending(Severity.ERROR, code.loc, "", f"Lambda function '{name}': cannot write its inline code to "
                         f"{folder}: {exc.strerror}", "a writable temporary folder (TMPDIR)"), code.loc)
    return N(str(folder), code.loc)
