"""The ring buffer itself: bounded, resized on reload, and never keeping an upload stream alive."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emulator.http import Scheme, ViewerRequest, freeze
from emulator.inspector import History
from emulator.trace import Trace


async def _upload() -> AsyncIterator[bytes]:
    yield b"chunk"


def viewer(body: object = b"", scheme: object = Scheme.HTTP) -> ViewerRequest:
    return ViewerRequest("POST", "/up", "", freeze({"Host": "h"}), scheme, "1.1", "127.0.0.1", 1, body,  # type: ignore[arg-type]
                         body != b"")


def test_a_kept_trace_drops_the_upload_stream() -> None:
    stream = _upload()
    trace = Trace("a", viewer=viewer(stream))
    entry = History(5).record(trace, 200, 0, 1.0, freeze({}), "http://127.0.0.1:1")
    assert entry is not None and entry.trace.viewer is not None
    assert entry.trace.viewer.body == b"" and entry.trace.viewer.has_body  # streamed through, not kept
    assert entry.trace.viewer.method == "POST" and entry.trace.viewer.target == "/up"


def test_resize_keeps_the_newest() -> None:
    history = History(5)
    for i in range(5):
        history.record(Trace(f"id{i}"), 200, 0, 1.0, freeze({}), "http://x")
    history.resize(2)
    assert [e.id for e in history.entries()] == ["id3", "id4"] and history.limit == 2
    history.record(Trace("id5"), 200, 0, 1.0, freeze({}), "http://x")
    assert [e.id for e in history.entries()] == ["id4", "id5"]
    history.resize(0)
    assert history.entries() == [] and history.record(Trace("id6"), 200, 0, 1.0, freeze({}), "http://x") is None


def test_a_scheme_given_as_a_string_is_the_scheme() -> None:
    assert viewer(scheme="https").scheme is Scheme.HTTPS
    with pytest.raises(ValueError):
        viewer(scheme="ftp")
