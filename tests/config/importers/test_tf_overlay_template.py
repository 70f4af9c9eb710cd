"""`frontyard import --overlay-template` for a Terraform module: variables without a default, and variables whose
"" or null default the distribution cannot take, are empty entries saying why; filled in, the module serves."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.cli import main
from tests.config.importers.test_tf_semantics import answering
from tests.helpers import run_config, serve_app

MODULE = """\
variable "origin_domain" {
  type        = string
  description = "the API's domain name"
}
variable "alias" {
  type    = string
  default = ""
}
variable "extra_alias" {
  type    = string
  default = null
}
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  aliases = [var.alias, var.extra_alias]
  origin {
    origin_id   = "api"
    domain_name = var.origin_domain
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
  ordered_cache_behavior {
    path_pattern           = "/static/*"
    target_origin_id       = "api"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
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


async def test_terraform_inputs_to_overlay_to_a_served_module(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text(MODULE)
    assert main(["import", str(tmp_path), "--overlay-template"]) == 0
    overlay = tmp_path / "frontyard.local.yaml"
    text = overlay.read_text()
    main_tf = tmp_path / "main.tf"
    assert f'  # var.origin_domain (string: "the API\'s domain name") has no default and no value ({main_tf}:1:1)\n' \
           "  origin_domain:\n" in text  # its type and description, as declared: what to fill in
    assert f'  # var.alias is "", its default ({main_tf}:5:1), but the distribution\'s aliases need a domain ' \
           f"name ({main_tf}:15:14)\n  alias:\n" in text
    assert f"  # var.extra_alias is null, its default ({main_tf}:9:1), but the distribution's aliases need a " \
           f"domain name ({main_tf}:15:25)\n  extra_alias:\n" in text
    assert "  api:\n    # mock:" in text
    capsys.readouterr()
    assert main(["validate", str(tmp_path)]) == 2  # empty entries are still missing, each said once
    err = capsys.readouterr().err
    assert err.count("var.origin_domain (string") == 1 and err.count('var.alias is ""') == 1
    assert "not a valid alternate domain name" not in err and "nothing (null)" not in err

    async with serve_app(await answering("api")) as port:
        overlay.write_text(text.replace("  origin_domain:\n", "  origin_domain: api.example.test\n")
                           .replace("  alias:\n", "  alias: www.example.test\n")
                           .replace("  extra_alias:\n", "  extra_alias: cdn.example.test\n")
                           .replace("    # resolve: 127.0.0.1:8000", f"    resolve: 127.0.0.1:{port}"))
        config = load_source(tmp_path)
        assert config.distributions[0].aliases == ("www.example.test", "cdn.example.test")
        async with run_config(config) as edge:
            for path in ("/index.html", "/static/a.css"):
                async with edge.session.get(edge.url + path, headers={"Host": "www.example.test"}) as r:
                    assert (r.status, await r.text()) == (200, f"api {path}")


def test_an_input_given_on_the_command_line_is_not_asked_for(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MODULE)
    assert main(["import", str(tmp_path), "--overlay-template", "-o", str(tmp_path / "o.yaml"),
                 "--parameter", "alias=www.example.test"]) == 0
    text = (tmp_path / "o.yaml").read_text()
    assert "  alias: www.example.test\n" in text and "  # var.alias" not in text and "  extra_alias:\n" in text
    assert textwrap.dedent(text).count("origin_domain:") == 1


def test_a_module_not_downloaded_is_said_not_listed_as_a_parameter(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text('module "cdn" {\n  source = "example/cloudfront/aws"\n  aliases = ["a"]\n}\n')
    assert main(["import", str(tmp_path), "--overlay-template", "-o", "-"]) == 2
    out, err = capsys.readouterr()
    assert "module.cdn:" not in out and 'module "cdn" comes from "example/cloudfront/aws"' in err
    assert "`terraform init`" in err
