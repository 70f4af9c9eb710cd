"""A large source document: `terraform show -json` of a state with thousands of resources holds more keys than
values, and only values count against the limit that turns away an alias bomb (100,000, far above any CloudFront
configuration). A JSON source is called JSON in the refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.config.yamlsrc import MAX_VALUES
from emulator.errors import ConfigError

DISTRIBUTION = {
    "address": "aws_cloudfront_distribution.web", "mode": "managed", "type": "aws_cloudfront_distribution",
    "name": "web", "values": {
        "id": "E2EXAMPLE", "aliases": ["www.example.test"], "enabled": True,
        "origin": [{"origin_id": "web", "domain_name": "web.internal",
                    "custom_origin_config": [{"http_port": 80, "https_port": 443,
                                              "origin_protocol_policy": "http-only",
                                              "origin_ssl_protocols": ["TLSv1.2"]}]}],
        "default_cache_behavior": [{"target_origin_id": "web", "viewer_protocol_policy": "allow-all",
                                    "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                                    "cache_policy_id": "658327ea-f89d-4fab-a63d-7e88639e58f6"}]}}


def show_json(resources: int) -> str:
    """A state of `resources` other resources of 20 attributes each (25 values apiece) beside the distribution."""
    others = [{"address": f"aws_thing.r{i}", "type": "aws_thing", "name": f"r{i}",
               "values": {f"attr{a}": f"v{a}" for a in range(20)}} for i in range(resources)]
    return json.dumps({"format_version": "1.0", "values": {"root_module": {"resources": [DISTRIBUTION, *others]}}})


def test_a_state_of_3000_resources_with_75000_values_loads(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(show_json(3_000))  # about 75,000 values and as many keys again
    config = load_source(path)
    assert config.distributions[0].aliases == ("www.example.test",)


def test_a_state_over_the_value_limit_is_refused_as_json(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(show_json(MAX_VALUES // 25 + 10))
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert [i.message for i in exc.value.errors] == [
        f"JSON: the document holds more than {MAX_VALUES:,} values, far more than any CloudFront configuration; "
        "refused before reading the rest"]
