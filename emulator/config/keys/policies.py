"""Keys of cache, origin request and response headers policies."""

from __future__ import annotations

from emulator.config.keys.base import _B, _I, _L, _M, _N, _S, Key

CACHE_POLICY: tuple[Key, ...] = (
    Key("min_ttl", _I, "1", "Seconds, the least an object stays cached.", "MinTTL", "MinTTL", "min_ttl"),
    Key("default_ttl", _I, "86400", "Seconds, when the origin sends no caching headers.", "DefaultTTL",
        "DefaultTTL", "default_ttl"),
    Key("max_ttl", _I, "31536000", "Seconds, the most an object stays cached.", "MaxTTL", "MaxTTL", "max_ttl"),
    Key("headers", "string or mapping", "none", "Headers in the cache key: `none`, or {behavior: whitelist, "
        "items: [...]}.", "HeadersConfig", "HeadersConfig", "headers_config"),
    Key("cookies", "string or mapping", "none", "`none`, `all`, or {behavior: whitelist | allExcept, items: "
        "[...]}.", "CookiesConfig", "CookiesConfig", "cookies_config"),
    Key("query_strings", "string or mapping", "none", "`none`, `all`, or {behavior: whitelist | allExcept, "
        "items: [...]}.", "QueryStringsConfig", "QueryStringsConfig", "query_strings_config"),
    Key("enable_accept_encoding_gzip", _B, "false", "Normalise Accept-Encoding into the key; allows gzip.",
        "EnableAcceptEncodingGzip", "EnableAcceptEncodingGzip", "enable_accept_encoding_gzip"),
    Key("enable_accept_encoding_brotli", _B, "false", "Normalise Accept-Encoding into the key; allows Brotli.",
        "EnableAcceptEncodingBrotli", "EnableAcceptEncodingBrotli", "enable_accept_encoding_brotli"),
    Key("comment", _S, "none", "Free text.", "Comment", "Comment", "comment"),
)

ORIGIN_REQUEST_POLICY: tuple[Key, ...] = (
    Key("headers", "string or mapping", "none", "`none`, `allViewer`, `allViewerAndWhitelistCloudFront`, "
        "`allExcept` or `whitelist`, with `items` where needed.", "HeadersConfig", "HeadersConfig",
        "headers_config"),
    Key("cookies", "string or mapping", "none", "`none`, `all`, `whitelist` or `allExcept`.", "CookiesConfig",
        "CookiesConfig", "cookies_config"),
    Key("query_strings", "string or mapping", "none", "`none`, `all`, `whitelist` or `allExcept`.",
        "QueryStringsConfig", "QueryStringsConfig", "query_strings_config"),
    Key("comment", _S, "none", "Free text.", "Comment", "Comment", "comment"),
)

POLICY_ITEMS: tuple[Key, ...] = (
    Key("behavior", _S, None, "Which items (required): the choices depend on the field.", "HeaderBehavior / "
        "CookieBehavior / QueryStringBehavior", "HeaderBehavior / CookieBehavior / QueryStringBehavior",
        "header_behavior / cookie_behavior / query_string_behavior"),
    Key("items", _L, "[]", "Names, at most 10 (required for `whitelist` and `allExcept`).", "Items", "Headers / "
        "Cookies / QueryStrings", "headers.items / cookies.items / query_strings.items"),
)

RESPONSE_HEADERS_POLICY: tuple[Key, ...] = (
    Key("comment", _S, "none", "Free text.", "Comment", "Comment", "comment"),
    Key("cors_config", _M, "none", "CORS headers, and preflights answered at the edge.", "CorsConfig",
        "CorsConfig", "cors_config"),
    Key("security_headers_config", _M, "none", "Security headers (see `security_headers_config`).",
        "SecurityHeadersConfig", "SecurityHeadersConfig", "security_headers_config"),
    Key("custom_headers_config", "list of mappings", "[]", "Headers added: {header, value, override}.",
        "CustomHeadersConfig", "CustomHeadersConfig", "custom_headers_config"),
    Key("remove_headers_config", _L, "[]", "Header names removed from responses.", "RemoveHeadersConfig",
        "RemoveHeadersConfig", "remove_headers_config"),
    Key("server_timing_headers_config", _M, "none", "The Server-Timing header: {enabled, sampling_rate}.",
        "ServerTimingHeadersConfig", "ServerTimingHeadersConfig", "server_timing_headers_config"),
)

SERVER_TIMING: tuple[Key, ...] = (
    Key("enabled", _B, None, "Add Server-Timing (required).", "Enabled", "Enabled", "enabled"),
    Key("sampling_rate", _N, "0", "Percent of requests, 0-100; `Pragma: server-timing` always gets it.",
        "SamplingRate", "SamplingRate", "sampling_rate"),
)

CORS: tuple[Key, ...] = (
    Key("access_control_allow_origins", _L, None, "Origins allowed (required); `*`, `*.example.org` and "
        "`http://localhost:*` forms.", "AccessControlAllowOrigins", "AccessControlAllowOrigins",
        "access_control_allow_origins"),
    Key("access_control_allow_headers", _L, None, "Request headers allowed, or [\"*\"] (required).",
        "AccessControlAllowHeaders", "AccessControlAllowHeaders", "access_control_allow_headers"),
    Key("access_control_allow_methods", _L, None, "Methods allowed, or [ALL] (required).",
        "AccessControlAllowMethods", "AccessControlAllowMethods", "access_control_allow_methods"),
    Key("access_control_allow_credentials", _B, None, "Access-Control-Allow-Credentials (required).",
        "AccessControlAllowCredentials", "AccessControlAllowCredentials", "access_control_allow_credentials"),
    Key("access_control_expose_headers", _L, "[]", "Access-Control-Expose-Headers.", "AccessControlExposeHeaders",
        "AccessControlExposeHeaders", "access_control_expose_headers"),
    Key("access_control_max_age_sec", _I, "none", "Access-Control-Max-Age on preflights.",
        "AccessControlMaxAgeSec", "AccessControlMaxAgeSec", "access_control_max_age_sec"),
    Key("origin_override", _B, None, "Replace the origin's CORS headers (required).", "OriginOverride",
        "OriginOverride", "origin_override"),
)

SECURITY_HEADERS: tuple[Key, ...] = (
    Key("content_security_policy", _M, "none", "{content_security_policy, override}.", "ContentSecurityPolicy",
        "ContentSecurityPolicy", "content_security_policy"),
    Key("content_type_options", _M, "none", "{override}: X-Content-Type-Options: nosniff.", "ContentTypeOptions",
        "ContentTypeOptions", "content_type_options"),
    Key("frame_options", _M, "none", "{frame_option: DENY | SAMEORIGIN, override}.", "FrameOptions",
        "FrameOptions", "frame_options"),
    Key("referrer_policy", _M, "none", "{referrer_policy, override}.", "ReferrerPolicy", "ReferrerPolicy",
        "referrer_policy"),
    Key("strict_transport_security", _M, "none", "{access_control_max_age_sec, include_subdomains, preload, "
        "override}.", "StrictTransportSecurity", "StrictTransportSecurity", "strict_transport_security"),
    Key("xss_protection", _M, "none", "{protection, mode_block, report_uri, override}.", "XSSProtection",
        "XSSProtection", "xss_protection"),
)

CSP: tuple[Key, ...] = (
    Key("content_security_policy", _S, None, "The policy's directives (required).", "ContentSecurityPolicy",
        "ContentSecurityPolicy", "content_security_policy"),
    Key("override", _B, None, "true: replace the origin's header; false: keep it (required).", "Override",
        "Override", "override"),
)
CONTENT_TYPE_OPTIONS: tuple[Key, ...] = (
    Key("override", _B, None, "true: replace the origin's header; false: keep it (required).", "Override",
        "Override", "override"),
)
FRAME_OPTIONS: tuple[Key, ...] = (
    Key("frame_option", _S, None, "`DENY` or `SAMEORIGIN` (required).", "FrameOption", "FrameOption",
        "frame_option"),
    Key("override", _B, None, "true: replace the origin's header; false: keep it (required).", "Override",
        "Override", "override"),
)
REFERRER_POLICY: tuple[Key, ...] = (
    Key("referrer_policy", _S, None, "A Referrer-Policy value, like same-origin (required).", "ReferrerPolicy",
        "ReferrerPolicy", "referrer_policy"),
    Key("override", _B, None, "true: replace the origin's header; false: keep it (required).", "Override",
        "Override", "override"),
)
HSTS: tuple[Key, ...] = (
    Key("access_control_max_age_sec", _I, None, "max-age in seconds (required).", "AccessControlMaxAgeSec",
        "AccessControlMaxAgeSec", "access_control_max_age_sec"),
    Key("include_subdomains", _B, "false", "Adds includeSubDomains.", "IncludeSubdomains", "IncludeSubdomains",
        "include_subdomains"),
    Key("preload", _B, "false", "Adds preload.", "Preload", "Preload", "preload"),
    Key("override", _B, None, "true: replace the origin's header; false: keep it (required).", "Override",
        "Override", "override"),
)
XSS_PROTECTION: tuple[Key, ...] = (
    Key("protection", _B, None, "1 or 0 (required).", "Protection", "Protection", "protection"),
    Key("mode_block", _B, "false", "Adds mode=block (needs protection).", "ModeBlock", "ModeBlock", "mode_block"),
    Key("report_uri", _S, "none", "Adds report=URI (needs protection; not with mode_block).", "ReportUri",
        "ReportUri", "report_uri"),
    Key("override", _B, None, "true: replace the origin's header; false: keep it (required).", "Override",
        "Override", "override"),
)
CUSTOM_HEADER: tuple[Key, ...] = (
    Key("header", _S, None, "The header name (required).", "Header", "Header", "header"),
    Key("value", _S, "\"\"", "Its value.", "Value", "Value", "value"),
    Key("override", _B, None, "true: replace the origin's header; false: keep it (required).", "Override",
        "Override", "override"),
)
