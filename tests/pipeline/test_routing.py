"""Path patterns and behavior selection: one row per CloudFront rule (AWS: "Cache behavior settings", "Specify a default
root object")."""

from __future__ import annotations

import pytest

from emulator.config.model import CacheBehavior, Distribution, Origin
from emulator.pipeline.stages.routing import Router, compile_pattern, host_matches, normalize_path, root_object_path


def matches(pattern: str, path: str) -> bool:
    return compile_pattern(pattern).fullmatch(path) is not None


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        # `*` is zero or more characters and crosses '/' (doc: a*.jpg matches abra/cadabra/magic.jpg).
        ("a*.jpg", "/apple.jpg", True),
        ("a*.jpg", "/appalachian_trail_2012_05_21.jpg", True),
        ("a*.jpg", "/abra/cadabra/magic.jpg", True),
        ("a*.jpg", "/banana.jpg", False),
        ("*.jpg", "/x.jpg", True),
        ("*.jpg", "/deep/er/x.jpg", True),
        ("*.jpg", "/x.jpeg", False),
        # `?` is exactly one character.
        ("a??.jpg", "/ant.jpg", True),
        ("a??.jpg", "/abe.jpg", True),
        ("a??.jpg", "/an.jpg", False),
        ("a??.jpg", "/antt.jpg", False),
        # *.doc* matches .doc, .docx, .docm; *.doc? does not match .doc.
        ("*.doc*", "/report.doc", True),
        ("*.doc*", "/report.docx", True),
        ("*.doc*", "/report.docm", True),
        ("*.doc?", "/report.doc", False),
        ("*.doc?", "/report.docx", True),
        # A leading '/' is optional and implied.
        ("/images/*.jpg", "/images/a.jpg", True),
        ("images/*.jpg", "/images/a.jpg", True),
        ("/*product.jpg", "/my-product.jpg", True),
        ("*product.jpg", "/my-product.jpg", True),
        # A pattern covers subdirectories.
        ("images/*.jpg", "/images/product1/a.jpg", True),
        ("images/*.jpg", "/images/product2/b/c.jpg", True),
        # Case-sensitive.
        ("*.jpg", "/LOGO.JPG", False),
        ("/API/*", "/api/x", False),
        # Anchored at both ends.
        ("images/*", "/static/images/x", False),
        ("*.gif", "/x.gif/more", False),
        # DERIVED examples: /api* vs api/*.
        ("/api*", "/api", True),
        ("/api*", "/api/", True),
        ("/api*", "/api/x", True),
        ("/api*", "/apiary", True),
        ("api/*", "/api/", True),
        ("api/*", "/api/x", True),
        ("api/*", "/api", False),
        # Regex metacharacters in patterns are literal.
        ("/a.b/*", "/aXb/c", False),
        ("/price$/*", "/price$/x", True),
        ("/v1+/*", "/v1+/x", True),
        # `*` alone (the default behavior) matches everything.
        ("*", "/", True),
        ("*", "/anything/at/all", True),
    ],
)
def test_path_pattern(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("/a/b", "/a/b"),
        ("/a/b/..", "/a/"),  # doc: /a/b/.. selects /a* rather than /a/b*
        ("/a/b/../c", "/a/c"),
        ("/a/./b", "/a/b"),
        ("//a//b", "/a/b"),  # duplicate slashes collapse
        ("/a/b/.", "/a/b/"),
        ("/../../etc", "/etc"),  # dot segments never climb above the root
        ("/%61pi/x", "/api/x"),  # percent-encoded unreserved characters are decoded (RFC 3986 Section 6.2.2.2)
        ("/a%2fb", "/a%2Fb"),  # reserved ones stay encoded (hex upper-cased)
        ("/", "/"),
    ],
)
def test_normalize_path(raw: str, normalized: str) -> None:
    assert normalize_path(raw) == normalized


def _distribution(*patterns: str) -> Distribution:
    origin = Origin(id="o", domain_name="o.example")
    behaviors = tuple(CacheBehavior(path_pattern=p, target_origin_id="o") for p in patterns)
    return Distribution(
        id="d",
        domain_name="d.cloudfront.net",
        origins=(origin,),
        default_cache_behavior=CacheBehavior(path_pattern="*", target_origin_id="o", is_default=True),
        cache_behaviors=behaviors,
    )


@pytest.mark.parametrize(
    ("patterns", "path", "chosen"),
    [
        # Doc example: first match wins even though a later behavior also matches.
        (("images/*.jpg", "images/*", "*.gif"), "/images/sample.gif", "images/*"),
        (("images/*.jpg", "images/*", "*.gif"), "/images/sample.jpg", "images/*.jpg"),
        (("images/*.jpg", "images/*", "*.gif"), "/other/sample.gif", "*.gif"),
        (("images/*.jpg", "images/*", "*.gif"), "/other/sample.png", "*"),  # the default is last
        # Doc example for normalisation.
        (("/a/b*", "/a*"), normalize_path("/a/b"), "/a/b*"),
        (("/a/b*", "/a*"), normalize_path("/a/b/.."), "/a*"),
        # A more specific behavior listed after a general one never matches.
        (("/api/*", "/api/admin/*"), "/api/admin/x", "/api/*"),
    ],
)
def test_first_match_wins(patterns: tuple[str, ...], path: str, chosen: str) -> None:
    assert Router.build(_distribution(*patterns)).select(path).behavior.path_pattern == chosen


@pytest.mark.parametrize(
    ("raw", "root", "expected"),
    [
        ("/", "index.html", "/index.html"),
        ("/", "folder/index.html", "/folder/index.html"),
        ("/install/", "index.html", None),  # subdirectories never get the default root object
        ("///", "index.html", None),  # multiple slashes are not the root
        ("/index.html", "index.html", None),
        ("/", "", None),  # no default root object: '/' goes to the origin as is
    ],
)
def test_default_root_object(raw: str, root: str, expected: str | None) -> None:
    assert root_object_path(raw, root) == expected


@pytest.mark.parametrize(
    ("host", "alias", "expected"),
    [
        ("www.example.com", "www.example.com", True),
        ("www.example.com", "*.example.com", True),
        ("example.com", "*.example.com", False),
        ("a.b.example.com", "*.example.com", False),
        ("wwwexample.com", "*.example.com", False),
        ("other.com", "www.example.com", False),
    ],
)
def test_alias_matching(host: str, alias: str, expected: bool) -> None:
    assert host_matches(host, alias) is expected
