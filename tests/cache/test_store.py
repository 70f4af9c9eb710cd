"""The store's bound, invalidation path rules, and serving from a copy (ranges, conditionals)."""

from __future__ import annotations

import pytest

from emulator.cache.invalidation import invalidate, matches, path_problems
from emulator.cache.serve import byte_range, from_entry
from emulator.cache.store import Entry, MemoryStore, entry_size
from emulator.http import freeze


def entry(path: str, body: bytes = b"x" * 100, distribution: str = "d1", query: str | None = None) -> Entry:
    key = (("distribution", distribution), ("path", path)) + ((("query", query),) if query else ())
    headers = freeze([("ETag", '"1"')])
    return Entry(key, 200, "OK", headers, body, 0.0, 60, "ttl 60 s", size=entry_size(headers, body))


def test_least_recently_used_entries_go_first_when_the_store_is_full() -> None:
    size = entry("/a").size
    store = MemoryStore(max_bytes=size * 3)
    for path in ("/a", "/b", "/c"):
        store.put(entry(path))
    store.get((("distribution", "d1"), ("path", "/a")))  # /a is used again: /b is now the oldest
    store.put(entry("/d"))
    assert [e.path for e in store.entries()] == ["/c", "/a", "/d"]
    assert store.bytes == size * 3 and store.evictions == 1


def test_an_entry_larger_than_the_store_is_not_kept() -> None:
    store = MemoryStore(max_bytes=1000)
    assert not store.put(entry("/big", b"x" * 2000))
    assert len(store) == 0 and store.bytes == 0


def test_replacing_an_entry_keeps_the_byte_count_right() -> None:
    store = MemoryStore(max_bytes=10_000)
    store.put(entry("/a", b"x" * 100))
    store.put(entry("/a", b"x" * 300))
    assert len(store) == 1 and store.bytes == entry("/a", b"x" * 300).size


@pytest.mark.parametrize(("path", "pattern", "hit"), [
    ("/images/a.jpg", "/images/a.jpg", True),
    ("/images/A.jpg", "/images/a.jpg", False),  # case-sensitive
    ("/images/a.jpg", "/images/*", True),
    ("/images", "/images/*", False),
    ("/images-old/x", "/images*", True),
    ("/anything", "/*", True),
])
def test_invalidation_paths_match_like_cloudfront(path: str, pattern: str, hit: bool) -> None:
    assert matches(path, pattern) is hit


def test_invalidation_matches_the_path_and_the_cached_query_in_one_distribution() -> None:
    store = MemoryStore(max_bytes=100_000)
    for e in (entry("/p", query="a=1"), entry("/p", query="a=2"), entry("/p"), entry("/q"),
              entry("/p", distribution="d2")):
        store.put(e)
    assert invalidate(store, ["/p"], "d1") == 1  # the copy cached without a query string
    assert invalidate(store, ["/p?a=2"], "d1") == 1
    assert sorted((e.distribution, e.path) for e in store.entries()) == [("d1", "/p"), ("d1", "/q"), ("d2", "/p")]
    assert invalidate(store, ["/p*"], "d1") == 1


@pytest.mark.parametrize(("paths", "count"), [
    (["/ok", "/prefix*"], 0),
    (["no-slash"], 1),
    (["/a*b"], 1),  # '*' only at the end
    ([""], 1),
    ([5], 1),
    (["/" + "x" * 4000], 1),
])
def test_invalidation_path_rules(paths: list[object], count: int) -> None:
    assert len(path_problems(paths)) == count


@pytest.mark.parametrize(("spec", "size", "expected"), [
    ("bytes=0-4", 10, (0, 4)),
    ("bytes=5-", 10, (5, 9)),
    ("bytes=-3", 10, (7, 9)),
    ("bytes=-30", 10, (0, 9)),
    ("bytes=8-100", 10, (8, 9)),
    ("bytes=10-", 10, "unsatisfiable"),
    ("bytes=-0", 10, "unsatisfiable"),
    ("bytes=5-2", 10, None),  # not a valid range: the whole object
    ("bytes=0-1,3-4", 10, None),  # several ranges: the whole object
    ("items=0-1", 10, None),
    ("bytes=a-b", 10, None),
])
def test_byte_ranges(spec: str, size: int, expected: object) -> None:
    assert byte_range(spec, size) == expected


def test_a_conditional_request_gets_304_with_the_validators() -> None:
    response, note = from_entry(entry("/a"), "GET", freeze([("If-None-Match", 'W/"1", "2"')]), age=3)
    assert (response.status, response.body, response.headers["ETag"], response.headers["Age"]) == (304, b"", '"1"',
                                                                                                   "3")
    assert note.startswith("304")
