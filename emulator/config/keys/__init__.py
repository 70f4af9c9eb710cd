"""Every key the configuration accepts, section by section: the loaders check keys against these tables and the
documentation's configuration reference is generated from them, so the two cannot disagree.

A table is a tuple of `Key`s in the order the loader lists them (error messages name them in that order). A key
with `ignored` set is a CloudFront field frontyard reads and does not emulate: accepted with a warning giving that
reason. `cloudfront`, `cloudformation` and `terraform` name the same field in CloudFront's API
(DistributionConfig and friends), in an `AWS::CloudFront::*` resource and in the AWS Terraform provider.
"""

from __future__ import annotations

from emulator.config.keys.access import AWS_CREDENTIALS, ORIGIN_ACCESS_CONTROL
from emulator.config.keys.base import Key, Table, ignored, names
from emulator.config.keys.distribution import (
    BEHAVIOR,
    CACHE_BEHAVIOR,
    CUSTOM_ERROR_RESPONSE,
    CUSTOM_ORIGIN,
    DISTRIBUTION,
    FAILOVER_CRITERIA,
    FORWARDED_COOKIES,
    FORWARDED_VALUES,
    FUNCTION_ASSOCIATIONS,
    GEO_RESTRICTION,
    LAMBDA_ASSOCIATION,
    LAMBDA_ASSOCIATIONS,
    MOCK,
    MOCK_TLS,
    ORIGIN,
    ORIGIN_GROUP,
    RESTRICTIONS,
    S3_ORIGIN,
    TOP,
)
from emulator.config.keys.functions import (
    ACCESS_LOG,
    CACHE,
    DEBUG,
    EMULATOR,
    FUNCTION,
    KEY_GROUP,
    LAMBDA_FUNCTION,
    LISTEN,
    OVERLAY,
    OVERLAY_ORIGIN,
    PUBLIC_KEY,
    VIEWER,
)
from emulator.config.keys.policies import (
    CACHE_POLICY,
    CONTENT_TYPE_OPTIONS,
    CORS,
    CSP,
    CUSTOM_HEADER,
    FRAME_OPTIONS,
    HSTS,
    ORIGIN_REQUEST_POLICY,
    POLICY_ITEMS,
    REFERRER_POLICY,
    RESPONSE_HEADERS_POLICY,
    SECURITY_HEADERS,
    SERVER_TIMING,
    XSS_PROTECTION,
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
    Table("origin_access_controls.ID", "Origin access control", "How CloudFront signs requests to the origins "
          "that name it.", ORIGIN_ACCESS_CONTROL),
    Table("emulator.aws_credentials", "AWS credentials", "Origin request signing credentials; without them the "
          "environment's AWS_* variables, else fixed local ones.", AWS_CREDENTIALS),
    Table("emulator.listen", "Listeners", "", LISTEN),
    Table("emulator.debug", "Debug", "", DEBUG),
    Table("emulator.access_log", "Access log", "Given as a mapping.", ACCESS_LOG),
    Table("emulator.viewer", "Viewer location", "Values of the CloudFront-Viewer-* headers.", VIEWER),
    Table("emulator.cache", "Edge cache", "The in-memory cache of this edge location.", CACHE),
)

OVERLAY_CONFIG: tuple[Table, ...] = (
    Table("(overlay top level)", "Overlay", "`frontyard.local.yaml` beside an imported source.", OVERLAY),
    Table("origins.NAME", "Overlay origin", "Local wiring of one origin.", OVERLAY_ORIGIN),
)

TABLES: tuple[Table, ...] = CONFIG + OVERLAY_CONFIG

__all__ = [
    "ACCESS_LOG",
    "AWS_CREDENTIALS",
    "BEHAVIOR",
    "CACHE",
    "CACHE_BEHAVIOR",
    "CACHE_POLICY",
    "CONFIG",
    "CONTENT_TYPE_OPTIONS",
    "CORS",
    "CSP",
    "CUSTOM_ERROR_RESPONSE",
    "CUSTOM_HEADER",
    "CUSTOM_ORIGIN",
    "DEBUG",
    "DISTRIBUTION",
    "EMULATOR",
    "FAILOVER_CRITERIA",
    "FORWARDED_COOKIES",
    "FORWARDED_VALUES",
    "FRAME_OPTIONS",
    "FUNCTION",
    "FUNCTION_ASSOCIATIONS",
    "GEO_RESTRICTION",
    "HSTS",
    "KEY_GROUP",
    "LAMBDA_ASSOCIATION",
    "LAMBDA_ASSOCIATIONS",
    "LAMBDA_FUNCTION",
    "LISTEN",
    "MOCK",
    "MOCK_TLS",
    "ORIGIN",
    "ORIGIN_ACCESS_CONTROL",
    "ORIGIN_GROUP",
    "ORIGIN_REQUEST_POLICY",
    "OVERLAY",
    "OVERLAY_CONFIG",
    "OVERLAY_ORIGIN",
    "POLICY_ITEMS",
    "PUBLIC_KEY",
    "REFERRER_POLICY",
    "RESPONSE_HEADERS_POLICY",
    "RESTRICTIONS",
    "S3_ORIGIN",
    "SECURITY_HEADERS",
    "SERVER_TIMING",
    "TABLES",
    "TOP",
    "VIEWER",
    "XSS_PROTECTION",
    "Key",
    "Table",
    "ignored",
    "names",
]
