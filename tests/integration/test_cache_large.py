"""A 1 GB object through a cached behavior: streamed to the viewer intact while `frontyard serve` (a process of
its own, so its memory is measured alone) stays far below the object's size."""

from __future__ import annotations

import asyncio
import hashlib
import os
import sys
import textwrap
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.helpers import serve_app, serve_url

BLOCK = os.urandom(1024 * 1024)
BLOCKS = 1024  # 1 GiB


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc status")


async def test_one_gigabyte_through_a_cached_behavior_keeps_memory_low(tmp_path: Path) -> None:
    async def huge(request: web.Request) -> web.StreamResponse:
        # Chunked, no Content-Length: the edge cannot know the size in advance, starts keeping the body for
        # the cache, and must let go of it at max_object_bytes.
        response = web.StreamResponse(headers={"Cache-Control": "max-age=3600",
                                               "Content-Type": "application/octet-stream"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(BLOCKS):
            await response.write(BLOCK)
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_get("/big.bin", huge)
    async with serve_app(app) as port:
        config = tmp_path / "frontyard.yaml"
        config.write_text(textwrap.dedent(f"""\
            distribution:
              origins:
                - {{id: files, domain_name: files.internal, custom_origin: {{http_port: {port}}}}}
              default_cache_behavior: {{target_origin_id: files, cache_policy: Managed-CachingOptimized}}
            emulator:
              resolve: {{files.internal: 127.0.0.1}}
            """))
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "emulator", "serve", str(config), "--port", "0", "--https-port", "0",
            "--admin-port", "0", "--quiet", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        try:
            url = await serve_url(proc)
            digest, total = hashlib.sha256(), 0
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=300)) as session:
                async with session.get(url + "/big.bin") as r:
                    assert r.status == 200 and r.headers["X-Cache"] == "Miss from cloudfront"
                    async for chunk in r.content.iter_chunked(1024 * 1024):
                        digest.update(chunk)
                        total += len(chunk)
            peak = peak_rss_mb(proc.pid)
        finally:
            proc.terminate()
            await asyncio.wait_for(proc.communicate(), 20)
    expected = hashlib.sha256()
    for _ in range(BLOCKS):
        expected.update(BLOCK)
    assert total == len(BLOCK) * BLOCKS
    assert digest.hexdigest() == expected.hexdigest()
    assert peak < 100, f"frontyard serve peaked at {peak:.0f} MB for a 1 GB object"
