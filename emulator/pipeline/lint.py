"""`frontyard validate` warnings: configurations CloudFront accepts that bite teams in production.

Pure over the loaded Config; each warning names the config line and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from emulator.cache.lint import cache_warnings
from emulator.config.model import CacheBehavior, Config, Distribution, Origin
from emulator.http import Scheme
from emulator.issues import ConfigIssue, Severity
from emulator.origins.access_lint import access_warnings
from emulator.pipeline.stages.routing import compile_pattern, host_matches
from emulator.policies.forwarding import compile_forwarding
from emulator.policies.loops import own_listener
from emulator.policies.origin_request import SELF, Target, connect_target, origin_scheme
from emulator.tls.ca import covers


def lint(config: Config) -> list[ConfigIssue]:
    out: list[ConfigIssue] = []
    for d in config.distributions:
        out += _host_forwarding(d)
        out += _mock_certificates(d)
        out += _patterns(d)
        out += _shadowed(d)
        out += _alias_origins(d)
        out += _self_origins(config, d)
        out += _error_responses(d)
        out += cache_warnings(d, [b for b in d.behaviors if not bucket_like(d.origin(b.target_origin_id))])
        out += _shadowed_private(d)
        out += _compression_and_cors(d)
        out += _websockets(d)
        out += access_warnings(config, d)
        out += _api_stages(d)
    return out


def _api_stages(d: Distribution) -> Iterator[ConfigIssue]:
    """A REST API is invoked as /{stage}/...: an origin_path without the stage reaches no resource."""
    for origin in d.origins:
        mock = origin.mock
        if mock is None or mock.type != "api-gateway" or mock.option("api") != "rest":
            continue
        if ".execute-api." not in origin.domain_name:
            continue  # a custom domain's base path mapping names the stage itself
        stages = [str(s) for s in mock.option("stages") or []]  # type: ignore[attr-defined]
        first = origin.origin_path.lstrip("/").partition("/")[0]
        if first not in stages:
            yield _warn(origin.location, f"origins.{origin.id}.origin_path",
                        f"origin_path '{origin.origin_path}' does not start with a stage of the REST API "
                        f"({', '.join(stages)}): API Gateway answers every request 403 "
                        f"{{\"message\":\"Missing Authentication Token\"}}; set origin_path: /{stages[0]}")


def bucket_like(origin: Origin) -> bool:
    """An origin that serves files (S3 REST or website, a file-serving mock) rather than an API."""
    from emulator.origins.mocks import MOCK_TYPES

    if origin.is_s3 or ".s3." in origin.domain_name or ".s3-website" in origin.domain_name:
        return True
    return origin.mock is not None and MOCK_TYPES[origin.mock.type].serves_files


def _error_responses(d: Distribution) -> Iterator[ConfigIssue]:
    apis = [b for b in d.behaviors if not bucket_like(d.origin(b.target_origin_id))]
    if not apis:
        return
    hit = "; ".join(f"{_where(d, b).split(' ', 2)[2]} -> origin '{b.target_origin_id}'" for b in apis)
    for i, e in enumerate(d.custom_error_responses):
        if e.response_page_path is None:
            continue
        yield _warn(e.location, f"distribution '{d.id}' custom_error_responses[{i}]",
                    f"{e.error_code} -> {e.response_page_path} as {e.response_code} applies to the whole "
                    f"distribution, so also to behaviors whose origin is an API: {hit}. Their own {e.error_code}s "
                    f"(an API's JSON error, a missing .js file) become {e.response_page_path}"
                    f"{' with 200' if e.response_code == 200 else ''}. Fix: drop this error response and rewrite "
                    "SPA routes with a viewer-request function on the SPA behavior (functions/spa-rewrite), or "
                    "serve the API from a separate distribution")


def _warn(location: object, field: str, message: str) -> ConfigIssue:
    return ConfigIssue(Severity.WARNING, location, field, message)  # type: ignore[arg-type]


def _where(d: Distribution, b: CacheBehavior) -> str:
    if b.is_default:
        return f"distribution '{d.id}' default_cache_behavior"
    return f"distribution '{d.id}' cache_behaviors[{d.cache_behaviors.index(b)}] ({b.path_pattern})"


def _host_forwarding(d: Distribution) -> Iterator[ConfigIssue]:
    for b in d.behaviors:
        origin = d.origin(b.target_origin_id)
        if origin.is_s3 or not compile_forwarding(b).host:
            continue
        if any(host_matches(origin.domain_name, a) for a in d.aliases):
            continue
        yield _warn(b.location, _where(d, b),
                    f"forwards the viewer's Host to origin '{origin.id}' ({origin.domain_name}), which is not one of "
                    "the distribution's aliases: an origin that routes on Host (App Runner, API Gateway, a load "
                    f"balancer's host rules) answers 404/403 for a Host it does not know; {_host_fix(b, origin)}")


def _host_fix(b: CacheBehavior, origin: Origin) -> str:
    """The change that stops Host reaching the origin, for where this behavior's Host comes from."""
    cache, orp, legacy = b.cache_policy, b.origin_request_policy, b.forwarded_values
    if legacy is not None:
        return ("legacy headers ['*'] forward every header, Host included: list only the headers the origin needs"
                if "*" in legacy.headers else "remove Host from forwarded_values headers")
    if cache is not None and cache.headers.allows("host"):
        # Every header in the cache key reaches the origin (AWS: "Understand how origin request policies and cache
        # policies work together"): no origin request policy can hold it back.
        already = f"{orp.name} does not help: " if orp is not None and not orp.headers.allows("host") else ""
        change = (f"use a cache policy without Host in its headers ({cache.name} is managed and cannot be changed)"
                  if cache.managed else f"remove Host from cache policy '{cache.name}' headers")
        return f"the cache policy {cache.name} keys on Host, and headers in the cache key always reach the origin " \
               f"({already}an origin request policy cannot remove them); {change}"
    tls = origin.mock.tls if origin.mock is not None else None
    if tls is not None and not covers(tls.names, origin.domain_name):
        return (f"Managed-AllViewerExceptHostHeader would send {origin.domain_name}, which the origin's certificate "
                f"({', '.join(tls.names)}) does not cover, and every HTTPS request would get 502: give the origin a "
                "certificate or domain_name that match first")
    return "use Managed-AllViewerExceptHostHeader to send the origin's own domain"


def _mock_certificates(d: Distribution) -> Iterator[ConfigIssue]:
    for o in d.origins:
        if o.mock is None or o.mock.tls is None or covers(o.mock.tls.names, o.domain_name):
            continue
        # With the viewer's Host forwarded, CloudFront accepts a certificate for that Host (AWS: "Require HTTPS for
        # communication between CloudFront and your custom origin"): such behaviors fail only for the aliases the
        # certificate does not cover; the others send the origin's domain and fail for every host.
        names = o.mock.tls.names
        users = [b for b in d.behaviors if b.target_origin_id == o.id]
        forwarding = [b.label for b in users if compile_forwarding(b).host]
        plain = [b.label for b in users if not compile_forwarding(b).host]
        uncovered = [a for a in d.aliases if not covers(names, a)]
        problems = []
        if plain or not users:
            through = f" through {', '.join(plain)}" if plain else ""
            problems.append(f"every HTTPS request{through} gets CloudFront's 502 (Host is the origin's domain)")
        if forwarding and (uncovered or not d.aliases):
            hosts = ", ".join(uncovered) or "the distribution's own domain name (no aliases)"
            problems.append(f"behaviors forwarding the viewer's Host ({', '.join(forwarding)}) get CloudFront's 502 "
                            f"for {hosts} and pass for the aliases it covers")
        if not problems:
            continue
        missing = uncovered if forwarding and not plain and uncovered else [o.domain_name]
        yield _warn(o.location, f"distribution '{d.id}' origin '{o.id}'",
                    f"its mock certificate covers {', '.join(names)}, not its domain {o.domain_name}: "
                    f"{'; '.join(problems)} (on purpose?). Fix: a certificate that also names {', '.join(missing)} "
                    f"(tls: {{names: [{', '.join([*names, *missing])}]}})")


def _patterns(d: Distribution) -> Iterator[ConfigIssue]:
    seen: dict[str, str] = {}
    for b in d.cache_behaviors:
        pattern = "/" + b.path_pattern.lstrip("/")
        other = seen.get(pattern.lower())
        if other is not None and other != pattern:
            yield _warn(b.location, _where(d, b), f"differs from '{other}' only in letter case: path patterns are "
                        "case-sensitive, so the two match different paths")
        seen.setdefault(pattern.lower(), pattern)
        last = pattern.rsplit("/", 1)[-1]
        if "*" not in pattern and "?" not in pattern and "." not in last:
            yield _warn(b.location, _where(d, b), f"'{b.path_pattern}' has no wildcard, so it matches exactly "
                        f"{pattern} and nothing below it; did you mean '{pattern.rstrip('/')}/*' or "
                        f"'{pattern.rstrip('/')}*'?")


def covers_pattern(a: str, b: str) -> bool:
    """Whether path pattern `a` matches every path pattern `b` matches ('*' any run, '?' one character).

    Token alignment: a's '*' absorbs any run of b's tokens, a's '?' one literal or '?', a literal only itself.
    Sound (a True is always right) and enough for the patterns people write."""

    @cache
    def match(i: int, j: int) -> bool:
        if i == len(a):
            return j == len(b)
        if a[i] == "*":
            return any(match(i + 1, k) for k in range(j, len(b) + 1))
        if j == len(b) or b[j] == "*":
            return False
        return (a[i] == "?" or a[i] == b[j]) and match(i + 1, j + 1)

    return match(0, 0)


def _shadowed(d: Distribution) -> Iterator[ConfigIssue]:
    """A behavior an earlier pattern covers entirely can never be chosen: CloudFront takes the first match."""
    patterns = ["/" + b.path_pattern.lstrip("/") for b in d.cache_behaviors]
    for j, b in enumerate(d.cache_behaviors):
        earlier = next((i for i in range(j) if covers_pattern(patterns[i], patterns[j])), None)
        if earlier is not None and b.restricted and not d.cache_behaviors[earlier].restricted:
            continue  # _shadowed_private says it, with the consequence: the private files are served unsigned
        if earlier is not None:
            yield _warn(b.location, _where(d, b),
                        f"can never match: the earlier cache_behaviors[{earlier}] "
                        f"({d.cache_behaviors[earlier].path_pattern}) matches every path it does, and CloudFront "
                        f"uses the first match; move '{b.path_pattern}' above it")


def _alias_origins(d: Distribution) -> Iterator[ConfigIssue]:
    for o in d.origins:
        alias = next((a for a in d.aliases if host_matches(o.domain_name, a)), None)
        if alias is None:
            continue
        yield _warn(o.location, f"distribution '{d.id}' origin '{o.id}'",
                    f"its domain {o.domain_name} is the distribution's own alias '{alias}': in production that "
                    "name resolves to CloudFront itself, so requests loop back into this distribution (CloudFront "
                    "answers 403 after two passes); give the origin its own name (the bucket, load balancer or "
                    "service domain)")


def _self_origins(config: Config, d: Distribution) -> Iterator[ConfigIssue]:
    own = [Target(config.emulator.http.host, config.emulator.http.port)]
    if config.emulator.https is not None:
        own.append(Target(config.emulator.https.host, config.emulator.https.port))
    for o in d.origins:
        if o.mock is not None:
            continue
        resolved = config.emulator.resolved(o.domain_name)
        target = connect_target(o, origin_scheme(o, Scheme.HTTP), config.emulator, {}, own)
        if (resolved is not None and resolved[0] == SELF) or own_listener(target, own):
            yield _warn(o.location, f"distribution '{d.id}' origin '{o.id}'",
                        f"connects to this emulator's own listener ({target.host}:{target.port}): requests re-enter "
                        f"the edge as Host '{o.domain_name}' (fine for a chain of two distributions; a loop gets 403)")


def _shadowed_private(d: Distribution) -> Iterator[ConfigIssue]:
    """A restricted behavior listed after a public one that matches its paths: first match wins, so those files
    are served unsigned (AWS's warning in "Add a signer to a distribution")."""
    for i, b in enumerate(d.cache_behaviors):
        if not b.restricted:
            continue
        sample = "/" + b.path_pattern.lstrip("/").replace("*", "x").replace("?", "x")
        for earlier in d.cache_behaviors[:i]:
            if not earlier.restricted and compile_pattern(earlier.path_pattern).fullmatch(sample):
                yield _warn(b.location, _where(d, b),
                            f"requires signed URLs or cookies, but {_where(d, earlier).split(' ', 2)[2]} comes "
                            f"first, is public and matches its paths (e.g. {sample}): first match wins, so they "
                            "are served unsigned; move the restricted behavior before it")
                break
def _compression_and_cors(d: Distribution) -> Iterator[ConfigIssue]:
    for b in d.behaviors:
        fwd = compile_forwarding(b)
        if b.compress and not (fwd.gzip or fwd.brotli):
            yield _warn(b.location, _where(d, b), f"compress is on but {fwd.source} enables neither gzip nor Brotli: "
                        "nothing is compressed (use a cache policy with enable_accept_encoding_gzip/brotli, e.g. "
                        "Managed-CachingOptimized)")
        policy = b.headers_policy
        if policy is not None and policy.cors is not None and policy.cors.allow_methods and \
                "OPTIONS" not in b.allowed_methods:
            yield _warn(b.location, _where(d, b), f"response headers policy '{policy.name}' answers CORS preflights, "
                        "but OPTIONS is not in allowed_methods: browsers' preflights get 403 and the cross-origin "
                        "request fails (allow [GET, HEAD, OPTIONS] or more)")


_WS_HINTS = frozenset(("ws", "wss", "websocket", "websockets", "socket", "socket.io", "sockjs", "hmr", "cable",
                       "graphql-ws", "subscriptions", "realtime", "webpack-hmr", "sockjs-node"))


def _websockets(d: Distribution) -> Iterator[ConfigIssue]:
    """AWS "Use WebSockets with CloudFront distributions": the handshake reaches the origin only when the behavior
    forwards all viewer headers or Sec-WebSocket-Key and Sec-WebSocket-Version. A behavior that looks like a
    WebSocket endpoint (its path, or a policy listing one of the two) without both cannot complete a handshake."""
    from emulator.pipeline.upgrade import FIX, HANDSHAKE

    for b in d.behaviors:
        fwd = compile_forwarding(b)
        forwarded = [name for name in HANDSHAKE if fwd.header(name)]
        if len(forwarded) == len(HANDSHAKE):
            continue
        words = {w for w in re.split(r"[/*?]+", b.path_pattern.lower()) if w}
        if not forwarded and not words & _WS_HINTS:
            continue
        missing = " and ".join(name for name in HANDSHAKE if name not in forwarded)
        yield _warn(b.location, _where(d, b),
                    f"looks like a WebSocket endpoint, but {missing} do not reach origin '{b.target_origin_id}': "
                    f"CloudFront forwards the upgrade without them and the origin refuses the handshake (400/426). "
                    f"{FIX}")
