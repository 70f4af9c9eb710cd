"""The inspector's Config tab for a source that is a folder (cdk.out): the files it was read from."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import aiohttp

from emulator.assembly import load_source
from emulator.config.model import Listen
from emulator.serve.admin import AdminServer
from emulator.serve.app import Emulator
from emulator.serve.server import EdgeServer

FIXTURES = Path(__file__).resolve().parents[1] / "config" / "importers" / "fixtures"


async def test_a_cdk_out_source_shows_its_files(tmp_path: Path) -> None:
    for name in ("cdk", "site", "storage"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    config = load_source(tmp_path / "cdk" / "cdk.out")
    loopback = Listen(host="127.0.0.1", port=0)
    config = replace(config, emulator=replace(config.emulator, http=loopback, https=None, admin=loopback))
    async with Emulator(config) as emulator:
        server = EdgeServer(emulator)
        admin = AdminServer(server, lambda: {})
        await server.start(config.emulator.http)
        host, port = await admin.start(loopback)
        try:
            async with aiohttp.ClientSession() as session, \
                    session.get(f"http://{host}:{port}/_frontyard/config") as r:
                body = await r.json()
        finally:
            await admin.close()
            await server.close()
    text = body["text"]
    assert r.status == 200 and body["file"].endswith("cdk.out")
    assert "cannot read" not in text and "Is a directory" not in text
    template = tmp_path / "cdk" / "cdk.out" / "SiteStack.template.json"
    assert f"# {template}\n" in text and "AWS::CloudFront::Distribution" in text
    assert f"# {tmp_path / 'cdk' / 'frontyard.local.yaml'}\n" in text  # the overlay it was read with
