"""CloudFront KeyValueStore, seeded from a file in AWS's import format.

Import format (DG/kvs-with-functions-create-s3-kvp): `{"data": [{"key": "k", "value": "v"}, ...]}`.
Limits (DG/cloudfront-limits, KeyValueStore): key 512 bytes, value 1 KB, whole store 5 MB.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

from .errors import FunctionLoadError, Problem

MAX_KEY_BYTES = 512
MAX_VALUE_BYTES = 1024
MAX_STORE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class KeyValueStore:
    """An immutable key value store; `id` is what `cf.kvs(id)` must name when it names one."""

    name: str
    id: str
    items: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    created: datetime = datetime(2024, 1, 1, tzinfo=UTC)
    updated: datetime = datetime(2024, 1, 1, tzinfo=UTC)

    def get(self, key: str) -> str | None:
        return self.items.get(key)

    def meta(self) -> dict[str, object]:
        return {
            "creationDateTime": _iso(self.created),
            "lastUpdatedDateTime": _iso(self.updated),
            "keyCount": len(self.items),
        }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def load_kvs(path: str | os.PathLike[str], *, name: str | None = None, store_id: str | None = None) -> KeyValueStore:
    """Read a store file; raise FunctionLoadError listing every entry that breaks the format or a limit."""
    file = Path(path)
    shown = str(path)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FunctionLoadError([Problem(shown, 0, 0, f"key value store is not UTF-8 text (byte {exc.start}); "
                                         "AWS's import format is UTF-8 JSON")]) from None
    except OSError as exc:
        raise FunctionLoadError([Problem(shown, 0, 0, f"cannot read key value store: {exc.strerror}")]) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FunctionLoadError([Problem(shown, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")]) from None
    problems: list[Problem] = []
    entries = doc.get("data") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise FunctionLoadError([Problem(shown, 0, 0, 'expected {"data": [{"key": ..., "value": ...}, ...]}')])
    items: dict[str, str] = {}
    total = 0
    for index, entry in enumerate(entries):
        where = f"data[{index}]"
        if not isinstance(entry, dict) or set(entry) - {"key", "value"} or "key" not in entry or "value" not in entry:
            problems.append(Problem(shown, 0, 0, f"{where}: expected an object with exactly 'key' and 'value'"))
            continue
        key, value = entry["key"], entry["value"]
        if not isinstance(key, str) or not isinstance(value, str):
            problems.append(Problem(shown, 0, 0, f"{where}: 'key' and 'value' must be strings"))
            continue
        key_bytes, value_bytes = len(key.encode()), len(value.encode())
        if not key:
            problems.append(Problem(shown, 0, 0, f"{where}: empty key"))
        if key_bytes > MAX_KEY_BYTES:
            problems.append(Problem(shown, 0, 0, f"{where}: key is {key_bytes} bytes (limit {MAX_KEY_BYTES})"))
        if value_bytes > MAX_VALUE_BYTES:
            problems.append(
                Problem(shown, 0, 0, f"{where}: value of {key!r} is {value_bytes} bytes (limit {MAX_VALUE_BYTES})")
            )
        if key in items:
            problems.append(Problem(shown, 0, 0, f"{where}: duplicate key {key!r}"))
        items[key] = value
        total += key_bytes + value_bytes
    if total > MAX_STORE_BYTES:
        problems.append(Problem(shown, 0, 0, f"store is {total:,} bytes (limit {MAX_STORE_BYTES:,})"))
    if problems:
        raise FunctionLoadError(problems)
    stat = file.stat()
    modified = datetime.fromtimestamp(stat.st_mtime, UTC)
    stem = name or file.stem
    return KeyValueStore(
        name=stem,
        id=store_id or stem,
        items=MappingProxyType(items),
        created=modified,
        updated=modified,
    )
