"""S3's Range and conditional-request rules as pure table tests (one row per rule)."""

from __future__ import annotations

from pathlib import Path

import pytest
from multidict import CIMultiDict, CIMultiDictProxy

from emulator.origins.mocks.objects import UNSATISFIABLE, Outcome, StoredObject, byte_range, preconditions

SIZE = 10


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-4", (0, 4)),
        ("bytes=2-", (2, 9)),
        ("bytes=-3", (7, 9)),
        ("bytes=-30", (0, 9)),  # a suffix longer than the object is the whole object, as 206
        ("bytes=5-100", (5, 9)),  # last byte clamped
        ("bytes=9-9", (9, 9)),
        ("Bytes = 1 - 2", (1, 2)),
        ("bytes=10-", UNSATISFIABLE),  # starts at the end
        ("bytes=10-20", UNSATISFIABLE),
        ("bytes=-0", UNSATISFIABLE),
        ("bytes=4-2", None),  # last < first: invalid, ignored (200 with the whole object)
        ("bytes=0-1,4-5", None),  # several ranges: S3 sends the whole object
        ("bytes=abc", None),
        ("items=0-1", None),
        ("bytes=-", None),
        ("bytes=", None),
    ],
)
def test_byte_range(header: str | None, expected: object) -> None:
    assert byte_range(header, SIZE) == expected


@pytest.mark.parametrize("header", ["bytes=0-", "bytes=0-0", "bytes=-1"])
def test_any_range_on_an_empty_object_is_unsatisfiable(header: str) -> None:
    assert byte_range(header, 0) is UNSATISFIABLE


OBJ = StoredObject(Path("x"), SIZE, 1_000_000_000, '"abc"', "text/plain")  # 2001-09-09 01:46:40 GMT
BEFORE, AT, AFTER = "Sat, 08 Sep 2001 00:00:00 GMT", "Sun, 09 Sep 2001 01:46:40 GMT", "Mon, 10 Sep 2001 00:00:00 GMT"


@pytest.mark.parametrize(
    ("headers", "outcome", "condition"),
    [
        ({}, Outcome.PROCEED, None),
        ({"If-None-Match": '"abc"'}, Outcome.NOT_MODIFIED, None),
        ({"If-None-Match": '"x", "abc"'}, Outcome.NOT_MODIFIED, None),
        ({"If-None-Match": 'W/"abc"'}, Outcome.NOT_MODIFIED, None),  # weak comparison
        ({"If-None-Match": "*"}, Outcome.NOT_MODIFIED, None),
        ({"If-None-Match": "abc"}, Outcome.NOT_MODIFIED, None),  # S3 accepts an unquoted ETag
        ({"If-None-Match": '"other"'}, Outcome.PROCEED, None),
        ({"If-Modified-Since": AT}, Outcome.NOT_MODIFIED, None),
        ({"If-Modified-Since": AFTER}, Outcome.NOT_MODIFIED, None),
        ({"If-Modified-Since": BEFORE}, Outcome.PROCEED, None),
        ({"If-Modified-Since": "yesterday"}, Outcome.PROCEED, None),  # invalid date: no condition
        # If-None-Match decides alone when present (S3: INM false + IMS true -> 304)
        ({"If-None-Match": '"abc"', "If-Modified-Since": BEFORE}, Outcome.NOT_MODIFIED, None),
        ({"If-None-Match": '"other"', "If-Modified-Since": AFTER}, Outcome.PROCEED, None),
        ({"If-Match": '"abc"'}, Outcome.PROCEED, None),
        ({"If-Match": "*"}, Outcome.PROCEED, None),
        ({"If-Match": '"other"'}, Outcome.PRECONDITION_FAILED, "If-Match"),
        ({"If-Unmodified-Since": BEFORE}, Outcome.PRECONDITION_FAILED, "If-Unmodified-Since"),
        ({"If-Unmodified-Since": AT}, Outcome.PROCEED, None),
        # If-Match decides alone when present (S3: IM true + IUS false -> 200)
        ({"If-Match": '"abc"', "If-Unmodified-Since": BEFORE}, Outcome.PROCEED, None),
        ({"If-Match": '"other"', "If-None-Match": '"abc"'}, Outcome.PRECONDITION_FAILED, "If-Match"),  # 412 first
    ],
)
def test_preconditions(headers: dict[str, str], outcome: Outcome, condition: str | None) -> None:
    assert preconditions(OBJ, CIMultiDictProxy(CIMultiDict(headers))) == (outcome, condition)
