"""`frontyard validate` warnings about origin access: what CloudFront accepts and S3 then refuses with 403.

- An origin access control on an S3 website endpoint: website endpoints serve only publicly readable content
  and do not take signed requests (Amazon S3 User Guide, "Website endpoints"), so signing gains nothing there.
- A local bucket whose policy would refuse this distribution's requests: it names another distribution in
  aws:SourceArn, names an OAI while the origin signs with an OAC (or the other way round), or grants nothing
  to CloudFront at all. Evaluated as the S3 mock will evaluate them (s3_policy), for the default root object or
  index.html.
- A function URL origin (a `lambda-url` mock) whose auth type and origin access do not fit (Lambda Developer
  Guide, "Control access to Lambda function URLs": with AWS_IAM "Lambda uses AWS Identity and Access Management
  (IAM) to authenticate and authorize requests"; with NONE "Lambda doesn't perform any authentication"): an
  origin access control in front of NONE signs for nothing; AWS_IAM without one (or with one that never signs,
  or signs for another service) answers every request 403.
"""

from __future__ import annotations

from collections.abc import Iterator

from emulator.config.model import Config, Distribution, Origin
from emulator.config.model.access import OriginType, SigningBehavior, bucket_of, oai_canonical_user
from emulator.issues import ConfigIssue, Severity
from emulator.origins.s3_policy import Principal, RequestContext, evaluate, parse


def access_warnings(config: Config, d: Distribution) -> list[ConfigIssue]:
    return [*_website_endpoints(d), *_policies(config, d), *_function_urls(d)]


def _website(origin: Origin) -> bool:
    return ".s3-website" in origin.domain_name or (origin.mock is not None and origin.mock.type == "s3-website")


def _website_endpoints(d: Distribution) -> Iterator[ConfigIssue]:
    for o in d.origins:
        oac = o.access_control
        if oac is None or oac.signing_behavior is SigningBehavior.NEVER or not _website(o):
            continue
        yield ConfigIssue(Severity.WARNING, o.location, f"distribution '{d.id}' origin '{o.id}'",  # type: ignore[arg-type]
                          f"origin access control '{oac.id}' on an S3 website endpoint ({o.domain_name}): website "
                          "endpoints serve only publicly readable objects and do not take signed requests, so the "
                          "bucket must stay public and the signature protects nothing. Fix: use the bucket's REST "
                          "endpoint (bucket.s3.REGION.amazonaws.com) with s3_origin and the OAC, and a "
                          "viewer-request function for index documents")


def _who(config: Config, d: Distribution, o: Origin) -> tuple[Principal, tuple[tuple[str, str], ...], str]:
    aws = config.emulator.aws
    if o.access_identity is not None:
        return Principal.origin_access_identity(o.access_identity, oai_canonical_user(o.access_identity)), (), \
            f"its origin access identity {o.access_identity}"
    if o.access_control is not None and o.access_control.signing_behavior is not SigningBehavior.NEVER:
        arn = d.arn or aws.distribution_arn(d.id)
        return Principal.service(), (("aws:SourceArn", arn), ("aws:SourceAccount", aws.account_id)), \
            f"origin access control '{o.access_control.id}' (aws:SourceArn {arn})"
    return Principal.anonymous(), (), "no origin access (anonymous requests)"


def _policies(config: Config, d: Distribution) -> Iterator[ConfigIssue]:
    for o in d.origins:
        raw = o.mock.option("bucket_policy") if o.mock is not None and o.mock.type == "s3" else None
        if raw is None:
            continue
        policy, problems = parse(raw)
        if problems:
            continue  # the loader reported them
        principal, keys, how = _who(config, d, o)
        key = (d.default_root_object or "index.html").lstrip("/")
        resource = f"arn:aws:s3:::{bucket_of(o.domain_name)}/{key}"
        decision = evaluate(policy, RequestContext(principal, "s3:GetObject", resource, (*keys,
                                                   ("aws:SecureTransport", "true"))))
        if decision.allowed:
            continue
        yield ConfigIssue(Severity.WARNING, o.location, f"distribution '{d.id}' origin '{o.id}'",  # type: ignore[arg-type]
                          f"its bucket_policy refuses this distribution's requests, sent with {how}: "
                          f"{decision.explanation}. Every object answers 403 AccessDenied. Fix: grant s3:GetObject "
                          "to the principal and distribution the origin really uses (for an OAC: Service "
                          "cloudfront.amazonaws.com with AWS:SourceArn this distribution's ARN)")


def _function_url_problem(o: Origin, auth: str) -> str | None:
    oac = o.access_control
    signs = oac is not None and oac.signing_behavior is not SigningBehavior.NEVER
    if auth == "NONE" and oac is not None and signs:
        return (f"origin access control '{oac.id}' signs requests to a function URL whose auth_type is NONE: Lambda "
                "checks no signature there, so the function URL stays public and the signature protects nothing. "
                "Fix: set the function URL's AuthType to AWS_IAM (and grant cloudfront.amazonaws.com "
                "lambda:InvokeFunctionUrl), or drop the origin access control")
    if auth != "AWS_IAM":
        return None
    if oac is None or not signs:
        why = "no origin access control" if oac is None else f"origin access control '{oac.id}' never signs"
        return (f"the function URL's auth_type is AWS_IAM and the origin has {why}: every request is unsigned "
                "and answered 403. Fix: give the origin an origin access control of origin_type lambda")
    if oac.origin_type is not OriginType.LAMBDA:
        return (f"origin access control '{oac.id}' has origin_type {oac.origin_type}, so it signs for the "
                f"{oac.signing_service} service and the function URL (auth_type AWS_IAM) answers every request 403. "
                "Fix: an origin access control of origin_type lambda")
    return None


def _function_urls(d: Distribution) -> Iterator[ConfigIssue]:
    for o in d.origins:
        if o.mock is None or o.mock.type != "lambda-url":
            continue
        problem = _function_url_problem(o, str(o.mock.option("auth_type", "NONE")))
        if problem is not None:
            yield ConfigIssue(Severity.WARNING, o.location, f"distribution '{d.id}' origin '{o.id}'",  # type: ignore[arg-type]
                              problem)
