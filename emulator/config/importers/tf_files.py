"""Reading a Terraform module's files: .tf / .tofu (HCL) and .tf.json, then its variable files, into blocks whose
attributes evaluate lazily (a `dynamic` block expands when its enclosing block is read)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from lark import Tree

from emulator.config.importers.hcl_eval import Evaluator, Ref
from emulator.config.importers.located import N, parse_document
from emulator.config.importers.tf_expand import dynamic
from emulator.config.importers.tf_read import Block, json_labelled, json_value, label, once, parse_hcl
from emulator.issues import ConfigIssue, Location, Severity


def is_override(path: Path) -> bool:
    """Terraform, "Override Files": "any configuration file whose name ends in _override.tf or
    _override.tf.json. This special handling also applies to a file named literally override.tf or
    override.tf.json" (and OpenTofu's .tofu names)."""
    stem = path.name.removesuffix(".json").removesuffix(".tf").removesuffix(".tofu")
    return stem == "override" or stem.endswith("_override")


def module_files(folder: Path) -> list[Path]:
    """A module's files. OpenTofu, "Files and Directories" (https://opentofu.org/docs/language/files/): "When both
    .tf and .tofu files with the same base name are present in a directory, OpenTofu will prioritize the .tofu file
    and ignore the .tf file" (likewise .tofu.json over .tf.json)."""
    files = {p.name: p for pattern in ("*.tf", "*.tf.json", "*.tofu", "*.tofu.json") for p in folder.glob(pattern)}
    return sorted(p for name, p in files.items()
                  if not (name.endswith(".tf") and name[:-3] + ".tofu" in files)
                  and not (name.endswith(".tf.json") and name[:-8] + ".tofu.json" in files))


@functools.lru_cache(maxsize=256)
def parsed(text: str, file: str) -> tuple[Tree | None, list[ConfigIssue]]:
    """Parsing is most of an import's time: a file read twice (one registry module called twice, a reload after
    another file changed) is parsed once. Trees are only read, never changed."""
    return parse_hcl(text, file)


class ModuleFiles:
    """The reading half of a module (Module in terraform.py evaluates): its state is set by Module.__init__."""

    folder: Path
    root: Path
    key: str
    params: dict[str, str]
    inputs: object
    issues: list[ConfigIssue]
    files: list[Path]
    blocks: list[Block]
    region: str
    calls: dict[str, Block]
    outputs: dict[str, Block]
    resources: dict[tuple[str, str], Block]
    data_blocks: dict[tuple[str, str], Block]
    _vars: dict[str, Block]
    _locals: dict[str, Callable[[], N]]
    _tfvars: dict[str, object]
    _var_values: dict[str, object]
    overridden: list[Block]  # override files' locals: applied after the module's own
    _evaluators: list[Evaluator]

    def reference(self, name: str, loc: Location | None) -> object:
        raise NotImplementedError

    def defaulted(self) -> dict[str, tuple[object, Location]]:
        """Root variables evaluated at a default of "" or null (nothing gave them a value): name -> (value,
        where the variable is declared)."""
        if self.inputs is not None:
            return {}
        return {k: (v, self._vars[k].loc) for k, v in self._var_values.items() if v in ("", None)
                and k in self._vars and "default" in self._vars[k].attrs and k not in self.params
                and k not in self._tfvars}

    # -- reading ------------------------------------------------------------------------------------
    def read(self) -> None:
        """Every .tf and .tf.json file of the module's folder (as Terraform does), then its override files
        ("Terraform initially skips these override files when loading configuration, and then afterwards
        processes each one in turn (in lexicographical order)"), then its variable files."""
        files = module_files(self.folder)
        self.overridden = []
        for path in [p for p in files if not is_override(p)]:
            self._read_file(path)
        for path in [p for p in files if is_override(p)]:
            before = len(self.blocks)
            self._read_file(path)
            for block in self.blocks[before:]:
                self._override(block, self.blocks[:before])
            del self.blocks[before:]
        for block in [*self.blocks, *self.overridden]:
            if block.type == "variable" and block.labels:
                self._vars[block.labels[0]] = block
            elif block.type == "locals":
                self._locals.update(block.attrs)
            elif block.type == "module" and block.labels:
                self.calls[block.labels[0]] = block
            elif block.type == "output" and block.labels:
                self.outputs[block.labels[0]] = block
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
        if self.inputs is None:  # variable files belong to the root module only
            for name in ["terraform.tfvars", "terraform.tfvars.json",
                         *sorted(p.name for p in self.folder.glob("*.auto.tfvars*"))]:
                self._read_tfvars(self.folder / name)

    def _read_file(self, path: Path) -> None:
        self.files.append(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.issues.append(ConfigIssue(Severity.ERROR, Location(str(path), 1, 1), "", f"cannot read: {exc}"))
            return
        if path.name.endswith((".tf.json", ".tofu.json")):
            self._read_json(text, path)
        else:
            self._read_hcl(text, path)

    def _override(self, block: Block, originals: list[Block]) -> None:
        """An override file's block merged into the block of the same type and labels ("Overrides are applied on
        a value-by-value basis" for locals, which simply come later)."""
        if block.type in ("locals", "terraform"):
            self.overridden.append(block)
            return
        original = next((b for b in originals if (b.type, b.labels) == (block.type, block.labels)), None)
        if original is None:
            self.issues.append(ConfigIssue(Severity.ERROR, block.loc, " ".join([block.type, *block.labels]),
                                           "an override file's block with no original block to override",
                                           "the same block declared in one of the module's other files"))
            return
        original.merge(block)
        if block.source is not None:
            original.overrides.append(block.source)

    def _evaluator(self, path: Path) -> Evaluator:
        ev = Evaluator(str(path), self.folder, self.reference, self.params)
        self._evaluators.append(ev)
        return ev

    @property
    def read_by_file(self) -> list[Path]:
        """Files file() read (a function's code): watched like the module's own."""
        return [p for ev in self._evaluators for p in ev.read]

    def _read_hcl(self, text: str, path: Path) -> None:
        tree, problems = parsed(text, str(path))
        if tree is None:
            self.issues += problems
            return
        ev = self._evaluator(path)
        body = next(c for c in tree.children if isinstance(c, Tree) and c.data == "body")
        self.blocks += self._hcl_blocks(body, ev)

    def _hcl_blocks(self, body: Tree, ev: Evaluator) -> list[Block]:
        return [self._hcl_block(node, ev) for node in body.children if isinstance(node, Tree) and node.data == "block"]

    def _hcl_block(self, node: Tree, ev: Evaluator) -> Block:
        parts = [c for c in node.children if isinstance(c, Tree)]
        kind = str(parts[0].children[0])
        labels = [label(p) for p in parts[1:] if p.data in ("identifier", "string")]
        inner = next(p for p in parts if p.data == "body")
        block = Block(kind, labels, ev.loc(node), source=(node, ev))
        self._hcl_body(inner, ev, block)
        return block

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
                block.attr_trees[name] = expr
            elif node.data == "block":
                kind = node.children[0]
                if isinstance(kind, Tree) and str(kind.children[0]) == "dynamic":
                    block.blocks.append(dynamic(node, ev, self._hcl_body, self.issues))
                else:
                    block.blocks.append(self._hcl_block(node, ev))

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

