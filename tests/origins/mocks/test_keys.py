"""Keys never leave the bucket folder: the pure rules, then the resolver on a real folder with symlinks."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator.origins.mocks.keys import key_from_path, key_problem, resolve_key
from tests.origins.mocks.support import make_bucket


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("/hello.txt", "hello.txt"),
        ("/dir/sub/page.json?x=1", "dir/sub/page.json"),
        ("/a%20b%2Bc.txt", "a b+c.txt"),
        ("/a%2Fb", "a/b"),  # S3 decodes %2F: the same key as a/b
        ("/%2e%2e/secret.txt", "../secret.txt"),
        ("//etc/passwd", "/etc/passwd"),
        ("/caf%C3%A9", "café"),
        ("/%ff", None),  # not UTF-8: no object has that key
        ("/", ""),
    ],
)
def test_key_from_path(raw: str, key: str | None) -> None:
    assert key_from_path(raw) == key


@pytest.mark.parametrize(
    "key",
    ["", "../secret.txt", "dir/../../secret.txt", "dir/..", "./hello.txt", "dir//index.html", "/etc/passwd",
     "dir/", "..\\secret.txt", "dir\\index.html", "hello.txt\0", ".."],
)
def test_key_problem(key: str) -> None:
    assert key_problem(key) is not None


def test_resolve_key_stays_in_the_root(tmp_path: Path) -> None:
    root = make_bucket(tmp_path)
    assert resolve_key(root, "hello.txt") == root / "hello.txt"
    assert resolve_key(root, "dir/sub/page.json") == root / "dir" / "sub" / "page.json"
    assert resolve_key(root, "inside-link.txt") == root / "hello.txt"  # a symlink inside the root is fine
    assert resolve_key(root, "outside-link.txt") is None
    assert resolve_key(root, "outside-dir/secret.txt") is None
    assert resolve_key(root, "../secret.txt") is None
    assert resolve_key(root, str(tmp_path / "secret.txt")) is None
    assert resolve_key(root, "dir") is None  # a folder is not an object
    assert resolve_key(root, "missing.txt") is None
