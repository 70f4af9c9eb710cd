"""The SAM transform (`Transform: AWS::Serverless-2016-10-31`), as far as a distribution depends on it.

AWS SAM Developer Guide, "Generated CloudFormation resources for AWS SAM": "if you specify an
AWS::Serverless::Function resource in your AWS SAM template file, AWS SAM always generates an AWS::Lambda::Function
base resource. If you also specify the optional AutoPublishAlias property, AWS SAM additionally generates
AWS::Lambda::Alias and AWS::Lambda::Version resources", referenced as `!Ref Function.Version` and `!Ref
Function.Alias`. Here `Globals` are applied to each resource, the generated resources a distribution refers to
(`<Function>Url`, `<Function>Role`, the implicit `ServerlessRestApi` / `ServerlessHttpApi`) are added, and each
serverless resource answers Ref and Fn::GetAtt as its generated resources would.
"""

from __future__ import annotations

from emulator.config.importers.located import N

TRANSFORM = "AWS::Serverless-2016-10-31"
# Globals sections and the resource types they apply to (AWS SAM: "Globals section of the AWS SAM template").
GLOBALS = {"Function": "AWS::Serverless::Function", "Api": "AWS::Serverless::Api",
           "HttpApi": "AWS::Serverless::HttpApi", "SimpleTable": "AWS::Serverless::SimpleTable",
           "StateMachine": "AWS::Serverless::StateMachine", "LayerVersion": "AWS::Serverless::LayerVersion"}


def is_sam(template: N) -> bool:
    transform = template.get("Transform")
    if transform is None:
        return False
    names = transform.v if isinstance(transform.v, list) else [transform]
    return any(isinstance(n, N) and n.v == TRANSFORM for n in names)


def _merge(globals_: N, props: N) -> N:
    """A resource's own properties win; mappings merge key by key; lists are the global's items then its own."""
    out = dict(globals_.v) if globals_.is_map else {}  # type: ignore[arg-type]
    for key, value in (props.v.items() if props.is_map else ()):  # type: ignore[union-attr]
        given = out.get(key)
        if isinstance(given, N) and given.is_map and value.is_map:
            value = _merge(given, value)
        elif isinstance(given, N) and given.is_list and value.is_list:
            value = N([*given.v, *value.v], value.loc)  # type: ignore[misc]
        out[key] = value
    return N(out, props.loc, {**globals_.keys, **props.keys})


def expand(template: N) -> N:
    """The template as the transform leaves it, for what the edge reads: Globals applied, generated resources added."""
    resources = template.get("Resources")
    if resources is None or not resources.is_map:
        return template
    section = template.get("Globals")
    out: dict[str, N] = {}
    for name, resource in resources.v.items():  # type: ignore[union-attr]
        if not resource.is_map or not isinstance((kind := resource.get("Type") or N(None)).v, str):
            out[name] = resource
            continue
        glob = next((section.get(g) for g, t in GLOBALS.items() if t == kind.v and section is not None
                     and section.is_map and section.get(g) is not None), None)
        if glob is not None and glob.is_map:
            props = resource.get("Properties") or N({}, resource.loc)
            resource = N({**resource.v, "Properties": _merge(glob, props)}, resource.loc,  # type: ignore[dict-item]
                         resource.keys)
        out[name] = resource
        for generated, generated_kind in _generated(name, kind.v, resource):
            out.setdefault(generated, N({"Type": N(generated_kind, resource.loc),
                                         "Properties": N({"FunctionName": N({"Ref": N(name, resource.loc)},
                                                                            resource.loc)}, resource.loc)},
                                        resource.loc))
    return N({**template.v, "Resources": N(out, resources.loc, resources.keys)}, template.loc,  # type: ignore[dict-item]
             template.keys)


def _generated(name: str, kind: str, resource: N) -> list[tuple[str, str]]:
    props = resource.get("Properties") or N({})
    if kind != "AWS::Serverless::Function":
        return []
    out = [(f"{name}Role", "AWS::IAM::Role")]
    if props.get("FunctionUrlConfig") is not None:
        out.append((f"{name}Url", "AWS::Lambda::Url"))
    events = props.get("Events")
    for event in events.v.values() if events is not None and events.is_map else ():  # type: ignore[union-attr]
        event_kind = event.get("Type") if isinstance(event, N) else None
        details = event.get("Properties") if isinstance(event, N) else None
        implicit = details is None or (details.get("RestApiId") is None and details.get("ApiId") is None)
        if event_kind is not None and event_kind.v == "Api" and implicit:
            out.append(("ServerlessRestApi", "AWS::ApiGateway::RestApi"))
        if event_kind is not None and event_kind.v == "HttpApi" and implicit:
            out.append(("ServerlessHttpApi", "AWS::ApiGatewayV2::Api"))
    return out


def code_uri(props: N) -> str | None:
    """CodeUri as a local folder or file: a path as written (`sam build` and the source template alike); an S3
    location (`{Bucket, Key}` or `s3://...`, what `sam package` writes) is not on this machine."""
    uri = props.get("CodeUri")
    if uri is None or not isinstance(uri.v, str) or uri.v.startswith("s3://"):
        return None
    return uri.v
