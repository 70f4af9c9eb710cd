"""Loading `functions:`: a function's KeyValueStore is read before its code, and every problem is located."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator.assembly import load_config
from emulator.errors import ConfigError

CONFIG = """\
distribution:
  origins: [{id: o, domain_name: o.test}]
  default_cache_behavior:
    target_origin_id: o
    function_associations: {viewer-request: f}
functions:
  f: {runtime: cloudfront-js-2.0, code: f.js, key_value_store: kvs.json}
"""


def write(tmp_path: Path, code: bytes, kvs: str) -> Path:
    (tmp_path / "f.js").write_bytes(code)
    (tmp_path / "kvs.json").write_text(kvs)
    (tmp_path / "frontyard.yaml").write_text(CONFIG)
    return tmp_path / "frontyard.yaml"


def test_a_broken_store_is_reported_before_the_code_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, b"function handler(e) { return e.request; } // \xff", '{"data": 5}')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    [issue] = raised.value.errors
    assert issue.location is not None and issue.location.file.endswith("kvs.json")
    assert issue.field == "functions.f" and '{"data": [' in issue.message


def test_code_that_is_not_utf8_is_located_at_the_code_key(tmp_path: Path) -> None:
    path = write(tmp_path, b"function handler(e) { return e.request; } // \xff", '{"data": []}')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    [issue] = raised.value.errors
    assert issue.field == "functions.f.code" and "is not UTF-8 text" in issue.message
    line = CONFIG.splitlines()[6]
    assert issue.location is not None and (issue.location.line, issue.location.col) == (7, line.index("f.js") + 1)


def test_a_good_store_and_code_load(tmp_path: Path) -> None:
    path = write(tmp_path, b"import cf from 'cloudfront';\nasync function handler(e) { return e.request; }",
                 '{"data": [{"key": "k", "value": "v"}]}')
    [fn] = load_config(path).functions
    assert fn.name == "f" and fn.key_value_store is not None and fn.key_value_store.endswith("kvs.json")
