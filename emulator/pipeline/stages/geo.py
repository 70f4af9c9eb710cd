"""Geo restriction (stage 4): an allowlist or a blocklist of viewer countries -> CloudFront's 403. Pure.

The viewer's country is `emulator.viewer.country` (US unless configured), or per request the
`X-Frontyard-Viewer-Country` header, the same value the CloudFront-Viewer-Country header carries.
"""

from __future__ import annotations

from collections.abc import Mapping

from emulator.config.model import GeoRestriction
from emulator.decisions import EdgeError
from emulator.http import ViewerRequest
from emulator.policies.cloudfront_headers import OVERRIDE_PREFIX

REASON_GEO = "The Amazon CloudFront distribution is configured to block access from your country."


def viewer_country(request: ViewerRequest, geo: Mapping[str, str]) -> str:
    return (request.headers.get(OVERRIDE_PREFIX + "country") or geo.get("country", "")).strip().upper()


def check_geo(restriction: GeoRestriction, country: str) -> EdgeError | None:
    listed = country in restriction.locations
    if restriction.restriction_type == "whitelist" and not listed:
        return EdgeError(403, REASON_GEO, "ClientGeoBlocked",
                         f"viewer country '{country}' is not in the geo restriction allowlist "
                         f"[{', '.join(sorted(restriction.locations))}]")
    if restriction.restriction_type == "blacklist" and listed:
        return EdgeError(403, REASON_GEO, "ClientGeoBlocked",
                         f"viewer country '{country}' is in the geo restriction blocklist")
    return None
