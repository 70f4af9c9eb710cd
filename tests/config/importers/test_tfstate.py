"""A Terraform state file (terraform.tfstate, version 4): recognised by its content, imported from the deployed
attribute values (count/for_each instances, resources in modules, data sources skipped), served with an overlay,
and a malformed or distribution-less state answered with located errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.cli import main
from emulator.config.importers import Format, detect
from emulator.errors import ConfigError
from tests.helpers import run_config

FIXTURES = Path(__file__).parent / "fixtures"
STATE = FIXTURES / "tfstate" / "terraform.tfstate"


def copy_state(tmp_path: Path, name: str = "terraform.tfstate") -> Path:
    shutil.copytree(FIXTURES / "site", tmp_path / "site")
    (tmp_path / "tfstate").mkdir()
    shutil.copy(FIXTURES / "tfstate" / "frontyard.local.yaml", tmp_path / "tfstate")
    shutil.copy(STATE, tmp_path / "tfstate" / name)
    return tmp_path / "tfstate" / name


def errors(exc: pytest.ExceptionInfo[ConfigError]) -> list[str]:
    return [i.format() for i in exc.value.errors]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_a_state_imports_the_deployed_distribution_from_a_module(tmp_path: Path) -> None:
    path = copy_state(tmp_path, "prod.json")  # by content, whatever the file is called
    assert detect(path) is Format.TERRAFORM_STATE
    config = load_source(path)
    assert config.source_format == "Terraform state (terraform.tfstate)"
    [d] = config.distributions
    assert (d.id, d.aliases) == ("this", ("www.example.test",))
    assert [(o.id, o.domain_name, o.origin_path) for o in d.origins] == [
        ("assets", "frontyard-assets-0.s3.us-east-1.amazonaws.com", ""), ("api", "api.example.test", "/v1")]
    assert dict(d.origins[1].custom_headers) == {"X-Origin-Secret": "s3cr3t"}
    assert [b.path_pattern for b in d.cache_behaviors] == ["/api/*", "/assets/*"]
    api, assets = d.cache_behaviors
    assert api.cache_policy is not None and api.cache_policy.name == "Managed-CachingDisabled"
    assert api.origin_request_policy is not None and api.origin_request_policy.name == \
        "Managed-AllViewerExceptHostHeader"
    assert assets.cache_policy is not None and (assets.cache_policy.name, assets.cache_policy.default_ttl) == \
        ("assets-long", 86400)  # named in state by its id, resolved to the policy resource beside it
    assert d.default_cache_behavior.cache_policy.name == "Managed-CachingOptimized"  # type: ignore[union-attr]
    [error] = d.custom_error_responses
    assert (error.error_code, error.response_code, error.response_page_path) == (403, 200, "/index.html")
    assert [(f.name, f.runtime) for f in config.functions] == [("spa-rewrite", "cloudfront-js-2.0")]
    assert [a.function_name for a in d.default_cache_behavior.function_associations] == ["spa-rewrite"]


def test_frontyard_validate_reads_a_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(STATE)]) == 0
    out = capsys.readouterr().out
    assert "(read as a Terraform state (terraform.tfstate), overlay " in out
    assert "OK: 1 distribution, 3 behaviors, 2 origins, 1 functions" in out


async def test_a_state_is_served_with_its_overlay(tmp_path: Path) -> None:
    config = load_source(copy_state(tmp_path))
    async with run_config(config) as edge:
        ssl = edge.ssl_context()
        async with edge.session.get(edge.https_url + "/", ssl=ssl) as r:
            assert r.status == 200 and "SPA index" in await r.text()  # the function's rewrite, then the bucket
        async with edge.session.get(edge.https_url + "/assets/app.js", ssl=ssl) as r:
            assert r.status == 200  # /assets/* -> the bucket
        async with edge.session.get(edge.https_url + "/missing/route", ssl=ssl) as r:
            assert r.status == 200 and "SPA index" in await r.text()  # the bucket's 403 -> /index.html as 200
        async with edge.session.post(edge.https_url + "/api/users?x=1", data=b"{}", ssl=ssl) as r:
            assert r.status == 200  # /api/* -> the API origin, under its origin path, with its custom header
            echoed = await r.json()
            assert (echoed["method"], echoed["path"], echoed["query"]) == ("POST", "/v1/api/users", "x=1")
            assert ["X-Origin-Secret", "s3cr3t"] in echoed["headers"]
            assert r.headers["X-Served-By"] == "cdn-prod"  # the response headers policy, named by its id
        async with edge.session.get(edge.url + "/", allow_redirects=False) as r:
            assert r.status == 301  # the default behavior's redirect-to-https


def test_values_are_located_in_the_state_file(tmp_path: Path) -> None:
    path = copy_state(tmp_path)
    path.write_text(path.read_text().replace('"viewer_protocol_policy": "https-only"',
                                             '"viewer_protocol_policy": "https-please"'))
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    [found] = [e for e in errors(exc) if "https-please" in e]
    assert found.startswith(f"{path}:{line_of(path, 'https-please')}:")


def test_a_state_without_a_distribution_names_what_it_holds(tmp_path: Path) -> None:
    path = copy_state(tmp_path)
    state = json.loads(path.read_text())
    state["resources"] = [r for r in state["resources"] if r["type"] != "aws_cloudfront_distribution"]
    path.write_text(json.dumps(state, indent=2))
    (path.parent / "frontyard.local.yaml").unlink()
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert errors(exc)[0] == (
        f"{path}:1:1: no aws_cloudfront_distribution in this Terraform state; it holds: aws_s3_bucket, "
        "data.aws_caller_identity, module.cdn.aws_cloudfront_cache_policy, module.cdn.aws_cloudfront_function, "
        "module.cdn.aws_cloudfront_origin_access_control, "
        "module.cdn.aws_cloudfront_response_headers_policy\n    expected the state of the root module that deploys the "
        "distribution (`terraform state pull` there), or that module's .tf files")


def test_several_instances_and_a_data_source(tmp_path: Path) -> None:
    path = copy_state(tmp_path)
    state = json.loads(path.read_text())
    [dist] = [r for r in state["resources"] if r["type"] == "aws_cloudfront_distribution"]
    blue = json.loads(json.dumps(dist["instances"][0]))
    blue["attributes"]["aliases"] = ["blue.example.test"]
    dist["instances"] = [{"index_key": "green", **dist["instances"][0]}, {"index_key": "blue", **blue}]
    state["resources"].append({"mode": "data", "type": "aws_cloudfront_distribution", "name": "legacy",
                               "instances": [{"attributes": {"id": "E1LEGACY"}}]})
    path.write_text(json.dumps(state, indent=2))
    config = load_source(path)
    assert [(d.id, d.aliases) for d in config.distributions] == [
        ('this["green"]', ("www.example.test",)), ('this["blue"]', ("blue.example.test",))]


def test_a_frontyard_yaml_with_a_version_key_is_still_frontyard(tmp_path: Path) -> None:
    path = tmp_path / "frontyard.yaml"
    path.write_text("version: 4\nresources: []\ndistribution:\n  origins: []\n")
    assert detect(path) is Format.FRONTYARD


@pytest.mark.parametrize(("key", "value", "marker", "message"), [
    ("version", 3, '"version": 3', "version: state format version 3 is not read"),
    ("version", "4", '"version": "4"', "version: state format version '4' is not read"),
    ("resources", {"aws_s3_bucket": []}, '"resources": {', "resources: a state's resources must be a list"),
    ("resources", [7], '    7', "resources[0]: a resource must be a mapping"),
    ("resources", [{"mode": "managed", "type": "aws_cloudfront_distribution", "name": "d", "instances": {}}],
     '"instances": {}', "resources[0].instances: a resource's instances must be a list"),
])
def test_a_malformed_state_gets_located_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str,
                                               value: object, marker: str, message: str) -> None:
    path = tmp_path / "terraform.tfstate"
    state = json.loads(STATE.read_text())
    state[key] = value
    path.write_text(json.dumps(state, indent=2))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{path}:{line_of(path, marker)}:" in err and message in err, err
