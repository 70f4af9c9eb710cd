"""A small API for the edge-cache example: it says how long each answer may be cached and counts how many
requests actually reach it, so the edge's cache is visible from the outside.

    python examples/edge-cache-api/api.py          # listens on 127.0.0.1:9100
    curl -s http://127.0.0.1:9100/_stats           # origin hits per path (asked directly, not via the edge)
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from aiohttp import web


def make_app() -> web.Application:
    hits: Counter[str] = Counter()
    version = {"report": 1}

    def answer(body: object, status: int = 200, **headers: str) -> web.Response:
        return web.Response(text=json.dumps(body), status=status, content_type="application/json", headers=headers)

    async def items(request: web.Request) -> web.Response:
        hits[request.path] += 1
        return answer({"items": ["a", "b"], "origin_hits": hits[request.path]},
                      **{"Cache-Control": "public, max-age=3600"})

    async def report(request: web.Request) -> web.Response:
        # Fresh for 5 s, then revalidated: an unchanged report answers 304 (the edge says RefreshHit).
        hits[request.path] += 1
        etag = f'"report-v{version["report"]}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag, "Cache-Control": "max-age=5"})
        return answer({"report": version["report"], "origin_hits": hits[request.path]},
                      **{"ETag": etag, "Cache-Control": "max-age=5"})

    async def missing(request: web.Request) -> web.Response:
        hits[request.path] += 1
        return answer({"error": "not found", "origin_hits": hits[request.path]}, status=404)

    async def stats(request: web.Request) -> web.Response:
        return answer(dict(hits))

    app = web.Application()
    app.router.add_get("/api/items", items)
    app.router.add_get("/api/report", report)
    app.router.add_get("/_stats", stats)
    app.router.add_get("/{tail:.*}", missing)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=int(sys.argv[1]) if len(sys.argv) > 1 else 9100)
