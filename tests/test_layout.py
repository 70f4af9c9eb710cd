"""The package graph: every import points to its own floor or below, no packages import each other in a circle,
and no module or function grows past its limit without saying why (tools/import_graph.py draws the same)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def graph_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "tools" / "import_graph.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_graph"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_the_layout_has_no_upward_arrow_cycle_or_oversized_code() -> None:
    tool = graph_tool()
    assert tool.problems(tool.read()) == []


def test_every_package_stands_on_a_declared_floor() -> None:
    tool = graph_tool()
    graph = tool.read()
    assert {p for p in graph.lines if tool.floor_of(p) == 0} == set()
    assert {"config", "pipeline", "cache", "serve", "cli"} <= set(graph.lines)


def test_an_upward_import_is_reported() -> None:
    tool = graph_tool()
    graph = tool.read()
    graph.arrows[("config", "pipeline")].append("emulator/config/loader.py")
    found = tool.problems(graph)
    assert any(p.startswith("upward arrow: config (floor 2) -> pipeline") for p in found)
    assert any(p.startswith("cycle:") and "config" in p and "pipeline" in p for p in found)
