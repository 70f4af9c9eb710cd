"""API Gateway APIs and Lambda function URLs in an imported CloudFormation template: the ids AWS assigns at deploy,
and a mock for every distribution origin that points at one of them.

Ids AWS assigns get stable local values (like distribution and OAC ids), so the template resolves without
`--parameter`: a REST or HTTP API id (10 characters), a function URL id (32). An origin whose domain_name is
then one of those endpoints (CDK writes `Fn::Select [2, Fn::Split ["/", Fn::GetAtt Url.FunctionUrl]]`) or one of
the API's custom domain names gets `mock: {type: lambda-url | api-gateway, ...}` running the template's function,
so it serves with no overlay line. The function's code is the CDK asset folder, as for Lambda@Edge.
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field

from emulator.config.importers.located import N

_ALPHABET = string.ascii_lowercase + string.digits
_FUNCTION = re.compile(r"function:([A-Za-z0-9_-]+)")
REST = ("AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api")


def local_id(name: str, length: int) -> str:
    """A stable id of AWS's alphabet (lower-case letters and digits) for the resource named `name`."""
    digest = hashlib.sha256(name.encode()).digest()
    return "".join(_ALPHABET[b % len(_ALPHABET)] for b in (digest * 2)[:length])


def attribute(kind: str, name: str, attr: str | None, props: N, region: str) -> object:
    """What Ref / Fn::GetAtt give for these resources; None for any other kind."""
    if kind in REST:
        api = local_id(name, 10)
        endpoint = f"https://{api}.execute-api.{region}.amazonaws.com"
        return {None: api, "RestApiId": api, "ApiId": api, "RootResourceId": local_id(name + "/", 10),
                "ApiEndpoint": endpoint}.get(attr)
    if kind == "AWS::Lambda::Url":
        url = f"https://{local_id(name, 32)}.lambda-url.{region}.on.aws/"
        return {None: url, "FunctionUrl": url}.get(attr)
    if kind in ("AWS::ApiGateway::DomainName", "AWS::ApiGatewayV2::DomainName") and attr is None:
        given = props.get("DomainName")
        return given.v if given is not None and isinstance(given.v, str) else name
    return None


@dataclass
class Api:
    kind: str  # rest | http
    function: str | None = None
    stages: list[str] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)
    domains: dict[str, str] = field(default_factory=dict)  # custom domain[/base] -> stage


def _name_of(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    found = _FUNCTION.search(value)
    return found.group(1) if found else (value if re.fullmatch(r"[A-Za-z0-9_-]+", value) else None)


class Collected:
    """Every API and function URL of the template, keyed by the endpoint domain an origin would name."""

    def __init__(self, resources: N, value: Callable[[N], object], region: str) -> None:
        self._value = value
        self.region = region
        self.apis: dict[str, Api] = {}  # api id -> Api
        self.urls: dict[str, tuple[str, str]] = {}  # function URL domain -> (function name, auth type)
        items = [(name, r) for name, r in resources.v.items() if r.is_map]
        for name, r in items:  # the APIs first: the other resources name them
            kind = str((r.get("Type") or N("")).v)
            if kind in REST:
                is_http = kind.endswith("V2::Api")
                self.apis[local_id(name, 10)] = Api("http" if is_http else "rest", stages=[])
        for name, r in items:
            kind = str((r.get("Type") or N("")).v)
            self.read(name, kind, r.get("Properties") or N({}))

    def value(self, n: N) -> object:
        try:
            return self._value(n)
        except Exception:  # an intrinsic the resolver cannot do: the resource's own problem, reported elsewhere
            return None

    def get(self, props: N, key: str) -> object:
        n = props.get(key)
        return self.value(n) if n is not None else None

    def read(self, name: str, kind: str, props: N) -> None:
        if kind == "AWS::Lambda::Url":
            fn = _name_of(self.get(props, "TargetFunctionArn"))
            if fn:
                domain = f"{local_id(name, 32)}.lambda-url.{self.region}.on.aws"
                self.urls[domain] = (fn, str(self.get(props, "AuthType") or "NONE"))
            return
        api = self.apis.get(str(self.get(props, "RestApiId") or self.get(props, "ApiId")))
        if api is None:
            return
        if kind in ("AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage", "AWS::ApiGateway::Deployment"):
            stage = self.get(props, "StageName")
            if isinstance(stage, str) and stage not in api.stages:
                api.stages.append(stage)
        elif kind == "AWS::ApiGateway::Method":
            integration = props.get("Integration")
            uri = self.value(integration.get("Uri")) if integration and integration.get("Uri") else None
            api.function = api.function or _name_of(uri)
        elif kind == "AWS::ApiGatewayV2::Integration":
            api.function = api.function or _name_of(self.get(props, "IntegrationUri"))
        elif kind == "AWS::ApiGatewayV2::Route":
            key = self.get(props, "RouteKey")
            if isinstance(key, str):
                api.routes.append(key)
        elif kind in ("AWS::ApiGateway::BasePathMapping", "AWS::ApiGatewayV2::ApiMapping"):
            domain = self.get(props, "DomainName")
            base = self.get(props, "BasePath") or self.get(props, "ApiMappingKey") or ""
            stage = self.get(props, "Stage")
            if isinstance(domain, str) and isinstance(stage, str):
                api.domains[f"{domain.lower()}/{str(base).strip('/')}".rstrip("/")] = stage

    def mock_for(self, domain: str) -> tuple[dict[str, object], str | None] | None:
        """The mock an origin with this domain_name gets, and the function it runs."""
        if domain in self.urls:
            fn, auth = self.urls[domain]
            return {"type": "lambda-url", "function": fn, "auth_type": auth, "tls": {}}, fn
        api_id = domain.split(".")[0] if ".execute-api." in domain else None
        api = self.apis.get(api_id or "")
        if api is None:
            api_id, api = next(((i, a) for i, a in self.apis.items()
                                if any(k.split("/")[0] == domain for k in a.domains)), (None, None))
        if api is None or api_id is None:
            return None
        mock: dict[str, object] = {"type": "api-gateway", "api": api.kind, "api_id": api_id, "tls": {},
                                   "region": self.region}
        for key, value in (("stages", api.stages or (["$default"] if api.kind == "http" else [])),
                           ("routes", api.routes), ("custom_domains", api.domains), ("function", api.function)):
            if value:
                mock[key] = value
        return mock, api.function


def _origins(tree: dict[str, object]) -> list[N]:
    dists = [tree.get("distribution")]
    more = tree.get("distributions")
    dists += more.v if isinstance(more, N) and isinstance(more.v, list) else []
    out: list[N] = []
    for d in dists:
        origins = d.get("origins") if isinstance(d, N) and d.is_map else None
        out += [o for o in origins.v if isinstance(o, N) and o.is_map] if origins and origins.is_list else []
    return out


def attach(tree: dict[str, object], resources: N, value: Callable[[N], object], region: str,
           candidates: dict[str, N]) -> None:
    """Give each origin that names a template's API or function URL its mock, and import the function it runs."""
    if not resources.is_map:
        return
    collected = Collected(resources, value, region)
    functions = tree.get("lambda_functions")
    chosen: dict[str, N] = dict(functions) if isinstance(functions, dict) else {}
    for origin in _origins(tree):
        domain_n = origin.get("domain_name")
        if domain_n is None or not isinstance(domain_n.v, str) or origin.get("mock") is not None:
            continue
        found = collected.mock_for(domain_n.v.lower())
        if found is None:
            continue
        mock, fn = found
        origin.v["mock"] = N(mock, domain_n.loc)
        if fn and fn in candidates:
            chosen.setdefault(fn, candidates[fn])
    if chosen:
        tree["lambda_functions"] = chosen
