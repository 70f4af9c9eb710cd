"""CloudFormation templates (JSON or YAML, short-form tags allowed) and `cdk synth` output -> the plain tree.

Resources read: AWS::CloudFront::Distribution, Function, CachePolicy, OriginRequestPolicy, KeyValueStore (its data
comes from the local overlay), and the S3 buckets origins refer to. Other CloudFront resources are named in a
warning; resources of other services are only used to resolve Ref/Fn::GetAtt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from emulator.config.importers import api_origins, lambdas, origin_access, policies
from emulator.config.importers.intrinsics import ACCOUNT, Resolver
from emulator.config.importers.located import N
from emulator.config.importers.result import Imported, kvs_needs_data
from emulator.config.importers.shape import Shape, distribution, items, response_headers_policy, snake
from emulator.issues import ConfigIssue, Location, Severity

NOT_IMPORTED = {
    "AWS::CloudFront::RealtimeLogConfig": "real-time logs are not emulated",
    "AWS::CloudFront::ContinuousDeploymentPolicy": "continuous deployment is not emulated",
    "AWS::CloudFront::StreamingDistribution": "RTMP distributions no longer exist",
    "AWS::CloudFront::MonitoringSubscription": "there is nothing to monitor locally",
}
# Read for what they resolve to; OACs are also carried whole (importers/origin_access.py).
QUIET = {"AWS::CloudFront::OriginAccessControl", "AWS::CloudFront::CloudFrontOriginAccessIdentity",
         "AWS::CloudFront::KeyValueStore"}  # a store's data comes from the overlay (key_value_stores)


def _fake_id(name: str, prefix: str = "E") -> str:
    return prefix + hashlib.sha256(name.encode()).hexdigest()[:13].upper()


def _config_name(props: N, key: str, resolver: Resolver, fallback: str) -> str:
    config = props.get(key)
    name = config.get("Name") if config is not None else props.get("Name")
    value = resolver.value(name) if name is not None else None
    return str(value) if isinstance(value, str | int) else fallback


class CloudFormation:
    def __init__(self, template: N, file: str, params: Mapping[str, str]) -> None:
        self.t = template
        self.file = file
        self.issues: list[ConfigIssue] = []
        self.resolver = Resolver(template, params, self.attribute)

    # -- what Ref and Fn::GetAtt give for each resource type ----------------------------------------------
    def attribute(self, kind: str, name: str, attr: str | None, props: N) -> object:
        r = self.resolver
        if (api := api_origins.attribute(kind, name, attr, props, r.region)) is not None:
            return api
        if kind == "AWS::S3::Bucket":
            bucket_name = props.get("BucketName")
            value = r.value(bucket_name) if bucket_name is not None else None
            bucket = str(value) if isinstance(value, str) else name.lower()
            return {None: bucket, "Arn": f"arn:aws:s3:::{bucket}", "DomainName": f"{bucket}.s3.amazonaws.com",
                    "RegionalDomainName": f"{bucket}.s3.{r.region}.amazonaws.com",
                    "DualStackDomainName": f"{bucket}.s3.dualstack.{r.region}.amazonaws.com",
                    "WebsiteURL": f"http://{bucket}.s3-website-{r.region}.amazonaws.com"}.get(attr)
        if kind == "AWS::CloudFront::Function":
            fn = _config_name(props, "", r, name)
            arn = f"arn:aws:cloudfront::{ACCOUNT}:function/{fn}"
            return {None: arn, "FunctionARN": arn, "FunctionMetadata.FunctionARN": arn, "Stage": "LIVE"}.get(attr)
        if kind == "AWS::CloudFront::KeyValueStore":
            store = _config_name(props, "", r, name)
            arn = f"arn:aws:cloudfront::{ACCOUNT}:key-value-store/{store}"
            return {None: store, "Arn": arn, "Id": store, "Status": "READY"}.get(attr)
        config_keys = {"AWS::CloudFront::CachePolicy": "CachePolicyConfig",
                       "AWS::CloudFront::OriginRequestPolicy": "OriginRequestPolicyConfig",
                       "AWS::CloudFront::ResponseHeadersPolicy": "ResponseHeadersPolicyConfig",
                       "AWS::CloudFront::KeyGroup": "KeyGroupConfig"}
        if kind in config_keys and attr in (None, "Id"):
            return _config_name(props, config_keys[kind], r, name)
        if kind == "AWS::CloudFront::PublicKey" and attr in (None, "Id"):
            return _fake_id(name, "K")  # the Key-Pair-Id signers send; --parameter LogicalId=K... to use the real one
        if kind in QUIET and attr in (None, "Id"):
            return _fake_id(name)
        if (oai := origin_access.cfn_attribute(kind, _fake_id(name), attr)) is not None:
            return oai
        if kind == "AWS::Lambda::Function":
            fn = self._lambda_name(name, props)
            arn = lambdas.lambda_arn(r.region, ACCOUNT, fn)
            return {None: fn, "Arn": arn}.get(attr)
        if kind == "AWS::Lambda::Version":
            target = props.get("FunctionName")
            fn = r.value(target) if target is not None else None
            fn = str(fn).rsplit(":", 1)[-1] if isinstance(fn, str) else name
            return {None: lambdas.lambda_arn(r.region, ACCOUNT, fn, lambdas.VERSION),
                    "Version": lambdas.VERSION}.get(attr)
        if kind == "AWS::CloudFront::Distribution":
            fake = "d" + hashlib.sha256(name.encode()).hexdigest()[:13] + ".cloudfront.net"
            return {None: _fake_id(name), "Id": _fake_id(name), "DomainName": fake}.get(attr)
        return None

    def _lambda_name(self, name: str, props: N) -> str:
        given = props.get("FunctionName")
        value = self.resolver.value(given) if given is not None else None
        return str(value) if isinstance(value, str) else name

    def _lambda(self, name: str, resource: N, props: N) -> N:
        """A Lambda@Edge candidate: CDK's asset folder (aws:asset:path) is its code; inline or S3 code is not here."""
        fn = self._lambda_name(name, props)
        asset = (resource.get("Metadata") or N({})).get("aws:asset:path")
        code = N(str(asset.v), asset.loc) if asset is not None and isinstance(asset.v, str) else \
            lambdas.code_unknown(fn, props.loc, "its code is inline or in S3, not a folder here")
        get = self.resolver.resolve
        return lambdas.entry(*(get(props.get(k)) if props.get(k) is not None else None  # type: ignore[misc]
                               for k in ("Runtime", "Handler", "Timeout", "MemorySize")), code, resource.loc)

    # -- the template ---------------------------------------------------------------------------------
    # long: one pass over the template's resources, each CloudFront resource type gathered into the plain tree
    def load(self) -> Imported:
        resources = self.t.get("Resources")
        tree: dict[str, object] = {}
        distributions: list[N] = []
        functions: dict[str, object] = {}
        cache: dict[str, object] = {}
        origin_request: dict[str, object] = {}
        headers: dict[str, object] = {}
        edge: dict[str, N] = {}  # Lambda functions, kept if a behavior associates them
        public_keys: dict[str, N] = {}  # id -> EncodedKey
        key_groups: list[N] = []
        access = origin_access.OriginAccess(self.issues)  # OACs and bucket policies
        if resources is None or not resources.is_map:
            self.issues.append(ConfigIssue(Severity.ERROR, self.t.keys.get("Resources", self.t.loc), "Resources",
                                           "a CloudFormation template needs a 'Resources' mapping"))
            resources = N({})
        for name, resource in resources.v.items():
            if not resource.is_map:
                continue
            kind_n = resource.get("Type")
            kind = str(kind_n.v) if kind_n is not None else ""
            where = resources.keys.get(name, resource.loc)
            if not self._included(resource):
                continue
            props = resource.get("Properties") or N({}, resource.loc)
            if kind == "AWS::CloudFront::Distribution":
                config = self.resolver.resolve(props.get("DistributionConfig") or N({}, props.loc))
                shape = Shape(self.issues, f"Resources.{name}.DistributionConfig")
                distributions.append(distribution(shape, config, N(name, where)))
            elif kind == "AWS::CloudFront::Function":
                resolved = self.resolver.resolve(props)
                fn_name = _config_name(props, "", self.resolver, name)
                functions[fn_name] = self._function(resolved)
            elif kind == "AWS::CloudFront::CachePolicy":
                resolved = self.resolver.resolve(props)
                key, policy = policies.cache_policy(Shape(self.issues, name),
                                                    resolved.get("CachePolicyConfig") or N({}, resolved.loc))
                cache[key] = policy
            elif kind == "AWS::CloudFront::OriginRequestPolicy":
                resolved = self.resolver.resolve(props)
                key, orp = policies.origin_request_policy(
                    Shape(self.issues, name), resolved.get("OriginRequestPolicyConfig") or N({}, resolved.loc))
                origin_request[key] = orp
            elif kind == "AWS::CloudFront::ResponseHeadersPolicy":
                config = self.resolver.resolve(props.get("ResponseHeadersPolicyConfig") or N({}, props.loc))
                key = _config_name(props, "ResponseHeadersPolicyConfig", self.resolver, name)
                headers[key] = response_headers_policy(snake(config), config.loc)
            elif kind == "AWS::Lambda::Function":
                edge[self._lambda_name(name, props)] = self._lambda(name, resource, props)
            elif kind == "AWS::CloudFront::PublicKey":
                key_id = self.resolver.value(N({"Ref": N(name, where)}, where))
                config = self.resolver.resolve(props.get("PublicKeyConfig") or N({}, props.loc))
                public_keys[str(key_id)] = config.get("EncodedKey") or N(None, config.loc)
            elif kind == "AWS::CloudFront::KeyGroup":
                key_groups.append(self.resolver.resolve(props.get("KeyGroupConfig") or N({}, props.loc)))
            elif origin_access.cfn_resource(access, kind, _fake_id(name), props, self.resolver.resolve):
                pass
            elif kind in NOT_IMPORTED:
                self.issues.append(ConfigIssue(Severity.WARNING, where, f"Resources.{name}",
                                               f"{kind} is not imported: {NOT_IMPORTED[kind]}"))
            elif kind.startswith("AWS::CloudFront::") and kind not in QUIET:
                self.issues.append(ConfigIssue(Severity.WARNING, where, f"Resources.{name}",
                                               f"{kind} is not emulated and is ignored"))
        if len(distributions) == 1:
            tree["distribution"] = distributions[0]
        elif distributions:
            tree["distributions"] = N(distributions, resources.loc)
        groups = {str((g.get("Name") or N("unnamed")).v): policies.key_group(g, public_keys) for g in key_groups}
        for key, value in (("functions", functions), ("cache_policies", cache),
                           ("origin_request_policies", origin_request), ("key_groups", groups),
                           ("response_headers_policies", headers)):
            if value:
                tree[key] = value
        lambdas.add_referenced(tree, edge)
        origin_access.cfn_distribution_arns(distributions, _fake_id, str(self.resolver.value(N({"Ref": N(
            "AWS::AccountId", self.t.loc)}, self.t.loc))))
        access.add_to(tree)
        api_origins.attach(tree, resources, self.resolver.value, self.resolver.region, edge)
        return Imported("CloudFormation template", tree, self.issues, [Path(self.file)],
                        self.t.loc or Location(self.file, 1, 1))

    def _included(self, resource: N) -> bool:
        cond = resource.get("Condition")
        if cond is None:
            return True
        try:
            return self.resolver.condition(str(cond.v), cond.loc)
        except Exception as exc:  # Broken: reported, and the resource is kept so its other problems show too
            self.issues.append(ConfigIssue(Severity.ERROR, cond.loc, "Condition", str(exc)))
            return True

    def _function(self, props: N) -> N:
        out: dict[str, object] = {}
        config = props.get("FunctionConfig") or N({}, props.loc)
        runtime = config.get("Runtime")
        if runtime is not None:
            out["runtime"] = runtime
        code = props.get("FunctionCode")
        if code is not None:
            out["inline_code"] = code
        for assoc in items(config.get("KeyValueStoreAssociations"))[:1]:
            arn = assoc.get("KeyValueStoreARN") or N(None, assoc.loc)
            store = str(arn.v).rsplit("/", 1)[-1] if isinstance(arn.v, str) else None
            out["key_value_store"] = arn if store is None else kvs_needs_data(store, arn.loc)
        return N(out, props.loc)


def cdk_templates(manifest: Path) -> tuple[list[Path], list[ConfigIssue]]:
    """The stack templates a `cdk.out/manifest.json` names."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [], [ConfigIssue(Severity.ERROR, Location(str(manifest), 1, 1), "", f"cannot read the CDK "
                                f"manifest: {exc}")]
    out = []
    for artifact in (data.get("artifacts") or {}).values():
        if isinstance(artifact, dict) and artifact.get("type") == "aws:cloudformation:stack":
            template = (artifact.get("properties") or {}).get("templateFile")
            if template:
                out.append(manifest.parent / template)
    if not out:
        return [], [ConfigIssue(Severity.ERROR, Location(str(manifest), 1, 1), "",
                                "the CDK manifest names no CloudFormation stack", "run `cdk synth` first")]
    return out, []
