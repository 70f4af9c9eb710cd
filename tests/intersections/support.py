"""Shared by the intersection tests: a distribution whose default behavior targets an origin group of two
loopback origins, 'one' (primary, one connection attempt) and 'two'."""

from __future__ import annotations

GROUP = """\
distribution:
  origins:
    - {{id: one, domain_name: one.internal, connection_attempts: 1, custom_origin: {{http_port: {p1}}}}}
    - {{id: two, domain_name: two.internal, custom_origin: {{http_port: {p2}}}}}
  origin_groups:
    - id: both
      members: [one, two]
      failover_criteria: {{status_codes: [500, 502, 503, 504]}}
  default_cache_behavior:
    target_origin_id: both
{extra}emulator:
  resolve: {{one.internal: 127.0.0.1, two.internal: 127.0.0.1}}
  debug: {{trace_header: true}}
"""


def group_config(p1: int, p2: int, distribution_extra: str = "") -> str:
    """`distribution_extra`: more keys of the distribution, indented two spaces, each line ending in a newline."""
    return GROUP.format(p1=p1, p2=p2, extra=distribution_extra)
