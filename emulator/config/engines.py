"""What the loader asks of the engines, handed in where the app is assembled (emulator/assembly.py).

The loader compiles at load (a CloudFront Function that does not compile, a Lambda@Edge runtime with no local
interpreter, a public key CloudFront would refuse or a mock origin's unknown option fails the load, not a request),
but `config` imports no engine: it names here the little it needs of each, and the assembly fills it in from
cf_functions, lambda_edge, signing and origins.mocks. A test can hand in engines of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from emulator.issues import Location

if TYPE_CHECKING:  # what the engines hand back; the model only carries it
    from emulator.cf_functions import CompiledFunction
    from emulator.signing.keys import PublicKey

# str: a string; path: a file or folder relative to the config file, which must exist; int / float: a number
# within [lo, hi] (float also accepts integers); bool; map: a mapping of header name to string value; document: a
# mapping written inline, or a JSON or YAML file holding one (read at load: the option's value is the mapping);
# strs: a list of strings; table: a mapping of string to string; lambda: a name under lambda_functions.
OptionKind = Literal["str", "path", "int", "float", "bool", "map", "document", "strs", "table", "lambda"]


class MockOption(Protocol):
    """One option of a mock origin type, as its schema declares it."""

    @property
    def kind(self) -> OptionKind: ...

    @property
    def required(self) -> bool: ...

    @property
    def help(self) -> str: ...

    @property
    def lo(self) -> float | None: ...

    @property
    def hi(self) -> float | None: ...


class MockSchema(Protocol):
    """A mock origin type as the loader checks it: its options and the rules across them."""

    @property
    def name(self) -> str: ...

    @property
    def options(self) -> Mapping[str, MockOption]: ...

    @property
    def own_domain(self) -> bool: ...  # told the origin's domain_name (option origin_domain): it routes on Host

    def problems(self, options: Mapping[str, object]) -> list[tuple[str | None, str]]: ...


class Interpreter(Protocol):
    """The local executable standing in for a Lambda@Edge runtime."""

    @property
    def executable(self) -> str | None: ...  # None: not installed

    @property
    def warning(self) -> str | None: ...  # the local version differs from the runtime's

    @property
    def install_hint(self) -> str: ...


@dataclass(frozen=True)
class CodeProblem:
    """Why a function's code (or its key-value store) cannot load: where, and what."""

    path: str
    line: int
    col: int
    message: str


@dataclass(frozen=True, kw_only=True)
class Engines:
    """The engines' part of loading a configuration."""

    # a KeyValueStore's file and its name as configured -> the store, or every problem found in the file.
    load_kvs: Callable[[str, str], object | list[CodeProblem]]
    # name, runtime, code, the path it was read from (or a field name for inline code), the store load_kvs gave
    # -> the compiled function, or every problem found in the code.
    compile_function: Callable[[str, str, str, str, object | None], CompiledFunction | list[CodeProblem]]
    # key id, PEM bytes, legacy key pair?, where configured, PEM file -> the key, or what the PEM is instead.
    public_key: Callable[[str, bytes, bool, Location | None, Path | None], PublicKey | str]
    find_interpreter: Callable[[str], Interpreter]  # a Lambda@Edge runtime -> the local interpreter
    mock_types: Mapping[str, MockSchema]  # type name -> its schema

    def path_options(self, mock_type: object) -> tuple[str, ...]:
        """The options of a mock type that name files or folders (rebased when a config moves)."""
        schema = self.mock_types.get(str(mock_type))
        return tuple(n for n, o in schema.options.items() if o.kind == "path") if schema else ()
