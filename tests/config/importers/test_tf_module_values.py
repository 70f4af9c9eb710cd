"""Values passing between Terraform modules as Terraform passes them: null inputs of variables that are not
nullable, whole resource and module objects held in locals, and module outputs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from emulator.config.importers.hcl_eval import EvalError
from emulator.config.importers.terraform import Module


def local_x(tmp_path: Path, files: dict[str, str], params: dict[str, str] | None = None) -> object:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text))
    module = Module(tmp_path, params or {})
    module.read()
    assert not module.issues, [i.format() for i in module.issues]
    return module.local("x", None)


CHILD = """
variable "logging" {
  type     = list(object({ bucket_name = string }))
  default  = []
  nullable = false
}
variable "plain" {
  type    = list(string)
  default = ["d"]
}
variable "strict" {
  type     = string
  nullable = false
}
output "n" {
  value = length(var.logging)
}
output "plain" {
  value = var.plain
}
output "strict" {
  value = var.strict
}
"""


def test_a_null_input_takes_the_default_of_a_variable_that_is_not_nullable(tmp_path: Path) -> None:
    caller = """
    module "m" {
      source  = "./m"
      logging = null
      plain   = null
      strict  = "s"
    }
    locals {
      x = [module.m.n, module.m.plain]
    }
    """
    # nullable = false: the default replaces null; a nullable variable (the default) keeps the null given
    assert local_x(tmp_path, {"main.tf": caller, "m/main.tf": CHILD}) == [0, None]


def test_null_for_a_variable_that_is_not_nullable_and_has_no_default_is_an_error(tmp_path: Path) -> None:
    caller = """
    module "m" {
      source = "./m"
      strict = null
    }
    locals {
      x = module.m.strict
    }
    """
    with pytest.raises(EvalError, match=r"var\.strict is null, and the variable says nullable = false"):
        local_x(tmp_path, {"main.tf": caller, "m/main.tf": CHILD})


BUCKETS = """
resource "aws_s3_bucket" "origin" {
  count  = 1
  bucket = "site-origin"
}
resource "aws_cloudfront_origin_access_control" "oac" {
  for_each = toset(["s3"])
  name     = "oac-${each.key}"
}
"""


def test_a_whole_resource_held_in_a_local_is_read_one_attribute_later(tmp_path: Path) -> None:
    main = BUCKETS + """
    locals {
      options = { new = aws_s3_bucket.origin[0], disabled = { bucket_regional_domain_name = "" } }
      bucket  = local.options[true ? "new" : "disabled"]
      x       = [local.bucket.bucket_regional_domain_name,
                 lookup(lookup(aws_cloudfront_origin_access_control.oac, "s3", {}), "id", null) != null]
    }
    """
    assert local_x(tmp_path, {"main.tf": main}, {"region": "eu-west-1"}) == \
        ["site-origin.s3.eu-west-1.amazonaws.com", True]


def test_a_module_output_that_is_a_whole_resource_is_traversed_by_the_caller(tmp_path: Path) -> None:
    caller = """
    module "bucket" {
      source = "./bucket"
    }
    locals {
      x = module.bucket.bucket.bucket_regional_domain_name
    }
    """
    child = BUCKETS + 'output "bucket" {\n  value = aws_s3_bucket.origin[0]\n}\n'
    assert local_x(tmp_path, {"main.tf": caller, "bucket/main.tf": child}) == \
        "site-origin.s3.us-east-1.amazonaws.com"


def test_a_splat_over_a_value_known_only_after_apply_is_known_only_after_apply(tmp_path: Path) -> None:
    main = """
    resource "aws_acm_certificate" "cert" {
      domain_name = "example.com"
    }
    locals {
      x = [for o in aws_acm_certificate.cert.domain_validation_options[*] : o.domain_name]
    }
    """
    with pytest.raises(EvalError, match=r"aws_acm_certificate\.cert\.domain_validation_options\[\*\] is only known"):
        local_x(tmp_path, {"main.tf": main})


def test_replace_takes_a_bool_or_a_number_as_its_string_arguments(tmp_path: Path) -> None:
    main = """
    variable "redirect" {
      type    = bool
      default = true
    }
    locals {
      x = replace(replace("const r = REDIRECT; const n = N;", "REDIRECT", var.redirect), "N", 3)
    }
    """
    assert local_x(tmp_path, {"main.tf": main}) == "const r = true; const n = 3;"


def test_path_module_reads_the_module_folder_when_the_module_is_given_as_a_relative_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "code.js").write_text("function handler(event) { return event.request; }\n")
    (tmp_path / "site" / "main.tf").write_text('locals {\n  x = file("${path.module}/code.js")\n}\n')
    monkeypatch.chdir(tmp_path)  # `frontyard validate site` run from the folder above the module
    module = Module(Path("site"), {})
    module.read()
    assert module.local("x", None) == "function handler(event) { return event.request; }\n"
