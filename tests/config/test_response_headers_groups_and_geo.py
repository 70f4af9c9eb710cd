"""Loading response headers policies, origin groups and geo restriction: every problem, with its place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_config_text
from emulator.errors import ConfigError

BASE = """\
distribution:
  origins:
    - {id: a, domain_name: a.example.test}
    - {id: b, domain_name: b.example.test}
  default_cache_behavior:
    target_origin_id: %s
    response_headers_policy: %s
%s
"""


def load(text: str):
    return load_config_text(textwrap.dedent(text), "site.yaml", Path("."))


def errors(text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(text)
    return [i.format() for i in info.value.errors]


def test_managed_policies_by_name_short_name_and_id() -> None:
    for ref in ("Managed-CORS-With-Preflight", "CORS-With-Preflight", "5cc3b908-e619-4b99-88e5-2cf7f45965bd"):
        behavior = load(BASE % ("a", ref, "")).distributions[0].default_cache_behavior
        assert behavior.headers_policy is not None
        assert behavior.headers_policy.name == "Managed-CORS-With-Preflight"
        assert behavior.response_headers_policy == ref


def test_a_custom_policy_loads_in_cloudfronts_shape() -> None:
    policies = """\
response_headers_policies:
  site:
    cors_config:
      access_control_allow_origins: ["https://app.test", "*.example.org"]
      access_control_allow_methods: [ALL]
      access_control_allow_headers: ["*"]
      access_control_allow_credentials: false
      origin_override: false
    security_headers_config:
      strict_transport_security: {access_control_max_age_sec: 63072000, include_subdomains: true, preload: true,
                                  override: true}
      xss_protection: {protection: true, report_uri: "https://r.test/x", override: false}
    custom_headers_config:
      - {header: X-Empty, override: false}
    server_timing_headers_config: {enabled: true, sampling_rate: 12.5}
"""
    policy = load(BASE % ("a", "site", policies)).distributions[0].default_cache_behavior.headers_policy
    assert policy is not None and policy.cors is not None
    assert policy.cors.allow_methods == ("GET", "DELETE", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")
    assert [(h.name, h.value, h.override) for h in policy.security] == [
        ("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload", True),
        ("X-XSS-Protection", "1; report=https://r.test/x", False)]
    assert policy.custom[0].value == ""
    assert policy.server_timing.sampling_rate == 12.5


def test_every_policy_problem_is_reported_at_once() -> None:
    policies = """\
response_headers_policies:
  bad:
    cors_config:
      access_control_allow_origins: ["example.*"]
      access_control_allow_methods: [GET, TRACE]
      access_control_allow_credentials: true
    security_headers_config:
      frame_options: {frame_option: ALLOWALL, override: true}
      referrer_policy: {referrer_policy: sometimes}
      xss_protection: {protection: true, mode_block: true, report_uri: "https://r.test", override: true}
    remove_headers_config: [Content-Length, X-Amz-Cf-Id, X-Powered-By]
    custom_headers_config:
      - {header: X-Cache, value: HIT, override: true}
"""
    found = "\n".join(errors(BASE % ("a", "bad", policies)))
    for expected in ("'example.*' is not an allowed origin", "'TRACE' is not a CORS method",
                     "missing required key 'access_control_allow_headers'", "missing required key 'origin_override'",
                     "'ALLOWALL' is not a frame option", "'sometimes' is not a referrer policy",
                     "give mode_block or report_uri, not both", "CloudFront does not allow removing 'Content-Length'",
                     "CloudFront does not allow removing 'X-Amz-Cf-Id'", "'X-Cache' is controlled by CloudFront",
                     "site.yaml:"):
        assert expected in found, expected
    assert "X-Powered-By" not in found


def test_unknown_policy_names_the_choices() -> None:
    (problem,) = errors(BASE % ("a", "Managed-Nope", ""))
    assert "no response headers policy named 'Managed-Nope'" in problem
    assert "Managed-SimpleCORS" in problem


GROUPS = """\
  origin_groups:
    - id: g
      members: [a, b]
      failover_criteria: {status_codes: [500, 503]}
"""


def test_a_behavior_targets_an_origin_group() -> None:
    d = load((BASE % ("g", "null", "")).replace("  default_cache_behavior", GROUPS + "  default_cache_behavior"))
    d = d.distributions[0]
    assert d.group("g") is not None and d.group("g").status_codes == (500, 503)
    assert (d.group("g").primary, d.group("g").secondary) == ("a", "b")


def test_origin_group_problems() -> None:
    bad = """\
  origin_groups:
    - id: a
      members: [a, c, b]
      failover_criteria: {status_codes: [500, 501, "x"]}
    - id: h
      members: [a, a]
"""
    found = "\n".join(errors((BASE % ("a", "null", "")).replace("  default_cache_behavior",
                                                               bad + "  default_cache_behavior")))
    for expected in ("id 'a' is already used", "3 members", "no origin has id 'c'", "501 is not a failover status",
                     "'x' is not a failover status", "must be different origins", "failover_criteria"):
        assert expected in found, expected


def test_geo_restriction() -> None:
    ok = "  restrictions: {geo_restriction: {restriction_type: whitelist, locations: [US, CA]}}"
    geo = load((BASE % ("a", "null", "")).replace("  default_cache_behavior", ok + "\n  default_cache_behavior"))
    assert geo.distributions[0].geo_restriction is not None
    assert geo.distributions[0].geo_restriction.locations == {"US", "CA"}
    assert not any("restrictions" in w.message for w in geo.warnings)
    bad = "  restrictions: {geo_restriction: {restriction_type: blacklist, locations: [usa, DE]}}"
    found = "\n".join(errors((BASE % ("a", "null", "")).replace("  default_cache_behavior",
                                                               bad + "\n  default_cache_behavior")))
    assert "'usa' is not an ISO 3166-1 alpha-2 country code" in found
