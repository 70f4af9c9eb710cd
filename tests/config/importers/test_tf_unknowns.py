"""Values only a deployment knows, evaluated only where the local edge needs them: resources and data sources the
distribution does not reference are never evaluated; an origin the overlay maps needs no domain name."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from aiohttp import web

from emulator.assembly import load_source
from emulator.config.importers.terraform import Module
from emulator.config.importers.tf_values import Unknown
from emulator.errors import ConfigError
from tests.helpers import run_config, serve_app

SITE = """\
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    origin_id   = "web"
    domain_name = "web.example.test"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
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

# Beside the distribution, what a real root holds and the edge never uses: DNS validation records iterating a
# certificate's validation options, a record in a looked-up zone, a Lambda logging only outside GovCloud.
UNRELATED = """\
resource "aws_acm_certificate" "cert" {
  domain_name       = "example.com"
  validation_method = "DNS"
}
resource "aws_route53_record" "validation" {
  for_each = {
    for dvo in aws_acm_certificate.cert.domain_validation_options : dvo.domain_name => dvo
  }
  zone_id = data.aws_route53_zone.this.zone_id
  name    = each.value.resource_record_name
}
resource "aws_route53_record" "alias" {
  count   = data.aws_route53_zone.this.zone_id != "" ? 1 : 0
  zone_id = data.aws_route53_zone.this.zone_id
  name    = "cdn"
}
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  dynamic "logging_config" {
    for_each = data.aws_partition.current.partition == "aws" ? [true] : []
    content {
      log_format = "JSON"
    }
  }
}
module "vpc" {
  source = "./vpc"
  azs    = slice(data.aws_availability_zones.available.names, 0, 3)
}
"""

VPC = """\
variable "azs" {
  type = list(string)
}
resource "aws_subnet" "private" {
  count             = length(var.azs)
  availability_zone = var.azs[count.index]
}
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text))
    return folder


def test_resources_the_distribution_does_not_reference_are_not_evaluated(tmp_path: Path) -> None:
    config = load_source(write(tmp_path, {"main.tf": SITE, "other.tf": UNRELATED, "vpc/main.tf": VPC}))
    assert [o.domain_name for o in config.distributions[0].origins] == ["web.example.test"]
    assert not [w for w in config.warnings if "only known once" in w.format()]


BUCKET_SITE = SITE.replace('origin_id   = "web"\n    domain_name = "web.example.test"',
                           'origin_id   = "web"\n    domain_name = aws_s3_bucket.site.bucket_regional_domain_name') \
    + 'resource "aws_s3_bucket" "site" {\n  bucket_prefix = "site-"\n}\n'  # a generated name: known after apply


async def test_an_origin_the_overlay_maps_by_id_needs_no_domain_name(tmp_path: Path) -> None:
    async def answer(request: web.Request) -> web.Response:
        return web.Response(text=f"{request.host} {request.path}")

    app = web.Application()
    app.router.add_get("/{tail:.*}", answer)
    async with serve_app(app) as port:
        overlay = f"origins: {{web: {{resolve: 127.0.0.1:{port}}}}}\n"
        write(tmp_path, {"main.tf": BUCKET_SITE, "frontyard.local.yaml": overlay})
        config = load_source(tmp_path)
        assert [o.domain_name for o in config.distributions[0].origins] == ["web.origin.invalid"]
        async with run_config(config) as edge, edge.session.get(edge.url + "/a.html") as r:
            assert (r.status, await r.text()) == (200, "web.origin.invalid /a.html")


def test_an_unknown_origin_domain_the_overlay_does_not_map_is_still_an_error(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": BUCKET_SITE})
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path)
    assert any("aws_s3_bucket.site.bucket_regional_domain_name is only known once Terraform has applied" in i.format()
               for i in exc.value.issues)


RANDOM_SITE = SITE.replace('domain_name = "web.example.test"',
                           'domain_name = aws_s3_bucket.site.bucket_regional_domain_name') \
    .replace('  default_cache_behavior {', '''  default_cache_behavior {
    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.index.arn
    }''') + """\
resource "random_string" "suffix" {
  length  = 8
  special = false
  upper   = false
}
resource "aws_s3_bucket" "site" {
  bucket = "site-${random_string.suffix.result}"
}
resource "aws_cloudfront_function" "index" {
  name    = "index"
  runtime = "cloudfront-js-2.0"
  code    = file("${path.module}/files/index.js")
}
"""


def test_a_random_suffix_has_a_stable_local_stand_in_and_path_module_reads_beside_the_module(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "site", {"main.tf": RANDOM_SITE, "files/index.js": "function handler(e) { return e.request; }\n"})
    monkeypatch.chdir(tmp_path)  # the module given as a relative folder, as `frontyard validate site` does
    first, again = load_source(Path("site")), load_source(Path("site"))
    domain = first.distributions[0].origins[0].domain_name
    assert re.fullmatch(r"site-[a-z0-9]{8}\.s3\.us-east-1\.amazonaws\.com", domain)
    assert again.distributions[0].origins[0].domain_name == domain
    assert [f.name for f in first.functions] == ["index"]


def test_a_null_alias_names_the_variable_to_give(tmp_path: Path) -> None:
    main = SITE.replace("  enabled = true\n", "  enabled = true\n  aliases = [var.redirect]\n")
    variable = 'variable "redirect" {\n  type    = string\n  default = null\n}\n'
    write(tmp_path, {"main.tf": main, "variables.tf": variable})
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path)
    assert [i.format().split(": ", 1)[1] for i in exc.value.issues if "aliases" in i.format()] == [
        f"var.redirect is null, its default ({tmp_path / 'variables.tf'}:1:1), but the distribution's aliases need "
        "a domain name: add --parameter redirect=...\n    expected --parameter redirect=... on the command line, or "
        "in the local overlay file: parameters: {redirect: ...}"]


def test_uuid_is_known_once_applied_a_warning_where_the_edge_ignores_it(tmp_path: Path) -> None:
    logged = SITE.replace("  enabled = true\n", """\
  enabled = true
  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }
""") + 'resource "aws_s3_bucket" "logs" {\n  bucket = uuid()\n}\n'
    config = load_source(write(tmp_path / "logged", {"main.tf": logged}))
    assert [w.format().split("warning: ", 1)[1] for w in config.warnings if "uuid()" in w.format()] == [
        "logging_config: uuid() is a new value on every terraform run, known once applied; the local edge does not "
        "use logging_config, so it is left out\n    expected a literal value in its place (or `terraform show -json` "
        "of what was deployed)"]
    write(tmp_path / "origin", {"main.tf": SITE.replace('"web.example.test"', '"${uuid()}.example.test"')})
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path / "origin")
    assert any("uuid() is a new value on every terraform run" in i.format() for i in exc.value.issues)


def local_value(tmp_path: Path, expr: str, params: dict[str, str] | None = None) -> object:
    (tmp_path / "main.tf").write_text(f"locals {{\n  x = {expr}\n}}\n")
    module = Module(tmp_path, params or {})
    module.read()
    return module.local("x", None)


@pytest.mark.parametrize(("expr", "expected"), [
    ('regexall("[a-z]+", "1a22bc333")', ["a", "bc"]),
    ('regexall("(\\\\d)(\\\\d)", "12 34")', [["1", "2"], ["3", "4"]]),
    ('regexall("(?P<k>\\\\w)=(?P<v>\\\\d)", "a=1,b=2")', [{"k": "a", "v": "1"}, {"k": "b", "v": "2"}]),
    ('length(regexall("^www\\\\.", "example.com")) > 0', False),
    ('"${data.aws_partition.current.partition}:${data.aws_region.current.name}"', "aws:eu-west-1"),
    ("data.aws_caller_identity.current.account_id", "123456789012"),
    ("slice(data.aws_availability_zones.available.names, 0, 2)", ["eu-west-1a", "eu-west-1b"]),
])
def test_regexall_and_the_well_known_data_sources(tmp_path: Path, expr: str, expected: object) -> None:
    assert local_value(tmp_path, expr, {"region": "eu-west-1"}) == expected


def test_a_parameter_wins_over_a_well_known_data_source(tmp_path: Path) -> None:
    given = {"data.aws_caller_identity.current.account_id": "111122223333"}
    assert local_value(tmp_path, "data.aws_caller_identity.current.account_id", given) == "111122223333"


def test_a_function_of_an_unknown_value_is_unknown_not_an_error_of_the_function(tmp_path: Path) -> None:
    with pytest.raises(Unknown) as exc:
        local_value(tmp_path, 'toset(["a", data.aws_default_tags.current.tags["Team"]])')
    assert exc.value.name == 'data.aws_default_tags.current.tags.Team'


def test_a_module_call_holding_no_cloudfront_resource_is_not_expanded(tmp_path: Path) -> None:
    call = 'module "vpc" {\n  source = "./vpc"\n  count  = data.aws_route53_zone.this.zone_id != "" ? 1 : 0\n}\n'
    config = load_source(write(tmp_path, {"main.tf": SITE + call, "vpc/main.tf": VPC}))
    assert [o.domain_name for o in config.distributions[0].origins] == ["web.example.test"]
