"""Terraform's own semantics where a CloudFront module depends on them: sets (element as key, set order),
conditional result types, template directives, override files. Each case is what Terraform gives for the same
configuration."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from aiohttp import web

from emulator.assembly import load_source
from emulator.config.importers.hcl_eval import EvalError
from emulator.errors import ConfigError
from tests.config.importers.test_tf_expressions import evaluate
from tests.helpers import run_config, serve_app

SET_CASES = [
    ('[for k, v in toset(["b", "a", "b"]) : "${k}=${v}"]', ["a=a", "b=b"]),  # a set's element is its key
    ("toset([10, 9, 2])", [2, 9, 10]),  # a set of numbers iterates in numeric order
    ('toset(["b", 1, true])', ["1", "b", "true"]),  # mixed primitives become strings
    ('{for k, v in toset(["x"]) : k => v}', {"x": "x"}),
    ('[for i, v in tolist(toset(["b", "a"])) : i]', [0, 1]),  # tolist(): a list again, indexed
    ("true ? 12 : \"hello\"", "12"),  # "Result Types": a number beside a string is a string
    ('false ? "off" : true', "true"),
    ("true ? 12 : 13", 12),
]


def test_sets_and_conditional_result_types_as_terraform(tmp_path: Path) -> None:
    for i, (expr, expected) in enumerate(SET_CASES):
        folder = tmp_path / str(i)
        folder.mkdir()
        assert evaluate(folder, expr) == expected, expr


DISTRIBUTION = """\
variable "prefixes" {
  type    = set(string)
  default = ["/b/*", "/a/*", "/b/*"]
}
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
  dynamic "origin" {
    for_each = toset(["api"])
    content {
      origin_id   = origin.key
      domain_name = "${origin.value}.example.test"
      custom_origin_config {
        http_port              = 80
        https_port             = 443
        origin_protocol_policy = "http-only"
        origin_ssl_protocols   = ["TLSv1.2"]
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
    for_each = var.prefixes
    content {
      path_pattern           = ordered_cache_behavior.key
      target_origin_id       = "api"
      viewer_protocol_policy = "allow-all"
      allowed_methods        = ["GET", "HEAD"]
      cached_methods         = ["GET", "HEAD"]
      cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
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


async def answering(name: str) -> web.Application:
    async def answer(request: web.Request) -> web.Response:
        return web.Response(text=f"{name} {request.path}")

    app = web.Application()
    app.router.add_get("/{tail:.*}", answer)
    return app


async def test_a_dynamic_block_over_a_set_keys_each_block_by_the_element(tmp_path: Path) -> None:
    """"dynamic Blocks": "If the for_each expression produces a set value then key is identical to value"."""
    async with serve_app(await answering("web")) as web_port, serve_app(await answering("api")) as api_port:
        (tmp_path / "main.tf").write_text(DISTRIBUTION)
        (tmp_path / "frontyard.local.yaml").write_text(textwrap.dedent(f"""\
            origins:
              web: {{resolve: 127.0.0.1:{web_port}}}
              api: {{resolve: 127.0.0.1:{api_port}}}
            """))
        config = load_source(tmp_path)
        (d,) = config.distributions
        assert [b.path_pattern for b in d.cache_behaviors] == ["/a/*", "/b/*"]
        assert [o.id for o in d.origins] == ["web", "api"]
        async with run_config(config) as edge:
            for path, answer in (("/a/x", "api /a/x"), ("/b/y", "api /b/y"), ("/c", "web /c")):
                async with edge.session.get(edge.url + path) as r:
                    assert (r.status, await r.text()) == (200, answer)


TEMPLATE_CASES = [
    ('"a%{ if true }b%{ endif }c"', "abc"),
    ('"%{ if false }on%{ else }off%{ endif }"', "off"),
    ('"%{ for x in ["p", "q"] }[${x}]%{ endfor }"', "[p][q]"),
    ('"%{ for k, v in {b = 2, a = 1} }${k}=${v};%{ endfor }"', "a=1;b=2;"),  # a map in key order
    ('"%{ for i, x in ["p"] }${i}%{ endfor }%{ for x in toset(["z", "y"]) }${x}%{ endfor }"', "0yz"),
    ('"%{ if length([1]) > 0 }%{ for x in [1, 2] }${x}%{ if x < 2 },%{ endif }%{ endfor }%{ endif }"', "1,2"),
    ('"$${x} %%{ if }"', "${x} %{ if }"),  # escaped markers are literal
    ('<<-EOT\n    %{~ for x in ["a", "b"] ~}\n    ${x}\n    %{~ endfor ~}\n    !\n    EOT', "ab!\n"),
    ('<<EOT\nhost=${upper("x")}\nEOT', "host=X\n"),
]


def test_template_directives_and_heredocs_as_terraform(tmp_path: Path) -> None:
    """"Strings and Templates": `%{ if }` / `%{ else }` / `%{ endif }`, `%{ for }` / `%{ endfor }`, `~` strip
    markers, interpolation in heredocs."""
    for i, (expr, expected) in enumerate(TEMPLATE_CASES):
        folder = tmp_path / str(i)
        folder.mkdir()
        assert evaluate(folder, expr) == expected, expr


def test_templatefile_renders_directives_and_locates_its_mistakes(tmp_path: Path) -> None:
    (tmp_path / "routes.tpl").write_text("%{ for r in routes ~}\nroute ${r.path} -> ${r.origin}\n%{ endfor ~}\n"
                                         "%{ if debug }debug%{ endif }")
    expr = 'templatefile("routes.tpl", {routes = [{path = "/a", origin = "x"}, {path = "/b", origin = "y"}], ' \
           'debug = false})'
    assert evaluate(tmp_path, expr) == "route /a -> x\nroute /b -> y\n"
    (tmp_path / "broken.tpl").write_text("%{ if true }never closed")
    with pytest.raises(EvalError) as exc:
        evaluate(tmp_path, 'templatefile("broken.tpl", {})')
    assert "%{ if } without %{ endif }" in exc.value.message and exc.value.loc.file == str(tmp_path / "broken.tpl")


OVERRIDE = """\
locals {
  api = "api.example.test"
}
resource "aws_cloudfront_distribution" "site" {
  ordered_cache_behavior {
    path_pattern           = "/v2/*"
    target_origin_id       = "api"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
  comment = "from the override"
}
"""


async def test_override_files_merge_into_the_blocks_they_name(tmp_path: Path) -> None:
    """"Override Files": arguments replace the original's, nested blocks replace all blocks of their type (here
    the dynamic ordered_cache_behavior), files named override.tf or *_override.tf are applied after the others."""
    async with serve_app(await answering("web")) as web_port, serve_app(await answering("api")) as api_port:
        (tmp_path / "main.tf").write_text(DISTRIBUTION)
        (tmp_path / "z_override.tf").write_text(OVERRIDE)
        (tmp_path / "frontyard.local.yaml").write_text(textwrap.dedent(f"""\
            origins:
              web: {{resolve: 127.0.0.1:{web_port}}}
              api: {{resolve: 127.0.0.1:{api_port}}}
            """))
        config = load_source(tmp_path)
        (d,) = config.distributions
        assert [b.path_pattern for b in d.cache_behaviors] == ["/v2/*"]
        async with run_config(config) as edge:
            for path, answer in (("/v2/x", "api /v2/x"), ("/a/x", "web /a/x")):
                async with edge.session.get(edge.url + path) as r:
                    assert (r.status, await r.text()) == (200, answer)


def test_an_override_block_with_no_original_is_located(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(DISTRIBUTION)
    (tmp_path / "override.tf").write_text('resource "aws_cloudfront_distribution" "other" {\n  comment = "x"\n}\n'
                                          'locals {\n  unused = 1\n}\n')
    with pytest.raises(ConfigError) as exc:
        load_source(tmp_path)
    assert [i.format().split("\n")[0] for i in exc.value.issues if "override" in i.message] == [
        f"{tmp_path / 'override.tf'}:1:1: resource aws_cloudfront_distribution other: an override file's block with no "
        "original block to override"]
