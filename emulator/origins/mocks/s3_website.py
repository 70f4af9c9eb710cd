"""`s3-website`: a folder served like an S3 static website endpoint (index and error documents).

Keys are resolved under the root and never escape it (dot segments, encoded slashes, symlinks out).
"""

from __future__ import annotations

import asyncio
import hashlib
import mimetypes
from email.utils import formatdate
from pathlib import Path
from urllib.parse import unquote

from aiohttp import web

from emulator.config.model import MockSpec
from emulator.origins.mocks import MockType, OptionSpec

_NOT_FOUND = (
    "<html>\n<head><title>404 Not Found</title></head>\n<body>\n<h1>404 Not Found</h1>\n<ul>\n"
    "<li>Code: NoSuchKey</li>\n<li>Message: The specified key does not exist.</li>\n<li>Key: {key}</li>\n"
    "</ul>\n<hr/>\n</body>\n</html>\n"
)


def safe_file(root: Path, key: str) -> Path | None:
    """The file for an object key, or None if it is missing or would leave the root."""
    if "\\" in key or "\0" in key:
        return None
    candidate = (root / key).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def _etag(path: Path) -> str:
    # S3's ETag for a single-part upload is the quoted hex MD5 of the object.
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return f'"{digest.hexdigest()}"'


async def _file_response(request: web.Request, path: Path, status: int = 200) -> web.StreamResponse:
    stat = path.stat()
    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    etag = await asyncio.to_thread(_etag, path)  # file reads stay off the event loop the edge shares
    response = web.StreamResponse(status=status, headers={
        "ETag": etag, "Last-Modified": formatdate(stat.st_mtime, usegmt=True), "Content-Type": ctype,
        "Server": "AmazonS3"})
    response.content_length = stat.st_size
    await response.prepare(request)
    if request.method != "HEAD":
        with path.open("rb") as f:
            while block := await asyncio.to_thread(f.read, 64 * 1024):
                await response.write(block)
    await response.write_eof()
    return response


def make_app(spec: MockSpec) -> web.Application:
    root = (spec.base_dir / str(spec.option("root"))).resolve()
    index = str(spec.option("index_document", "index.html"))
    error_doc = spec.option("error_document")

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.method not in ("GET", "HEAD"):
            return web.Response(status=405, text="405 Method Not Allowed\n", headers={"Server": "AmazonS3"})
        key = unquote(request.raw_path.partition("?")[0]).lstrip("/")
        if key == "" or key.endswith("/"):
            key += index
        found = safe_file(root, key)
        if found is not None:
            return await _file_response(request, found)
        if safe_file(root, f"{key}/{index}") is not None:
            # S3 website endpoints redirect a "directory" without its slash to the slash form.
            return web.Response(status=302, headers={"Location": f"/{key}/", "Server": "AmazonS3"})
        if error_doc is not None and (page := safe_file(root, str(error_doc))) is not None:
            return await _file_response(request, page, status=404)
        return web.Response(status=404, text=_NOT_FOUND.format(key=key), content_type="text/html",
                            headers={"Server": "AmazonS3"})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    return app


MOCK = MockType(
    "s3-website",
    {
        "root": OptionSpec("path", required=True, help="folder served as the bucket"),
        "index_document": OptionSpec("str", help="default index.html"),
        "error_document": OptionSpec("str", help="key served with 404 when a key is missing"),
    },
    make_app,
    serves_files=True,
)
