"""Terraform: HCL and .tf.json modules, variables, locals, references, `terraform show -json`, and located errors
(syntax, an unresolvable variable, a data source)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.errors import ConfigError

MODULE = """\
variable "env" {
  default = "dev"
}
variable "api_domain" {}

locals {
  origin_id = "api-${var.env}"
}

resource "aws_cloudfront_function" "rewrite" {
  name    = "rewrite-${var.env}"
  runtime = "cloudfront-js-2.0"
  code    = file("${path.module}/rewrite.js")
}

resource "aws_cloudfront_origin_request_policy" "auth" {
  name = "auth"
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["X-Api-Key"]
    }
  }
  cookies_config {
    cookie_behavior = "none"
  }
  query_strings_config {
    query_string_behavior = "all"
  }
}

resource "aws_cloudfront_response_headers_policy" "cors" {
  name = "cors-${var.env}"
  cors_config {
    access_control_allow_credentials = false
    access_control_allow_headers {
      items = ["*"]
    }
    access_control_allow_methods {
      items = ["GET", "POST"]
    }
    access_control_allow_origins {
      items = ["https://app.example.test"]
    }
    origin_override = true
  }
  custom_headers_config {
    items {
      header   = "X-Env"
      value    = var.env
      override = true
    }
  }
  remove_headers_config {
    items {
      header = "X-Powered-By"
    }
  }
}

resource "aws_cloudfront_distribution" "main" {
  enabled = true
  aliases = ["${var.env}.example.test"]
  origin {
    origin_id   = local.origin_id
    domain_name = var.api_domain
    custom_header {
      name  = "X-Origin-Verify"
      value = upper("secret-${var.env}")
    }
    custom_origin_config {
      http_port              = 8080
      https_port             = 443
      origin_protocol_policy = var.env == "prod" ? "https-only" : "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id         = local.origin_id
    viewer_protocol_policy   = "allow-all"
    allowed_methods          = ["GET", "HEAD", "OPTIONS"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id   = aws_cloudfront_origin_request_policy.auth.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.cors.id
    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.rewrite.arn
    }
  }
  ordered_cache_behavior {
    path_pattern           = "/legacy/*"
    target_origin_id       = local.origin_id
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    forwarded_values {
      query_string = true
      headers      = ["Authorization"]
      cookies {
        forward = "none"
      }
    }
    min_ttl     = 0
    default_ttl = 10
    max_ttl     = 10
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
"""


def module(tmp_path: Path, text: str = MODULE, name: str = "main.tf") -> Path:
    (tmp_path / name).write_text(textwrap.dedent(text))
    (tmp_path / "rewrite.js").write_text("async function handler(event) { return event.request; }\n")
    return tmp_path / name


def at(path: Path, needle: str) -> str:
    """path:line:col of the first occurrence of needle in the file."""
    lines = path.read_text().splitlines()
    row = next(i for i, line in enumerate(lines) if needle in line)
    return f"{path}:{row + 1}:{lines[row].index(needle) + 1}"


def errors(exc: pytest.ExceptionInfo[ConfigError]) -> list[str]:
    return [i.format() for i in exc.value.errors]


def test_variables_locals_functions_and_references(tmp_path: Path) -> None:
    path = module(tmp_path)
    (tmp_path / "terraform.tfvars").write_text('api_domain = "api.internal"\n')
    config = load_source(path)
    assert config.source_format == "Terraform module"
    (d,) = config.distributions
    assert d.id == "main" and d.aliases == ("dev.example.test",)
    (origin,) = d.origins
    assert (origin.id, origin.domain_name, origin.http_port) == ("api-dev", "api.internal", 8080)
    assert origin.custom_headers == (("X-Origin-Verify", "SECRET-DEV"),)
    assert origin.protocol_policy == "http-only"
    b = d.default_cache_behavior
    assert b.origin_request_policy is not None and b.origin_request_policy.name == "auth"
    assert b.function_associations[0].function_name == "rewrite-dev"
    rhp = b.headers_policy
    assert rhp is not None and rhp.name == "cors-dev" and rhp.cors is not None
    assert (rhp.cors.allow_origins, rhp.cors.allow_methods) == (("https://app.example.test",), ("GET", "POST"))
    assert [(h.name, h.value) for h in rhp.custom] == [("X-Env", "dev")] and rhp.remove == ("X-Powered-By",)
    legacy = d.cache_behaviors[0].forwarded_values
    assert legacy is not None
    assert (legacy.query_string, legacy.headers, legacy.max_ttl) == (True, ("authorization",), 10)
    (fn,) = config.functions
    assert fn.code_path == tmp_path / "rewrite.js"  # file(): function errors point into the .js file itself
    assert {tmp_path / "terraform.tfvars", tmp_path / "rewrite.js"} <= set(config.source_files)  # watched
    # A parameter beats terraform.tfvars, and the conditional follows it.
    config = load_source(path, parameters={"env": "prod"})
    assert config.distributions[0].origins[0].protocol_policy == "https-only"


def test_an_unresolvable_variable_and_a_data_source_are_located_and_say_how_to_supply_them(tmp_path: Path) -> None:
    path = module(tmp_path, MODULE.replace('aliases = ["${var.env}.example.test"]',
                                           'aliases = [data.terraform_remote_state.dns.outputs.domain]'))
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    remote = "data.terraform_remote_state.dns.outputs.domain"
    assert errors(exc) == [
        f"{at(path, 'data.terraform_remote_state')}: {remote} is only known once Terraform has applied\n"
        f"    expected a value for it: --parameter '{remote}=VALUE', or in the local overlay file: parameters: "
        f"{{'{remote}': VALUE}}",
        f"{at(path, 'variable ' + chr(34) + 'api_domain')}: var.api_domain has no default and no value\n"
        "    expected --parameter 'api_domain=VALUE', a terraform.tfvars, or parameters: {api_domain: VALUE} in the "
        "local overlay file"]
    assert exc.value.file == f"{path} (read as a Terraform module)"
    (tmp_path / "frontyard.local.yaml").write_text(
        "parameters: {api_domain: api.internal, data.terraform_remote_state.dns.outputs.domain: www.example.test}\n")
    assert load_source(path).distributions[0].aliases == ("www.example.test",)


def test_a_local_is_supplied_by_a_parameter_named_local_dot_name(tmp_path: Path) -> None:
    # A local built from something only a deployment knows (a remote state's output): the error says how to
    # supply it, and --parameter 'local.origin_id=VALUE' (or the overlay's parameters) supplies it.
    path = module(tmp_path, MODULE.replace('origin_id = "api-${var.env}"',
                                           "origin_id = data.terraform_remote_state.api.outputs.origin_id"))
    with pytest.raises(ConfigError) as exc:
        load_source(path, parameters={"api_domain": "api.internal"})
    assert any("--parameter 'local.origin_id=VALUE' supplies local.origin_id itself" in e for e in errors(exc))
    config = load_source(path, parameters={"api_domain": "api.internal", "local.origin_id": "api-from-state"})
    assert config.distributions[0].origins[0].id == "api-from-state"
    # The parameter also beats a local that Terraform could compute.
    config = load_source(module(tmp_path), parameters={"api_domain": "api.internal", "local.origin_id": "other"})
    assert config.distributions[0].origins[0].id == "other"


BROKEN = """\
resource "aws_cloudfront_distribution" "front" {
  default_cache_behavior {
    allowed_methods = ["GET", "HEAD"]]
    cached_methods  = ["GET", "HEAD"].
    target_origin_id = "site"
  }
}
"""


def test_hcl_syntax_errors_are_located_in_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.tf").write_text(BROKEN)
    (tmp_path / "b.tf").write_text('variable "x" {\n  default = "unterminated\n}\n')
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path / "a.tf")
    found = errors(exc)
    assert found[:2] == [f"{tmp_path}/a.tf:3:38: HCL syntax: unexpected ']'",  # every one in the file, like the
                         f"{tmp_path}/a.tf:4:38: HCL syntax: unexpected '.'"]  # seed's stray ']' and '.'
    assert found[2].startswith(f"{tmp_path}/b.tf:2:")
    assert len(found) == 3  # no "no distribution" on top of the syntax errors


def test_a_tf_json_module(tmp_path: Path) -> None:
    doc = {
        "variable": {"domain": {"default": "api.internal"}},
        "resource": {"aws_cloudfront_distribution": {"api": {
            "enabled": True,
            "origin": [{"origin_id": "api", "domain_name": "${var.domain}",
                        "custom_origin_config": {"http_port": 80, "https_port": 443,
                                                 "origin_protocol_policy": "http-only",
                                                 "origin_ssl_protocols": ["TLSv1.2"]}}],
            "default_cache_behavior": {"target_origin_id": "api", "viewer_protocol_policy": "allow-all",
                                       "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                                       "cache_policy_id": "${local.policy}"},
        }}},
        "locals": {"policy": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"},
    }
    path = tmp_path / "main.tf.json"
    path.write_text(json.dumps(doc, indent=2))
    config = load_source(path)
    (origin,) = config.distributions[0].origins
    assert origin.domain_name == "api.internal"
    opening = int(at(path, '"origin_id": "api"').split(":")[-2]) - 1  # the origin's "{", on the line before
    assert origin.location is not None and (origin.location.file, origin.location.line) == (str(path), opening)
    policy = config.distributions[0].default_cache_behavior.cache_policy
    assert policy is not None and policy.name == "Managed-CachingDisabled"
    doc["resource"]["aws_cloudfront_distribution"]["api"]["origin"][0]["domain_name"] = "${var.nope}"  # type: ignore
    path.write_text(json.dumps(doc, indent=2))
    with pytest.raises(ConfigError) as exc:
        load_source(path)
    assert errors(exc)[0].startswith(f"{at(path, '${var.nope}') .rsplit(':', 1)[0]}:")
    assert "no variable named 'nope'" in errors(exc)[0]


def test_terraform_show_json_of_a_state_with_a_child_module(tmp_path: Path) -> None:
    behavior = {"target_origin_id": "web", "viewer_protocol_policy": "redirect-to-https",
                "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"], "compress": True,
                "cache_policy_id": "0d2c7b1e-custom", "origin_request_policy_id": "", "forwarded_values": [],
                "function_association": [], "lambda_function_association": [], "min_ttl": 0, "default_ttl": 0,
                "max_ttl": 0, "trusted_key_groups": [], "trusted_signers": [], "field_level_encryption_id": ""}
    state = {"format_version": "1.0", "terraform_version": "1.11.4", "values": {"root_module": {
        "resources": [],
        "child_modules": [{"address": "module.cdn", "resources": [
            {"address": "module.cdn.aws_cloudfront_cache_policy.short", "mode": "managed",
             "type": "aws_cloudfront_cache_policy", "name": "short", "values": {
                 "id": "0d2c7b1e-custom", "name": "short", "comment": "", "min_ttl": 0, "default_ttl": 5,
                 "max_ttl": 30, "parameters_in_cache_key_and_forwarded_to_origin": [{
                     "enable_accept_encoding_gzip": True, "enable_accept_encoding_brotli": False,
                     "cookies_config": [{"cookie_behavior": "none", "cookies": []}],
                     "headers_config": [{"header_behavior": "none", "headers": []}],
                     "query_strings_config": [{"query_string_behavior": "none", "query_strings": []}]}]}},
            {"address": "module.cdn.aws_cloudfront_distribution.web", "mode": "managed",
             "type": "aws_cloudfront_distribution", "name": "web", "values": {
                 "id": "E2EXAMPLE", "arn": "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE",
                 "aliases": ["www.example.test"], "default_root_object": "", "enabled": True, "comment": None,
                 "origin": [{"origin_id": "web", "domain_name": "web.internal", "origin_path": "",
                             "connection_attempts": 3, "connection_timeout": 10, "custom_header": [],
                             "custom_origin_config": [{"http_port": 80, "https_port": 443,
                                                       "origin_protocol_policy": "http-only",
                                                       "origin_ssl_protocols": ["TLSv1.2"],
                                                       "origin_read_timeout": 30, "origin_keepalive_timeout": 5}],
                             "s3_origin_config": [], "origin_shield": [], "origin_access_control_id": ""}],
                 "default_cache_behavior": [behavior], "ordered_cache_behavior": [],
                 "custom_error_response": [], "restrictions": [{"geo_restriction": [
                     {"restriction_type": "none", "locations": []}]}]}},
            {"address": "data.aws_caller_identity.me", "mode": "data", "type": "aws_caller_identity",
             "name": "me", "values": {}}]}]}}}
    path = tmp_path / "state.json"
    path.write_text(json.dumps(state, indent=1))
    config = load_source(path)
    assert config.source_format == "terraform show -json output"
    d = config.distributions[0]
    assert (d.id, d.aliases, d.origins[0].domain_name) == ("web", ("www.example.test",), "web.internal")
    policy = d.default_cache_behavior.cache_policy
    assert policy is not None and (policy.name, policy.default_ttl, policy.gzip) == ("short", 5, True)
    plan = {"format_version": "1.2", "planned_values": state["values"]}  # `terraform show -json plan.out`
    path.write_text(json.dumps(plan))
    assert load_source(path).distributions[0].aliases == ("www.example.test",)


def test_a_key_value_store_association_takes_its_data_from_the_overlay(tmp_path: Path) -> None:
    code = '''  code    = file("${path.module}/rewrite.js")'''
    association = "\n  key_value_store_associations = [aws_cloudfront_key_value_store.redirects.arn]"
    path = module(tmp_path, MODULE.replace(code, code + association) + '''
resource "aws_cloudfront_key_value_store" "redirects" {
  name = "redirects"
}
''')
    with pytest.raises(ConfigError) as exc:
        load_source(path, parameters={"api_domain": "api.internal"})
    (error,) = errors(exc)
    assert error.startswith(f"{at(path, 'aws_cloudfront_key_value_store.redirects.arn')}: KeyValueStore "
                            "'redirects': its data lives in AWS")
    (tmp_path / "kvs").mkdir()
    (tmp_path / "kvs" / "redirects.json").write_text('{"data": [{"key": "/old", "value": "/new"}]}')
    (tmp_path / "frontyard.local.yaml").write_text("key_value_stores: {redirects: kvs/redirects.json}\n")
    (fn,) = load_source(path, parameters={"api_domain": "api.internal"}).functions
    assert fn.key_value_store == str(tmp_path / "kvs" / "redirects.json")


def test_an_origin_request_policy_without_a_cache_policy_is_refused(tmp_path: Path) -> None:
    # AWS: "You cannot use an origin request policy in a cache behavior without a cache policy."
    no_cache_policy = MODULE.replace('    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"\n', "")
    path = module(tmp_path, no_cache_policy)
    with pytest.raises(ConfigError) as exc:
        load_source(path, parameters={"api_domain": "api.internal"})
    where = at(path, "aws_cloudfront_origin_request_policy.auth.id")
    assert errors(exc) == [f"{where}: an origin request policy needs a cache policy on the same behavior: "
                           "CloudFront refuses this one\n    expected a cache policy id beside the origin request "
                           "policy (Managed-CachingOptimized: 658327ea-f89d-4fab-a63d-7e88639e58f6)"]
