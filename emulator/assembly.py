"""Where the engines meet the config loader: the registry it compiles with, and the loading entry points.

`emulator.config` imports no engine (config/engines.py says what it needs); this module fills that in from the
engines (CloudFront Functions' compiler, Lambda@Edge's interpreters, signed-URL key parsing, the mock origin types)
and offers the loader's entry points with it, for the command line, the server's reloads, the Python API and tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from emulator.cf_functions import CompiledFunction, FunctionLoadError, FunctionSource, compile_function, load_kvs
from emulator.cf_functions.kvs import KeyValueStore
from emulator.config import loader, sources
from emulator.config.engines import CodeProblem, Engines
from emulator.config.model import Config
from emulator.issues import Location
from emulator.lambda_edge.runtimes import find_interpreter
from emulator.origins.mocks import MOCK_TYPES
from emulator.signing.keys import KeyAlgorithm, KeyProblem, PublicKey, load_public_key


def _problems(exc: FunctionLoadError) -> list[CodeProblem]:
    return [CodeProblem(str(p.path), p.line, p.col, p.message) for p in exc.problems]


def _load_kvs(path: str, name: str) -> KeyValueStore | list[CodeProblem]:
    try:
        return load_kvs(path, name=name)
    except FunctionLoadError as exc:
        return _problems(exc)


def _compile_function(name: str, runtime: str, code: str, path: str,
                      store: object | None) -> CompiledFunction | list[CodeProblem]:
    if store is not None and not isinstance(store, KeyValueStore):
        raise TypeError(f"a KeyValueStore comes from load_kvs, not {type(store).__name__}")
    key = (name, runtime, code, path)
    if store is None and (known := _COMPILED.get(key)) is not None:
        # The same code as a config loaded before (a reload that left the function alone): the same object, so
        # the function runner keeps its warm contexts for it instead of building new ones.
        return known
    try:
        compiled = compile_function(FunctionSource(name, runtime, code, path, store))
    except FunctionLoadError as exc:
        return _problems(exc)
    if store is None:  # a KeyValueStore's items may change between loads: compiled anew each time
        _COMPILED[key] = compiled
        while len(_COMPILED) > MAX_COMPILED:
            del _COMPILED[next(iter(_COMPILED))]
    return compiled


MAX_COMPILED = 256
_COMPILED: dict[tuple[str, str, str, str], CompiledFunction] = {}  # (name, runtime, code, path) -> compiled


def _public_key(key_id: str, pem: bytes, legacy: bool, location: Location | None,
                path: Path | None) -> PublicKey | str:
    try:
        key, algorithm = load_public_key(pem, legacy=legacy)
    except KeyProblem as exc:
        return str(exc)
    return PublicKey(key_id, KeyAlgorithm(algorithm), key, location, path)


ENGINES = Engines(load_kvs=_load_kvs, compile_function=_compile_function, public_key=_public_key,
                  find_interpreter=find_interpreter, mock_types=MOCK_TYPES)


def load_config(path: str | Path) -> Config:
    """Read and validate a frontyard YAML file. Raises ConfigError listing every problem."""
    return loader.load_config(path, ENGINES)


def load_config_text(text: str, file: str, base_dir: Path) -> Config:
    """frontyard YAML given as text; paths in it are relative to base_dir."""
    return loader.load_config_text(text, file, base_dir, ENGINES)


def load_source(path: str | Path, *, local: str | Path | None = None,
                parameters: Mapping[str, str] | None = None) -> Config:
    """Any source frontyard reads (its YAML, CloudFormation, cdk.out, CloudFront JSON, Terraform), imported,
    overlaid and validated. Raises ConfigError listing every problem."""
    return sources.load_source(path, ENGINES, local=local, parameters=parameters)


def as_yaml(path: str | Path, out: Path, *, local: str | Path | None = None,
            parameters: Mapping[str, str] | None = None) -> str:
    """`frontyard import`: the source as frontyard YAML for `out`."""
    return sources.as_yaml(path, out, ENGINES, local=local, parameters=parameters)
