"""Terraform -> the plain tree: a module's .tf (HCL) and .tf.json files, or `terraform show -json` output.

HCL is parsed with python-hcl2 (its Lark tree keeps every token's line and column; chosen over pygohcl, whose
output flattens templates and merges repeated blocks, and tfparse, which locates only whole blocks) and evaluated
here: variables (defaults, terraform.tfvars, *.auto.tfvars, --parameter), locals, file(), and references between
the CloudFront resources and S3 buckets. What only `terraform apply` knows (data sources, other providers'
attributes) is a located error naming the expression and how to supply it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from emulator.config.importers import tf_api_origins, tf_lambdas
from emulator.config.importers.hcl_eval import EvalError, Evaluator, Ref
from emulator.config.importers.lambdas import add_referenced, referenced
from emulator.config.importers.located import N
from emulator.config.importers.origin_access import known_policy_json
from emulator.config.importers.result import Imported
from emulator.config.importers.tf_computed import ASSIGNED, WELL_KNOWN_DATA, computed, well_known_data
from emulator.config.importers.tf_expand import instance_name, instances
from emulator.config.importers.tf_files import ModuleFiles
from emulator.config.importers.tf_modules import META, READ_BY_EDGE, call_folder, holds
from emulator.config.importers.tf_read import Block
from emulator.config.importers.tf_shape import TfShape, resources_tree
from emulator.config.importers.tf_show import import_show_json
from emulator.config.importers.tf_types import convert, parse_type
from emulator.config.importers.tf_unknown import describe, empty_defaults, once_each, soften
from emulator.config.importers.tf_values import MissingInput, MissingValue, Unknown, UnknownValue, Whole, raise_issue
from emulator.issues import ConfigIssue, Location, Severity

# Data sources that look a CloudFront policy up by its name. AWS "Use managed cache policies": "You attach the policy
# either by name (with the console) or by ID (with the AWS CLI or SDKs)"; frontyard's YAML takes either, so
# `data.aws_cloudfront_cache_policy.X.id` resolves to the name without asking AWS.
BY_NAME = {"aws_cloudfront_cache_policy", "aws_cloudfront_origin_request_policy",
           "aws_cloudfront_response_headers_policy"}

class Module(ModuleFiles):
    # long: one attribute per kind of declaration a module holds, each said where it is set
    def __init__(self, folder: Path, params: Mapping[str, str], root: Path | None = None, key: str = "",
                 inputs: Mapping[str, Callable[[], N]] | None = None) -> None:
        self.folder = folder
        self.params = dict(params)
        self.root = root or folder  # where .terraform/modules is
        self.key = key  # "" for the root module, "cdn" / "cdn.bucket" for a module call's
        self.inputs = inputs  # a called module's variables: the caller's expressions (None for the root)
        self.calls: dict[str, Block] = {}
        self._failed: dict[str, Unknown] = {}  # module calls whose code is not here
        self._children: dict[str, list[tuple[object, Module]] | Module | None] = {}
        self._instances: dict[tuple[str, str], list[tuple[object, Block]] | None] = {}
        self.outputs: dict[str, Block] = {}
        self.issues: list[ConfigIssue] = []
        self.files: list[Path] = []
        self.blocks: list[Block] = []
        self.region = params.get("region", "us-east-1")
        self._locals: dict[str, Callable[[], N]] = {}
        self._local_values: dict[str, object] = {}
        self._in_progress: set[str] = set()
        self._vars: dict[str, Block] = {}
        self._var_values: dict[str, object] = {}
        self._tfvars: dict[str, object] = {}
        self.resources: dict[tuple[str, str], Block] = {}
        self._evaluators: list[Evaluator] = []
        self.data_blocks: dict[tuple[str, str], Block] = {}
        self._attributes_in_progress: set[tuple[str, str]] = set()

    # -- references ---------------------------------------------------------------------------------
    def reference(self, name: str, loc: Location | None) -> object:
        if name == "var":
            return lambda key: self.variable(str(key), loc)
        if name == "local":
            return lambda key: self.local(str(key), loc)
        if name == "path":
            # absolute: file("${path.module}/x") reads the same file whichever folder frontyard was started in
            return {"module": str(self.folder.resolve()), "root": str(self.root.resolve()),
                    "cwd": str(self.root.resolve())}
        if name == "terraform":
            return {"workspace": "default"}
        if name == "data":  # local zips of Lambda code, policies looked up by name, and a bucket policy's usual
            # source, data.aws_iam_policy_document.X; other sources are not evaluated
            return lambda kind: (lambda key: self.archive_ref(str(key), loc)) if kind == "archive_file" \
                else (lambda key: self.policy_ref(str(key), loc)) if kind == "aws_iam_policy_document" \
                else (lambda key: self.resource_ref(str(kind), str(key), loc, True)) if kind in BY_NAME \
                else (lambda key: self.well_known(str(kind), str(key), loc)) if kind in WELL_KNOWN_DATA \
                else Ref(f"data.{kind}", loc)
        if name == "module":
            return lambda key: self.module_ref(str(key), loc)
        if name in ("count", "each"):
            raise EvalError(loc, f"{name}.{'index' if name == 'count' else 'key'} is used outside a block with "
                            f"{'count' if name == 'count' else 'for_each'}")
        if name.startswith("aws_") or "_" in name:
            return lambda key: self.resource_ref(name, str(key), loc)
        raise EvalError(loc, f"'{name}' is not something frontyard can resolve",
                        "var.NAME, local.NAME, module.NAME.OUTPUT, or a resource TYPE.NAME.ATTRIBUTE")

    def _param(self, name: str) -> object:
        text = self.params[name]
        try:
            return json.loads(text) if text[:1] in "[{" else text
        except ValueError:
            return text

    def variable(self, key: str, loc: Location | None) -> object:
        block = self._vars.get(key)
        if block is None:
            raise EvalError(loc, f"no variable named '{key}'",
                            f"one of: {', '.join(sorted(self._vars)) or '(no variable blocks)'}")
        if key not in self._var_values:
            if f"var.{key}" in self._in_progress:
                raise EvalError(loc, f"var.{key} refers to itself", "a default that is a literal value")
            self._in_progress.add(f"var.{key}")
            try:
                self._var_values[key] = self._variable(key, block)
            finally:
                self._in_progress.discard(f"var.{key}")
        return self._var_values[key]

    def _variable(self, key: str, block: Block) -> object:
        where = block.attr_locs.get("default", block.loc)
        if self.inputs is not None and key in self.inputs:
            given = self.inputs[key]()
            raise_issue(given.v)
            value, where = given.plain(), given.loc or where
        elif self.inputs is None and key in self.params:
            value = self._param(key)
        elif self.inputs is None and key in self._tfvars:
            value = self._tfvars[key]
        elif "default" in block.attrs:
            default = block.attrs["default"]()
            raise_issue(default.v)
            value = default.plain()
        else:
            raise self.missing(key, block)
        if value is None and self._not_nullable(block):
            value = self._null_given(key, block, where)
        if "type" not in block.attr_trees:
            return value
        ev = block.source[1] if block.source else self._evaluator(Path(block.loc.file))
        ty = parse_type(block.attr_trees["type"], ev)
        if ty.kind in ("list", "set") and isinstance(value, str) and self.inputs is None:
            value = value.split(",") if value else []  # --parameter 'names=a,b' or an overlay list of names
        return convert(value, ty, where, ev, f"var.{key}")

    def _not_nullable(self, block: Block) -> bool:
        if "nullable" not in block.attrs:
            return False
        nullable = block.attrs["nullable"]()
        raise_issue(nullable.v)
        return nullable.plain() is False

    def _null_given(self, key: str, block: Block, where: Location) -> object:
        """Terraform, "Input Variables" (Disallowing null input values): "If nullable is false and the variable
        has a default value, then Terraform uses the default when a module input argument is null"."""
        default = block.attrs["default"]().plain() if "default" in block.attrs else None
        if default is None:
            raise EvalError(where, f"var.{key} is null, and the variable says nullable = false", "a value, not null")
        return default

    def missing(self, key: str, block: Block) -> MissingInput:
        """Named once, where the variable is declared, with what gives it a value."""
        if self.inputs is not None:
            return MissingInput(block.loc, f'module "{self.key}": input variable "{key}" is required and not given',
                                f'{key} = VALUE in the module "{self.key}" block', f"{self.key}.{key}", False)
        return MissingInput(block.loc, f"var.{key}{describe(block)} has no default and no value",
                            f"--parameter '{key}=VALUE', a terraform.tfvars, or parameters: {{{key}: VALUE}} in the "
                            "local overlay file", key)

    def local(self, key: str, loc: Location | None) -> object:
        if key in self._local_values:
            return self._local_values[key]
        if f"local.{key}" in self.params:  # --parameter 'local.NAME=VALUE': a local only a deployment knows
            self._local_values[key] = self._param(f"local.{key}")
            return self._local_values[key]
        if key not in self._locals:
            raise EvalError(loc, f"no local value named '{key}'",
                            f"one of: {', '.join(sorted(self._locals)) or '(no locals blocks)'}")
        if key in self._in_progress:
            raise EvalError(loc, f"local.{key} refers to itself")
        self._in_progress.add(key)
        value = self._locals[key]()
        self._in_progress.discard(key)
        if isinstance(value.v, ConfigIssue) and not isinstance(value.v, MissingValue):
            hint = f"--parameter 'local.{key}=VALUE' supplies local.{key} itself"
            raise_issue(replace(value.v, expected=f"{value.v.expected}; or {hint}" if value.v.expected else hint))
        raise_issue(value.v)
        self._local_values[key] = value.plain()
        return self._local_values[key]

    # -- module calls -------------------------------------------------------------------------------
    def children(self, name: str) -> list[tuple[object, Module]] | Module | None:
        """A module call's module (a list of (key, module) with count / for_each); None: it could not be read."""
        if name not in self._children:
            self._children[name] = None  # a call that reaches itself stops here
            self._children[name] = self._call(name, self.calls[name])
        return self._children[name]

    def _call(self, name: str, block: Block) -> list[tuple[object, Module]] | Module | None:
        key = f"{self.key}.{name}" if self.key else name
        try:
            key, folder = call_folder(self, name)
        except EvalError as exc:  # an unknown of its own: references to the module repeat this one error
            self._failed[name] = Unknown(exc.loc, exc.message, exc.expected, f"module.{key}", settable=False)
            self.issues.append(self._failed[name].issue())
            return None
        made = instances(block, self._hcl_block, self.issues)
        if made is None:
            return self._child(folder, key, block)
        return [(k, self._child(folder, instance_name(key, k), b)) for k, b in made]

    def _child(self, folder: Path, key: str, block: Block) -> Module:
        inputs = {k: v for k, v in block.attrs.items() if k not in META}
        child = Module(folder, self.params, self.root, key, inputs)
        child.region = self.region
        child.read()
        self.issues += child.issues
        child.issues = self.issues  # one list: what the child finds later (while evaluating) is reported too
        self.files += [f for f in child.files if f not in self.files]
        return child

    def module_ref(self, name: str, loc: Location | None) -> object:
        if name not in self.calls:
            raise EvalError(loc, f"no module call named '{name}'", f"one of: {', '.join(sorted(self.calls)) or '-'}")
        made = self.children(name)
        if made is None:
            raise self._failed.get(name) or EvalError(loc, f'module "{name}" calls itself')
        if isinstance(made, Module):
            return Whole(f"module.{name}", lambda out: made.output(out, loc))
        items = [(k, Whole(f"module.{instance_name(name, k)}", lambda out, m=m: m.output(out, loc))) for k, m in made]
        return [f for _, f in items] if all(isinstance(k, int) for k, _ in items) else {str(k): f for k, f in items}

    def output(self, name: str, loc: Location | None) -> object:
        block = self.outputs.get(name)
        if block is None or "value" not in block.attrs:
            raise EvalError(loc, f'module "{self.key}" has no output "{name}"',
                            f"one of: {', '.join(sorted(self.outputs)) or '(no outputs)'}")
        address = f"module.{self.key}.{name}"
        if address in self.params:  # --parameter 'module.cdn.OUTPUT=VALUE': what only a deployment knows
            return self.params[address]
        value = block.attrs["value"]()
        if isinstance(value.v, UnknownValue) and not isinstance(value.v, MissingValue):
            raise Unknown(loc or value.v.location, f"{address} is only known once Terraform has applied "
                          f"({value.v.name} inside the module)", f"a value for it: --parameter '{address}=VALUE', "
                          f"or in the local overlay file: parameters: {{'{address}': VALUE}}", address)
        raise_issue(value.v)
        return value.plain()

    # -- resources ----------------------------------------------------------------------------------
    def instances_of(self, kind: str, name: str, block: Block) -> list[tuple[object, Block]] | None:
        if (kind, name) not in self._instances:
            self._instances[(kind, name)] = instances(block, self._hcl_block, self.issues)
        return self._instances[(kind, name)]

    def all_resources(self, wanted: Callable[[str], bool],
                      prefix: str = "") -> list[tuple[str, str, Block, Module, str]]:
        """(type, address, block, owning module, name in it) of every resource instance of the wanted types, this
        module's and its calls' (address module.cdn.NAME). Other resources are not expanded: their count /
        for_each may need what only a deployment knows, and the edge does not use them."""
        out = []
        for (kind, name), block in self.resources.items():
            if not wanted(kind):
                continue
            made = self.instances_of(kind, name, block)
            meta = block.attrs.get("count") or block.attrs.get("for_each")
            if made == [] and kind == "aws_cloudfront_distribution" and meta and not isinstance(meta().v, ConfigIssue):
                self.issues.append(ConfigIssue(Severity.WARNING, block.loc, f"{kind}.{prefix}{name}", "count / "
                                               "for_each gives no instance: Terraform creates none"))
            out += [(kind, prefix + name, block, self, name)] if made is None else \
                [(kind, prefix + instance_name(name, k), b, self, instance_name(name, k)) for k, b in made]
        for call in self.calls:
            if call not in self._children and not holds(self, call, wanted):
                continue
            made = self.children(call)
            for key, child in ([(None, made)] if isinstance(made, Module) else made or []):
                address = call if key is None else instance_name(call, key)
                out += child.all_resources(wanted, f"{prefix}module.{address}.")
        return out

    def resource_ref(self, kind: str, name: str, loc: Location | None, data: bool = False) -> object:
        block = (self.data_blocks if data else self.resources).get((kind, name))
        if block is None:
            return Ref(f"{'data.' if data else ''}{kind}.{name}", loc)
        made = self.instances_of(("data." if data else "") + kind, name, block)
        label = f"{'data.' if data else ''}{kind}.{name}"
        if made is None:
            return Whole(label, lambda attr: self.attribute(block, kind, name, attr, loc))
        items = [(k, Whole(instance_name(label, k), lambda attr, b=b, k=k: self.attribute(
            b, kind, instance_name(name, k), attr, loc))) for k, b in made]
        return [f for _, f in items] if "count" in block.attrs else {str(k): f for k, f in items}

    def well_known(self, kind: str, name: str, loc: Location | None) -> object:
        """data.aws_partition / aws_region / aws_caller_identity / aws_availability_zones: local stand-ins."""
        values = well_known_data(kind, self.region)
        address = f"data.{kind}.{name}"
        return lambda attr: self._param(f"{address}.{attr}") if f"{address}.{attr}" in self.params \
            else values[str(attr)] if str(attr) in values else Ref(f"{address}.{attr}", loc)

    def archive_ref(self, name: str, loc: Location | None) -> object:
        block = self.data_blocks.get(("archive_file", name))
        if block is None:
            return Ref(f"data.archive_file.{name}", loc)
        return lambda attr: self._attr(block, str(attr)) if str(attr) in block.attrs else \
            Ref(f"data.archive_file.{name}.{attr}", loc)

    def policy_ref(self, name: str, loc: Location | None) -> object:
        block = self.data_blocks.get(("aws_iam_policy_document", name))
        if block is None:
            return Ref(f"data.aws_iam_policy_document.{name}", loc)
        return lambda attr: known_policy_json(block.as_n()) if str(attr) in ("json", "minified_json") else \
            Ref(f"data.aws_iam_policy_document.{name}.{attr}", loc)

    def archives(self) -> dict[str, str]:
        """output_path -> source_dir / source_file of every archive_file: where a zipped Lambda's code is."""
        out = {}
        for block in self.data_blocks.values():
            try:
                target, source = self._attr(block, "output_path"), self._attr(block, "source_dir") or \
                    self._attr(block, "source_file")
            except EvalError:
                continue
            if isinstance(target, str) and isinstance(source, str):
                out[target] = source
        return out

    def _attr(self, block: Block, key: str) -> object:
        if key not in block.attrs:
            return None
        value = block.attrs[key]()
        raise_issue(value.v)
        return value.plain()

    def attribute(self, block: Block, kind: str, name: str, attr: str, loc: Location | None) -> object:
        label = f"{kind}.{name}"
        if (label, attr) in self._attributes_in_progress:
            raise EvalError(loc, f"{label}.{attr} depends on itself")
        self._attributes_in_progress.add((label, attr))
        try:
            return self._attribute(block, kind, name, label, attr, loc)
        finally:
            self._attributes_in_progress.discard((label, attr))

    def _attribute(self, block: Block, kind: str, name: str, label: str, attr: str, loc: Location | None) -> object:
        own: Callable[[str], object] = lambda key: self._attr(block, key)  # noqa: E731
        seed = f"module.{self.key}.{label}" if self.key else label  # ids AWS assigns: one per resource address
        values = {**tf_api_origins.computed(kind, seed, own, self.region), **computed(kind, name, label, own,
                                                                                       self.region)}
        if f"{label}.{attr}" in self.params:
            return self.params[f"{label}.{attr}"]
        if attr in values:
            return values[attr]
        if attr in block.attrs:
            return self._attr(block, attr)
        return Ref(f"{label}.{attr}", loc)

    # -- the tree -----------------------------------------------------------------------------------
    def tree(self, shape: TfShape) -> dict[str, object]:
        resources = []
        for kind, name, block, owner, local in self.all_resources(lambda t: t.startswith(READ_BY_EDGE)):
            body = block.as_n()
            for meta in ("count", "for_each", "depends_on", "provider", "lifecycle"):  # Terraform's, not the type's
                body.v.pop(meta, None)  # type: ignore[union-attr]
            if kind == "aws_cloudfront_distribution":
                soften(body, self.issues)
            for attr in ASSIGNED.get(kind, ()):  # as references in its own module resolve them
                if attr not in body.v:  # type: ignore[operator]
                    body.v[attr] = N(owner.attribute(block, kind, local, attr, block.loc), block.loc)  # type: ignore[index]
            resources.append((kind, name, body, block.loc))
        tree = resources_tree(resources, shape, self.issues)
        candidates = tf_lambdas.lambdas(self, referenced(tree))
        add_referenced(tree, candidates)
        tf_api_origins.attach(tree, self, candidates)
        return tree


def import_terraform(path: Path, show_json: bool, params: Mapping[str, str]) -> Imported:
    root = Location(str(path), 1, 1)
    if show_json:
        return import_show_json(path)
    folder = path if path.is_dir() else path.parent
    module = Module(folder, params)
    try:
        return _import_module(module, root)
    except RecursionError:  # a reference chain or nesting deeper than Python's stack: said, not a traceback
        return Imported("Terraform module", {}, [ConfigIssue(Severity.ERROR, root, "", "the module's expressions "
                        "nest or refer to each other too deeply to evaluate")], module.files, root)


def _import_module(module: Module, root: Location) -> Imported:
    module.read()
    if not module.files:
        module.issues.append(ConfigIssue(Severity.ERROR, root, "", "no .tf or .tf.json files here"))
    tree = module.tree(TfShape(module.issues, check_unknown=True))
    empty_defaults(tree, module.defaulted())
    once_each(tree, module.issues)
    files = [*module.files, *dict.fromkeys(module.read_by_file)]
    return Imported("Terraform module", tree, module.issues, files, root)

