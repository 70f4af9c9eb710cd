"""`frontyard validate` warnings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from emulator.assembly import load_config_text
from emulator.pipeline.lint import lint


def warnings(text: str) -> list[str]:
    config = load_config_text(textwrap.dedent(text), "site.yaml", Path("."))
    return [w.format() for w in lint(config)]


BASE = """\
distribution:
  aliases: [app.test]
  origins:
    - {id: api, domain_name: api.internal.test}
    - {id: site, domain_name: app.test}
  default_cache_behavior: {target_origin_id: api}
"""


@pytest.mark.parametrize(("behavior", "warned"), [
    ("origin_request_policy: Managed-AllViewer", True),
    ("origin_request_policy: Managed-HostHeaderOnly", True),
    ("origin_request_policy: Managed-AllViewerExceptHostHeader", False),
    ("cache_policy: Managed-Amplify", True),  # Host is in its cache key, so it is forwarded
    ("forwarded_values: {query_string: false, headers: [Host]}", True),
])
def test_host_forwarding_to_a_foreign_domain(behavior: str, warned: bool) -> None:
    text = BASE.replace("default_cache_behavior: {target_origin_id: api}",
                        f"default_cache_behavior: {{target_origin_id: api, {behavior}}}")
    found = [w for w in warnings(text) if "forwards the viewer's Host" in w]
    assert bool(found) is warned, found


def test_host_forwarding_to_an_alias_is_fine() -> None:
    text = BASE.replace("default_cache_behavior: {target_origin_id: api}",
                        "default_cache_behavior: {target_origin_id: site, origin_request_policy: Managed-AllViewer}")
    assert not [w for w in warnings(text) if "forwards the viewer's Host" in w]


def test_mock_certificate_not_covering_its_domain() -> None:
    text = BASE.replace("    - {id: api, domain_name: api.internal.test}",
                        "    - {id: api, domain_name: api.internal.test, mock: {type: echo, tls: {names: [x.test]}}}")
    assert any("its mock certificate covers x.test, not its domain api.internal.test" in w for w in warnings(text))


@pytest.mark.parametrize(("patterns", "message"), [
    (["/Api/*", "/api/*"], "differs from '/Api/*' only in letter case"),
    (["/api"], "has no wildcard, so it matches exactly /api"),
])
def test_path_patterns(patterns: list[str], message: str) -> None:
    behaviors = "".join(f"    - {{path_pattern: '{p}', target_origin_id: site}}\n" for p in patterns)
    assert any(message in w for w in warnings(BASE + "  cache_behaviors:\n" + behaviors))


def test_files_without_wildcards_are_fine() -> None:
    text = BASE + "  cache_behaviors:\n    - {path_pattern: /index.html, target_origin_id: site}\n"
    assert not [w for w in warnings(text) if "wildcard" in w]


def test_origin_on_the_emulators_own_port() -> None:
    text = BASE + "emulator:\n  listen: {http: '127.0.0.1:9090'}\n  resolve: {api.internal.test: '127.0.0.1:9090'}\n"
    assert any("connects to this emulator's own listener (127.0.0.1:9090)" in w for w in warnings(text))


@pytest.mark.parametrize(("behavior", "gap"), [
    ("origin_request_policy: Managed-AllViewer", "every viewer header"),
    ("origin_request_policy: Managed-AllViewerExceptHostHeader", "every viewer header"),
    ("origin_request_policy: Managed-CORS-CustomOrigin", "the headers origin"),
    ("forwarded_values: {query_string: true, query_string_cache_keys: [page]}", "every query string (only page"),
    ("cache_policy: Managed-CachingDisabled\n    origin_request_policy: Managed-AllViewer", None),
    ("cache_policy: Managed-UseOriginCacheControlHeaders-QueryStrings", None),  # forwards only what it keys
    ("forwarded_values: {query_string: true, cookies: {forward: all}, headers: [Authorization]}", None),
])
def test_forwarded_but_not_in_the_cache_key(behavior: str, gap: str | None) -> None:
    text = BASE.replace("default_cache_behavior: {target_origin_id: api}",
                        f"default_cache_behavior:\n    target_origin_id: api\n    {behavior}")
    found = [w for w in warnings(text) if "which the cache key leaves out" in w]
    if gap is None:
        assert found == []
    else:
        assert len(found) == 1 and gap in found[0], found


@pytest.mark.parametrize(("behavior", "warned"), [
    ("origin_request_policy: Managed-AllViewerExceptHostHeader", True),  # CachingOptimized by default
    ("cache_policy: Managed-UseOriginCacheControlHeaders\n    origin_request_policy: Managed-AllViewer", True),
    ("cache_policy: Managed-CachingDisabled\n    origin_request_policy: Managed-AllViewerExceptHostHeader", False),
    ("cache_policy: Managed-Amplify\n    origin_request_policy: Managed-AllViewerExceptHostHeader", False),  # keyed
    ("origin_request_policy: Managed-CORS-CustomOrigin", False),  # no one expects Authorization through it
])
def test_authorization_an_all_viewer_policy_cannot_pass(behavior: str, warned: bool) -> None:
    text = BASE.replace("default_cache_behavior: {target_origin_id: api}",
                        f"default_cache_behavior:\n    target_origin_id: api\n    {behavior}")
    found = [w for w in warnings(text) if "except Authorization" in w]
    assert bool(found) is warned, found
    if warned:
        assert "origin 'api' gets no Authorization on GET and HEAD" in found[0]
        assert found[0].endswith("Fix: put Authorization in the cache policy's headers, or use "
                                 "Managed-CachingDisabled for this behavior")


def test_authorization_lint_leaves_bucket_origins_alone() -> None:
    text = BASE.replace("    - {id: api, domain_name: api.internal.test}",
                        "    - {id: api, domain_name: b.s3.us-east-1.amazonaws.com, s3_origin: {}}")
    text = text.replace("default_cache_behavior: {target_origin_id: api}",
                        "default_cache_behavior: {target_origin_id: api, origin_request_policy: Managed-AllViewer}")
    assert not [w for w in warnings(text) if "except Authorization" in w]


def test_cookies_forwarded_but_not_keyed() -> None:
    text = BASE + "origin_request_policies:\n  cookies: {cookies: all}\n"
    text = text.replace("default_cache_behavior: {target_origin_id: api}",
                        "default_cache_behavior: {target_origin_id: api, origin_request_policy: cookies}")
    found = [w for w in warnings(text) if "which the cache key leaves out" in w]
    assert len(found) == 1 and "all cookies" in found[0]


@pytest.mark.parametrize(("api_policy", "ttl", "warned"), [
    ("Managed-CachingOptimized", 10, True),
    ("Managed-CachingOptimized", 0, False),
    ("Managed-CachingDisabled", 10, False),
])
def test_error_responses_cached_for_api_behaviors(api_policy: str, ttl: int, warned: bool) -> None:
    text = BASE.replace("default_cache_behavior: {target_origin_id: api}",
                        f"default_cache_behavior: {{target_origin_id: api, cache_policy: {api_policy}}}") + f"""\
  custom_error_responses:
    - {{error_code: 404, error_caching_min_ttl: {ttl}}}
"""
    found = [w for w in warnings(text) if "cached for error_caching_min_ttl" in w]
    assert bool(found) is warned, found


@pytest.mark.parametrize(("behavior", "needle"), [
    ("{target_origin_id: api, compress: true, cache_policy: Managed-CachingDisabled}", "enables neither gzip"),
    ("{target_origin_id: api, compress: true}", None),  # CachingOptimized compresses
    ("{target_origin_id: api, response_headers_policy: CORS-With-Preflight}", "OPTIONS is not in allowed_methods"),
    ("{target_origin_id: api, response_headers_policy: SimpleCORS}", None),  # no methods: no preflights
    ("{target_origin_id: api, allowed_methods: [GET, HEAD, OPTIONS], response_headers_policy: CORS-With-Preflight}",
     None),
])
def test_compression_and_cors_warnings(behavior: str, needle: str | None) -> None:
    found = [w for w in warnings(BASE.replace("{target_origin_id: api}", behavior))
             if "gzip" in w or "preflight" in w]
    if needle is None:
        assert found == []
    else:
        assert len(found) == 1 and needle in found[0] and "site.yaml:6:" in found[0]


@pytest.mark.parametrize(("earlier", "later", "shadowed"), [
    ("/api/*", "/api/v1/*", True),
    ("api/*", "/api/v1/users", True),  # the leading slash is optional in CloudFront patterns
    ("*.jpg", "/img/*.jpg", True),
    ("/img/*", "/img/a?.png", True),
    ("/a?c", "/abc", True),
    ("/api/v1/*", "/api/*", False),  # the specific one first: both can match
    ("/api/*", "/API/v1/*", False),  # case-sensitive
    ("/img/*.jpg", "*.jpg", False),
    ("/a?c", "/a*c", False),
])
def test_a_behavior_an_earlier_pattern_covers_can_never_match(earlier: str, later: str, shadowed: bool) -> None:
    text = BASE + ("  cache_behaviors:\n"
                   f"    - {{path_pattern: '{earlier}', target_origin_id: site}}\n"
                   f"    - {{path_pattern: '{later}', target_origin_id: site}}\n")
    found = [w for w in warnings(text) if "can never match" in w]
    assert bool(found) is shadowed, found
    if shadowed:
        assert f"site.yaml:9:7: warning: distribution 'default' cache_behaviors[1] ({later}): can never match: " \
               f"the earlier cache_behaviors[0] ({earlier})" in found[0]


def test_an_origin_named_like_an_alias_loops_in_production() -> None:
    found = [w for w in warnings(BASE) if "is the distribution's own alias" in w]
    assert len(found) == 1 and found[0].startswith("site.yaml:5:7: warning: distribution 'default' origin 'site': "
                                                   "its domain app.test is the distribution's own alias 'app.test'")


@pytest.mark.parametrize(("policy", "names", "warned"), [
    ("Managed-AllViewer", "[app.test]", False),  # Host forwarded, and the certificate covers it
    ("Managed-AllViewer", "['*.test']", False),
    ("Managed-AllViewer", "[other.test]", True),
    ("Managed-AllViewerExceptHostHeader", "[app.test]", True),  # the origin's domain is what is checked
])
def test_mock_certificate_with_the_host_forwarded(policy: str, names: str, warned: bool) -> None:
    text = BASE.replace("    - {id: api, domain_name: api.internal.test}",
                        "    - {id: api, domain_name: api.internal.test, mock: {type: echo, tls: {names: NAMES}}}"
                        .replace("NAMES", names))
    text = text.replace("default_cache_behavior: {target_origin_id: api}",
                        f"default_cache_behavior: {{target_origin_id: api, origin_request_policy: {policy}}}")
    found = [w for w in warnings(text) if "its mock certificate covers" in w]
    assert bool(found) is warned, found



APP_RUNNER = """\
distribution:
  aliases: [app.test]
  origins:
    - {id: service, domain_name: abc123xyz.us-east-1.awsapprunner.com}
  default_cache_behavior:
    target_origin_id: service
    cache_policy: CACHE
    origin_request_policy: Managed-AllViewerExceptHostHeader
cache_policies:
  keyed-on-host: {headers: {behavior: whitelist, items: [Host, Accept]}}
"""


@pytest.mark.parametrize(("cache", "fix"), [
    ("Managed-Amplify", "use a cache policy without Host in its headers (Managed-Amplify is managed and cannot be "
                        "changed)"),
    ("keyed-on-host", "remove Host from cache policy 'keyed-on-host' headers"),
])
def test_host_from_the_cache_key_is_not_sent_to_all_viewer_except_host(cache: str, fix: str) -> None:
    # The behavior already uses AllViewerExceptHostHeader; Host comes from the cache key, which always reaches the
    # origin: the advice names the cache policy instead of the policy in use.
    found = [w for w in warnings(APP_RUNNER.replace("CACHE", cache)) if "forwards the viewer's Host" in w]
    assert len(found) == 1, found
    assert f"the cache policy {cache} keys on Host" in found[0]
    assert "Managed-AllViewerExceptHostHeader does not help" in found[0]
    assert found[0].endswith(fix)
    assert "use Managed-AllViewerExceptHostHeader" not in found[0]


CERTIFICATE = """\
distribution:
  aliases: [mydomain.test, www.mydomain.test]
  origins:
    - id: api
      domain_name: alb-123.us-east-1.elb.amazonaws.com
      custom_origin: {protocol_policy: https-only}
      mock: {type: echo, tls: {names: ['*.mydomain.test']}}
  default_cache_behavior:
    target_origin_id: api
    cache_policy: Managed-CachingDisabled
    origin_request_policy: ORP
"""


def test_certificate_lint_names_the_alias_the_origin_certificate_misses() -> None:
    # A load balancer's *.mydomain.test certificate with the viewer's Host forwarded: www passes, the apex gets 502.
    found = warnings(CERTIFICATE.replace("ORP", "Managed-AllViewer"))
    cert = [w for w in found if "its mock certificate covers" in w]
    assert len(cert) == 1, found
    assert "behaviors forwarding the viewer's Host (default (*)) get CloudFront's 502 for mydomain.test and pass " \
           "for the aliases it covers" in cert[0]
    assert cert[0].endswith("Fix: a certificate that also names mydomain.test "
                            "(tls: {names: [*.mydomain.test, mydomain.test]})")
    # Sending the origin's own domain instead would turn the apex-only 502 into a 502 for every host.
    host = [w for w in found if "forwards the viewer's Host" in w]
    assert len(host) == 1 and "use Managed-AllViewerExceptHostHeader" not in host[0]
    assert "Managed-AllViewerExceptHostHeader would send alb-123.us-east-1.elb.amazonaws.com, which the origin's " \
           "certificate (*.mydomain.test) does not cover, and every HTTPS request would get 502" in host[0]


def test_certificate_lint_without_the_host_forwarded_fails_every_host() -> None:
    found = [w for w in warnings(CERTIFICATE.replace("ORP", "Managed-AllViewerExceptHostHeader"))
             if "its mock certificate covers" in w]
    assert len(found) == 1 and "every HTTPS request through default (*) gets CloudFront's 502" in found[0]
    assert found[0].endswith("Fix: a certificate that also names alb-123.us-east-1.elb.amazonaws.com "
                             "(tls: {names: [*.mydomain.test, alb-123.us-east-1.elb.amazonaws.com]})")
