"""An origin-request function's `request.origin` -> the Origin the edge connects to (AWS: "Lambda@Edge event structure":
the origin
can be replaced, custom <-> S3, and need not exist in the distribution)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from emulator.config.model import Distribution, Origin, OriginProtocolPolicy
from emulator.lambda_edge.result import headers_from


def origin_from_event(spec: dict[str, Any], current: Origin, distribution: Distribution) -> Origin:
    """Start from the distribution's origin with that domain name (keeping its mock and connection settings),
    else from the current one with no mock (a new name is a new server), then apply the event's fields."""
    kind, fields = next(iter(spec.items()))
    domain = str(fields["domainName"]).lower()
    known = next((o for o in distribution.origins if o.domain_name == domain), None)
    base = known or (current if domain == current.domain_name else replace(current, domain_name=domain, mock=None))
    changes: dict[str, Any] = {"origin_path": fields.get("path", ""), "is_s3": kind == "s3",
                               "custom_headers": headers_from(fields.get("customHeaders"))}
    if kind == "custom":
        https = fields.get("protocol", "http") == "https"
        port = fields.get("port", 443 if https else 80)
        changes |= {"protocol_policy": OriginProtocolPolicy.HTTPS_ONLY if https else OriginProtocolPolicy.HTTP_ONLY,
                    "https_port" if https else "http_port": port,
                    "read_timeout": fields.get("readTimeout", base.read_timeout),
                    "keepalive_timeout": fields.get("keepaliveTimeout", base.keepalive_timeout),
                    "ssl_protocols": tuple(fields.get("sslProtocols", base.ssl_protocols))}
    elif known is None or known.mock is None:
        # AWS ("Request and response behavior for Amazon S3 origins", Protocols): "CloudFront forwards HTTP or HTTPS
        # requests to the origin server based on the protocol of the viewer request". A configured mock of that name
        # keeps its own policy: it speaks what it was given (a plain mock only HTTP).
        changes |= {"protocol_policy": OriginProtocolPolicy.MATCH_VIEWER}
        if known is None:
            changes |= {"http_port": 80, "https_port": 443}
    return replace(base, **changes)
