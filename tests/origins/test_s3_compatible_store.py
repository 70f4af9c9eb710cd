"""An S3 origin resolved to a real S3-compatible server (moto's, with its authentication on): the edge's SigV4
signature under an origin access control is accepted, an unsigned or wrongly signed request is refused by the
server itself, and the server's own answers (ETag, ranges, 404/403 XML) pass through."""

from __future__ import annotations

import hashlib
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import boto3
import pytest
from moto.server import ThreadedMotoServer

from tests.helpers import run_edge

BUCKET_HOST = "site-bucket.s3.us-east-1.amazonaws.com"
BODY = b"<h1>served by moto</h1>"


@pytest.fixture(scope="module")
def store() -> Iterator[tuple[int, str, str]]:
    """A moto server on a loopback port with authentication on, seeded as the compose example's one-shot step
    does: an IAM user with s3:* and its access key, then the bucket and an object written with that key."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    port = server.get_host_and_port()[1]
    url = f"http://127.0.0.1:{port}"
    # moto's server mode: the next 3 actions (the IAM set-up) run without credentials, every later one is checked.
    urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset-auth", data=b"3", method="POST",
                                                  headers={"Content-Type": "text/plain"}), timeout=10).read()
    iam = boto3.client("iam", endpoint_url=url, region_name="us-east-1", aws_access_key_id="seed",
                       aws_secret_access_key="seed")
    iam.create_user(UserName="frontyard")
    key = iam.create_access_key(UserName="frontyard")["AccessKey"]
    iam.put_user_policy(UserName="frontyard", PolicyName="s3", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
    s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key["AccessKeyId"],
                      aws_secret_access_key=key["SecretAccessKey"])
    s3.create_bucket(Bucket="site-bucket")
    s3.put_object(Bucket="site-bucket", Key="index.html", Body=BODY, ContentType="text/html")
    try:
        yield port, key["AccessKeyId"], key["SecretAccessKey"]
    finally:
        server.stop()


def config(port: int, key: str, secret: str, *, oac: bool = True) -> str:
    access = "origin_access_control_id: site-oac" if oac else ""
    return f"""\
origin_access_controls:
  site-oac: {{signing_behavior: always, signing_protocol: sigv4, origin_type: s3}}
distribution:
  id: E2MOTO
  origins:
    - id: store
      domain_name: {BUCKET_HOST}
      s3_origin: {{}}
      {access}
  default_cache_behavior: {{target_origin_id: store, cache_policy: Managed-CachingDisabled}}
emulator:
  resolve: {{{BUCKET_HOST}: 127.0.0.1:{port}}}
  aws_credentials: {{access_key_id: {key}, secret_access_key: {secret}}}
"""


def code(body: bytes) -> str | None:
    return ElementTree.fromstring(body).findtext("Code")


async def test_signed_requests_are_served_with_the_stores_own_answers(tmp_path: Path,
                                                                     store: tuple[int, str, str]) -> None:
    async with run_edge(tmp_path, config(*store)) as edge:
        async with edge.request("GET", "/index.html") as r:
            whole = r.status, r.headers["ETag"], r.headers["Content-Type"], await r.read()
        async with edge.request("GET", "/index.html", headers={"Range": "bytes=4-9"}) as r:
            part = r.status, r.headers["Content-Range"], await r.read()
        async with edge.request("GET", "/missing.html") as r:
            missing = r.status, code(await r.read())
    assert whole == (200, f'"{hashlib.md5(BODY).hexdigest()}"', "text/html", BODY)
    assert part == (206, f"bytes 4-9/{len(BODY)}", BODY[4:10])
    assert missing == (404, "NoSuchKey")  # the key has s3:* on the bucket, ListBucket included


async def test_wrongly_signed_requests_are_refused_by_the_store(tmp_path: Path,
                                                                store: tuple[int, str, str]) -> None:
    port, key, _ = store
    async with run_edge(tmp_path, config(port, key, "not-the-secret")) as edge:
        async with edge.request("GET", "/index.html") as r:
            assert (r.status, code(await r.read())) == (403, "SignatureDoesNotMatch")


async def test_unsigned_requests_are_refused_by_the_store(tmp_path: Path, store: tuple[int, str, str]) -> None:
    async with run_edge(tmp_path, config(*store, oac=False)) as edge:
        async with edge.request("GET", "/index.html") as r:
            status, body = r.status, await r.read()
    assert status == 403 and BODY not in body
