"""Inputs in the real formats: CloudFront access-log lines as AWS documents them (its example distribution domain,
viewer IP and request id), and configurations to replay them through."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from emulator.cli import main
from emulator.replay.w3c import FIELDS

HEADER = ["#Version: 1.0", "#Fields: " + " ".join(FIELDS)]
DOMAIN = "d111111abcdef8.cloudfront.net"


def log_line(time: str, path: str, query: str = "-", *, status: int = 200, result: str = "Miss",
             content_type: str = "text/html", size: int = 1234, method: str = "GET", date: str = "2019-12-04") -> str:
    """One line in the 33-field order of AWS's "Standard logging reference"."""
    values = [date, time, "FRA2", "2390", "192.0.2.100", method, DOMAIN, path, str(status), "-",
              "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)", query, "-", result,
              "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==", DOMAIN, "https", "23", "0.001", "-",
              "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", result, "HTTP/2.0", "-", "-", "11040", "0.001", result,
              content_type, str(size), "-", "-"]
    assert len(values) == len(FIELDS)
    return "\t".join(values)


def write_log(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([*HEADER, *lines]) + "\n")
    return path


ORIGINS = f"""\
distribution:
  aliases: [{DOMAIN}]
  origins:
    - {{id: api, domain_name: api.example.test, custom_origin: {{http_port: 9100, protocol_policy: http-only}}}}
    - {{id: api-v2, domain_name: api2.example.test, custom_origin: {{http_port: 9102, protocol_policy: http-only}}}}
    - id: web
      domain_name: web.example.test
      origin_path: /site
      custom_origin: {{http_port: 9101, protocol_policy: http-only}}
"""
API = """\
    - {path_pattern: /api/*, target_origin_id: api, cache_policy: Managed-CachingDisabled}
"""
API_V2 = """\
    - {path_pattern: /api/v2*, target_origin_id: api-v2, cache_policy: Managed-CachingOptimized}
"""
DEFAULT = """\
  default_cache_behavior: {target_origin_id: web, cache_policy: %s}
"""


def config(tmp_path: Path, name: str, behaviors: list[str], policy: str = "Managed-CachingOptimized",
           extra: str = "") -> Path:
    path = tmp_path / name
    path.write_text(ORIGINS + "  cache_behaviors:\n" + "".join(behaviors) + DEFAULT % policy + extra)
    return path


def replay_json(capsys: object, *args: str) -> dict:
    assert main(["replay", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]


async def run_cli(*args: str) -> int:
    """`frontyard ARGS` from an async test: the command runs its own event loop, so in a thread."""
    return await asyncio.to_thread(main, list(args))
