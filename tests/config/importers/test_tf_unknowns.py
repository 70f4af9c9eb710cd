"""Values only a deployment knows, evaluated only where the local edge needs them: resources and data sources the
distribution does not reference are never evaluated; an origin the overlay maps needs no domain name."""

from __future__ import annotations

import textwrap
from pathlib import Path

from emulator.assembly import load_source

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
