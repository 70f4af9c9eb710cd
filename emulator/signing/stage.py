"""Stage 5b: private content (AWS: "Serve private content with signed URLs and signed cookies"). On a behavior with
trusted key groups or legacy trusted signers,
every request needs a valid signed URL or signed cookies, or CloudFront answers 403 with an XML body.

Pure over (request, trusted keys, time). Also home of the rules for what the signing values do downstream:
CloudFront removes the signing query parameters before the origin request (QueryStringParameters: "Don't use
parameter names that conflict with signed URLs"), and signed cookies never split the cache
(private-content-signed-cookies: "CloudFront doesn't cache separate files based on the attributes in signed
cookies"). `origin_query`, `cache_key_query` and `is_signing_cookie` say so for the origin request and the cache.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import unquote

from multidict import CIMultiDict

from emulator.config.model import CacheBehavior, Config, EmulatorSettings
from emulator.http import EdgeResponse, ViewerRequest, freeze
from emulator.responses.responder import CacheResult, finalize, generated_headers
from emulator.signing import codec
from emulator.signing.keys import KeyAlgorithm, PublicKey, raw_ecdsa_as_der
from emulator.signing.policy import Policy, PolicyProblem, RequestUrl, parse_policy, resource_matches, viewer_ipv4
from emulator.trace import Trace

# CloudFront's codes and messages (MissingKey, InvalidKey, AccessDenied and MalformedPolicy are
# observed in real responses; MalformedSignature's message is ours).
MISSING_KEY, INVALID_KEY, MALFORMED_SIGNATURE, MALFORMED_POLICY, ACCESS_DENIED = (
    "MissingKey", "InvalidKey", "MalformedSignature", "MalformedPolicy", "AccessDenied")
MESSAGES = {
    MISSING_KEY: "Missing Key-Pair-Id query parameter or cookie value",
    INVALID_KEY: "Unknown Key",
    MALFORMED_SIGNATURE: "Malformed Signature",
    MALFORMED_POLICY: "Malformed Policy",
    ACCESS_DENIED: "Access denied",
}
# A URL counts as signed when it carries any of these; then its cookies are not looked at (the URL wins).
_URL_MARKERS = (codec.SIGNATURE, codec.KEY_PAIR_ID, codec.EXPIRES, codec.POLICY)
_SIGNING_COOKIES = frozenset(codec.SIGNING_COOKIES)
_SIGNING_PARAMS = frozenset(codec.SIGNING_PARAMS)


@dataclass(frozen=True)
class TrustedKey:
    key: PublicKey
    signer: str  # "key group 'storage'" or "trusted signer 'self'"


@dataclass(frozen=True)
class Verified:
    detail: str


@dataclass(frozen=True)
class Denied:
    code: str
    cause: str  # the precise reason, for the trace and the log

    @property
    def message(self) -> str:
        return MESSAGES[self.code]


class TrustedKeys:
    """Which public keys each behavior trusts, from the config's key groups and legacy key pairs."""

    def __init__(self, config: Config) -> None:
        self.groups = {g.name: g for g in config.key_groups}
        self.accounts = dict(config.emulator.key_pairs)
        self._cache: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[str, TrustedKey]] = {}

    def keys_for(self, behavior: CacheBehavior) -> dict[str, TrustedKey]:
        signers = (behavior.trusted_key_groups, behavior.trusted_signers)
        if (cached := self._cache.get(signers)) is not None:
            return cached
        keys: dict[str, TrustedKey] = {}
        for name in behavior.trusted_key_groups:
            for key in self.groups[name].public_keys if name in self.groups else ():
                keys.setdefault(key.id, TrustedKey(key, f"key group '{name}'"))
        for account in behavior.trusted_signers:
            for key in self.accounts.get(account, ()):
                keys.setdefault(key.id, TrustedKey(key, f"trusted signer '{account}'"))
        self._cache[signers] = keys  # bounded by the config's behaviors; a reload builds a new TrustedKeys
        return keys

    def describe(self, behavior: CacheBehavior) -> str:
        if behavior.trusted_key_groups:
            return "trusted key groups [" + ", ".join(behavior.trusted_key_groups) + "]"
        return "trusted signers [" + ", ".join(behavior.trusted_signers) + "]"


# -- what the signing values do downstream -----------------------------------------------------------------
def _param_name(part: str) -> str:
    return unquote(part.partition("=")[0])


def is_signing_param(name: str) -> bool:
    """Expires, Policy, Signature, Key-Pair-Id, Hash-Algorithm (case-sensitive, as CloudFront's names)."""
    return name in _SIGNING_PARAMS


def origin_query(query: str) -> str:
    """The query without the signing parameters, order and encoding of the rest kept: what a restricted
    behavior forwards to the origin, and what the cache key may contain."""
    if not query:
        return query
    return "&".join(p for p in query.split("&") if p and not is_signing_param(_param_name(p)))


cache_key_query = origin_query  # the cache (stage 7) keys a restricted behavior's requests on this


def is_signing_cookie(name: str) -> bool:
    """CloudFront-Expires/-Policy/-Signature/-Key-Pair-Id/-Hash-Algorithm: never part of the cache key."""
    return name in _SIGNING_COOKIES


def for_cache_key(request: ViewerRequest, behavior: CacheBehavior) -> ViewerRequest:
    """The request as a restricted behavior's cache key sees it: no signing query parameters, no signing
    cookies, so every signed URL or cookie set for one object finds the same cached copy. Others: unchanged."""
    if not behavior.restricted:
        return request
    headers = request.headers
    if "Cookie" in headers:
        kept = CIMultiDict(headers)
        pairs = [p.strip() for line in kept.popall("Cookie") for p in line.split(";") if p.strip()]
        pairs = [p for p in pairs if not is_signing_cookie(p.partition("=")[0].strip())]
        if pairs:
            kept["Cookie"] = "; ".join(pairs)
        headers = freeze(kept)
    return replace(request, query=cache_key_query(request.query), headers=headers)


# -- verification ------------------------------------------------------------------------------------------
def _query_values(query: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in query.split("&") if query else ():
        name, _, value = part.partition("=")
        name = unquote(name)
        if name in _SIGNING_PARAMS:
            out.setdefault(name, unquote(value))
    return out


def _cookie_values(request: ViewerRequest) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in request.headers.getall("Cookie", []):
        for part in line.split(";"):
            name, sep, value = part.strip().partition("=")
            if sep and name in _SIGNING_COOKIES:
                out.setdefault(name.removeprefix(codec.COOKIE_PREFIX), value.strip().strip('"'))
    return out


def request_urls(request: ViewerRequest) -> list[RequestUrl]:
    """The URL the viewer asked for, as a policy names it: the Host as sent, and without the emulator's port
    (what the same request looks like in production, where viewers use 80/443)."""
    query = origin_query(request.query)
    sent = request.headers.get("Host", "").strip().lower()
    urls = [RequestUrl(request.scheme.value, sent, request.raw_path, query)]
    if request.host != sent:
        urls.append(RequestUrl(request.scheme.value, request.host, request.raw_path, query))
    return urls


def _when(epoch: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch)) if epoch < 253402300800 else str(epoch)


def verify(request: ViewerRequest, keys: Mapping[str, TrustedKey], now: float) -> Verified | Denied:
    """CloudFront's checks, in order: key id, known key, policy, signature, then the policy's conditions."""
    values = _query_values(request.query)
    if any(values.get(m) for m in _URL_MARKERS):
        via, names = "signed URL", {n: n for n in codec.SIGNING_PARAMS}
    else:
        values = _cookie_values(request)
        via, names = "signed cookies", {n: codec.COOKIE_PREFIX + n for n in codec.SIGNING_PARAMS}
    key_id = values.get(codec.KEY_PAIR_ID, "")
    if not key_id:
        if not values:
            return Denied(MISSING_KEY, "no signed URL parameters (Expires/Policy, Signature, Key-Pair-Id) and "
                          "no CloudFront-* signed cookies")
        return Denied(MISSING_KEY, f"{via}: {names[codec.KEY_PAIR_ID]} is missing or empty")
    trusted = keys.get(key_id)
    if trusted is None:
        known = ", ".join(f"{k} ({t.signer})" for k, t in keys.items()) or "none"
        return Denied(INVALID_KEY, f"{via}: key '{key_id}' is not trusted by this behavior (trusted keys: {known})")
    hash_name = values.get(codec.HASH_ALGORITHM) or "SHA1"
    if hash_name not in codec.HASHES:
        return Denied(ACCESS_DENIED, f"{via}: {names[codec.HASH_ALGORITHM]} '{hash_name}' is not SHA1 or SHA256")

    policy, statement, kind = _policy(values, names, via, request)
    if isinstance(policy, Denied):
        return policy
    signature = codec.cf_b64decode(values.get(codec.SIGNATURE, ""))
    if not values.get(codec.SIGNATURE) or not signature:
        return Denied(MALFORMED_SIGNATURE, f"{via}: {names[codec.SIGNATURE]} is missing or not CloudFront base64")
    key = trusted.key
    how = f"key {key.id} ({trusted.signer}, {key.algorithm}, {hash_name})"
    urls = request_urls(request)
    if statement is not None:  # custom policy: the signature covers the policy bytes as sent
        if not key.verify(signature, statement, hash_name):
            return Denied(ACCESS_DENIED, f"{via}: the signature does not verify with {how} over the custom policy"
                          + _raw_ecdsa_hint(key, signature, [statement], hash_name))
        resource = policy.resource
    else:  # canned: CloudFront rebuilds the statement from the URL asked for and Expires
        statements = [codec.canned_policy(u.text(), policy.expires).encode("utf-8") for u in urls]
        signed_for = next((u for u, st in zip(urls, statements, strict=True) if key.verify(signature, st, hash_name)),
                          None)
        if signed_for is None:
            asked = " or ".join(f"'{u.text()}'" for u in urls)
            hint = _raw_ecdsa_hint(key, signature, statements, hash_name)
            return Denied(ACCESS_DENIED, f"{via}: the signature does not verify with {how} over the canned policy "
                          f"for {asked} expiring {policy.expires}" + (hint or ": signed for another URL or time, or "
                                                                      "with another key"))
        resource = signed_for.text()
    return _conditions(policy, resource, urls, request.client_ip, now, f"{via} ({kind}, {how})")


def _raw_ecdsa_hint(key: PublicKey, signature: bytes, statements: list[bytes], hash_name: str) -> str:
    der = raw_ecdsa_as_der(signature) if key.algorithm is KeyAlgorithm.ECDSA_P256 else None
    if der is not None and any(key.verify(der, st, hash_name) for st in statements):
        return (": the signature is a raw 64-byte r||s; CloudFront verifies DER-encoded ECDSA signatures (what "
                "OpenSSL and the AWS SDKs produce)")
    return ""


def _policy(values: dict[str, str], names: dict[str, str], via: str,
            request: ViewerRequest) -> tuple[Policy | Denied, bytes | None, str]:
    """The policy a request carries: custom (Policy, decoded) or canned (built from Expires)."""
    if values.get(codec.POLICY):
        data = codec.cf_b64decode(values[codec.POLICY])
        if data is None:
            return Denied(MALFORMED_POLICY, f"{via}: {names[codec.POLICY]} is not CloudFront base64"), None, ""
        # Both Policy and Expires: AWS documents the two forms apart and is silent on a URL with both. The Policy
        # decides (AWS reserves Expires only in canned-policy URLs: "Create a signed URL using a custom policy"
        # names Policy, Signature and Key-Pair-Id as the names your own parameters can't use), and the trace says
        # the Expires was not used.
        kind = "custom policy" + (f"; {names[codec.EXPIRES]} ignored, the {names[codec.POLICY]} decides"
                                  if values.get(codec.EXPIRES) else "")
        try:
            return parse_policy(data), data, kind
        except PolicyProblem as exc:
            return Denied(MALFORMED_POLICY, f"{via}: {exc}"), None, ""
    expires = values.get(codec.EXPIRES, "")
    if not expires:
        return Denied(MALFORMED_POLICY, f"{via}: neither {names[codec.EXPIRES]} (canned policy) nor "
                      f"{names[codec.POLICY]} (custom policy) is present"), None, ""
    if not expires.isdigit() or int(expires) > 2**63 - 1:
        return Denied(MALFORMED_POLICY, f"{via}: {names[codec.EXPIRES]} '{expires}' is not Unix time in seconds "
                      "(a 64-bit whole number)"), None, ""
    return Policy(int(expires)), None, "canned policy"


def _conditions(policy: Policy, resource: str | None, urls: list[RequestUrl], client_ip: str, now: float,
                what: str) -> Verified | Denied:
    if now >= policy.expires:
        return Denied(ACCESS_DENIED, f"{what}: expired at {_when(policy.expires)} (DateLessThan {policy.expires}); "
                      f"now is {_when(int(now))}")
    if policy.starts is not None and now <= policy.starts:
        return Denied(ACCESS_DENIED, f"{what}: not valid until after {_when(policy.starts)} (DateGreaterThan "
                      f"{policy.starts}); now is {_when(int(now))}")
    if policy.ip is not None:
        viewer = viewer_ipv4(client_ip)
        if viewer is None or viewer not in policy.ip:
            return Denied(ACCESS_DENIED, f"{what}: viewer IP {client_ip} is not in {policy.ip} (IpAddress)")
    if resource is not None and not any(resource_matches(resource, u) for u in urls):
        asked = " or ".join(f"'{u.text()}'" for u in urls)
        return Denied(ACCESS_DENIED, f"{what}: resource pattern '{resource}' does not match {asked}")
    scope = f" for '{resource}'" if resource is not None else " for any resource"
    return Verified(f"{what}{scope}, valid until {_when(policy.expires)}")


# -- the stage ---------------------------------------------------------------------------------------------
def check(request: ViewerRequest, behavior: CacheBehavior, trust: TrustedKeys, now: float,
          trace: Trace) -> Denied | None:
    """Stage 5b: None when the behavior is not restricted or the request is signed; otherwise why not."""
    if not behavior.restricted:
        return None
    outcome = verify(request, trust.keys_for(behavior), now)
    if isinstance(outcome, Denied):
        trace.add("signed", "forbidden", f"{outcome.code}: {outcome.cause}", behavior.location)
        return outcome
    trace.add("signed", "verified", f"{trust.describe(behavior)}: {outcome.detail}", behavior.location)
    return None


def error_body(denied: Denied) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{denied.code}</Code>'
            f"<Message>{denied.message}</Message></Error>").encode()


def denied_response(denied: Denied, settings: EmulatorSettings, now: float, trace: Trace) -> EdgeResponse:
    """CloudFront's 403 for private content: text/xml with Code and Message, X-Cache: Error from cloudfront."""
    headers: CIMultiDict[str] = generated_headers("text/xml", now)
    trace.add("response", "error", f"403 generated by the edge ({denied.code}): {denied.cause}")
    return EdgeResponse(403, "", finalize(headers, CacheResult.ERROR, settings, trace.request_id), error_body(denied))


def for_origin(request: ViewerRequest, behavior: CacheBehavior, trace: Trace) -> ViewerRequest:
    """A restricted behavior's request with the signing parameters removed, as CloudFront forwards it."""
    if not behavior.restricted or not request.query:
        return request
    query = origin_query(request.query)
    if query != request.query:
        removed = [_param_name(p) for p in request.query.split("&") if p and is_signing_param(_param_name(p))]
        trace.add("signed", "note", f"signing parameters removed before the origin request: {', '.join(removed)}")
        return replace(request, query=query)
    return request
