"""The configuration reference cannot fall behind the loader: every key a loader accepts comes from the tables in
emulator/config/keys/, each documented, and the generated reference page lists every one of them."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from emulator.config import keys as config_keys
from emulator.config.model import EventType, LambdaEvent
from emulator.origins.mocks import MOCK_TYPES
from emulator.policies.cloudfront_headers import DEFAULT_GEO

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "emulator"
KEYS_MODULE = "emulator.config.keys"
ALL_TABLES = [t for t in vars(config_keys).values()
              if isinstance(t, tuple) and t and all(isinstance(k, config_keys.Key) for k in t)]


def check_keys_calls() -> list[tuple[Path, ast.Call, ast.Module]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "check_keys"):
                found.append((path, node, tree))
    return found


def module_constants(tree: ast.Module) -> dict[str, ast.AST]:
    out: dict[str, ast.AST] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            out[stmt.target.id] = stmt.value
    return out


def keys_aliases(tree: ast.Module) -> set[str]:
    """The names a module imports the key tables under (`from emulator.config import keys as config_keys`)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and f"{node.module}.keys" == KEYS_MODULE:
            names |= {a.asname or a.name for a in node.names if a.name == "keys"}
        elif isinstance(node, ast.Import):
            names |= {a.asname for a in node.names if a.name == KEYS_MODULE and a.asname}
    return names


def literals(node: ast.AST, constants: dict[str, ast.AST], seen: set[str] | None = None) -> set[str]:
    """String literals in an expression, following module-level constants it names."""
    seen = set() if seen is None else seen
    out = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            out.add(sub.value)
        elif isinstance(sub, ast.Name) and sub.id in constants and sub.id not in seen:
            seen.add(sub.id)
            out |= literals(constants[sub.id], constants, seen)
    return out


def test_the_loaders_check_keys_somewhere() -> None:
    assert len(check_keys_calls()) >= 30  # the scan below looks at the real call sites


@pytest.mark.parametrize("path, call, tree", check_keys_calls(),
                         ids=lambda v: f"{v.relative_to(ROOT)}" if isinstance(v, Path) else "")
def test_every_check_keys_call_takes_its_names_from_the_key_tables(path: Path, call: ast.Call,
                                                                   tree: ast.Module) -> None:
    where = f"{path.relative_to(ROOT)}:{call.lineno}"
    if path.relative_to(ROOT).as_posix() == "emulator/config/reader.py":
        pytest.skip("the definition's own module")
    args = [*call.args, *(k.value for k in call.keywords)]
    written = set().union(*(literals(a, module_constants(tree)) for a in args)) if args else set()
    assert not written, f"{where}: keys written at the call site instead of in {KEYS_MODULE}: {sorted(written)}"
    aliases = keys_aliases(tree)
    used = {n.value.id for a in args for n in ast.walk(a)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}
    assert aliases & used, f"{where}: check_keys is not given a table from {KEYS_MODULE}"


def test_every_table_is_in_the_reference() -> None:
    in_reference = {id(t.keys) for t in config_keys.TABLES}
    # CACHE_BEHAVIOR repeats BEHAVIOR's keys after path_pattern; every other table is its own section.
    missing = [t for t in ALL_TABLES if id(t) not in in_reference]
    assert not missing, [t[0].name for t in missing]


@pytest.mark.parametrize("table", config_keys.TABLES, ids=lambda t: t.path)
def test_every_key_has_a_type_and_a_meaning(table: config_keys.Table) -> None:
    assert table.title
    names = [k.name for k in table.keys]
    assert len(names) == len(set(names)), f"{table.path}: a key listed twice"
    for k in table.keys:
        assert isinstance(k, config_keys.Key)
        assert k.name and k.type.strip(), f"{table.path}.{k.name}: no type"
        assert k.doc.strip(), f"{table.path}.{k.name}: no doc"


def test_keys_are_frozen() -> None:
    key = config_keys.TOP[0]
    with pytest.raises(AttributeError):
        key.name = "other"  # type: ignore[misc]


def test_tables_that_mirror_the_model_name_the_same_keys_in_the_same_order() -> None:
    assert config_keys.names(config_keys.FUNCTION_ASSOCIATIONS) == tuple(e.value for e in EventType)
    assert config_keys.names(config_keys.LAMBDA_ASSOCIATIONS) == tuple(e.value for e in LambdaEvent)
    assert config_keys.names(config_keys.VIEWER) == tuple(f.replace("-", "_") for f in DEFAULT_GEO)
    assert config_keys.names(config_keys.CACHE_BEHAVIOR) == ("path_pattern", *config_keys.names(config_keys.BEHAVIOR))
    for k in config_keys.VIEWER:
        assert k.default == DEFAULT_GEO[k.name.replace("_", "-")]


def test_not_emulated_fields_warn_with_a_reason() -> None:
    assert config_keys.ignored(config_keys.DISTRIBUTION)["web_acl_id"] == "AWS WAF is not emulated"
    assert set(config_keys.ignored(config_keys.ORIGIN)) == {"origin_shield", "response_completion_timeout",
                                                            "ip_address_type"}


def load_hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("frontyard_docs_hooks", ROOT / "docs" / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_reference_lists_every_key_under_its_section() -> None:
    text = load_hooks().config_reference_markdown()
    sections = text.split("\n### ")
    for table in config_keys.TABLES:
        section = next((s for s in sections if s.startswith(f"{table.title} ") and f"`{table.path}`" in s), None)
        assert section is not None, f"no section for {table.path}"
        for k in table.keys:
            assert f"| `{k.name}` |" in section, f"{table.path}.{k.name} is not in the reference"
    for name, mock in MOCK_TYPES.items():
        section = next(s for s in sections if s.startswith(f"`{name}`"))
        for option in mock.options:
            assert f"| `{option}` |" in section, f"mock {name}: option {option} is not in the reference"


def test_the_generated_cli_reference_lists_every_subcommand() -> None:
    from emulator.cli.main import build_parser

    text = load_hooks().cli_reference_markdown()
    for name in ("serve", "validate", "explain", "import", "ca", "trace", "test-function", "invalidate",
                 "test-lambda", "sign", "keys", "keys new"):
        assert f"## `frontyard {name}`" in text
    assert "| `--watch` |" in text and "| `--key-pair-id " in text
    assert build_parser().prog == "frontyard"
