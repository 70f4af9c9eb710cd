"""Terraform's CloudFront resource schemas (aws provider) -> frontyard's plain tree.

Input is a located mapping per resource: attributes as values, nested blocks as lists of mappings. That is what
both the HCL reader builds and what `terraform show -json` holds, so one mapping serves both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from emulator.config.importers import origin_access
from emulator.config.importers.located import N
from emulator.config.importers.result import kvs_needs_data, orp_without_cache_policy
from emulator.config.importers.shape import FUNCTION_ARN, lambda_associations, number, response_headers_policy
from emulator.issues import ConfigIssue, Location, Severity

# Read only through references (or for their data, from the overlay): nothing of their own to warn about.
QUIET = {"aws_cloudfront_origin_access_control", "aws_cloudfront_origin_access_identity",
         "aws_cloudfront_key_value_store"}
Resources = Iterable[tuple[str, str, N, Location | None]]  # (type, name, located values, where)
NO_LOCAL_MEANING = {"enabled", "is_ipv6_enabled", "http_version", "price_class", "retain_on_delete",
                    "wait_for_deployment", "tags", "tags_all", "staging", "publish", "comment", "etag", "arn", "id",
                    "status", "caller_reference", "domain_name", "hosted_zone_id", "last_modified_time",
                    "in_progress_validation_batches", "trusted_signers", "trusted_key_groups", "live_stage_etag",
                    "continuous_deployment_policy_id", "anycast_ip_list_id", "provider", "depends_on", "lifecycle",
                    "count", "for_each", "key_value_store_associations", "name", "runtime", "code"}


def blocks(n: N | None, key: str) -> list[N]:
    v = n.get(key) if n is not None else None
    if v is None:
        return []
    if isinstance(v.v, list):
        return [b for b in v.v if isinstance(b, N) and b.is_map]
    return [v] if v.is_map else []


def first(n: N | None, key: str) -> N | None:
    found = blocks(n, key)
    return found[0] if found else None


def val(n: N | None, key: str) -> N | None:
    """An attribute that is set: not null, "" or [] (what `terraform show -json` writes for unset ones)."""
    v = n.get(key) if n is not None else None
    if v is None or v.v is None or v.v == "" or v.v == []:
        return None
    return v


def _copy(out: dict[str, object], n: N, fields: dict[str, str], convert: Callable[[N], N] = lambda x: x) -> None:
    for key, name in fields.items():
        if (v := val(n, key)) is not None:
            out[name] = convert(v)


class TfShape:
    def __init__(self, issues: list[ConfigIssue], check_unknown: bool) -> None:
        self.issues = issues
        self.check_unknown = check_unknown  # HCL: warn about unknown attributes; show -json lists computed ones

    def unknown(self, n: N, known: set[str], where: str) -> None:
        if not self.check_unknown or not isinstance(n.v, dict):
            return
        for key in n.v:
            if key not in known and key not in NO_LOCAL_MEANING:
                self.issues.append(ConfigIssue(Severity.WARNING, n.keys.get(key, n.loc), f"{where}.{key}",
                                               f"'{key}' is not emulated and is ignored"))

    def distribution(self, d: N, dist_id: N) -> N:
        out: dict[str, object] = {"id": dist_id}
        self.unknown(d, {"aliases", "default_root_object", "origin", "default_cache_behavior",
                         "ordered_cache_behavior", "custom_error_response", "restrictions", "viewer_certificate",
                         "logging_config", "origin_group", "web_acl_id"}, "aws_cloudfront_distribution")
        _copy(out, d, {"aliases": "aliases", "default_root_object": "default_root_object", "comment": "comment",
                       "web_acl_id": "web_acl_id"})
        if (enabled := d.get("enabled")) is not None and enabled.v is False:
            out["enabled"] = enabled
        origins = blocks(d, "origin")
        out["origins"] = N([self.origin(o) for o in origins], d.get("origin").loc if d.get("origin") else d.loc)
        if (default := first(d, "default_cache_behavior")) is not None:
            out["default_cache_behavior"] = self.behavior(default)
        ordered = blocks(d, "ordered_cache_behavior")
        if ordered:
            out["cache_behaviors"] = N([self.behavior(b) for b in ordered], ordered[0].loc)
        errors = blocks(d, "custom_error_response")
        if errors:
            out["custom_error_responses"] = N([self.error_response(e) for e in errors], errors[0].loc)
        geo = first(first(d, "restrictions"), "geo_restriction")
        if geo is not None and val(geo, "restriction_type") is not None and geo.get("restriction_type").v != "none":
            out["restrictions"] = N({"geo_restriction": geo}, geo.loc)
        if (logging := first(d, "logging_config")) is not None:
            out["logging"] = logging
        if (groups := blocks(d, "origin_group")):
            out["origin_groups"] = N([self.origin_group(g) for g in groups], groups[0].loc)
        cert = first(d, "viewer_certificate")
        if cert is not None and (cert.get("cloudfront_default_certificate") or N(False)).v is not True:
            self.issues.append(ConfigIssue(Severity.WARNING, cert.loc, "viewer_certificate", "the viewer "
                                           "certificate is not imported: the local CA issues one for every alias"))
        return N(out, d.loc)

    def origin_group(self, g: N) -> N:
        out: dict[str, object] = {}
        _copy(out, g, {"origin_id": "id"})
        members = blocks(g, "member")
        out["members"] = N([m.get("origin_id") or m for m in members], members[0].loc if members else g.loc)
        if (criteria := first(g, "failover_criteria")) is not None:
            out["failover_criteria"] = N({"status_codes": criteria.get("status_codes") or N([], criteria.loc)},
                                         criteria.loc)
        return N(out, g.loc)

    def origin(self, o: N) -> N:
        out: dict[str, object] = {}
        self.unknown(o, {"origin_id", "domain_name", "origin_path", "connection_attempts", "connection_timeout",
                         "custom_header", "custom_origin_config", "s3_origin_config", "origin_access_control_id",
                         "origin_shield"}, "origin")
        _copy(out, o, {"origin_id": "id", "domain_name": "domain_name", "origin_path": "origin_path",
                       "origin_access_control_id": "origin_access_control_id"})
        _copy(out, o, {"connection_attempts": "connection_attempts", "connection_timeout": "connection_timeout"},
              number)
        headers = blocks(o, "custom_header")
        if headers:
            out["custom_headers"] = N({str((h.get("name") or N("")).v): h.get("value") or N("", h.loc)
                                       for h in headers}, headers[0].loc)
        if (c := first(o, "custom_origin_config")) is not None:
            custom: dict[str, object] = {}
            _copy(custom, c, {"http_port": "http_port", "https_port": "https_port",
                              "origin_read_timeout": "read_timeout", "origin_keepalive_timeout": "keepalive_timeout"},
                  number)
            _copy(custom, c, {"origin_protocol_policy": "protocol_policy", "origin_ssl_protocols": "ssl_protocols"})
            out["custom_origin"] = N(custom, c.loc)
        if (s3 := first(o, "s3_origin_config")) is not None:
            oai = val(s3, "origin_access_identity")
            out["s3_origin"] = N({"origin_access_identity": oai} if oai is not None else {}, s3.loc)
        shield = first(o, "origin_shield")
        if shield is not None and (shield.get("enabled") or N(False)).v is True:
            out["origin_shield"] = shield
        return N(out, o.loc)

    def behavior(self, b: N) -> N:
        out: dict[str, object] = {}
        self.unknown(b, {"path_pattern", "target_origin_id", "viewer_protocol_policy", "allowed_methods",
                         "cached_methods", "compress", "cache_policy_id", "origin_request_policy_id",
                         "response_headers_policy_id", "function_association", "lambda_function_association",
                         "forwarded_values", "min_ttl", "default_ttl", "max_ttl", "field_level_encryption_id",
                         "realtime_log_config_arn", "smooth_streaming"}, "cache_behavior")
        _copy(out, b, {"path_pattern": "path_pattern", "target_origin_id": "target_origin_id",
                       "viewer_protocol_policy": "viewer_protocol_policy", "allowed_methods": "allowed_methods",
                       "cached_methods": "cached_methods", "cache_policy_id": "cache_policy",
                       "origin_request_policy_id": "origin_request_policy",
                       "response_headers_policy_id": "response_headers_policy",
                       "trusted_key_groups": "trusted_key_groups", "trusted_signers": "trusted_signers",
                       "field_level_encryption_id": "field_level_encryption_id",
                       "realtime_log_config_arn": "realtime_log_config_arn"})
        if (compress := b.get("compress")) is not None and compress.v is not None:
            out["compress"] = compress
        if (smooth := b.get("smooth_streaming")) is not None and smooth.v is True:
            out["smooth_streaming"] = smooth
        functions = blocks(b, "function_association")
        if functions:
            out["function_associations"] = N({str((f.get("event_type") or N("")).v): _function_name(
                f.get("function_arn") or N(None, f.loc)) for f in functions}, functions[0].loc)
        lambdas = blocks(b, "lambda_function_association")
        if lambdas:
            out["lambda_function_associations"] = lambda_associations(
                [(a.get("event_type"), a.get("lambda_arn"), a.get("include_body"), a) for a in lambdas],
                lambdas[0].loc)
        fv = first(b, "forwarded_values")
        if fv is not None:
            out["forwarded_values"] = self.forwarded_values(fv)
        if (orp := b.get("origin_request_policy_id")) is not None and orp.v is not None and fv is None \
                and val(b, "cache_policy_id") is None:
            out["cache_policy"] = orp_without_cache_policy(orp.loc)
        if fv is not None or val(b, "cache_policy_id") is None:
            # (show -json writes TTLs of 0 beside a cache policy too: those are not the behavior's own)
            _copy(out, b, {"min_ttl": "min_ttl", "default_ttl": "default_ttl", "max_ttl": "max_ttl"}, number)
        return N(out, b.loc)

    def forwarded_values(self, fv: N) -> N:
        out: dict[str, object] = {}
        _copy(out, fv, {"query_string": "query_string", "query_string_cache_keys": "query_string_cache_keys",
                        "headers": "headers"})
        if "query_string" not in out:
            out["query_string"] = N(False, fv.loc)
        if (c := first(fv, "cookies")) is not None:
            out["cookies"] = N({k: v for k, v in (("forward", val(c, "forward")),
                                                 ("whitelisted_names", val(c, "whitelisted_names")))
                                if v is not None}, c.loc)
        return N(out, fv.loc)

    def error_response(self, e: N) -> N:
        out: dict[str, object] = {}
        _copy(out, e, {"error_code": "error_code", "response_code": "response_code",
                       "error_caching_min_ttl": "error_caching_min_ttl"}, number)
        _copy(out, e, {"response_page_path": "response_page_path"})
        return N(out, e.loc)

    def function(self, f: N) -> N:
        out: dict[str, object] = {}
        _copy(out, f, {"runtime": "runtime"})
        code = f.get("code")
        if code is not None and isinstance(code.v, str) and hasattr(code.v, "path"):
            out["code"] = N(str(code.v.path), code.loc)  # file("x.js"): errors then point into the .js file
        elif code is not None:  # (an unreadable file stays an error under 'code')
            out["code" if isinstance(code.v, ConfigIssue) else "inline_code"] = code
        for arn in (val(f, "key_value_store_associations") or N([])).v[:1]:  # type: ignore[index]
            store = str(arn.v).rsplit("/", 1)[-1] if isinstance(arn.v, str) else None
            out["key_value_store"] = kvs_needs_data(store, arn.loc) if store else arn
        return N(out, f.loc)

    def cache_policy(self, p: N) -> N:
        out: dict[str, object] = {}
        _copy(out, p, {"min_ttl": "min_ttl", "default_ttl": "default_ttl", "max_ttl": "max_ttl"}, number)
        _copy(out, p, {"comment": "comment"})
        params = first(p, "parameters_in_cache_key_and_forwarded_to_origin")
        if params is not None:
            self._items(out, params)
            _copy(out, params, {"enable_accept_encoding_gzip": "enable_accept_encoding_gzip",
                                "enable_accept_encoding_brotli": "enable_accept_encoding_brotli"})
        return N(out, p.loc)

    def origin_request_policy(self, p: N) -> N:
        out: dict[str, object] = {}
        _copy(out, p, {"comment": "comment"})
        self._items(out, p)
        return N(out, p.loc)

    def _items(self, out: dict[str, object], p: N) -> None:
        for block, behavior, inner, name in (("headers_config", "header_behavior", "headers", "headers"),
                                             ("cookies_config", "cookie_behavior", "cookies", "cookies"),
                                             ("query_strings_config", "query_string_behavior", "query_strings",
                                              "query_strings")):
            config = first(p, block)
            if config is None:
                continue
            entry: dict[str, object] = {}
            if (b := val(config, behavior)) is not None:
                entry["behavior"] = b
            if (names := val(first(config, inner), "items")) is not None:
                entry["items"] = names
            out[name] = N(entry, config.loc)


    def key_group(self, g: N, keys: dict[str, N]) -> N:
        """{name, items: [public key ids]} -> {public_keys: [{id, pem | encoded_key}]}; a file()'d key stays a file."""
        out = []
        for item in (val(g, "items") or N([])).v:  # type: ignore[union-attr]
            pem = keys.get(str(item.v))
            entry: dict[str, object] = {"id": item}
            if pem is None:
                entry["encoded_key"] = N(ConfigIssue(Severity.ERROR, item.loc, "", f"no aws_cloudfront_public_key "
                                                     f"with id '{item.v}'", f"one of: {', '.join(keys) or '(none)'}"),
                                         item.loc)
            elif isinstance(pem.v, str) and hasattr(pem.v, "path"):
                entry["pem"] = N(str(pem.v.path), pem.loc)
            else:
                entry["encoded_key"] = pem
            out.append(N(entry, item.loc))
        fields: dict[str, object] = {"public_keys": N(out, g.loc)}
        _copy(fields, g, {"comment": "comment"})
        return N(fields, g.loc)


def _function_name(arn: N) -> N:
    if isinstance(arn.v, str) and (m := FUNCTION_ARN.match(arn.v)):
        return N(m.group(1), arn.loc)
    return arn


def resources_tree(resources: Resources, shape: TfShape, issues: list[ConfigIssue]) -> dict[str, object]:
    """Every CloudFront resource of a module or a state, as frontyard's plain tree."""
    tree: dict[str, object] = {}
    distributions: list[N] = []
    functions: dict[str, object] = {}
    cache: dict[str, object] = {}
    orp: dict[str, object] = {}
    public_keys: dict[str, N] = {}
    groups: list[N] = []
    headers: dict[str, object] = {}
    access = origin_access.OriginAccess(issues)  # OACs, bucket policies, distribution ARNs
    for kind, name, body, loc in resources:
        origin_access.tf_resource(access, kind, name, body, loc)
        own = body.get("name")
        key = str(own.v) if own is not None and isinstance(own.v, str) else name
        if kind == "aws_cloudfront_distribution":
            distributions.append(shape.distribution(body, N(name, loc)))
        elif kind == "aws_cloudfront_function":
            functions[key] = shape.function(body)
        elif kind == "aws_cloudfront_cache_policy":
            cache[key] = shape.cache_policy(body)
        elif kind == "aws_cloudfront_origin_request_policy":
            orp[key] = shape.origin_request_policy(body)
        elif kind == "aws_cloudfront_response_headers_policy":
            computed = ("id", "etag", "arn")  # what a state or show -json adds to the policy as written
            fields = {k: v for k, v in flat_blocks(body).items() if k not in computed}
            headers[key] = response_headers_policy(fields, body.loc)
        elif kind == "aws_cloudfront_public_key" and body.get("id") is not None:
            public_keys[str(body.get("id").v)] = body.get("encoded_key") or N(None, loc)  # type: ignore[union-attr]
        elif kind == "aws_cloudfront_key_group":
            groups.append(body)
        elif kind.startswith("aws_cloudfront_") and kind not in QUIET:
            issues.append(ConfigIssue(Severity.WARNING, loc, f"{kind}.{name}", "not emulated and is ignored"))
    origin_access.tf_distribution_arns(access, distributions)
    access.add_to(tree)
    if len(distributions) == 1:
        tree["distribution"] = distributions[0]
    elif distributions:
        tree["distributions"] = distributions
    key_groups = {str((g.get("name") or N("unnamed")).v): shape.key_group(g, public_keys) for g in groups}
    for key, value in (("functions", functions), ("cache_policies", cache), ("origin_request_policies", orp),
                       ("key_groups", key_groups), ("response_headers_policies", headers)):
        if value:
            tree[key] = value
    return tree


def flat_blocks(n: N) -> dict[str, object]:
    """Terraform's nested blocks as CloudFront's API nests them: a single block is a mapping, `{items = [...]}`
    (and repeated `items` blocks) a list; unset attributes left out."""

    def flat(v: N) -> N:
        if isinstance(v.v, dict):
            if set(v.v) == {"items"} and isinstance(v.v["items"].v, list):
                return N([flat(i) for i in v.v["items"].v], v.loc)
            return N({k: flat(x) for k, x in v.v.items() if x.v not in (None, "", [])}, v.loc, v.keys)
        if isinstance(v.v, list):
            if len(v.v) == 1 and isinstance(v.v[0], N) and v.v[0].is_map:  # a block written once
                return flat(v.v[0])
            return N([flat(i) for i in v.v], v.loc)
        return v

    out = flat(n)
    return out.v if isinstance(out.v, dict) else {}  # type: ignore[return-value]
