"""The Lambda functions a Terraform configuration defines, as the edge runs them (Lambda@Edge, or the function an
API Gateway or function URL origin invokes)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from emulator.config.importers import tf_api_origins
from emulator.config.importers.hcl_eval import EvalError
from emulator.config.importers.lambdas import code_unknown, entry
from emulator.config.importers.located import N

if TYPE_CHECKING:
    from emulator.config.importers.terraform import Module


def lambdas(root: Module, names: set[str]) -> dict[str, N]:
    """Lambda functions of every module: the arguments the edge runs them with (their other arguments, logging
    or a VPC, are not evaluated), the code the folder an archive_file of its module zipped. A function no
    behavior names (`names`) whose arguments cannot be evaluated is left out: only an API or function URL
    origin could still need it, and that origin then says so."""
    out: dict[str, N] = {}
    for module, kind, name, block in tf_api_origins.walk(root, lambda kind: kind == "aws_lambda_function"):
        try:
            fn = str(module.attribute(block, kind, name, "function_name", block.loc))
        except EvalError:
            continue  # not a name a behavior can have named
        try:
            arg = {k: block.attrs[k]() for k in ("runtime", "handler", "timeout", "memory_size", "filename")
                   if k in block.attrs}
            archives = module.archives()
        except EvalError:
            if fn in names:
                raise
            continue
        filename = arg.get("filename")
        target = filename.plain() if filename is not None else None
        if isinstance(target, str) and (target in archives or not target.endswith(".zip")):
            source = archives.get(target, target)
            code = N(os.path.relpath((module.folder / source).resolve(), root.folder.resolve()), filename.loc)
        else:
            code = code_unknown(fn, block.loc, "its code is a zip or in S3, not a folder here")
        out[fn] = entry(arg.get("runtime"), arg.get("handler"), arg.get("timeout"), arg.get("memory_size"),
                        code, block.loc)
    return out
