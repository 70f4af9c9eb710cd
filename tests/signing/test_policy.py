"""Custom policy Resource matching, one row per rule in AWS's guide (private-content-creating-signed-url-
custom-policy: wildcards within a URL section and the four exceptions), and the signer's policy statements."""

from __future__ import annotations

import json

import pytest

from emulator.signing.codec import canned_policy, cf_b64decode, cf_b64encode, custom_policy
from emulator.signing.policy import RequestUrl, resource_matches


def url(text: str) -> RequestUrl:
    scheme, _, rest = text.partition("://")
    host, slash, target = rest.partition("/")
    path, _, query = (slash + target).partition("?")
    return RequestUrl(scheme, host, path or "/", query)


CF = "https://d111111abcdef8.cloudfront.net"
ROWS = [
    # the guide's own examples
    (f"{CF}/*game_download.zip*", f"{CF}/game_download.zip", True),
    (f"{CF}/*game_download.zip*", f"{CF}/example_game_download.zip?license=yes", True),
    (f"{CF}/*game_download.zip*", f"{CF}/test_game_download.zip?license=temp", True),
    ("https://www.example.com/hello*world", "https://www.example.com/helloworld", True),
    ("https://www.example.com/hello*world", "https://www.example.com/hello-world", True),
    ("https://www.example.com/hello*world", "https://www.example.net/hello?world", False),
    (f"{CF}/training/*", f"{CF}/training/orientation.pdf", True),
    ("https://*", f"{CF}/training/orientation.pdf", True),
    ("*", "http://anything.example/at/all?x=1", True),
    # a wildcard stays inside its section
    ("https://www.example.com/a*", "https://www.example.com.evil.test/a", False),
    ("https://*.example.com/a", "https://cdn.example.com/a", True),
    ("https://*.example.com/a", "https://cdn.example.com/b/a", False),
    # trailing * in the path implies \?*
    ("http://example.com/hello*", "http://example.com/hello/there?a=1&b=2", True),
    # trailing * in the domain implies /*\?*
    ("http://example.com*", "http://example.com/any/path?q=1", True),
    # no protocol, leading *: *://*example.com/ (the root only)
    ("*example.com", "https://www.example.com/", True),
    ("*example.com", "http://example.com/", True),
    ("*example.com", "https://www.example.com/file", False),
    # query strings: exact unless wildcarded; `\?` or a plain `?` starts the query
    (f"{CF}/a.jpg?size=large", f"{CF}/a.jpg?size=large", True),
    (f"{CF}/a.jpg?size=large", f"{CF}/a.jpg?size=small", False),
    (f"{CF}/a.jpg\\?size=*", f"{CF}/a.jpg?size=small", True),
    (f"{CF}/a.jpg", f"{CF}/a.jpg?size=small", False),
    # protocol
    (f"{CF}/a/*", "http://d111111abcdef8.cloudfront.net/a/b", False),
    ("*://d111111abcdef8.cloudfront.net/a/*", "http://d111111abcdef8.cloudfront.net/a/b", True),
    ("d111111abcdef8.cloudfront.net/a", f"{CF}/a", False),  # no protocol and no leading *: matches nothing
]


@pytest.mark.parametrize(("resource", "request_url", "expected"), ROWS)
def test_resource_matching(resource: str, request_url: str, expected: bool) -> None:
    assert resource_matches(resource, url(request_url)) is expected


def test_statements_are_whitespace_free_json_in_the_guides_order() -> None:
    assert canned_policy("https://x.test/a?b=1", 1767290400) == (
        '{"Statement":[{"Resource":"https://x.test/a?b=1","Condition":{"DateLessThan":{"AWS:EpochTime":1767290400}}}]}')
    custom = json.loads(custom_policy("https://x.test/*", 2, starts=1, ip="192.0.2.1"))
    assert custom == {"Statement": [{"Resource": "https://x.test/*", "Condition": {
        "DateLessThan": {"AWS:EpochTime": 2}, "DateGreaterThan": {"AWS:EpochTime": 1},
        "IpAddress": {"AWS:SourceIp": "192.0.2.1/32"}}}]}


def test_cloudfront_base64_round_trip() -> None:
    data = bytes(range(256))
    text = cf_b64encode(data)
    assert not set(text) & set("+=/")
    assert cf_b64decode(text) == data
    assert cf_b64decode("not base64!") is None
