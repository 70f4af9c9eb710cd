"""The Python API page describes what the API returns."""

from __future__ import annotations

import inspect
from pathlib import Path

from emulator.edge import Edge

PAGE = Path(__file__).resolve().parents[2] / "docs" / "python-api.md"


def test_requests_to_is_described_as_the_count_it_returns() -> None:
    assert inspect.signature(Edge.requests_to).return_annotation in (int, "int")
    lines = [line for line in PAGE.read_text().splitlines() if 'edge.requests_to("api")' in line]
    assert lines and all("an int: how many requests" in line for line in lines)
    assert "returns how many requests a\nmock origin received (an `int`" in PAGE.read_text()
