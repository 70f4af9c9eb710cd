"""API Gateway APIs and Lambda function URLs in a Terraform module: the ids AWS assigns at apply, and a mock for
every distribution origin that points at one of them (what api_origins does for a CloudFormation template).

The ids get stable local values, derived from the resource's address, so `aws_apigatewayv2_api.x.id`,
`.api_endpoint`, `aws_lambda_function_url.x.function_url` and the like resolve without `--parameter`. An origin
whose domain_name is then the API's execute-api domain, one of its custom domain names, or the function URL's domain
gets `mock: {type: api-gateway | lambda-url, ...}` running the module's function (its code the folder or file an
`archive_file` zipped), so it serves with no overlay line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from emulator.config.importers.api_origins import Api, Endpoints, _name_of, attach_mocks, local_id
from emulator.config.importers.intrinsics import ACCOUNT
from emulator.config.importers.located import N
from emulator.config.importers.tf_expand import instance_name
from emulator.config.importers.tf_modules import holds
from emulator.config.importers.tf_read import Block

if TYPE_CHECKING:
    from emulator.config.importers.terraform import Module

REST, HTTP = "aws_api_gateway_rest_api", "aws_apigatewayv2_api"


def _endpoint(api: object, region: str) -> str:
    return f"{api}.execute-api.{region}.amazonaws.com"


# long: one branch per resource type, each the attribute table the aws provider documents for it
def computed(kind: str, seed: str, attr: Callable[[str], object], region: str) -> dict[str, object]:
    """The attributes AWS assigns to these resources (aws provider, "Attribute Reference" of each type)."""
    if kind in (REST, HTTP):
        api = local_id(seed, 10)
        values = {"id": api, "api_endpoint": f"https://{_endpoint(api, region)}",
                  "execution_arn": f"arn:aws:execute-api:{region}:{ACCOUNT}:{api}",
                  "arn": f"arn:aws:apigateway:{region}::/{'restapis' if kind == REST else 'apis'}/{api}"}
        return {**values, "root_resource_id": local_id(seed + "/", 10)} if kind == REST else values
    if kind in ("aws_api_gateway_stage", "aws_api_gateway_deployment"):
        api, stage = attr("rest_api_id"), attr("stage_name")
        values = {"id": f"ags-{api}-{stage}" if kind.endswith("stage") else local_id(seed, 6),
                  "execution_arn": f"arn:aws:execute-api:{region}:{ACCOUNT}:{api}/{stage or ''}"}
        return {**values, "invoke_url": f"https://{_endpoint(api, region)}/{stage or ''}"}
    if kind == "aws_apigatewayv2_stage":  # the stage's id is its name; $default is served at the root
        api, stage = attr("api_id"), attr("name")
        path = "" if stage == "$default" else stage
        return {"id": stage, "invoke_url": f"https://{_endpoint(api, region)}/{path}",
                "execution_arn": f"arn:aws:execute-api:{region}:{ACCOUNT}:{api}/{stage}"}
    if kind == "aws_api_gateway_domain_name":
        name = attr("domain_name")
        return {"id": name, "cloudfront_domain_name": f"d{local_id(seed, 13)}.cloudfront.net",
                "regional_domain_name": f"d-{local_id(seed, 10)}.execute-api.{region}.amazonaws.com"}
    if kind == "aws_apigatewayv2_domain_name":
        return {"id": attr("domain_name")}
    if kind == "aws_lambda_function_url":
        url_id = local_id(seed, 32)
        return {"url_id": url_id, "function_url": f"https://{url_id}.lambda-url.{region}.on.aws/"}
    if kind == "aws_lambda_function":  # what an API integration's uri names (Lambda proxy integrations)
        fn = attr("function_name")
        return {"invoke_arn": f"arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/"
                              f"arn:aws:lambda:{region}:{ACCOUNT}:function:{fn}/invocations"}
    if kind.startswith(("aws_apigatewayv2_", "aws_api_gateway_")):  # routes, integrations, authorizers...
        return {"id": local_id(seed, 7)}
    return {}


def walk(module: Module, wanted: Callable[[str], bool]) -> Iterator[tuple[Module, str, str, Block]]:
    """(module, type, instance name, block) of every resource instance of a wanted type, the module calls'
    included; other resources, and calls holding none, are not evaluated (their count or for_each may be known
    only after apply)."""
    for (kind, name), block in module.resources.items():
        if not wanted(kind):
            continue
        made = module.instances_of(kind, name, block)
        for key, b in [(None, block)] if made is None else made:
            yield module, kind, name if key is None else instance_name(name, key), b
    for call in module.calls:
        if call not in module._children and not holds(module, call, wanted):
            continue
        made = module.children(call)
        for child in [made] if made is not None and not isinstance(made, list) else [m for _, m in made or []]:
            yield from walk(child, wanted)


def _api_kind(kind: str) -> bool:
    return kind.startswith(("aws_api_gateway_", "aws_apigatewayv2_", "aws_lambda_"))


class TfEndpoints(Endpoints):
    """Every API and function URL of a module and its calls."""

    def __init__(self, root: Module) -> None:
        super().__init__(root.region)
        found = list(walk(root, _api_kind))
        for module, kind, name, block in found:  # the APIs first: the other resources name them
            if kind in (REST, HTTP):
                self.apis[str(self.get(module, kind, name, block, "id"))] = Api("rest" if kind == REST else "http")
        for module, kind, name, block in found:
            self.read(kind, lambda key, m=module, k=kind, n=name, b=block: self.get(m, k, n, b, key))

    @staticmethod
    def get(module: Module, kind: str, name: str, block: Block, key: str) -> object:
        try:
            value = module.attribute(block, kind, name, key, block.loc)
        except Exception:  # an expression the module cannot evaluate: the resource's own problem, reported elsewhere
            return None
        return value if isinstance(value, str | int | float | list | dict) else None

    def read(self, kind: str, get: Callable[[str], object]) -> None:
        if kind == "aws_lambda_function_url":
            url, fn = get("function_url"), _name_of(get("function_name"))
            if isinstance(url, str) and fn:
                domain = url.removeprefix("https://").rstrip("/")
                self.urls[domain] = (fn, str(get("authorization_type") or "NONE"))
            return
        api = self.apis.get(str(get("rest_api_id") or get("api_id")))
        if api is None:
            return
        if kind in ("aws_api_gateway_stage", "aws_api_gateway_deployment", "aws_apigatewayv2_stage"):
            stage = get("name" if kind == "aws_apigatewayv2_stage" else "stage_name")
            if isinstance(stage, str) and stage and stage not in api.stages:
                api.stages.append(stage)
        elif kind in ("aws_api_gateway_integration", "aws_apigatewayv2_integration"):
            api.function = api.function or _name_of(get("uri" if kind == "aws_api_gateway_integration"
                                                        else "integration_uri"))
        elif kind == "aws_apigatewayv2_route":
            route = get("route_key")
            if isinstance(route, str):
                api.routes.append(route)
        elif kind in ("aws_api_gateway_base_path_mapping", "aws_apigatewayv2_api_mapping"):
            domain, stage = get("domain_name"), get("stage_name" if kind.startswith("aws_api_gateway_") else "stage")
            base = get("base_path") or get("api_mapping_key") or ""
            if isinstance(domain, str) and isinstance(stage, str):
                api.domains[f"{domain.lower()}/{str(base).strip('/')}".rstrip("/")] = stage


def attach(tree: dict[str, object], root: Module, candidates: dict[str, N]) -> None:
    """Give each origin that names a module's API or function URL its mock, and import the function it runs."""
    attach_mocks(tree, TfEndpoints(root), candidates)
