"""Invalidation paths as CloudFront takes them: case-sensitive, starting with '/', a '*' only as the last
character (a prefix match), and every cached variant of a path (query strings, headers, cookies,
encodings) removed together."""

from __future__ import annotations

from collections.abc import Iterable

from emulator.cache.store import MemoryStore

MAX_PATH_LENGTH = 4000


def path_problems(paths: Iterable[object]) -> list[str]:
    problems = []
    for path in paths:
        if not isinstance(path, str) or not path:
            problems.append(f"{path!r}: a path must be a non-empty string")
        elif not path.startswith("/"):
            # AWS "Invalidate files": "In the CloudFront console, you can omit the leading slash ... When you use
            # the CloudFront API directly, invalidation paths must begin with a leading slash."
            problems.append(f"'{path}': a path must start with '/' (CloudFront's API requires it; only the console "
                            f"adds it): '/{path}'")
        elif "*" in path[:-1]:
            problems.append(f"'{path}': '*' is allowed only as the last character")
        elif len(path) > MAX_PATH_LENGTH:
            problems.append(f"'{path[:40]}…': longer than {MAX_PATH_LENGTH} characters")
    return problems


def matches(path: str, pattern: str) -> bool:
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


def invalidate(store: MemoryStore, patterns: list[str], distribution: str | None = None) -> int:
    """Remove every entry whose path matches one of `patterns` (in one distribution, or all); the count."""
    doomed = [e.key for e in store.entries()
              if (distribution is None or e.distribution == distribution)
              and any(matches(e.path, p) for p in patterns)]
    for key in doomed:
        store.remove(key)
    return len(doomed)
