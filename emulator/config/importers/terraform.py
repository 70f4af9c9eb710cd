"""Terraform -> the plain tree: a module's .tf (HCL) and .tf.json files, or `terraform show -json` output.

HCL is parsed with python-hcl2 (its Lark tree keeps every token's line and column; chosen over pygohcl, whose
output flattens templates and merges repeated blocks, and tfparse, which locates only whole blocks) and evaluated
here: variables (defaults, terraform.tfvars, *.auto.tfvars, --parameter), locals, file(), and references between
the CloudFront resources and S3 buckets. What only `terraform apply` knows (data sources, other providers'
attributes) is a located error naming the expression and how to supply it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from lark import Tree

from emulator.config.importers.hcl_eval import EvalError, Evaluator, Ref
from emulator.config.importers.intrinsics import ACCOUNT
from emulator.config.importers.lambdas import VERSION, add_referenced, code_unknown, entry, lambda_arn
from emulator.config.importers.located import N, parse_document
from emulator.config.importers.origin_access import iam_policy_document
from emulator.config.importers.result import Imported
from emulator.config.importers.tf_read import Block, json_labelled, json_value, label, once, parse_hcl
from emulator.config.importers.tf_shape import TfShape, resources_tree
from emulator.config.importers.tf_show import import_show_json
from emulator.config.model.access import oai_canonical_user
from emulator.issues import ConfigIssue, Location, Severity


class Module:
    def __init__(self, folder: Path, params: Mapping[str, str]) -> None:
        self.folder = folder
        self.params = dict(params)
        self.issues: list[ConfigIssue] = []
        self.files: list[Path] = []
        self.blocks: list[Block] = []
        self.region = params.get("region", "us-east-1")
        self._locals: dict[str, Callable[[], N]] = {}
        self._local_values: dict[str, object] = {}
        self._in_progress: set[str] = set()
        self._vars: dict[str, Block] = {}
        self._tfvars: dict[str, object] = {}
        self.resources: dict[tuple[str, str], Block] = {}
        self._evaluators: list[Evaluator] = []
        self.data_blocks: dict[tuple[str, str], Block] = {}
        self._attributes_in_progress: set[tuple[str, str]] = set()

    # -- reading ------------------------------------------------------------------------------------
    def read(self) -> None:
        """Every .tf and .tf.json file of the module's folder (as Terraform does), then its variable files."""
        for path in sorted([*self.folder.glob("*.tf"), *self.folder.glob("*.tf.json")]):
            self.files.append(path)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                self.issues.append(ConfigIssue(Severity.ERROR, Location(str(path), 1, 1), "", f"cannot read: {exc}"))
                continue
            if path.name.endswith(".tf.json"):
                self._read_json(text, path)
            else:
                self._read_hcl(text, path)
        for block in self.blocks:
            if block.type == "variable" and block.labels:
                self._vars[block.labels[0]] = block
            elif block.type == "locals":
                self._locals.update(block.attrs)
            elif block.type == "data" and len(block.labels) == 2:
                self.data_blocks[(block.labels[0], block.labels[1])] = block
            elif block.type == "resource" and len(block.labels) == 2:
                key = (block.labels[0], block.labels[1])
                if key in self.resources:  # as `terraform validate` says: a resource is declared once
                    self.issues.append(ConfigIssue(Severity.ERROR, block.loc, f"{key[0]}.{key[1]}", "duplicate "
                                                   f"resource: already declared at {self.resources[key].loc}"))
                    continue
                self.resources[key] = block
            elif block.type == "provider" and block.labels == ["aws"] and "region" in block.attrs:
                region = block.attrs["region"]().v
                self.region = self.params.get("region", region if isinstance(region, str) else self.region)
        for name in ["terraform.tfvars", "terraform.tfvars.json",
                     *sorted(p.name for p in self.folder.glob("*.auto.tfvars*"))]:
            self._read_tfvars(self.folder / name)

    def _evaluator(self, path: Path) -> Evaluator:
        ev = Evaluator(str(path), self.folder, self.reference, self.params)
        self._evaluators.append(ev)
        return ev

    @property
    def read_by_file(self) -> list[Path]:
        """Files file() read (a function's code): watched like the module's own."""
        return [p for ev in self._evaluators for p in ev.read]

    def _read_hcl(self, text: str, path: Path) -> None:
        tree, problems = parse_hcl(text, str(path))
        if tree is None:
            self.issues += problems
            return
        ev = self._evaluator(path)
        body = next(c for c in tree.children if isinstance(c, Tree) and c.data == "body")
        self.blocks += self._hcl_blocks(body, ev)

    def _hcl_blocks(self, body: Tree, ev: Evaluator) -> list[Block]:
        out = []
        for node in body.children:
            if isinstance(node, Tree) and node.data == "block":
                parts = [c for c in node.children if isinstance(c, Tree)]
                kind = str(parts[0].children[0])
                labels = [label(p) for p in parts[1:] if p.data in ("identifier", "string")]
                inner = next(p for p in parts if p.data == "body")
                block = Block(kind, labels, ev.loc(node))
                self._hcl_body(inner, ev, block)
                out.append(block)
        return out

    def _hcl_body(self, body: Tree, ev: Evaluator, block: Block) -> None:
        for node in body.children:
            if not isinstance(node, Tree):
                continue
            if node.data == "attribute":
                name_t = node.children[0]
                name = str(name_t.children[0]) if isinstance(name_t, Tree) else str(name_t)
                expr = node.children[-1]
                block.attrs[name] = once(lambda e=expr: ev.located(e))
                block.attr_locs[name] = ev.loc(node)
            elif node.data == "block":
                nested = self._hcl_blocks(Tree("body", [node]), ev)
                if nested and nested[0].type == "dynamic":
                    self.issues.append(ConfigIssue(Severity.WARNING, nested[0].loc, "dynamic",
                                                   "dynamic blocks are not expanded by frontyard and are ignored"))
                    continue
                block.blocks += nested

    def _read_json(self, text: str, path: Path) -> None:
        doc, issues = parse_document(text, str(path))
        self.issues += issues
        if doc is None or not doc.is_map:
            return
        ev = self._evaluator(path)
        for kind, section in doc.v.items():  # type: ignore[union-attr]
            depth = {"resource": 2, "data": 2, "variable": 1, "provider": 1, "module": 1, "output": 1}.get(kind, 0)
            for labels, body in json_labelled(section, depth):
                block = Block(kind, labels, body.loc or Location(str(path), 1, 1))
                self._json_body(body, ev, block)
                self.blocks.append(block)

    def _json_body(self, body: N, ev: Evaluator, block: Block) -> None:
        for key, value in (body.v.items() if isinstance(body.v, dict) else ()):
            objects = value.v if isinstance(value.v, list) else [value]
            if value.is_map or (value.is_list and value.v and all(o.is_map for o in value.v)):
                for obj in objects:
                    nested = Block(key, [], obj.loc or block.loc)
                    self._json_body(obj, ev, nested)
                    block.blocks.append(nested)
            else:
                block.attrs[key] = once(lambda v=value: json_value(v, ev))
                block.attr_locs[key] = body.keys.get(key, value.loc)

    def _read_tfvars(self, path: Path) -> None:
        if not path.is_file():
            return
        self.files.append(path)
        ev = Evaluator(str(path), self.folder, lambda name, loc: Ref(name, loc), self.params)
        block = Block("tfvars", [], Location(str(path), 1, 1))
        text = path.read_text(encoding="utf-8")
        if path.name.endswith(".json"):
            doc, issues = parse_document(text, str(path))
            self.issues += issues
            if doc is not None:
                self._json_body(doc, ev, block)
        else:
            tree, problems = parse_hcl(text, str(path))
            if tree is None:
                self.issues += problems
                return
            self._hcl_body(next(c for c in tree.children if isinstance(c, Tree)), ev, block)
        for name, get in block.attrs.items():
            self._tfvars[name] = get().plain()

    # -- references ---------------------------------------------------------------------------------
    def reference(self, name: str, loc: Location | None) -> object:
        if name == "var":
            return lambda key: self.variable(str(key), loc)
        if name == "local":
            return lambda key: self.local(str(key), loc)
        if name == "path":
            return {"module": str(self.folder), "root": str(self.folder), "cwd": str(self.folder)}
        if name == "terraform":
            return {"workspace": "default"}
        if name == "data":  # data.archive_file.X (local zips of Lambda code) and data.aws_iam_policy_document.X
            # (a bucket policy's usual source) are evaluated; other sources are not
            return lambda kind: (lambda key: self.archive_ref(str(key), loc)) if kind == "archive_file" \
                else (lambda key: self.policy_ref(str(key), loc)) if kind == "aws_iam_policy_document" \
                else Ref(f"data.{kind}", loc)
        if name == "module" or name.startswith("aws_") or "_" in name:
            return lambda key: self.resource_ref(name, str(key), loc)
        raise EvalError(loc, f"'{name}' is not something frontyard can resolve",
                        "var.NAME, local.NAME, or a resource TYPE.NAME.ATTRIBUTE")

    def _param(self, name: str) -> object:
        text = self.params[name]
        try:
            return json.loads(text) if text[:1] in "[{" else text
        except ValueError:
            return text

    def variable(self, key: str, loc: Location | None) -> object:
        if key in self.params:
            return self._param(key)
        if key in self._tfvars:
            return self._tfvars[key]
        block = self._vars.get(key)
        if block is None:
            raise EvalError(loc, f"no variable named '{key}'",
                            f"one of: {', '.join(sorted(self._vars)) or '(no variable blocks)'}")
        if "default" not in block.attrs:
            raise EvalError(loc, f"var.{key} has no default and no value",
                            f"--parameter '{key}=VALUE', a terraform.tfvars, or parameters: {{{key}: VALUE}} in the "
                            "local overlay file")
        return block.attrs["default"]().plain()

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
        if isinstance(value.v, ConfigIssue):
            hint = f"--parameter 'local.{key}=VALUE' supplies local.{key} itself"
            raise EvalError(value.v.location, value.v.message,
                            f"{value.v.expected}; or {hint}" if value.v.expected else hint)
        self._local_values[key] = value.plain()
        return self._local_values[key]

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
        return lambda attr: iam_policy_document(block.as_n()) if str(attr) in ("json", "minified_json") else \
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

    def resource_ref(self, kind: str, name: str, loc: Location | None) -> object:
        block = self.resources.get((kind, name))
        if block is None:
            return Ref(f"{kind}.{name}", loc)
        return lambda attr: self.attribute(block, kind, name, str(attr), loc)

    def _attr(self, block: Block, key: str) -> object:
        if key not in block.attrs:
            return None
        value = block.attrs[key]()
        if isinstance(value.v, ConfigIssue):
            raise EvalError(value.v.location, value.v.message, value.v.expected)
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
        fake = "E" + hashlib.sha256(label.encode()).hexdigest()[:13].upper()
        own = self._attr(block, "name") or name
        values: dict[str, object] = {}
        if kind == "aws_cloudfront_function":
            values = {"arn": f"arn:aws:cloudfront::{ACCOUNT}:function/{own}", "name": own, "id": own}
        elif kind in ("aws_cloudfront_cache_policy", "aws_cloudfront_origin_request_policy",
                      "aws_cloudfront_response_headers_policy", "aws_cloudfront_key_group"):
            values = {"id": own, "name": own}
        elif kind == "aws_cloudfront_public_key":  # the Key-Pair-Id signers send (--parameter TYPE.NAME.id=...)
            values = {"id": "K" + fake[1:], "name": own}
        elif kind == "aws_cloudfront_key_value_store":
            values = {"arn": f"arn:aws:cloudfront::{ACCOUNT}:key-value-store/{own}", "id": own, "name": own}
        elif kind in ("aws_cloudfront_origin_access_control", "aws_cloudfront_origin_access_identity"):
            values = {"id": fake, "cloudfront_access_identity_path": f"origin-access-identity/cloudfront/{fake}",
                      "iam_arn": f"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity {fake}",
                      "s3_canonical_user_id": oai_canonical_user(fake)}
        elif kind == "aws_s3_bucket":
            bucket = self._attr(block, "bucket") or name
            values = {"id": bucket, "bucket": bucket, "arn": f"arn:aws:s3:::{bucket}",
                      "bucket_domain_name": f"{bucket}.s3.amazonaws.com",
                      "bucket_regional_domain_name": f"{bucket}.s3.{self.region}.amazonaws.com",
                      "website_endpoint": f"{bucket}.s3-website-{self.region}.amazonaws.com",
                      "website_domain": f"s3-website-{self.region}.amazonaws.com", "region": self.region}
        elif kind == "aws_s3_bucket_website_configuration":
            bucket = self._attr(block, "bucket") or name
            values = {"website_endpoint": f"{bucket}.s3-website-{self.region}.amazonaws.com",
                      "website_domain": f"s3-website-{self.region}.amazonaws.com", "id": bucket}
        elif kind == "aws_lambda_function":
            fn = self._attr(block, "function_name") or name
            values = {"function_name": fn, "arn": lambda_arn(self.region, ACCOUNT, str(fn)), "version": VERSION,
                      "qualified_arn": lambda_arn(self.region, ACCOUNT, str(fn), VERSION)}
        elif kind == "aws_cloudfront_distribution":
            values = {"id": fake, "domain_name": "d" + fake[1:].lower() + ".cloudfront.net",
                      "arn": f"arn:aws:cloudfront::{ACCOUNT}:distribution/{fake}"}
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
        for (kind, name), block in self.resources.items():
            body = block.as_n()
            if kind == "aws_cloudfront_public_key":  # computed by AWS: ours, as references to it see it
                body.v["id"] = N(self.attribute(block, kind, name, "id", block.loc), block.loc)  # type: ignore[index]
            resources.append((kind, name, body, block.loc))
        tree = resources_tree(resources, shape, self.issues)
        add_referenced(tree, self.lambdas())
        return tree

    def lambdas(self) -> dict[str, N]:
        """Lambda@Edge candidates: aws_lambda_function, its code the folder an archive_file zipped."""
        archives = self.archives()
        out: dict[str, N] = {}
        for (kind, name), block in self.resources.items():
            if kind != "aws_lambda_function":
                continue
            body = block.as_n()
            fn = str(self.attribute(block, kind, name, "function_name", block.loc))
            filename = body.get("filename")
            target = filename.plain() if filename is not None else None
            if isinstance(target, str) and (target in archives or not target.endswith(".zip")):
                source = archives.get(target, target)
                code = N(os.path.relpath((self.folder / source).resolve(), self.folder.resolve()), filename.loc)
            else:
                code = code_unknown(fn, block.loc, "its code is a zip or in S3, not a folder here")
            out[fn] = entry(body.get("runtime"), body.get("handler"), body.get("timeout"), body.get("memory_size"),
                            code, block.loc)
        return out


def import_terraform(path: Path, show_json: bool, params: Mapping[str, str]) -> Imported:
    root = Location(str(path), 1, 1)
    if show_json:
        return import_show_json(path)
    folder = path if path.is_dir() else path.parent
    module = Module(folder, params)
    module.read()
    if not module.files:
        module.issues.append(ConfigIssue(Severity.ERROR, root, "", "no .tf or .tf.json files here"))
    tree = module.tree(TfShape(module.issues, check_unknown=True))
    files = [*module.files, *dict.fromkeys(module.read_by_file)]
    return Imported("Terraform module", tree, module.issues, files, root)
