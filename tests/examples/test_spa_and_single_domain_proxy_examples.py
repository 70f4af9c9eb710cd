"""The SPA examples (custom error responses, a rewrite function) and the single-domain proxy, run from examples/ as
shipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from emulator.cli import main
from emulator.clock import Clock, FakeClock
from emulator.signing import sign_url
from tests.helpers import header, run_edge

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def edge_for(tmp_path: Path, name: str, clock: Clock | None = None):
    # Copy beside a functions/ folder so the examples' ../../functions paths resolve as in the repo.
    shutil.copytree(EXAMPLES / name, tmp_path / "examples" / name)
    shutil.copytree(EXAMPLES.parent / "functions", tmp_path / "functions")
    folder = tmp_path / "examples" / name
    return run_edge(folder, (folder / "frontyard.yaml").read_text(), clock=clock)


async def get(edge, path: str) -> tuple[int, str, bytes]:
    async with edge.request("GET", path, headers={"Host": "app.localhost"}) as r:
        return r.status, r.headers.get("Content-Type", ""), await r.read()


async def test_a_error_responses_trap(tmp_path: Path) -> None:
    async with edge_for(tmp_path, "spa-error-responses") as edge:
        api = await get(edge, "/api/missing")
        deep = await get(edge, "/deep/link")
        script = await get(edge, "/assets/missing.js")
        real = await get(edge, "/assets/app.js")
    assert api[0] == 200 and api[1] == "text/html" and b"SPA shell" in api[2]  # the API's 404 JSON is gone
    assert deep[0] == 200 and b"SPA shell" in deep[2]
    assert script[0] == 200 and script[1] == "text/html"  # a missing script served as HTML
    assert real[0] == 200 and b"rendered by app.js" in real[2]


def test_a_validate_warns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES / "spa-error-responses" / "frontyard.yaml")]) == 0
    out = capsys.readouterr().out
    assert "404 -> /index.html as 200 applies to the whole distribution" in out
    assert "cache_behaviors[0] (/api/*) -> origin 'api'" in out and "functions/spa-rewrite" in out


async def test_b_rewrite_function_done_right(tmp_path: Path) -> None:
    async with edge_for(tmp_path, "spa-rewrite-function") as edge:
        api = await get(edge, "/api/missing")
        deep = await get(edge, "/deep/link")
        script = await get(edge, "/assets/missing.js")
    assert api[0] == 404 and api[1] == "application/json" and json.loads(api[2]) == {"message": "Not Found"}
    assert deep[0] == 200 and b"SPA shell" in deep[2]
    assert script[0] == 404 and b"<Code>NoSuchKey</Code>" in script[2]


def test_b_validate_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES / "spa-rewrite-function" / "frontyard.yaml")]) == 0
    assert "warning" not in capsys.readouterr().out


async def test_c_single_domain_reverse_proxy(tmp_path: Path) -> None:
    async with edge_for(tmp_path, "single-domain-proxy") as edge:
        api = await get(edge, "/api/users/7")
        stac = await get(edge, "/stac/collections")
        storage = await get(edge, "/storage/report.txt")
        thumb = await get(edge, "/thumbnails/cat.png")
        spa = await get(edge, "/")
    assert json.loads(api[2])["path"] == "/users/7"  # stripped by the function
    assert header(json.loads(api[2]), "Host") == "api.example.test"
    assert json.loads(stac[2])["path"] == "/stac/collections"  # CloudFront does not strip prefixes
    assert storage[0] == 403 and b"<Code>MissingKey</Code>" in storage[2]  # private: signed URLs only
    assert thumb[0] == 200 and thumb[2] == b"PNG-ish\n"  # origin_path /img + /thumbnails/cat.png
    assert spa[0] == 200 and b"SPA" in spa[2]


async def test_c_private_storage_signed_and_expired(tmp_path: Path) -> None:
    clock = FakeClock(1_800_000_000)
    key = (EXAMPLES / "single-domain-proxy" / "keys" / "KDEMOSTORAGE01.private.pem").read_bytes()
    async with edge_for(tmp_path, "single-domain-proxy", clock) as edge:
        url = sign_url("http://app.localhost/storage/report.txt", "KDEMOSTORAGE01", key, expires=clock.now() + 600)
        signed = await get(edge, url.removeprefix("http://app.localhost"))
        clock.advance(600)
        expired = await get(edge, url.removeprefix("http://app.localhost"))
    assert signed == (200, "text/plain", b"report\n")
    assert expired[0] == 403 and expired[1] == "text/xml"
    assert b"<Code>AccessDenied</Code><Message>Access denied</Message>" in expired[2]
