"""The `s3` (REST endpoint) mock, spoken to directly over a real socket."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.origins.mocks.support import SECRET, make_bucket, serve_mock


def error(body: bytes) -> dict[str, str]:
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>')
    return {child.tag: child.text or "" for child in ElementTree.fromstring(body)}


async def test_get_object_with_s3_headers(tmp_path: Path) -> None:
    root = make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        status, headers, body = await client.get("/hello.txt")
        async with client.request("HEAD", "/hello.txt") as r:
            head_status, head_headers, head_body = r.status, r.headers, await r.read()
    assert status == 200 and body == b"hello world"
    assert headers["ETag"] == f'"{hashlib.md5(b"hello world").hexdigest()}"'
    assert headers["Content-Type"] == "text/plain"
    assert headers["Content-Length"] == "11"
    assert headers["Accept-Ranges"] == "bytes"
    assert headers["Server"] == "AmazonS3"
    assert re.fullmatch(r"[0-9A-F]{16}", headers["x-amz-request-id"])
    assert headers["x-amz-id-2"]
    mtime = int((root / "hello.txt").stat().st_mtime)
    from email.utils import formatdate
    assert headers["Last-Modified"] == formatdate(mtime, usegmt=True)
    assert head_status == 200 and head_body == b""
    assert head_headers["Content-Length"] == "11" and head_headers["ETag"] == headers["ETag"]


async def test_large_object_streams_intact(tmp_path: Path) -> None:
    root = make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        status, headers, body = await client.get("/big.bin")
    assert status == 200 and body == (root / "big.bin").read_bytes()
    assert headers["Content-Type"] == "application/octet-stream"


async def test_unknown_extension_is_binary_octet_stream(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    (tmp_path / "bucket" / "blob.zzz-unknown").write_bytes(b"x")
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        _, headers, _ = await client.get("/blob.zzz-unknown")
    assert headers["Content-Type"] == "binary/octet-stream"


async def test_missing_key_in_a_private_bucket_is_403_access_denied(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        status, headers, body = await client.get("/missing.txt")
        root_status, _, root_body = await client.get("/")
        dir_status, _, _ = await client.get("/dir/")  # no index documents on the REST endpoint
        async with client.request("HEAD", "/missing.txt") as r:
            head = r.status, await r.read()
    assert status == 403
    assert headers["Content-Type"] == "application/xml" and headers["Server"] == "AmazonS3"
    e = error(body)
    assert e["Code"] == "AccessDenied" and e["Message"] == "Access Denied" and "Key" not in e
    assert e["RequestId"] == headers["x-amz-request-id"] and e["HostId"] == headers["x-amz-id-2"]
    assert root_status == 403 and error(root_body)["Code"] == "AccessDenied"
    assert dir_status == 403
    assert head == (403, b"")


async def test_missing_key_with_list_is_404_no_such_key(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket", list=True) as client:
        status, _, body = await client.get("/dir/missing%20file.txt")
    assert status == 404
    e = error(body)
    assert (e["Code"], e["Message"], e["Key"]) == ("NoSuchKey", "The specified key does not exist.",
                                                   "dir/missing file.txt")


async def test_list_bucket(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket", list=True) as client:
        _, headers, body = await client.get("/?list-type=2&delimiter=/")
        _, _, dir_body = await client.get("/?prefix=dir/sub/")
        _, _, page1 = await client.get("/?list-type=2&max-keys=2")
    assert headers["Content-Type"] == "application/xml"
    ns = {"s3": "http://s3.amazonaws.com/doc/2006-03-01/"}
    top = ElementTree.fromstring(body)
    keys = [k.text for k in top.findall("s3:Contents/s3:Key", ns)]
    assert keys == ["404.html", "a b+c.txt", "big.bin", "empty.txt", "hello.txt", "index.html", "inside-link.txt"]
    assert [p.text for p in top.findall("s3:CommonPrefixes/s3:Prefix", ns)] == ["dir/"]  # outside-dir leads out
    sub = ElementTree.fromstring(dir_body)
    assert [k.text for k in sub.findall("s3:Contents/s3:Key", ns)] == ["dir/sub/page.json"]
    first = ElementTree.fromstring(page1)
    assert first.find("s3:IsTruncated", ns).text == "true"
    token = first.find("s3:NextContinuationToken", ns).text
    async with serve_mock("s3", tmp_path, root="bucket", list=True) as client:
        _, _, page2 = await client.get(f"/?list-type=2&max-keys=2&continuation-token={token}")
    assert [k.text for k in ElementTree.fromstring(page2).findall("s3:Contents/s3:Key", ns)] == [
        "big.bin", "dir/index.html"]


async def test_range_gives_206(tmp_path: Path) -> None:
    root = make_bucket(tmp_path)
    big = (root / "big.bin").read_bytes()
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        status, headers, body = await client.get("/hello.txt", headers={"Range": "bytes=0-4"})
        suffix = await client.get("/hello.txt", headers={"Range": "bytes=-5"})
        across = await client.get("/big.bin", headers={"Range": "bytes=65530-200000"})
        many = await client.get("/hello.txt", headers={"Range": "bytes=0-1,3-4"})
        backwards = await client.get("/hello.txt", headers={"Range": "bytes=4-1"})
    assert (status, body) == (206, b"hello")
    assert headers["Content-Range"] == "bytes 0-4/11" and headers["Content-Length"] == "5"
    assert headers["ETag"] == f'"{hashlib.md5(b"hello world").hexdigest()}"'  # the whole object's
    assert (suffix[0], suffix[2], suffix[1]["Content-Range"]) == (206, b"world", "bytes 6-10/11")
    assert across[0] == 206 and across[2] == big[65530:200001]
    assert (many[0], many[2]) == (200, b"hello world")  # S3 does not do multiple ranges
    assert (backwards[0], backwards[2]) == (200, b"hello world")


async def test_unsatisfiable_range_is_416_invalid_range(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        status, headers, body = await client.get("/hello.txt", headers={"Range": "bytes=11-"})
        empty = await client.get("/empty.txt", headers={"Range": "bytes=0-"})
    assert status == 416 and headers["Content-Range"] == "bytes */11"
    e = error(body)
    assert (e["Code"], e["RangeRequested"], e["ActualObjectSize"]) == ("InvalidRange", "bytes=11-", "11")
    assert empty[0] == 416


async def test_if_range(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        _, headers, _ = await client.get("/hello.txt")
        same = await client.get("/hello.txt", headers={"Range": "bytes=0-4", "If-Range": headers["ETag"]})
        changed = await client.get("/hello.txt", headers={"Range": "bytes=0-4", "If-Range": '"old"'})
    assert same[0] == 206 and changed[0] == 200


async def test_conditional_requests(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        _, headers, _ = await client.get("/hello.txt")
        etag, modified = headers["ETag"], headers["Last-Modified"]
        not_modified = await client.get("/hello.txt", headers={"If-None-Match": etag})
        since = await client.get("/hello.txt", headers={"If-Modified-Since": modified})
        changed = await client.get("/hello.txt", headers={"If-None-Match": '"other"'})
        failed = await client.get("/hello.txt", headers={"If-Match": '"other"'})
        unmodified = await client.get("/hello.txt", headers={"If-Unmodified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"})
        held = await client.get("/hello.txt", headers={"If-Match": etag, "Range": "bytes=0-0"})
    assert not_modified[0] == 304 and not_modified[2] == b""
    assert not_modified[1]["ETag"] == etag and not_modified[1]["Last-Modified"] == modified
    assert since[0] == 304
    assert changed[0] == 200 and changed[2] == b"hello world"
    assert failed[0] == 412
    e = error(failed[2])
    assert (e["Code"], e["Condition"]) == ("PreconditionFailed", "If-Match")
    assert e["Message"] == "At least one of the pre-conditions you specified did not hold"
    assert unmodified[0] == 412 and error(unmodified[2])["Condition"] == "If-Unmodified-Since"
    assert (held[0], held[2]) == (206, b"h")


async def test_etag_follows_content_changes(tmp_path: Path) -> None:
    root = make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        _, before, _ = await client.get("/hello.txt")
        (root / "hello.txt").write_bytes(b"changed content")
        _, after, body = await client.get("/hello.txt")
    assert body == b"changed content"
    assert after["ETag"] == f'"{hashlib.md5(b"changed content").hexdigest()}"' != before["ETag"]


@pytest.mark.parametrize(
    ("method", "status", "code"),
    [("POST", 405, "MethodNotAllowed"), ("PATCH", 405, "MethodNotAllowed"), ("PUT", 403, "AccessDenied"),
     ("DELETE", 403, "AccessDenied"), ("OPTIONS", 400, "BadRequest")],
)
async def test_other_methods(tmp_path: Path, method: str, status: int, code: str) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        async with client.request(method, "/hello.txt", data=b"x") as r:
            assert r.status == status
            e = error(await r.read())
    assert e["Code"] == code
    if code == "MethodNotAllowed":
        assert (e["Method"], e["ResourceType"]) == (method, "OBJECT")


TRAVERSALS = [
    "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt", "/dir/../../secret.txt",
    "/dir/%2e%2e/%2e%2e/secret.txt", "/dir%2f..%2f..%2fsecret.txt", "/..\\secret.txt", "/..%5csecret.txt",
    "/%2e%2e%5csecret.txt", "//{secret}", "/%2F{secret}", "/outside-link.txt", "/outside-dir/secret.txt",
    "/outside-dir%2fsecret.txt", "/hello.txt%00", "/./hello.txt", "/dir//index.html", "/%2e/hello.txt",
]


@pytest.mark.parametrize("listable", [False, True])
@pytest.mark.parametrize("path", TRAVERSALS)
async def test_keys_never_leave_the_bucket(tmp_path: Path, path: str, listable: bool) -> None:
    make_bucket(tmp_path)
    path = path.replace("{secret}", str(tmp_path / "secret.txt").lstrip("/"))
    async with serve_mock("s3", tmp_path, root="bucket", list=listable) as client:
        status, _, body = await client.get(path)
    assert status == (404 if listable else 403)
    assert SECRET not in body and b"hello world" not in body
    assert error(body)["Code"] == ("NoSuchKey" if listable else "AccessDenied")


async def test_symlink_inside_the_bucket_is_served(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3", tmp_path, root="bucket") as client:
        status, _, body = await client.get("/inside-link.txt")
        encoded = await client.get("/a%20b%2Bc.txt")
        slash = await client.get("/dir%2Fsub%2Fpage.json")  # %2F decodes to / as on S3
    assert (status, body) == (200, b"hello world")
    assert encoded[:1] == (200,) and encoded[2] == b"spaces and plus"
    assert slash[0] == 200 and slash[2] == b'{"page": 1}\n'
