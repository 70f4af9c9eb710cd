"""The cache's admin endpoints (admin listener only; no distribution path reaches them):

    POST /_frontyard/invalidations   {"paths": ["/index.html", "/assets/*"], "distribution": "optional id"}
                                     or CloudFront's own {"InvalidationBatch": {"Paths": {"Items": [...]}}}
    GET  /_frontyard/cache           the entries: key parts, status, TTL left, age, size, hits
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from email.utils import formatdate

from aiohttp import web

from emulator.cache.invalidation import invalidate, path_problems
from emulator.cache.stage import EdgeCache

CacheOf = Callable[[], EdgeCache]  # the cache of whichever configuration is being served now


def add_routes(app: web.Application, cache_of: CacheOf) -> None:
    app.router.add_post("/_frontyard/invalidations", _invalidations(cache_of))
    app.router.add_get("/_frontyard/cache", _listing(cache_of))


def _paths(body: object) -> object:
    if not isinstance(body, dict):
        return None
    batch = body.get("InvalidationBatch", body)
    if isinstance(batch, dict) and isinstance(batch.get("Paths"), dict):
        return batch["Paths"].get("Items")
    return body.get("paths")


def _invalidations(cache_of: CacheOf) -> Callable[[web.Request], object]:
    async def handler(request: web.Request) -> web.Response:
        try:
            body = json.loads(await request.read() or b"null")
        except (ValueError, UnicodeDecodeError) as exc:
            return _bad(f"the body is not JSON ({exc})")
        paths = _paths(body)
        if not isinstance(paths, list) or not paths:
            return _bad('expected {"paths": ["/path", "/prefix*"]} or CloudFront\'s InvalidationBatch')
        if problems := path_problems(paths):
            return _bad("invalid invalidation paths", problems)
        distribution = body.get("distribution") if isinstance(body, dict) else None
        cache = cache_of()
        removed = invalidate(cache.store, paths, distribution if isinstance(distribution, str) else None)
        invalidation = {"Id": "I" + os.urandom(7).hex().upper()[:13], "Status": "Completed",
                        "CreateTime": formatdate(cache.clock.now(), usegmt=True),
                        "InvalidationBatch": {"Paths": {"Quantity": len(paths), "Items": paths}}}
        return web.json_response({"Invalidation": invalidation, "removed": removed}, status=201)

    return handler


def _listing(cache_of: CacheOf) -> Callable[[web.Request], object]:
    async def handler(request: web.Request) -> web.Response:
        cache = cache_of()
        now = cache.clock.now()
        entries = [{
            "distribution": e.distribution, "path": e.path,
            "key": [[name, value] for name, value in e.key],
            "status": e.status, "fresh": e.fresh(now), "ttl": e.ttl, "ttl_left": round(e.expires_at() - now, 3),
            "ttl_reason": e.ttl_reason, "age": e.age(now), "size": len(e.body), "hits": cache.store.hits(e.key),
        } for e in reversed(cache.store.entries())]  # most recently used first
        return web.json_response({"count": len(entries), "bytes": cache.store.bytes,
                                  "max_bytes": cache.store.max_bytes, "entries": entries})

    return handler


def _bad(message: str, problems: list[str] | None = None) -> web.Response:
    return web.json_response({"error": message, "problems": problems or []}, status=400)
