"""Every key the configuration accepts, section by section: the loaders check keys against these tables and the
documentation's configuration reference is generated from them, so the two cannot disagree.

A table is a tuple of `Key`s in the order the loader lists them (error messages name them in that order). A key
with `ignored` set is a CloudFront field frontyard reads and does not emulate: accepted with a warning giving that
reason. `cloudfront`, `cloudformation` and `terraform` name the same field in CloudFront's API
(DistributionConfig and friends), in an `AWS::CloudFront::*` resource and in the AWS Terraform provider.
"""

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

TOP: tuple[Key, ...] = (
    Key("distribution", _M, None, "One distribution (see `distribution`).", "DistributionConfig",
        "AWS::CloudFront::Distribution", "aws_cloudfront_distribution"),
    Key("distributions", "list of mappings", None, "Several distributions, each with an `id`; a request goes to "
        "the one whose `domain_name` or alias is its Host. Give either this or `distribution`.",
        "DistributionConfig", "AWS::CloudFront::Distribution", "aws_cloudfront_distribution"),
    Key("functions", _M, None, "CloudFront Functions by name (see `functions.NAME`).", "FunctionConfig",
        "AWS::CloudFront::Function", "aws_cloudfront_function"),
    Key("emulator", _M, None, "frontyard's own settings (see `emulator`)."),
    Key("cache_policies", _M, None, "Custom cache policies by name (see `cache_policies.NAME`).",
        "CachePolicyConfig", "AWS::CloudFront::CachePolicy", "aws_cloudfront_cache_policy"),
    Key("origin_request_policies", _M, None, "Custom origin request policies by name.", "OriginRequestPolicyConfig",
        "AWS::CloudFront::OriginRequestPolicy", "aws_cloudfront_origin_request_policy"),
    Key("key_groups", _M, None, "Key groups for signed URLs and cookies, by name.", "KeyGroupConfig",
        "AWS::CloudFront::KeyGroup", "aws_cloudfront_key_group"),
    Key("response_headers_policies", _M, None, "Custom response headers policies by name.",
        "ResponseHeadersPolicyConfig", "AWS::CloudFront::ResponseHeadersPolicy",
        "aws_cloudfront_response_headers_policy"),
    Key("lambda_functions", _M, None, "Lambda@Edge functions by name (see `lambda_functions.NAME`).", "",
        "AWS::Lambda::Function", "aws_lambda_function"),
)

DISTRIBUTION: tuple[Key, ...] = (
    Key("id", _S, "default", "The distribution's id (the second and later of `distributions` default to dist2, "
        "dist3, ...).", "Id", "", "id"),
    Key("domain_name", _S, "derived from the id", "Its CloudFront domain, like d111111abcdef8.cloudfront.net; a "
        "stable fake name is derived from the id.", "DomainName", "DomainName (attribute)", "domain_name"),
    Key("aliases", _L, "[]", "Host names the distribution answers; `*.example.com` covers exactly one more label.",
        "Aliases", "Aliases", "aliases"),
    Key("default_root_object", _S, "none", "Served for exactly `/`, never for sub-folders; must not start with "
        "`/`.", "DefaultRootObject", "DefaultRootObject", "default_root_object"),
    Key("origins", "list of mappings", None, "The origins (required; see `distribution.origins[]`).", "Origins",
        "Origins", "origin"),
    Key("default_cache_behavior", _M, None, "The behavior for every path no other behavior matches (required).",
        "DefaultCacheBehavior", "DefaultCacheBehavior", "default_cache_behavior"),
    Key("cache_behaviors", "list of mappings", "[]", "Behaviors with a `path_pattern`, evaluated in order; the "
        "first match wins, the default last.", "CacheBehaviors", "CacheBehaviors", "ordered_cache_behavior"),
    Key("custom_error_responses", "list of mappings", "[]", "Error pages and error caching TTLs; they apply to "
        "every behavior of the distribution.", "CustomErrorResponses", "CustomErrorResponses",
        "custom_error_response"),
    Key("comment", _S, "none", "Free text.", "Comment", "Comment", "comment"),
    Key("origin_groups", "list of mappings", "[]", "Primary/secondary origin pairs with failover; behaviors name "
        "a group in `target_origin_id`.", "OriginGroups", "OriginGroups", "origin_group"),
    Key("restrictions", _M, "none", "Geographic restriction (see `restrictions`).", "Restrictions", "Restrictions",
        "restrictions"),
    Key("enabled", _B, None, "Whether CloudFront serves the distribution.", "Enabled", "Enabled", "enabled",
        ignored="a local distribution is always enabled"),
    Key("price_class", _S, None, "Which edge locations serve it.", "PriceClass", "PriceClass", "price_class",
        ignored="there is one local edge location"),
    Key("http_version", _S, None, "HTTP versions viewers may use.", "HttpVersion", "HttpVersion", "http_version",
        ignored="viewers speak HTTP/1.1 to the emulator"),
    Key("is_ipv6_enabled", _B, None, "IPv6 for viewers.", "IsIPV6Enabled", "IPV6Enabled", "is_ipv6_enabled",
        ignored="the listen address decides"),
    Key("logging", _M, None, "Standard logging to S3.", "Logging", "Logging", "logging_config",
        ignored="frontyard writes its own access log"),
    Key("viewer_certificate", _M, None, "The viewer-facing certificate.", "ViewerCertificate", "ViewerCertificate",
        "viewer_certificate", ignored="the local CA issues the viewer certificate"),
    Key("web_acl_id", _S, None, "An AWS WAF web ACL.", "WebACLId", "WebACLId", "web_acl_id",
        ignored="AWS WAF is not emulated"),
    Key("continuous_deployment_policy_id", _S, None, "Continuous deployment.", "ContinuousDeploymentPolicyId",
        "ContinuousDeploymentPolicyId", "continuous_deployment_policy_id",
        ignored="continuous deployment is not emulated"),
    Key("staging", _B, None, "Whether this is a staging distribution.", "Staging", "Staging", "staging",
        ignored="continuous deployment is not emulated"),
)

ORIGIN: tuple[Key, ...] = (
    Key("id", _S, None, "The id behaviors name in `target_origin_id` (required, unique).", "Id", "Id", "origin_id"),
    Key("domain_name", _S, None, "The origin's DNS name: what goes in Host and SNI and what its certificate must "
        "cover (required).", "DomainName", "DomainName", "domain_name"),
    Key("origin_path", _S, "\"\"", "Prepended to the request path; starts with `/`, no trailing `/`.", "OriginPath",
        "OriginPath", "origin_path"),
    Key("custom_headers", "mapping of header to value", "{}", "Headers added to every origin request, "
        "overwriting the viewer's; CloudFront's forbidden names are refused; at most 30.", "CustomHeaders",
        "OriginCustomHeaders", "custom_header"),
    Key("connection_attempts", _I, "3", "Connection attempts, 1-3.", "ConnectionAttempts", "ConnectionAttempts",
        "connection_attempts"),
    Key("connection_timeout", _I, "10", "Seconds per connection attempt, 1-10.", "ConnectionTimeout",
        "ConnectionTimeout", "connection_timeout"),
    Key("custom_origin", _M, "{}", "A custom origin's settings (see `custom_origin`).", "CustomOriginConfig",
        "CustomOriginConfig", "custom_origin_config"),
    Key("s3_origin", _M, None, "An S3 REST origin (instead of `custom_origin`); its protocol is the viewer's.",
        "S3OriginConfig", "S3OriginConfig", "s3_origin_config"),
    Key("mock", _M, "none", "Serve this origin locally with a built-in mock (see `mock`); `domain_name` still "
        "goes in Host."),
    Key("origin_shield", _M, None, "An extra caching layer.", "OriginShield", "OriginShield", "origin_shield",
        ignored="there is one local edge location"),
    Key("origin_access_control_id", _S, None, "Origin access control (signed requests to S3).",
        "OriginAccessControlId", "OriginAccessControlId", "origin_access_control_id",
        ignored="mock buckets do not check signatures"),
    Key("response_completion_timeout", _I, None, "Time allowed for the whole response.",
        "ResponseCompletionTimeout", "ResponseCompletionTimeout", "response_completion_timeout",
        ignored="not emulated yet"),
    Key("ip_address_type", _S, None, "IPv4, IPv6 or dual-stack toward the origin.", "IpAddressType",
        "IpAddressType", "ip_address_type", ignored="connections go where the name resolves"),
)

S3_ORIGIN: tuple[Key, ...] = (
    Key("origin_access_identity", _S, None, "A legacy origin access identity.", "OriginAccessIdentity",
        "OriginAccessIdentity", "origin_access_identity", ignored="mock buckets do not check identities"),
)

CUSTOM_ORIGIN: tuple[Key, ...] = (
    Key("http_port", _I, "80", "80, 443 or 1024-65535.", "HTTPPort", "HTTPPort", "http_port"),
    Key("https_port", _I, "443", "80, 443 or 1024-65535.", "HTTPSPort", "HTTPSPort", "https_port"),
    Key("protocol_policy", _S, "http-only", "`http-only`, `https-only` or `match-viewer` (an `s3_origin` without "
        "a plain-HTTP mock: `match-viewer`).", "OriginProtocolPolicy", "OriginProtocolPolicy",
        "origin_protocol_policy"),
    Key("read_timeout", _I, "30", "Seconds, 1-120: time to the first byte and between packets.",
        "OriginReadTimeout", "OriginReadTimeout", "origin_read_timeout"),
    Key("keepalive_timeout", _I, "5", "Seconds, 1-120, an idle connection to the origin is kept.",
        "OriginKeepaliveTimeout", "OriginKeepaliveTimeout", "origin_keepalive_timeout"),
    Key("ssl_protocols", _L, "[TLSv1.2]", "Any of SSLv3, TLSv1, TLSv1.1, TLSv1.2 (TLSv1.2 includes 1.3).",
        "OriginSslProtocols", "OriginSSLProtocols", "origin_ssl_protocols"),
)

MOCK: tuple[Key, ...] = (
    Key("type", _S, None, "The mock's type (required): one of the types below, each with its own options."),
    Key("tls", _M, "none (HTTP)", "Serve HTTPS with a certificate from the local CA (see `mock.tls`)."),
)

MOCK_TLS: tuple[Key, ...] = (
    Key("names", _L, "[the origin's domain_name]", "The names the certificate covers."),
    Key("certificate", _S, "valid", "`valid`, `self-signed`, `expired` or `untrusted`."),
    Key("max_version", _S, "none", "The highest TLS version the mock speaks, like TLSv1.2."),
)

BEHAVIOR: tuple[Key, ...] = (
    Key("target_origin_id", _S, None, "The origin or origin group requests go to (required).", "TargetOriginId",
        "TargetOriginId", "target_origin_id"),
    Key("viewer_protocol_policy", _S, "allow-all", "`allow-all`, `redirect-to-https` or `https-only`.",
        "ViewerProtocolPolicy", "ViewerProtocolPolicy", "viewer_protocol_policy"),
    Key("allowed_methods", _L, "[GET, HEAD]", "Exactly one of CloudFront's three sets, in any order: [GET, HEAD], "
        "[GET, HEAD, OPTIONS], or all seven.", "AllowedMethods", "AllowedMethods", "allowed_methods"),
    Key("cached_methods", _L, "[GET, HEAD]", "[GET, HEAD] or [GET, HEAD, OPTIONS], within `allowed_methods`.",
        "AllowedMethods.CachedMethods", "CachedMethods", "cached_methods"),
    Key("compress", _B, "false", "Compress with gzip or Brotli when the cache policy enables them.", "Compress",
        "Compress", "compress"),
    Key("cache_policy", _S, "Managed-CachingOptimized", "A managed policy's name or ID, or a name under "
        "`cache_policies`.", "CachePolicyId", "CachePolicyId", "cache_policy_id"),
    Key("origin_request_policy", _S, "none", "A managed policy's name or ID, or a name under "
        "`origin_request_policies`; needs a cache policy.", "OriginRequestPolicyId", "OriginRequestPolicyId",
        "origin_request_policy_id"),
    Key("response_headers_policy", _S, "none", "A managed policy's name (with or without `Managed-`) or ID, or a "
        "name under `response_headers_policies`.", "ResponseHeadersPolicyId", "ResponseHeadersPolicyId",
        "response_headers_policy_id"),
    Key("function_associations", _M, "{}", "CloudFront Functions by event (see `function_associations`).",
        "FunctionAssociations", "FunctionAssociations", "function_association"),
    Key("forwarded_values", _M, "none", "Legacy cache settings instead of `cache_policy` (see "
        "`forwarded_values`).", "ForwardedValues", "ForwardedValues", "forwarded_values"),
    Key("min_ttl", _I, "0", "Legacy: the minimum TTL in seconds, with `forwarded_values`.", "MinTTL", "MinTTL",
        "min_ttl"),
    Key("default_ttl", _I, "86400", "Legacy: the TTL when the origin says nothing, with `forwarded_values`.",
        "DefaultTTL", "DefaultTTL", "default_ttl"),
    Key("max_ttl", _I, "31536000", "Legacy: the maximum TTL, with `forwarded_values`.", "MaxTTL", "MaxTTL",
        "max_ttl"),
    Key("trusted_key_groups", _L, "[]", "Key groups whose signed URLs or cookies this behavior requires.",
        "TrustedKeyGroups", "TrustedKeyGroups", "trusted_key_groups"),
    Key("trusted_signers", _L, "[]", "Legacy: `self` or AWS account ids whose CloudFront key pairs sign; never "
        "with `trusted_key_groups`.", "TrustedSigners", "TrustedSigners", "trusted_signers"),
    Key("lambda_function_associations", _M, "{}", "Lambda@Edge functions by event (see "
        "`lambda_function_associations`).", "LambdaFunctionAssociations", "LambdaFunctionAssociations",
        "lambda_function_association"),
    Key("field_level_encryption_id", _S, None, "Field-level encryption.", "FieldLevelEncryptionId",
        "FieldLevelEncryptionId", "field_level_encryption_id", ignored="field-level encryption is not emulated"),
    Key("realtime_log_config_arn", _S, None, "Real-time logs.", "RealtimeLogConfigArn", "RealtimeLogConfigArn",
        "realtime_log_config_arn", ignored="real-time logs are not emulated"),
    Key("smooth_streaming", _B, None, "Microsoft Smooth Streaming.", "SmoothStreaming", "SmoothStreaming",
        "smooth_streaming", ignored="smooth streaming is not emulated"),
    Key("grpc_config", _M, None, "gRPC.", "GrpcConfig", "GrpcConfig", "grpc_config",
        ignored="gRPC is not emulated"),
)

CACHE_BEHAVIOR: tuple[Key, ...] = (
    Key("path_pattern", _S, None, "Required: up to 255 characters; `*` is any run of characters including `/`, "
        "`?` one character; case-sensitive.", "PathPattern", "PathPattern", "path_pattern"),
    *BEHAVIOR,
)

FUNCTION_ASSOCIATIONS: tuple[Key, ...] = (
    Key("viewer-request", _S, "none", "The function (a name under `functions`) run on every viewer request.",
        "FunctionAssociations[].EventType", "FunctionAssociations[].EventType", "function_association.event_type"),
    Key("viewer-response", _S, "none", "The function run on the response to the viewer.",
        "FunctionAssociations[].EventType", "FunctionAssociations[].EventType", "function_association.event_type"),
    Key("origin-request", _S, None, "Not an event of CloudFront Functions.",
        ignored="CloudFront Functions run on viewer events only (use lambda_function_associations)"),
    Key("origin-response", _S, None, "Not an event of CloudFront Functions.",
        ignored="CloudFront Functions run on viewer events only (use lambda_function_associations)"),
)

LAMBDA_ASSOCIATIONS: tuple[Key, ...] = tuple(
    Key(event, "string or mapping", "none", f"The Lambda@Edge function run on the {event} event: a name under "
        "`lambda_functions` or a versioned ARN, or a mapping (see `lambda_function_associations.EVENT`).",
        "LambdaFunctionAssociations[].EventType", "LambdaFunctionAssociations[].EventType",
        "lambda_function_association.event_type")
    for event in ("viewer-request", "origin-request", "origin-response", "viewer-response")
)

LAMBDA_ASSOCIATION: tuple[Key, ...] = (
    Key("function", _S, None, "A name under `lambda_functions`, or a numbered version's ARN (required).",
        "LambdaFunctionARN", "LambdaFunctionARN", "lambda_arn"),
    Key("include_body", _B, "false", "Give the function the request body (request events only).", "IncludeBody",
        "IncludeBody", "include_body"),
)

FORWARDED_VALUES: tuple[Key, ...] = (
    Key("query_string", _B, None, "Forward (and key on) the query string (required).", "QueryString",
        "QueryString", "query_string"),
    Key("query_string_cache_keys", _L, "[]", "Only these query parameters in the cache key.",
        "QueryStringCacheKeys", "QueryStringCacheKeys", "query_string_cache_keys"),
    Key("cookies", _M, "{forward: none}", "Cookies forwarded (see `forwarded_values.cookies`).", "Cookies",
        "Cookies", "cookies"),
    Key("headers", _L, "[]", "Headers forwarded and in the cache key; `*` forwards all (needs `min_ttl: 0`).",
        "Headers", "Headers", "headers"),
)

FORWARDED_COOKIES: tuple[Key, ...] = (
    Key("forward", _S, "none", "`none`, `whitelist` or `all`.", "Forward", "Forward", "forward"),
    Key("whitelisted_names", _L, "[]", "Cookie names (wildcards allowed) for `whitelist`.", "WhitelistedNames",
        "WhitelistedNames", "whitelisted_names"),
)

CUSTOM_ERROR_RESPONSE: tuple[Key, ...] = (
    Key("error_code", _I, None, "The status to customise (required): 400, 403, 404, 405, 414, 416, 500, 501, "
        "502, 503 or 504.", "ErrorCode", "ErrorCode", "error_code"),
    Key("response_page_path", _S, "none", "The page served instead, fetched through the behavior matching its "
        "path.", "ResponsePagePath", "ResponsePagePath", "response_page_path"),
    Key("response_code", _I, "the error code", "The status the viewer gets with the page.", "ResponseCode",
        "ResponseCode", "response_code"),
    Key("error_caching_min_ttl", _I, "10", "Seconds the error is cached.", "ErrorCachingMinTTL",
        "ErrorCachingMinTTL", "error_caching_min_ttl"),
)

ORIGIN_GROUP: tuple[Key, ...] = (
    Key("id", _S, None, "The id behaviors name in `target_origin_id` (required; unique across origins and "
        "groups).", "Id", "Id", "origin_id"),
    Key("members", _L, None, "Exactly two origin ids: primary, secondary (required).", "Members", "Members",
        "member"),
    Key("failover_criteria", _M, None, "When to fail over (see `failover_criteria`).", "FailoverCriteria",
        "FailoverCriteria", "failover_criteria"),
    Key("selection_criteria", _S, "default", "`default` or `media-quality-based`.", "SelectionCriteria",
        "SelectionCriteria", ""),
)

FAILOVER_CRITERIA: tuple[Key, ...] = (
    Key("status_codes", "list of integers", None, "Any of 400, 403, 404, 416, 500, 502, 503, 504.",
        "StatusCodes", "StatusCodes", "status_codes"),
)

RESTRICTIONS: tuple[Key, ...] = (
    Key("geo_restriction", _M, "none", "Allow or block viewers by country (see `geo_restriction`).",
        "GeoRestriction", "GeoRestriction", "geo_restriction"),
)

GEO_RESTRICTION: tuple[Key, ...] = (
    Key("restriction_type", _S, None, "`none`, `whitelist` or `blacklist` (required).", "RestrictionType",
        "RestrictionType", "restriction_type"),
    Key("locations", _L, "[]", "ISO 3166-1 alpha-2 country codes, like US.", "Items", "Locations", "locations"),
)

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

FUNCTION: tuple[Key, ...] = (
    Key("runtime", _S, "cloudfront-js-1.0", "`cloudfront-js-1.0` or `cloudfront-js-2.0`.", "FunctionConfig.Runtime",
        "FunctionConfig.Runtime", "runtime"),
    Key("code", _S, None, "The function's .js file, relative to the config (required unless `inline_code`).",
        "FunctionCode", "FunctionCode", "code"),
    Key("inline_code", _S, "none", "The code itself, as a template's FunctionCode; never with `code`.",
        "FunctionCode", "FunctionCode", "code"),
    Key("key_value_store", _S, "none", "A JSON file of the associated KeyValueStore's data (cloudfront-js-2.0).",
        "FunctionConfig.KeyValueStoreAssociations", "FunctionConfig.KeyValueStoreAssociations",
        "key_value_store_associations"),
)

LAMBDA_FUNCTION: tuple[Key, ...] = (
    Key("runtime", _S, None, "nodejs18.x, nodejs20.x, nodejs22.x, python3.9 ... python3.13 (required).", "",
        "Runtime", "runtime"),
    Key("code", _S, None, "The folder or file holding the handler (required).", "", "Code", "filename"),
    Key("handler", _S, "index.handler", "`module.function`; a Python folder defaults to "
        "`lambda_function.lambda_handler`, a file to `<file>.handler`.", "", "Handler", "handler"),
    Key("timeout", _N, "3", "Seconds: at most 5 on viewer events, 30 on origin events.", "", "Timeout", "timeout"),
    Key("memory_size", _I, "128", "MB: at most 128 on viewer events, 10,240 on origin events.", "", "MemorySize",
        "memory_size"),
    Key("description", _S, "none", "Free text.", "", "Description", "description"),
)

KEY_GROUP: tuple[Key, ...] = (
    Key("public_keys", "list of mappings", None, "The group's public keys (required; see `public_keys[]`).",
        "KeyGroupConfig.Items", "KeyGroupConfig.Items", "items"),
    Key("comment", _S, "none", "Free text.", "KeyGroupConfig.Comment", "KeyGroupConfig.Comment", "comment"),
)

PUBLIC_KEY: tuple[Key, ...] = (
    Key("id", _S, None, "The id signers send as Key-Pair-Id (required).", "PublicKey.Id", "Id (attribute)", "id"),
    Key("pem", _S, None, "A PEM file of the public key; exactly one of `pem` and `encoded_key`.", "", "", ""),
    Key("encoded_key", _S, None, "The PEM text itself.", "PublicKeyConfig.EncodedKey", "EncodedKey", "encoded_key"),
    Key("comment", _S, "none", "Free text.", "PublicKeyConfig.Comment", "Comment", "comment"),
    Key("name", _S, "none", "The key's name.", "PublicKeyConfig.Name", "Name", "name"),
)

EMULATOR: tuple[Key, ...] = (
    Key("listen", _M, "see `emulator.listen`", "Listen addresses (see `emulator.listen`)."),
    Key("resolve", "mapping of name to address", "{}", "Like curl --resolve: connect to `host:port` (or `self`, "
        "this emulator's HTTP listener) and keep the name for Host, SNI and the certificate check."),
    Key("pop", _S, "LCL50-C1", "The X-Amz-Cf-Pop value."),
    Key("edge_id", _S, "e0f1a2b3c4d5e6f708192a3b4c5d6e7f", "The hex in `Via: 1.1 <edge_id>.cloudfront.net "
        "(CloudFront)`: 1 to 64 lower-case hex digits."),
    Key("debug", _M, "{}", "Debug output (see `emulator.debug`)."),
    Key("access_log", "boolean or mapping", "true", "The access log on stderr, or {console, file, format} for "
        "CloudFront's standard format in a file."),
    Key("viewer", _M, "Seattle, US", "CloudFront-Viewer-* values (see `emulator.viewer`)."),
    Key("state_dir", _S, "$FRONTYARD_STATE_DIR or ~/.frontyard", "Where the local CA lives."),
    Key("cache", _M, "see `emulator.cache`", "The edge cache (see `emulator.cache`)."),
    Key("key_pairs", _M, "{}", "Legacy `trusted_signers`' CloudFront key pairs per account (`self` or a 12-digit "
        "id): lists of {id, pem}."),
    Key("history", _I, "500", "Requests the inspector keeps with their whole trace (0 keeps none)."),
)

LISTEN: tuple[Key, ...] = (
    Key("http", _S, "127.0.0.1:8080", "The HTTP listener, host:port."),
    Key("https", "string or false", "127.0.0.1:8443", "The HTTPS listener; false turns it off."),
    Key("admin", "string or false", "127.0.0.1:9901", "The admin listener (inspector, health, cache); false "
        "turns it off."),
)

DEBUG: tuple[Key, ...] = (
    Key("trace_header", _B, "false", "Add X-Frontyard-Trace to every response."),
)

ACCESS_LOG: tuple[Key, ...] = (
    Key("console", _B, "true", "One line per request on stderr."),
    Key("file", _S, "none", "Also write CloudFront's standard access log format to this file."),
    Key("format", _S, "standard", "`standard` (CloudFront's tab-separated standard access log)."),
)

_GEO = (("country", "US"), ("country_name", "United States"), ("country_region", "WA"),
        ("country_region_name", "Washington"), ("city", "Seattle"), ("postal_code", "98101"),
        ("time_zone", "America/Los_Angeles"), ("latitude", "47.60620"), ("longitude", "-122.33210"),
        ("metro_code", "819"), ("asn", "16509"))
VIEWER: tuple[Key, ...] = tuple(
    Key(name, _S, default, f"The viewer's {name.replace('_', ' ')}, sent as CloudFront-Viewer-"
        f"{'-'.join(p.upper() if p == 'asn' else p.capitalize() for p in name.split('_'))}.")
    for name, default in _GEO
)

CACHE: tuple[Key, ...] = (
    Key("enabled", _B, "true", "false: a pure pass-through, nothing stored."),
    Key("max_bytes", "byte count", "256MiB", "The store's bound (least recently used out first); like 268435456, "
        "'256MiB' or '64MB'."),
    Key("max_object_bytes", "byte count", "16MiB", "Larger objects pass through uncached; at most max_bytes."),
)

OVERLAY: tuple[Key, ...] = (
    Key("parameters", _M, "{}", "CloudFormation parameters, Terraform variables and deploy-time values by name."),
    Key("origins", _M, "{}", "Local wiring per origin, by origin id or domain name (see `origins.NAME`)."),
    Key("key_value_stores", _M, "{}", "A KeyValueStore's data file, by store name."),
    Key("unmapped_origins", _S, "internet", "`internet` (connect to the real name) or `\"502\"` (answer 502 "
        "saying the origin is not mapped)."),
    Key("emulator", _M, "{}", "frontyard's own settings, as under `emulator`."),
    Key("lambda_functions", _M, "{}", "Lambda@Edge code and settings by function name; they win over the "
        "source's."),
)

OVERLAY_ORIGIN: tuple[Key, ...] = (
    Key("resolve", _S, "none", "Connect to this host:port; Host and SNI keep the origin's name."),
    Key("mock", _M, "none", "Serve the origin with a built-in mock (as `mock` on an origin)."),
    Key("domain_name", _S, "the source's", "Supplies a name the source cannot know before deploying."),
)

CONFIG: tuple[Table, ...] = (
    Table("(top level)", "Top level", "The sections of a frontyard YAML file.", TOP),
    Table("distribution", "Distribution", "A distribution: `distribution:`, or each item of `distributions:`.",
          DISTRIBUTION),
    Table("distribution.origins[]", "Origin", "Each origin of a distribution.", ORIGIN),
    Table("distribution.origins[].custom_origin", "Custom origin", "A custom (HTTP) origin's settings.",
          CUSTOM_ORIGIN),
    Table("distribution.origins[].s3_origin", "S3 origin", "An S3 REST origin; `s3_origin: {}` is enough.",
          S3_ORIGIN),
    Table("distribution.origins[].mock", "Mock origin", "A built-in mock origin serving the origin locally. "
          "Each type's own options are listed under Mock origin types.", MOCK),
    Table("distribution.origins[].mock.tls", "Mock origin TLS", "Serve the mock over HTTPS.", MOCK_TLS),
    Table("distribution.default_cache_behavior", "Default cache behavior", "The behavior used when no other "
          "matches.", BEHAVIOR),
    Table("distribution.cache_behaviors[]", "Cache behavior", "Each ordered behavior: the default's keys plus "
          "`path_pattern`.", CACHE_BEHAVIOR),
    Table("*.function_associations", "Function associations", "CloudFront Functions of a behavior, by event.",
          FUNCTION_ASSOCIATIONS),
    Table("*.lambda_function_associations", "Lambda@Edge associations", "Lambda@Edge functions of a behavior, "
          "by event.", LAMBDA_ASSOCIATIONS),
    Table("*.lambda_function_associations.EVENT", "Lambda@Edge association", "An association given as a "
          "mapping.", LAMBDA_ASSOCIATION),
    Table("*.forwarded_values", "Forwarded values (legacy)", "Legacy cache key and forwarding settings.",
          FORWARDED_VALUES),
    Table("*.forwarded_values.cookies", "Forwarded cookies (legacy)", "Legacy cookie forwarding.",
          FORWARDED_COOKIES),
    Table("distribution.custom_error_responses[]", "Custom error response", "Each custom error response.",
          CUSTOM_ERROR_RESPONSE),
    Table("distribution.origin_groups[]", "Origin group", "Each origin group.", ORIGIN_GROUP),
    Table("distribution.origin_groups[].failover_criteria", "Failover criteria", "Statuses that fail over.",
          FAILOVER_CRITERIA),
    Table("distribution.restrictions", "Restrictions", "Viewer restrictions.", RESTRICTIONS),
    Table("distribution.restrictions.geo_restriction", "Geo restriction", "By the viewer's country (from "
          "`emulator.viewer` or X-Frontyard-Viewer-Country).", GEO_RESTRICTION),
    Table("cache_policies.NAME", "Cache policy", "A custom cache policy.", CACHE_POLICY),
    Table("origin_request_policies.NAME", "Origin request policy", "A custom origin request policy.",
          ORIGIN_REQUEST_POLICY),
    Table("*_policies.NAME.headers | cookies | query_strings", "Policy items", "A policy's headers, cookies or "
          "query strings given as a mapping (a string is the behavior alone).", POLICY_ITEMS),
    Table("response_headers_policies.NAME", "Response headers policy", "A custom response headers policy.",
          RESPONSE_HEADERS_POLICY),
    Table("response_headers_policies.NAME.cors_config", "CORS", "CORS headers.", CORS),
    Table("response_headers_policies.NAME.security_headers_config", "Security headers", "Security headers; "
          "each with `override`.", SECURITY_HEADERS),
    Table("security_headers_config.content_security_policy", "Content-Security-Policy", "", CSP),
    Table("security_headers_config.content_type_options", "X-Content-Type-Options", "", CONTENT_TYPE_OPTIONS),
    Table("security_headers_config.frame_options", "X-Frame-Options", "", FRAME_OPTIONS),
    Table("security_headers_config.referrer_policy", "Referrer-Policy", "", REFERRER_POLICY),
    Table("security_headers_config.strict_transport_security", "Strict-Transport-Security", "", HSTS),
    Table("security_headers_config.xss_protection", "X-XSS-Protection", "", XSS_PROTECTION),
    Table("response_headers_policies.NAME.custom_headers_config[]", "Custom header", "Each custom header.",
          CUSTOM_HEADER),
    Table("response_headers_policies.NAME.server_timing_headers_config", "Server-Timing", "", SERVER_TIMING),
    Table("functions.NAME", "CloudFront Function", "A CloudFront Function.", FUNCTION),
    Table("lambda_functions.NAME", "Lambda@Edge function", "A Lambda@Edge function run locally.",
          LAMBDA_FUNCTION),
    Table("key_groups.NAME", "Key group", "Public keys that verify signed URLs and cookies.", KEY_GROUP),
    Table("key_groups.NAME.public_keys[]", "Public key", "Each public key (also each key under "
          "`emulator.key_pairs`).", PUBLIC_KEY),
    Table("emulator", "Emulator settings", "frontyard's own settings; no CloudFront counterpart.", EMULATOR),
    Table("emulator.listen", "Listeners", "", LISTEN),
    Table("emulator.debug", "Debug", "", DEBUG),
    Table("emulator.serve.access_log", "Access log", "Given as a mapping.", ACCESS_LOG),
    Table("emulator.viewer", "Viewer location", "Values of the CloudFront-Viewer-* headers.", VIEWER),
    Table("emulator.cache", "Edge cache", "The in-memory cache of this edge location.", CACHE),
)

OVERLAY_CONFIG: tuple[Table, ...] = (
    Table("(overlay top level)", "Overlay", "`frontyard.local.yaml` beside an imported source.", OVERLAY),
    Table("origins.NAME", "Overlay origin", "Local wiring of one origin.", OVERLAY_ORIGIN),
)

TABLES: tuple[Table, ...] = CONFIG + OVERLAY_CONFIG
