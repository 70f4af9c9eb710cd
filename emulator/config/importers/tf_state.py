"""A Terraform state file (`terraform.tfstate`, format version 4) -> the plain tree.

A state holds what `terraform apply` deployed: every managed resource instance with its attribute values already
resolved, in the same shapes `terraform show -json` writes under `values` (nested blocks as lists of mappings).
So each instance's `attributes` go through the same mapping as show -json's resource values; nothing is
evaluated. Instances of a `count` or `for_each` resource are told apart by their `index_key`; a resource inside
a module carries `module` ("module.cdn"); data sources (mode "data") describe nothing deployed and are skipped.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from emulator.config.importers.located import N, parse_document
from emulator.config.importers.result import Imported
from emulator.config.importers.tf_show import evaluated_tree
from emulator.issues import ConfigIssue, Location, Severity

FORMAT = "Terraform state (terraform.tfstate)"
STATE_VERSION = 4  # the format Terraform 0.12 and later write; older states are upgraded by `terraform init`

Resource = tuple[str, str, N, Location | None]


def import_state(path: Path) -> Imported:
    root = Location(str(path), 1, 1)
    doc, issues = parse_document(path.read_text(encoding="utf-8"), str(path))
    if doc is None or not doc.is_map:
        return Imported(FORMAT, {}, issues, [path], root)
    resources = _resources(doc, issues, root)
    if resources is None:
        return Imported(FORMAT, {}, issues, [path], root)
    tree = evaluated_tree(resources, issues)
    if not {"distribution", "distributions"} & set(tree) and not any(i.severity is Severity.ERROR for i in issues):
        issues.append(_no_distribution(doc, root))
    return Imported(FORMAT, tree, issues, [path], root)


def _resources(doc: N, issues: list[ConfigIssue], root: Location) -> list[Resource] | None:
    """Every managed resource instance as (type, name, attributes, where), or None if the state is unreadable."""
    version = doc.get("version")
    if version is None or version.v != STATE_VERSION or isinstance(version.v, bool):
        where, given = (version.loc, repr(version.v)) if version is not None else (root, "(none)")
        issues.append(ConfigIssue(Severity.ERROR, where, "version", f"state format version {given} is not read",
                                  f"a version {STATE_VERSION} state (Terraform 0.12 and later); `terraform init` "
                                  "upgrades an older one, or give `terraform show -json` output"))
        return None
    listed = doc.get("resources")
    if listed is None or not listed.is_list:
        issues.append(ConfigIssue(Severity.ERROR, listed.loc if listed is not None else root, "resources",
                                  "a state's resources must be a list", "the list `terraform apply` writes"))
        return None
    out: list[Resource] = []
    for i, r in enumerate(listed.v):  # type: ignore[arg-type]
        if not isinstance(r, N) or not r.is_map:
            issues.append(ConfigIssue(Severity.ERROR, r.loc if isinstance(r, N) else listed.loc, f"resources[{i}]",
                                      "a resource must be a mapping", "mode, type, name and instances"))
            continue
        out += _instances(r, i, issues)
    return out


def _instances(r: N, i: int, issues: list[ConfigIssue]) -> list[Resource]:
    mode, kind, name, instances = r.get("mode"), r.get("type"), r.get("name"), r.get("instances")
    if mode is not None and mode.v == "data":
        return []  # a data source reads something; the state's copy is not deployed configuration
    if not (isinstance(kind, N) and isinstance(kind.v, str) and isinstance(name, N) and isinstance(name.v, str)):
        issues.append(ConfigIssue(Severity.ERROR, r.loc, f"resources[{i}]", "a resource without its type and name",
                                  "\"type\": \"aws_cloudfront_distribution\", \"name\": \"...\""))
        return []
    if instances is None or not instances.is_list:
        issues.append(ConfigIssue(Severity.ERROR, (instances or r).loc, f"resources[{i}].instances",
                                  "a resource's instances must be a list", "the list `terraform apply` writes"))
        return []
    out: list[Resource] = []
    for instance in instances.v:  # type: ignore[union-attr]
        attributes = instance.get("attributes") if isinstance(instance, N) else None
        if attributes is None or not attributes.is_map:
            where = instance.loc if isinstance(instance, N) else instances.loc
            issues.append(ConfigIssue(Severity.ERROR, where, f"resources[{i}].instances", "an instance without its "
                                      "attributes", "the attributes mapping (a state older than version 4 has "
                                      "attributes_flat; `terraform init` upgrades it)"))
            continue
        out.append((kind.v, _instance_name(name.v, instance.get("index_key")), attributes, instance.loc or r.loc))
    return out


def _instance_name(name: str, key: N | None) -> str:
    """Terraform's own address for an instance: web, web[0] (count), web["blue"] (for_each)."""
    if key is None or key.v is None:
        return name
    return f'{name}["{key.v}"]' if isinstance(key.v, str) else f"{name}[{key.v}]"


def _no_distribution(doc: N, root: Location) -> ConfigIssue:
    """Name what the state holds, so the user sees whether the distribution is in another state (a workspace, a
    separate root module) or was never applied."""
    found: Counter[str] = Counter()
    for r in (doc.get("resources") or N([])).v:  # type: ignore[union-attr]
        if isinstance(r, N) and r.is_map and isinstance((kind := r.get("type")), N):
            module = r.get("module")
            prefix = f"{module.v}." if module is not None and isinstance(module.v, str) else ""
            data = "data." if (r.get("mode") or N("")).v == "data" else ""
            found[f"{prefix}{data}{kind.v}"] += 1
    held = ", ".join(f"{k} ({n})" if n > 1 else k for k, n in sorted(found.items())) or "no resources"
    return ConfigIssue(Severity.ERROR, root, "", f"no aws_cloudfront_distribution in this Terraform state; it holds: "
                       f"{held}", "the state of the root module that deploys the distribution (`terraform state "
                       "pull` there), or that module's .tf files")
