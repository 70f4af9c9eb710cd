"""Distribution and cache-behavior selection (reference §1, §2). Pure functions, patterns compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from emulator.config.model import CacheBehavior, Distribution
from emulator.pipeline.cache_key import KeySpec, compile_key_spec
from emulator.pipeline.forwarding import Forwarding, compile_forwarding

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
    """RFC 3986 §6 normalisation used for matching only: decode percent-encoded unreserved characters,
    collapse duplicate slashes, and remove dot segments. The origin still gets the raw path."""
    path = _PCT.sub(lambda m: chr(int(m[1], 16)) if chr(int(m[1], 16)) in _UNRESERVED else m[0].upper(), raw_path)
    path = re.sub("/{2,}", "/", path)
    return _remove_dot_segments(path) or "/"


def _remove_dot_segments(path: str) -> str:
    # RFC 3986 §5.2.4, written over segments.
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

    @property
    def where(self) -> str:
        """How the config names it: 'default behavior' or "cache_behaviors[2] '/api/*'"."""
        if self.behavior.is_default:
            return "default behavior"
        return f"cache_behaviors[{self.index}] '{self.behavior.path_pattern}'"


@dataclass(frozen=True)
class Router:
    """One distribution's behaviors, compiled at load, in evaluation order (default last)."""

    behaviors: tuple[CompiledBehavior, ...]

    @classmethod
    def build(cls, distribution: Distribution) -> Router:
        compiled = [CompiledBehavior(i, b, compile_pattern(b.path_pattern), compile_forwarding(b),
                                     compile_key_spec(b))
                    for i, b in enumerate(distribution.cache_behaviors)]
        default = distribution.default_cache_behavior
        compiled.append(CompiledBehavior(-1, default, compile_pattern("*"), compile_forwarding(default),
                                         compile_key_spec(default)))
        return cls(tuple(compiled))

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
