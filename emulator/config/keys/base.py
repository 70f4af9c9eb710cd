"""The shape of a key table: `Key`, `Table`, and what a loader asks of one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Key:
    name: str
    type: str
    default: str | None
    doc: str
    cloudfront: str = ""
    cloudformation: str = ""
    terraform: str = ""
    ignored: str = ""  # non-empty: accepted with a warning, for this reason


@dataclass(frozen=True, slots=True)
class Table:
    """One section of the configuration, for the reference: where it sits and what it is."""

    path: str
    title: str
    doc: str
    keys: tuple[Key, ...]


def names(table: tuple[Key, ...]) -> tuple[str, ...]:
    """The keys a section accepts (what `Section.check_keys` is given)."""
    return tuple(k.name for k in table if not k.ignored)


def ignored(table: tuple[Key, ...]) -> dict[str, str]:
    """CloudFront fields a section reads and does not emulate: name -> why (a warning, not an error)."""
    return {k.name: k.ignored for k in table if k.ignored}


_S = "string"
_I = "integer"
_N = "number"
_B = "boolean"
_L = "list of strings"
_M = "mapping"
