"""The local overlay file (`frontyard.local.yaml`): local wiring kept apart from the deployed description.

Re-running `cdk synth` or editing main.tf never loses it. It holds frontyard's `emulator:` settings, where each
origin lives on this machine (by origin id or domain name: a `resolve` target or a `mock`), the data of each
KeyValueStore, and values only a deployment knows (`parameters:`, like `--parameter`).

    parameters: {Env: dev, ApiLoadBalancer.DNSName: api.internal}
    origins:
      site: {mock: {type: s3-website, root: ./dist}}
      api.example.test: {resolve: 127.0.0.1:9000}
    key_value_stores: {redirects: ./redirects.json}
    unmapped_origins: "502"     # or "internet" (the default): where an origin the overlay does not map goes
    lambda_functions: {strip-prefix: {code: ./lambda/strip}}   # a Lambda@Edge function's code, when not known
    emulator: {listen: {http: 127.0.0.1:8080}}
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from emulator.config import keys as config_keys
from emulator.config.engines import Engines
from emulator.config.importers.located import N
from emulator.config.importers.result import Imported, pending_store
from emulator.config.importers.tf_values import UnknownValue
from emulator.config.reader import Report, Section
from emulator.config.yamlsrc import Path as TreePath
from emulator.config.yamlsrc import SourceMap, dotted, parse_yaml
from emulator.issues import ConfigIssue, Severity

OVERLAY_NAME = "frontyard.local.yaml"


@dataclass
class Overlay:
    file: Path
    tree: dict[str, object] = field(default_factory=dict)
    smap: SourceMap | None = None
    issues: list[ConfigIssue] = field(default_factory=list)

    @property
    def parameters(self) -> dict[str, str]:
        raw = self.tree.get("parameters")
        # An entry left empty (`Name:` as --overlay-template writes it) is still to be given, not the text "None".
        return {str(k): _text(v) for k, v in raw.items() if v is not None} if isinstance(raw, dict) else {}


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict | list) for v in value)):
        return json.dumps(value)  # a Terraform map or object variable: read back as JSON
    if isinstance(value, list):
        return ",".join(map(str, value))
    return str(value)


def find_overlay(source: Path) -> Path | None:
    """`frontyard.local.yaml` beside the source (for a folder such as cdk.out: in it, or in its parent)."""
    folders = [source, source.parent] if source.is_dir() else [source.parent]
    return next((f / OVERLAY_NAME for f in folders if (f / OVERLAY_NAME).is_file()), None)


def read_overlay(path: Path) -> Overlay:
    overlay = Overlay(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        overlay.issues.append(ConfigIssue(Severity.ERROR, None, "", f"{path}: cannot read: {exc.strerror}"))
        return overlay
    tree, smap, issues = parse_yaml(text, str(path))
    overlay.smap, overlay.issues = smap, issues
    report = Report(smap, path.parent.resolve(), overlay.issues)
    top = Section(report, (), tree)
    top.check_keys(config_keys.names(config_keys.OVERLAY))
    for key in ("parameters", "key_value_stores", "lambda_functions"):
        top.section(key)
    if (origins := top.section("origins")) is not None:
        for name, value in origins.data.items():
            Section(report, origins.at(name), value).check_keys(config_keys.names(config_keys.OVERLAY_ORIGIN))
    unmapped = top.str("unmapped_origins")
    if unmapped is not None and unmapped not in ("internet", "502"):
        report.error(top.at("unmapped_origins"), f"'{unmapped}' is not a choice", "internet or \"502\"")
    overlay.tree = top.data
    return overlay


def located(value: object, smap: SourceMap, path: TreePath) -> object:
    """A plain tree read from YAML as located values (so the overlay's parts keep their own locations)."""
    loc = smap.values.get(path)
    if isinstance(value, dict):
        keys = {str(k): smap.keys[(*path, k)] for k in value if (*path, k) in smap.keys}
        return N({str(k): located(v, smap, (*path, k)) for k, v in value.items()}, loc, keys)
    if isinstance(value, list):
        return N([located(v, smap, (*path, i)) for i, v in enumerate(value)], loc)
    return N(value, loc)


class _Apply:
    def __init__(self, overlay: Overlay, imported: Imported, base_dir: Path, engines: Engines) -> None:
        self.o = overlay
        self.engines = engines
        self.smap = overlay.smap or SourceMap(str(overlay.file))
        self.imported = imported
        self.base_dir = base_dir
        self.mapped: set[str] = set()  # overlay origin keys that matched something

    def error(self, path: TreePath, message: str, expected: str = "", *, key: bool = False) -> None:
        where = self.smap.at(path, key=key)
        self.imported.issues.append(ConfigIssue(Severity.ERROR, where, dotted(path), message, expected))

    def path(self, value: str) -> str:
        """A path the overlay wrote (relative to the overlay) as the loader reads it (relative to the source)."""
        return os.path.relpath((self.o.file.parent / value).resolve(), self.base_dir.resolve())

    def run(self) -> None:
        tree = self.imported.tree
        if "emulator" in self.o.tree:
            tree["emulator"] = located(self.o.tree["emulator"], self.smap, ("emulator",))
            if isinstance(state := self.o.tree["emulator"], dict) and isinstance(state.get("state_dir"), str):
                tree["emulator"].v["state_dir"].v = self.path(state["state_dir"])  # type: ignore[union-attr]
            self.key_pair_paths(tree["emulator"])  # type: ignore[arg-type]
        for origin in _origins(tree):
            self.origin(origin, tree)
        origins = self.o.tree.get("origins")
        for name in origins if isinstance(origins, dict) else ():
            if name not in self.mapped:
                ids = sorted(str(_plain(o.v.get("id"))) for o in _origins(tree))  # type: ignore[union-attr]
                self.error(("origins", name), f"no origin has id or domain name '{name}'",
                           f"one of the origin ids: {', '.join(ids) or '(none)'}, or their domain names", key=True)
        self.stores(tree)
        self.lambdas(tree)

    def key_pair_paths(self, emulator: N) -> None:
        """`emulator.key_pairs.ACCOUNT[i].pem`, written relative to the overlay, as the loader reads it."""
        pairs = emulator.get("key_pairs") if emulator.is_map else None
        for keys in pairs.v.values() if pairs is not None and pairs.is_map else ():  # type: ignore[union-attr]
            for key in keys.v if isinstance(keys.v, list) else ():
                pem = key.get("pem") if isinstance(key, N) and key.is_map else None
                if pem is not None and isinstance(pem.v, str):
                    pem.v = self.path(pem.v)

    def lambdas(self, tree: dict[str, object]) -> None:
        """`lambda_functions: {name: {code: ./folder, ...}}`: where an associated Lambda@Edge function's code is
        (and any setting to override); a name the source does not define is added."""
        given = self.o.tree.get("lambda_functions")
        if not isinstance(given, dict):
            return
        functions = tree.setdefault("lambda_functions", {})
        for name, value in given.items():
            local = located(value, self.smap, ("lambda_functions", name))
            if isinstance(local.v, dict) and isinstance(code := local.v.get("code"), N) and isinstance(code.v, str):
                code.v = self.path(code.v)
            current = functions.get(name) if isinstance(functions, dict) else None  # type: ignore[union-attr]
            if isinstance(current, N) and current.is_map and local.is_map:
                current.v.update(local.v)  # type: ignore[union-attr]
            else:
                functions[name] = local  # type: ignore[index]

    def origin(self, origin: N, tree: dict[str, object]) -> None:
        fields: dict[str, object] = origin.v  # type: ignore[assignment]
        origin_id, domain = _plain(fields.get("id")), _plain(fields.get("domain_name"))
        origins = self.o.tree.get("origins") if isinstance(self.o.tree.get("origins"), dict) else {}
        key = next((k for k in (origin_id, domain) if isinstance(k, str) and k in origins), None)  # type: ignore[operator]
        if key is None:
            self.unmapped(origin, fields, tree)
            return
        self.mapped.add(key)
        entry = origins[key]  # type: ignore[index]
        if not isinstance(entry, dict):
            return
        if "domain_name" in entry:
            fields["domain_name"] = located(entry["domain_name"], self.smap, ("origins", key, "domain_name"))
            domain = entry["domain_name"]
        elif key == origin_id and ("mock" in entry or "resolve" in entry) and _unknown(fields.get("domain_name")):
            domain = stand_in(origin_id)
            fields["domain_name"] = N(domain, self.smap.at(("origins", key)))
        if "mock" in entry:
            mock = located(entry["mock"], self.smap, ("origins", key, "mock"))
            self.mock_paths(mock)
            fields["mock"] = mock
            if isinstance(d := fields.get("domain_name"), N) and isinstance(d.v, ConfigIssue):
                # A mock answers in the origin's place: a name only a deployment knows is no longer needed.
                fields["domain_name"] = N(re.sub(r"[^a-z0-9-]+", "-", str(origin_id).lower()).strip("-") + ".invalid",
                                          d.loc)
        if "resolve" in entry:
            if not isinstance(domain, str):
                self.error(("origins", key, "resolve"), f"origin '{origin_id}' has no domain name known locally "
                           "to resolve", "domain_name: NAME beside resolve (the name the origin is reached by)")
                return
            emulator = tree.setdefault("emulator", N({}, self.smap.at(("origins",))))
            resolve = emulator.v.setdefault("resolve", N({}, self.smap.at(("origins",))))  # type: ignore[union-attr]
            resolve.v[domain] = located(entry["resolve"], self.smap, ("origins", key, "resolve"))

    def unmapped(self, origin: N, fields: dict[str, object], tree: dict[str, object]) -> None:
        if "mock" in fields or self._resolved(tree, _plain(fields.get("domain_name"))):
            return
        origin_id, domain = _plain(fields.get("id")), _plain(fields.get("domain_name"))
        if self.o.tree.get("unmapped_origins") == "502":
            message = (f"frontyard: origin '{origin_id}' ({domain}) is not mapped in {self.o.file.name}: "
                       "add it under 'origins:' (a resolve target or a mock)\n")
            fields["mock"] = N({"type": N("response", origin.loc), "status": N(502, origin.loc),
                                "body": N(message, origin.loc)}, origin.loc)
            return
        self.imported.issues.append(ConfigIssue(
            Severity.WARNING, origin.loc, f"origin '{origin_id}'", f"not mapped in {self.o.file.name}: requests "
            f"go to the real {domain}", f"origins: {{{origin_id}: {{resolve: HOST:PORT}}}} or a mock, or "
            "unmapped_origins: \"502\""))

    def _resolved(self, tree: dict[str, object], domain: object) -> bool:
        emulator = tree.get("emulator")
        resolve = emulator.v.get("resolve") if isinstance(emulator, N) and emulator.is_map else None
        return isinstance(resolve, N) and isinstance(resolve.v, dict) and domain in resolve.v

    def mock_paths(self, mock: N) -> None:
        if not mock.is_map:
            return
        for name in self.engines.path_options(_plain(mock.get("type"))):
            value = mock.get(name)
            if value is not None and isinstance(value.v, str):
                value.v = self.path(value.v)

    def stores(self, tree: dict[str, object]) -> None:
        stores = self.o.tree.get("key_value_stores")
        stores = stores if isinstance(stores, dict) else {}
        functions = tree.get("functions")
        for fn in (functions.v if isinstance(functions, N) else functions or {}).values():  # type: ignore[union-attr]
            fields = fn.v if isinstance(fn, N) else fn
            store = pending_store(fields.get("key_value_store")) if isinstance(fields, dict) else None
            if store is not None and store in stores:
                value = located(stores[store], self.smap, ("key_value_stores", store))
                value.v = self.path(str(value.v))  # type: ignore[union-attr]
                fields["key_value_store"] = value


def _unknown(value: object) -> bool:
    """A domain name only a deployment knows (an S3 bucket's generated name, a load balancer's DNS name)."""
    return isinstance(value, N) and isinstance(value.v, UnknownValue)


def stand_in(origin_id: str) -> str:
    """The local name of an origin the overlay maps by id whose domain name only a deployment knows: what its Host
    and SNI carry. Under .invalid (RFC 2606), so it can never reach a real host."""
    label = re.sub(r"[^a-z0-9-]+", "-", origin_id.lower()).strip("-")[:63] or "origin"
    return f"{label}.origin.invalid"


def _plain(value: object) -> object:
    if isinstance(value, N) and isinstance(value.v, ConfigIssue):
        return "(unresolved)"
    return value.plain() if isinstance(value, N) else value


def origins_of(tree: dict[str, object]) -> list[N]:
    """Every origin mapping in an imported tree (for `--overlay-template`)."""
    return _origins(tree)


def _origins(tree: dict[str, object]) -> list[N]:
    """Every origin mapping in the tree, whichever way its distributions are written."""
    dists: list[object] = []
    if "distribution" in tree:
        dists.append(tree["distribution"])
    raw = tree.get("distributions")
    dists += raw.v if isinstance(raw, N) and isinstance(raw.v, list) else raw if isinstance(raw, list) else []
    out: list[N] = []
    for d in dists:
        origins = d.get("origins") if isinstance(d, N) else None
        for o in origins.v if isinstance(origins, N) and isinstance(origins.v, list) else []:
            if isinstance(o, N) and o.is_map:
                out.append(o)
    return out


def apply_overlay(overlay: Overlay | None, imported: Imported, base_dir: Path, engines: Engines) -> None:
    """Merge the overlay into an imported tree, in place; its problems join the imported issues."""
    if overlay is None:
        names = [f"{_plain(o.v.get('id'))} ({_plain(o.v.get('domain_name'))})"  # type: ignore[union-attr]
                 for o in _origins(imported.tree) if "mock" not in o.v]  # type: ignore[operator]
        if names and imported.format != "frontyard YAML":
            imported.issues.append(ConfigIssue(
                Severity.WARNING, imported.root, "", f"no local overlay file ({OVERLAY_NAME} beside the source, or "
                f"--local FILE): requests to origins {', '.join(names)} go to their real names"))
        return
    imported.issues += overlay.issues
    imported.files.append(overlay.file)
    _Apply(overlay, imported, base_dir, engines).run()


