"""What every importer returns: frontyard's plain tree (values still located), its issues and the files read."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, replace
from pathlib import Path

from emulator.config.importers.located import N
from emulator.issues import ConfigIssue, Location, Severity


@dataclass
class Imported:
    format: str  # "CloudFormation template", "CloudFront JSON", "Terraform module", ...: said in messages
    tree: dict[str, object]  # frontyard's plain tree; values may be N (located) or an N holding a ConfigIssue
    issues: list[ConfigIssue]  # the importer's own: syntax, intrinsics, unsupported resources
    files: list[Path]  # every file read (watched by --watch)
    root: Location

    @property
    def failed(self) -> bool:
        return any(i.severity is Severity.ERROR for i in self.issues)


@dataclass(frozen=True)
class Pending(ConfigIssue):
    """A value only the local overlay (or --parameter) can give: an error unless something replaces it."""

    store: str = ""  # the KeyValueStore whose local data file the overlay names


def kvs_needs_data(store: str, loc: Location | None) -> N:
    return N(Pending(Severity.ERROR, loc, "", f"KeyValueStore '{store}': its data lives in AWS",
                     f"a local JSON file for it in the overlay file: key_value_stores: {{{store}: ./{store}.json}}",
                     store), loc)


def pending_store(n: object) -> str | None:
    """The KeyValueStore name a kvs_needs_data marker waits for."""
    return n.v.store if isinstance(n, N) and isinstance(n.v, Pending) else None


def orp_without_cache_policy(loc: Location | None) -> N:
    """A behavior of a deployed source with an origin request policy and no cache policy (nor legacy settings):
    AWS "Create origin request policies": "You cannot use an origin request policy in a cache behavior without a
    cache policy." (In frontyard's own YAML an omitted cache_policy is the console's default; here it is none.)"""
    return N(ConfigIssue(Severity.ERROR, loc, "", "an origin request policy needs a cache policy on the same "
                         "behavior: CloudFront refuses this one",
                         "a cache policy id beside the origin request policy (Managed-CachingOptimized: "
                         "658327ea-f89d-4fab-a63d-7e88639e58f6)"), loc)


@dataclass(frozen=True)
class Missing(ConfigIssue):
    """An input only the user can give: a parameter or variable without a default, or a value known only once
    deployed. `name` is what `--parameter NAME=VALUE` (or the overlay's `parameters:`) supplies, the location is
    where the value is used, `expected` the line to add. Every importer reports what it lacks this way, so each
    input is reported once (`once`) and `frontyard import --overlay-template` lists them all."""

    name: str = ""
    what: str = ""  # the message without the line to add: what is missing, and why
    settable: bool = True  # False: no --parameter gives it (a module `terraform init` has not downloaded, uuid())


@dataclass(frozen=True)
class Unfollowed(ConfigIssue):
    """A nested stack whose template is not on this machine. A warning while nothing the edge uses comes from it
    (stacks that only consume the distribution's outputs); an error when an output of it is needed, or when no
    distribution is found (it may be inside)."""


def parameter_line(name: str) -> str:
    """`--parameter NAME=...` as a shell takes it."""
    return f"--parameter {shlex.quote(name + '=...')}" if re.search(r"[^\w.:/-]", name) else f"--parameter {name}=..."


def missing(name: str, loc: Location | None, what: str) -> Missing:
    return Missing(Severity.ERROR, loc, "", f"{what}: add {parameter_line(name)}",
                   f"{parameter_line(name)} on the command line, or in the local overlay file: "
                   f"parameters: {{{name}: ...}}", name, what)


def once(issues: list[ConfigIssue]) -> list[ConfigIssue]:
    """Each missing input reported once, where it is first used, naming how many other places use it too."""
    first: dict[str, int] = {}
    others: dict[str, list[Location | None]] = {}
    out: list[ConfigIssue] = []
    for issue in issues:
        if not isinstance(issue, Missing) or issue.severity is not Severity.ERROR:
            out.append(issue)
        elif issue.name in first:
            others[issue.name].append(issue.location)
        else:
            first[issue.name], others[issue.name] = len(out), []
            out.append(issue)
    for name, index in first.items():
        if more := [str(loc) for loc in dict.fromkeys(others[name]) if loc != out[index].location]:
            shown = ", ".join(more[:3]) + (f" and {len(more) - 3} more" if len(more) > 3 else "")
            out[index] = replace(out[index], message=f"{out[index].message} (also used at {shown})")
    return out
