"""The `s3-website` mock (website endpoint), spoken to directly over a real socket."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator.origins.mocks import MOCK_TYPES
from tests.origins.mocks.support import SECRET, make_bucket, serve_mock


async def test_index_documents_and_directory_redirect(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3-website", tmp_path, root="bucket") as client:
        root = await client.get("/")
        sub = await client.get("/dir/")
        redirect = await client.get("/dir?x=1")
        encoded = await client.get("/di%72")
        no_index = await client.get("/dir/sub")  # dir/sub/index.html does not exist: no redirect
        obj = await client.get("/hello.txt")
    assert (root[0], root[2]) == (200, b"<h1>home</h1>\n")
    assert root[1]["Content-Type"] == "text/html" and root[1]["Server"] == "AmazonS3"
    assert (sub[0], sub[2]) == (200, b"<h1>dir</h1>\n")
    assert redirect[0] == 302 and redirect[1]["Location"] == "/dir/" and redirect[2] == b""
    assert encoded[0] == 302 and encoded[1]["Location"] == "/di%72/"
    assert no_index[0] == 404
    assert (obj[0], obj[2]) == (200, b"hello world")


async def test_custom_index_document(tmp_path: Path) -> None:
    root = make_bucket(tmp_path)
    (root / "dir" / "home.htm").write_text("home.htm")
    async with serve_mock("s3-website", tmp_path, root="bucket", index_document="home.htm") as client:
        assert (await client.get("/dir/"))[2] == b"home.htm"
        assert (await client.get("/dir"))[0] == 302
        assert (await client.get("/"))[0] == 404  # no home.htm at the top


async def test_error_document_is_served_with_404(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3-website", tmp_path, root="bucket", error_document="404.html") as client:
        status, headers, body = await client.get("/missing/page", headers={"If-None-Match": "*", "Range": "bytes=0-1"})
        async with client.request("HEAD", "/missing") as r:
            head = r.status, await r.read()
    assert (status, body) == (404, b"<h1>custom not found</h1>\n")  # conditions and Range do not apply to it
    assert headers["Content-Type"] == "text/html"
    assert head == (404, b"")


async def test_s3_404_page_without_error_document(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3-website", tmp_path, root="bucket") as client:
        status, headers, body = await client.get("/missing/page.html")
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    text = body.decode()
    assert "<h1>404 Not Found</h1>" in text and "<li>Code: NoSuchKey</li>" in text
    assert "<li>Key: missing/page.html</li>" in text
    assert f"<li>RequestId: {headers['x-amz-request-id']}</li>" in text
    assert "Custom Error Document" not in text


async def test_missing_error_document_is_reported_on_the_404_page(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3-website", tmp_path, root="bucket", error_document="gone.html") as client:
        status, _, body = await client.get("/missing")
    text = body.decode()
    assert status == 404
    assert "<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>" in text
    assert "<li>Key: gone.html</li>" in text and "<li>Key: missing</li>" in text


async def test_conditional_and_range_like_the_rest_endpoint(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3-website", tmp_path, root="bucket") as client:
        _, headers, _ = await client.get("/")
        not_modified = await client.get("/", headers={"If-None-Match": headers["ETag"]})
        failed = await client.get("/hello.txt", headers={"If-Match": '"nope"'})
        partial = await client.get("/hello.txt", headers={"Range": "bytes=6-"})
        unsatisfiable = await client.get("/hello.txt", headers={"Range": "bytes=50-"})
    assert not_modified[0] == 304
    assert failed[0] == 412 and "<li>Code: PreconditionFailed</li>" in failed[2].decode()
    assert (partial[0], partial[2], partial[1]["Content-Range"]) == (206, b"world", "bytes 6-10/11")
    assert unsatisfiable[0] == 416 and "<li>Code: InvalidRange</li>" in unsatisfiable[2].decode()


async def test_other_methods_are_405(tmp_path: Path) -> None:
    make_bucket(tmp_path)
    async with serve_mock("s3-website", tmp_path, root="bucket") as client:
        async with client.request("POST", "/", data=b"x") as r:
            status, body = r.status, (await r.read()).decode()
    assert status == 405 and "<li>Method: POST</li>" in body


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt",
                                  "/outside-link.txt", "/outside-dir/secret.txt", "/outside-dir", "/dir/../.."])
async def test_keys_never_leave_the_bucket(tmp_path: Path, path: str) -> None:
    make_bucket(tmp_path)
    (tmp_path / "index.html").write_bytes(SECRET)  # an index document just outside the root
    async with serve_mock("s3-website", tmp_path, root="bucket", error_document="404.html") as client:
        status, _, body = await client.get(path)
    assert (status, body) == (404, b"<h1>custom not found</h1>\n")


def test_index_document_must_be_a_suffix() -> None:
    check = MOCK_TYPES["s3-website"].problems
    assert check({"index_document": "index.html"}) == []
    assert check({"index_document": "a/index.html"})
    assert check({"index_document": ""})
