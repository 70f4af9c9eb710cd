"""The package graph of `emulator/`, read from the imports: packages, arrows, arrows that run back up, cycles.

    python tools/import_graph.py            # the whole picture
    python tools/import_graph.py --check    # exit 1 on an upward arrow, a cycle, or an oversized module/function

A package is a first-level folder of `emulator/` (cache, config, pipeline, ...) or a top-level module (errors,
http, ...). FLOORS declares where each stands; an import may only point to its own floor or below. Within a floor,
packages may import each other as long as no cycle forms. Function-level imports count like any other; imports
under `if TYPE_CHECKING:` make no dependency when the program runs and are listed apart, as type-only references.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "emulator"

# Bottom to top. Each floor may import its own floor and the ones below it, never above.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("errors", "issues", "clock", "http", "trace", "framing", "decisions"),  # ground: types every room may use
    ("config",),  # the plain tree -> the frozen model; engines' registries are handed in from above
    ("tls", "policies", "responses", "signing", "cf_functions", "lambda_edge", "origins", "cache"),  # the features
    ("assembly", "pipeline"),  # the engines handed to the loader; the declared stage list, stages no feature owns
    ("inspector", "serve", "replay"),  # the history and its page; listeners, the process, reload, access log; logs
    # and HAR files replayed through an Emulator
    ("edge", "testing", "cli", "__init__", "__main__"),  # the public face: the Python API, the pytest plugin, the CLI
)
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
LONG_REASON = "# long:"  # a function over the limit says why, in a comment starting with this, in its first lines


@dataclass
class Graph:
    lines: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # package -> lines of code
    arrows: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))  # -> importers
    type_only: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    long_functions: list[str] = field(default_factory=list)
    long_modules: list[str] = field(default_factory=list)


def package_of(module: str) -> str:
    """`emulator.cache.key` -> `cache`; `emulator.errors` -> `errors`; `emulator` -> `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def type_checking_nodes(tree: ast.Module) -> set[int]:
    """ids of the import statements under `if TYPE_CHECKING:`."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            found |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return found


def imported(tree: ast.Module, module: str, is_package: bool) -> Iterator[tuple[str, bool]]:
    """Every `emulator.*` module this file imports (relative imports resolved), and whether only for types."""
    typing_only = type_checking_nodes(tree)
    for node in ast.walk(tree):
        for target in _targets(node, module, is_package):
            yield target, id(node) in typing_only


def _targets(node: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (a.name for a in node.names if a.name.split(".")[0] == PACKAGE)
        return
    if not isinstance(node, ast.ImportFrom):
        return
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    if target == PACKAGE:  # `from emulator import x`: x is a module or a name of the package's face
        yield from (f"{PACKAGE}.{a.name}" for a in node.names)
    elif target.split(".")[0] == PACKAGE:
        yield target


def has_reason(source: list[str], node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    first = node.lineno - 1 - len(node.decorator_list)
    return any(LONG_REASON in line for line in source[max(first - 2, 0): node.lineno + 4])


def read() -> Graph:
    graph = Graph()
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        text = path.read_text()
        source = text.splitlines()
        module = module_name(path)
        package = package_of(module)
        graph.lines[package] += len(source)
        rel = path.relative_to(ROOT)
        if len(source) > MAX_MODULE_LINES:
            graph.long_modules.append(f"{rel}: {len(source)} lines")
        tree = ast.parse(text, str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES and not has_reason(source, node):
                    graph.long_functions.append(f"{rel}:{node.lineno} {node.name}: {length} lines")
        for target, typing_only in imported(tree, module, path.name == "__init__.py"):
            other = package_of(target)
            if other != package:
                (graph.type_only if typing_only else graph.arrows)[(package, other)].append(str(rel))
    return graph


def floor_of(package: str) -> int:
    for number, floor in enumerate(FLOORS, start=1):
        if package in floor:
            return number
    return 0  # not placed: reported


def cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected components of more than one package (Tarjan)."""
    edges: dict[str, set[str]] = defaultdict(set)
    for a, b in graph.arrows:
        edges[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(set(graph.lines) | set(edges)):
        if v not in index:
            visit(v)
    return found


def problems(graph: Graph) -> list[str]:
    found = [f"not on any floor: {p}" for p in sorted(graph.lines) if floor_of(p) == 0]
    for (a, b), files in sorted(graph.arrows.items()):
        if floor_of(a) < floor_of(b):
            found.append(f"upward arrow: {a} (floor {floor_of(a)}) -> {b} (floor {floor_of(b)}), from "
                         f"{', '.join(sorted(set(files)))}")
    found += [f"cycle: {' <-> '.join(c)}" for c in cycles(graph)]
    found += [f"module over {MAX_MODULE_LINES} lines: {m}" for m in graph.long_modules]
    found += [f"function over {MAX_FUNCTION_LINES} lines without a '{LONG_REASON}' comment: {f}"
              for f in graph.long_functions]
    return found


def report(graph: Graph) -> str:
    out = []
    for number in range(len(FLOORS), 0, -1):
        for package in FLOORS[number - 1]:
            if package not in graph.lines:
                continue
            targets = sorted(b for (a, b) in graph.arrows if a == package)
            out.append(f"floor {number}  {package:<13} {graph.lines[package]:>6} lines  -> {', '.join(targets) or '-'}")
    found = problems(graph)
    upward = sum(1 for p in found if p.startswith("upward"))
    circles = sum(1 for p in found if p.startswith("cycle"))
    for (a, b), files in sorted(graph.type_only.items()):
        if floor_of(a) < floor_of(b) and (a, b) not in graph.arrows:
            out.append(f"type-only reference up: {a} -> {b}, from {', '.join(sorted(set(files)))}")
    out.append(f"\n{len(graph.lines)} packages, {len(graph.arrows)} arrows, {upward} upward, {circles} cycles")
    out += found
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when anything is out of place")
    args = parser.parse_args(argv)
    graph = read()
    print(report(graph))
    return 1 if args.check and problems(graph) else 0


if __name__ == "__main__":
    sys.exit(main())
