"""Values of the CloudFront-* request headers (AWS: "Add CloudFront request headers"), derived from the viewer.

Geolocation comes from `emulator.viewer` in the config, and a test or a developer can pretend to be
elsewhere per request with `X-Frontyard-Viewer-<Field>` headers (e.g. X-Frontyard-Viewer-Country: DE),
which the edge consumes and never forwards.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote

from emulator.http import HeaderPairs, Scheme, ViewerRequest

OVERRIDE_PREFIX = "x-frontyard-viewer-"

# CloudFront-Viewer-* geo header -> the emulator.viewer key (and the override header suffix).
GEO_FIELDS = {
    "CloudFront-Viewer-Country": "country",
    "CloudFront-Viewer-Country-Name": "country-name",
    "CloudFront-Viewer-Country-Region": "country-region",
    "CloudFront-Viewer-Country-Region-Name": "country-region-name",
    "CloudFront-Viewer-City": "city",
    "CloudFront-Viewer-Postal-Code": "postal-code",
    "CloudFront-Viewer-Time-Zone": "time-zone",
    "CloudFront-Viewer-Latitude": "latitude",
    "CloudFront-Viewer-Longitude": "longitude",
    "CloudFront-Viewer-Metro-Code": "metro-code",
    "CloudFront-Viewer-ASN": "asn",
}
DEFAULT_GEO: Mapping[str, str] = {
    "country": "US", "country-name": "United States", "country-region": "WA", "country-region-name": "Washington",
    "city": "Seattle", "postal-code": "98101", "time-zone": "America/Los_Angeles", "latitude": "47.60620",
    "longitude": "-122.33210", "metro-code": "819", "asn": "16509",
}

_ANDROID = re.compile(r"Android", re.I)
_IOS = re.compile(r"iPhone|iPad|iPod", re.I)
_TABLET = re.compile(r"iPad|Tablet|Kindle|Silk|PlayBook|(Android(?!.*Mobile))", re.I)
_MOBILE = re.compile(r"Mobile|iPhone|iPod|Android.*Mobile|Windows Phone|BlackBerry|Opera Mini", re.I)
_SMART_TV = re.compile(r"SmartTV|SMART-TV|Smart TV|AppleTV|GoogleTV|CrKey|Roku|Tizen.*TV|Web0S|HbbTV|BRAVIA", re.I)


def device_flags(user_agent: str) -> dict[str, bool]:
    tablet = bool(_TABLET.search(user_agent))
    mobile = bool(_MOBILE.search(user_agent)) and not tablet
    smart_tv = bool(_SMART_TV.search(user_agent))
    return {
        "CloudFront-Is-Android-Viewer": bool(_ANDROID.search(user_agent)),
        "CloudFront-Is-IOS-Viewer": bool(_IOS.search(user_agent)),
        "CloudFront-Is-Mobile-Viewer": mobile,
        "CloudFront-Is-Tablet-Viewer": tablet,
        "CloudFront-Is-SmartTV-Viewer": smart_tv,
        "CloudFront-Is-Desktop-Viewer": not (mobile or tablet or smart_tv),
    }


def cloudfront_headers(names: tuple[str, ...], request: ViewerRequest,
                       geo: Mapping[str, str]) -> HeaderPairs:
    """The CloudFront-* headers a behavior's policies ask for, computed once per request from the viewer as it
    arrived (overrides included), before any function changes the request."""
    return tuple((n, v) for n in names if (v := cloudfront_header(n, request, geo)) is not None)


def _viewer_header_names(request: ViewerRequest) -> list[str]:
    """Every header name as the viewer sent it, repeats included (iterating a multidict skips repeats)."""
    return [n for n, _ in request.headers.items() if not n.lower().startswith(OVERRIDE_PREFIX)]


def cloudfront_header(name: str, request: ViewerRequest, geo: Mapping[str, str]) -> str | None:
    """The value CloudFront would send for one CloudFront-* header, or None when it would have none."""
    if name == "CloudFront-Forwarded-Proto":
        return request.scheme.value
    if name == "CloudFront-Viewer-Http-Version":
        return request.http_version
    if name == "CloudFront-Viewer-Address":
        return f"{request.client_ip}:{request.client_port}"  # IP:source port, IPv6 unbracketed
    if name == "CloudFront-Viewer-Header-Order":  # the viewer's header names as sent, colon-separated
        return ":".join(_viewer_header_names(request)) or None
    if name == "CloudFront-Viewer-Header-Count":
        return str(len(_viewer_header_names(request)))
    if name == "CloudFront-Viewer-TLS":
        return request.tls if request.scheme is Scheme.HTTPS and request.tls else None
    if name.startswith("CloudFront-Is-"):
        return "true" if device_flags(request.headers.get("User-Agent", ""))[name] else "false"
    field = GEO_FIELDS.get(name)
    if field is None:
        return None
    value = request.headers.get(OVERRIDE_PREFIX + field) or geo.get(field)
    return quote(value, safe=" -_.,:/()'") if value else None  # non-ASCII percent-encoded, as CloudFront does
