"""Invalidation paths as CloudFront takes them (AWS: "What you need to know when invalidating paths",
https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html):
case-sensitive, starting with '/', a '*' only as the last character (a prefix match). A path is compared with
the cached object's path and the query string in its cache key: "If you configured CloudFront to forward query
strings to your origin, you must include the query strings when invalidating files" (`/images/image.jpg?a=1`
removes that variant, `/images/image.jpg` the copy cached without a query, `/images/image.jpg*` every one).
Variants by header, cookie or encoding all go: CloudFront "invalidates every cached version of the file
regardless of" their values."""

from __future__ import annotations

from collections.abc import Iterable

from emulator.cache.store import Entry, MemoryStore

MAX_PATH_LENGTH = 4000
# "Concurrent invalidation request maximum": up to 3,000 individual files and, independently, 15 wildcard
# paths per distribution in progress at one time. Invalidations complete at once here, so a single batch is
# what can pass them.
MAX_FILES_IN_PROGRESS = 3000
MAX_WILDCARDS_IN_PROGRESS = 15


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


def over_quota(paths: list[str]) -> str | None:
    """CloudFront's TooManyInvalidationsInProgress message for a batch past the in-progress maximums, or None."""
    wildcards = sum(1 for p in paths if p.endswith("*"))
    files = len(paths) - wildcards
    if files > MAX_FILES_IN_PROGRESS:
        return (f"{files} file paths: CloudFront allows invalidation requests for up to {MAX_FILES_IN_PROGRESS} "
                "files per distribution in progress at one time")
    if wildcards > MAX_WILDCARDS_IN_PROGRESS:
        return (f"{wildcards} wildcard paths: CloudFront allows up to {MAX_WILDCARDS_IN_PROGRESS} wildcard "
                "invalidation paths in progress at one time")
    return None


def object_path(entry: Entry) -> str:
    """What an invalidation path is compared with: the path, and '?query' when the cache key holds one."""
    query = next((value for name, value in entry.key if name == "query"), None)
    return entry.path if query is None else f"{entry.path}?{query}"


def matches(path: str, pattern: str) -> bool:
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


def invalidate(store: MemoryStore, patterns: list[str], distribution: str | None = None) -> int:
    """Remove every entry whose path (with its cached query) matches one of `patterns`, in one distribution or
    all; the count."""
    doomed = [e.key for e in store.entries()
              if (distribution is None or e.distribution == distribution)
              and any(matches(object_path(e), p) for p in patterns)]
    for key in doomed:
        store.remove(key)
    return len(doomed)
