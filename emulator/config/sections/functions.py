"""Loading `functions:`: CloudFront Functions, gated and compiled at load (AWS: "Customize at the edge with CloudFront
Functions")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from emulator.config import keys as config_keys
from emulator.config import rules
from emulator.config.engines import CodeProblem
from emulator.config.model import FunctionConfig
from emulator.config.reader import Report, Section
from emulator.issues import ConfigIssue, Location, Severity

if TYPE_CHECKING:
    from emulator.cf_functions import CompiledFunction


def load_functions(r: Report, top: Section) -> list[FunctionConfig]:
    """`functions:` — CloudFront Functions, each gated and compiled now so a bad one fails the load."""
    f = top.section("functions")
    if f is None:
        return []
    out = []
    for name in f.data:
        s = Section(r, f.at(name), f.data[name])
        s.check_keys(config_keys.names(config_keys.FUNCTION))
        if not rules.FUNCTION_NAME.match(name):
            r.error(f.at(name), f"'{name}' is not a CloudFront function name", "1-64 of A-Z a-z 0-9 - _",
                    key=True)
        runtime = s.str("runtime", "cloudfront-js-1.0") or "cloudfront-js-1.0"
        if runtime not in rules.RUNTIMES:
            r.error(s.at("runtime"), f"'{runtime}' is not a CloudFront Functions runtime",
                    f"one of: {', '.join(rules.RUNTIMES)}")
            continue
        inline = s.str("inline_code")  # CloudFormation's FunctionCode: the code written in the template
        if inline is not None and s.has("code"):
            r.error(s.path, "give either 'code' (a file) or 'inline_code', not both")
        code = None if inline is not None else s.str("code", required=True,
                                                      expected="the path of the function's .js file")
        kvs = s.str("key_value_store")
        if kvs is not None and runtime != "cloudfront-js-2.0":
            r.error(s.at("key_value_store"), "KeyValueStore needs runtime cloudfront-js-2.0")
        for key, value in (("code", code), ("key_value_store", kvs)):
            if value is not None and not (r.base_dir / value).is_file():
                what = f"'{value}' is a folder, not a file" if (r.base_dir / value).is_dir() \
                    else f"file '{value}' does not exist"
                r.error(s.at(key), f"{what} (looked in {r.base_dir})",
                        "the path of a file, relative to the config file")
                code = None if key == "code" else code
                kvs = None if key == "key_value_store" else kvs
        if code is not None and (compiled := _compile(r, s, name, runtime, code, kvs)) is not None:
            kvs_path = str(r.base_dir / kvs) if kvs else None
            out.append(
                FunctionConfig(
                    name=name,
                    runtime=runtime,
                    code_path=r.base_dir / code,
                    compiled=compiled,
                    key_value_store=kvs_path,
                    location=s.location,
                )
            )
        if inline is not None and (compiled := _compile(r, s, name, runtime, None, kvs, inline)) is not None:
            where = r.smap.at(s.at("inline_code"))
            kvs_path = str(r.base_dir / kvs) if kvs else None
            out.append(
                FunctionConfig(
                    name=name,
                    runtime=runtime,
                    code_path=Path(where.file if where else r.smap.file),
                    compiled=compiled,
                    key_value_store=kvs_path,
                    location=s.location,
                )
            )
    return out


def _compile(r: Report, s: Section, name: str, runtime: str, code: str | None, kvs: str | None,
             inline: str | None = None) -> CompiledFunction | None:
    """Gate and compile a function now, so a bad function fails the load and not a request."""
    path = r.base_dir / (code or "")
    try:
        # The store is read before the code: when both are broken, the store's problems are the ones reported.
        # Its id (what `cf.kvs(id)` may name) is the file's stem, as in `frontyard test-function --kvs FILE`:
        # one rule, so the same code runs in both.
        store = r.engines.load_kvs(str(r.base_dir / kvs), Path(kvs).stem) if kvs else None
        if isinstance(store, list):
            _report(r, s, name, inline, store)
            return None
        text = inline if inline is not None else path.read_text(encoding="utf-8")
        compiled = r.engines.compile_function(name, runtime, text,
                                              f"functions.{name}.inline_code" if inline else str(path), store)
        if not isinstance(compiled, list):
            return compiled
        _report(r, s, name, inline, compiled)
    except UnicodeDecodeError as exc:
        r.error(s.at("code"), f"'{code}' is not UTF-8 text (byte {exc.start}): CloudFront takes function "
                "code as UTF-8")
    except OSError as exc:
        r.error(s.at("code"), f"cannot read '{code}': {exc.strerror}")
    return None


def _report(r: Report, s: Section, name: str, inline: str | None, problems: list[CodeProblem]) -> None:
    for p in problems:
        where = Location(str(p.path), p.line, p.col)
        if inline is not None and p.path == f"functions.{name}.inline_code":
            # Code written inside a template: point at it there, and say where in the code.
            where = r.smap.at(s.at("inline_code"))  # type: ignore[assignment]
            r.issues.append(ConfigIssue(Severity.ERROR, where, f"functions.{name}",
                                        f"line {p.line}, column {p.col} of the code: {p.message}"))
            continue
        r.issues.append(ConfigIssue(Severity.ERROR, where, f"functions.{name}", p.message))
