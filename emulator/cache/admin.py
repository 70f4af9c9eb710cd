"""The cache's admin endpoints (admin listener only; no distribution path reaches them):

    POST /_frontyard/invalidations   {"paths": ["/index.html", "/assets/*"], "distribution": "optional id"}
                                     or CloudFront's own {"InvalidationBatch": {"Paths": {"Items": [...]}}}
                                     errors as CloudFront's CreateInvalidation names them (NoSuchDistribution
                                     404, TooManyInvalidationsInProgress 400, InvalidArgument 400), in JSON
    GET  /_frontyard/cache           the entries: key parts, status, TTL left, age, size, hits
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from email.utils import formatdate

from aiohttp import web

from emulator.cache.invalidation import invalidate, over_quota, path_problems
from emulator.cache.stage import EdgeCache

CacheOf = Callable[[], EdgeCache]  # the cache of whichever configuration is being served now
DistributionsOf = Callable[[], list[str]]  # the ids of the distributions being served now


def add_routes(app: web.Application, cache_of: CacheOf, distributions_of: DistributionsOf | None = None) -> None:
    app.router.add_post("/_frontyard/invalidations", _invalidations(cache_of, distributions_of))
    app.router.add_get("/_frontyard/cache", _listing(cache_of))


def _paths(body: object) -> object:
    if not isinstance(body, dict):
        return None
    batch = body.get("InvalidationBatch", body)
    if isinstance(batch, dict) and isinstance(batch.get("Paths"), dict):
        return batch["Paths"].get("Items")
    return body.get("paths")


def _invalidations(cache_of: CacheOf, distributions_of: DistributionsOf | None) -> Callable[[web.Request], object]:
    async def handler(request: web.Request) -> web.Response:
        try:
            body = json.loads(await request.read() or b"null")
        except (ValueError, UnicodeDecodeError) as exc:
            return _bad(f"the body is not JSON ({exc})")
        except RecursionError:  # json's decoder recurses once per nesting level
            return _bad("the body is JSON nested too deeply to read")
        paths = _paths(body)
        if not isinstance(paths, list) or not paths:
            return _bad('expected {"paths": ["/path", "/prefix*"]} or CloudFront\'s InvalidationBatch')
        if problems := path_problems(paths):
            return _bad("invalid invalidation paths", problems)
        distribution = body.get("distribution") if isinstance(body, dict) else None
        distribution = distribution if isinstance(distribution, str) else None
        if distribution is not None and distributions_of is not None and distribution not in distributions_of():
            return _error(404, "NoSuchDistribution", "The specified distribution does not exist.",
                          [f"no distribution '{distribution}' (served: {', '.join(distributions_of()) or 'none'})"])
        if quota := over_quota(paths):
            return _error(400, "TooManyInvalidationsInProgress", "You have exceeded the maximum number of allowable "
                          "InProgress invalidation batch requests, or invalidation objects.", [quota])
        cache = cache_of()
        removed = invalidate(cache.store, paths, distribution)
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
    return _error(400, "InvalidArgument", message, problems)


def _error(status: int, code: str, message: str, problems: list[str] | None = None) -> web.Response:
    """CloudFront's API error (an ErrorResponse's Error: Type, Code, Message), in JSON like the rest of this
    API; `error` and `problems` say what was wrong in frontyard's words."""
    return web.json_response({"Error": {"Type": "Sender", "Code": code, "Message": message},
                              "RequestId": os.urandom(16).hex(),
                              "error": message,
                              "problems": problems or []}, status=status)
