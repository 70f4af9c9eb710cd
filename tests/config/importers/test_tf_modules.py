"""Terraform as teams write it: module calls (local and `terraform init`-downloaded), dynamic blocks, count and
for_each, typed variables, .tofu files, and values known only after apply where the edge does not need them."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from aiohttp import web

from emulator.assembly import load_source
from emulator.config.importers.terraform import import_terraform
from emulator.config.importers.tf_unknown import needed_inputs
from emulator.errors import ConfigError
from tests.helpers import run_config, serve_app

FIXTURES = Path(__file__).parent / "fixtures" / "terraform"
REAL = FIXTURES / "modules-cloudfront" / "examples" / "complete"

DISTRIBUTION = """\
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  dynamic "origin" {
    for_each = var.origins
    iterator = o
    content {
      origin_id   = o.key
      domain_name = o.value.domain
      custom_origin_config {
        http_port              = 80
        https_port             = 443
        origin_protocol_policy = "http-only"
        origin_ssl_protocols   = ["TLSv1.2"]
      }
      dynamic "custom_header" {
        for_each = lookup(o.value, "headers", {})
        content {
          name  = custom_header.key
          value = custom_header.value
        }
      }
    }
  }
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
  dynamic "ordered_cache_behavior" {
    for_each = var.routes
    content {
      path_pattern           = ordered_cache_behavior.value.path
      target_origin_id       = ordered_cache_behavior.value.origin
      viewer_protocol_policy = "allow-all"
      allowed_methods        = ["GET", "HEAD"]
      cached_methods         = ["GET", "HEAD"]
      cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    }
  }
  dynamic "custom_error_response" {
    for_each = [for code in var.error_codes : code if code >= 500]
    content {
      error_code         = custom_error_response.value
      response_code      = 200
      response_page_path = "/${custom_error_response.value}.html"
    }
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
  web_acl_id = var.enable_waf ? aws_wafv2_web_acl.site.arn : null
}
"""

VARIABLES = """\
variable "origins" {
  type = map(object({
    domain  = string
    headers = optional(map(string), {})
  }))
  default = {
    web = { domain = "web.example.test" }
    api = { domain = "api.example.test", headers = { X-Origin-Verify = "secret" } }
  }
}
variable "routes" {
  default = [
    { path = "/api/*", origin = "api" },
    { path = "/static/*", origin = "web" },
  ]
}
variable "error_codes" {
  type    = list(number)
  default = [404, 502, 503]
}
variable "enable_waf" {
  type    = bool
  default = true
}
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text))
    return folder


def messages(exc: pytest.ExceptionInfo[ConfigError]) -> list[str]:
    return [i.format() for i in exc.value.issues]


def test_dynamic_blocks_with_iterator_nested_dynamics_and_for_expressions(tmp_path: Path) -> None:
    config = load_source(write(tmp_path, {"main.tf": DISTRIBUTION, "variables.tf": VARIABLES}),
                         parameters={"enable_waf": "false"})  # "false" as bool: web_acl_id is null
    d = config.distributions[0]
    assert [o.id for o in d.origins] == ["api", "web"]  # a map iterates in key order
    assert dict(d.origins[0].custom_headers) == {"X-Origin-Verify": "secret"}
    assert [(b.path_pattern, b.target_origin_id) for b in d.cache_behaviors] == [("/api/*", "api"),
                                                                                   ("/static/*", "web")]
    assert [e.error_code for e in d.custom_error_responses] == [502, 503]
    assert not [w for w in config.warnings if "web_acl_id" in w.format()]  # the false branch: null


def test_an_unknown_value_in_a_field_the_edge_ignores_is_a_warning(tmp_path: Path) -> None:
    config = load_source(write(tmp_path, {"main.tf": DISTRIBUTION, "variables.tf": VARIABLES}))
    warnings = [w.format() for w in config.warnings if "web_acl_id" in w.format()]
    assert len(warnings) == 1 and "aws_wafv2_web_acl.site.arn is only known once Terraform has applied; the local " \
        "edge does not use web_acl_id, so it is left out" in warnings[0]


def test_count_and_for_each_instances_with_indexed_and_splat_references(tmp_path: Path) -> None:
    main = """\
    resource "aws_s3_bucket" "origin" {
      count  = 2
      bucket = "assets-${count.index}"
    }
    resource "aws_cloudfront_function" "fn" {
      for_each = toset(["rewrite", "auth"])
      name     = "fn-${each.key}"
      runtime  = "cloudfront-js-2.0"
      code     = "function handler(event) { return event.request; }"
    }
    resource "aws_cloudfront_distribution" "site" {
      for_each = { blue = 0, green = 1 }
      enabled  = true
      origin {
        origin_id   = "s3"
        domain_name = aws_s3_bucket.origin[each.value].bucket_regional_domain_name
      }
      comment = join(",", aws_s3_bucket.origin[*].bucket)
      default_cache_behavior {
        target_origin_id       = "s3"
        viewer_protocol_policy = "allow-all"
        allowed_methods        = ["GET", "HEAD"]
        cached_methods         = ["GET", "HEAD"]
        cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
        function_association {
          event_type   = "viewer-request"
          function_arn = aws_cloudfront_function.fn["rewrite"].arn
        }
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
    config = load_source(write(tmp_path, {"main.tf": main}))
    assert [(d.id, d.origins[0].domain_name) for d in config.distributions] == [
        ('site["blue"]', "assets-0.s3.us-east-1.amazonaws.com"),
        ('site["green"]', "assets-1.s3.us-east-1.amazonaws.com")]
    assert sorted(f.name for f in config.functions) == ["fn-auth", "fn-rewrite"]


CALLER = """\
module "cdn" {
  source     = "./modules/cdn"
  for_each   = toset(["blue"])
  origins    = { web = { domain = "${each.key}.example.test" } }
  routes     = [{ path = "/api/*", origin = "web" }]
  enable_waf = "false"
}
output "domain" {
  value = module.cdn["blue"].domain_name
}
"""


def test_a_local_module_takes_inputs_from_its_caller(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": CALLER, "modules/cdn/main.tf": DISTRIBUTION + 'output "domain_name" {\n  value = '
                     'aws_cloudfront_distribution.site.domain_name\n}\n', "modules/cdn/variables.tf": VARIABLES})
    config = load_source(tmp_path)
    d = config.distributions[0]
    assert d.id == 'module.cdn["blue"].site'
    assert [o.domain_name for o in d.origins] == ["blue.example.test"]
    assert [b.path_pattern for b in d.cache_behaviors] == ["/api/*"]


def test_a_registry_module_is_read_where_terraform_init_put_it_and_missing_is_a_located_error(tmp_path: Path) -> None:
    caller = 'module "cdn" {\n  source  = "example-corp/cdn/aws"\n  version = "1.2.0"\n}\n'
    uses = 'resource "aws_cloudfront_function" "f" {\n  name    = module.cdn.prefix\n  comment = module.cdn.x\n' \
        '  runtime = "cloudfront-js-2.0"\n  code    = "function handler(e) { return e.request; }"\n}\n'
    write(tmp_path, {"main.tf": caller, "uses.tf": uses})  # two references to it: still the one error
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path)
    assert [m for m in messages(exc) if "cdn" in m] == [
        f'{tmp_path / "main.tf"}:2:3: module "cdn" comes from "example-corp/cdn/aws", which is not downloaded here\n'
        f"    expected `terraform init` (or `tofu init`) run in {tmp_path}: it writes the module to .terraform/modules"
        " and indexes it in .terraform/modules/modules.json"]
    write(tmp_path, {".terraform/modules/cdn/main.tf": DISTRIBUTION, ".terraform/modules/cdn/variables.tf": VARIABLES,
                     ".terraform/modules/modules.json": json.dumps({"Modules": [
                         {"Key": "", "Source": "", "Dir": "."},
                         {"Key": "cdn", "Source": "registry.terraform.io/example-corp/cdn/aws", "Version": "1.2.0",
                          "Dir": ".terraform/modules/cdn"}]})})
    config = load_source(tmp_path, parameters={"enable_waf": "false"})  # a root variable: not the module's
    assert len(config.distributions[0].origins) == 2
    assert any("web_acl_id" in w.format() for w in config.warnings)  # the module's own default stays true


def test_every_missing_input_is_reported_once_with_the_parameter_to_add(tmp_path: Path) -> None:
    main = DISTRIBUTION.replace('domain_name = o.value.domain', 'domain_name = "${var.app_id}.${o.value.domain}"') \
        .replace('path_pattern           = ordered_cache_behavior.value.path',
                 'path_pattern           = "/${var.app_id}${ordered_cache_behavior.value.path}"')
    write(tmp_path, {"main.tf": main, "variables.tf": VARIABLES + 'variable "app_id" {\n  type = string\n}\n'})
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path)
    assert [m for m in messages(exc) if "app_id" in m] == [
        f"{tmp_path / 'variables.tf'}:{VARIABLES.count(chr(10)) + 1}:1: var.app_id (string) has no default and no "
        "value\n"
        "    expected --parameter 'app_id=VALUE', a terraform.tfvars, or parameters: {app_id: VALUE} in the local "
        "overlay file"]  # four expressions need it: one error
    assert load_source(tmp_path, parameters={"app_id": "shop"}).distributions[0].origins[0].domain_name == \
        "shop.api.example.test"


def test_a_tofu_file_overrides_the_tf_file_of_the_same_name(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": DISTRIBUTION, "variables.tf": VARIABLES.replace("/static/*", "/from-tf/*"),
                     "variables.tofu": VARIABLES.replace("/static/*", "/from-tofu/*")})
    d = load_source(tmp_path).distributions[0]
    assert [b.path_pattern for b in d.cache_behaviors] == ["/api/*", "/from-tofu/*"]


def test_terraform_aws_modules_cloudfront_complete_example_as_terraform_plans_it() -> None:
    with pytest.raises(ConfigError) as exc:
        load_source(REAL)
    needed = [m.split("\n")[0].split(": ", 1)[1] for m in messages(exc) if "only known once" in m
              and "warning:" not in m]
    assert needed == [
        "module.ec2.private_dns is only known once Terraform has applied (aws_instance.this[0].private_dns inside "
        "the module)",
        "module.s3.s3_bucket_bucket_regional_domain_name is only known once Terraform has applied "
        "(aws_s3_bucket.this[0].bucket_regional_domain_name inside the module)"]
    config = load_source(REAL, parameters={"module.ec2.private_dns": "ip-10-0-1-5.ec2.internal",
                                           "module.s3.s3_bucket_bucket_regional_domain_name":
                                               "ex-complete-1.s3.us-east-1.amazonaws.com"})
    (d,) = config.distributions
    # What `terraform plan` shows for module.cloudfront.aws_cloudfront_distribution.this[0]:
    assert d.id == "module.cloudfront.this[0]"
    assert [o.id for o in d.origins] == ["appsync", "ec2", "s3"]
    assert [b.path_pattern for b in d.cache_behaviors] == ["/static/*", "/static-no-policies/*", "/vpc-origin/*",
                                                           "/module-policies/*"]
    assert [e.error_code for e in d.custom_error_responses] == [404, 403]
    assert [g.id for g in d.origin_groups] == ["group_one"]
    assert sorted(f.name for f in config.functions) == ["ab-testing", "ex-complete", "viewer-request-security",
                                        "viewer-response-headers"]


async def test_an_ordered_behavior_from_a_dynamic_block_routes_requests(tmp_path: Path) -> None:
    async def who(name: str) -> web.Application:
        async def answer(request: web.Request) -> web.Response:
            return web.Response(text=f"{name} {request.path}")

        app = web.Application()
        app.router.add_get("/{tail:.*}", answer)
        return app

    async with serve_app(await who("web")) as web_port, serve_app(await who("api")) as api_port:
        write(tmp_path, {"main.tf": DISTRIBUTION, "variables.tf": VARIABLES, "frontyard.local.yaml": f"""\
            origins:
              web: {{resolve: 127.0.0.1:{web_port}}}
              api: {{resolve: 127.0.0.1:{api_port}}}
            parameters: {{enable_waf: "false"}}
            """})
        async with run_config(load_source(tmp_path)) as edge:
            for path, answer in (("/api/users", "api /api/users"), ("/static/a.css", "web /static/a.css"),
                                 ("/index.html", "web /index.html")):
                async with edge.session.get(edge.url + path) as r:
                    assert (r.status, await r.text()) == (200, answer)


def test_the_inputs_still_needed_are_listed_once_as_data(tmp_path: Path) -> None:
    main = DISTRIBUTION.replace('domain_name = o.value.domain', 'domain_name = "${var.app_id}.${o.value.domain}"')
    write(tmp_path, {"main.tf": main, "variables.tf": VARIABLES + 'variable "app_id" {\n  type = string\n}\n'})
    imported = import_terraform(tmp_path, False, {})
    assert [(u.name, u.location.line) for u in needed_inputs(imported.tree, imported.issues)] == [
        ("app_id", VARIABLES.count("\n") + 1)]  # the WAF ARN is not needed: web_acl_id is ignored


def test_count_in_a_tf_json_file_is_said_not_taken_as_one_instance(tmp_path: Path) -> None:
    doc = {"resource": {"aws_cloudfront_function": {"f": {
        "count": 2, "name": "f", "runtime": "cloudfront-js-2.0", "code": "function handler(e) { return e.request; }"}}}}
    write(tmp_path, {"main.tf.json": json.dumps(doc)})
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path)
    assert any("count / for_each in a .tf.json file is not expanded" in m for m in messages(exc))


def test_overlay_parameters_are_typed_like_the_variables_they_give(tmp_path: Path) -> None:
    # YAML false is the bool false; a mapping gives a map(object) variable; a list gives a list variable.
    write(tmp_path, {"main.tf": DISTRIBUTION, "variables.tf": VARIABLES.replace(
        'type    = list(number)\n  default = [404, 502, 503]', 'type    = list(number)\n  default = []'),
        "frontyard.local.yaml": """\
        parameters:
          enable_waf: false
          origins: {web: {domain: web.internal}}
          error_codes: [500, 503]
          routes: [{path: /static/*, origin: web}]
        """})
    config = load_source(tmp_path)
    d = config.distributions[0]
    assert [(o.id, o.domain_name) for o in d.origins] == [("web", "web.internal")]
    assert [e.error_code for e in d.custom_error_responses] == [500, 503]
    assert not [w for w in config.warnings if "web_acl_id" in w.format()]
