"""What every importer returns: frontyard's plain tree (values still located), its issues and the files read."""

from __future__ import annotations

from dataclasses import dataclass
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
