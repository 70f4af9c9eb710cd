"""`frontyard import SOURCE --overlay-template`: a ready-to-fill `frontyard.local.yaml` for an imported source.

It lists every input the source still needs (each `Missing` an importer reports, once: a parameter without a
default, a value known only once deployed that the edge uses), every origin to map (its id, with the imported
domain name as a comment and the mock / resolve choices commented out), and the Lambda@Edge code and KeyValueStore
data that live only in AWS. An input left empty stays missing, so `frontyard serve SOURCE` says what is still to
fill rather than running with an empty value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from emulator.config.importers import Format, detect
from emulator.config.importers.located import N, flatten
from emulator.config.importers.result import Missing, Pending, once
from emulator.config.overlay import OVERLAY_NAME, find_overlay, origins_of, read_overlay
from emulator.config.sources import read_imported
from emulator.errors import ConfigError
from emulator.issues import ConfigIssue, Location, Severity


def overlay_template(path: str | Path, *, local: str | Path | None = None,
                     parameters: Mapping[str, str] | None = None) -> str:
    """The overlay text for `path`, starting from the overlay already there (its parameters count as given).
    Raises ConfigError when the source is no imported format or cannot be read at all."""
    path = Path(path)
    if not path.exists():
        raise ConfigError(str(path), [ConfigIssue(Severity.ERROR, None, "", "no such file or folder")])
    fmt = detect(path)
    if fmt is Format.FRONTYARD:
        raise ConfigError(str(path), [ConfigIssue(Severity.ERROR, Location(str(path), 0, 0), "",
                                                  "frontyard YAML needs no overlay: write the local wiring in it",
                                                  "a CloudFormation template, cdk.out, CloudFront JSON or Terraform")])
    overlay_path = Path(local) if local is not None else find_overlay(path)
    overlay = read_overlay(overlay_path) if overlay_path is not None else None
    given = {**(overlay.parameters if overlay else {}), **(parameters or {})}
    imported, _ = read_imported(path, fmt, given)
    _, _, pending, _ = flatten(imported.tree, str(path), imported.root)
    issues = once([*imported.issues, *pending])
    broken = [i for i in issues if i.severity is Severity.ERROR and (not isinstance(i, Missing | Pending) or
                                                                    _no_parameter(i))]
    if broken:  # a template mistake: no overlay line mends it
        raise ConfigError(f"{path} (read as a {fmt})", broken)
    lines = [f"# {OVERLAY_NAME} for {path.resolve().name} ({fmt}): fill it in, then run `frontyard serve {path}`.",
             "# An entry left empty is still missing; paths are relative to this file.", ""]
    needed = [i for i in issues if isinstance(i, Missing)]
    lines += _parameters(needed, given)
    lines += _origins(imported.tree, bool(needed))
    lines += _pending([i for i in issues if isinstance(i, Pending)])
    return "\n".join(lines).rstrip() + "\n"


def _no_parameter(issue: ConfigIssue) -> bool:
    """What no parameter gives (a module `terraform init` has not downloaded, uuid() where the edge needs it):
    said as the error it is, not listed as an entry to fill."""
    return isinstance(issue, Missing) and not issue.settable


def _scalar(text: str) -> str:
    """A YAML key or value as written: plain when safe, else JSON-quoted (JSON strings are YAML)."""
    plain = text and text[0].isalnum() and all(c.isalnum() or c in "._-/:" for c in text) and ": " not in text
    return text if plain and not text.endswith(":") else json.dumps(text)


def _parameters(missing: list[Missing], given: Mapping[str, str]) -> list[str]:
    if not missing and not given:
        return []
    out = ["parameters:"]
    for name, value in given.items():
        out.append(f"  {_scalar(name)}: {_scalar(value)}")
    for issue in missing:
        out.append(f"  # {issue.what or issue.message} ({issue.location})")
        out.append(f"  {_scalar(issue.name)}:")
    return [*out, ""]


def _origins(tree: dict[str, object], inputs_missing: bool) -> list[str]:
    origins = origins_of(tree)
    if not origins:
        return []
    out = ["origins:                  # by origin id; uncomment one way to reach each origin on this machine"]
    if inputs_missing:  # an origin id may be built from an input not given yet (`"S3-${var.domain}"`)
        out.append("  # an origin id may change once the parameters above are given: run --overlay-template again")
    for origin in origins:
        origin_id, domain = origin.get("id"), origin.get("domain_name")
        if not (isinstance(origin_id, N) and isinstance(origin_id.v, str)):
            where = origin_id.loc if isinstance(origin_id, N) else None
            out.append(f"  # an origin whose id needs an input above ({where}): listed once the parameters are given")
            continue
        name = str(origin_id.v)
        shown = domain.v if isinstance(domain, N) and isinstance(domain.v, str) else "(known only once deployed)"
        out.append(f"  # origin '{name}', imported domain {shown}")
        out.append(f"  {_scalar(name)}:")
        out.append("    # mock: {type: s3-website, root: ./dist}   # answer from local files (or type: echo, s3)")
        out.append("    # resolve: 127.0.0.1:8000                   # send it to a server on this machine")
        if not (isinstance(domain, N) and isinstance(domain.v, str)):
            out.append("    # domain_name: api.internal               # the name to send, beside resolve")
    return [*out, '# unmapped_origins: "502"   # an origin left unmapped answers 502 instead of its real name', ""]


def _pending(pending: list[Pending]) -> list[str]:
    stores = [p for p in pending if p.store]
    code = [p for p in pending if not p.store]
    out: list[str] = []
    if stores:  # written commented out: an uncommented key with no entries would be an empty mapping
        out.append("# key_value_stores:       # each KeyValueStore's data, as a local JSON file")
        out += [f"#   {_scalar(p.store)}: ./{p.store}.json   # {p.message} ({p.location})" for p in stores]
    for p in code:
        out.append(f"# {p.message} ({p.location})")
        out.append(f"#   {p.expected}")
    return out
