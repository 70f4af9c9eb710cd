"""CloudFront's value rules for config fields, as pure predicates.

AWS: "Cache behavior settings", "Specify a default root object", "Add custom headers to origin requests",
"Origin settings".
"""

from __future__ import annotations

import re

PATH_PATTERN_CHARS = re.compile(r"^[A-Za-z0-9_\-.*$/~\"'@:+&?]*$")
ROOT_OBJECT_CHARS = re.compile(r"^[A-Za-z0-9_\-.*$/~\"'&]*$")
HOSTNAME = re.compile(r"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")

# Origin custom headers CloudFront refuses (AWS: "Add custom headers to origin requests").
FORBIDDEN_CUSTOM_HEADERS = frozenset(
    h.lower()
    for h in (
        "Cache-Control", "Connection", "Content-Length", "Cookie", "Host", "If-Match", "If-Modified-Since",
        "If-None-Match", "If-Range", "If-Unmodified-Since", "Max-Forwards", "Pragma", "Proxy-Authorization",
        "Proxy-Connection", "Range", "Request-Range", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Via",
        "X-Real-Ip",
    )
)
FORBIDDEN_CUSTOM_HEADER_PREFIXES = ("x-amz-", "x-edge-")

ERROR_CODES = (400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504)
RESPONSE_CODES = (200, *ERROR_CODES)

# AWS "Quotas", general quotas on distributions: "Alternate domain names (CNAMEs) per distribution: 100", with
# "Request a higher quota" ("Amazon CloudFront endpoints and quotas": Adjustable: Yes); CreateDistribution answers
# TooManyDistributionCNAMEs past the account's own. More is a warning; only a count far above any raised quota is
# refused, as a sanity bound.
MAX_ALIASES = 100
ALIASES_QUOTA = (f"above CloudFront's default quota of {MAX_ALIASES} ('Alternate domain names (CNAMEs) per "
                 "distribution'); the quota can be raised on request, otherwise CreateDistribution answers "
                 "TooManyDistributionCNAMEs")
ALIASES_BOUND = 10_000
ALIASES_BOUND_WHY = (f"far above any raised quota of 'Alternate domain names (CNAMEs) per distribution' (default "
                     f"{MAX_ALIASES}); refused as a sanity bound")

RUNTIMES = ("cloudfront-js-1.0", "cloudfront-js-2.0")
FUNCTION_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
EDGE_ID = re.compile(r"^[0-9a-f]{1,64}$")


def path_pattern_problem(pattern: str) -> str | None:
    if not pattern:
        return "must not be empty"
    if len(pattern) > 255:
        return f"is {len(pattern)} characters long; CloudFront allows at most 255"
    if not PATH_PATTERN_CHARS.match(pattern):
        bad = sorted({c for c in pattern if not PATH_PATTERN_CHARS.match(c)})
        return f"contains characters CloudFront does not allow in path patterns: {' '.join(map(repr, bad))}"
    return None


def origin_path_problem(path: str) -> str | None:
    if not path.startswith("/"):
        return "must start with '/'"
    if path.endswith("/"):
        return "must not end with '/'"
    if len(path) > 255:
        return "must be at most 255 characters"
    return None


def root_object_problem(value: str) -> str | None:
    if value.startswith("/"):
        return "must not start with '/' (CloudFront answers such a root object with 403 Access Denied)"
    if len(value) > 255:
        return "must be at most 255 characters"
    if not ROOT_OBJECT_CHARS.match(value):
        return "contains characters CloudFront does not allow in a default root object"
    return None


def custom_header_problem(name: str, value: str) -> str | None:
    low = name.lower()
    if not HEADER_NAME.match(name):
        return f"'{name}' is not a valid header name"
    if low in FORBIDDEN_CUSTOM_HEADERS or low.startswith(FORBIDDEN_CUSTOM_HEADER_PREFIXES):
        return f"CloudFront does not allow '{name}' as an origin custom header"
    if len(name) > 256:
        return "header names are limited to 256 characters"
    if len(value) > 1783:
        return "header values are limited to 1,783 characters"
    if any((ord(c) < 0x20 and c != "\t") or ord(c) == 0x7F for c in value):
        return f"the value of '{name}' contains a control character (CR, LF, NUL, ...): no header line can carry it"
    return None


# Lambda@Edge: the Node.js and Python runtimes Lambda@Edge supports, and how a function is referenced. AWS,
# "Restrictions on Lambda@Edge", Supported runtimes: "Lambda@Edge supports the latest versions of Node.js and Python
# runtimes. For a list of supported versions ... see Supported runtimes in the AWS Lambda Developer Guide", which
# lists nodejs24.x and python3.14 ("Lambda runtimes"; "Building Lambda functions with Python").
NODE_RUNTIMES = ("nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x")
PYTHON_RUNTIMES = ("python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14")
LAMBDA_RUNTIMES = (*NODE_RUNTIMES, *PYTHON_RUNTIMES)
# Runtimes Lambda has deprecated: named so the error says why rather than "unknown".
DEPRECATED_LAMBDA_RUNTIMES = ("nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "python3.7", "python3.8")

ARN = re.compile(r"^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:(?P<name>[\w-]{1,64})(?::(?P<qualifier>[^:]+))?$")
QUALIFIED = re.compile(r"^(?P<name>[\w-]{1,64})(?::(?P<qualifier>[^:]+))?$")


def function_reference(text: str) -> tuple[str | None, str | None]:
    """(name, problem) for a function reference: a local name, 'name:N', or a Lambda function ARN. CloudFront
    needs a numbered version in an ARN ($LATEST and aliases are refused); any number is accepted here."""
    match = ARN.match(text)
    if match is None:
        match = QUALIFIED.match(text)
        if match is None:
            return None, f"'{text}' is not a function name or a Lambda function ARN"
        if match["qualifier"] is not None and not match["qualifier"].isdigit():
            return None, f"'{text}': CloudFront needs a numbered version, not '{match['qualifier']}'"
        return match["name"], None
    qualifier = match["qualifier"]
    if qualifier is None or not qualifier.isdigit():
        what = "an unqualified ARN" if qualifier is None else f"'{qualifier}'"
        return None, f"CloudFront needs a numbered function version (like :1), not {what}"
    return match["name"], None

