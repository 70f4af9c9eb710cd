"""Bucket policy evaluation, one row per rule of AWS's policy evaluation logic and of each condition operator."""

from __future__ import annotations

import pytest

from emulator.origins.s3_policy import Principal, RequestContext, evaluate, parse
from emulator.origins.s3_policy.evaluate import Effect

BUCKET = "arn:aws:s3:::site-bucket"
OBJECT = f"{BUCKET}/index.html"
DIST = "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE"
OAI = "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1OAI"
CLOUDFRONT = Principal.service()
ANON = Principal.anonymous()
OAI_P = Principal.origin_access_identity("E1OAI", "c0ffee" * 10 + "abcd")
CF_KEYS = (("aws:SourceArn", DIST), ("aws:SourceAccount", "123456789012"), ("aws:SecureTransport", "true"))


def stmt(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {"Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"},
                               "Action": "s3:GetObject", "Resource": f"{BUCKET}/*"}
    base.update(extra)
    return {k: v for k, v in base.items() if v is not None}


def decide(*statements: dict[str, object], principal: Principal = CLOUDFRONT, action: str = "s3:GetObject",
           resource: str = OBJECT, keys: tuple[tuple[str, str], ...] = CF_KEYS) -> Effect:
    policy, problems = parse({"Version": "2012-10-17", "Statement": list(statements)})
    assert problems == []
    return evaluate(policy, RequestContext(principal, action, resource, keys)).effect


A, D, N = Effect.ALLOW, Effect.EXPLICIT_DENY, Effect.IMPLICIT_DENY  # allow, explicit deny, no (implicit)


@pytest.mark.parametrize(("statements", "principal", "expected"), [
    # Evaluation logic: allow, implicit deny, explicit deny wins over allow in any order.
    ([stmt()], CLOUDFRONT, A),
    ([stmt(Action="s3:PutObject")], CLOUDFRONT, N),
    ([stmt(), stmt(Effect="Deny")], CLOUDFRONT, D),
    ([stmt(Effect="Deny"), stmt()], CLOUDFRONT, D),
    ([stmt(Effect="Deny")], CLOUDFRONT, D),
    # Principal forms.
    ([stmt(Principal="*")], ANON, A),
    ([stmt(Principal={"AWS": "*"})], ANON, A),
    ([stmt()], ANON, N),
    ([stmt(Principal={"Service": "CloudFront.amazonaws.com"})], CLOUDFRONT, A),
    ([stmt(Principal={"AWS": OAI})], OAI_P, A),
    ([stmt(Principal={"AWS": [OAI, "arn:aws:iam::123456789012:root"]})], OAI_P, A),
    ([stmt(Principal={"CanonicalUser": "c0ffee" * 10 + "abcd"})], OAI_P, A),
    ([stmt(Principal={"AWS": OAI})], CLOUDFRONT, N),  # an OAI policy, an OAC request
    ([stmt()], OAI_P, N),  # an OAC policy, an OAI request
    ([stmt(Principal={"AWS": "123456789012"})], CLOUDFRONT, N),
    # NotPrincipal: everyone but those named.
    ([stmt(Principal=None, NotPrincipal={"AWS": OAI}, Effect="Deny"), stmt(Principal="*")], CLOUDFRONT, D),
    ([stmt(Principal=None, NotPrincipal={"AWS": OAI}, Effect="Deny"), stmt(Principal="*")], OAI_P, A),
])
def test_principals_and_effects(statements: list[dict[str, object]], principal: Principal, expected: Effect) -> None:
    assert decide(*statements, principal=principal) is expected


@pytest.mark.parametrize(("element", "action", "expected"), [
    ({"Action": "s3:GetObject"}, "s3:GetObject", A),
    ({"Action": "S3:getobject"}, "s3:GetObject", A),  # actions are case-insensitive
    ({"Action": "s3:Get*"}, "s3:GetObject", A),
    ({"Action": "s3:*"}, "s3:ListBucket", A),
    ({"Action": ["s3:PutObject", "s3:Get?bject"]}, "s3:GetObject", A),
    ({"Action": "s3:GetObject"}, "s3:ListBucket", N),
    ({"Action": None, "NotAction": "s3:PutObject"}, "s3:GetObject", A),
    ({"Action": None, "NotAction": "s3:Get*"}, "s3:GetObject", N),
])
def test_actions(element: dict[str, object], action: str, expected: Effect) -> None:
    assert decide(stmt(Resource="*", **element), action=action) is expected


@pytest.mark.parametrize(("element", "resource", "expected"), [
    ({"Resource": f"{BUCKET}/*"}, OBJECT, A),
    ({"Resource": f"{BUCKET}/*"}, BUCKET, N),  # the bucket itself is not one of its objects
    ({"Resource": BUCKET}, BUCKET, A),
    ({"Resource": f"{BUCKET}/INDEX.html"}, OBJECT, N),  # resources are case-sensitive
    ({"Resource": f"{BUCKET}/index.*"}, OBJECT, A),
    ({"Resource": "arn:aws:s3:::other-bucket/*"}, OBJECT, N),
    ({"Resource": None, "NotResource": f"{BUCKET}/private/*"}, OBJECT, A),
    ({"Resource": None, "NotResource": f"{BUCKET}/*"}, OBJECT, N),
])
def test_resources(element: dict[str, object], resource: str, expected: Effect) -> None:
    assert decide(stmt(**element), resource=resource) is expected


OTHER = "arn:aws:cloudfront::123456789012:distribution/E9OTHER"


@pytest.mark.parametrize(("condition", "expected"), [
    ({"StringEquals": {"AWS:SourceArn": DIST}}, A),  # key names are case-insensitive
    ({"StringEquals": {"aws:SourceArn": OTHER}}, N),
    ({"StringEquals": {"aws:SourceArn": [OTHER, DIST]}}, A),  # any value
    ({"StringEquals": {"aws:SourceArn": DIST.lower()}}, N),  # values are case-sensitive
    ({"StringEqualsIgnoreCase": {"aws:SourceArn": DIST.lower()}}, A),
    ({"StringNotEquals": {"aws:SourceArn": OTHER}}, A),
    ({"StringLike": {"aws:SourceArn": "arn:aws:cloudfront::123456789012:distribution/*"}}, A),
    ({"StringNotLike": {"aws:SourceArn": "*E9*"}}, A),
    ({"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::*:distribution/E2*"}}, A),
    ({"ArnEquals": {"aws:SourceArn": OTHER}}, N),
    ({"ArnNotEquals": {"aws:SourceArn": OTHER}}, A),
    ({"StringEquals": {"aws:SourceAccount": "123456789012"}}, A),
    ({"StringEquals": {"aws:SourceAccount": "999999999999"}}, N),
    ({"Bool": {"aws:SecureTransport": "true"}}, A),
    ({"Bool": {"aws:SecureTransport": False}}, N),
    ({"StringEquals": {"aws:SourceArn": DIST, "aws:SourceAccount": "999999999999"}}, N),  # all keys
    ({"StringEquals": {"aws:SourceArn": DIST}, "Bool": {"aws:SecureTransport": "false"}}, N),  # all operators
    # A key the request lacks: positive operators fail, negated ones and IfExists hold.
    ({"StringEquals": {"aws:SourceVpce": "vpce-1"}}, N),
    ({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}, A),
    ({"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}, A),
    ({"StringEqualsIfExists": {"aws:SourceArn": OTHER}}, N),
    ({"Null": {"aws:SourceVpce": "true"}}, A),
    ({"Null": {"aws:SourceArn": "true"}}, N),
])
def test_conditions(condition: dict[str, object], expected: Effect) -> None:
    assert decide(stmt(Condition=condition)) is expected


@pytest.mark.parametrize(("condition", "ip", "expected"), [
    ({"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}, "192.0.2.7", A),
    ({"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}, "198.51.100.1", N),
    ({"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}}, "198.51.100.1", A),
    ({"IpAddress": {"aws:SourceIp": "2001:db8::/32"}}, "2001:db8::1", A),
])
def test_source_ip(condition: dict[str, object], ip: str, expected: Effect) -> None:
    assert decide(stmt(Principal="*", Condition=condition), principal=ANON,
                  keys=(("aws:SourceIp", ip),)) is expected


def test_explanations_name_the_deciding_statement() -> None:
    policy, _ = parse({"Statement": [
        stmt(Sid="AllowDist", Condition={"StringEquals": {"AWS:SourceArn": OTHER}}),
        stmt(Sid="DenyPrivate", Effect="Deny", Resource=f"{BUCKET}/private/*")]})
    denied = evaluate(policy, RequestContext(CLOUDFRONT, "s3:GetObject", f"{BUCKET}/private/a", CF_KEYS))
    assert (denied.statement, denied.explanation) == (
        "DenyPrivate", f"statement 'DenyPrivate' denies s3:GetObject on {BUCKET}/private/a for principal "
                       f"cloudfront.amazonaws.com with aws:SourceArn {DIST}")
    missed = evaluate(policy, RequestContext(CLOUDFRONT, "s3:GetObject", OBJECT, CF_KEYS))
    assert missed.statement is None
    assert missed.explanation == (
        f"no statement allows s3:GetObject on {OBJECT} for principal cloudfront.amazonaws.com with "
        f"aws:SourceArn {DIST} (statement 'AllowDist' would, but its condition StringEquals aws:SourceArn {OTHER} "
        "does not hold: "
        f"the request's aws:SourceArn is {DIST})")
    unnamed, _ = parse({"Statement": stmt()})
    assert evaluate(unnamed, RequestContext(CLOUDFRONT, "s3:GetObject", OBJECT)).statement == "statement #1"


@pytest.mark.parametrize(("document", "problem"), [
    ("not a mapping", "a bucket policy is a mapping with a 'Statement' list"),
    ({"Statement": []}, "Statement: must be a statement or a non-empty list of statements"),
    ({"Statement": [stmt(Effect="Permit")]}, "Statement[0].Effect: must be Allow or Deny, not 'Permit'"),
    ({"Statement": [stmt(Principal=None)]}, "Statement[0]: a bucket policy statement needs Principal or "
                                            "NotPrincipal"),
    ({"Statement": [stmt(NotAction="s3:Put*")]}, "Statement[0]: give either Action or NotAction, not both"),
    ({"Statement": [stmt(Principal={"Users": "x"})]}, "Statement[0].Principal: unknown principal type 'Users'"),
    ({"Statement": [stmt(Condition={"NumericLessThan": {"s3:max-keys": "10"}})]},
     "Statement[0].Condition.NumericLessThan: condition operator not emulated"),
    ({"Statement": [stmt(Condition={"ForAnyValue:StringEquals": {"aws:TagKeys": "a"}})]},
     "Statement[0].Condition.ForAnyValue:StringEquals: the ForAnyValue/ForAllValues qualifiers are not emulated"),
    ({"Statement": [stmt(Condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/99"}})]},
     "Statement[0].Condition.IpAddress.aws:SourceIp: '10.0.0.0/99' is not an IP address or CIDR range"),
    ({"Version": "2020-01-01", "Statement": [stmt()]}, "Version: '2020-01-01' is not a policy language version"),
    ({"Statement": [stmt(Actions="s3:*")]}, "Statement[0]: unknown element 'Actions'"),
])
def test_problems_are_reported(document: object, problem: str) -> None:
    _, problems = parse(document)
    assert any(p.startswith(problem) for p in problems), problems


def test_every_problem_at_once() -> None:
    _, problems = parse({"Statement": [stmt(Effect="Permit"), stmt(Principal={"Users": "x"})]})
    assert len(problems) == 2
