"""The loader reports every problem at once, each with file:line:col, the field and what is expected."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_config, load_config_text
from emulator.config.model import ViewerProtocolPolicy
from emulator.errors import ConfigError
from emulator.issues import Severity

BASE = """\
distribution:
  origins:
    - id: api
      domain_name: api.example.test
  default_cache_behavior:
    target_origin_id: api
"""


def load(text: str, tmp_path: Path | None = None):
    return load_config_text(textwrap.dedent(text), "site.yaml", tmp_path or Path("."))


def errors(text: str, tmp_path: Path | None = None) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(text, tmp_path)
    return [i.format() for i in info.value.errors]


def test_minimal_config_loads_with_cloudfront_defaults() -> None:
    config = load(BASE)
    d = config.distributions[0]
    origin = d.origins[0]
    assert (origin.connection_attempts, origin.connection_timeout, origin.read_timeout) == (3, 10, 30)
    assert (origin.http_port, origin.https_port) == (80, 443)
    assert d.default_cache_behavior.allowed_methods == {"GET", "HEAD"}
    assert d.default_cache_behavior.viewer_protocol_policy is ViewerProtocolPolicy.ALLOW_ALL
    assert d.domain_name.endswith(".cloudfront.net")


def test_three_mistakes_give_three_located_errors() -> None:
    found = errors("""\
        distribution:
          origins:
            - id: api
              domian_name: api.example.test
          default_cache_behavior:
            target_origin_id: web
            allowed_methods: [GET, PATCH]
        """)
    assert found == [
        "site.yaml:4:7: distribution.origins[0]: unknown key 'domian_name' (did you mean 'domain_name'?)",
        "site.yaml:6:23: distribution.default_cache_behavior.target_origin_id: no origin has id 'web'\n"
        "    expected one of: api",
        "site.yaml:7:22: distribution.default_cache_behavior.allowed_methods: [GET, PATCH] is not a CloudFront "
        "method set\n    expected one of: [GET, HEAD] | [GET, HEAD, OPTIONS] | "
        "[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]",
    ]


@pytest.mark.parametrize(
    ("snippet", "field", "message"),
    [
        ("  default_root_object: /index.html\n", "distribution.default_root_object", "must not start with '/'"),
        ("  cache_behaviors:\n    - {path_pattern: '/api/*', target_origin_id: api, allowed_methods: [GET]}\n",
         "distribution.cache_behaviors[0].allowed_methods", "is not a CloudFront method set"),
        ("  cache_behaviors:\n    - {path_pattern: '/a/*', target_origin_id: api,\n"
         "       cached_methods: [GET, HEAD, OPTIONS]}\n",
         "distribution.cache_behaviors[0].cached_methods", "subset of allowed_methods"),
        ("  cache_behaviors:\n    - {path_pattern: '/a b/*', target_origin_id: api}\n",
         "distribution.cache_behaviors[0].path_pattern", "characters CloudFront does not allow"),
        ("  cache_behaviors:\n    - {path_pattern: '/" + "a" * 260 + "', target_origin_id: api}\n",
         "distribution.cache_behaviors[0].path_pattern", "at most 255"),
        ("  cache_behaviors:\n    - {target_origin_id: api}\n",
         "distribution.cache_behaviors[0]", "missing required key 'path_pattern'"),
        ("  custom_error_responses:\n    - {error_code: 418}\n",
         "distribution.custom_error_responses[0].error_code", "cannot customise 418"),
        ("  custom_error_responses:\n    - {error_code: 404, response_code: 200}\n",
         "distribution.custom_error_responses[0]", "must be given together"),
        ("  aliases: ['bad_name!.example']\n", "distribution.aliases[0]", "not a valid alternate domain name"),
    ],
)
def test_distribution_rules(snippet: str, field: str, message: str) -> None:
    found = errors(BASE + snippet)
    assert any(f": {field}: " in e and message in e for e in found), found


@pytest.mark.parametrize(
    ("origin_extra", "field", "message"),
    [
        ("origin_path: api", "origin_path", "must start with '/'"),
        ("origin_path: /api/", "origin_path", "must not end with '/'"),
        ("connection_attempts: 4", "connection_attempts", "out of range"),
        ("connection_attempts: 0", "connection_attempts", "out of range"),
        ("connection_timeout: 11", "connection_timeout", "out of range"),
        ("connection_timeout: 2.5", "connection_timeout", "whole number"),
        ("custom_origin: {read_timeout: 121}", "custom_origin.read_timeout", "out of range"),
        ("custom_origin: {keepalive_timeout: 0}", "custom_origin.keepalive_timeout", "out of range"),
        ("custom_origin: {http_port: 81}", "custom_origin.http_port", "out of range"),
        ("custom_origin: {https_port: 1023}", "custom_origin.https_port", "out of range"),
        ("custom_origin: {protocol_policy: https}", "custom_origin.protocol_policy", "not a valid value"),
        ("custom_origin: {ssl_protocols: [TLSv1.3]}", "custom_origin.ssl_protocols[0]", "not an origin SSL protocol"),
        ("custom_headers: {Host: x}", "custom_headers.Host", "does not allow 'Host'"),
        ("custom_headers: {X-Amz-Secret: x}", "custom_headers.X-Amz-Secret", "does not allow"),
        ("mock: {type: nope}", "mock.type", "unknown mock origin type"),
        ("mock: {type: s3-website}", "mock", "needs 'root'"),
    ],
)
def test_origin_rules(origin_extra: str, field: str, message: str) -> None:
    text = BASE.replace("      domain_name: api.example.test\n",
                        f"      domain_name: api.example.test\n      {origin_extra}\n")
    found = errors(text)
    assert any(f": distribution.origins[0].{field}: " in e and message in e for e in found), found


@pytest.mark.parametrize("port", [80, 443, 1024, 65535])
def test_allowed_ports(port: int) -> None:
    text = BASE.replace("domain_name: api.example.test",
                        f"domain_name: a.test\n      custom_origin: {{http_port: {port}}}")
    assert load(text).distributions[0].origins[0].http_port == port


@pytest.mark.parametrize("methods", ["[GET, HEAD]", "[HEAD, GET]", "[GET, HEAD, OPTIONS]",
                                     "[DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]"])
def test_method_sets_in_any_order(methods: str) -> None:
    load(BASE + f"    allowed_methods: {methods}\n")


def test_every_problem_is_reported_at_once() -> None:
    found = errors("""\
        distribution:
          default_root_object: /index.html
          origins:
            - {id: a, domain_name: a.test, connection_attempts: 9}
            - {id: a, domain_name: b.test}
          default_cache_behavior: {target_origin_id: a, viewer_protocol_policy: redirect}
          cache_behaviors:
            - {path_pattern: '/x/*', target_origin_id: missing}
        emulator: {listen: {http: nowhere}}
        """)
    assert len(found) == 6, found
    lines = [int(e.split(":")[1]) for e in found]
    assert sorted(lines) == [2, 4, 5, 6, 8, 9]


def test_yaml_syntax_error_is_located() -> None:
    found = errors("distribution:\n  origins: [\n")
    assert found[0].startswith("site.yaml:3:1: YAML syntax:")


def test_duplicate_keys_are_errors() -> None:
    found = errors(BASE + "  aliases: [a.test]\n  aliases: [b.test]\n")
    assert any("duplicate key 'aliases'" in e for e in found)


def test_references_to_functions_are_checked(tmp_path: Path) -> None:
    (tmp_path / "f.js").write_text("function handler(event) { return event.request; }")
    text = BASE + "    function_associations: {viewer-request: nope}\nfunctions:\n  rewrite: {code: f.js}\n"
    found = errors(text, tmp_path)
    assert any("no function named 'nope'" in e and "rewrite" in e for e in found), found


def test_missing_function_file_is_an_error(tmp_path: Path) -> None:
    found = errors(BASE + "functions:\n  rewrite: {code: missing.js}\n", tmp_path)
    assert any("functions.rewrite.code: file 'missing.js' does not exist" in e for e in found), found


def test_unimplemented_cloudfront_fields_warn_not_error() -> None:
    config = load(BASE + "  price_class: PriceClass_100\n")
    warnings = [w.format() for w in config.warnings]
    assert any("'price_class' is not emulated yet" in w for w in warnings), warnings
    assert all(w.severity is Severity.WARNING for w in config.warnings)


@pytest.mark.parametrize("ref", ["Managed-AllViewer", "216adef6-5c7f-47e4-b989-5492eafa07d3"])
def test_managed_policies_by_name_or_id(ref: str) -> None:
    behavior = load(BASE + f"    origin_request_policy: {ref}\n").distributions[0].default_cache_behavior
    assert behavior.origin_request_policy is not None
    assert behavior.origin_request_policy.name == "Managed-AllViewer"
    assert behavior.cache_policy is not None and behavior.cache_policy.name == "Managed-CachingOptimized"


def test_custom_policies() -> None:
    config = load(BASE + """\
    cache_policy: api-cache
    origin_request_policy: api-origin
cache_policies:
  api-cache: {min_ttl: 0, default_ttl: 0, max_ttl: 60, headers: {behavior: whitelist, items: [Authorization]},
              query_strings: all, enable_accept_encoding_gzip: true}
origin_request_policies:
  api-origin: {headers: {behavior: allExcept, items: [Host]}, cookies: {behavior: whitelist, items: [session]}}
""")
    b = config.distributions[0].default_cache_behavior
    assert b.cache_policy is not None and b.cache_policy.headers.items == ("authorization",)
    assert b.cache_policy.max_ttl == 60 and b.cache_policy.gzip and not b.cache_policy.brotli
    assert b.origin_request_policy is not None and b.origin_request_policy.cookies.items == ("session",)


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("    cache_policy: Nope\n", "no policy named 'Nope'"),
        ("    origin_request_policy: Managed-Nope\n", "no policy named 'Managed-Nope'"),
        ("    cache_policy: Managed-CachingDisabled\n    forwarded_values: {query_string: true}\n",
         "either a cache_policy or legacy forwarded_values"),
        ("    forwarded_values: {query_string: true}\n    origin_request_policy: Managed-AllViewer\n",
         "needs a cache policy"),
        ("    forwarded_values: {query_string: true, headers: ['*']}\n    min_ttl: 5\n", "requires min_ttl 0"),
        ("    min_ttl: 5\n", "belongs to legacy forwarded_values"),
        ("    forwarded_values: {cookies: {forward: all}}\n", "missing required key 'query_string'"),
        ("    cache_policy: p\ncache_policies:\n  p: {headers: all}\n", "'all' is not allowed here"),
        ("    cache_policy: p\ncache_policies:\n  p: {min_ttl: 10, default_ttl: 5}\n", "min_ttl <= default_ttl"),
        ("    cache_policy: p\ncache_policies:\n  p: {query_strings: {behavior: whitelist}}\n", "needs items"),
        ("    origin_request_policy: o\norigin_request_policies:\n  o: {headers: {behavior: whitelist, "
         "items: [Authorization]}}\n", "does not allow Authorization"),
        ("    origin_request_policy: o\norigin_request_policies:\n  o: {headers: {behavior: "
         "allViewerAndWhitelistCloudFront, items: [X-Foo]}}\n", "not a CloudFront viewer header"),
        ("cache_policies:\n  Managed-Mine: {}\n", "Managed- prefix is reserved"),
    ],
)
def test_policy_rules(snippet: str, message: str) -> None:
    found = errors(BASE + snippet)
    assert any(message in e for e in found), found


def test_authorization_in_an_origin_request_policy_points_to_the_cache_policy() -> None:
    # An all-viewer origin request policy passes Authorization only when caching is turned off: the advice says so.
    found = errors(BASE + "    origin_request_policy: o\norigin_request_policies:\n"
                   "  o: {headers: {behavior: whitelist, items: [Authorization]}}\n")
    advice = next(e for e in found if "does not allow Authorization" in e)
    assert "Authorization in the cache policy's headers" in advice
    assert "headers: allViewer only with cache_policy: Managed-CachingDisabled" in advice


def test_alias_claimed_twice_is_an_error() -> None:
    found = errors("""\
        distributions:
          - id: one
            aliases: [app.test]
            origins: [{id: o, domain_name: o.test}]
            default_cache_behavior: {target_origin_id: o}
          - id: two
            aliases: [app.test]
            origins: [{id: o, domain_name: o.test}]
            default_cache_behavior: {target_origin_id: o}
        """)
    assert any("'app.test' is claimed by distributions 'one' and 'two'" in e for e in found)


def test_resolve_and_listen(tmp_path: Path) -> None:
    config = load(BASE + "emulator:\n  listen: {http: '127.0.0.1:9090'}\n"
                  "  resolve: {API.example.test: '127.0.0.1:9000'}\n")
    assert config.emulator.http.port == 9090
    assert config.emulator.resolved("api.example.test") == ("127.0.0.1", 9000)


def test_unreadable_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.yaml")
    assert "cannot read" in info.value.issues[0].message


@pytest.mark.parametrize(
    ("mock", "field", "message"),
    [
        ("{type: echo, delay_first_byte: abc}", "mock.delay_first_byte", "must be a number"),
        ("{type: echo, delay_first_byte: -1}", "mock.delay_first_byte", "out of range"),
        ("{type: echo, chunk_size: 0}", "mock.chunk_size", "out of range"),
        ("{type: echo, drop_after_bytes: true}", "mock.drop_after_bytes", "whole number"),
        ("{type: response, status: 99}", "mock.status", "out of range"),
        ("{type: response, headers: [a]}", "mock.headers", "must be a mapping"),
        ("{type: response, headers: {'bad name': x}}", "mock.headers.bad name", "not a valid header name"),
        ("{type: response, body: a, body_file: f}", "mock.body_file", "not both"),
        ("{type: response, body: [1]}", "mock.body", "must be a string"),
        ("{type: echo, tls: {certificate: broken}}", "mock.tls.certificate", "not a valid value"),
        ("{type: echo, delay: 1}", "mock", "unknown key 'delay'"),
    ],
)
def test_mock_options(tmp_path: Path, mock: str, field: str, message: str) -> None:
    (tmp_path / "f").write_text("x")
    text = BASE.replace("      domain_name: api.example.test\n",
                        f"      domain_name: api.example.test\n      mock: {mock}\n")
    found = errors(text, tmp_path)
    assert any(f": distribution.origins[0].{field}: " in e and message in e for e in found), found


def test_mock_tls_defaults_to_the_origin_name() -> None:
    text = BASE.replace("      domain_name: api.example.test\n",
                        "      domain_name: api.example.test\n      mock: {type: echo, tls: {}}\n")
    tls = load(text).distributions[0].origins[0].mock.tls  # type: ignore[union-attr]
    assert tls is not None and tls.names == ("api.example.test",) and tls.certificate == "valid"


def test_duplicate_distribution_ids_are_errors() -> None:
    one = "  - {id: same, origins: [{id: o, domain_name: o.test}], default_cache_behavior: {target_origin_id: o}}\n"
    found = errors("distributions:\n" + one + one.replace("o.test", "p.test"))
    assert any("distribution id 'same' is used twice" in e for e in found), found


def test_error_response_needs_its_code() -> None:
    found = errors(BASE + "  custom_error_responses:\n    - {response_page_path: /x.html, response_code: 200}\n")
    assert any("missing required key 'error_code'" in e for e in found), found


@pytest.mark.parametrize("edge_id", ["ABC", "not-hex", "a" * 65])
def test_edge_id_is_lower_case_hex(edge_id: str) -> None:
    found = errors(BASE + f"emulator: {{edge_id: '{edge_id}'}}\n")
    assert any("is not an edge id" in e for e in found), found


def test_inspector_history_and_the_standard_access_log_file(tmp_path: Path) -> None:
    from emulator.assembly import load_config_text as load

    text = "distribution:\n  origins: [{id: o, domain_name: o.test}]\n  default_cache_behavior: {target_origin_id: o}\n"
    default = load(text, "site.yaml", tmp_path).emulator
    assert (default.history, default.access_log, default.access_log_file) == (500, True, None)
    set_ = load(text + "emulator:\n  history: 20\n  access_log: {console: false, file: logs/cf.log}\n", "site.yaml",
                tmp_path).emulator
    assert (set_.history, set_.access_log, set_.access_log_file) == (20, False, tmp_path.resolve() / "logs/cf.log")
    with pytest.raises(ConfigError) as exc:
        load(text + "emulator:\n  history: -1\n  access_log: {file: x.log, format: w3c, colour: true}\n",
             "site.yaml", tmp_path)
    found = [i.format() for i in exc.value.issues]
    assert any(f.startswith("site.yaml:5:12: ") and "out of range" in f for f in found), found
    assert any(f.startswith("site.yaml:6:") and "'w3c' is not a log format" in f for f in found), found
    assert any("unknown key 'colour'" in f for f in found), found
