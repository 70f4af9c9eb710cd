"""A HAR entry's body (postData.text) is replayed to a live origin with its own Content-Length; the length the
browser counted is not sent without the body it counted."""

from __future__ import annotations

import json
from pathlib import Path

from aiohttp import web

from tests.helpers import serve_app
from tests.replay.support import run_cli

CONFIG = """\
distribution:
  aliases: [www.example.com]
  origins:
    - id: app
      domain_name: app.test
      custom_origin: {protocol_policy: http-only, http_port: %d}
  default_cache_behavior:
    target_origin_id: app
    allowed_methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
    cache_policy: Managed-CachingDisabled
    origin_request_policy: Managed-AllViewer
emulator: {resolve: {app.test: 127.0.0.1}}
"""


def _entry(method: str, headers: list[tuple[str, str]], post: str | None) -> dict:
    request: dict = {"method": method, "url": "https://www.example.com/form", "httpVersion": "HTTP/1.1",
                     "headers": [{"name": k, "value": v} for k, v in headers]}
    if post is not None:
        request["postData"] = {"mimeType": "application/x-www-form-urlencoded", "text": post}
    return {"startedDateTime": "2024-12-05T10:00:00.000Z", "request": request,
            "response": {"status": 200, "content": {"size": 2, "mimeType": "text/plain"}}}


async def test_a_har_post_body_reaches_a_live_origin_with_its_own_length(tmp_path: Path) -> None:
    seen: list[tuple[str, str | None, bytes]] = []

    async def record(request: web.Request) -> web.Response:
        seen.append((request.method, request.headers.get("Content-Length"), await request.read()))
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", record)
    har = tmp_path / "form.har"
    har.write_text(json.dumps({"log": {"version": "1.2", "entries": [
        _entry("POST", [("Content-Type", "application/x-www-form-urlencoded"), ("Content-Length", "11")],
               "a=1&b=héllo"),
        _entry("PUT", [("Content-Length", "5000")], None),  # a body the HAR did not keep
    ]}}))
    async with serve_app(app) as port:
        config = tmp_path / "frontyard.yaml"
        config.write_text(CONFIG % port)
        assert await run_cli("replay", str(har), "--config", str(config), "--origins", "live", "--json") == 0
    assert seen == [("POST", "12", "a=1&b=héllo".encode()), ("PUT", None, b"")]
