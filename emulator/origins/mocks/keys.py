"""Object keys to files under a bucket folder, never outside it.

S3 keys are opaque strings: `a/../b`, `a//b` and `a/./b` are keys of their own, not paths to normalise.
A folder cannot hold such keys as files, so they simply do not exist here (403 or 404, like any missing key),
and that is also what keeps a key from leaving the folder: no `..`, no empty or `.` segment (hence no
absolute path), no backslash, no NUL, and a symlink only counts if its target stays inside the root.
Percent-encoding is decoded first, as S3 does (`%2F` is `/`), so encoded forms meet the same rules.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote_to_bytes


def key_from_path(raw_path: str) -> str | None:
    """The object key a raw request path names (query dropped, one leading slash removed, decoded).

    None when the path is not valid percent-encoded UTF-8 (no object can have that key)."""
    path = raw_path.partition("?")[0]
    if path.startswith("/"):
        path = path[1:]
    try:
        return unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return None


def key_problem(key: str) -> str | None:
    """Why a key cannot name a file under the root, or None when it can."""
    if key == "":
        return "empty key"
    if "\\" in key or "\0" in key:
        return "backslash or NUL in key"
    if any(part in ("", ".", "..") for part in key.split("/")):
        return "empty, '.' or '..' segment in key"
    return None


def resolve_key(root: Path, key: str) -> Path | None:
    """The regular file holding `key` under `root`, or None. Blocking (stats the disk): run it in a thread."""
    if key_problem(key) is not None:
        return None
    try:
        real_root = root.resolve(strict=True)
        candidate = real_root.joinpath(*key.split("/")).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, a symlink loop, a name too long...
        return None
    if not candidate.is_relative_to(real_root) or not candidate.is_file():
        return None
    return candidate
