"""Helpers for mock origin tests: a mock app served on a loopback port, and a client sending raw paths."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from multidict import CIMultiDict
from yarl import URL

from emulator.config.model import MockSpec
from emulator.origins.mocks import MOCK_TYPES
from tests.helpers import serve_app

SECRET = b"TOP-SECRET outside the bucket\n"


@dataclass
class Client:
    base: str
    session: aiohttp.ClientSession

    def request(self, method: str, path: str, **kwargs: object) -> aiohttp.client._RequestContextManager:
        # encoded=True: the path goes out exactly as written, no dot-segment removal or quoting.
        url = URL(self.base + path, encoded=True)
        return self.session.request(method, url, allow_redirects=False, **kwargs)  # type: ignore[arg-type]

    async def get(self, path: str, **kwargs: object) -> tuple[int, CIMultiDict[str], bytes]:
        async with self.request("GET", path, **kwargs) as r:
            return r.status, CIMultiDict(r.headers), await r.read()


@asynccontextmanager
async def serve_mock(mock_type: str, base_dir: Path, **options: object) -> AsyncIterator[Client]:
    spec = MockSpec(type=mock_type, options=tuple(options.items()), base_dir=base_dir)
    async with serve_app(MOCK_TYPES[mock_type].make_app(spec)) as port:
        async with aiohttp.ClientSession(auto_decompress=False) as session:
            yield Client(f"http://127.0.0.1:{port}", session)


def make_bucket(tmp_path: Path) -> Path:
    """A bucket folder with a few objects, and a secret file beside it that no key may reach."""
    root = tmp_path / "bucket"
    (root / "dir" / "sub").mkdir(parents=True)
    (root / "hello.txt").write_bytes(b"hello world")
    (root / "index.html").write_text("<h1>home</h1>\n")
    (root / "dir" / "index.html").write_text("<h1>dir</h1>\n")
    (root / "dir" / "sub" / "page.json").write_text('{"page": 1}\n')
    (root / "404.html").write_text("<h1>custom not found</h1>\n")
    (root / "empty.txt").write_bytes(b"")
    (root / "big.bin").write_bytes(bytes(range(256)) * 1024)  # 256 KiB: several read blocks
    (root / "a b+c.txt").write_bytes(b"spaces and plus")
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (root / "inside-link.txt").symlink_to(root / "hello.txt")
    (root / "outside-link.txt").symlink_to(tmp_path / "secret.txt")
    (root / "outside-dir").symlink_to(tmp_path, target_is_directory=True)
    return root
