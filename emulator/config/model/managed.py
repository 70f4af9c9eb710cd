"""AWS managed cache policies and origin request policies, as data (AWS: "Use managed cache policies", "Use managed
origin request policies")."""

from __future__ import annotations

from emulator.config.model.policies import CachePolicy, ItemBehavior, ItemSet, OriginRequestPolicy

_YEAR = 31536000
_ALL = ItemSet(behavior=ItemBehavior.ALL)
_ALL_VIEWER = ItemSet(behavior=ItemBehavior.ALL_VIEWER)


def _wl(*names: str, lower: bool = True) -> ItemSet:
    return ItemSet(behavior=ItemBehavior.WHITELIST, items=tuple(n.lower() if lower else n for n in names))


_METHOD_OVERRIDES = ("Host", "Origin", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")

CACHE_POLICIES: tuple[CachePolicy, ...] = (
    CachePolicy(
        name="Managed-CachingOptimized",
        id="658327ea-f89d-4fab-a63d-7e88639e58f6",
        min_ttl=1,
        default_ttl=86400,
        max_ttl=_YEAR,
        gzip=True,
        brotli=True,
        managed=True,
    ),
    CachePolicy(
        name="Managed-CachingOptimizedForUncompressedObjects",
        id="b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
        min_ttl=1,
        default_ttl=86400,
        max_ttl=_YEAR,
        managed=True,
    ),
    CachePolicy(
        name="Managed-CachingDisabled",
        id="4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
        min_ttl=0,
        default_ttl=0,
        max_ttl=0,
        managed=True,
    ),
    CachePolicy(
        name="Managed-UseOriginCacheControlHeaders",
        id="83da9c7e-98b4-4e11-a168-04f0df8e2c65",
        min_ttl=0,
        default_ttl=0,
        max_ttl=_YEAR,
        headers=_wl(*_METHOD_OVERRIDES),
        cookies=_ALL,
        gzip=True,
        brotli=True,
        managed=True,
    ),
    CachePolicy(
        name="Managed-UseOriginCacheControlHeaders-QueryStrings",
        id="4cc15a8a-d715-48a4-82b8-cc0b614638fe",
        min_ttl=0,
        default_ttl=0,
        max_ttl=_YEAR,
        headers=_wl(*_METHOD_OVERRIDES),
        cookies=_ALL,
        query_strings=_ALL,
        gzip=True,
        brotli=True,
        managed=True,
    ),
    CachePolicy(
        name="Managed-Elemental-MediaPackage",
        id="08627262-05a9-4f76-9ded-b50ca2e3a84f",
        min_ttl=0,
        default_ttl=86400,
        max_ttl=_YEAR,
        headers=_wl("Origin"),
        query_strings=_wl("aws.manifestfilter", "start", "end", "m", lower=False),
        gzip=True,
        managed=True,
    ),
    CachePolicy(
        name="Managed-Amplify",
        id="2e54312d-136d-493c-8eb9-b001f22f67d2",
        min_ttl=2,
        default_ttl=2,
        max_ttl=600,
        headers=_wl("Authorization", "CloudFront-Viewer-Country", "Host"),
        cookies=_ALL,
        query_strings=_ALL,
        gzip=True,
        brotli=True,
        managed=True,
    ),
)

CLOUDFRONT_VIEWER_HEADERS = (
    "CloudFront-Forwarded-Proto", "CloudFront-Is-Android-Viewer", "CloudFront-Is-Desktop-Viewer",
    "CloudFront-Is-IOS-Viewer", "CloudFront-Is-Mobile-Viewer", "CloudFront-Is-SmartTV-Viewer",
    "CloudFront-Is-Tablet-Viewer", "CloudFront-Viewer-Address", "CloudFront-Viewer-ASN", "CloudFront-Viewer-City",
    "CloudFront-Viewer-Country", "CloudFront-Viewer-Country-Name", "CloudFront-Viewer-Country-Region",
    "CloudFront-Viewer-Country-Region-Name", "CloudFront-Viewer-Http-Version", "CloudFront-Viewer-Latitude",
    "CloudFront-Viewer-Longitude", "CloudFront-Viewer-Metro-Code", "CloudFront-Viewer-Postal-Code",
    "CloudFront-Viewer-Time-Zone", "CloudFront-Viewer-TLS",
)

# CloudFront headers only an origin request policy can ask for (they are not in any managed policy here).
# The JA3 fingerprint is accepted but never sent: the edge does not fingerprint TLS handshakes.
ORP_ONLY_CLOUDFRONT_HEADERS = (
    "CloudFront-Viewer-Header-Order", "CloudFront-Viewer-Header-Count", "CloudFront-Viewer-JA3-Fingerprint",
)

ORIGIN_REQUEST_POLICIES: tuple[OriginRequestPolicy, ...] = (
    OriginRequestPolicy(
        name="Managed-AllViewer",
        id="216adef6-5c7f-47e4-b989-5492eafa07d3",
        headers=_ALL_VIEWER,
        cookies=_ALL,
        query_strings=_ALL,
        managed=True,
    ),
    OriginRequestPolicy(
        name="Managed-AllViewerAndCloudFrontHeaders-2022-06",
        id="33f36d7e-f396-46d9-90e0-52428a34d9dc",
        headers=ItemSet(
            behavior=ItemBehavior.ALL_VIEWER_AND_CLOUDFRONT, items=tuple(h.lower() for h in CLOUDFRONT_VIEWER_HEADERS)
        ),
        cookies=_ALL,
        query_strings=_ALL,
        managed=True,
    ),
    # The settings list says "all viewer headers except Host"; that is what we model (AWS: "Use managed origin request
    # policies").
    OriginRequestPolicy(
        name="Managed-AllViewerExceptHostHeader",
        id="b689b0a8-53d0-40ab-baf2-68738e2966ac",
        headers=ItemSet(behavior=ItemBehavior.ALL_EXCEPT, items=("host",)),
        cookies=_ALL,
        query_strings=_ALL,
        managed=True,
    ),
    OriginRequestPolicy(
        name="Managed-CORS-CustomOrigin", id="59781a5b-3903-41f3-afcb-af62929ccde1", headers=_wl("Origin"), managed=True
    ),
    OriginRequestPolicy(
        name="Managed-CORS-S3Origin",
        id="88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
        headers=_wl("Origin", "Access-Control-Request-Headers", "Access-Control-Request-Method"),
        managed=True,
    ),
    OriginRequestPolicy(
        name="Managed-Elemental-MediaTailor-PersonalizedManifests",
        id="775133bc-15f2-49f9-abea-afb2e0bf67d2",
        headers=_wl(
            "Origin", "Access-Control-Request-Headers", "Access-Control-Request-Method", "User-Agent", "X-Forwarded-For"
        ),
        query_strings=_ALL,
        managed=True,
    ),
    OriginRequestPolicy(
        name="Managed-HostHeaderOnly", id="bf0718e1-ba1e-49d1-88b1-f726733018ae", headers=_wl("Host"), managed=True
    ),
    OriginRequestPolicy(
        name="Managed-UserAgentRefererHeaders",
        id="acba4595-bd28-49b8-b9fe-13317c0390fa",
        headers=_wl("User-Agent", "Referer"),
        managed=True,
    ),
)
