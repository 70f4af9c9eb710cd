"""One rule names a KeyValueStore: the data file's name without its extension is the id `cf.kvs(id)` may name,
in `frontyard test-function --kvs FILE` and in `serve` with `key_value_store: FILE` alike."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

from emulator.cli import test_function as testcli
from tests.helpers import run_edge

CODE = """import cf from 'cloudfront';
const kvs = cf.kvs('KVS_ID_PLACEHOLDER');
async function handler(event) {
  return {statusCode: 200, statusDescription: 'OK', headers: {'x-greeting': {value: await kvs.get('greeting')}}};
}
"""


def _write(tmp_path: Path) -> None:
    (tmp_path / "index.js").write_text(CODE)
    (tmp_path / "KVS_ID_PLACEHOLDER.json").write_text(json.dumps({"data": [{"key": "greeting", "value": "hi"}]}))


def test_test_function_names_the_store_by_its_file_stem(tmp_path):
    _write(tmp_path)
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"context": {"eventType": "viewer-request"},
                                 "request": {"method": "GET", "uri": "/", "headers": {}}}))
    parser = argparse.ArgumentParser()
    testcli.add_arguments(parser)
    out = io.StringIO()
    code = testcli.run(parser.parse_args([str(tmp_path / "index.js"), "--event", str(event),
                                          "--kvs", str(tmp_path / "KVS_ID_PLACEHOLDER.json")]), out)
    result = json.loads(out.getvalue())["TestResult"]
    assert code == 0, result["FunctionErrorMessage"]
    assert json.loads(result["FunctionOutput"])["response"]["headers"]["x-greeting"] == {"value": "hi"}


async def test_serve_names_the_store_by_its_file_stem(tmp_path):
    _write(tmp_path)
    config = """\
        distribution:
          origins: [{id: app, domain_name: app.test, custom_origin: {protocol_policy: http-only}}]
          default_cache_behavior:
            target_origin_id: app
            cache_policy: Managed-CachingDisabled
            function_associations: {viewer-request: greet}
        functions:
          greet: {runtime: cloudfront-js-2.0, code: index.js, key_value_store: KVS_ID_PLACEHOLDER.json}
        """
    async with run_edge(tmp_path, config) as edge, edge.request("GET", "/") as resp:
        assert resp.status == 200
        assert resp.headers["X-Greeting"] == "hi"
