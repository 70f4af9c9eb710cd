"""No tracebacks on CloudFormation input: seeded random and mutated real templates (intrinsics in the wrong places,
wrong types, cycles, deep nesting, nested stacks naming anything) give a Config or a list of ConfigIssues, never an
exception. Inputs that once broke the importer are kept in fixtures/cfn/fuzz/ and replayed first."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
import yaml

from emulator.assembly import load_source
from emulator.config.overlay_template import overlay_template
from emulator.errors import ConfigError
from emulator.issues import ConfigIssue
from tests.config.importers.test_cfn_stacks import CHILD, INPUTS, PARENT, SAM_APP

FIXTURES = Path(__file__).parent / "fixtures"
KEPT = FIXTURES / "cfn" / "fuzz"
SEED, ROUNDS = 2207, 60  # a few seconds; 1,000 rounds over four seeds passed when it was written

INTRINSICS = ["Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If", "Fn::FindInMap",
              "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition", "Fn::ImportValue", "Fn::Base64",
              "Fn::GetAZs", "Fn::Cidr", "Fn::Length"]
NAMES = ["Dist", "Site", "Bucket", "Nope", "AWS::Region", "AWS::NoValue", "DomainName", "Site.Outputs.X",
         "StripPrefix.Version", "Lookup", "IsProd", "Dist.DomainName", "", "${", "a.b.c"]


def _cyclic() -> str:
    return """\
Conditions:
  A: !Condition B
  B: !And [!Condition A, !Equals [1, 1]]
Resources:
  One: {Type: AWS::S3::Bucket, Properties: {BucketName: !GetAtt Two.DomainName}}
  Two: {Type: AWS::S3::Bucket, Properties: {BucketName: !GetAtt One.DomainName}}
  Dist:
    Type: AWS::CloudFront::Distribution
    Condition: A
    Properties:
      DistributionConfig:
        Origins: [{Id: o, DomainName: !GetAtt One.RegionalDomainName}]
        DefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: allow-all}
"""


def seeds() -> list[object]:
    """Real templates (the aws-samples stacks, the CDK fixture) and the tests' own, as plain trees."""
    texts = [p.read_text() for p in sorted((FIXTURES / "cfn" / "secure-static-site").glob("*.yaml"))]
    texts += [p.read_text() for p in sorted((FIXTURES / "cdk").rglob("*.template.json"))]
    texts += [PARENT.replace("<URL>", "child.yaml"), CHILD, SAM_APP, INPUTS, _cyclic()]
    out = []
    for text in texts:
        out.append(yaml.load(text, Loader=_Tags))  # a SafeLoader: short forms read as mappings
    return out


class _Tags(yaml.SafeLoader):
    """CloudFormation's short forms (`!Ref X`) read as the long form, so mutations can move them around."""


def _short(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    name = {"Ref": "Ref", "Condition": "Condition"}.get(suffix, "Fn::" + suffix)
    if isinstance(node, yaml.ScalarNode):
        value: object = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = str(value).split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return {name: value}


_Tags.add_multi_constructor("!", _short)


def junk(rng: random.Random, depth: int = 0) -> object:
    """A value of any type, often an intrinsic with arguments of the wrong shape."""
    pick = rng.randrange(12 if depth < 4 else 6)
    if pick == 0:
        return rng.choice(NAMES)
    if pick == 1:
        return rng.choice([0, -1, 2**70, 3.5, float("inf"), True, None])
    if pick == 2:
        return "x" * rng.choice([0, 1, 70, 5000])
    if pick == 3:
        return rng.choice(["${Dist.DomainName}", "${AWS::Region}-${Nope}", "${!Literal}", "${", "}${}"])
    if pick == 4:
        return []
    if pick == 5:
        return {}
    if pick in (6, 7, 8):
        return {rng.choice(INTRINSICS): junk(rng, depth + 1)}
    if pick == 9:
        return [junk(rng, depth + 1) for _ in range(rng.randrange(4))]
    if pick == 10:
        return {rng.choice(NAMES + ["Type", "Properties", "DistributionConfig"]): junk(rng, depth + 1)}
    return deep(rng.randrange(20, 120))


def deep(levels: int) -> object:
    value: object = "leaf"
    for i in range(levels):
        value = {"Fn::Join": ["", [value]]} if i % 2 else [value]
    return value


def mutate(rng: random.Random, tree: object) -> object:
    """One random change somewhere in the tree: replaced, removed, or given a sibling."""
    if isinstance(tree, dict) and tree:
        key = rng.choice(list(tree))
        roll = rng.random()
        if roll < 0.3:
            tree[key] = junk(rng)
        elif roll < 0.4:
            del tree[key]
        elif roll < 0.5:
            tree[rng.choice(NAMES)] = junk(rng)
        else:
            tree[key] = mutate(rng, tree[key])
        return tree
    if isinstance(tree, list) and tree:
        i = rng.randrange(len(tree))
        tree[i] = junk(rng) if rng.random() < 0.3 else mutate(rng, tree[i])
        return tree
    return junk(rng) if rng.random() < 0.5 else tree


def check(path: Path) -> None:
    """A Config or located issues; any other exception fails the test (and names the input to keep)."""
    try:
        load_source(path)
    except ConfigError as exc:
        assert exc.issues and all(isinstance(i, ConfigIssue) for i in exc.issues)
    try:
        overlay_template(path)
    except ConfigError as exc:
        assert all(isinstance(i, ConfigIssue) for i in exc.issues)


@pytest.mark.parametrize("kept", sorted(KEPT.glob("*.json")), ids=lambda p: p.name)
def test_inputs_that_once_broke_the_importer(tmp_path: Path, kept: Path) -> None:
    shutil.copy(kept, tmp_path / "template.json")
    (tmp_path / "child.yaml").write_text(CHILD)
    check(tmp_path / "template.json")


def test_random_and_mutated_templates_never_raise(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    bases = seeds()
    (tmp_path / "child.yaml").write_text(CHILD)
    for n in range(ROUNDS):
        tree = json.loads(json.dumps(rng.choice(bases), default=str))
        for _ in range(rng.randrange(1, 6)):
            tree = mutate(rng, tree)
        if rng.random() < 0.1:
            tree = junk(rng)
        path = tmp_path / "template.json"
        text = json.dumps(tree, default=str)
        path.write_text(text)
        try:
            check(path)
        except Exception as exc:  # the seed and round reproduce it: keep the input under fixtures/cfn/fuzz/
            (tmp_path / f"broke-{n}.json").write_text(text)
            raise AssertionError(f"round {n}: {type(exc).__name__}: {exc} (input kept in {tmp_path}/broke-{n}.json"
                                 ")") from exc
