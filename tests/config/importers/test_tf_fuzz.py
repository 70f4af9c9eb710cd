"""No tracebacks, ever: random and mutated Terraform (seeded, bounded) always ends as a loaded Config or a list of
located ConfigIssues. Inputs that once broke the importer are kept in fixtures/terraform/fuzz/ and replayed."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest

from emulator.assembly import load_source
from emulator.errors import ConfigError

FIXTURES = Path(__file__).parent / "fixtures" / "terraform"
CORPUS = FIXTURES / "fuzz"
SEEDS = [FIXTURES / "main.tf", FIXTURES / "modules-cloudfront" / "main.tf"]
CASES = 400
BUDGET = 4.0  # seconds: the seeded sequence is cut here (about 40 cases on a busy core, 400 on an idle one)

ATOMS = ["var.origins", "var.routes", "var.missing", "local.x", "each.key", "each.value", "count.index", "null",
         "true", '"false"', "0", "-1", "1.5", '"s"', "[]", "{}", '{a = 1}', '[1, "a", null]', "module.m.out",
         "aws_s3_bucket.b[0].arn", "aws_s3_bucket.b[*].arn", "data.aws_caller_identity.c.account_id", "self.x",
         "path.module", "terraform.workspace", "o.value", "ordered_cache_behavior.value"]
FUNCTIONS = ["try", "can", "coalesce", "coalescelist", "compact", "concat", "contains", "distinct", "element",
             "flatten", "format", "join", "keys", "values", "length", "lookup", "lower", "merge", "one", "range",
             "regex", "replace", "split", "substr", "trim", "tolist", "tomap", "toset", "tostring", "tonumber",
             "tobool", "zipmap", "jsonencode", "jsondecode", "file", "templatefile", "base64encode", "md5",
             "nosuchfunction"]
SNIPPETS = ["${", "}", "[*]", ".*", "...", "=>", "? :", "for x in", "dynamic", "content {", "count = 2",
            'for_each = toset(["a"])', "%{ if true }", "\"", "\\", "<<EOT\n", "module", "\n}\n", "{", "]", "(", ")"]


def expression(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth > 3 or roll < 0.3:
        return rng.choice(ATOMS)
    if roll < 0.55:
        args = ", ".join(expression(rng, depth + 1) for _ in range(rng.randint(0, 3)))
        return f"{rng.choice(FUNCTIONS)}({args})"
    if roll < 0.7:
        return f"[for k, v in {expression(rng, depth + 1)} : {expression(rng, depth + 1)} if {expression(rng, depth)}]"
    if roll < 0.8:
        return f"{expression(rng, depth + 1)} ? {expression(rng, depth + 1)} : {expression(rng, depth + 1)}"
    if roll < 0.9:
        return f"{expression(rng, depth + 1)} {rng.choice(['+', '==', '&&', '%', '<'])} {expression(rng, depth + 1)}"
    return f'"pre-${{{expression(rng, depth + 1)}}}"'


def random_module(rng: random.Random) -> str:
    """A distribution whose attributes, dynamic blocks and meta-arguments are random expressions."""
    e = lambda: expression(rng)  # noqa: E731
    meta = rng.choice(["", f"count = {e()}", f"for_each = {e()}"])
    return f"""
variable "origins" {{
  type    = {rng.choice(["map(any)", "list(string)", "bool", "object({a = optional(number, 1)})", "any"])}
  default = {e()}
}}
locals {{
  x = {e()}
}}
module "m" {{
  source = {rng.choice(['"./nowhere"', '"registry/x/aws"', e()])}
}}
resource "aws_cloudfront_distribution" "d" {{
  {meta}
  enabled = {e()}
  dynamic "origin" {{
    for_each = {e()}
    iterator = o
    content {{
      origin_id   = {e()}
      domain_name = {e()}
    }}
  }}
  default_cache_behavior {{
    target_origin_id       = {e()}
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }}
  dynamic "ordered_cache_behavior" {{
    for_each = {e()}
    content {{
      path_pattern     = {e()}
      target_origin_id = {e()}
    }}
  }}
  web_acl_id = {e()}
}}
"""


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        action = rng.random()
        if action < 0.4:
            text = text[:at] + rng.choice(SNIPPETS) + text[at:]
        elif action < 0.7:
            text = text[:at] + text[at + rng.randint(1, 40):]
        else:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines) + 1), lines[i])
            text = "\n".join(lines)
    return text


def outcome(folder: Path) -> str:
    """'ok' or the located issues; anything else (a traceback) fails the test with the input kept."""
    try:
        load_source(folder)
    except ConfigError as exc:
        assert exc.issues and all(i.location is not None for i in exc.issues), [i.format() for i in exc.issues]
        return "issues"
    return "ok"


def run_one(tmp_path: Path, name: str, text: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "main.tf").write_text(text)
    try:
        outcome(folder)
    except Exception:
        shutil.copy(folder / "main.tf", tmp_path / f"{name}.tf")  # to add to the corpus
        raise


@pytest.mark.parametrize("case", sorted(CORPUS.glob("*.tf")), ids=lambda p: p.name)
def test_inputs_that_once_broke_the_importer_are_located_issues(tmp_path: Path, case: Path) -> None:
    run_one(tmp_path, case.stem, case.read_text())


def test_random_and_mutated_terraform_never_raises(tmp_path: Path) -> None:
    rng = random.Random(22)
    seeds = [p.read_text() for p in SEEDS]
    stop = time.monotonic() + BUDGET
    for n in range(CASES):
        if n >= 20 and time.monotonic() > stop:
            break
        text = random_module(rng) if n % 2 else mutate(rng, rng.choice(seeds))
        if rng.random() < 0.3:
            text = mutate(rng, text)
        run_one(tmp_path, f"case{n}", text)
