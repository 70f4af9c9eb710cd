"""CloudFormation templates (JSON or YAML, short-form tags allowed) and `cdk synth` output -> the plain tree.

Resources read: AWS::CloudFront::Distribution, Function, CachePolicy, OriginRequestPolicy, KeyValueStore (its data
comes from the local overlay), and the S3 buckets origins refer to. Other CloudFront resources are named in a
warning; resources of other services are only used to resolve Ref/Fn::GetAtt.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from emulator.config.importers import api_origins, lambdas, nested, origin_access, policies, sam
from emulator.config.importers.intrinsics import ACCOUNT, Broken, Resolver, Unresolved, unresolved_issue
from emulator.config.importers.located import N, parse_document
from emulator.config.importers.result import Imported, Unfollowed, kvs_needs_data, parameter_line
from emulator.config.importers.shape import Shape, distribution, items, response_headers_policy, snake
from emulator.issues import ConfigIssue, Location, Severity

T = TypeVar("T")
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
    def __init__(self, template: N, file: str, params: Mapping[str, str], *,
                 inherited: Mapping[str, Callable[[], object]] | None = None, parents: tuple[Path, ...] = ()) -> None:
        self.t = sam.expand(template) if sam.is_sam(template) else template
        self.file = file
        self.params = params
        self.parents = (*parents, Path(file).resolve())  # the templates above this one, for cycles and depth
        self.issues: list[ConfigIssue] = []
        self.resolver = Resolver(self.t, params, self.attribute, inherited)
        self.edge: dict[str, N] = {}  # Lambda functions, kept if a behavior associates them
        self.stacks: dict[str, CloudFormation | None] = {}  # nested stacks, read once
        self.unfollowed: dict[str, ConfigIssue] = {}  # why a nested stack could not be followed
        self.needed = True  # whether the stack being followed gives a value the edge uses
        self.files: list[Path] = [Path(file)]

    # -- what Ref and Fn::GetAtt give for each resource type ----------------------------------------------
    # long: one table of return values per resource type, as the CloudFormation reference lists them
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
        if kind in ("AWS::Lambda::Function", "AWS::Serverless::Function"):
            fn = self._lambda_name(name, props)
            arn = lambdas.lambda_arn(r.region, ACCOUNT, fn)
            alias = props.get("AutoPublishAlias")
            alias_name = r.value(alias) if alias is not None and kind == "AWS::Serverless::Function" else None
            return {None: fn, "Arn": arn, "Version": lambdas.lambda_arn(r.region, ACCOUNT, fn, lambdas.VERSION)
                    if alias_name else None, "Alias": f"{arn}:{alias_name}" if alias_name else None}.get(attr)
        if kind == "AWS::Lambda::Version":
            target = props.get("FunctionName")
            fn = r.value(target) if target is not None else None
            fn = str(fn).rsplit(":", 1)[-1] if isinstance(fn, str) else name
            return {None: lambdas.lambda_arn(r.region, ACCOUNT, fn, lambdas.VERSION),
                    "Version": lambdas.VERSION}.get(attr)
        if kind == "AWS::CloudFront::Distribution":
            fake = "d" + hashlib.sha256(name.encode()).hexdigest()[:13] + ".cloudfront.net"
            return {None: _fake_id(name), "Id": _fake_id(name), "DomainName": fake}.get(attr)
        if kind in ("AWS::CloudFormation::Stack", "AWS::Serverless::Application") and attr \
                and attr.startswith("Outputs."):
            return self._output(name, attr.removeprefix("Outputs."))
        if kind == "AWS::Serverless::SimpleTable":
            table = _config_name(props, "", r, name) if props.get("TableName") is not None else name
            return {None: table, "Arn": f"arn:aws:dynamodb:{r.region}:{ACCOUNT}:table/{table}"}.get(attr)
        return None

    def _lambda_name(self, name: str, props: N) -> str:
        given = props.get("FunctionName")
        value = self.resolver.value(given) if given is not None else None
        return str(value) if isinstance(value, str) else name

    def _lambda(self, name: str, resource: N, props: N) -> N:
        """A Lambda@Edge candidate: CDK's asset folder (aws:asset:path), a SAM CodeUri folder or inline code
        (ZipFile, InlineCode) is its code; code in S3 waits for the overlay."""
        fn = self._lambda_name(name, props)
        get = self.resolver.resolve
        runtime, handler, timeout, memory = (get(props.get(k)) if props.get(k) is not None else None  # type: ignore[misc]
                                             for k in ("Runtime", "Handler", "Timeout", "MemorySize"))
        asset = (resource.get("Metadata") or N({})).get("aws:asset:path")
        inline = (props.get("Code") or N({})).get("ZipFile") or props.get("InlineCode")
        if asset is not None and isinstance(asset.v, str):
            code = N(self._local(asset.v), asset.loc)
        elif inline is not None:
            code = lambdas.inline_code(fn, runtime, get(inline))  # type: ignore[arg-type]
        elif (uri := sam.code_uri(props)) is not None:
            code = N(self._local(uri), props.get("CodeUri").loc)  # type: ignore[union-attr]
        else:
            code = lambdas.code_unknown(fn, props.loc, "its code is in S3, not in a folder here")
        return lambdas.entry(runtime, handler, timeout, memory, code, resource.loc)  # type: ignore[arg-type]

    def _local(self, path: str) -> str:
        """A path written in this template, as the loader reads it: relative to the outermost template's folder
        (a nested template's paths start from its own folder)."""
        if len(self.parents) == 1 or os.path.isabs(path):
            return path
        return os.path.relpath(Path(self.file).resolve().parent / path, self.parents[0].parent)

    # -- nested stacks --------------------------------------------------------------------------------
    def _stack(self, name: str, needed: bool = True) -> CloudFormation | None:
        """The nested stack `name` as a template of its own (read once); None if it cannot be followed: a located
        error when one of its outputs is `needed`, else a warning (an error after all if no distribution is found,
        emulator/config/sources.py)."""
        if name in self.stacks:
            return self.stacks[name]
        self.needed = needed
        self.stacks[name] = None
        resource = self.t.get("Resources").get(name)  # type: ignore[union-attr]
        kind = str((resource.get("Type") or N("")).v)  # type: ignore[union-attr]
        props = resource.get("Properties") or N({}, resource.loc)  # type: ignore[union-attr]
        where = self.t.get("Resources").keys.get(name, resource.loc)  # type: ignore[union-attr]
        url_node = nested.template_url(kind, props)
        given = self.params.get(f"{name}.TemplateURL")
        url = given if given is not None else self.resolver.value(url_node) if url_node is not None else None
        path = nested.local_template(url, Path(self.file).parent) if isinstance(url, str) else None
        if path is None and given is not None:
            path = nested.local_template(given, Path.cwd())
        if path is None:
            self._stack_error(where, name, nested.not_here(props, url),
                              f"the template's path relative to {Path(self.file).name}, or {parameter_line(name)}"
                              .replace(f"{name}=...", f"{name}.TemplateURL=./path/to/template.yaml"))
            return None
        cycle = path.resolve() in self.parents
        if cycle or len(self.parents) > nested.MAX_DEPTH:
            self._stack_error(where, name, f"its template {path} is one of the stacks that contain it (a cycle)"
                              if cycle else f"stacks nested more than {nested.MAX_DEPTH} deep",
                              "a nested template that does not include its parent")
            return None
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            self._stack_error(where, name, f"cannot read {path}: {exc.strerror}", "")
            return None
        doc, issues = parse_document(text, str(path), last_key_wins=True)
        self.issues += issues
        self.files.append(path)
        if doc is None or not doc.is_map:
            self._stack_error(where, name, f"its template {path} is not a CloudFormation template", "")
            return None
        inputs = props.get("Parameters")
        inherited = {k: (lambda n=v: self.resolver.value(n))
                     for k, v in (inputs.v.items() if inputs is not None and inputs.is_map else ())}  # type: ignore[union-attr]
        child = CloudFormation(doc, str(path), self.params, inherited=inherited, parents=self.parents)
        self.stacks[name] = child
        return child

    def _stack_error(self, where: Location | None, name: str, why: str, expected: str) -> None:
        issue = Unfollowed(Severity.ERROR if self.needed else Severity.WARNING, where, f"Resources.{name}",
                                  f"nested stack '{name}' cannot be followed: {why}", expected)
        self.unfollowed[name] = issue
        self.issues.append(issue)

    def _output(self, stack: str, output: str) -> object:
        child = self._stack(stack)
        if child is None:
            why = self.unfollowed.get(stack)
            raise Broken(None, why.message if why else f"nested stack '{stack}' cannot be followed (see its error)",
                         why.expected if why else "")
        outputs = child.t.get("Outputs")
        spec = outputs.get(output) if outputs is not None else None
        value = spec.get("Value") if spec is not None else None
        if value is None:
            known = ", ".join(outputs.v) if outputs is not None and outputs.is_map else "(none)"  # type: ignore[arg-type]
            raise Broken(None, f"nested stack '{stack}' ({child.file}) has no output '{output}'", f"one of: {known}")
        try:
            return child.resolver.value(value)
        except Unresolved as exc:
            if exc.parameter:  # the stack's caller lacks it: the same name, once
                raise
            raise Unresolved(f"{exc.what} (output {output} of nested stack {stack}, {exc.loc})",
                             f"{stack}.Outputs.{output}", None) from None

    # -- the template ---------------------------------------------------------------------------------
    def load(self) -> Imported:
        resources = self.t.get("Resources")
        if resources is None or not resources.is_map:
            self.issues.append(ConfigIssue(Severity.ERROR, self.t.keys.get("Resources", self.t.loc), "Resources",
                                           "a CloudFormation template needs a 'Resources' mapping"))
            resources = N({})
        gathered = _Gathered(access=origin_access.OriginAccess(self.issues))  # OACs and bucket policies
        for name, resource in resources.v.items():  # type: ignore[union-attr]
            if not resource.is_map:
                continue
            kind_n = resource.get("Type")
            kind = str(kind_n.v) if kind_n is not None else ""
            where = resources.keys.get(name, resource.loc)
            if (kind in READ or kind.startswith("AWS::CloudFront::")) and self._included(resource):
                self._guarded(where, self._resource, gathered, name, kind, resource, where)
        tree = gathered.tree(resources.loc)
        for _, child in list(self.stacks.items()) + self._unread_stacks(resources):
            if child is not None:
                part = child.load()
                self.issues += part.issues
                self.files += part.files[1:]
                self.edge.update(child.edge)
                nested.merge(tree, part.tree, resources.loc)
        origin_access.cfn_distribution_arns(gathered.distributions, _fake_id, str(self.resolver.value(N({"Ref": N(
            "AWS::AccountId", self.t.loc)}, self.t.loc))))
        gathered.access.add_to(tree)
        lambdas.add_referenced(tree, self.edge)
        api_origins.attach(tree, resources, self.resolver.value, self.resolver.region, self.edge)
        return Imported("CloudFormation template", tree, self.issues, self.files,
                        self.t.loc or Location(self.file, 1, 1))

    def _unread_stacks(self, resources: N) -> list[tuple[str, CloudFormation | None]]:
        """Nested stacks no output was asked of: followed too, for the distributions inside them."""
        out = []
        for name, resource in list(resources.v.items()):  # type: ignore[union-attr]
            kind = resource.get("Type") if resource.is_map else None
            if kind is not None and isinstance(kind.v, str) and kind.v in STACKS and name not in self.stacks \
                    and self._included(resource):
                props = resource.get("Properties") or N({})
                if kind.v == "AWS::CloudFormation::Stack" or nested.template_url(str(kind.v), props) is not None:
                    out.append((name, self._guarded(resource.loc, self._stack, name, False)))
        return out

    def _guarded(self, where: Location | None, read: Callable[..., T], *args: object) -> T | None:
        """A value read outside any property's resolution (a name, a TemplateURL) that cannot be resolved is
        an issue of its own, not an exception."""
        try:
            return read(*args)
        except Unresolved as exc:
            self.issues.append(unresolved_issue(exc))
        except Broken as exc:
            self.issues.append(ConfigIssue(Severity.ERROR, exc.loc or where, "", exc.message, exc.expected))
        return None

    # long: one branch per CloudFront resource type, each gathered into its part of the plain tree
    def _resource(self, g: _Gathered, name: str, kind: str, resource: N, where: Location | None) -> None:
        props = resource.get("Properties") or N({}, resource.loc)
        if kind == "AWS::CloudFront::Distribution":
            config = self.resolver.resolve(props.get("DistributionConfig") or N({}, props.loc))
            shape = Shape(self.issues, f"Resources.{name}.DistributionConfig", cache_policy_wins=True,
                          given=self.params)
            g.distributions.append(distribution(shape, config, N(name, where)))  # type: ignore[arg-type]
        elif kind == "AWS::CloudFront::Function":
            resolved = self.resolver.resolve(props)
            fn_name = _config_name(props, "", self.resolver, name)
            g.functions[fn_name] = self._function(resolved)  # type: ignore[arg-type]
        elif kind == "AWS::CloudFront::CachePolicy":
            resolved = self.resolver.resolve(props)
            key, policy = policies.cache_policy(Shape(self.issues, name),
                                                resolved.get("CachePolicyConfig") or N({}, resolved.loc))  # type: ignore[union-attr]
            g.cache[key] = policy
        elif kind == "AWS::CloudFront::OriginRequestPolicy":
            resolved = self.resolver.resolve(props)
            key, orp = policies.origin_request_policy(
                Shape(self.issues, name), resolved.get("OriginRequestPolicyConfig") or N({}, resolved.loc))  # type: ignore[union-attr]
            g.origin_request[key] = orp
        elif kind == "AWS::CloudFront::ResponseHeadersPolicy":
            config = self.resolver.resolve(props.get("ResponseHeadersPolicyConfig") or N({}, props.loc))
            key = _config_name(props, "ResponseHeadersPolicyConfig", self.resolver, name)
            g.headers[key] = response_headers_policy(snake(config), config.loc)  # type: ignore[arg-type]
        elif kind in ("AWS::Lambda::Function", "AWS::Serverless::Function"):
            self.edge[self._lambda_name(name, props)] = self._lambda(name, resource, props)
        elif kind == "AWS::CloudFront::PublicKey":
            key_id = self.resolver.value(N({"Ref": N(name, where)}, where))
            config = self.resolver.resolve(props.get("PublicKeyConfig") or N({}, props.loc))
            g.public_keys[str(key_id)] = config.get("EncodedKey") or N(None, config.loc)  # type: ignore[union-attr]
        elif kind == "AWS::CloudFront::KeyGroup":
            g.key_groups.append(self.resolver.resolve(props.get("KeyGroupConfig") or N({}, props.loc)))  # type: ignore[arg-type]
        elif origin_access.cfn_resource(g.access, kind, _fake_id(name), props, self.resolver.resolve):
            pass
        elif kind in NOT_IMPORTED:
            self.issues.append(ConfigIssue(Severity.WARNING, where, f"Resources.{name}",
                                           f"{kind} is not imported: {NOT_IMPORTED[kind]}"))
        elif kind.startswith("AWS::CloudFront::") and kind not in QUIET:
            self.issues.append(ConfigIssue(Severity.WARNING, where, f"Resources.{name}",
                                           f"{kind} is not emulated and is ignored"))

    def _included(self, resource: N) -> bool:
        cond = resource.get("Condition")
        if cond is None:
            return True
        try:
            return self.resolver.condition(str(cond.v), cond.loc)
        except Unresolved as exc:  # reported, and the resource kept so its other problems show too
            self.issues.append(unresolved_issue(exc))
        except Broken as exc:
            self.issues.append(ConfigIssue(Severity.ERROR, exc.loc or cond.loc, "Condition", exc.message,
                                           exc.expected))
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


STACKS = {"AWS::CloudFormation::Stack", "AWS::Serverless::Application"}
READ = {"AWS::Lambda::Function", "AWS::Serverless::Function", "AWS::S3::BucketPolicy"}  # besides AWS::CloudFront::*


@dataclass
class _Gathered:
    """A template's CloudFront resources, by kind, on their way into the plain tree."""

    distributions: list[N] = field(default_factory=list)
    functions: dict[str, object] = field(default_factory=dict)
    cache: dict[str, object] = field(default_factory=dict)
    origin_request: dict[str, object] = field(default_factory=dict)
    headers: dict[str, object] = field(default_factory=dict)
    public_keys: dict[str, N] = field(default_factory=dict)  # id -> EncodedKey
    key_groups: list[N] = field(default_factory=list)
    access: origin_access.OriginAccess = field(default_factory=lambda: origin_access.OriginAccess([]))

    def tree(self, loc: Location | None) -> dict[str, object]:
        tree: dict[str, object] = {}
        if len(self.distributions) == 1:
            tree["distribution"] = self.distributions[0]
        elif self.distributions:
            tree["distributions"] = N(self.distributions, loc)  # type: ignore[arg-type]
        groups = {str((g.get("Name") or N("unnamed")).v): policies.key_group(g, self.public_keys)
                  for g in self.key_groups}
        for key, value in (("functions", self.functions), ("cache_policies", self.cache),
                           ("origin_request_policies", self.origin_request), ("key_groups", groups),
                           ("response_headers_policies", self.headers)):
            if value:
                tree[key] = value
        return tree
