"""`terraform show -json` (a plan or a state) -> the plain tree: resource values are already evaluated, nested
blocks are lists, and child modules nest; behaviors name custom policies and key groups by their AWS ids."""

from __future__ import annotations

from pathlib import Path

from emulator.config.importers.located import N, parse_document
from emulator.config.importers.result import Imported
from emulator.config.importers.tf_shape import TfShape, resources_tree
from emulator.issues import ConfigIssue, Location


def import_show_json(path: Path) -> Imported:
    root = Location(str(path), 1, 1)
    doc, issues = parse_document(path.read_text(encoding="utf-8"), str(path))
    values = doc.get("values") or doc.get("planned_values") if doc is not None else None
    resources: list[tuple[str, str, N, Location | None]] = []
    if values is not None and values.get("root_module") is not None:
        _show_resources(values.get("root_module"), resources)
    return Imported("terraform show -json output", evaluated_tree(resources, issues), issues, [path], root)


def evaluated_tree(resources: list[tuple[str, str, N, Location | None]],
                   issues: list[ConfigIssue]) -> dict[str, object]:
    """Resolved resource values (show -json's `values`, a state's instance `attributes`) -> the plain tree."""
    _policy_ids(resources)
    return resources_tree(resources, TfShape(issues, check_unknown=False), issues)


def _show_resources(module: N, out: list[tuple[str, str, N, Location | None]]) -> None:
    for r in (module.get("resources") or N([])).v:  # type: ignore[union-attr]
        if isinstance(r, N) and r.is_map and (r.get("mode") is None or r.get("mode").v == "managed"):
            kind, name, values = r.get("type"), r.get("name"), r.get("values")
            if kind is not None and name is not None and values is not None:
                out.append((str(kind.v), str(name.v), values, r.loc))
    for child in (module.get("child_modules") or N([])).v:  # type: ignore[union-attr]
        if isinstance(child, N) and child.is_map:
            _show_resources(child, out)


def _policy_ids(resources: list[tuple[str, str, N, Location | None]]) -> None:
    """In state, behaviors name custom policies and key groups by id: point them at their names."""
    names: dict[str, str] = {}
    for kind, _name, values, _loc in resources:
        if kind in ("aws_cloudfront_cache_policy", "aws_cloudfront_origin_request_policy",
                    "aws_cloudfront_response_headers_policy", "aws_cloudfront_key_group"):
            pid, pname = values.get("id"), values.get("name")
            if pid is not None and pname is not None and isinstance(pid.v, str):
                names[pid.v] = str(pname.v)
    for kind, _name, values, _loc in resources:
        if kind != "aws_cloudfront_distribution":
            continue
        for key in ("default_cache_behavior", "ordered_cache_behavior"):
            for b in (values.get(key) or N([])).v if isinstance((values.get(key) or N([])).v, list) else []:
                refs = [b.get("cache_policy_id"), b.get("origin_request_policy_id"),
                        b.get("response_headers_policy_id"),
                        *((b.get("trusted_key_groups") or N([])).v or [])] if isinstance(b, N) else []
                for ref in refs:
                    if isinstance(ref, N) and isinstance(ref.v, str) and ref.v in names:
                        ref.v = names[ref.v]
