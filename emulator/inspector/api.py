"""The inspector's routes on the admin listener: the page at `/`, its static files and the JSON API.

    GET /                                  the inspector page (static HTML + JS, no build step, no CDN)
    GET /_frontyard/requests               summaries, oldest first (?after=SEQ for only newer ones)
    GET /_frontyard/requests/stream        Server-Sent Events: one `request` event (a summary) per new entry
    GET /_frontyard/requests/{id}          the whole trace of one request (id = X-Amz-Cf-Id, or `last`)
    GET /_frontyard/requests/{id}/explain  what the current config would decide for that request now
    GET /_frontyard/requests/{id}/har      one request as a HAR 1.2 file (GET /_frontyard/har: all of them)
    POST /_frontyard/requests/{id}/replay  send it again, optionally edited, through this config or another
    GET /_frontyard/config                 the loaded config file, its text and its warnings
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Protocol

from aiohttp import web
from aiohttp.typedefs import Handler

from emulator.assembly import load_source
from emulator.config.model import Config
from emulator.errors import ConfigError
from emulator.http import EdgeResponse, Headers, ViewerRequest
from emulator.inspector import har, render, resend
from emulator.inspector.bodies import BodyStore
from emulator.inspector.history import History
from emulator.pipeline import Answer, Forward
from emulator.pipeline.lint import lint
from emulator.trace import Trace

_STATIC = files("emulator.inspector") / "static"
_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
KEEPALIVE = 15.0  # seconds between SSE comments, so idle proxies and browsers keep the stream open


class Edge(Protocol):
    """What the inspector asks of the running edge (serve.app.Emulator): its configuration, and the decisions it
    would make for a request without contacting an origin."""

    @property
    def config(self) -> Config: ...

    async def explain(self, request: ViewerRequest) -> tuple[Forward | Answer, Trace]: ...

    async def dispatch(self, request: ViewerRequest) -> tuple[EdgeResponse, Trace]: ...

    async def start(self) -> None: ...

    async def close(self) -> None: ...


class InspectorRoutes:
    def __init__(self, history: History, emulator: Callable[[], Edge], bodies: BodyStore | None = None,
                 make_edge: Callable[[Config], Edge] | None = None) -> None:
        self.history = history
        self.emulator = emulator  # the configuration being served now (it changes on reload)
        self.bodies = bodies or BodyStore(history)
        self.make_edge = make_edge  # an edge for another config, for "Replay against..."

    def register(self, app: web.Application) -> None:
        app.middlewares.append(_json_errors)
        r = app.router
        r.add_get("/", self.page)
        r.add_get("/favicon.ico", self.static)
        r.add_get("/_frontyard/static/{name}", self.static)
        r.add_get("/_frontyard/requests", self.requests)
        r.add_get("/_frontyard/requests/stream", self.stream)  # before {id}: the literal wins
        r.add_get("/_frontyard/requests/{id}", self.request)
        r.add_get("/_frontyard/requests/{id}/explain", self.explain)
        r.add_get("/_frontyard/requests/{id}/har", self.har)
        r.add_post("/_frontyard/requests/{id}/replay", self.replay)
        r.add_get("/_frontyard/har", self.har_all)
        r.add_get("/_frontyard/config", self.config)

    async def page(self, request: web.Request) -> web.Response:
        return self._file("index.html")

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info.get("name", "favicon.svg")
        return self._file(name)

    def _file(self, name: str) -> web.Response:
        suffix = Path(name).suffix
        resource = _STATIC / name
        if "/" in name or suffix not in _TYPES or not resource.is_file():
            raise web.HTTPNotFound(text=f"no such file: {name}\n")
        return web.Response(body=resource.read_bytes(), headers={"Content-Type": _TYPES[suffix],
                                                                  "Cache-Control": "no-cache"})

    async def requests(self, request: web.Request) -> web.Response:
        after = request.query.get("after", "0")
        if not after.isdigit():
            raise web.HTTPBadRequest(text="after: expected a sequence number\n")
        entries = self.history.entries(int(after))
        return web.json_response({"limit": self.history.limit, "instance": self.history.instance,
                                  "requests": [render.summary(e) for e in entries]})

    async def request(self, request: web.Request) -> web.Response:
        entry = self.history.get(request.match_info["id"])
        if entry is None:
            return _missing(request.match_info["id"], self.history)
        out = render.detail(entry)
        out["bodies"] = self.bodies.get(entry.id, _type(entry.trace.viewer.headers if entry.trace.viewer else None),
                                        _type(entry.headers))
        return web.json_response(out)

    async def har(self, request: web.Request) -> web.Response:
        entry = self.history.get(request.match_info["id"])
        if entry is None:
            return _missing(request.match_info["id"], self.history)
        return _har(har.document([entry], self.bodies), f"frontyard-{entry.id[:12]}.har")

    async def har_all(self, request: web.Request) -> web.Response:
        return _har(har.document(self.history.entries(), self.bodies), "frontyard.har")

    async def replay(self, request: web.Request) -> web.Response:
        entry = self.history.get(request.match_info["id"])
        if entry is None or entry.trace.viewer is None:
            return _missing(request.match_info["id"], self.history)
        try:
            edits = await request.json() if request.can_read_body else {}
            viewer = resend.edited(entry.trace.viewer, edits, self.bodies.get(entry.id))
        except (ValueError, TypeError) as exc:
            return web.json_response({"error": f"replay: {exc}"}, status=400)
        except RecursionError:
            return web.json_response({"error": "replay: JSON nested too deeply"}, status=400)
        except web.HTTPRequestEntityTooLarge as exc:
            return web.json_response({"error": f"replay: the edits are larger than the admin listener reads "
                                               f"({exc.text})"}, status=413)
        if not edits.get("against"):
            return web.json_response(await resend.send(self.emulator(), viewer, self.emulator().config.file))
        if self.make_edge is None:
            return web.json_response({"error": "replay against another config is not available here"}, status=400)
        try:
            config = await asyncio.to_thread(load_source, str(edits["against"]))
        except ConfigError as exc:
            return web.json_response({"error": f"{exc.file} does not load", "issues": [i.format() for i in exc.issues]},
                                     status=400)
        other = self.make_edge(config)
        await other.start()
        try:
            return web.json_response(await resend.send(other, viewer, config.file))
        finally:
            await other.close()

    async def explain(self, request: web.Request) -> web.Response:
        entry = self.history.get(request.match_info["id"])
        if entry is None or entry.trace.viewer is None:
            return _missing(request.match_info["id"], self.history)
        viewer = replace(entry.trace.viewer, body=b"", has_body=False)  # the body was streamed, not kept
        decision, trace = await self.emulator().explain(viewer)
        body = {"id": entry.id, "config": self.emulator().config.file,
                "decisions": [render.decision(d) for d in trace.decisions]}
        if isinstance(decision, Forward):
            r = decision.origin_request
            body["origin_request"] = {"url": r.url_for_display, "method": r.method, "target": r.target,
                                      "headers": render.headers(r.headers)}
        else:
            body["answer"] = {"status": decision.response.status,
                              "headers": render.headers(decision.response.headers)}
        return web.json_response(body)

    async def config(self, request: web.Request) -> web.Response:
        config = self.emulator().config
        text = await asyncio.to_thread(_source_text, config)
        issues = [*config.warnings, *lint(config)]
        return web.json_response({
            "file": config.file, "text": text,
            "warnings": [{"location": str(i.location) if i.location else None, "field": i.field,
                          "message": i.message, "text": i.format()} for i in issues],
            "distributions": [{"id": d.id, "domain_name": d.domain_name, "aliases": list(d.aliases),
                               "behaviors": [b.label for b in d.behaviors],
                               "origins": [o.id for o in d.origins]} for d in config.distributions],
            "history_limit": self.history.limit,
        })

    async def stream(self, request: web.Request) -> web.StreamResponse:
        queue = self.history.subscribe()
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        try:
            await response.prepare(request)
            await response.write(b": frontyard inspector stream\n\n")
            while True:
                try:
                    entry = await asyncio.wait_for(queue.get(), KEEPALIVE)
                except TimeoutError:
                    await response.write(b": keep-alive\n\n")
                    continue
                if entry is None:  # the admin server is closing
                    break
                data = json.dumps(render.summary(entry), separators=(",", ":"))
                await response.write(f"id: {entry.seq}\nevent: request\ndata: {data}\n\n".encode())
        except ConnectionError:
            pass  # the browser went away
        finally:
            self.history.unsubscribe(queue)
        return response


def _source_text(config: Config) -> str:
    """The config's text; for a folder source (cdk.out, a Terraform module) each file it was read from, in turn."""
    path = Path(config.file)
    files = [f for f in config.source_files if f != path] if path.is_dir() else [path]
    parts = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            text = f"(cannot read {file}: {getattr(exc, 'strerror', None) or exc})"
        parts.append(f"# {file}\n{text}" if path.is_dir() else text)
    return "\n".join(parts) if parts else f"({path} is a folder; no file was read from it)"


@web.middleware
async def _json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The admin listener answers an unknown path or method in JSON, naming what exists, not with aiohttp's
    own error page."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status not in (404, 405) or exc.content_type == "application/json":
            raise
        routes = sorted({str(r.resource.canonical) for r in request.app.router.routes() if r.resource})
        detail = (exc.text or exc.reason).strip()
        return web.json_response({"error": f"{request.method} {request.path} is not an admin route ({detail})",
                                  "routes": routes}, status=exc.status)


def _type(headers: Headers | None) -> str:
    return headers.get("Content-Type", "") if headers is not None else ""


def _har(doc: dict[str, object], name: str) -> web.Response:
    return web.Response(text=json.dumps(doc, indent=1), content_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _missing(request_id: str, history: History) -> web.Response:
    return web.json_response({"error": f"no request '{request_id}' in the history (it keeps the last "
                                       f"{history.limit}; ids are the X-Amz-Cf-Id response header)"}, status=404)
