"""Say exactly why a TLS connection to an origin failed. CloudFront answers all of these with a bare 502;
we answer the same 502 and put the cause in the trace, the log and the debug header (AWS: "HTTP 502 status code (Bad
Gateway)").

On a certificate failure we look at the certificate once more, without verifying it, to name what it covers
("certificate for www.example.test does not match origin domain api.example.test").
"""

from __future__ import annotations

import asyncio
import ssl

from emulator.http import OriginRequest
from emulator.tls.ca import certificate_names, covers

# OpenSSL X509_V_ERR codes.
_EXPIRED, _NOT_YET_VALID = 10, 9
_SELF_SIGNED_LEAF, _SELF_SIGNED_IN_CHAIN = 18, 19
_UNKNOWN_ISSUER, _UNKNOWN_ISSUER_LEAF = 20, 21
_HOSTNAME_MISMATCH = 62


async def peer_names(req: OriginRequest) -> tuple[list[str], str] | None:
    """The names on the origin's certificate and its expiry, read without verification; None if unreachable."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(req.connect_host, req.connect_port, ssl=ctx, server_hostname=req.server_name),
            req.connection_timeout)
    except (OSError, TimeoutError, ssl.SSLError):
        return None
    try:
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
        names, not_after = certificate_names(der)
        return names, not_after.strftime("%Y-%m-%d")
    finally:
        writer.close()


async def verify_either_name(req: OriginRequest, ctx: ssl.SSLContext) -> str | None:
    """With Host forwarded CloudFront accepts a certificate that covers the origin domain OR the Host (AWS: one
    of its names must match "one or both" of them), which one hostname check cannot express. A handshake that
    verifies the chain (ctx has check_hostname off) and then the names; None when it passes, else the cause."""
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(req.connect_host, req.connect_port, ssl=ctx, server_hostname=req.server_name),
            req.connection_timeout)
    except ssl.SSLCertVerificationError as exc:
        return await describe_certificate_error(req, exc)
    except ssl.SSLError as exc:
        return describe_handshake_error(req, exc)
    except (OSError, TimeoutError):
        return None  # not a certificate problem: the real request reports the connection failure
    try:
        names, _ = certificate_names(writer.get_extra_info("ssl_object").getpeercert(binary_form=True))
    finally:
        writer.close()
    if covers(names, req.domain_name) or covers(names, req.server_name):
        return None
    return f"certificate for {', '.join(names)} matches neither origin domain {req.domain_name} nor the " \
           f"forwarded Host {req.server_name}"


def _whose(req: OriginRequest) -> str:
    if req.server_name == req.domain_name:
        return f"origin domain {req.domain_name}"
    return f"the forwarded Host {req.server_name} (the behavior forwards Host; origin domain {req.domain_name})"


async def describe_certificate_error(req: OriginRequest, error: Exception) -> str:
    code = getattr(error, "verify_code", None)
    found = await peer_names(req)
    names = ", ".join(found[0]) if found else "(certificate unreadable)"
    if code == _HOSTNAME_MISMATCH:
        return f"certificate for {names} does not match {_whose(req)}"
    if code == _EXPIRED:
        expiry = f" on {found[1]}" if found else ""
        return f"certificate for {names} expired{expiry}"
    if code == _NOT_YET_VALID:
        return f"certificate for {names} is not valid yet"
    if code in (_SELF_SIGNED_LEAF, _SELF_SIGNED_IN_CHAIN):
        return f"certificate for {names} is self-signed; CloudFront accepts only certificates from a trusted CA"
    if code in (_UNKNOWN_ISSUER, _UNKNOWN_ISSUER_LEAF):
        return f"certificate for {names} was issued by a CA that is not trusted (not the local CA, not the " \
               "system's)"
    message = getattr(error, "verify_message", None) or str(error)
    return f"certificate for {names} was refused: {message}"


def describe_handshake_error(req: OriginRequest, error: Exception) -> str:
    text = str(error)
    if "WRONG_VERSION_NUMBER" in text.upper() or "wrong version number" in text:
        return f"the origin does not speak TLS on port {req.connect_port} (plain HTTP?); the origin protocol " \
               "policy asks for HTTPS"
    # OpenSSL words it several ways; with TLS 1.0/1.1 its security level may leave "no ciphers" at all.
    mismatch = ("protocol version", "unsupported protocol", "no protocols available", "no ciphers available")
    if any(s in text.lower() for s in mismatch):
        return f"no TLS version in common: origin_ssl_protocols [{', '.join(req.ssl_protocols)}] (TLS 1.3 is " \
               "included with TLSv1.2) and what the origin offers do not overlap"
    return f"TLS handshake failed: {text}"
