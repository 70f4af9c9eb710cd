"""ListObjects (V1) and ListObjectsV2 for `s3` with `list: true`: prefix, delimiter, max-keys, marker /
start-after / continuation-token. Enough for a client that pages through a small bucket; no versions."""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from pathlib import Path

from emulator.origins.mocks.keys import resolve_key
from emulator.origins.mocks.objects import EtagCache, lookup
from emulator.origins.mocks.s3_errors import escape

MAX_KEYS = 1000


def _keys(root: Path) -> list[str]:
    real_root = root.resolve()
    keys = []
    for folder, _dirs, files in os.walk(real_root):
        rel = Path(folder).relative_to(real_root)
        for name in files:
            key = "/".join((*rel.parts, name))
            if resolve_key(real_root, key) is not None:  # symlinks leading out are not objects
                keys.append(key)
    return sorted(keys, key=lambda k: k.encode())  # S3 lists in UTF-8 binary order


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(MAX_KEYS, int(value))) if value is not None else default
    except ValueError:
        return default


def _token_key(token: str | None) -> str:
    # Our continuation tokens are the last listed key, base64url-encoded; a foreign one restarts the listing.
    try:
        return base64.urlsafe_b64decode(token.encode()).decode() if token else ""
    except (ValueError, UnicodeDecodeError):
        return ""


# long: ListObjects' parameters in the order S3 applies them (prefix, marker, delimiter, max-keys)
def list_bucket(root: Path, query: Mapping[str, str], cache: EtagCache, bucket: str = "bucket") -> bytes:
    """The ListBucketResult XML. Blocking (walks the folder, hashes listed files): run it in a thread."""
    v2 = query.get("list-type") == "2"
    prefix, delimiter = query.get("prefix", ""), query.get("delimiter", "")
    max_keys = _int(query.get("max-keys"), MAX_KEYS)
    if v2:
        after = _token_key(query.get("continuation-token")) or query.get("start-after", "")
    else:
        after = query.get("marker", "")
    entries: list[tuple[str, bool]] = []  # (key or common prefix, is_prefix), in listing order
    truncated = False
    for key in _keys(root):
        if not key.startswith(prefix) or key.encode() <= after.encode():
            continue
        if delimiter and (i := key.find(delimiter, len(prefix))) >= 0:
            common = key[:i + len(delimiter)]
            if entries and entries[-1] == (common, True):
                continue
            if common.encode() <= after.encode():
                continue
            entry = (common, True)
        else:
            entry = (key, False)
        if len(entries) == max_keys:
            truncated = True
            break
        entries.append(entry)

    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult '
             f'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>{escape(bucket)}</Name>'
             f"<Prefix>{escape(prefix)}</Prefix>"]
    last = entries[-1][0] if entries else ""
    if v2:
        if query.get("start-after"):
            parts.append(f"<StartAfter>{escape(query['start-after'])}</StartAfter>")
        if query.get("continuation-token"):
            parts.append(f"<ContinuationToken>{escape(query['continuation-token'])}</ContinuationToken>")
        if truncated:
            token = base64.urlsafe_b64encode(last.encode()).decode()
            parts.append(f"<NextContinuationToken>{token}</NextContinuationToken>")
        parts.append(f"<KeyCount>{len(entries)}</KeyCount>")
    else:
        parts.append(f"<Marker>{escape(query.get('marker', ''))}</Marker>")
        if truncated and delimiter:
            parts.append(f"<NextMarker>{escape(last)}</NextMarker>")
    parts.append(f"<MaxKeys>{max_keys}</MaxKeys>")
    if delimiter:
        parts.append(f"<Delimiter>{escape(delimiter)}</Delimiter>")
    parts.append(f"<IsTruncated>{'true' if truncated else 'false'}</IsTruncated>")
    for name, is_prefix in entries:
        if is_prefix:
            continue
        obj = lookup(root, name, cache)
        if obj is None:
            continue  # removed while listing
        modified = parsedate_to_datetime(obj.last_modified).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        parts.append(f"<Contents><Key>{escape(name)}</Key><LastModified>{modified}</LastModified>"
                     f"<ETag>{escape(obj.etag).replace(chr(34), '&quot;')}</ETag><Size>{obj.size}</Size>"
                     "<StorageClass>STANDARD</StorageClass></Contents>")
    parts.extend(f"<CommonPrefixes><Prefix>{escape(name)}</Prefix></CommonPrefixes>"
                 for name, is_prefix in entries if is_prefix)
    parts.append("</ListBucketResult>")
    return "".join(parts).encode()
