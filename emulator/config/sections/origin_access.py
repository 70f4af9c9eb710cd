"""Loading origin access: `origin_access_controls`, an origin's `origin_access_control_id` and OAI, and the AWS
account and credentials (`emulator.account_id`, `emulator.aws_credentials`) origin requests are signed with."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import replace

from emulator.config import keys as config_keys
from emulator.config.model import MockSpec
from emulator.config.model.access import (
    LOCAL_ACCOUNT,
    AwsIdentity,
    OriginAccessControl,
    OriginType,
    SigningBehavior,
    bucket_of,
    oai_id,
)
from emulator.config.reader import Report, Section
from emulator.config.yamlsrc import Path as TreePath

_ACCOUNT = re.compile(r"^\d{12}$")
_DISTRIBUTION_ARN = re.compile(r"^arn:aws[a-z-]*:cloudfront::\d{12}:distribution/[A-Za-z0-9_.-]+$")


def load_distribution_arn(r: Report, s: Section) -> str | None:
    arn = s.str("arn")
    if arn is not None and not _DISTRIBUTION_ARN.match(arn):
        r.error(s.at("arn"), f"'{arn}' is not a distribution ARN", "arn:aws:cloudfront::ACCOUNT:distribution/ID")
        return None
    return arn


def load_access_controls(r: Report, top: Section) -> dict[str, OriginAccessControl]:
    """`origin_access_controls`: id -> how CloudFront signs for the origins naming it."""
    s = top.section("origin_access_controls")
    out: dict[str, OriginAccessControl] = {}
    for oac_id in (s.data if s is not None else {}):
        assert s is not None
        c = s.section(oac_id)
        if c is None:
            continue
        c.check_keys(config_keys.names(config_keys.ORIGIN_ACCESS_CONTROL))
        name = c.str("name", str(oac_id)) or str(oac_id)
        if len(name) > 64:
            r.error(c.at("name"), f"'{name[:20]}...' has {len(name)} characters", "at most 64 characters")
        if (protocol := c.str("signing_protocol", "sigv4")) != "sigv4":
            r.error(c.at("signing_protocol"), f"'{protocol}' is not a signing protocol", "sigv4")
        behavior = c.enum("signing_behavior", SigningBehavior, SigningBehavior.ALWAYS) or SigningBehavior.ALWAYS
        origin_type = c.enum("origin_type", OriginType, OriginType.S3) or OriginType.S3
        out[str(oac_id)] = OriginAccessControl(id=str(oac_id), signing_behavior=behavior, origin_type=origin_type,
                                               location=c.location)
    return out


_FUNCTION_URL = re.compile(r"\.lambda-url\.[a-z0-9-]+\.on\.aws$")


def _undefined_type(domain: str, mock: MockSpec | None) -> tuple[OriginType, str]:
    """The origin type an OAC defined outside an imported source is taken to have, and why: lambda for a function
    URL (its `*.lambda-url.REGION.on.aws` domain, or the lambda-url mock serving it), else s3."""
    if mock is not None and mock.type == "lambda-url":
        return OriginType.LAMBDA, "the origin is served by a lambda-url mock"
    if _FUNCTION_URL.search(domain.lower()):
        return OriginType.LAMBDA, f"{domain} is a Lambda function URL"
    return OriginType.S3, ""


def load_origin_access(r: Report, s: Section, controls: Mapping[str, OriginAccessControl], domain: str = "",
                       mock: MockSpec | None = None) -> tuple[OriginAccessControl | None, str | None]:
    """An origin's (origin access control, OAI id). In frontyard's YAML an OAC id that `origin_access_controls`
    does not define is an error (its origin type decides how requests are signed). An imported source may name one
    made outside it (a literal id, a parameter): taken as the usual one (always sign, SigV4), with a warning, its
    origin type lambda for a function URL origin and s3 otherwise."""
    control = None
    if (oac := s.str("origin_access_control_id")) not in (None, ""):
        assert oac is not None
        control = controls.get(oac)
        if control is None and not r.imported:
            r.error(s.at("origin_access_control_id"), f"no origin access control '{oac}' under "
                    "origin_access_controls", f"one of: {', '.join(sorted(controls)) or '(none defined)'}")
        elif control is None:
            origin_type, why = _undefined_type(domain, mock)
            r.warn(s.at("origin_access_control_id"), f"origin access control '{oac}' is not defined under "
                   f"origin_access_controls: taken as signing_behavior always, origin_type {origin_type}"
                   + (f" ({why})" if why else ""))
            control = OriginAccessControl(id=oac, declared=False, origin_type=origin_type,
                                          location=r.loc(s.at("origin_access_control_id")))
    identity = None
    s3 = s.data.get("s3_origin")
    if isinstance(s3, dict) and s3.get("origin_access_identity") not in (None, ""):
        value = Section(r, s.at("s3_origin"), s3).str("origin_access_identity") or ""
        identity = oai_id(value) or None
        if control is not None and identity is not None:
            # CloudFront refuses an origin with both (the API's IllegalOriginAccessConfiguration).
            r.error(s.at("origin_access_control_id"), "an origin has either an origin access control or an origin "
                    "access identity, not both", "origin_access_control_id, or s3_origin.origin_access_identity")
    return control, identity


def load_aws_identity(r: Report, s: Section | None) -> AwsIdentity:
    """`emulator.account_id` and `emulator.aws_credentials`; credentials fall back to the usual AWS_* environment
    variables, then to fixed local ones."""
    account = (s.str("account_id", LOCAL_ACCOUNT) if s is not None else None) or LOCAL_ACCOUNT
    if not _ACCOUNT.match(account):
        assert s is not None
        r.error(s.at("account_id"), f"'{account}' is not an AWS account id", "12 digits")
        account = LOCAL_ACCOUNT
    c = s.section("aws_credentials") if s is not None else None
    if c is not None:
        c.check_keys(config_keys.names(config_keys.AWS_CREDENTIALS))
        key, secret = c.str("access_key_id", required=True), c.str("secret_access_key", required=True)
        if key and secret:
            return AwsIdentity(account_id=account, access_key_id=key, secret_access_key=secret,
                               session_token=c.str("session_token"), source="emulator.aws_credentials")
        return AwsIdentity(account_id=account)
    key, secret = os.environ.get("AWS_ACCESS_KEY_ID"), os.environ.get("AWS_SECRET_ACCESS_KEY")
    if key and secret:
        return AwsIdentity(account_id=account, access_key_id=key, secret_access_key=secret,
                           session_token=os.environ.get("AWS_SESSION_TOKEN") or None,
                           source="the AWS_ACCESS_KEY_ID environment variable")
    return AwsIdentity(account_id=account)


def load_bucket_policies(r: Report, top: Section) -> dict[str, tuple[dict[str, object], TreePath]]:
    """`bucket_policies`: bucket name -> its policy document (what importers carry from AWS::S3::BucketPolicy and
    aws_s3_bucket_policy), and where it was given."""
    s = top.section("bucket_policies")
    out: dict[str, tuple[dict[str, object], TreePath]] = {}
    for bucket, document in (s.data if s is not None else {}).items():
        assert s is not None
        if not isinstance(document, dict):
            r.error(s.at(bucket), "must be a policy document (a mapping with a Statement list)")
            continue
        out[str(bucket)] = (document, s.at(bucket))
    return out


def with_bucket_policy(r: Report, mock: MockSpec | None, domain: str,
                       policies: Mapping[str, tuple[dict[str, object], TreePath]],
                       checked: set[str]) -> MockSpec | None:
    """A bucket mock without a `bucket_policy` of its own takes its bucket's from `bucket_policies`; a policy's
    problems are reported once (`checked`: the buckets already reported), however many origins share the bucket."""
    schema = r.engines.mock_types.get(mock.type) if mock is not None else None
    if mock is None or schema is None or "bucket_policy" not in schema.options or \
            mock.option("bucket_policy") is not None or (found := policies.get(bucket_of(domain))) is None:
        return mock
    document, path = found
    if mock.option("list") is not None:
        r.warn(path, f"the mock of {domain} sets 'list', so it serves without this bucket policy")
        return mock
    options = {**dict(mock.options), "bucket_policy": document}
    if bucket_of(domain) not in checked:
        checked.add(bucket_of(domain))
        for _, message in schema.problems(options):
            r.error(path, message)
    return replace(mock, options=tuple(options.items()))
