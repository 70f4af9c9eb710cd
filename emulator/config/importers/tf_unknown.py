"""Values only a deployment knows, where the local edge needs them and nowhere else; each reported once.

A distribution argument the local edge does not act on (a WAF web ACL, standard logging, the viewer certificate,
tags, the price class, ...) may be known only after `terraform apply`, or come from a variable nobody set: that is
a warning, and the argument is left out. Anywhere else (an origin's domain name, a function's code) it stays an
error. An input missing in several expressions is one error, at the first place it is needed.
"""

from __future__ import annotations

import re
from pathlib import Path

from emulator.config.importers.located import N
from emulator.config.importers.result import missing
from emulator.config.importers.tf_values import MissingInput, MissingValue, Unknown, UnknownValue
from emulator.issues import ConfigIssue, Location, Severity

# aws_cloudfront_distribution arguments the local edge reads and does not act on.
EDGE_IGNORES = ("web_acl_id", "logging_config", "viewer_certificate", "tags", "tags_all", "price_class",
                "comment", "http_version", "is_ipv6_enabled", "retain_on_delete", "wait_for_deployment",
                "staging", "continuous_deployment_policy_id", "anycast_ip_list_id")


def unknowns(value: object) -> list[UnknownValue]:
    """Every value-only-a-deployment-knows inside a located value."""
    if isinstance(value, N):
        value = value.v
    if isinstance(value, UnknownValue):
        return [value]
    if isinstance(value, dict):
        return [u for v in value.values() for u in unknowns(v)]
    if isinstance(value, list):
        return [u for v in value for u in unknowns(v)]
    return []


def first_unknown(values: object) -> Unknown | None:
    """Terraform: a function given an unknown value returns an unknown value; it is not the function's error."""
    found = unknowns(values)
    if not found:
        return None
    kind = MissingInput if isinstance(found[0], MissingValue) else Unknown
    return kind(found[0].location, found[0].message, found[0].expected, found[0].name, found[0].settable)


def impure(name: str, loc: Location) -> Unknown | None:
    """uuid() and timestamp(): Terraform's uuid page says it "produces a new value each time it is called"."""
    if name not in ("uuid", "timestamp"):
        return None
    return Unknown(loc, f"{name}() is a new value on every terraform run, known once applied",
                   "a literal value in its place (or `terraform show -json` of what was deployed)", f"{name}()",
                   settable=False)


def soften(distribution: N, issues: list[ConfigIssue]) -> None:
    """Arguments the edge ignores that hold an unknown value: left out, with a warning (once per input)."""
    if not isinstance(distribution.v, dict):
        return
    for key in EDGE_IGNORES:
        found = unknowns(distribution.v.get(key))
        if not found:
            continue
        del distribution.v[key]
        for u in {u.name: u for u in found}.values():
            issues.append(ConfigIssue(Severity.WARNING, u.location, key, f"{u.message}; the local edge does not use "
                                      f"{key}, so it is left out", u.expected))


def once_each(tree: object, issues: list[ConfigIssue]) -> None:
    """The same unknown input named by several expressions becomes one issue (equal objects: reported once)."""
    first: dict[tuple[str, Severity], UnknownValue] = {}

    def same(issue: UnknownValue) -> UnknownValue:
        return first.setdefault((issue.name, issue.severity), issue)

    def walk(value: object) -> None:
        if isinstance(value, N):
            if isinstance(value.v, UnknownValue):
                value.v = same(value.v)
            else:
                walk(value.v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    kept: list[ConfigIssue] = []
    for issue in issues:
        if isinstance(issue, UnknownValue):
            issue = same(issue)
        if issue not in kept:
            kept.append(issue)
    issues[:] = kept
    walk(tree)


def needed_inputs(tree: object, issues: list[ConfigIssue]) -> list[UnknownValue]:
    """Every input the import still needs, once each, in the order met: `name` is the --parameter (or overlay
    `parameters:`) key to give, `location` where it is needed, `expected` what to write. For
    `frontyard import --overlay-template` and the like."""
    out: dict[str, UnknownValue] = {}
    for u in [*unknowns(tree), *(i for i in issues if isinstance(i, UnknownValue))]:
        if u.severity is Severity.ERROR:
            out.setdefault(u.name, u)
    return list(out.values())


def describe(block: object) -> str:
    """ ` (TYPE: description)` of a variable block, as written, so an overlay entry says what to fill in."""
    parts: list[str] = []
    loc = getattr(block, "attr_locs", {}).get("type")
    if loc is not None:
        try:
            line = Path(loc.file).read_text(encoding="utf-8").splitlines()[loc.line - 1]
        except (OSError, UnicodeDecodeError, IndexError):
            line = ""
        written = line.split("=", 1)[-1].strip()
        parts.append(written if written.count("(") == written.count(")") and len(written) <= 60 else
                     written.split("(")[0] + "(...)")
    get = getattr(block, "attrs", {}).get("description")
    text = get().v if get is not None else None
    if isinstance(text, str) and text.strip():
        parts.append(f'"{text.strip()}"' if len(text) <= 100 else f'"{text.strip()[:97]}..."')
    return f" ({': '.join(parts)})" if parts else ""


def empty_defaults(tree: dict[str, object], defaulted: dict[str, tuple[object, Location]]) -> None:
    """An alias or an origin's domain name that is "" or null because it is a root variable's default (`variable
    "domain_name" { default = "" }`, a module meant to be given one): an input to give, named as such, rather than
    "'' is not a valid alternate domain name" -- CloudFront's API refuses an empty alias or origin domain, so
    the variable has to be set. `defaulted`: the root variables used at an empty default -> (value, where declared).
    """
    if not defaulted:
        return
    for dist in _distributions(tree):
        aliases = dist.v.get("aliases")
        for n in aliases.v if isinstance(aliases, N) and isinstance(aliases.v, list) else []:
            _ask(n, "the distribution's aliases need a domain name", defaulted)
        origins = dist.v.get("origins")
        for origin in origins.v if isinstance(origins, N) and isinstance(origins.v, list) else []:
            if isinstance(origin, N) and isinstance(origin.v, dict) and isinstance(origin.v.get("domain_name"), N):
                _ask(origin.v["domain_name"], "an origin's domain_name needs a name", defaulted)


def _distributions(tree: dict[str, object]) -> list[N]:
    found = [tree.get("distribution")]
    many = tree.get("distributions")
    found += many.v if isinstance(many, N) and isinstance(many.v, list) else many if isinstance(many, list) else []
    return [d for d in found if isinstance(d, N) and isinstance(d.v, dict)]


def _ask(n: object, need: str, defaulted: dict[str, tuple[object, Location]]) -> None:
    """The element written as `var.NAME` (read at its location in the file) becomes the input NAME to give."""
    if not isinstance(n, N) or n.v not in ("", None) or n.loc is None:
        return
    try:
        line = Path(n.loc.file).read_text(encoding="utf-8").splitlines()[n.loc.line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return
    for name in re.findall(r"\bvar\.([\w-]+)", line[max(n.loc.col - 1, 0):]):
        if name in defaulted:
            value, declared = defaulted[name]
            shown = '""' if value == "" else "null"
            n.v = missing(name, n.loc, f"var.{name} is {shown}, its default ({declared}), but {need}")
            return


__all__ = ["EDGE_IGNORES", "describe", "empty_defaults", "first_unknown", "impure", "needed_inputs", "once_each",
           "soften", "unknowns"]
