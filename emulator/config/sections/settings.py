"""Loading `emulator:`, frontyard's own settings."""

from __future__ import annotations

import ipaddress
import re

from emulator.config import keys as config_keys
from emulator.config import rules
from emulator.config.model import CacheSettings, EmulatorSettings, Listen
from emulator.config.reader import Report, Section
from emulator.config.sections.keys import load_key_pairs
from emulator.http import split_host_port


# long: one key of `emulator:` after another, each read and checked where it is written
def load_settings(r: Report, s: Section | None) -> EmulatorSettings:
    """`emulator:` — frontyard's own settings (listeners, resolve, viewer location, debug)."""
    if s is None:
        return EmulatorSettings()
    s.check_keys(config_keys.names(config_keys.EMULATOR))
    defaults = EmulatorSettings()
    http, https, admin = defaults.http, defaults.https, defaults.admin
    if (listen := s.section("listen")) is not None:
        listen.check_keys(config_keys.names(config_keys.LISTEN))
        http = _listen(r, listen, "http") or http
        https = None if listen.data.get("https", "") is False else _listen(r, listen, "https") or https
        admin = None if listen.data.get("admin", "") is False else _listen(r, listen, "admin") or admin
    resolve: list[tuple[str, str, int | None]] = []
    if (res := s.section("resolve")) is not None:
        for name, value in res.data.items():
            address = _address(value)
            if address is None:
                shown = f"'{value}'" if isinstance(value, str) else f"{value!r}"
                r.error(res.at(name), f"{shown} is not an address", "host or host:port, like 127.0.0.1:9000")
                continue
            resolve.append((name.lower(), *address))
    pop = s.str("pop", defaults.pop) or defaults.pop
    edge_id = s.str("edge_id", defaults.edge_id) or defaults.edge_id
    if not rules.EDGE_ID.match(edge_id):
        r.error(s.at("edge_id"), f"'{edge_id}' is not an edge id", "1 to 64 lower-case hex digits")
        edge_id = defaults.edge_id
    debug = s.section("debug")
    trace_header = False
    if debug is not None:
        debug.check_keys(config_keys.names(config_keys.DEBUG))
        trace_header = debug.bool("trace_header", False)
    viewer: list[tuple[str, str]] = []
    if (geo := s.section("viewer")) is not None:
        geo.check_keys(config_keys.names(config_keys.VIEWER))
        for k, v in geo.data.items():
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, str | int | float):
                r.error(geo.at(k), f"must be a single value, got {type(v).__name__}", "a string, like DE")
                continue
            viewer.append((k.replace("_", "-"), str(v)))
    state = s.str("state_dir")
    if state and (r.base_dir / state).exists() and not (r.base_dir / state).is_dir():
        r.error(s.at("state_dir"), f"'{state}' is a file", "a folder for the local CA (created if missing)")
        state = None
    history = s.int("history", defaults.history, 0, 100_000)  # requests kept for the inspector
    idle = s.float("websocket_idle_timeout", defaults.websocket_idle_timeout, 0, 86_400)
    server = s.str("server", defaults.server) or defaults.server
    if server not in ("lean", "aiohttp"):
        r.error(s.at("server"), f"'{server}' is not a viewer listener we have", "lean or aiohttp")
        server = defaults.server
    console, log_file = True, None
    if isinstance(s.data.get("access_log"), dict):  # {console: true, file: logs/access.log, format: standard}
        log = s.section("access_log")
        assert log is not None
        log.check_keys(config_keys.names(config_keys.ACCESS_LOG))
        console = log.bool("console", True)
        name = log.str("file")
        log_file = r.base_dir / name if name else None
        if log.str("format", "standard") != "standard":
            log.r.error(log.at("format"), f"'{log.data['format']}' is not a log format we write",
                        "standard (CloudFront's tab-separated standard access log)")
    else:
        console = s.bool("access_log", True)
    return EmulatorSettings(
        http=http,
        https=https,
        admin=admin,
        state_dir=r.base_dir / state if state else None,
        resolve=tuple(resolve),
        pop=pop,
        edge_id=edge_id,
        debug_header=trace_header,
        access_log=console,
        viewer=tuple(viewer),
        cache=_cache(r, s.section("cache")),
        key_pairs=load_key_pairs(r, s.section("key_pairs")),
        history=history,
        access_log_file=log_file,
        websocket_idle_timeout=idle,
        server=server,
    )


_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1000, "m": 1000**2, "g": 1000**3, "ki": 1024, "mi": 1024**2, "gi": 1024**3}
_SIZE_EXPECTED = "a byte count like 268435456, '256MiB' or '64MB'"


def _cache(r: Report, s: Section | None) -> CacheSettings:
    """`emulator.cache`: on/off and the memory bounds of the store."""
    defaults = CacheSettings()
    if s is None:
        return defaults
    s.check_keys(config_keys.names(config_keys.CACHE))
    total = _size(r, s, "max_bytes", defaults.max_bytes)
    largest = _size(r, s, "max_object_bytes", defaults.max_object_bytes)
    if largest > total:
        r.error(s.at("max_object_bytes"), f"{largest} is larger than max_bytes ({total})",
                "at most max_bytes: an object must fit in the store")
    return CacheSettings(enabled=s.bool("enabled", True), max_bytes=total, max_object_bytes=largest)


def _size(r: Report, s: Section, key: str, default: int) -> int:
    value = s.data.get(key)
    if value is None:
        return default
    m = _SIZE.match(str(value)) if isinstance(value, int | str) and not isinstance(value, bool) else None
    if m is None:
        r.error(s.at(key), f"'{value}' is not a size", _SIZE_EXPECTED)
        return default
    unit = (m.group(2) or "").lower().removesuffix("b")
    size = int(m.group(1)) * _UNITS[unit]
    if size < 1:
        r.error(s.at(key), f"'{value}' is not a size", _SIZE_EXPECTED)
        return default
    return size

def _listen(r: Report, s: Section, key: str) -> Listen | None:
    if s.data.get(key) is False:  # `https: false` turns the listener off
        return None
    value = s.str(key)
    if value is None:
        return None
    host, port = split_host_port(value)
    if port is None or not 0 <= port <= 65535 or any(c.isspace() or c == "/" for c in host):
        r.error(s.at(key), f"'{value}' is not host:port", "like 127.0.0.1:8080")
        return None
    if host and not _loopback(host):
        r.warn(s.at(key), f"listens on '{host}', not only on this machine: anyone who can reach it can use "
               "the edge (and through it the origins); use 127.0.0.1 unless that is what you want")
    return Listen(host=host or "127.0.0.1", port=port)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() == "localhost" or host.lower().endswith(".localhost")


def _address(value: object) -> tuple[str, int | None] | None:
    """A `resolve` target: 'host' or 'host:port' ('[::1]:9000' for IPv6); None if it is not one."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    host, port = split_host_port(text)
    colons = text.count(":")
    if not host or any(c.isspace() or c in "/?#@" for c in host):
        return None
    if ((text.startswith("[") and "]:" in text) or colons == 1) and port is None:
        return None  # a port that is not a number
    if port is not None and not 1 <= port <= 65535:
        return None
    return host, port
