"""The S3 mock with a bucket policy behind a real edge: origin access control signing, the policy's decision,
S3's XML errors, and the deciding statement in the trace (CloudFront Developer Guide, "Restricting access to an
Amazon S3 origin"; Amazon S3 API Reference, GetObject permissions)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.helpers import Edge, run_edge

DIST = "arn:aws:cloudfront::123456789012:distribution/E2LOCAL"
OTHER = "arn:aws:cloudfront::123456789012:distribution/E9OTHER"
OAI = "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1OAI"


@pytest.fixture(autouse=True)
def local_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)  # the edge signs with frontyard's fixed local credentials


def oac_statement(source_arn: str = DIST, actions: object = "s3:GetObject", sid: str = "AllowCloudFront",
                  resource: object = "arn:aws:s3:::site-bucket/*") -> dict[str, object]:
    return {"Sid": sid, "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"},
            "Action": actions, "Resource": resource,
            "Condition": {"StringEquals": {"AWS:SourceArn": source_arn}}}


def config(*statements: dict[str, object], access: str = "origin_access_control_id: site-oac") -> str:
    policy = json.dumps({"Version": "2012-10-17", "Statement": list(statements)})
    return f"""\
origin_access_controls:
  site-oac: {{signing_behavior: always, signing_protocol: sigv4, origin_type: s3}}
distribution:
  id: E2LOCAL
  origins:
    - id: bucket
      domain_name: site-bucket.s3.us-east-1.amazonaws.com
      {access}
      mock: {{type: s3, root: bucket, bucket_policy: {policy}}}
  default_cache_behavior: {{target_origin_id: bucket, cache_policy: Managed-CachingDisabled}}
"""


@asynccontextmanager
async def edge_for(tmp_path: Path, text: str) -> AsyncIterator[Edge]:
    (tmp_path / "bucket").mkdir(exist_ok=True)
    (tmp_path / "bucket" / "index.html").write_text("<h1>home</h1>")
    async with run_edge(tmp_path, text) as edge:
        yield edge


async def fetch(edge: Edge, path: str) -> tuple[int, str, list[str]]:
    """Status, body and the trace's origin-access lines of one request over the viewer socket."""
    assert edge.server is not None
    entries = edge.server.history.subscribe()  # the entry arrives once the viewer has its answer: no polling
    async with edge.request("GET", path) as r:
        status, body = r.status, await r.text()
    entry = await entries.get()
    edge.server.history.unsubscribe(entries)
    assert entry is not None
    return status, body, [f"{d.outcome}: {d.detail}" for d in entry.trace.decisions if d.stage == "origin-access"]


def code(body: str) -> str:
    return ElementTree.fromstring(body).findtext("Code") or ""


async def test_oac_with_a_matching_policy_is_served(tmp_path: Path) -> None:
    async with edge_for(tmp_path, config(oac_statement())) as edge:
        status, body, trace = await fetch(edge, "/index.html")
    assert (status, body) == (200, "<h1>home</h1>")
    assert trace[0].startswith("bucket: signed with SigV4 by origin access control 'site-oac' (signing_behavior "
                               "always): service s3, region us-east-1, Host site-bucket.s3.us-east-1.amazonaws.com")
    assert trace[1] == ("bucket: statement 'AllowCloudFront' allows s3:GetObject on arn:aws:s3:::site-bucket/"
                        f"index.html for principal cloudfront.amazonaws.com with aws:SourceArn {DIST}")


async def test_a_policy_naming_another_distribution_is_access_denied(tmp_path: Path) -> None:
    async with edge_for(tmp_path, config(oac_statement(OTHER))) as edge:
        status, body, trace = await fetch(edge, "/index.html")
    assert (status, code(body)) == (403, "AccessDenied")
    assert trace[1] == (
        "bucket: no statement allows s3:GetObject on arn:aws:s3:::site-bucket/index.html for principal "
        f"cloudfront.amazonaws.com with aws:SourceArn {DIST} (statement 'AllowCloudFront' would, but its condition "
        f"StringEquals aws:SourceArn {OTHER} does not hold: the request's aws:SourceArn is {DIST})")


@pytest.mark.parametrize(("statements", "status", "error", "said"), [
    ([oac_statement()], 403, "AccessDenied", "no statement allows s3:ListBucket on arn:aws:s3:::site-bucket"),
    ([oac_statement(actions=["s3:GetObject", "s3:ListBucket"],
                    resource=["arn:aws:s3:::site-bucket", "arn:aws:s3:::site-bucket/*"])],
     404, "NoSuchKey", "statement 'AllowCloudFront' allows s3:ListBucket on arn:aws:s3:::site-bucket"),
])
async def test_a_missing_key_is_404_only_with_list_bucket(tmp_path: Path, statements: list[dict[str, object]],
                                                         status: int, error: str, said: str) -> None:
    async with edge_for(tmp_path, config(*statements)) as edge:
        got_status, body, trace = await fetch(edge, "/missing.html")
    assert (got_status, code(body)) == (status, error)
    assert said in trace[-1] and trace[-1].startswith("bucket: the key does not exist, and ")


async def test_an_oai_policy_refuses_oac_requests(tmp_path: Path) -> None:
    oai_only = {"Sid": "LegacyOAI", "Effect": "Allow", "Principal": {"AWS": OAI}, "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::site-bucket/*"}
    async with edge_for(tmp_path, config(oai_only)) as edge:
        status, body, trace = await fetch(edge, "/index.html")
    assert (status, code(body)) == (403, "AccessDenied")
    assert trace[1].startswith("bucket: no statement allows s3:GetObject on arn:aws:s3:::site-bucket/index.html for "
                               "principal cloudfront.amazonaws.com")
    async with edge_for(tmp_path, config(oai_only, access="s3_origin: {origin_access_identity: "
                                                          "origin-access-identity/cloudfront/E1OAI}")) as edge:
        status, _, trace = await fetch(edge, "/index.html")
    assert status == 200
    assert trace == ["bucket: signed as origin access identity E1OAI: service s3, region us-east-1, Host "
                     "site-bucket.s3.us-east-1.amazonaws.com, access key AKIAFRONTYARDLOCAL00 from frontyard's local "
                     "credentials",
                     f"bucket: statement 'LegacyOAI' allows s3:GetObject on arn:aws:s3:::site-bucket/index.html for "
                     f"principal {OAI}"]


async def test_without_origin_access_the_request_is_anonymous(tmp_path: Path) -> None:
    public = {"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::site-bucket/*"}
    async with edge_for(tmp_path, config(oac_statement(), access="s3_origin: {}")) as edge:
        status, body, trace = await fetch(edge, "/index.html")
    assert (status, code(body)) == (403, "AccessDenied")
    assert trace == ["bucket: no statement allows s3:GetObject on arn:aws:s3:::site-bucket/index.html for an "
                     "anonymous principal"]
    async with edge_for(tmp_path, config(public, access="s3_origin: {}")) as edge:
        status, _, _ = await fetch(edge, "/index.html")
    assert status == 200


async def test_an_explicit_deny_wins_and_is_named(tmp_path: Path) -> None:
    deny = {"Sid": "DenyDrafts", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": "arn:aws:s3:::site-bucket/drafts/*"}
    (tmp_path / "bucket" / "drafts").mkdir(parents=True)
    (tmp_path / "bucket" / "drafts" / "a.html").write_text("draft")
    async with edge_for(tmp_path, config(oac_statement(), deny)) as edge:
        status, body, trace = await fetch(edge, "/drafts/a.html")
        served, _, _ = await fetch(edge, "/index.html")
    assert (status, code(body), served) == (403, "AccessDenied", 200)
    assert trace[1] == ("bucket: statement 'DenyDrafts' denies s3:GetObject on arn:aws:s3:::site-bucket/drafts/"
                        f"a.html for principal cloudfront.amazonaws.com with aws:SourceArn {DIST}")


async def test_signing_behavior_never_sends_anonymous_requests(tmp_path: Path) -> None:
    text = config(oac_statement()).replace("signing_behavior: always", "signing_behavior: never")
    async with edge_for(tmp_path, text) as edge:
        status, _, trace = await fetch(edge, "/index.html")
    assert status == 403
    assert trace[0] == "bucket: origin access control 'site-oac' has signing_behavior never: not signed"
    assert "an anonymous principal" in trace[1]


async def test_no_override_passes_the_viewers_authorization_which_s3_checks(tmp_path: Path) -> None:
    # OriginAccessControlConfig, no-override: "If the viewer request contains the Authorization header, then
    # CloudFront doesn't sign the origin request and instead passes along the Authorization header".
    text = config(oac_statement()).replace("signing_behavior: always", "signing_behavior: no-override")
    text = text.replace("cache_policy: Managed-CachingDisabled", "cache_policy: keyed") + (
        "cache_policies:\n  keyed: {min_ttl: 0, default_ttl: 0, max_ttl: 1, "
        "headers: {behavior: whitelist, items: [Authorization]}}\n")
    async with edge_for(tmp_path, text) as edge:
        signed_status, _, signed_trace = await fetch(edge, "/index.html")
        assert edge.server is not None
        entries = edge.server.history.subscribe()
        viewer_auth = "AWS4-HMAC-SHA256 Credential=AKIAVIEWER0000000000/20260101/us-east-1/s3/aws4_request, " \
                      "SignedHeaders=host, Signature=" + "0" * 64
        async with edge.request("GET", "/index.html?v=2", headers={"Authorization": viewer_auth}) as r:
            status, body = r.status, await r.text()
        entry = await entries.get()
    assert signed_status == 200 and signed_trace[0].startswith("bucket: signed with SigV4")
    assert (status, code(body)) == (403, "InvalidAccessKeyId")
    assert entry is not None
    lines = [d.detail for d in entry.trace.decisions if d.stage == "origin-access"]
    assert lines[0].startswith("origin access control 'site-oac' has signing_behavior no-override and the viewer's "
                               "Authorization header is forwarded: not signed")
    assert lines[1] == "the signature is refused (InvalidAccessKeyId): access key AKIAVIEWER0000000000 is not the " \
                       "one this origin knows"


async def test_a_backtracking_wildcard_against_a_long_key_is_answered(tmp_path: Path) -> None:
    # A Resource of many `*`s and a viewer's key of 4000 `a`s: decided at once (a regex would spin the loop).
    async with edge_for(tmp_path, config(oac_statement(resource="arn:aws:s3:::site-bucket/" + "*a" * 25 + "b")))\
            as edge:
        status, body, trace = await fetch(edge, "/" + "a" * 4000)
        assert (status, code(body)) == (403, "AccessDenied")
        assert trace[1].startswith("bucket: no statement allows s3:GetObject on arn:aws:s3:::site-bucket/aaaa")
