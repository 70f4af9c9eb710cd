"""Cache and origin request policies, in CloudFront's shapes -> frontyard's plain tree.

Shared by the CloudFormation importer (plain lists) and the CloudFront JSON importer ({Quantity, Items}).
"""

from __future__ import annotations

from emulator.config.importers.located import N
from emulator.config.importers.shape import Shape, boolean, items, located_list, number, put
from emulator.issues import ConfigIssue, Severity


def _item_set(config: N | None, kind: str) -> N | None:
    """HeadersConfig {HeaderBehavior, Headers} -> {behavior, items}."""
    if config is None:
        return None
    out: dict[str, object] = {}
    put(out, "behavior", config.get(f"{kind}Behavior"))
    names = config.get(f"{kind}s")
    if items(names):
        out["items"] = located_list(names)
    return N(out, config.loc)


def _policy_items(out: dict[str, object], p: N | None) -> None:
    if p is None:
        return
    put(out, "headers", _item_set(p.get("HeadersConfig"), "Header"))
    put(out, "cookies", _item_set(p.get("CookiesConfig"), "Cookie"))
    put(out, "query_strings", _item_set(p.get("QueryStringsConfig"), "QueryString"))


def cache_policy(shape: Shape, config: N) -> tuple[str, N]:
    """CachePolicyConfig -> (name, the policy's mapping under cache_policies)."""
    shape.unknown(config, {"Name", "Comment", "MinTTL", "DefaultTTL", "MaxTTL",
                           "ParametersInCacheKeyAndForwardedToOrigin"}, "CachePolicyConfig")
    out: dict[str, object] = {}
    for key, name in (("MinTTL", "min_ttl"), ("DefaultTTL", "default_ttl"), ("MaxTTL", "max_ttl")):
        put(out, name, config.get(key), number)
    put(out, "comment", config.get("Comment"))
    params = config.get("ParametersInCacheKeyAndForwardedToOrigin")
    _policy_items(out, params)
    if params is not None:
        put(out, "enable_accept_encoding_gzip", params.get("EnableAcceptEncodingGzip"), boolean)
        put(out, "enable_accept_encoding_brotli", params.get("EnableAcceptEncodingBrotli"), boolean)
    return _name(config), N(out, config.loc)


def origin_request_policy(shape: Shape, config: N) -> tuple[str, N]:
    shape.unknown(config, {"Name", "Comment", "HeadersConfig", "CookiesConfig", "QueryStringsConfig"},
                  "OriginRequestPolicyConfig")
    out: dict[str, object] = {}
    put(out, "comment", config.get("Comment"))
    _policy_items(out, config)
    return _name(config), N(out, config.loc)


def _name(config: N) -> str:
    name = config.get("Name")
    return str(name.v) if name is not None and name.v is not None else "unnamed"



def key_group(config: N, keys: dict[str, N]) -> N:
    """KeyGroupConfig {Name, Items: [public key id]} -> {public_keys: [{id, encoded_key}]} (keys: id -> PEM)."""
    out = []
    for item in items(config.get("Items")):
        pem = keys.get(str(item.v))
        if pem is None:
            pem = N(ConfigIssue(Severity.ERROR, item.loc, "", f"no public key with id '{item.v}' here",
                                f"one of: {', '.join(keys) or '(no public keys)'}"), item.loc)
        out.append(N({"id": item, "encoded_key": pem}, item.loc))
    fields: dict[str, object] = {"public_keys": N(out, config.loc)}
    put(fields, "comment", config.get("Comment"))
    return N(fields, config.loc)
