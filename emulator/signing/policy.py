"""Custom policies (AWS: "Create a signed URL using a custom policy"): parsing the statement and matching its Resource
against a request URL.

Resource wildcards work within one section of the URL (protocol://domain/path?query): `*` is zero or more
characters, `?` exactly one. A trailing `*` in the path implies `*` in the query, a trailing `*` in the domain
implies `*` in the path and query, a Resource without protocol that starts with `*` means `*://`, and `*`
alone matches everything (private-content-creating-signed-url-custom-policy).
"""

from __future__ import annotations

import ipaddress
import json
import re
from dataclasses import dataclass
from functools import lru_cache


class PolicyProblem(ValueError):
    """Why a policy statement is malformed (CloudFront answers MalformedPolicy)."""


@dataclass(frozen=True)
class Policy:
    expires: int  # DateLessThan
    resource: str | None = None  # None: every file the key may sign for
    starts: int | None = None  # DateGreaterThan
    ip: ipaddress.IPv4Network | None = None  # IpAddress.AWS:SourceIp


@dataclass(frozen=True)
class RequestUrl:
    """The sections of the URL a viewer asked for, signing parameters removed from the query."""

    scheme: str
    host: str
    path: str
    query: str

    def text(self) -> str:
        return f"{self.scheme}://{self.host}{self.path}" + (f"?{self.query}" if self.query else "")


def _epoch(condition: dict, name: str, required: bool) -> int | None:
    value = condition.get(name)
    if value is None:
        if required:
            raise PolicyProblem(f"Condition has no {name} (it is required)")
        return None
    if not isinstance(value, dict) or set(value) != {"AWS:EpochTime"}:
        raise PolicyProblem(f'{name} must be {{"AWS:EpochTime": <seconds>}}, got {json.dumps(value)}')
    seconds = value["AWS:EpochTime"]
    if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 0:
        raise PolicyProblem(f"{name} AWS:EpochTime must be a whole number of seconds (unquoted), got "
                            f"{json.dumps(seconds)}")
    return seconds


def parse_policy(data: bytes) -> Policy:
    """The one statement of a policy document. Raises PolicyProblem saying what is wrong."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PolicyProblem(f"the policy is not UTF-8 JSON ({exc})") from None
    statement = doc.get("Statement") if isinstance(doc, dict) else None
    if isinstance(statement, list):
        if len(statement) != 1:
            raise PolicyProblem(f"Statement has {len(statement)} entries; a policy holds exactly one")
        statement = statement[0]
    if not isinstance(statement, dict):
        raise PolicyProblem("the policy has no Statement object")
    condition = statement.get("Condition")
    if not isinstance(condition, dict):
        raise PolicyProblem("the Statement has no Condition object")
    resource = statement.get("Resource")
    if resource is not None and not isinstance(resource, str):
        raise PolicyProblem(f"Resource must be a string, got {json.dumps(resource)}")
    expires = _epoch(condition, "DateLessThan", True)
    starts = _epoch(condition, "DateGreaterThan", False)
    ip = None
    if "IpAddress" in condition:
        value = condition["IpAddress"]
        source = value.get("AWS:SourceIp") if isinstance(value, dict) else None
        if not isinstance(source, str):
            raise PolicyProblem('IpAddress must be {"AWS:SourceIp": "<IPv4 CIDR>"}')
        try:
            ip = ipaddress.IPv4Network(source, strict=False)
        except ValueError:
            raise PolicyProblem(f"AWS:SourceIp '{source}' is not an IPv4 address or CIDR range (CloudFront does "
                                "not accept IPv6 here)") from None
        if "/" not in source:
            # AWS "Create a signed URL using a custom policy": ranges are "in standard IPv4 CIDR format", and a
            # single address is written "IPv4 IP address/32"; a bare address is not a form AWS documents.
            raise PolicyProblem(f"AWS:SourceIp '{source}' has no prefix length: CloudFront takes IPv4 CIDR "
                                f"notation, a single address as '{source}/32'")
    assert expires is not None
    return Policy(expires, resource, starts, ip)


def viewer_ipv4(address: str) -> ipaddress.IPv4Address | None:
    """The viewer's IPv4 address (an IPv4-mapped IPv6 address counts); None for IPv6 viewers."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        return ip.ipv4_mapped
    return ip


def _section(glob: str) -> re.Pattern[str]:
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in glob), re.DOTALL)


@lru_cache(maxsize=256)
def _compile(resource: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """The four section patterns of a Resource; None for `*` alone (matches everything)."""
    if resource == "*":
        return None
    if "://" in resource:
        protocol, rest = resource.split("://", 1)
    elif resource.startswith("*"):
        protocol, rest = "*", resource
    else:
        protocol, rest = "", resource  # matches no request: every request has a protocol
    domain, slash, tail = rest.partition("/")
    if not slash:
        path, query = ("*", "*") if domain.endswith("*") else ("/", "")
    else:
        # The query starts at `\?`, or at the first `?` (the guide says not to escape that one).
        if "\\?" in tail:
            path, _, query = tail.partition("\\?")
        else:
            path, _, query = tail.partition("?")
        path = "/" + path
        if path.endswith("*") and "?" not in tail:
            query = "*"
    return _section(protocol), _section(domain), _section(path), _section(query)


def resource_matches(resource: str, url: RequestUrl) -> bool:
    compiled = _compile(resource)
    if compiled is None:
        return True
    protocol, domain, path, query = compiled
    return bool(protocol.fullmatch(url.scheme) and domain.fullmatch(url.host) and path.fullmatch(url.path)
                and query.fullmatch(url.query))
