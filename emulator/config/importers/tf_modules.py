"""Where a `module` block's code is: a local path, or what `terraform init` / `tofu init` downloaded.

Terraform's "Module Sources" page: "A local path must begin with either ./ or ../ to indicate that a local path
is intended"; every other source (the registry, git, S3, ...) is downloaded by `terraform init` into
.terraform/modules, which it indexes in .terraform/modules/modules.json: one entry per module call, Key being
the call's dotted path from the root module ("cdn", "cdn.s3_bucket"), Dir the folder relative to the root.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from emulator.config.importers.tf_values import EvalError
from emulator.issues import Location

MAX_DEPTH = 16  # module calls nested deeper than this are followed without looking ahead
META = {"source", "version", "count", "for_each", "providers", "depends_on"}  # module block keys, not inputs


# The resources the edge reads: CloudFront's, and the bucket policies its S3 origins answer by.
READ_BY_EDGE = ("aws_cloudfront_", "aws_s3_bucket_policy")


def installed(root: Path) -> dict[str, str]:
    """Key -> Dir from .terraform/modules/modules.json ({} without one, or an unreadable one)."""
    index = root / ".terraform" / "modules" / "modules.json"
    try:
        doc = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    entries = doc.get("Modules") if isinstance(doc, dict) else None
    return {str(e["Key"]): str(e["Dir"]) for e in entries or [] if isinstance(e, dict) and "Key" in e and "Dir" in e}


def module_folder(caller: Path, root: Path, key: str, source: object, loc: Location) -> Path:
    """The folder of a module call's code, or a located error naming the module, its source and what to run."""
    if not isinstance(source, str) or not source:
        raise EvalError(loc, f'module "{key}": source must be a literal string', 'source = "./modules/cdn"')
    if source.startswith(("./", "../")):
        folder = (caller / source).resolve()
        if not folder.is_dir():
            raise EvalError(loc, f'module "{key}": its source "{source}" is not a folder ({folder})')
        return folder
    found = installed(root).get(key)
    folder = (root / found).resolve() if found is not None else None
    if folder is None or not folder.is_dir():
        raise EvalError(loc, f'module "{key}" comes from "{source}", which is not downloaded here',
                        f"`terraform init` (or `tofu init`) run in {root}: it writes the module to .terraform/modules "
                        "and indexes it in .terraform/modules/modules.json")
    return folder


def call_folder(module: Any, call: str) -> tuple[str, Path]:
    """A module call's key (`cdn`, `cdn.logs`) and the folder of its code; EvalError when it is not here."""
    block = module.calls[call]
    key = f"{module.key}.{call}" if module.key else call
    source = block.attrs.get("source")
    return key, module_folder(module.folder, module.root, key, source().plain() if source else None,
                              block.attr_locs.get("source", block.loc))


def holds(module: Any, call: str, wanted: Callable[[str], bool], depth: int = 0) -> bool:
    """Whether a module call's code (or a module it calls) declares a resource of a wanted type: read, not
    evaluated, so a call holding none (a VPC, DNS records) has its count / for_each and inputs left alone."""
    try:
        key, folder = call_folder(module, call)
    except EvalError:
        return True  # the call is followed, and says why its code is not here
    if depth > MAX_DEPTH:
        return True
    probe = type(module)(folder, module.params, module.root, key, {})
    probe.read()
    return any(wanted(kind) for kind, _ in probe.resources) or any(holds(probe, c, wanted, depth + 1)
                                                                   for c in probe.calls)
