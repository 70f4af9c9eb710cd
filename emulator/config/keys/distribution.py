"""Keys of a distribution: its origins, behaviors, error responses, origin groups and restrictions."""

from __future__ import annotations

from emulator.config.keys.base import _B, _I, _L, _M, _S, Key

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
    Key("origin_access_controls", _M, None, "Origin access controls by id, the value origins give in "
        "`origin_access_control_id` (see `origin_access_controls.ID`).", "OriginAccessControlConfig",
        "AWS::CloudFront::OriginAccessControl", "aws_cloudfront_origin_access_control"),
    Key("bucket_policies", "mapping of bucket to policy", "{}", "S3 bucket policies by bucket name: an `s3` mock "
        "serving an origin of that bucket (by its domain, like NAME.s3.REGION.amazonaws.com) without a "
        "`bucket_policy` of its own evaluates this one; importers fill it from the template.", "",
        "AWS::S3::BucketPolicy", "aws_s3_bucket_policy"),
)

DISTRIBUTION: tuple[Key, ...] = (
    Key("id", _S, "default", "The distribution's id (the second and later of `distributions` default to dist2, "
        "dist3, ...).", "Id", "", "id"),
    Key("arn", _S, "arn:aws:cloudfront::ACCOUNT:distribution/ID", "Its ARN, the aws:SourceArn a bucket policy "
        "sees under an origin access control (ACCOUNT: `emulator.account_id`); importers set it from the id the "
        "template's references resolve to.", "ARN", "Arn (attribute)", "arn"),
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
    Key("origin_access_control_id", _S, "none", "An origin access control (a key of `origin_access_controls`, "
        "which gives its origin type: s3, lambda, ...): origin requests are signed with SigV4 for that service as "
        "CloudFront's service principal for this distribution.",
        "OriginAccessControlId", "OriginAccessControlId", "origin_access_control_id"),
    Key("response_completion_timeout", _I, None, "Time allowed for the whole response.",
        "ResponseCompletionTimeout", "ResponseCompletionTimeout", "response_completion_timeout",
        ignored="not emulated yet"),
    Key("ip_address_type", _S, None, "IPv4, IPv6 or dual-stack toward the origin.", "IpAddressType",
        "IpAddressType", "ip_address_type", ignored="connections go where the name resolves"),
)

S3_ORIGIN: tuple[Key, ...] = (
    Key("origin_access_identity", _S, "\"\"", "A legacy origin access identity, "
        "`origin-access-identity/cloudfront/ID` or the ID: a bucket policy sees its principal.",
        "OriginAccessIdentity", "OriginAccessIdentity", "origin_access_identity"),
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
