"""Importers: the distribution you deploy -> the plain tree frontyard's YAML loader reads.

The importers themselves load when a source of theirs is read (a frontyard YAML never needs them: start-up
time, benchmarks/startup_reload.py).

Each source format has its own module; none validates (the loader does, for every format alike). This module
recognises a source by its content and calls the right importer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

from emulator.config.importers.located import N, distribution_config, parse_document
from emulator.config.importers.result import Imported
from emulator.issues import ConfigIssue, Location, Severity

__all__ = ["Format", "Imported", "detect", "import_source", "sam_build_template"]

TERRAFORM_KEYS = {"resource", "variable", "locals", "terraform", "provider", "module", "data", "output"}
HCL_LOOK = re.compile(r'^\s*(resource|variable|locals|module|provider|terraform|data|output)\b[^\n=]*\{', re.M)


class Format(StrEnum):
    FRONTYARD = "frontyard YAML"
    CLOUDFORMATION = "CloudFormation template"
    CDK = "CDK cloud assembly (cdk.out)"
    CLOUDFRONT_JSON = "CloudFront JSON"
    TERRAFORM = "Terraform module"
    TERRAFORM_SHOW = "terraform show -json output"
    TERRAFORM_STATE = "Terraform state (terraform.tfstate)"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def detect(path: Path) -> Format:
    """What a config path holds, by content (the name only settles Terraform's .tf and a cdk.out folder)."""
    if path.is_dir():
        if (path / "manifest.json").is_file() or (path / "cdk.out" / "manifest.json").is_file():
            return Format.CDK
        if _cdk_out_without_manifest(path):
            return Format.CDK  # import_source says the manifest is missing
        if sam_build_template(path) is not None:
            return Format.CLOUDFORMATION
        return Format.TERRAFORM
    if path.name.endswith((".tf", ".tf.json", ".tfvars")):
        return Format.TERRAFORM
    text = _read(path)
    if text is None:
        return Format.FRONTYARD  # the loader says it cannot read it
    doc, _ = parse_document(text, str(path))
    if doc is None:  # broken: say what it looked like, so the error names the format the user meant
        if HCL_LOOK.search(text):
            return Format.TERRAFORM
        if '"terraform_version"' in text and '"lineage"' in text:
            return Format.TERRAFORM_STATE
        if "AWSTemplateFormatVersion" in text or re.search(r'^\s*"?Resources"?\s*:', text, re.M):
            return Format.CLOUDFORMATION
        return Format.CLOUDFRONT_JSON if "DistributionConfig" in text else Format.FRONTYARD
    if not doc.is_map:
        return Format.FRONTYARD
    keys = set(doc.v)  # type: ignore[arg-type]
    if path.name == "manifest.json" and "artifacts" in keys:
        return Format.CDK
    if "AWSTemplateFormatVersion" in keys or "Resources" in keys:
        return Format.CLOUDFORMATION
    if distribution_config(doc)[0] is not None:
        return Format.CLOUDFRONT_JSON
    if "format_version" in keys and ("values" in keys or "planned_values" in keys):
        return Format.TERRAFORM_SHOW
    if {"version", "terraform_version"} <= keys and {"resources", "lineage", "serial"} & keys:
        return Format.TERRAFORM_STATE  # a state file, whatever its name (a frontyard YAML has no terraform_version)
    if keys and keys <= TERRAFORM_KEYS:
        return Format.TERRAFORM
    return Format.FRONTYARD


def sam_build_template(folder: Path) -> Path | None:
    """The template `sam build` left in a SAM project folder (.aws-sam/build/template.yaml), what `sam deploy`
    deploys from that folder; None in a Terraform folder."""
    built = folder / ".aws-sam" / "build" / "template.yaml"
    if not built.is_file() or any(folder.glob("*.tf")) or any(folder.glob("*.tf.json")):
        return None
    return built


def _cdk_out_without_manifest(folder: Path) -> bool:
    """A folder named cdk.out, or holding one, or holding synthesized templates, and no Terraform files."""
    if any(folder.glob("*.tf")) or any(folder.glob("*.tf.json")):
        return False
    return folder.name == "cdk.out" or (folder / "cdk.out").is_dir() or any(folder.glob("*.template.json"))


def import_source(path: Path, fmt: Format, params: Mapping[str, str]) -> Imported:
    """Read a non-frontyard source into the plain tree (with the importer's own issues)."""
    root = Location(str(path), 1, 1)
    if fmt is Format.CDK:
        manifest = path / "manifest.json" if (path / "manifest.json").is_file() else path / "cdk.out" / "manifest.json"
        if path.is_file():
            manifest = path
        if not manifest.is_file():
            problem = ConfigIssue(Severity.ERROR, Location(str(path), 0, 0), "",
                                  "a CDK cloud assembly (cdk.out) without its manifest.json",
                                  "the cdk.out folder as `cdk synth` writes it (manifest.json lists the stacks); "
                                  "run `cdk synth` again, or give a stack's .template.json")
            return Imported(str(fmt), {}, [problem], [path], root)
        from emulator.config.importers.cdk import cdk_templates

        templates, issues = cdk_templates(manifest)
        parts = [_cloudformation(t, params) for t in templates]
        merged = _merge(parts, Format.CDK, root, issues)
        merged.files.append(manifest)
        return merged
    if fmt in (Format.TERRAFORM, Format.TERRAFORM_SHOW):
        from emulator.config.importers.terraform import import_terraform  # the HCL parser loads only when needed

        return import_terraform(path, fmt is Format.TERRAFORM_SHOW, params)
    if fmt is Format.TERRAFORM_STATE:
        from emulator.config.importers.tf_state import import_state

        return import_state(path)
    if fmt is Format.CLOUDFORMATION:
        return _cloudformation(sam_build_template(path) or path if path.is_dir() else path, params)
    text = _read(path) or ""
    doc, issues = parse_document(text, str(path))
    if doc is None:
        return Imported(str(fmt), {}, issues, [path], root)
    from emulator.config.importers.cloudfront_json import import_cloudfront_json

    imported = import_cloudfront_json(doc, path)
    imported.issues[:0] = issues
    return imported


def _cloudformation(path: Path, params: Mapping[str, str]) -> Imported:
    text = _read(path)
    root = Location(str(path), 1, 1)
    if text is None:
        return Imported(str(Format.CLOUDFORMATION), {}, [ConfigIssue(Severity.ERROR, root, "", "cannot read")],
                        [path], root)
    doc, issues = parse_document(text, str(path), last_key_wins=True)
    if doc is None or not doc.is_map:
        issues = issues or [ConfigIssue(Severity.ERROR, root, "", "a template must be a mapping")]
        return Imported(str(Format.CLOUDFORMATION), {}, issues, [path], root)
    from emulator.config.importers.cloudformation import CloudFormation

    imported = CloudFormation(doc, str(path), params).load()
    imported.issues[:0] = issues
    return imported


def _merge(parts: list[Imported], fmt: Format, root: Location, issues: list[ConfigIssue]) -> Imported:
    """Several stacks' trees as one: their distributions side by side, functions and policies together."""
    if len(parts) == 1:
        parts[0].issues[:0] = issues
        parts[0].format = str(fmt)
        return parts[0]
    distributions: list[object] = []
    tree: dict[str, object] = {}
    files: list[Path] = []
    for part in parts:
        issues += part.issues
        files += part.files
        if "distribution" in part.tree:
            distributions.append(part.tree["distribution"])
        if isinstance(d := part.tree.get("distributions"), N):
            distributions += d.v  # type: ignore[arg-type]
        for key in ("functions", "cache_policies", "origin_request_policies", "key_groups",
                    "response_headers_policies", "lambda_functions"):
            if key in part.tree:
                tree.setdefault(key, {}).update(part.tree[key])  # type: ignore[attr-defined]
    if len(distributions) == 1:
        tree["distribution"] = distributions[0]
    elif distributions:
        tree["distributions"] = distributions
    return Imported(str(fmt), tree, issues, files, root)
