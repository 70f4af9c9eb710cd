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
