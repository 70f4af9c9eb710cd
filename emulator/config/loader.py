"""Plain config tree -> typed model. Collects every issue; raises ConfigError once, with all of them."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from emulator.config import keys as config_keys
from emulator.config import rules
from emulator.config.engines import Engines
from emulator.config.model import (
    CACHED_METHOD_SETS,
    METHOD_SETS,
    CacheBehavior,
    Config,
    Distribution,
    EventType,
    FunctionAssociation,
    LambdaFunctionConfig,
    Origin,
    OriginProtocolPolicy,
    ViewerProtocolPolicy,
)
from emulator.config.model.access import OriginAccessControl
from emulator.config.model.managed import CACHE_POLICIES
from emulator.config.reader import Report, Section
from emulator.config.sections.error_responses import load_error_responses
from emulator.config.sections.functions import load_functions
from emulator.config.sections.groups import load_geo_restriction, load_origin_groups
from emulator.config.sections.headers import HeadersPolicies
from emulator.config.sections.keys import check_signer_accounts, group_names, load_key_groups, load_trust
from emulator.config.sections.lambdas import load_lambda_associations, load_lambda_functions
from emulator.config.sections.mocks import load_mock
from emulator.config.sections.origin_access import (
    load_access_controls,
    load_aws_identity,
    load_bucket_policies,
    load_distribution_arn,
    load_origin_access,
    with_bucket_policy,
)
from emulator.config.sections.policies import Policies
from emulator.config.sections.settings import load_settings
from emulator.config.yamlsrc import Path as TreePath
from emulator.config.yamlsrc import parse_yaml, read_config_file
from emulator.errors import ConfigError
from emulator.issues import Severity

SETS_TEXT = " | ".join("[" + ", ".join(sorted(s, key=["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST",
                                                       "DELETE"].index)) + "]" for s in METHOD_SETS)


def load_config(path: str | Path, engines: Engines) -> Config:
    """Read and validate a YAML config file. Raises ConfigError listing every problem."""
    path = Path(path)
    text, problem = read_config_file(path)
    if problem is not None:
        raise ConfigError(str(path), [problem])
    return load_config_text(text, str(path), path.parent, engines)


def load_config_text(text: str, file: str, base_dir: Path, engines: Engines) -> Config:
    tree, smap, issues = parse_yaml(text, file)
    if tree is None and not issues:  # `null` (or `~`) alone: an empty document, which says what it lacks
        tree = {}
    report = Report(smap, base_dir.resolve(), issues, engines)
    config = _Loader(report).load(tree) if tree is not None else None
    if config is None or any(i.severity is Severity.ERROR for i in report.issues):
        raise ConfigError(file, report.issues)
    return config


def load_tree(tree: object, report: Report) -> Config | None:
    """An already parsed plain tree (an importer's) -> model; issues go to the report."""
    return _Loader(report).load(tree)


class _Loader:
    def __init__(self, report: Report) -> None:
        self.r = report
        self.policies = Policies(report)
        self.key_group_names: set[str] = set()
        self.headers_policies = HeadersPolicies(report)
        self.lambdas: dict[str, LambdaFunctionConfig] = {}
        self.lambda_names: set[str] = set()
        self.access_controls: dict[str, OriginAccessControl] = {}
        self.bucket_policies: dict[str, tuple[dict[str, object], TreePath]] = {}
        self.policies_checked: set[str] = set()  # buckets whose policy's problems were reported

    def load(self, tree: object) -> Config | None:
        top = Section(self.r, (), tree)
        top.check_keys(config_keys.names(config_keys.TOP))
        self.policies.load(top)
        self.access_controls = load_access_controls(self.r, top)
        self.bucket_policies = load_bucket_policies(self.r, top)
        self.headers_policies.load(top)
        key_groups = load_key_groups(self.r, top.section("key_groups"))
        self.key_group_names = {g.name for g in key_groups} | group_names(top.data.get("key_groups"))
        functions = load_functions(self.r, top)
        lambdas = load_lambda_functions(self.r, top)
        self.lambdas = {f.name: f for f in lambdas}
        raw_lambdas = top.data.get("lambda_functions")
        self.lambda_names = set(raw_lambdas) if isinstance(raw_lambdas, dict) else set()
        # Every declared name: a function that failed to load has its own error, not a follow-on one here.
        declared = top.data.get("functions")
        names = {f.name for f in functions} | (set(declared) if isinstance(declared, dict) else set())
        distributions: list[Distribution] = []
        if top.has("distribution") and top.has("distributions"):
            self.r.error(("distributions",), "give either 'distribution' or 'distributions', not both")
        if top.has("distribution"):
            d = self.distribution(("distribution",), top.data["distribution"], names, 0)
            distributions += [d] if d else []
        for path, raw in top.items("distributions"):
            d = self.distribution(path, raw, names, int(path[-1]))
            distributions += [d] if d else []
        if top.data.get("distributions") == []:
            self.r.error(("distributions",), "the list is empty: every request would have nowhere to go",
                         "at least one distribution")
        if not top.has("distribution") and not top.has("distributions"):
            self.r.error((), "missing required key 'distribution'", "a mapping describing the distribution")
        self.check_hosts(distributions)
        emulator = top.section("emulator")  # once: each call reports a section that is not a mapping
        settings = replace(load_settings(self.r, emulator), aws=load_aws_identity(self.r, emulator))
        check_signer_accounts(self.r, distributions, settings.key_pairs)
        warnings = tuple(i for i in self.r.issues if i.severity is Severity.WARNING)
        return Config(
            file=self.r.smap.file,
            distributions=tuple(distributions),
            functions=tuple(functions),
            emulator=settings,
            warnings=warnings,
            key_groups=key_groups,
            lambda_functions=tuple(lambdas),
        )

    # -- distribution ---------------------------------------------------------------------------------
    def distribution(self, path: TreePath, raw: object, functions: set[str], index: int) -> Distribution | None:
        s = Section(self.r, path, raw)
        s.check_keys(config_keys.names(config_keys.DISTRIBUTION), config_keys.ignored(config_keys.DISTRIBUTION))
        dist_id = s.str("id", f"dist{index + 1}" if index else "default") or "default"
        # A stable fake CloudFront domain per distribution, like d111111abcdef8.cloudfront.net.
        fake = "d" + hashlib.sha256(dist_id.encode()).hexdigest()[:13] + ".cloudfront.net"
        domain = (s.str("domain_name", fake) or fake).lower()
        aliases = [a.lower() for a in (s.strs("aliases") or [])]
        if len(aliases) > rules.ALIASES_BOUND:  # imported sources reach here; YAML text is refused while scanned
            self.r.error(s.at("aliases"), f"{len(aliases):,} alternate domain names, {rules.ALIASES_BOUND_WHY}")
            aliases = []
        elif len(aliases) > rules.MAX_ALIASES:
            self.r.warn(s.at("aliases"), f"{len(aliases):,} alternate domain names, {rules.ALIASES_QUOTA}")
        for i, alias in enumerate(aliases):
            if not rules.HOSTNAME.match(alias):
                self.r.error(s.at("aliases") + (i,), f"'{alias}' is not a valid alternate domain name",
                             "a DNS name, optionally starting with '*.'")
        root = s.str("default_root_object", "") or ""
        if root and (problem := rules.root_object_problem(root)):
            self.r.error(s.at("default_root_object"), f"'{root}' {problem}")
        origins = self.origins(s)
        # Ids as written, even of origins with other errors, so one mistake doesn't cascade into more.
        raw_origins = s.data.get("origins")
        origin_ids = {str(o["id"]) for o in raw_origins if isinstance(o, dict) and o.get("id") is not None} \
            if isinstance(raw_origins, list) else set()
        groups = load_origin_groups(self.r, s, origin_ids)
        origin_ids |= {g.id for g in groups}  # a behavior targets an origin or an origin group
        default_raw = s.data.get("default_cache_behavior")
        default = self.behavior(s.at("default_cache_behavior"), default_raw, origin_ids, functions, True)
        if default_raw is None:
            self.r.error(path, "missing required key 'default_cache_behavior'")
        behaviors = [b for p, raw_b in s.items("cache_behaviors")
                     if (b := self.behavior(p, raw_b, origin_ids, functions, False))]
        self.check_patterns(s, behaviors)
        errors = load_error_responses(self.r, s)
        if default is None:
            return None
        return Distribution(
            id=dist_id,
            domain_name=domain,
            origins=tuple(origins),
            default_cache_behavior=default,
            cache_behaviors=tuple(behaviors),
            aliases=tuple(aliases),
            default_root_object=root,
            custom_error_responses=tuple(errors),
            location=s.location,
            origin_groups=tuple(groups),
            geo_restriction=load_geo_restriction(self.r, s),
            arn=load_distribution_arn(self.r, s),
        )

    def check_patterns(self, s: Section, behaviors: list[CacheBehavior]) -> None:
        seen: dict[str, int] = {}
        for i, b in enumerate(behaviors):
            key = "/" + b.path_pattern.lstrip("/")  # a leading '/' is implied
            if key in seen:
                self.r.warn(s.at("cache_behaviors") + (i, "path_pattern"),
                            f"'{b.path_pattern}' repeats behavior [{seen[key]}]'s pattern: this behavior never "
                            "matches (first match wins)")
            seen.setdefault(key, i)

    def origins(self, s: Section) -> list[Origin]:
        out: list[Origin] = []
        entries = s.items("origins")
        if not entries and not s.has("origins"):
            self.r.error(s.path, "missing required key 'origins'", "a list of origins")
        ids: set[str] = set()
        for path, raw in entries:
            o = self.origin(path, raw)
            if o is None:
                continue
            if o.id in ids:
                self.r.error(path + ("id",), f"origin id '{o.id}' is used twice", "unique origin ids")
            ids.add(o.id)
            out.append(o)
        return out

    def origin(self, path: TreePath, raw: object) -> Origin | None:

        s = Section(self.r, path, raw)
        s.check_keys(config_keys.names(config_keys.ORIGIN), config_keys.ignored(config_keys.ORIGIN))
        origin_id = s.str("id", required=True)
        domain = s.str("domain_name", required=True, expected="the origin's DNS name")
        origin_path = s.str("origin_path", "") or ""
        if origin_path and (problem := rules.origin_path_problem(origin_path)):
            self.r.error(s.at("origin_path"), f"'{origin_path}' {problem}", "like /production")
        headers = self.custom_headers(s)
        attempts = s.int("connection_attempts", 3, 1, 3)
        timeout = s.int("connection_timeout", 10, 1, 10)
        c = s.section("custom_origin")
        is_s3 = s.has("s3_origin")
        if c and is_s3:
            self.r.error(path, "give either 'custom_origin' or 's3_origin', not both")
        if is_s3:
            Section(self.r, s.at("s3_origin"), s.data["s3_origin"]).check_keys(
                config_keys.names(config_keys.S3_ORIGIN), config_keys.ignored(config_keys.S3_ORIGIN))
        cs = c or Section(self.r, s.at("custom_origin"), {})
        cs.check_keys(config_keys.names(config_keys.CUSTOM_ORIGIN))
        ports = dict(lo=1024, hi=65535, allowed=(80, 443), expected="80, 443, or 1024 to 65535")
        http_port = cs.int("http_port", 80, **ports)  # type: ignore[arg-type]
        https_port = cs.int("https_port", 443, **ports)  # type: ignore[arg-type]
        # CloudFront requires a protocol policy; local services mostly speak plain HTTP, so that is ours.
        default_policy = OriginProtocolPolicy.HTTP_ONLY
        if is_s3 and (s.data.get("mock") is None or "tls" in (s.data.get("mock") or {})):
            default_policy = OriginProtocolPolicy.MATCH_VIEWER  # S3 REST: the viewer's protocol (a plain mock: HTTP)
        policy = cs.enum("protocol_policy", OriginProtocolPolicy, default_policy) or default_policy
        read_timeout = cs.int("read_timeout", 30, 1, 120)
        keepalive = cs.int("keepalive_timeout", 5, 1, 120)
        ssl = cs.strs("ssl_protocols") or ["TLSv1.2"]
        for i, proto in enumerate(ssl):
            if proto not in ("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"):
                self.r.error(cs.at("ssl_protocols") + (i,), f"'{proto}' is not an origin SSL protocol",
                             "a list of: SSLv3, TLSv1, TLSv1.1, TLSv1.2")
        mock = with_bucket_policy(self.r, load_mock(self.r, s, domain or "", self.lambdas, self.lambda_names),
                                  domain or "", self.bucket_policies, self.policies_checked)
        access_control, access_identity = load_origin_access(self.r, s, self.access_controls, domain or "", mock)
        if origin_id is None or domain is None:
            return None
        return Origin(
            id=origin_id,
            domain_name=domain.lower(),
            location=s.location,
            origin_path=origin_path,
            custom_headers=tuple(headers),
            connection_attempts=attempts,
            connection_timeout=timeout,
            protocol_policy=policy,
            http_port=http_port,
            https_port=https_port,
            read_timeout=read_timeout,
            keepalive_timeout=keepalive,
            ssl_protocols=tuple(ssl),
            is_s3=is_s3,
            mock=mock,
            access_control=access_control,
            access_identity=access_identity,
        )

    def custom_headers(self, s: Section) -> list[tuple[str, str]]:
        raw = s.data.get("custom_headers")
        if raw is None:
            return []
        if not isinstance(raw, dict):
            self.r.error(s.at("custom_headers"), "must be a mapping of header name to value",
                         "like {X-Origin-Verify: secret}")
            return []
        out = []
        for name, value in raw.items():
            value = "" if value is None else str(value)
            if problem := rules.custom_header_problem(name, value):
                self.r.error(s.at("custom_headers") + (name,), problem, key=True)
            out.append((name, value))
        if len(out) > 30:
            self.r.error(s.at("custom_headers"), f"{len(out)} custom headers; CloudFront allows 30 per origin")
        return out

    # -- behaviors ------------------------------------------------------------------------------------
    def behavior(self, path: TreePath, raw: object, origins: set[str], functions: set[str],
                 is_default: bool) -> CacheBehavior | None:
        if raw is None:
            return None
        s = Section(self.r, path, raw)
        table = config_keys.BEHAVIOR if is_default else config_keys.CACHE_BEHAVIOR
        s.check_keys(config_keys.names(table), config_keys.ignored(table))
        pattern = "*" if is_default else s.str("path_pattern", required=True, expected="like /api/*")
        if pattern is not None and not is_default and (problem := rules.path_pattern_problem(pattern)):
            self.r.error(s.at("path_pattern"), f"'{pattern}' {problem}")
        target = s.str("target_origin_id", required=True, expected=f"one of the origin ids: {sorted(origins)}")
        if target and target not in origins:
            self.r.error(s.at("target_origin_id"), f"no origin has id '{target}'",
                         f"one of: {', '.join(sorted(origins)) or '(no origins defined)'}")
        vpp = s.enum("viewer_protocol_policy", ViewerProtocolPolicy, ViewerProtocolPolicy.ALLOW_ALL)
        allowed = self.method_set(s, "allowed_methods", METHOD_SETS)
        cached = self.method_set(s, "cached_methods", CACHED_METHOD_SETS)
        if not cached <= allowed:
            self.r.error(s.at("cached_methods"), "cached methods must be a subset of allowed_methods")
        cache_policy = self.policies.cache_policy(s)
        legacy = self.policies.forwarded_values(s)
        if legacy is not None and s.has("cache_policy"):
            self.r.error(s.at("forwarded_values"), "give either a cache_policy or legacy forwarded_values, not both")
        if legacy is None and cache_policy is None and not s.has("cache_policy"):
            cache_policy = CACHE_POLICIES[0]  # the console's default: Managed-CachingOptimized
        orp = self.policies.origin_request_policy(s)
        if orp is not None and legacy is not None:
            self.r.error(s.at("origin_request_policy"), "an origin request policy needs a cache policy on the same "
                         "behavior, not legacy forwarded_values")
        rhp = s.str("response_headers_policy")
        headers_policy = self.headers_policies.resolve(s)
        associations = self.associations(s, functions)
        key_groups, signers = load_trust(self.r, s, self.key_group_names)
        lambdas = load_lambda_associations(self.r, s, self.lambdas, self.lambda_names, associations)
        if pattern is None or target is None or vpp is None:
            return None
        return CacheBehavior(
            path_pattern=pattern,
            target_origin_id=target,
            location=s.location,
            is_default=is_default,
            viewer_protocol_policy=vpp,
            allowed_methods=allowed,
            cached_methods=cached,
            compress=s.bool("compress", False),
            cache_policy=None if legacy else cache_policy,
            origin_request_policy=orp,
            forwarded_values=legacy,
            response_headers_policy=rhp,
            function_associations=tuple(associations),
            trusted_key_groups=key_groups,
            trusted_signers=signers,
            headers_policy=headers_policy,
            lambda_function_associations=tuple(lambdas),
        )

    def method_set(self, s: Section, key: str, choices: tuple[frozenset[str], ...]) -> frozenset[str]:
        methods = s.strs(key)
        if methods is None:
            return choices[0]
        found = frozenset(m.upper() for m in methods)
        if found not in choices:
            text = SETS_TEXT if len(choices) == 3 else " | ".join(SETS_TEXT.split(" | ")[:2])
            self.r.error(s.at(key), f"[{', '.join(methods)}] is not a CloudFront method set",
                         f"one of: {text}")
            return choices[0]
        return found

    def associations(self, s: Section, functions: set[str]) -> list[FunctionAssociation]:
        a = s.section("function_associations")
        if a is None:
            return []
        table = config_keys.FUNCTION_ASSOCIATIONS
        a.check_keys(config_keys.names(table), config_keys.ignored(table))
        out = []
        for event in EventType:
            name = a.str(event.value)
            if name is None:
                continue
            if name not in functions:
                self.r.error(a.at(event.value), f"no function named '{name}'",
                             f"one of the names under 'functions': {', '.join(sorted(functions)) or '(none)'}")
            out.append(FunctionAssociation(event_type=event, function_name=name))
        return out

    def check_hosts(self, distributions: list[Distribution]) -> None:
        owner: dict[str, str] = {}
        ids: set[str] = set()
        for index, d in enumerate(distributions):
            if d.id in ids:
                self.r.error(("distributions", index, "id"), f"distribution id '{d.id}' is used twice",
                             "unique distribution ids")
            ids.add(d.id)
            for name in (d.domain_name, *d.aliases):
                if name in owner and owner[name] != d.id:
                    self.r.error(("distributions", index), f"'{name}' is claimed by distributions "
                                 f"'{owner[name]}' and '{d.id}'", "each alias on one distribution only")
                owner[name] = d.id

    # -- functions and emulator settings --------------------------------------------------------------
