"""Built-in mock origins: each is a small aiohttp app the emulator serves on a loopback port.

The registry carries each mock's option schema (checked by the config loader, with locations) and the
factory that builds its app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from aiohttp import web

from emulator.config.model import MockSpec

OptionKind = Literal["str", "path", "int", "bool"]


@dataclass(frozen=True)
class OptionSpec:
    kind: OptionKind
    required: bool = False
    help: str = ""


@dataclass(frozen=True)
class MockType:
    name: str
    options: Mapping[str, OptionSpec]
    make_app: Callable[[MockSpec], web.Application]
    serves_files: bool = False  # a bucket-like origin (lint: error pages meant for it vs API origins)


def _registry() -> dict[str, MockType]:
    # Imported here so each mock module stays independent of the registry that lists it.
    from emulator.origins.mocks import echo, s3_website

    return {m.name: m for m in (echo.MOCK, s3_website.MOCK)}


MOCK_TYPES: Mapping[str, MockType] = _registry()
