"""`lambda_functions` and per-behavior `lambda_function_associations` (AWS: "Restrictions on Lambda@Edge"), with
CloudFront's rules:
one edge function per event type, no CloudFront Function next to a Lambda@Edge function on viewer events,
include_body on request events only, viewer events limited to 5 s and 128 MB, a numbered version in ARNs."""

from __future__ import annotations

import ast
from pathlib import Path

from emulator.config import keys as config_keys
from emulator.config.model import FunctionAssociation, LambdaAssociation, LambdaEvent, LambdaFunctionConfig
from emulator.config.reader import Report, Section
from emulator.config.rules import DEPRECATED_LAMBDA_RUNTIMES as DEPRECATED
from emulator.config.rules import LAMBDA_RUNTIMES as RUNTIMES
from emulator.config.rules import function_reference
from emulator.issues import ConfigIssue, Location, Severity

MAX_TIMEOUT = {True: 5, False: 30}  # seconds, viewer events / origin events (Lambda@Edge quotas)
MAX_MEMORY = {True: 128, False: 10240}  # MB
NODE_SUFFIXES = (".js", ".mjs", ".cjs")


def load_lambda_functions(r: Report, top: Section) -> list[LambdaFunctionConfig]:
    f = top.section("lambda_functions")
    if f is None:
        return []
    out = []
    for name in f.data:
        s = Section(r, f.at(name), f.data[name])
        s.check_keys(config_keys.names(config_keys.LAMBDA_FUNCTION))
        runtime = s.str("runtime", required=True, expected=f"one of: {', '.join(RUNTIMES)}")
        if runtime is not None and runtime not in RUNTIMES:
            why = "Lambda has deprecated it" if runtime in DEPRECATED else "Lambda@Edge does not support it"
            r.error(s.at("runtime"), f"'{runtime}' is not a Lambda@Edge runtime ({why})",
                    f"one of: {', '.join(RUNTIMES)}")
            runtime = None
        code = s.str("code", required=True, expected="the folder (or file) holding the handler's code")
        timeout = s.float("timeout", 3, 1, 30)
        memory = s.int("memory_size", 128, 128, 10240)
        if runtime is None or code is None:
            continue
        node = runtime.startswith("nodejs")
        path = r.base_dir / code
        if not path.exists():
            r.error(s.at("code"), f"'{code}' does not exist (looked in {r.base_dir})")
            continue
        default = f"{path.stem}.handler" if path.is_file() else ("index.handler" if node else
                                                                 "lambda_function.lambda_handler")
        handler = s.str("handler", default) or default
        code_dir = path.parent if path.is_file() else path
        module_path = _module_file(r, s, code_dir, handler, node)
        interpreter = r.engines.find_interpreter(runtime)
        if interpreter.executable is None:
            r.error(s.at("runtime"), f"no local interpreter for {runtime}", interpreter.install_hint)
            continue
        if interpreter.warning:
            r.warn(s.at("runtime"), interpreter.warning)
        if module_path is not None:
            out.append(
                LambdaFunctionConfig(
                    name=name,
                    runtime=runtime,
                    code_dir=code_dir,
                    handler=handler,
                    module_path=module_path,
                    interpreter=interpreter.executable,
                    timeout=timeout,
                    memory_size=memory,
                    location=s.location,
                )
            )
    return out


def _module_file(r: Report, s: Section, code_dir: Path, handler: str, node: bool) -> Path | None:
    module, dot, function = handler.rpartition(".")
    if not dot or not module or not function:
        r.error(s.at("handler"), f"'{handler}' is not a handler", "module.function, like index.handler")
        return None
    candidates = [code_dir / (module + suffix) for suffix in NODE_SUFFIXES] if node else \
        [code_dir / (module.replace(".", "/") + ".py")]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        r.error(s.at("handler") if s.has("handler") else s.at("code"),
                f"handler '{handler}': no module file {' or '.join(c.name for c in candidates)} in {code_dir}")
        return None
    if not node:  # a syntax error is a located config error, not a 503 later
        try:
            ast.parse(found.read_text(encoding="utf-8"), str(found))
        except SyntaxError as exc:
            where = Location(str(found), exc.lineno or 1, exc.offset or 1)
            r.issues.append(ConfigIssue(Severity.ERROR, where, f"lambda_functions.{s.path[-1]}", f"{exc.msg}"))
            return None
        except (OSError, UnicodeDecodeError) as exc:
            r.error(s.at("code"), f"cannot read '{found}': {exc}")
            return None
    return found


def load_lambda_associations(r: Report, s: Section, functions: dict[str, LambdaFunctionConfig], names: set[str],
                             cf: list[FunctionAssociation]) -> list[LambdaAssociation]:
    """A behavior's `lambda_function_associations`; `names` are all configured names (some may have failed)."""
    a = s.section("lambda_function_associations")
    if a is None:
        return []
    a.check_keys(config_keys.names(config_keys.LAMBDA_ASSOCIATIONS))
    cf_viewer = [x.event_type.value for x in cf]
    out = []
    for event in LambdaEvent:
        if not a.has(event.value):
            continue
        raw = a.data[event.value]
        entry = Section(r, a.at(event.value), {"function": raw} if isinstance(raw, str) else raw)
        entry.check_keys(config_keys.names(config_keys.LAMBDA_ASSOCIATION))
        ref = entry.str("function", required=True, expected="a name under 'lambda_functions' or a versioned ARN")
        include_body = entry.bool("include_body", False)
        where = a.at(event.value) if isinstance(raw, str) else entry.at("function")
        if include_body and not event.is_request:
            r.error(entry.at("include_body"), f"include_body is for request events only, not {event.value}")
        if event.is_viewer and cf_viewer:
            r.error(a.at(event.value), f"a Lambda@Edge {event.value} function cannot be combined with a CloudFront "
                    f"Function on viewer events ({', '.join(cf_viewer)} is set in function_associations)",
                    key=True)
        if ref is None:
            continue
        name, problem = function_reference(ref)
        if name is None:
            r.error(where, problem or "")
            continue
        if name not in names:
            r.error(where, f"no Lambda@Edge function named '{name}'",
                    f"one of the names under 'lambda_functions': {', '.join(sorted(names)) or '(none)'}")
            continue
        fn = functions.get(name)
        if fn is not None:
            viewer = event.is_viewer
            if fn.timeout > MAX_TIMEOUT[viewer]:
                r.error(where, f"function '{name}' has timeout {fn.timeout:g} s; {event.value} functions may run "
                        f"at most {MAX_TIMEOUT[viewer]} s")
            if fn.memory_size > MAX_MEMORY[viewer]:
                r.error(where, f"function '{name}' has memory_size {fn.memory_size} MB; {event.value} functions "
                        f"may use at most {MAX_MEMORY[viewer]} MB")
        out.append(
            LambdaAssociation(event_type=event, function_name=name, include_body=include_body, location=r.loc(where))
        )
    return out
