"""CloudFormation intrinsic functions, resolved statically (one resolver per function, like cfn-lint).

What a template's value depends on at deploy time (another stack's export, a load balancer's DNS name) cannot
be known here: such a value becomes a located error that says how to supply it (`--parameter NAME=VALUE`, or
`parameters:` in the local overlay file).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from emulator.config.importers.located import N
from emulator.config.importers.result import Missing, missing
from emulator.issues import ConfigIssue, Location, Severity

ACCOUNT = "123456789012"
NO_VALUE = object()  # AWS::NoValue: the property is left out


@dataclass
class Unresolved(Exception):
    """A value that needs something only a deployment knows; `key` is what --parameter would supply."""

    what: str
    key: str
    loc: Location | None
    parameter: bool = False  # a template parameter's own name: a nested stack's caller passes the same key on


class Broken(Exception):
    """A malformed intrinsic (wrong argument shape, unknown reference)."""

    def __init__(self, loc: Location | None, message: str, expected: str = "") -> None:
        super().__init__(message)
        self.loc, self.message, self.expected = loc, message, expected


# A resource's Ref and Fn::GetAtt values: (type, logical id, attribute or None for Ref, properties) -> value.
Attribute = Callable[[str, str, str | None, N], object]


class Resolver:
    def __init__(self, template: N, params: Mapping[str, str], attribute: Attribute,
                 inherited: Mapping[str, Callable[[], object]] | None = None) -> None:
        self.t = template
        self.params = params
        self.inherited = inherited or {}  # a nested stack's Parameters, resolved by its parent when used
        self.attribute = attribute
        self.region = params.get("AWS::Region", "us-east-1")
        self.parameters = self._parameters()
        self.conditions: dict[str, bool] = {}
        self._conditions_in_progress: set[str] = set()
        self._in_progress: set[str] = set()  # Ref/GetAtt being resolved: a cycle is an error, not a recursion

    # -- parameters and conditions ------------------------------------------------------------------
    def _parameters(self) -> dict[str, object]:
        values: dict[str, object] = {}
        section = self.t.get("Parameters")
        for name, spec in (section.v.items() if section is not None and section.is_map else ()):
            if name in self.params:
                text = self.params[name]
                kind = spec.get("Type")
                values[name] = text.split(",") if kind is not None and "List" in str(kind.v) else text
            elif (default := spec.get("Default")) is not None:
                values[name] = default.plain()
                if spec.get("Type") is not None and "List" in str(spec.get("Type").v) and isinstance(default.v, str):
                    values[name] = default.v.split(",")
        return values

    def condition(self, name: str, loc: Location | None) -> bool:
        if name in self.conditions:
            return self.conditions[name]
        section = self.t.get("Conditions")
        spec = section.get(name) if section is not None else None
        if spec is None:
            raise Broken(loc, f"no condition named '{name}'",
                         f"one of the Conditions: {', '.join(section.v) if section and section.is_map else '(none)'}")
        if name in self._conditions_in_progress:
            raise Broken(loc, f"condition '{name}' depends on itself")
        self._conditions_in_progress.add(name)
        try:  # a missing parameter inside leaves the condition undecided, not "in progress" for its next use
            value = self.value(spec)
        finally:
            self._conditions_in_progress.discard(name)
        if not isinstance(value, bool):
            raise Broken(spec.loc, f"condition '{name}' is not true or false", "Fn::Equals, Fn::And, Fn::Or, Fn::Not")
        self.conditions[name] = value
        return value

    # -- resolution ---------------------------------------------------------------------------------
    def resolve(self, n: N) -> N | object:
        """A located value with every intrinsic replaced; NO_VALUE for AWS::NoValue."""
        if isinstance(n.v, dict):
            if len(n.v) == 1:
                (key, arg), = n.v.items()
                if key == "Ref" or key.startswith("Fn::") or key == "Condition":
                    try:
                        value = self.call(key, arg, n.loc)
                    except Unresolved as exc:  # left in the tree: the overlay may still supply it
                        return N(unresolved_issue(exc), n.loc)
                    except Broken as exc:  # one raised for a whole resource (a nested stack) is placed here
                        exc.loc = exc.loc or n.loc
                        return N(broken_issue(exc), n.loc)
                    return value if value is NO_VALUE else _locate(value, n.loc)
            out = {}
            for k, v in n.v.items():
                r = self.resolve(v)
                if r is not NO_VALUE:
                    out[k] = r
            return N(out, n.loc, n.keys)
        if isinstance(n.v, list):
            return N([r for r in (self.resolve(i) for i in n.v) if r is not NO_VALUE], n.loc)
        return n

    def value(self, n: N) -> object:
        """The plain value of a located one, intrinsics resolved; raises what an inner intrinsic could not do."""
        r = self.resolve(n)
        if isinstance(r, N):
            _raise_first(r)
            return r.plain()
        return r

    def call(self, fn: str, arg: N, loc: Location | None) -> object:
        handler = _FUNCTIONS.get(fn)
        if handler is None:
            raise Broken(loc, f"'{fn}' is not an intrinsic function frontyard can resolve",
                         f"one of: {', '.join(sorted(_FUNCTIONS))}")
        return handler(self, arg, loc)

    def ref(self, arg: N, loc: Location | None) -> object:
        name = self.value(arg)
        if not isinstance(name, str):
            raise Broken(arg.loc, "Ref takes a name", "!Ref LogicalId or !Ref ParameterName")
        if name in self.inherited:
            return self.inherited[name]()
        if name in self.params and not name.startswith("AWS::"):
            return self.params[name]
        pseudo = {"AWS::Region": self.region, "AWS::AccountId": self.params.get("AWS::AccountId", ACCOUNT),
                  "AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com",
                  "AWS::StackName": self.params.get("AWS::StackName", "stack"),
                  "AWS::StackId": f"arn:aws:cloudformation:{self.region}:{ACCOUNT}:stack/stack/local",
                  "AWS::NotificationARNs": []}
        if name == "AWS::NoValue":
            return NO_VALUE
        if name in pseudo:
            return pseudo[name]
        if name in self.parameters:
            return self.parameters[name]
        params = self.t.get("Parameters")
        if params is not None and params.get(name) is not None:
            raise Unresolved(f"parameter {name} has no default", name, loc, parameter=True)
        base, dot, attr = name.partition(".")
        if dot and self._resource(base) is not None:  # SAM: !Ref Function.Version, !Ref Function.Alias
            return self._resource_value(base, attr, loc)
        return self._resource_value(name, None, loc)

    def _resource(self, name: str) -> N | None:
        resources = self.t.get("Resources")
        resource = resources.get(name) if resources is not None else None
        return resource if resource is not None and resource.is_map else None

    def get_att(self, arg: N, loc: Location | None) -> object:
        parts = self.value(arg)
        if isinstance(parts, str):
            parts = parts.split(".", 1)
        if not isinstance(parts, list) or len(parts) != 2 or not all(isinstance(p, str) for p in parts):
            raise Broken(arg.loc, "Fn::GetAtt takes [LogicalId, Attribute]", "!GetAtt LogicalId.Attribute")
        return self._resource_value(parts[0], parts[1], loc)

    def _resource_value(self, name: str, attr: str | None, loc: Location | None) -> object:
        key = name if attr is None else f"{name}.{attr}"
        if key in self.params:
            return self.params[key]
        resources = self.t.get("Resources")
        resource = resources.get(name) if resources is not None else None
        if resource is None or not resource.is_map:
            known = sorted(resources.v) if resources is not None and resources.is_map else []
            raise Broken(loc, f"no resource or parameter named '{name}'",
                         f"one of: {', '.join(known[:12])}{', ...' if len(known) > 12 else ''}")
        kind = resource.get("Type")
        if key in self._in_progress:
            raise Broken(loc, f"'{key}' depends on itself")
        self._in_progress.add(key)
        try:
            value = self.attribute(str(kind.v) if kind else "", name, attr,
                                   resource.get("Properties") or N({}, resource.loc))
        finally:
            self._in_progress.discard(key)
        if value is None:
            what = f"{'Ref' if attr is None else 'Fn::GetAtt'} {key} ({kind.v if kind else 'no Type'})"
            if isinstance(kind.v if kind else None, str) and (kind.v.startswith("Custom::")  # type: ignore[union-attr]
                                                                or kind.v == "AWS::CloudFormation::CustomResource"):
                raise Unresolved(f"{what} is computed by a custom resource's function when the stack is deployed",
                                 key, loc)
            raise Unresolved(f"{what} is only known once deployed", key, loc)
        return value

    def sub(self, arg: N, loc: Location | None) -> object:
        if isinstance(arg.v, list):
            if len(arg.v) != 2:
                raise Broken(arg.loc, "Fn::Sub takes a string or [string, {variables}]")
            text, extra = self.value(arg.v[0]), self.value(arg.v[1])
        else:
            text, extra = self.value(arg), {}
        if not isinstance(text, str) or not isinstance(extra, dict):
            raise Broken(arg.loc, "Fn::Sub takes a string or [string, {variables}]")
        if "${" in re.sub(r"\$\{[^}]*\}", "", text):  # CloudFormation refuses the template; it is no literal
            raise Broken(arg.loc, f"Fn::Sub: {text!r} opens a '${{' that is never closed with '}}'")

        def replace(m: re.Match[str]) -> str:
            name = m.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in extra:
                return str(extra[name])
            value = self.get_att(N(name, loc), loc) if "." in name else self.ref(N(name, loc), loc)
            return ",".join(map(str, value)) if isinstance(value, list) else str(value)

        return re.sub(r"\$\{([^}]*)\}", replace, text)

    def join(self, arg: N, loc: Location | None) -> object:
        parts = self.value(arg)
        if not (isinstance(parts, list) and len(parts) == 2 and isinstance(parts[0], str)
                and isinstance(parts[1], list)):
            raise Broken(arg.loc, "Fn::Join takes [delimiter, [values]]")
        if any(isinstance(p, list | dict) for p in parts[1]):  # CloudFormation joins strings, not structures
            raise Broken(arg.loc, "Fn::Join: every value to join must be a string", "[delimiter, [string, ...]]")
        return parts[0].join(str(p) for p in parts[1])

    def select(self, arg: N, loc: Location | None) -> object:
        parts = self.value(arg)
        if not (isinstance(parts, list) and len(parts) == 2 and isinstance(parts[1], list)):
            raise Broken(arg.loc, "Fn::Select takes [index, [values]]")
        try:
            index = int(parts[0])
            return parts[1][index]
        except (ValueError, TypeError, IndexError):
            raise Broken(arg.loc, f"Fn::Select index {parts[0]!r} is outside the {len(parts[1])} values") from None

    def split(self, arg: N, loc: Location | None) -> object:
        parts = self.value(arg)
        if not (isinstance(parts, list) and len(parts) == 2 and all(isinstance(p, str) for p in parts)):
            raise Broken(arg.loc, "Fn::Split takes [delimiter, string]")
        return parts[1].split(parts[0])

    def if_(self, arg: N, loc: Location | None) -> object:
        if not (isinstance(arg.v, list) and len(arg.v) == 3 and isinstance(arg.v[0].v, str)):
            raise Broken(arg.loc, "Fn::If takes [ConditionName, value if true, value if false]")
        chosen = arg.v[1] if self.condition(arg.v[0].v, arg.v[0].loc) else arg.v[2]
        r = self.resolve(chosen)
        return r if r is NO_VALUE else r.plain() if isinstance(r, N) else r

    def find_in_map(self, arg: N, loc: Location | None) -> object:
        keys = self.value(arg)
        if not (isinstance(keys, list) and len(keys) == 3):
            raise Broken(arg.loc, "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]")
        current: object = (self.t.get("Mappings") or N({})).plain()
        for k in keys:
            if not isinstance(current, dict) or str(k) not in current:
                raise Broken(arg.loc, f"Fn::FindInMap: no key '{k}' in the Mappings")
            current = current[str(k)]
        return current

    def equals(self, arg: N, loc: Location | None) -> object:
        values = self.value(arg)
        if not (isinstance(values, list) and len(values) == 2):
            raise Broken(arg.loc, "Fn::Equals takes [value, value]")
        return str(values[0]) == str(values[1])

    def logic(self, fn: str) -> Callable[[Resolver, N, Location | None], object]:
        def run(_: Resolver, arg: N, loc: Location | None) -> object:
            if not isinstance(arg.v, list):
                raise Broken(arg.loc, f"{fn} takes a list of conditions")
            values = [self._truth(i) for i in arg.v]
            if fn == "Fn::Not":
                if len(values) != 1:
                    raise Broken(arg.loc, "Fn::Not takes one condition")
                return not values[0]
            return all(values) if fn == "Fn::And" else any(values)
        return run

    def _truth(self, n: N) -> bool:
        value = self.value(n)
        if not isinstance(value, bool):
            raise Broken(n.loc, "not a condition", "Fn::Equals, Fn::And, Fn::Or, Fn::Not, or {Condition: Name}")
        return value

    def condition_ref(self, arg: N, loc: Location | None) -> object:
        return self.condition(str(arg.v), arg.loc)

    def import_value(self, arg: N, loc: Location | None) -> object:
        name = self.value(arg)
        if str(name) in self.params:
            return self.params[str(name)]
        raise Unresolved(f"Fn::ImportValue '{name}' is another stack's export", str(name), loc)

    def base64(self, arg: N, loc: Location | None) -> object:
        return base64.b64encode(str(self.value(arg)).encode()).decode()

    def get_azs(self, arg: N, loc: Location | None) -> object:
        return [f"{self.region}{z}" for z in "abc"]


_FUNCTIONS: dict[str, Callable[[Resolver, N, Location | None], object]] = {
    "Ref": Resolver.ref, "Fn::GetAtt": Resolver.get_att, "Fn::Sub": Resolver.sub, "Fn::Join": Resolver.join,
    "Fn::Select": Resolver.select, "Fn::Split": Resolver.split, "Fn::If": Resolver.if_,
    "Fn::FindInMap": Resolver.find_in_map, "Fn::Equals": Resolver.equals, "Condition": Resolver.condition_ref,
    "Fn::ImportValue": Resolver.import_value, "Fn::Base64": Resolver.base64, "Fn::GetAZs": Resolver.get_azs,
}
for _fn in ("Fn::And", "Fn::Or", "Fn::Not"):
    _FUNCTIONS[_fn] = lambda r, a, loc, _fn=_fn: r.logic(_fn)(r, a, loc)


def _raise_first(n: N) -> None:
    """An inner intrinsic failed: fail the outer one too, with the inner's message and location."""
    if isinstance(n.v, Missing):  # still missing, not broken: said once, and a field the edge ignores may drop it
        raise Unresolved(n.v.what, n.v.name, n.v.location, n.v.what.startswith("parameter "))
    if isinstance(n.v, ConfigIssue):
        raise Broken(n.v.location, n.v.message, n.v.expected)
    for child in n.v.values() if isinstance(n.v, dict) else n.v if isinstance(n.v, list) else ():
        _raise_first(child)


def _locate(value: object, loc: Location | None) -> N:
    """A resolved plain value, located where its intrinsic was written."""
    if isinstance(value, N):
        return value
    if isinstance(value, dict):
        return N({k: _locate(v, loc) for k, v in value.items()}, loc)
    if isinstance(value, list):
        return N([_locate(v, loc) for v in value], loc)
    return N(value, loc)


def unresolved_issue(exc: Unresolved) -> ConfigIssue:
    return missing(exc.key, exc.loc, exc.what)


def broken_issue(exc: Broken) -> ConfigIssue:
    return ConfigIssue(Severity.ERROR, exc.loc, "", exc.message, exc.expected)
