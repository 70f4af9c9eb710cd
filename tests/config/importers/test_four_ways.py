"""The same distribution written four ways (frontyard YAML, `cdk synth` output, CloudFront JSON, Terraform HCL)
gives the same model, and the same requests get the same answers."""

from __future__ import annotations

import dataclasses
import json
import re
import time
from enum import Enum
from pathlib import Path

import pytest
from yarl import URL

from emulator.assembly import load_source
from emulator.config.model import Config, FunctionConfig, MockSpec
from emulator.origins.mocks import MOCK_TYPES
from emulator.signing import sign_url
from emulator.signing.keys import PublicKey, public_pem
from tests.helpers import run_config

FIXTURES = Path(__file__).parent / "fixtures"
KEYS = FIXTURES / "keys"
SOURCES = {
    "yaml": FIXTURES / "yaml" / "frontyard.yaml",
    "cdk": FIXTURES / "cdk" / "cdk.out",
    "cloudfront-json": FIXTURES / "cloudfront" / "distribution.json",
    "terraform": FIXTURES / "terraform" / "main.tf",
}


def canon(value: object) -> object:
    """A model as plain data, without what legitimately differs: source locations, ids, where files live."""
    if isinstance(value, MockSpec):
        spec = MOCK_TYPES[value.type]
        return {"type": value.type, "tls": canon(value.tls), "options": {
            k: str((value.base_dir / str(v)).resolve()) if spec.options[k].kind == "path" else canon(v)
            for k, v in value.options
            if k != "bucket_policy"}}  # only a template or module carries a bucket policy (not CloudFront JSON)
    if isinstance(value, PublicKey):  # the same key, whether from a PEM file or inline text
        return {"id": value.id, "algorithm": value.algorithm.value, "pem": public_pem(value.key).decode()}
    if isinstance(value, FunctionConfig):
        return {"name": value.name, "runtime": value.runtime, "code": value.compiled.source.code,
                "kvs": value.key_value_store}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # Ids AWS assigns differ from source to source, and importers may name an OAC they do not define.
        skip = {"Distribution": {"location", "id", "domain_name", "arn"},
                "OriginAccessControl": {"location", "id", "declared"}}.get(type(value).__name__, {"location"})
        return {f.name: canon(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in skip}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, frozenset | set):
        return sorted(canon(v) for v in value)  # type: ignore[type-var]
    if isinstance(value, tuple | list):
        return [canon(v) for v in value]
    if isinstance(value, dict):
        return {k: canon(v) for k, v in value.items()}
    return value


def model(config: Config) -> object:
    return {"distributions": canon(config.distributions), "functions": canon(config.functions),
            "key_groups": canon(config.key_groups)}


def test_the_four_sources_give_the_same_model() -> None:
    configs = {name: load_source(path) for name, path in SOURCES.items()}
    assert {c.source_format for c in configs.values()} == {
        "frontyard YAML", "CDK cloud assembly (cdk.out)", "CloudFront JSON", "Terraform module"}
    expected = model(configs["yaml"])
    assert expected["distributions"][0]["origins"][0]["mock"]["type"] == "s3-website"  # the overlay applied
    for name, config in configs.items():
        assert model(config) == expected, name
        assert config.local is not None and config.local.endswith("frontyard.local.yaml")


REQUESTS = [
    ("http", "GET", "/about"),  # redirect-to-https
    ("https", "GET", "/about"),  # the function rewrites to /index.html
    ("https", "GET", "/assets/app.js"),
    ("https", "POST", "/api/users?limit=2"),  # echo: what the API origin received
    ("http", "GET", "/api/users"),  # https-only: 403
    ("https", "GET", "/storage/report.txt"),  # unsigned: 403 MissingKey (trusted key group)
    ("signed", "GET", "/storage/report.txt"),
    ("signed", "GET", "/storage/missing.txt"),  # a private bucket answers 403 for a missing key (no ListBucket)
    ("https", "GET", "/no-such-page.html"),  # the website bucket's 404 becomes /index.html with 200
]


async def answers(config: Config) -> list[tuple[int, str | None, str]]:
    out = []
    async with run_config(config) as edge:
        for scheme, method, path in REQUESTS:
            url = (edge.url if scheme == "http" else edge.https_url) + path
            if scheme == "signed":
                url = sign_url(url, "K2JCJMDEHXQW5F", KEYS / "K2JCJMDEHXQW5F.private.pem", expires=time.time() + 3600)
            kwargs = {"ssl": edge.ssl_context()} if scheme != "http" else {}
            async with edge.session.request(method, URL(url, encoded=True), allow_redirects=False, **kwargs) as r:
                body = (await r.read()).decode()
                body = re.sub(r"Request ID: [\w=-]+|<RequestId>.*</HostId>", "", body)  # unique per request
                if r.headers.get("Content-Type", "").startswith("application/json") and "/api/" in path:
                    echo = json.loads(body)
                    body = f"{echo['method']} {echo['path']} host={dict(echo['headers']).get('Host')}"
                location = r.headers.get("Location")
                out.append((r.status, location.split("//", 1)[1].split("/", 1)[1] if location else None, body))
    return out


async def test_the_four_sources_answer_the_same() -> None:
    results = {name: await answers(load_source(path)) for name, path in SOURCES.items()}
    expected = results["yaml"]
    statuses = [status for status, _, _ in expected]
    assert statuses == [301, 200, 200, 200, 403, 403, 200, 403, 200]
    assert "SPA index" in expected[1][2] and expected[8][2] == expected[1][2]
    assert "MissingKey" in expected[5][2] and expected[6][2] == "a private file\n"
    assert expected[3][2].startswith("POST /v1/api/users")
    for name, got in results.items():
        assert got == expected, name


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_import_writes_yaml_that_loads_to_the_same_model(name: str, tmp_path: Path) -> None:
    from emulator.assembly import as_yaml

    out = tmp_path / "frontyard.yaml"
    out.write_text(as_yaml(SOURCES[name], out))
    text = out.read_text()
    assert "# from " in text
    assert model(load_source(out)) == model(load_source(SOURCES["yaml"]))
