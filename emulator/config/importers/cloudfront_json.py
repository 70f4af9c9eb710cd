"""CloudFront's own JSON -> the plain tree.

Reads `aws cloudfront get-distribution-config` output ({ETag, DistributionConfig}), `get-distribution` output
({Distribution: {Id, DistributionConfig}}) or a bare DistributionConfig (create-distribution's input). What the
distribution refers to by id is looked for in JSON files beside it: `get-cache-policy`, `get-origin-request-policy`
and `describe-function` outputs, with each function's code in `<name>.js` (what `get-function --name N N.js`
writes).
"""

from __future__ import annotations

from pathlib import Path

from emulator.config.importers import policies
from emulator.config.importers.located import N, distribution_config, parse_document
from emulator.config.importers.result import Imported, kvs_needs_data
from emulator.config.importers.shape import (
    FUNCTION_ARN,
    Shape,
    distribution,
    items,
    response_headers_policy,
    snake,
)
from emulator.config.model.headers import RESPONSE_HEADERS_POLICIES
from emulator.config.model.managed import CACHE_POLICIES, ORIGIN_REQUEST_POLICIES
from emulator.issues import ConfigIssue, Location, Severity

MANAGED_IDS = {p.id for p in (*CACHE_POLICIES, *ORIGIN_REQUEST_POLICIES, *RESPONSE_HEADERS_POLICIES)}
MAX_SIBLINGS = 200


class _Beside:
    """Policies and functions found in the JSON files next to the distribution's."""

    def __init__(self, folder: Path, skip: Path, issues: list[ConfigIssue]) -> None:
        self.cache: dict[str, tuple[str, N]] = {}  # id -> (name, policy)
        self.origin_request: dict[str, tuple[str, N]] = {}
        self.headers: dict[str, tuple[str, N]] = {}
        self.functions: dict[str, N] = {}  # name -> FunctionSummary
        self.key_groups: dict[str, N] = {}  # id -> KeyGroup {Id, KeyGroupConfig}
        self.public_keys: dict[str, N] = {}  # id -> EncodedKey
        self.files: list[Path] = []
        for path in sorted(folder.glob("*.json"))[:MAX_SIBLINGS]:
            if path.resolve() == skip.resolve():
                continue
            try:
                doc, _ = parse_document(path.read_text(encoding="utf-8"), str(path))
            except (OSError, UnicodeDecodeError):
                continue
            if doc is None or not doc.is_map:
                continue
            shape = Shape(issues, path.name)
            if (p := doc.get("CachePolicy")) is not None and p.get("CachePolicyConfig") is not None:
                name, policy = policies.cache_policy(shape, p.get("CachePolicyConfig"))
                self.cache[str((p.get("Id") or N(name)).v)] = (name, policy)
            elif (p := doc.get("OriginRequestPolicy")) is not None and p.get("OriginRequestPolicyConfig") is not None:
                name, policy = policies.origin_request_policy(shape, p.get("OriginRequestPolicyConfig"))
                self.origin_request[str((p.get("Id") or N(name)).v)] = (name, policy)
            elif (p := doc.get("ResponseHeadersPolicy")) is not None and \
                    (config := p.get("ResponseHeadersPolicyConfig")) is not None:
                name = str((config.get("Name") or N("unnamed")).v)
                self.headers[str((p.get("Id") or N(name)).v)] = (name, response_headers_policy(snake(config),
                                                                                                config.loc))
            elif (f := doc.get("FunctionSummary")) is not None and f.get("Name") is not None:
                self.functions[str(f.get("Name").v)] = f
            elif (g := doc.get("KeyGroup")) is not None and g.get("Id") is not None:
                self.key_groups[str(g.get("Id").v)] = g
            elif (k := doc.get("PublicKey")) is not None and k.get("Id") is not None:
                config = k.get("PublicKeyConfig") or N({}, k.loc)
                self.public_keys[str(k.get("Id").v)] = config.get("EncodedKey") or N(None, k.loc)
            else:
                continue
            self.files.append(path)


def import_cloudfront_json(doc: N, file: Path) -> Imported:
    issues: list[ConfigIssue] = []
    cfg, dist_id = distribution_config(doc)
    root = doc.loc or Location(str(file), 1, 1)
    if cfg is None:
        issues.append(ConfigIssue(Severity.ERROR, root, "", "no DistributionConfig in this file",
                                  "the output of `aws cloudfront get-distribution-config --id ID`"))
        return Imported("CloudFront JSON", {}, issues, [file], root)
    if not cfg.is_map:
        issues.append(ConfigIssue(Severity.ERROR, cfg.loc, "DistributionConfig", "must be a mapping",
                                  "the output of `aws cloudfront get-distribution-config --id ID`"))
        return Imported("CloudFront JSON", {}, issues, [file], root)
    beside = _Beside(file.parent, file, issues)
    functions: dict[str, object] = {}

    def function_name(arn: N) -> N | None:
        match = FUNCTION_ARN.match(str(arn.v))
        name = match.group(1) if match else str(arn.v)
        code = file.parent / f"{name}.js"
        if not code.is_file():
            return N(ConfigIssue(Severity.ERROR, arn.loc, "", f"function '{name}': its code is not beside {file.name}",
                                 f"`aws cloudfront get-function --name {name} {name}.js` (and `describe-function "
                                 f"--name {name} > {name}.json` for its runtime) in {file.parent}"), arn.loc)
        functions[name] = _function(beside.functions.get(name), name, code, arn.loc)
        beside.files.append(code)
        return N(name, arn.loc)

    shape = Shape(issues, "DistributionConfig", function_name)
    tree: dict[str, object] = {"distribution": distribution(shape, cfg, dist_id or "default")}
    used_cache, used_orp, used_headers = _policy_refs(tree["distribution"], beside)
    if groups := _key_group_refs(tree["distribution"], beside):
        tree["key_groups"] = groups
    if functions:
        tree["functions"] = functions
    if used_cache:
        tree["cache_policies"] = used_cache
    if used_orp:
        tree["origin_request_policies"] = used_orp
    if used_headers:
        tree["response_headers_policies"] = used_headers
    return Imported("CloudFront JSON", tree, issues, [file, *beside.files], root)


def _function(summary: N | None, name: str, code: Path, loc: Location | None) -> N:
    out: dict[str, object] = {"code": N(code.name, loc)}
    config = summary.get("FunctionConfig") if summary is not None else None
    if config is not None and config.get("Runtime") is not None:
        out["runtime"] = config.get("Runtime")
    for assoc in items(config.get("KeyValueStoreAssociations") if config is not None else None)[:1]:
        arn = assoc.get("KeyValueStoreARN") or N("", assoc.loc)
        out["key_value_store"] = kvs_needs_data(str(arn.v).rsplit("/", 1)[-1], arn.loc)
    return N(out, summary.loc if summary is not None else loc)


def _policy_refs(dist: N, beside: _Beside) -> tuple[dict[str, object], dict[str, object], dict[str, object]]:
    """Point each behavior's policy ids at the policies found beside; unknown custom ids are errors."""
    cache: dict[str, object] = {}
    orp: dict[str, object] = {}
    headers: dict[str, object] = {}
    behaviors = [dist.v.get("default_cache_behavior"), *items(dist.v.get("cache_behaviors"))]  # type: ignore[union-attr]
    for b in behaviors:
        if not isinstance(b, N) or not b.is_map:
            continue
        for key, table, used, command in (("cache_policy", beside.cache, cache, "get-cache-policy"),
                                          ("origin_request_policy", beside.origin_request, orp,
                                           "get-origin-request-policy"),
                                          ("response_headers_policy", beside.headers, headers,
                                           "get-response-headers-policy")):
            ref = b.v.get(key)
            if not isinstance(ref, N) or not isinstance(ref.v, str) or ref.v in MANAGED_IDS:
                continue
            if ref.v in table:
                name, policy = table[ref.v]
                used[name] = policy
                b.v[key] = N(name, ref.loc)
            else:
                b.v[key] = N(ConfigIssue(Severity.ERROR, ref.loc, "", f"{key.replace('_', ' ')} '{ref.v}' is not an "
                                         "AWS managed policy, and no file beside this one defines it",
                                         f"`aws cloudfront {command} --id {ref.v} > {ref.v}.json` beside this file"),
                             ref.loc)
    return cache, orp, headers


def _key_group_refs(dist: N, beside: _Beside) -> dict[str, object]:
    """TrustedKeyGroups name key groups by id: their definitions (and their public keys) come from beside."""
    groups: dict[str, object] = {}
    behaviors = [dist.v.get("default_cache_behavior"), *items(dist.v.get("cache_behaviors"))]  # type: ignore[union-attr]
    for b in behaviors:
        trusted = b.v.get("trusted_key_groups") if isinstance(b, N) and b.is_map else None
        for i, ref in enumerate(trusted.v if isinstance(trusted, N) and isinstance(trusted.v, list) else []):
            group = beside.key_groups.get(str(ref.v))
            if group is None:
                trusted.v[i] = N(ConfigIssue(Severity.ERROR, ref.loc, "", f"key group '{ref.v}': no file beside "
                                             "this one defines it", f"`aws cloudfront get-key-group --id {ref.v} > "
                                             f"{ref.v}.json` and `get-public-key` for each of its keys"), ref.loc)
                continue
            config = group.get("KeyGroupConfig") or N({}, group.loc)
            name = str((config.get("Name") or N(ref.v)).v)
            trusted.v[i] = N(name, ref.loc)
            missing = [str(k.v) for k in items(config.get("Items")) if str(k.v) not in beside.public_keys]
            keys = {**beside.public_keys, **{k: N(ConfigIssue(
                Severity.ERROR, group.loc, "", f"public key '{k}' of key group '{name}' is not beside this file",
                f"`aws cloudfront get-public-key --id {k} > {k}.json`"), group.loc) for k in missing}}
            groups[name] = policies.key_group(config, keys)
    return groups
