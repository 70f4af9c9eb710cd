"""One request against a bucket policy: explicit Deny, else Allow, else the implicit deny.

A statement applies when its principal, action and resource elements all match and every condition holds
(IAM User Guide, "Policy evaluation logic"; Amazon S3 User Guide, "How Amazon S3 authorizes a request").
The decision names the statement that decided, and for an implicit deny the nearest miss: the Allow
statement whose principal, action and resource matched but whose condition did not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from emulator.origins.s3_policy.conditions import glob_match, holds
from emulator.origins.s3_policy.document import Condition, Policy, Principals, Statement

CLOUDFRONT_SERVICE = "cloudfront.amazonaws.com"


@dataclass(frozen=True)
class Principal:
    """Who is asking, as policies name it: (principal type, identifier) pairs; none for an anonymous caller."""

    names: tuple[tuple[str, str], ...]
    label: str  # how messages name it

    @classmethod
    def anonymous(cls) -> Principal:
        return cls((), "an anonymous principal")

    @classmethod
    def service(cls, name: str = CLOUDFRONT_SERVICE) -> Principal:
        return cls((("Service", name),), f"principal {name}")

    @classmethod
    def origin_access_identity(cls, oai_id: str, canonical_user: str) -> Principal:
        # AWS: a policy may name an OAI by its ARN or by its S3 canonical user ID (CloudFront Developer Guide,
        # "Restricting access to an Amazon S3 origin", legacy origin access identity).
        arn = f"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity {oai_id}"
        return cls((("AWS", arn), ("CanonicalUser", canonical_user)), f"principal {arn}")

    def named_by(self, element: Principals) -> bool:
        if element.everyone:
            return True
        for kind, values in element.values:
            if kind == "AWS" and "*" in values:
                return True  # "AWS": "*" is everyone, anonymous callers included
            wanted = {v.lower() if kind == "Service" else v for v in values}
            if any(k == kind and (v.lower() if kind == "Service" else v) in wanted for k, v in self.names):
                return True
        return False


@dataclass(frozen=True)
class RequestContext:
    principal: Principal
    action: str  # s3:GetObject, s3:ListBucket, ...
    resource: str  # arn:aws:s3:::bucket/key or arn:aws:s3:::bucket
    keys: tuple[tuple[str, str], ...] = ()  # condition keys, e.g. (aws:SourceArn, arn:aws:cloudfront::...)

    @property
    def key_map(self) -> Mapping[str, str]:
        return {k.lower(): v for k, v in self.keys}

    def who(self) -> str:
        shown = [f"{k} {v}" for k, v in self.keys if k.lower() in ("aws:sourcearn",)]
        return self.principal.label + (f" with {', '.join(shown)}" if shown else "")


class Effect(Enum):
    ALLOW = "allow"
    EXPLICIT_DENY = "explicit deny"
    IMPLICIT_DENY = "implicit deny"


@dataclass(frozen=True)
class Decision:
    effect: Effect
    statement: str | None  # the statement that decided (None for an implicit deny)
    explanation: str

    @property
    def allowed(self) -> bool:
        return self.effect is Effect.ALLOW


def _principal_matches(s: Statement, p: Principal) -> bool:
    if s.principal is not None:
        return p.named_by(s.principal)
    return s.not_principal is not None and not p.named_by(s.not_principal)


def _matches(patterns: tuple[str, ...], not_patterns: tuple[str, ...], value: str, *, ignore_case: bool) -> bool:
    if patterns:
        return any(glob_match(p, value, ignore_case=ignore_case) for p in patterns)
    return bool(not_patterns) and not any(glob_match(p, value, ignore_case=ignore_case) for p in not_patterns)


def _targets(s: Statement, ctx: RequestContext) -> bool:
    """Principal, action (case-insensitive) and resource (case-sensitive) elements all match."""
    return (_principal_matches(s, ctx.principal)
            and _matches(s.actions, s.not_actions, ctx.action, ignore_case=True)
            and _matches(s.resources, s.not_resources, ctx.resource, ignore_case=False))


def _failed(s: Statement, keys: Mapping[str, str]) -> Condition | None:
    return next((c for c in s.conditions if not holds(c, keys)), None)


def _why_not(c: Condition, ctx: RequestContext, keys: Mapping[str, str]) -> str:
    wanted = c.values[0] if len(c.values) == 1 else f"any of {', '.join(c.values)}"
    actual = keys.get(c.key)
    name = next((k for k, _ in ctx.keys if k.lower() == c.key), c.key)
    got = f"the request's {name} is {actual}" if actual is not None else f"the request has no {name}"
    return f"its condition {c.operator}{'IfExists' if c.if_exists else ''} {name} {wanted} does not hold: {got}"


def evaluate(policy: Policy, ctx: RequestContext) -> Decision:
    keys = ctx.key_map
    applicable = [s for s in policy.statements if _targets(s, ctx)]
    allowed: Statement | None = None
    near_miss: tuple[Statement, Condition] | None = None
    for s in applicable:
        failed = _failed(s, keys)
        if failed is None and s.effect == "Deny":
            return Decision(Effect.EXPLICIT_DENY, s.name, f"statement '{s.name}' denies {ctx.action} on "
                            f"{ctx.resource} for {ctx.who()}")
        if failed is None and allowed is None:
            allowed = s
        elif failed is not None and s.effect == "Allow" and near_miss is None:
            near_miss = (s, failed)
    if allowed is not None:
        return Decision(Effect.ALLOW, allowed.name, f"statement '{allowed.name}' allows {ctx.action} on "
                        f"{ctx.resource} for {ctx.who()}")
    text = f"no statement allows {ctx.action} on {ctx.resource} for {ctx.who()}"
    if near_miss is not None:
        text += f" (statement '{near_miss[0].name}' would, but {_why_not(near_miss[1], ctx, keys)})"
    return Decision(Effect.IMPLICIT_DENY, None, text)
