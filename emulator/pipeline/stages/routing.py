"""Distribution and cache-behavior selection (AWS: "Cache behavior settings", "Specify a default root object"). Pure
functions, patterns compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from emulator.cache.key import KeySpec, compile_key_spec
from emulator.config.model import CacheBehavior, Distribution, Origin, OriginGroup
from emulator.policies.forwarding import Forwarding, compile_forwarding

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A CloudFront path pattern as an anchored regex.

    `*` is any run of characters including '/', `?` exactly one character (we let it match '/', which the
    docs leave open), everything else literal and case-sensitive; a leading '/' is implied.
    """
    if not pattern.startswith("/"):
        pattern = "/" + pattern
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(body, re.DOTALL)


def normalize_path(raw_path: str) -> str:
    """RFC 3986 Section 6 normalisation used for matching only: decode percent-encoded unreserved characters,
    collapse duplicate slashes, and remove dot segments. The origin still gets the raw path."""
    if "%" not in raw_path and "//" not in raw_path and "/." not in raw_path and raw_path.startswith("/"):
        return raw_path  # most paths: nothing to decode, collapse or remove
    path = _PCT.sub(lambda m: chr(int(m[1], 16)) if chr(int(m[1], 16)) in _UNRESERVED else m[0].upper(), raw_path)
    path = re.sub("/{2,}", "/", path)
    return _remove_dot_segments(path) or "/"


def _remove_dot_segments(path: str) -> str:
    # RFC 3986 Section 5.2.4, written over segments.
    out: list[str] = []
    segments = path.split("/")
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == ".":
            if last:
                out.append("")
        elif seg == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(seg)
    result = "/".join(out)
    return result if result.startswith("/") else "/" + result


@dataclass(frozen=True)
class CompiledBehavior:
    """A behavior with everything a request needs from it compiled at load: its pattern and its forwarding."""

    index: int  # position in cache_behaviors; -1 for the default
    behavior: CacheBehavior
    regex: re.Pattern[str]
    forwarding: Forwarding
    key_spec: KeySpec  # what goes into the cache key, and the TTL bounds
    # What every request through the behavior would otherwise look up or format again:
    group: OriginGroup | None = None  # the origin group target_origin_id names, if it names one
    origin: Origin | None = None  # the origin it names (a group's primary); None only in an unchecked config
    # How the config names it: 'default behavior' or "cache_behaviors[2] '/api/*'".
    where: str = field(init=False, default="")
    methods: str = field(init=False, default="")  # the allowed methods as the trace lists them

    def __post_init__(self) -> None:
        where = "default behavior" if self.behavior.is_default else \
            f"cache_behaviors[{self.index}] '{self.behavior.path_pattern}'"
        object.__setattr__(self, "where", where)
        object.__setattr__(self, "methods", ", ".join(sorted(self.behavior.allowed_methods)))


@dataclass(frozen=True)
class Router:
    """One distribution's behaviors, compiled at load, in evaluation order (default last)."""

    behaviors: tuple[CompiledBehavior, ...]

    @classmethod
    def build(cls, distribution: Distribution) -> Router:
        def compiled(index: int, b: CacheBehavior, pattern: str) -> CompiledBehavior:
            group = distribution.group(b.target_origin_id)
            primary = group.primary if group is not None else b.target_origin_id
            origin = next((o for o in distribution.origins if o.id == primary), None)
            return CompiledBehavior(index, b, compile_pattern(pattern), compile_forwarding(b), compile_key_spec(b),
                                    group, origin)

        behaviors = [compiled(i, b, b.path_pattern) for i, b in enumerate(distribution.cache_behaviors)]
        return cls((*behaviors, compiled(-1, distribution.default_cache_behavior, "*")))

    def select(self, normalized_path: str) -> CompiledBehavior:
        """First match wins; the default behavior matches everything."""
        return next(b for b in self.behaviors if b.regex.fullmatch(normalized_path))


def root_object_path(raw_path: str, default_root_object: str) -> str | None:
    """The path to request instead of `raw_path` when the default root object applies (exactly '/')."""
    if default_root_object and raw_path == "/":
        return "/" + default_root_object
    return None


def host_matches(host: str, name: str) -> bool:
    """Alias match: exact, or a '*.example.com' wildcard covering exactly one more leading label."""
    if name.startswith("*."):
        suffix = name[1:]
        return host.endswith(suffix) and "." not in host[: -len(suffix)] and len(host) > len(suffix)
    return host == name
