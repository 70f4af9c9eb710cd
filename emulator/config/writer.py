"""`frontyard import`: an imported (and overlaid) plain tree written as frontyard YAML, each block with a comment
naming where it came from. Pure: returns the text.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from emulator.config.engines import Engines
from emulator.config.model.managed import CACHE_POLICIES, ORIGIN_REQUEST_POLICIES
from emulator.config.yamlsrc import Path as TreePath
from emulator.config.yamlsrc import SourceMap

MANAGED_NAMES = {p.id: p.name for p in (*CACHE_POLICIES, *ORIGIN_REQUEST_POLICIES)}


def _scalar(value: object) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, width=1 << 20, allow_unicode=True).strip()
    return text[:-4].rstrip() if text.endswith("\n...") else text.removesuffix("...").rstrip()


def _is_block(value: object) -> bool:
    """Mappings, and lists holding mappings, get their own lines; lists of scalars stay on one line."""
    return (isinstance(value, dict) and bool(value)) or (
        isinstance(value, list) and any(isinstance(v, dict | list) for v in value))


def to_yaml(tree: dict[str, object], smap: SourceMap, header: str) -> str:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    seen: set[str] = set()

    def comment(path: TreePath, indent: str) -> None:
        loc = smap.values.get(path)
        if loc is not None and str(loc) not in seen:
            seen.add(str(loc))
            lines.append(f"{indent}# from {loc}")

    def mapping(value: dict[str, object], path: TreePath, indent: str) -> None:
        for key, v in value.items():
            k = _scalar(key)
            if _is_block(v):
                comment((*path, key), indent)
                lines.append(f"{indent}{k}:")
                block(v, (*path, key), indent + "  ")
            elif isinstance(v, str) and "\n" in v:
                lines.append(f"{indent}{k}: |" + ("-" if not v.endswith("\n") else ""))
                lines.extend(f"{indent}  {line}" if line else "" for line in v.rstrip("\n").split("\n"))
            else:
                lines.append(f"{indent}{k}: {_scalar(v)}")

    def block(value: object, path: TreePath, indent: str) -> None:
        if isinstance(value, dict):
            mapping(value, path, indent)
            return
        for i, item in enumerate(value):  # type: ignore[arg-type]
            if isinstance(item, dict) and item:
                comment((*path, i), indent)
                start = len(lines)
                mapping(item, (*path, i), indent + "  ")
                first = next(j for j in range(start, len(lines)) if not lines[j].lstrip().startswith("#"))
                lines[first] = f"{indent}- " + lines[first][len(indent) + 2:]
            else:
                lines.append(f"{indent}- {_scalar(item)}")

    mapping(tree, (), "")
    return "\n".join(lines) + "\n"


def relocate(tree: dict[str, object], base_dir: Path, out_dir: Path, engines: Engines) -> None:
    """Paths in the tree are relative to the source's folder: make them relative to the written file's."""

    def move(value: object) -> object:
        if not isinstance(value, str):
            return value
        return os.path.relpath((base_dir / value).resolve(), out_dir.resolve())

    functions = tree.get("functions")
    for fn in functions.values() if isinstance(functions, dict) else ():
        if isinstance(fn, dict):
            for key in ("code", "key_value_store"):
                if key in fn:
                    fn[key] = move(fn[key])
    edge = tree.get("lambda_functions")
    for fn in edge.values() if isinstance(edge, dict) else ():
        if isinstance(fn, dict) and "code" in fn:
            fn["code"] = move(fn["code"])
    groups = tree.get("key_groups")
    for group in groups.values() if isinstance(groups, dict) else ():
        for key in group.get("public_keys", []) if isinstance(group, dict) else []:
            if isinstance(key, dict) and "pem" in key:
                key["pem"] = move(key["pem"])
    dists = [tree.get("distribution"), *(tree.get("distributions") or [])]  # type: ignore[misc]
    for d in dists:
        for b in [d.get("default_cache_behavior"), *d.get("cache_behaviors", [])] if isinstance(d, dict) else []:
            for key in ("cache_policy", "origin_request_policy"):
                if isinstance(b, dict) and b.get(key) in MANAGED_NAMES:
                    b[key] = MANAGED_NAMES[b[key]]  # the managed policy's name reads better than its id
        for o in d.get("origins", []) if isinstance(d, dict) else []:
            mock = o.get("mock") if isinstance(o, dict) else None
            for name in engines.path_options(mock.get("type")) if isinstance(mock, dict) else ():
                if name in mock:  # type: ignore[operator]
                    mock[name] = move(mock[name])  # type: ignore[index]
