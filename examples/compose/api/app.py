"""The example API of the docker compose dev stack: a tiny JSON service, standard library only.

It runs on the stock python:3.11-slim image (nothing to install) and answers only for its production name
(API_SERVER_NAME, default api.example.test), like a service behind a host-routed load balancer: an edge that
forwards the viewer's Host gets a 421 here, in development, instead of a 404 in production.

    python app.py --host 0.0.0.0 --port 8000        (port 0 picks a free port; the first line says which)

Routes:
    GET /api/health   {"status": "ok"} for any Host (the healthcheck calls it directly)
    GET /api/hello    what the API received: method, path, query, Host and every header in order
    anything else     a JSON 404 (405 for methods other than GET and HEAD)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

SERVER_NAME = os.environ.get("API_SERVER_NAME", "api.example.test")


class Handler(BaseHTTPRequestHandler):
    server_version = "example-api/1.0"
    protocol_version = "HTTP/1.1"  # keep-alive, like the edge's connection pool expects

    def do_GET(self) -> None:
        self._route(send_body=True)

    def do_HEAD(self) -> None:
        self._route(send_body=False)

    def _not_allowed(self) -> None:
        # No request body parsing here (the edge may stream it chunked): answer and close the connection.
        self.close_connection = True
        self._json(405, {"error": "method not allowed", "method": self.command}, extra={"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _not_allowed

    def _route(self, *, send_body: bool) -> None:
        url = urlsplit(self.path)
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        if url.path == "/api/health":
            self._json(200, {"status": "ok"}, send_body=send_body)
        elif host != SERVER_NAME:
            self._json(421, {"error": "misdirected request", "host": host, "expected": SERVER_NAME},
                       send_body=send_body)
        elif url.path == "/api/hello":
            self._json(200, {
                "message": "hello from the example API",
                "method": self.command,
                "path": url.path,
                "query": url.query,
                "host": self.headers.get("Host"),
                "headers": [[name, value] for name, value in self.headers.items()],
            }, send_body=send_body)
        else:
            self._json(404, {"error": "not found", "path": url.path}, send_body=send_body)

    def _json(self, status: int, payload: object, *, send_body: bool = True,
              extra: dict[str, str] | None = None) -> None:
        body = json.dumps(payload, indent=2).encode() + b"\n"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    host, port = server.server_address[:2]
    print(f"example-api: listening on http://{host}:{port} as {SERVER_NAME}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
