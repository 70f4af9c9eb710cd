"""Loading a built-in mock origin: its type's options checked by kind and bounds, and `tls` for HTTPS."""

from __future__ import annotations

from collections.abc import Mapping

from emulator.config import keys as config_keys
from emulator.config import rules
from emulator.config.model import CertificateKind, LambdaFunctionConfig, MockSpec, MockTLS
from emulator.config.reader import Report, Section
from emulator.config.yamlsrc import parse_yaml
from emulator.issues import Severity


def load_mock(r: Report, origin: Section, domain: str,
              lambdas: Mapping[str, LambdaFunctionConfig] | None = None,
              declared: frozenset[str] | set[str] = frozenset()) -> MockSpec | None:
    """A built-in mock origin: its type's options checked by kind and bounds, plus `tls` for HTTPS.
    `lambdas`: the functions that loaded; `declared`: every name under lambda_functions (one that failed to load
    has its own error, not a follow-on one here)."""
    m = origin.section("mock")
    if m is None:
        return None
    types = r.engines.mock_types
    mock_type = m.str("type", required=True, expected=f"one of: {', '.join(types)}")
    spec = types.get(mock_type or "")
    if spec is None:
        if mock_type:
            r.error(m.at("type"), f"unknown mock origin type '{mock_type}'",
                         f"one of: {', '.join(types)}")
        return None
    m.check_keys(config_keys.names(config_keys.MOCK) + tuple(spec.options))
    for name, opt in spec.options.items():
        if not m.has(name):
            if opt.required:
                r.error(m.path, f"mock '{spec.name}' needs '{name}' ({opt.help})")
            continue
        if opt.kind == "path":
            target = r.base_dir / str(m.data[name])
            folder = name == "root"  # the bucket's folder; every other path option names a file
            if not target.exists():
                r.error(m.at(name), f"'{m.data[name]}' does not exist (looked in {target})")
            elif folder and not target.is_dir():
                r.error(m.at(name), f"'{m.data[name]}' is a file", f"a folder ({opt.help})")
            elif not folder and not target.is_file():
                r.error(m.at(name), f"'{m.data[name]}' is a folder", f"a file ({opt.help})")
        elif opt.kind == "int":
            m.int(name, 0, int(opt.lo or 0), int(opt.hi if opt.hi is not None else 2**63))
        elif opt.kind == "float":
            m.float(name, 0.0, opt.lo or 0.0, opt.hi if opt.hi is not None else 1e9)
        elif opt.kind == "bool":
            m.bool(name, False)
        elif opt.kind == "str":
            m.str(name)
        elif opt.kind == "map":
            _header_map(r, m, name)
        elif opt.kind == "document":
            m.data[name] = _document(r, m, name)
        elif opt.kind == "table":
            _table(r, m, name)
    options = {k: v for k, v in m.data.items() if k not in ("type", "tls")}
    for name, opt in spec.options.items():
        if opt.kind == "lambda" and m.has(name):
            options[name] = _function(r, m, name, lambdas or {}, declared)
        elif opt.kind == "strs" and m.has(name):
            options[name] = m.strs(name) or []
    if spec.own_domain:  # a mock that answers only its own domain (API Gateway, a function URL) is told it
        options["origin_domain"] = domain
    for name, message in spec.problems(options):
        r.error(m.at(name) if name else m.path, message)
    tls = _mock_tls(r, m, domain)
    return MockSpec(type=spec.name, options=tuple(options.items()), base_dir=r.base_dir, tls=tls)


def _document(r: Report, m: Section, key: str) -> object:
    """A mapping given inline, or read from the JSON or YAML file a string names (relative to the config); None
    when that is reported as an error here (the mock type's own check then has nothing to add)."""
    value = m.data[key]
    if isinstance(value, dict):
        return value
    if not isinstance(value, str):
        r.error(m.at(key), "must be a mapping, or the path of a JSON or YAML file holding one")
        return None
    target = r.base_dir / value
    try:
        text = target.read_text(encoding="utf-8")
    except OSError as exc:
        r.error(m.at(key), f"cannot read '{value}' (looked in {target}): {exc.strerror}")
        return None
    except UnicodeDecodeError as exc:
        r.error(m.at(key), f"'{value}' is not JSON or YAML: {exc}")
        return None
    # JSON is YAML: the config's own reader takes both, with its guards against nesting deeper than a parser
    # recurses and alias bombs (a policy file is as untrusted as the config naming it).
    parsed, _, issues = parse_yaml(text, value)
    errors = [i for i in issues if i.severity is Severity.ERROR]
    if errors:
        for issue in errors:
            where = f" (line {issue.location.line}, column {issue.location.col})" if issue.location and \
                issue.location.line else ""
            r.error(m.at(key), f"'{value}' is not JSON or YAML{where}: {issue.message}")
        return None
    if not isinstance(parsed, dict):
        r.error(m.at(key), f"'{value}' does not hold a mapping")
        return None
    return parsed


def _function(r: Report, m: Section, key: str, lambdas: Mapping[str, LambdaFunctionConfig],
              declared: frozenset[str] | set[str]) -> object:
    """A `lambda` option: the function's config, handed to the mock (its name when it failed to load)."""
    name = m.str(key)
    if name is not None and name not in lambdas and name not in declared:
        r.error(m.at(key), f"no function named '{name}' under lambda_functions",
                f"one of: {', '.join(sorted(lambdas)) or '(none configured)'}")
    return lambdas.get(name or "", name)


def _table(r: Report, s: Section, key: str) -> None:
    value = s.data[key]
    if not isinstance(value, dict) or any(isinstance(v, dict | list) or v is None for v in value.values()):
        r.error(s.at(key), "must be a mapping of name to value", "like {api.example.com: prod}")


def _mock_tls(r: Report, m: Section, domain: str) -> MockTLS | None:
    t = m.section("tls")
    if t is None:
        return None
    t.check_keys(config_keys.names(config_keys.MOCK_TLS))
    names = tuple(t.strs("names") or [domain])
    kind = t.enum("certificate", CertificateKind, CertificateKind.VALID) or CertificateKind.VALID
    max_version = t.str("max_version")
    if max_version is not None and max_version not in ("TLSv1.2", "TLSv1.3"):
        r.error(t.at("max_version"), f"'{max_version}' is not a TLS version a mock can cap at",
                     "TLSv1.2 or TLSv1.3")
        max_version = None
    return MockTLS(names=names, certificate=kind, max_version=max_version)

def _header_map(r: Report, s: Section, key: str) -> None:
    value = s.data[key]
    if not isinstance(value, dict):
        r.error(s.at(key), "must be a mapping of header name to value", "like {Content-Type: text/plain}")
        return
    for name, v in value.items():
        if not rules.HEADER_NAME.match(str(name)):
            r.error(s.at(key) + (name,), f"'{name}' is not a valid header name", key=True)
        items = v if isinstance(v, list) else [v]
        if any(isinstance(i, dict | list) or i is None for i in items):
            r.error(s.at(key) + (name,), "must be a value or a list of values")
