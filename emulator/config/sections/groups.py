"""Loading a distribution's origin groups (AWS: "Optimize high availability with CloudFront origin failover") and geo
restriction (restrictions.geo_restriction).

origin_groups:
  - id: site-group
    members: [primary-origin, secondary-origin]      # exactly two, primary first
    failover_criteria: {status_codes: [500, 502, 503, 504]}
restrictions:
  geo_restriction: {restriction_type: whitelist, locations: [US, CA]}
"""

from __future__ import annotations

import re

from emulator.config import keys as config_keys
from emulator.config.model import GeoRestriction, OriginGroup
from emulator.config.reader import Report, Section

FAILOVER_CODES = (400, 403, 404, 416, 500, 502, 503, 504)
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def load_origin_groups(r: Report, s: Section, origin_ids: set[str]) -> list[OriginGroup]:
    out: list[OriginGroup] = []
    seen: set[str] = set()
    for path, raw in s.items("origin_groups"):
        g = Section(r, path, raw)
        g.check_keys(config_keys.names(config_keys.ORIGIN_GROUP))
        group_id = g.str("id", required=True, expected="the id behaviors name in target_origin_id")
        if group_id is not None and (group_id in origin_ids or group_id in seen):
            r.error(g.at("id"), f"id '{group_id}' is already used by an origin or another group",
                    "ids unique across origins and origin groups")
        members = g.strs("members", expected="[primary origin id, secondary origin id]") or []
        if g.has("members") and len(members) != 2:
            r.error(g.at("members"), f"{len(members)} members; an origin group has exactly two (primary, secondary)")
        elif not g.has("members"):
            r.error(g.path, "missing required key 'members'", "[primary origin id, secondary origin id]")
        for i, m in enumerate(members):
            if m not in origin_ids:
                r.error(g.at("members") + (i,), f"no origin has id '{m}'",
                        f"one of: {', '.join(sorted(origin_ids)) or '(no origins defined)'}")
        if len(set(members)) != len(members):
            r.error(g.at("members"), "the primary and the secondary must be different origins")
        selection = g.str("selection_criteria", "default")
        if selection not in ("default", "media-quality-based"):
            r.error(g.at("selection_criteria"), f"'{selection}' is not a selection criteria",
                    "default | media-quality-based")
        elif selection == "media-quality-based":
            r.warn(g.at("selection_criteria"), "media-quality-based selection needs MediaPackage v2 origins; "
                   "frontyard fails over as with 'default'")
        codes = _status_codes(r, g)
        if group_id is None or len(members) != 2:
            continue
        seen.add(group_id)
        out.append(
            OriginGroup(
                id=group_id, primary=members[0], secondary=members[1], status_codes=tuple(codes), location=g.location
            )
        )
    return out


def _status_codes(r: Report, g: Section) -> list[int]:
    f = g.section("failover_criteria", required=True)
    if f is None:
        return []
    f.check_keys(config_keys.names(config_keys.FAILOVER_CRITERIA))
    raw = f.data.get("status_codes")
    expected = f"a list of: {', '.join(map(str, FAILOVER_CODES))}"
    if not isinstance(raw, list) or not raw:
        r.error(f.at("status_codes") if f.has("status_codes") else f.path,
                "status_codes must be a non-empty list" if f.has("status_codes") else
                "missing required key 'status_codes'", expected)
        return []
    codes: list[int] = []
    for i, code in enumerate(raw):
        if isinstance(code, bool) or not isinstance(code, int) or code not in FAILOVER_CODES:
            r.error(f.at("status_codes") + (i,), f"{code!r} is not a failover status code", expected)
        else:
            codes.append(code)
    return codes


def load_geo_restriction(r: Report, s: Section) -> GeoRestriction | None:
    restrictions = s.section("restrictions")
    if restrictions is None:
        return None
    restrictions.check_keys(config_keys.names(config_keys.RESTRICTIONS))
    g = restrictions.section("geo_restriction", required=True)
    if g is None:
        return None
    g.check_keys(config_keys.names(config_keys.GEO_RESTRICTION))
    kind = g.str("restriction_type", required=True, expected="none | whitelist | blacklist")
    if kind not in (None, "none", "whitelist", "blacklist"):
        r.error(g.at("restriction_type"), f"'{kind}' is not a restriction type", "none | whitelist | blacklist")
        return None
    locations = g.strs("locations") or []
    for i, code in enumerate(locations):
        if not _COUNTRY.match(code):
            r.error(g.at("locations") + (i,), f"'{code}' is not an ISO 3166-1 alpha-2 country code",
                    "two upper-case letters, like US or DE")
    if kind in ("whitelist", "blacklist") and not locations:
        r.error(g.path, f"a {kind} needs locations", "locations: [US, CA, ...]")
    if kind == "none" and locations:
        r.error(g.at("locations"), "restriction_type none takes no locations")
    if kind in (None, "none"):
        return None
    return GeoRestriction(restriction_type=kind, locations=frozenset(locations), location=g.location)
