"""Mock origins behind a real edge, configured in YAML as a user would (AWS: "Generate custom error responses",
"Troubleshooting error responses from your origin")."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp
import pytest

from tests.helpers import run_edge
from tests.origins.mocks.support import SECRET, make_bucket

CONFIG = """\
distribution:
  origins:
    - id: bucket
      domain_name: bucket.s3.us-east-1.amazonaws.com
      s3_origin: {}
      mock: {type: s3, root: bucket}
    - id: site
      domain_name: site.s3-website-us-east-1.amazonaws.com
      custom_origin: {protocol_policy: http-only}
      mock: {type: s3-website, root: bucket, error_document: 404.html}
    - id: api
      domain_name: api.example.test
      mock:
        type: response
        status: 404
        headers: {Content-Type: application/json}
        body: '{"message": "no such route"}'
  default_cache_behavior:
    target_origin_id: site
  cache_behaviors:
    - {path_pattern: "/bucket/*", target_origin_id: bucket}
    - {path_pattern: "/api/*", target_origin_id: api}
"""


@pytest.fixture
def bucket(tmp_path: Path) -> Path:
    root = make_bucket(tmp_path)
    (root / "bucket").mkdir()  # the edge does not strip /bucket: the key is bucket/...
    (root / "bucket" / "file.txt").write_bytes(b"0123456789")
    return root


async def test_bucket_through_the_edge(tmp_path: Path, bucket: Path) -> None:
    async with run_edge(tmp_path, CONFIG) as edge:
        async with edge.request("GET", "/bucket/missing.txt") as r:
            denied = r.status, r.headers["Content-Type"], await r.text()
        async with edge.request("GET", "/bucket/file.txt", headers={"Range": "bytes=2-4"}) as r:
            partial = r.status, r.headers["Content-Range"], await r.read()
            etag = r.headers["ETag"]
        async with edge.request("GET", "/bucket/file.txt", headers={"If-None-Match": etag}) as r:
            not_modified = r.status
        async with edge.request("GET", "/bucket/file.txt", headers={"If-Match": '"stale"'}) as r:
            failed = r.status, await r.text()
        async with edge.request("GET", "/bucket/file.txt", headers={"Range": "bytes=10-"}) as r:
            unsatisfiable = r.status, await r.text()
    assert denied[0] == 403 and denied[1] == "application/xml" and "<Code>AccessDenied</Code>" in denied[2]
    assert partial == (206, "bytes 2-4/10", b"234")
    assert not_modified == 304
    assert failed[0] == 412 and "<Code>PreconditionFailed</Code>" in failed[1]
    assert unsatisfiable[0] == 416 and "<Code>InvalidRange</Code>" in unsatisfiable[1]


async def test_listable_bucket_through_the_edge(tmp_path: Path, bucket: Path) -> None:
    config = CONFIG.replace("mock: {type: s3, root: bucket}", "mock: {type: s3, root: bucket, list: true}")
    async with run_edge(tmp_path, config) as edge:
        async with edge.request("GET", "/bucket/missing.txt") as r:
            assert r.status == 404
            assert "<Key>bucket/missing.txt</Key>" in await r.text()


ONE_BUCKET = """\
distribution:
  origins:
    - {{id: bucket, domain_name: bucket.example.test, mock: {{type: {mock}, root: bucket, error_document: 404.html}}}}
  default_cache_behavior: {{target_origin_id: bucket}}
"""


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt",
                                  "/dir/../../secret.txt", "/outside-link.txt", "/outside-dir%2fsecret.txt",
                                  "//{secret}", "/%2f{secret}"])
@pytest.mark.parametrize("mock", ["s3", "s3-website"])
async def test_traversal_through_the_edge_never_reads_outside(tmp_path: Path, bucket: Path, path: str,
                                                              mock: str) -> None:
    """The edge forwards the raw path (CloudFront normalises only to pick a behavior): the mock must hold."""
    config = ONE_BUCKET.format(mock=mock)
    if mock == "s3":
        config = config.replace(", error_document: 404.html", "")
    path = path.replace("{secret}", str(tmp_path / "secret.txt").lstrip("/"))
    async with run_edge(tmp_path, config) as edge:
        async with edge.request("GET", path) as r:
            status, body = r.status, await r.read()
    assert SECRET not in body
    if mock == "s3":
        assert status == 403 and b"<Code>AccessDenied</Code>" in body  # no such key in the bucket
    else:
        assert (status, body) == (404, b"<h1>custom not found</h1>\n")


async def test_website_through_the_edge(tmp_path: Path, bucket: Path) -> None:
    async with run_edge(tmp_path, CONFIG) as edge:
        async with edge.request("GET", "/") as r:
            index = r.status, await r.text()
        async with edge.request("GET", "/dir") as r:
            redirect = r.status, r.headers["Location"]
        async with edge.request("GET", "/dir/") as r:
            sub = r.status, await r.text()
        async with edge.request("GET", "/no/such/page") as r:
            missing = r.status, await r.text()
    assert index == (200, "<h1>home</h1>\n")
    assert redirect == (302, "/dir/")
    assert sub == (200, "<h1>dir</h1>\n")
    assert missing == (404, "<h1>custom not found</h1>\n")


async def test_api_json_404_through_the_edge(tmp_path: Path, bucket: Path) -> None:
    async with run_edge(tmp_path, CONFIG) as edge:
        async with edge.request("GET", "/api/users/7") as r:
            status, ctype, body = r.status, r.headers["Content-Type"], json.loads(await r.read())
    assert (status, ctype, body) == (404, "application/json", {"message": "no such route"})


async def test_https_only_toward_the_website_endpoint_fails_with_502(tmp_path: Path, bucket: Path) -> None:
    config = CONFIG.replace("custom_origin: {protocol_policy: http-only}",
                            "custom_origin: {protocol_policy: https-only}\n      connection_attempts: 1")
    async with run_edge(tmp_path, config) as edge:
        async with edge.request("GET", "/") as r:
            assert r.status == 502
            assert "<H1>502 ERROR</H1>" in await r.text()


FAULTY = """\
distribution:
  origins:
    - id: slow
      domain_name: slow.example.test
      connection_attempts: 1
      custom_origin: {{read_timeout: 1}}
      mock: {{type: {mock}, {faults}}}
  default_cache_behavior:
    target_origin_id: slow
"""


@pytest.mark.parametrize("mock", ["echo", "response, body: late", "s3, root: bucket", "s3-website, root: bucket"])
async def test_delay_first_byte_beyond_read_timeout_gives_504(tmp_path: Path, bucket: Path, mock: str) -> None:
    async with run_edge(tmp_path, FAULTY.format(mock=mock, faults="delay_first_byte: 3")) as edge:
        async with edge.request("GET", "/hello.txt") as r:
            assert r.status == 504
            assert "<H1>504 ERROR</H1>" in await r.text()


async def read_all(edge, path: str) -> tuple[int, bytes, bool]:
    received = b""
    async with edge.request("GET", path) as r:
        try:
            async for chunk in r.content.iter_any():
                received += chunk
        except aiohttp.ClientPayloadError:
            return r.status, received, True
        return r.status, received, False


async def test_delay_between_chunks_beyond_read_timeout_cuts_the_body(tmp_path: Path, bucket: Path) -> None:
    faults = "delay_between_chunks: 3, chunk_size: 4"
    async with run_edge(tmp_path, FAULTY.format(mock="s3, root: bucket", faults=faults)) as edge:
        status, received, cut = await read_all(edge, "/hello.txt")
    assert status == 200 and cut  # headers and a first chunk came in time; the rest did not
    assert received == b"hell"


async def test_drop_after_bytes_gives_a_truncated_body(tmp_path: Path, bucket: Path) -> None:
    async with run_edge(tmp_path, FAULTY.format(mock="s3, root: bucket", faults="drop_after_bytes: 1000")) as edge:
        status, received, cut = await read_all(edge, "/big.bin")
    assert status == 200 and cut
    assert received == (bucket / "big.bin").read_bytes()[:1000]


async def test_mocks_send_only_their_own_server_header(tmp_path: Path, bucket: Path) -> None:
    # CloudFront passes an origin's Server on and adds none: a response mock and an echo mock send no Server (the
    # web framework's "Python/3.x aiohttp/..." must not appear), the S3 mock sends S3's own.
    config = CONFIG.replace("  default_cache_behavior:", """\
    - {id: echo, domain_name: echo.example.test, mock: {type: echo}}
  default_cache_behavior:""").replace('    - {path_pattern: "/api/*", target_origin_id: api}',
                                      '    - {path_pattern: "/api/*", target_origin_id: api}\n'
                                      '    - {path_pattern: "/echo", target_origin_id: echo}')
    async with run_edge(tmp_path, config) as edge:
        servers = {}
        for path in ("/api/x", "/echo", "/bucket/file.txt"):
            async with edge.request("GET", path) as r:
                servers[path] = r.headers.getall("Server", [])
    assert servers == {"/api/x": [], "/echo": [], "/bucket/file.txt": ["AmazonS3"]}
