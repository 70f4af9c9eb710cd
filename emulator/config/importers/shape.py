"""CloudFront's own shapes -> frontyard's plain tree, for both spellings of them.

The CloudFront API (`get-distribution-config`) wraps every list in {Quantity, Items}; CloudFormation writes
plain lists and spells a few fields differently (OriginSSLProtocols, OriginCustomHeaders, CachedMethods beside
AllowedMethods). One converter reads both; values stay located (`N`) so the loader's messages point at the source.
Fields frontyard does not know are warned about by name and left out; fields the loader knows but does not emulate
yet pass through, so the loader warns about them exactly as it does for YAML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from emulator.config.importers.located import N
from emulator.config.importers.result import Missing, orp_without_cache_policy, parameter_line
from emulator.issues import ConfigIssue, Location, Severity

FUNCTION_ARN = re.compile(r"^arn:aws[\w-]*:cloudfront::[^:]*:function/([A-Za-z0-9_-]{1,64})$")
# Fields with no local meaning: read, and left out on purpose (the README lists them).
NO_LOCAL_MEANING = {"CallerReference", "PriceClass", "HttpVersion", "IsIPV6Enabled", "AnycastIpListId",
                    "ConnectionMode", "TenantConfig", "CNAMEs", "IPV6Enabled"}


class Shape:
    """Converts one DistributionConfig (and its behaviors, origins...) and collects warnings as it goes."""

    def __init__(self, issues: list[ConfigIssue], what: str, function_name: Callable[[N], N | None] | None = None,
                 *, cache_policy_wins: bool = False, given: Mapping[str, str] | None = None):
        self.issues = issues
        self.what = what  # "DistributionConfig" or "Resources.Dist.Properties.DistributionConfig": for messages
        self.function_name = function_name or _function_from_arn
        self.cache_policy_wins = cache_policy_wins  # a template's CachePolicyId beside ForwardedValues (fidelity.md)
        self.given = given or {}  # --parameter values: a deploy-time origin header's local value

    # -- helpers --------------------------------------------------------------------------------------
    def warn(self, where: Location | None, field: str, message: str) -> None:
        self.issues.append(ConfigIssue(Severity.WARNING, where, field, message))

    def error(self, where: Location | None, field: str, message: str, expected: str = "") -> None:
        self.issues.append(ConfigIssue(Severity.ERROR, where, field, message, expected))

    def ignored(self, n: N | None, field: str) -> N | None:
        """A field the local edge does not use (WAF, logging, comment...): a value in it known only once deployed
        is a warning, and the field is left out, instead of an input the user must invent."""
        missing = _first_missing(n)
        if missing is None:
            return n
        self.warn(missing.location, field, f"needs {missing.name}, known only once deployed; the local edge does "
                  "not use this field, so it is left out")
        return None

    def local_id(self, n: N | None, field: str, *, quiet: bool = False) -> N | None:
        """An origin's Id (or a behavior's TargetOriginId) known only once deployed (`!Ref OriginALB`, an ARN): an id
        only links behaviors and the overlay to an origin, so the same reference names it the same everywhere."""
        if n is None or not isinstance(n.v, Missing):
            return n
        if not quiet:  # said once, at the origin; its behaviors' TargetOriginIds follow it
            self.warn(n.loc, field, f"{n.v.what}: the origin is named '{n.v.name}' here (map it in the overlay as "
                      f"origins: {{{n.v.name}: ...}})")
        return N(n.v.name, n.loc)

    def header_value(self, origin_id: object, header: str, n: N) -> N:
        """An origin custom header only a deployment knows (a secret the stack creates, a `{{resolve:...}}` dynamic
        reference): a visible placeholder and a warning, or the value --parameter gives (docs/fidelity.md)."""
        missing = _first_missing(n)
        if missing is None and not (isinstance(n.v, str) and "{{resolve:" in n.v):
            return n
        key = f"OriginCustomHeaders.{origin_id}.{header}"
        if key in self.given:
            return N(self.given[key], n.loc)
        why = f"needs {missing.name}, known only once deployed" if missing else \
            "is a dynamic reference CloudFormation resolves when the stack is deployed"
        placeholder = f"frontyard-placeholder-{header}"
        self.warn(n.loc, f"{self.what}.Origins.CustomHeaders.{header}",
                  f"its value {why}: the local edge sends '{placeholder}' instead; give the value your local origin "
                  f"expects with {parameter_line(key)} (or parameters: in the overlay)")
        return N(placeholder, n.loc)

    def unknown(self, n: N, known: set[str], field: str) -> None:
        for key in n.v if isinstance(n.v, dict) else ():
            if key not in known and key not in NO_LOCAL_MEANING:
                self.warn(n.keys.get(key, n.loc), f"{field}.{key}", f"'{key}' is not emulated and is ignored")


def _first_missing(n: object) -> Missing | None:
    if not isinstance(n, N):
        return None
    if isinstance(n.v, Missing):
        return n.v
    for child in n.v.values() if isinstance(n.v, dict) else n.v if isinstance(n.v, list) else ():
        if (found := _first_missing(child)) is not None:
            return found
    return None


def items(n: N | None) -> list[N]:
    """A list in either spelling: [..] (CloudFormation) or {Quantity, Items} (the API)."""
    if n is None or n.v is None:
        return []
    if isinstance(n.v, list):
        return n.v
    if isinstance(n.v, dict):
        inner = n.v.get("Items")
        return inner.v if inner is not None and isinstance(inner.v, list) else []
    return []


def located_list(n: N | None, convert: Callable[[N], object] = lambda x: x) -> N | None:
    if n is None:
        return None
    if not isinstance(n.v, list | dict):
        return n  # not a list at all: the loader says so, at its place
    return N([convert(i) for i in items(n)], n.loc)


def mapping(convert: Callable[..., N]) -> Callable[..., N]:
    """A converter of a mapping passes anything else through untouched, for the loader to report."""

    def run(*args: object) -> N:
        n = args[-1]
        return convert(*args) if isinstance(n, N) and n.is_map else n  # type: ignore[return-value]

    return run


def number(n: N) -> N:
    """CloudFormation and the API write some integers as strings ("200"): the loader wants numbers."""
    if isinstance(n.v, str) and re.fullmatch(r"-?\d+", n.v.strip()):
        return N(int(n.v), n.loc)
    return n


def boolean(n: N) -> N:
    if isinstance(n.v, str) and n.v.lower() in ("true", "false"):
        return N(n.v.lower() == "true", n.loc)
    return n


def _function_from_arn(n: N) -> N | None:
    if isinstance(n.v, str) and (m := FUNCTION_ARN.match(n.v)):
        return N(m.group(1), n.loc)
    return n  # not an ARN: let the loader say no function has this name


def put(out: dict[str, object], key: str, n: N | None, convert: Callable[[N], object] | None = None) -> None:
    if n is not None and n.v is not None:
        out[key] = convert(n) if convert else n


ORIGIN_KEYS = {"Id", "DomainName", "OriginPath", "CustomHeaders", "OriginCustomHeaders", "ConnectionAttempts",
               "ConnectionTimeout", "CustomOriginConfig", "S3OriginConfig", "OriginAccessControlId", "OriginShield",
               "ResponseCompletionTimeout", "IpAddressType"}
CUSTOM_ORIGIN = {"HTTPPort": "http_port", "HTTPSPort": "https_port", "OriginProtocolPolicy": "protocol_policy",
                 "OriginReadTimeout": "read_timeout", "OriginKeepaliveTimeout": "keepalive_timeout"}
BEHAVIOR_FIELDS = {"PathPattern": "path_pattern", "TargetOriginId": "target_origin_id",
                   "ViewerProtocolPolicy": "viewer_protocol_policy", "CachePolicyId": "cache_policy",
                   "OriginRequestPolicyId": "origin_request_policy",
                   "ResponseHeadersPolicyId": "response_headers_policy"}
BEHAVIOR_KEYS = {*BEHAVIOR_FIELDS, "AllowedMethods", "CachedMethods", "Compress", "FunctionAssociations",
                 "LambdaFunctionAssociations", "ForwardedValues", "MinTTL", "DefaultTTL", "MaxTTL", "TrustedKeyGroups",
                 "TrustedSigners", "FieldLevelEncryptionId", "RealtimeLogConfigArn", "SmoothStreaming", "GrpcConfig"}
DIST_KEYS = {"Aliases", "DefaultRootObject", "Origins", "DefaultCacheBehavior", "CacheBehaviors",
             "CustomErrorResponses", "Comment", "Enabled", "OriginGroups", "Logging", "ViewerCertificate",
             "Restrictions", "WebACLId", "ContinuousDeploymentPolicyId", "Staging"}


def distribution(shape: Shape, cfg: N, dist_id: N | str) -> N:
    """A DistributionConfig -> the `distribution:` mapping of frontyard's YAML."""
    out: dict[str, object] = {"id": dist_id}
    shape.unknown(cfg, DIST_KEYS, shape.what)
    put(out, "aliases", cfg.get("Aliases"), located_list)
    root = cfg.get("DefaultRootObject")
    if root is not None and root.v:
        out["default_root_object"] = root
    put(out, "comment", shape.ignored(cfg.get("Comment"), f"{shape.what}.Comment"))
    put(out, "origins", cfg.get("Origins"), lambda n: located_list(n, lambda o: origin(shape, o)))
    put(out, "default_cache_behavior", cfg.get("DefaultCacheBehavior"), lambda n: behavior(shape, n))
    put(out, "cache_behaviors", cfg.get("CacheBehaviors"), lambda n: located_list(n, lambda b: behavior(shape, b)))
    put(out, "custom_error_responses", cfg.get("CustomErrorResponses"), lambda n: located_list(n, error_response))
    enabled = cfg.get("Enabled")
    if enabled is not None and boolean(enabled).v is False:
        out["enabled"] = enabled  # the loader says a local distribution is always enabled
    if (groups := cfg.get("OriginGroups")) is not None and items(groups):
        out["origin_groups"] = N([origin_group(g) for g in items(groups)], groups.loc)
    logging = shape.ignored(cfg.get("Logging"), f"{shape.what}.Logging")
    if logging is not None and _meaningful(logging):
        out["logging"] = N(snake(logging), logging.loc)
    if (r := cfg.get("Restrictions")) is not None and _meaningful(r) and (geo := r.get("GeoRestriction")):
        where = geo.get("Locations") or geo
        out["restrictions"] = N({"geo_restriction": N({
            "restriction_type": geo.get("RestrictionType") or N(None, geo.loc),
            "locations": N(items(geo.get("Locations")) or items(geo), where.loc)}, geo.loc)}, r.loc)
    for key, name in (("WebACLId", "web_acl_id"), ("ContinuousDeploymentPolicyId", "continuous_deployment_policy_id")):
        n = shape.ignored(cfg.get(key), f"{shape.what}.{key}")
        if n is not None and n.v:
            out[name] = n
    if (staging := cfg.get("Staging")) is not None and boolean(staging).v is True:
        out["staging"] = staging
    cert = cfg.get("ViewerCertificate")
    if cert is not None and boolean(cert.get("CloudFrontDefaultCertificate") or N(False)).v is not True:
        shape.warn(cfg.keys.get("ViewerCertificate", cert.loc), f"{shape.what}.ViewerCertificate",
                   "the viewer certificate is not imported: the local CA issues one for every alias")
    return N(out, cfg.loc)


@mapping
def origin_group(g: N) -> N:
    """OriginGroup {Id, Members {Items: [{OriginId}]}, FailoverCriteria {StatusCodes}} -> frontyard's shape."""
    out: dict[str, object] = {}
    put(out, "id", g.get("Id"))
    members = g.get("Members")
    if members is not None:
        out["members"] = N([m.get("OriginId") or m for m in items(members)], members.loc)
    criteria = g.get("FailoverCriteria")
    if criteria is not None:
        codes = criteria.get("StatusCodes")
        out["failover_criteria"] = N({"status_codes": N([number(c) for c in items(codes)],
                                                        codes.loc if codes else criteria.loc)}, criteria.loc)
    put(out, "selection_criteria", g.get("SelectionCriteria"))
    return N(out, g.loc)


def _meaningful(n: N) -> bool:
    """Logging {Enabled: false}, Restrictions with RestrictionType none: nothing to emulate or warn about."""
    plain = n.plain()
    if isinstance(plain, dict):
        if plain.get("Enabled") in (False, "false"):
            return False
        geo = plain.get("GeoRestriction")
        if isinstance(geo, dict) and geo.get("RestrictionType") == "none":
            return False
    return True


@mapping
def origin(shape: Shape, o: N) -> N:
    out: dict[str, object] = {}
    field = f"{shape.what}.Origins"
    shape.unknown(o, ORIGIN_KEYS, field)
    put(out, "id", shape.local_id(o.get("Id"), f"{field}.Id"))
    put(out, "domain_name", o.get("DomainName"))
    path = o.get("OriginPath")
    if path is not None and path.v:
        out["origin_path"] = path
    headers = o.get("CustomHeaders") or o.get("OriginCustomHeaders")
    if headers is not None and items(headers):
        origin_id = (o.get("Id") or N("")).v
        out["custom_headers"] = N({(name := str(h.get("HeaderName").v if h.get("HeaderName") else "")):
                                   shape.header_value(origin_id, name, h.get("HeaderValue") or N("", h.loc))
                                   for h in items(headers)}, headers.loc)
    put(out, "connection_attempts", o.get("ConnectionAttempts"), number)
    put(out, "connection_timeout", o.get("ConnectionTimeout"), number)
    if (c := o.get("CustomOriginConfig")) is not None:
        custom: dict[str, object] = {}
        shape.unknown(c, {*CUSTOM_ORIGIN, "OriginSslProtocols", "OriginSSLProtocols"}, f"{field}.CustomOriginConfig")
        for key, name in CUSTOM_ORIGIN.items():
            put(custom, name, c.get(key), number)
        put(custom, "ssl_protocols", c.get("OriginSslProtocols") or c.get("OriginSSLProtocols"), located_list)
        out["custom_origin"] = N(custom, c.loc)
    if (s3 := o.get("S3OriginConfig")) is not None:
        oai = s3.get("OriginAccessIdentity")
        out["s3_origin"] = N({"origin_access_identity": oai} if oai is not None and oai.v else {}, s3.loc)
    oac = o.get("OriginAccessControlId")
    if oac is not None and oac.v:
        out["origin_access_control_id"] = oac
    shield = o.get("OriginShield")
    if shield is not None and boolean(shield.get("Enabled") or N(False)).v is True:
        out["origin_shield"] = N(snake(shield), shield.loc)
    put(out, "response_completion_timeout", o.get("ResponseCompletionTimeout"), number)
    return N(out, o.loc)


@mapping
def behavior(shape: Shape, b: N) -> N:
    out: dict[str, object] = {}
    shape.unknown(b, BEHAVIOR_KEYS, f"{shape.what}.CacheBehavior")
    for key, name in BEHAVIOR_FIELDS.items():
        put(out, name, b.get(key) if key != "TargetOriginId" else
            shape.local_id(b.get(key), f"{shape.what}.CacheBehavior.TargetOriginId", quiet=True))
    allowed = b.get("AllowedMethods")
    put(out, "allowed_methods", allowed, located_list)
    cached = b.get("CachedMethods") or (allowed.get("CachedMethods") if allowed is not None else None)
    put(out, "cached_methods", cached, located_list)
    put(out, "compress", b.get("Compress"), boolean)
    if (fa := b.get("FunctionAssociations")) is not None and items(fa):
        out["function_associations"] = N({str(a.get("EventType").v if a.get("EventType") else ""):
                                          shape.function_name(a.get("FunctionARN") or N(None, a.loc))
                                          for a in items(fa)}, fa.loc)
    if (la := b.get("LambdaFunctionAssociations")) is not None and items(la):
        out["lambda_function_associations"] = lambda_associations(
            [(a.get("EventType"), a.get("LambdaFunctionARN"), a.get("IncludeBody"), a) for a in items(la)], la.loc)
    if (fv := b.get("ForwardedValues")) is not None and shape.cache_policy_wins and b.get("CachePolicyId") is not None:
        shape.warn(b.keys.get("ForwardedValues", fv.loc), f"{shape.what}.CacheBehavior.ForwardedValues",
                   "legacy ForwardedValues beside a CachePolicyId is ignored: the cache policy decides the cache key "
                   "and TTLs (CloudFront's API refuses the pair: \"The parameter ForwardedValues cannot be used when "
                   "a cache policy is associated to the cache behavior\"; remove ForwardedValues)")
        fv = None
    if fv is not None:
        out["forwarded_values"] = forwarded_values(fv)
    if (orp := b.get("OriginRequestPolicyId")) is not None and b.get("CachePolicyId") is None and fv is None:
        out["cache_policy"] = orp_without_cache_policy(orp.loc)
    for key, name in (("MinTTL", "min_ttl"), ("DefaultTTL", "default_ttl"), ("MaxTTL", "max_ttl")):
        if fv is not None or b.get("CachePolicyId") is None:
            put(out, name, b.get(key), number)
    for key, name in (("TrustedKeyGroups", "trusted_key_groups"), ("TrustedSigners", "trusted_signers")):
        n = b.get(key)
        if n is not None and items(n):
            out[name] = located_list(n)
    for key, name in (("FieldLevelEncryptionId", "field_level_encryption_id"),
                      ("RealtimeLogConfigArn", "realtime_log_config_arn")):
        n = shape.ignored(b.get(key), f"{shape.what}.CacheBehavior.{key}")
        if n is not None and n.v:
            out[name] = n
    if (smooth := b.get("SmoothStreaming")) is not None and boolean(smooth).v is True:
        out["smooth_streaming"] = smooth
    if (grpc := b.get("GrpcConfig")) is not None and boolean(grpc.get("Enabled") or N(False)).v is True:
        out["grpc_config"] = N(snake(grpc), grpc.loc)
    return N(out, b.loc)


@mapping
def forwarded_values(fv: N) -> N:
    out: dict[str, object] = {}
    put(out, "query_string", fv.get("QueryString"), boolean)
    if items(fv.get("QueryStringCacheKeys")):
        out["query_string_cache_keys"] = located_list(fv.get("QueryStringCacheKeys"))
    if items(fv.get("Headers")):
        out["headers"] = located_list(fv.get("Headers"))
    if (c := fv.get("Cookies")) is not None:
        cookies: dict[str, object] = {}
        put(cookies, "forward", c.get("Forward"))
        if items(c.get("WhitelistedNames")):
            cookies["whitelisted_names"] = located_list(c.get("WhitelistedNames"))
        out["cookies"] = N(cookies, c.loc)
    return N(out, fv.loc)


@mapping
def error_response(e: N) -> N:
    out: dict[str, object] = {}
    put(out, "error_code", e.get("ErrorCode"), number)
    page = e.get("ResponsePagePath")
    if page is not None and page.v:
        out["response_page_path"] = page
    code = e.get("ResponseCode")
    if code is not None and code.v not in (None, ""):
        out["response_code"] = number(code)
    put(out, "error_caching_min_ttl", e.get("ErrorCachingMinTTL"), number)
    return N(out, e.loc)


def lambda_associations(entries: list[tuple[N | None, N | None, N | None, N]], loc: Location | None) -> N:
    """[(EventType, LambdaFunctionARN, IncludeBody)] -> {event: {function: ARN, include_body}}, as the YAML has."""
    out: dict[str, object] = {}
    for event, arn, body, where in entries:
        entry: dict[str, object] = {"function": arn or N(None, where.loc)}
        if body is not None and boolean(body).v is True:
            entry["include_body"] = boolean(body)
        out[str(event.v if event is not None else "")] = N(entry, where.loc)
    return N(out, loc)


def snake_name(key: str) -> str:
    key = key.replace("ARN", "Arn").replace("TTL", "Ttl").replace("ID", "Id").replace("HTTPS", "Https")
    key = key.replace("XSS", "Xss")
    key = key.replace("HTTP", "Http")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()


def snake(n: N) -> object:
    """A CloudFront subtree in frontyard's spelling: snake_case keys, {Quantity, Items} as plain lists."""
    if isinstance(n.v, dict):
        if n.v and set(n.v) <= {"Quantity", "Items"}:  # CloudFormation writes some lists as {Items: [...]}
            return [N(snake(i), i.loc) for i in items(n)]
        out = {snake_name(k): N(snake(v), v.loc) for k, v in n.v.items() if k != "Quantity"}
        if "Items" in n.v:
            out.pop("items", None)
            out["items"] = N([N(snake(i), i.loc) for i in items(n)], n.loc)
        return out
    if isinstance(n.v, list):
        return [N(snake(i), i.loc) for i in n.v]
    return n.v


def response_headers_policy(tree: object, loc: Location | None) -> N:
    """A ResponseHeadersPolicyConfig already in snake_case (snake(), or Terraform's blocks flattened) -> the
    mapping under `response_headers_policies`: its name is the key, removed headers are a list of names."""
    if isinstance(tree, N):
        tree = tree.v
    fields = dict(tree) if isinstance(tree, dict) else {}
    fields.pop("name", None)
    remove = fields.get("remove_headers_config")
    if isinstance(remove, N) and isinstance(remove.v, list):
        fields["remove_headers_config"] = N([(h.get("header") or h) if isinstance(h, N) else h for h in remove.v],
                                            remove.loc)
    return N(fields, loc)
