"""Bucket policies that are hostile or broken: wildcards that would backtrack, a policy past S3's size limit, one
nested deeper than a parser recurses. Each is a located config error or a plain decision, never a hang or a
traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.assembly import load_config_text
from emulator.errors import ConfigError
from emulator.origins.s3_policy import Principal, RequestContext, evaluate, parse
from emulator.origins.s3_policy.conditions import glob_match
from emulator.origins.s3_policy.evaluate import Effect

STATEMENT = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site-bucket/*"}


@pytest.mark.parametrize(("pattern", "value", "expected"), [
    ("a*b", "ab", True), ("a*b", "axxb", True), ("a*b", "axxbc", False), ("*", "", True), ("?", "", False),
    ("a?c", "abc", True), ("*.html", "docs/x.html", True), ("**a", "a", True), ("*ab*ab", "abab", True),
    ("*ab*ab", "ababa", False), ("[a]", "a", False), ("[a]", "[a]", True), ("a.c", "abc", False),
])
def test_wildcards_are_only_star_and_question_mark(pattern: str, value: str, expected: bool) -> None:
    assert glob_match(pattern, value) is expected


def test_a_pattern_of_many_stars_against_a_long_key_is_decided() -> None:
    # `*a*a...*b` against a key of 8000 `a`s: a regex of `.*` runs backtracks through ~8000^30 paths.
    resource = "arn:aws:s3:::site-bucket/" + "*a" * 30 + "b"
    policy, problems = parse({"Statement": [{**STATEMENT, "Resource": resource}]})
    assert problems == []
    ctx = RequestContext(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::site-bucket/" + "a" * 8000)
    assert evaluate(policy, ctx).effect is Effect.IMPLICIT_DENY
    assert evaluate(policy, RequestContext(Principal.anonymous(), "s3:GetObject", ctx.resource + "b")).allowed


def test_a_policy_past_20_kb_is_one_problem() -> None:
    # Amazon S3 User Guide, "Bucket policies and user policies": "Bucket policies are limited to 20 KB in size."
    policy, problems = parse({"Version": "2012-10-17", "Statement": [STATEMENT] * 100_000})
    assert policy.statements == ()
    assert problems == ["the policy is larger than S3's limit for a bucket policy, 20 KB (20480 bytes of compact "
                        "JSON)"]
    fits = [STATEMENT] * (20 * 1024 // (len(json.dumps(STATEMENT, separators=(",", ":"))) + 1) - 1)
    assert parse({"Version": "2012-10-17", "Statement": fits})[1] == []


def test_a_policy_nested_past_any_parser_is_one_problem() -> None:
    deep: list[object] = []
    inner = deep
    for _ in range(100_000):
        inner.append([])
        inner = inner[0]  # type: ignore[assignment]
    cyclic: list[object] = []
    cyclic.append(cyclic)  # what a YAML alias back to its own anchor builds
    for statements in (deep, cyclic):
        assert parse({"Statement": statements})[1][0].startswith("the policy is larger than S3's limit")


def _config(policy: str) -> str:
    return f"""\
distribution:
  origins:
    - id: bucket
      domain_name: site-bucket.s3.us-east-1.amazonaws.com
      mock: {{type: s3, root: bucket, bucket_policy: {policy}}}
  default_cache_behavior: {{target_origin_id: bucket}}
"""


def test_a_policy_file_nested_too_deeply_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "bucket").mkdir()
    (tmp_path / "deep.json").write_text('{"Statement": ' + "[" * 5000 + "]" * 5000 + "}")
    with pytest.raises(ConfigError) as raised:
        load_config_text(_config("deep.json"), "frontyard.yaml", tmp_path)
    first = raised.value.issues[0]
    assert (str(first.location), first.field) == ("frontyard.yaml:5:53", "distribution.origins[0].mock.bucket_policy")
    assert first.message.startswith("'deep.json' is not JSON or YAML: YAML: nested too deeply")


def test_a_policy_file_over_20_kb_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "bucket").mkdir()
    (tmp_path / "big.json").write_text(json.dumps({"Statement": [STATEMENT] * 1000}))
    with pytest.raises(ConfigError) as raised:
        load_config_text(_config("big.json"), "frontyard.yaml", tmp_path)
    assert [(i.field, i.message) for i in raised.value.issues] == [
        ("distribution.origins[0].mock.bucket_policy",
         "the policy is larger than S3's limit for a bucket policy, 20 KB (20480 bytes of compact JSON)")]
