"""`frontyard import SOURCE --overlay-template`: a ready-to-fill overlay; filled in, `frontyard serve SOURCE` works."""

from __future__ import annotations

import asyncio
import shutil
import signal
import sys
from pathlib import Path

import aiohttp
import pytest

from emulator.assembly import load_source
from emulator.cli import main
from tests.helpers import run_config, serve_url

SAMPLE = Path(__file__).parent / "fixtures" / "cfn" / "secure-static-site"  # aws-samples, Apache-2.0 (LICENSE there)


async def test_template_to_overlay_to_a_served_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "templates"
    shutil.copytree(SAMPLE, root)
    source = root / "main.yaml"
    assert main(["import", str(source), "--overlay-template"]) == 0
    overlay = root / "frontyard.local.yaml"
    text = overlay.read_text()
    assert f"  # parameter DomainName has no default ({source}:78:21)\n  DomainName:\n" in text
    assert "HostedZoneId" not in text and "Certificate" not in text  # the edge does not use them
    assert "  # origin 'S3-stack-root', imported domain s3bucketroot.s3.amazonaws.com\n  S3-stack-root:\n" \
           "    # mock: {type: s3-website, root: ./dist}" in text
    assert main(["import", str(source), "--overlay-template"]) == 1  # what someone filled in is never overwritten
    assert "exists: not overwritten" in capsys.readouterr().err
    assert main(["validate", str(source)]) == 2  # the empty entry is still missing, said once
    assert capsys.readouterr().err.count("parameter DomainName has no default") == 1

    # Filled in as a user would: the value, and one of the commented choices uncommented.
    text = text.replace("  DomainName:\n", "  DomainName: example.com\n")
    overlay.write_text(text.replace("    # mock: {type: s3-website, root: ./dist}", "    mock: {type: s3-website, "
                                    "root: ./www}"))
    (root / "www").mkdir()
    (root / "www" / "index.html").write_text("home page")
    (root / "www" / "404.html").write_text("not here")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "emulator", "serve", str(source), "--port", "0", "--https-port", "0", "--admin-port",
        "0", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        url = await serve_url(proc)
        async with aiohttp.ClientSession() as session, session.get(url + "/", allow_redirects=False) as r:
            assert r.status == 301 and r.headers["Location"].startswith("https://")  # redirect-to-https, as written
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 0 and b"Traceback" not in err
    async with run_config(load_source(source)) as edge:
        ssl = edge.ssl_context()
        async with edge.session.get(edge.https_url + "/", ssl=ssl, headers={"Host": "www.example.com"}) as r:
            assert (r.status, await r.text()) == (200, "home page")  # DefaultRootObject from the mapped bucket
        async with edge.session.get(edge.https_url + "/gone", ssl=ssl, headers={"Host": "www.example.com"}) as r:
            assert (r.status, await r.text()) == (404, "not here")  # the template's CustomErrorResponses
