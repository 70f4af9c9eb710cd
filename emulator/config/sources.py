"""Load any source frontyard reads: its own YAML, CloudFormation / cdk.out, CloudFront JSON or Terraform, with the
local overlay file on top. Recognises the format by content; every format goes through the same loader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from emulator.config.engines import Engines
from emulator.config.importers import Format, Imported, detect, import_source, sam_build_template
from emulator.config.importers.located import flatten
from emulator.config.importers.result import Unfollowed, once
from emulator.config.loader import load_config, load_tree
from emulator.config.model import Config
from emulator.config.overlay import Overlay, apply_overlay, find_overlay, located, read_overlay
from emulator.config.reader import Report
from emulator.config.writer import relocate, to_yaml
from emulator.config.yamlsrc import dotted, parse_yaml, read_config_file
from emulator.errors import ConfigError
from emulator.issues import ConfigIssue, Location, Severity


def load_source(path: str | Path, engines: Engines, *, local: str | Path | None = None,
                parameters: Mapping[str, str] | None = None) -> Config:
    """Read, import, overlay and validate. Raises ConfigError listing every problem (and the format it read)."""
    path = Path(path)
    parameters = dict(parameters or {})
    if not path.exists():
        raise ConfigError(str(path), [ConfigIssue(Severity.ERROR, None, "", "no such file or folder")])
    if path.is_file():
        _, problem = read_config_file(path)  # not UTF-8 (located), UTF-16, binary, unreadable: one clear issue
        if problem is not None:
            raise ConfigError(str(path), [problem])
    fmt = detect(path)
    overlay_path = Path(local) if local is not None else find_overlay(path)
    if fmt is Format.FRONTYARD and overlay_path is None:
        return replace(load_config(path, engines), parameters=tuple(parameters.items()))
    overlay = read_overlay(overlay_path) if overlay_path is not None else None
    imported, base_dir = read_imported(path, fmt, {**(overlay.parameters if overlay else {}), **parameters})
    return finish(path, fmt, imported, base_dir, overlay, parameters, engines)


def as_yaml(path: str | Path, out: Path, engines: Engines, *, local: str | Path | None = None,
            parameters: Mapping[str, str] | None = None) -> str:
    """`frontyard import`: the source (checked first: raises ConfigError) as frontyard YAML for `out`."""
    path = Path(path)
    config = load_source(path, engines, local=local, parameters=parameters)
    fmt = detect(path)
    overlay = read_overlay(Path(config.local)) if config.local else None
    imported, base_dir = read_imported(path, fmt, {**(overlay.parameters if overlay else {}), **(parameters or {})})
    apply_overlay(overlay, imported, base_dir, engines)
    tree, smap, _, _ = flatten(imported.tree, str(path), imported.root)
    assert isinstance(tree, dict)
    relocate(tree, base_dir, out.parent, engines)
    _undefined_access_controls(tree, config)
    header = (f"frontyard configuration imported from {path} ({fmt})"
              + (f"\nwith the local overlay {config.local}" if config.local else "")
              + "\nRe-import after a change to the source, or edit this file instead of it.")
    return to_yaml(tree, smap, header)


def _undefined_access_controls(tree: dict[str, object], config: Config) -> None:
    """An OAC the source names and does not define (CloudFront JSON names it by id) written as what the import
    took it for, so the YAML, where an undefined one is an error, loads to the same model."""
    for d in config.distributions:
        for oac in (o.access_control for o in d.origins):
            if oac is not None and not oac.declared:
                controls = tree.setdefault("origin_access_controls", {})
                assert isinstance(controls, dict)
                controls.setdefault(oac.id, {"signing_behavior": oac.signing_behavior.value,
                                             "origin_type": oac.origin_type.value})


def read_imported(path: Path, fmt: Format, params: Mapping[str, str]) -> tuple[Imported, Path]:
    """The source as a located plain tree, before the overlay; and the folder its relative paths start from."""
    base_dir = path if path.is_dir() else path.parent
    if fmt is Format.CLOUDFORMATION and path.is_dir():  # a SAM project: its code paths start from the build folder
        base_dir = (sam_build_template(path) or path / "template.yaml").parent
    if fmt is not Format.FRONTYARD:
        return import_source(path, fmt, params), base_dir
    text = path.read_text(encoding="utf-8")
    tree, smap, issues = parse_yaml(text, str(path))
    root = Location(str(path), 1, 1)
    as_tree = located(tree if isinstance(tree, dict) else {}, smap, ()).v if tree is not None else {}
    return Imported(str(fmt), as_tree, issues, [path], root), base_dir  # type: ignore[arg-type]


def finish(path: Path, fmt: Format, imported: Imported, base_dir: Path, overlay: Overlay | None,
           parameters: Mapping[str, str], engines: Engines) -> Config:
    apply_overlay(overlay, imported, base_dir, engines)
    tree, smap, pending, dropped = flatten(imported.tree, str(path), imported.root)
    issues = once(list(dict.fromkeys([*imported.issues, *pending])))  # each missing input once, wherever used
    if fmt is not Format.FRONTYARD and not imported.failed and isinstance(tree, dict) \
            and not {"distribution", "distributions"} & set(tree):
        issues.append(ConfigIssue(Severity.ERROR, imported.root, "", f"no CloudFront distribution found in this "
                                  f"{fmt}", "an AWS::CloudFront::Distribution / aws_cloudfront_distribution"))
        issues = [replace(i, severity=Severity.ERROR) if isinstance(i, Unfollowed) else i for i in issues]
    report = Report(smap, base_dir.resolve(), issues, engines, imported=fmt is not Format.FRONTYARD)
    config = load_tree(tree, report) if not imported.failed or tree else None
    # A value the importer could not resolve is reported once, not again as missing from its mapping.
    twice = [(dotted(p[:-1]), f"'{p[-1]}'") for p in dropped if p]
    report.issues[:] = [i for i in report.issues if i.severity is Severity.WARNING or not any(
        i.field == field and key in i.message for field, key in twice)]
    label = str(path) if fmt is Format.FRONTYARD else f"{path} (read as a {fmt})"
    if config is None or any(i.severity is Severity.ERROR for i in report.issues):
        raise ConfigError(label, report.issues)
    warnings = tuple(i for i in report.issues if i.severity is Severity.WARNING)
    return replace(config, file=str(path), warnings=warnings, source_format=str(fmt),
                   source_files=tuple(f for f in imported.files if f != path),
                   local=str(overlay.file) if overlay else None, parameters=tuple(parameters.items()))
