"""Shared by the intersection tests: a distribution with one loopback origin 'app' (app.internal), and one whose
default behavior targets an origin group of two loopback origins, 'one' (primary, one connection attempt) and
'two'."""

from __future__ import annotations

import textwrap

APP = """\
distribution:
  origins:
    - {{id: app, domain_name: app.internal, custom_origin: {{http_port: {port}}}}}
  default_cache_behavior:
    target_origin_id: app
{behavior}{distribution}{top}emulator:
  resolve: {{app.internal: 127.0.0.1}}
{trace}"""


def app_config(port: int, *, behavior: str = "", distribution: str = "", top: str = "", trace: bool = True) -> str:
    """The 'app' distribution. `behavior`: more keys of its default behavior; `distribution`: more keys of the
    distribution; `top`: more top-level keys (functions, lambda_functions); each as YAML at its own level."""

    def block(text: str, indent: str) -> str:
        return textwrap.indent(textwrap.dedent(text).strip("\n") + "\n", indent) if text.strip() else ""

    return APP.format(port=port, behavior=block(behavior, "    "), distribution=block(distribution, "  "),
                      top=block(top, ""), trace="  debug: {trace_header: true}\n" if trace else "")

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
