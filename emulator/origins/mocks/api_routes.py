"""API Gateway routes and resources: `METHOD /path` with `{param}` and greedy `{proxy+}` segments, `ANY`, and
HTTP APIs' `$default`; the most specific match wins (AWS, "Working with routes for HTTP APIs": "API Gateway
selects the route with the most-specific match")."""

from __future__ import annotations

import re
from dataclasses import dataclass

METHODS = ("ANY", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_EXECUTE_API = re.compile(r"^([a-z0-9]{1,32})\.execute-api\.[a-z0-9-]+\.amazonaws\.com$")


@dataclass(frozen=True)
class Route:
    key: str  # as API Gateway names it: "GET /items/{id}" or "$default"
    method: str  # ANY or one method
    path: str  # "" for $default
    segments: tuple[str, ...]


@dataclass(frozen=True)
class Mapping:
    domain: str
    base: str  # "" or "/v1"
    stage: str


def api_id_of(domain: str) -> str | None:
    found = _EXECUTE_API.match(domain.lower())
    return found.group(1) if found else None


def parse_route(raw: str, http: bool) -> tuple[Route | None, str]:
    text = raw.strip()
    if text == "$default":
        return (Route("$default", "ANY", "", ()), "") if http else \
            (None, "'$default' routes are for HTTP APIs; a REST API uses 'ANY /{proxy+}'")
    method, _, path = text.partition(" ")
    if method.upper() not in METHODS or not path.startswith("/"):
        return None, f"'{raw}' is not a route: 'METHOD /path' with METHOD one of {', '.join(METHODS)}"
    segments = tuple(s for s in path.strip("/").split("/") if s)
    greedy = [i for i, s in enumerate(segments) if s.endswith("+}")]
    if greedy and greedy != [len(segments) - 1]:
        return None, f"'{raw}': a greedy {{name+}} segment must be the last one"
    return Route(f"{method.upper()} {path}", method.upper(), path, segments), ""


def split_mapping(key: str, stage: str) -> Mapping:
    """`api.example.com` or `api.example.com/v1` -> a base path mapping to `stage`."""
    domain, slash, base = key.lower().partition("/")
    return Mapping(domain, f"/{base.strip('/')}" if slash and base.strip("/") else "", stage)


def _match_path(route: Route, parts: list[str]) -> dict[str, str] | None:
    params: dict[str, str] = {}
    for i, seg in enumerate(route.segments):
        if seg.startswith("{") and seg.endswith("+}"):
            if i >= len(parts):
                return None
            params[seg[1:-2]] = "/".join(parts[i:])
            return params
        if i >= len(parts):
            return None
        if seg.startswith("{") and seg.endswith("}"):
            params[seg[1:-1]] = parts[i]
        elif seg != parts[i]:
            return None
    return params if len(parts) == len(route.segments) else None


def _specificity(route: Route) -> tuple[int, int, int]:
    literal = sum(1 for s in route.segments if not s.startswith("{"))
    greedy = any(s.endswith("+}") for s in route.segments)
    return (0 if route.key == "$default" else 1, len(route.segments) - greedy + literal, route.method != "ANY")


def match(routes: list[Route], method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    parts = [p for p in path.strip("/").split("/") if p]
    found: list[tuple[Route, dict[str, str]]] = []
    for route in routes:
        if route.method not in ("ANY", method.upper()):
            continue
        if route.key == "$default":
            found.append((route, {}))
            continue
        params = _match_path(route, parts)
        if params is not None:
            found.append((route, params))
    return max(found, key=lambda f: _specificity(f[0])) if found else None
