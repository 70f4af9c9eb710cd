"""Nested stacks: `AWS::CloudFormation::Stack` (and SAM's `AWS::Serverless::Application` with a local Location)
followed to the template on this machine.

AWS CloudFormation Template Reference, "AWS::CloudFormation::Stack": "You can add output values from a nested stack
within the containing template. You use the GetAtt function with the nested stack's logical name and the name of the
output value in the nested stack in the format Outputs.NestedStackOutputName."

A TemplateURL is found locally as written (a relative path or file://, as in the source tree and in what `sam build`
leaves in .aws-sam/build), or, for the S3 URL `aws cloudformation package` writes, by the file name or the content
hash that names the uploaded object, among the templates beside the parent. `--parameter Stack.TemplateURL=PATH`
names the file when neither finds it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from emulator.config.importers.located import N

MAX_DEPTH = 10  # parents above a nested stack: deeper is a cycle of templates written some other way
MAX_CANDIDATES = 400  # files looked at when mapping an S3 URL back to a local template
TEMPLATE_SUFFIXES = (".yaml", ".yml", ".json", ".template")


def local_template(url: str, here: Path) -> Path | None:
    """The file a TemplateURL names on this machine, or None. `here` is the parent template's folder."""
    if not url or "\0" in url:
        return None
    parsed = urlparse(url)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.netloc + parsed.path))
        return _file(path if path.is_absolute() else here / path)
    if not parsed.scheme and not url.startswith("//"):
        return _file(here / url)
    if parsed.scheme in ("https", "http", "s3"):
        return _packaged(unquote(PurePosixPath(parsed.path).name), here)
    return None


def _file(path: Path) -> Path | None:
    try:
        return path if path.is_file() else None
    except (OSError, RuntimeError, ValueError):  # a name too long, a symlink loop
        return None


def _packaged(key_name: str, here: Path) -> Path | None:
    """An uploaded template's local copy: the same file name, or the file whose MD5 is the object's name (what
    `aws cloudformation package` uses as the key of an uploaded nested template)."""
    if not key_name:
        return None
    stem = key_name.split(".", 1)[0].lower()
    by_hash = re.fullmatch(r"[0-9a-f]{32}", stem) is not None
    for candidate in _templates(here):
        if candidate.name == key_name:
            return candidate
        if by_hash:
            try:
                if hashlib.md5(candidate.read_bytes()).hexdigest() == stem:  # the object key is an MD5
                    return candidate
            except OSError:
                continue
    return None


def _templates(here: Path) -> Iterator[Path]:
    """Templates beside the parent, in .aws-sam/build and one folder further down."""
    seen = 0
    for folder in (here, here / ".aws-sam" / "build", *sorted(p for p in _dirs(here))):
        try:
            files = sorted(folder.iterdir()) if folder.is_dir() else []
        except OSError:
            continue
        for f in files:
            if f.suffix in TEMPLATE_SUFFIXES and f.is_file():
                seen += 1
                if seen > MAX_CANDIDATES:
                    return
                yield f


def _dirs(here: Path) -> list[Path]:
    try:
        return [p for p in here.iterdir() if p.is_dir() and not p.name.startswith(".")][:50]
    except OSError:
        return []


def template_url(resource_type: str, props: N) -> N | None:
    """The property naming a nested template: TemplateURL, or a SAM application's Location when it is a path."""
    if resource_type == "AWS::CloudFormation::Stack":
        return props.get("TemplateURL")
    location = props.get("Location")
    return location if location is not None and isinstance(location.v, str) else None


def not_here(props: N, url: object) -> str:
    """Why a nested stack's template is not found: its TemplateURL, or the Serverless Application Repository
    application a SAM Location names (its template is downloaded only when the stack is deployed)."""
    location = props.get("Location")
    if location is not None and location.is_map:
        app, version = (str((location.get(k) or N("?")).v) for k in ("ApplicationId", "SemanticVersion"))
        return (f"its Location is the Serverless Application Repository application {app} (version {version}), "
                "whose template is fetched only when the stack is deployed: save it here (`aws serverlessrepo "
                "create-cloud-formation-template` gives its TemplateUrl)")
    return f"its TemplateURL {url!r} is not a template on this machine"


def merge(tree: dict[str, object], child: dict[str, object], loc: object) -> None:
    """A nested stack's distributions, functions and policies added to its parent's tree."""
    dists: list[object] = []
    for key in ("distribution", "distributions"):
        value = tree.pop(key, None)
        for part in (value, child.get(key)):
            if isinstance(part, N) and part.is_list:
                dists += part.v  # type: ignore[arg-type]
            elif part is not None:
                dists.append(part)
    if len(dists) == 1:
        tree["distribution"] = dists[0]
    elif dists:
        tree["distributions"] = N(dists, loc)  # type: ignore[arg-type]
    for key in ("functions", "cache_policies", "origin_request_policies", "key_groups",
                "response_headers_policies", "lambda_functions", "origin_access_controls", "bucket_policies"):
        if isinstance(part := child.get(key), dict) and part:
            tree.setdefault(key, {}).update(part)  # type: ignore[attr-defined]
