"""Origin access from the sources: origin access controls, origin access identities and bucket policies, so an
imported bucket origin given only `{mock: {type: s3, root: ./dir}}` in the overlay is served under the
template's own policy, signed as the distribution's OAC.

What AWS assigns at deploy gets the stable local values the references to it already resolve to: an OAC's or
OAI's id (the importers' fake E... ids), an OAI's S3 canonical user id, and the distribution's ARN (its fake id,
the account the template's ${AWS::AccountId} resolves to), which a CDK-generated policy names in aws:SourceArn.
"""

from __future__ import annotations

import hashlib
import json

from emulator.config.importers.intrinsics import ACCOUNT
from emulator.config.importers.located import N
from emulator.config.importers.tf_values import raise_issue
from emulator.config.model.access import oai_canonical_user
from emulator.issues import ConfigIssue, Location, Severity

# CloudFormation OriginAccessControlConfig and Terraform aws_cloudfront_origin_access_control -> ours.
_OAC_FIELDS = {"Name": "name", "SigningBehavior": "signing_behavior", "SigningProtocol": "signing_protocol",
               "OriginAccessControlOriginType": "origin_type", "Description": "description",
               "name": "name", "signing_behavior": "signing_behavior", "signing_protocol": "signing_protocol",
               "origin_access_control_origin_type": "origin_type", "description": "description"}


class OriginAccess:
    """What one import gathers: OACs by id, bucket policies by bucket."""

    def __init__(self, issues: list[ConfigIssue]) -> None:
        self.issues = issues
        self.controls: dict[str, N] = {}
        self.policies: dict[str, N] = {}
        self.arns: dict[str, str] = {}  # distribution id in the tree -> its ARN

    def control(self, oac_id: str, config: N) -> None:
        fields = {_OAC_FIELDS[k]: v for k, v in (config.v.items() if config.is_map else []) if k in _OAC_FIELDS}
        if isinstance(fields.get("origin_type"), N):  # AWS spells it s3 or S3 depending on the tool
            fields["origin_type"] = N(str(fields["origin_type"].v).lower(), fields["origin_type"].loc)
        self.controls[oac_id] = N(fields, config.loc)

    def policy(self, bucket: object, document: N, where: Location | None, field: str) -> None:
        if isinstance(document.v, str):  # Terraform's policy = jsonencode(...) / a heredoc: JSON text
            try:
                document = N(json.loads(document.v), document.loc)
            except (ValueError, RecursionError) as exc:  # RecursionError: nested deeper than the decoder goes
                why = exc if isinstance(exc, ValueError) else "nested too deeply"
                self.issues.append(ConfigIssue(Severity.WARNING, document.loc, field, f"the bucket policy is not "
                                               f"JSON ({why}); not carried"))
                return
        if not isinstance(bucket, str) or not (document.is_map or isinstance(document.v, dict)):
            self.issues.append(ConfigIssue(Severity.WARNING, where, field, "the bucket policy names no bucket or "
                                           "holds no policy frontyard can read; not carried"))
            return
        self.policies[bucket] = document

    def add_to(self, tree: dict[str, object]) -> None:
        if self.controls:
            tree["origin_access_controls"] = self.controls
        if self.policies:
            tree["bucket_policies"] = self.policies


# -- CloudFormation ---------------------------------------------------------------------------------------

def cfn_attribute(kind: str, fake_id: str, attr: str | None) -> object:
    """What Ref / Fn::GetAtt give for an OAI beyond its id (None: not handled here)."""
    if kind == "AWS::CloudFront::CloudFrontOriginAccessIdentity" and attr == "S3CanonicalUserId":
        return oai_canonical_user(fake_id)
    return None


def cfn_resource(access: OriginAccess, kind: str, fake_id: str, props: N, resolve: object) -> bool:
    """Gather an OAC or a bucket policy (True when the resource was one of those). `resolve`: the resolver's."""
    if kind == "AWS::CloudFront::OriginAccessControl":
        access.control(fake_id, resolve(props.get("OriginAccessControlConfig") or N({}, props.loc)))  # type: ignore[operator]
        return True
    if kind == "AWS::S3::BucketPolicy":
        resolved = resolve(props)  # type: ignore[operator]
        bucket = resolved.get("Bucket")
        access.policy(bucket.plain() if bucket is not None else None,
                      resolved.get("PolicyDocument") or N(None, props.loc), props.loc, "AWS::S3::BucketPolicy")
        return True
    return False


def cfn_distribution_arns(distributions: list[N], fake_id: object, account: str) -> None:
    """Each imported distribution's ARN, with the id Ref/GetAtt give it (so a policy naming it matches)."""
    for d in distributions:
        name = d.get("id")
        if name is not None and isinstance(name.v, str):
            d.v["arn"] = N(f"arn:aws:cloudfront::{account}:distribution/{fake_id(name.v)}", d.loc)  # type: ignore[operator,index]


# -- Terraform --------------------------------------------------------------------------------------------

def tf_fake_id(label: str) -> str:
    """The id Terraform references to a CloudFront resource resolve to (terraform.py's `id` attribute)."""
    return "E" + hashlib.sha256(label.encode()).hexdigest()[:13].upper()


def _tf_id(kind: str, name: str, body: N) -> str:
    """A state's real id, else the one references resolve to in a module."""
    given = body.get("id")
    return str(given.v) if given is not None and isinstance(given.v, str) and given.v else tf_fake_id(f"{kind}.{name}")


def tf_resource(access: OriginAccess, kind: str, name: str, body: N, loc: Location | None) -> None:
    """Gather an OAC or a bucket policy, note a distribution's ARN."""
    if kind == "aws_cloudfront_distribution":
        given = body.get("arn")
        access.arns[name] = str(given.v) if given is not None and isinstance(given.v, str) and given.v else \
            f"arn:aws:cloudfront::{ACCOUNT}:distribution/{_tf_id(kind, name, body)}"
    elif kind == "aws_cloudfront_origin_access_control":
        access.control(_tf_id(kind, name, body), body)
    elif kind == "aws_s3_bucket_policy":
        bucket = body.get("bucket")
        access.policy(bucket.plain() if bucket is not None else None, body.get("policy") or N(None, loc), loc,
                      f"{kind}.{name}")


def tf_distribution_arns(access: OriginAccess, distributions: list[N]) -> None:
    for d in distributions:
        name = d.get("id")
        if name is not None and isinstance(name.v, str) and name.v in access.arns:
            d.v["arn"] = N(access.arns[name.v], d.loc)  # type: ignore[index]


def _listed(n: N | None) -> list[object] | None:
    value = n.plain() if n is not None else None
    return value if isinstance(value, list) else None if value is None else [value]


def _principals(blocks: N | None) -> object:
    out: dict[str, list[object]] = {}
    for b in blocks.v if blocks is not None and isinstance(blocks.v, list) else []:
        kind, ids = b.get("type"), _listed(b.get("identifiers")) or []
        if kind is not None and kind.v == "*":
            return "*"
        if kind is not None:
            out.setdefault(str(kind.v), []).extend(ids)
    return out


def iam_policy_document(body: N) -> str:
    """data "aws_iam_policy_document" -> the JSON its `json` attribute holds (statement, principals, condition
    blocks; what a bucket policy written this way uses)."""
    statements = []
    for s in body.get("statement").v if body.get("statement") is not None else []:  # type: ignore[union-attr]
        out: dict[str, object] = {"Effect": (s.get("effect").plain() if s.get("effect") else None) or "Allow"}
        if s.get("sid") is not None:
            out["Sid"] = s.get("sid").plain()
        for field, key in (("actions", "Action"), ("not_actions", "NotAction"), ("resources", "Resource"),
                           ("not_resources", "NotResource")):
            if (values := _listed(s.get(field))) is not None:
                out[key] = values
        for field, key in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
            if s.get(field) is not None:
                out[key] = _principals(s.get(field))
        conditions: dict[str, dict[str, object]] = {}
        for c in s.get("condition").v if s.get("condition") is not None else []:
            conditions.setdefault(str(c.get("test").plain()), {})[str(c.get("variable").plain())] = \
                _listed(c.get("values")) or []
        if conditions:
            out["Condition"] = conditions
        statements.append(out)
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def known_policy_json(body: N) -> str:
    """A policy document's JSON; a value in it that failed or is known only after apply is raised, as a reference
    to any such value is."""
    pending: list[object] = [body]
    while pending:
        v = pending.pop()
        v = v.v if isinstance(v, N) else v
        raise_issue(v)
        pending += list(v.values()) if isinstance(v, dict) else v if isinstance(v, list) else []
    return iam_policy_document(body)
