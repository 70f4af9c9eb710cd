"""Invalidation through the admin API and `frontyard invalidate`, over real sockets (AWS: "What you need to know
when invalidating paths", "Concurrent invalidation request maximum", and the CreateInvalidation API's errors):
a path with a query string removes that variant only, a path without one the copy cached without a query, a
trailing '*' every variant; cookie and header variants all go; an unknown distribution and a batch past the
in-progress maximums are refused with CloudFront's error codes."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import web

from emulator.config.model import Listen
from emulator.serve.admin import AdminServer
from tests.helpers import Edge, run_edge, serve_app

CONFIG = """\
    distribution:
      id: EDFDVBD6EXAMPLE
      origins:
        - id: app
          domain_name: app.internal
          custom_origin: {{http_port: {port}}}
      default_cache_behavior:
        target_origin_id: app
        cache_policy: Managed-UseOriginCacheControlHeaders-QueryStrings
    emulator:
      resolve: {{app.internal: 127.0.0.1}}
    """


async def origin(request: web.Request) -> web.Response:
    return web.Response(text=request.path_qs, headers={"Cache-Control": "max-age=600"})


@asynccontextmanager
async def edge_and_admin(tmp_path: Path) -> AsyncIterator[tuple[Edge, str]]:
    app = web.Application()
    app.router.add_get("/{tail:.*}", origin)
    async with serve_app(app) as port, run_edge(tmp_path, CONFIG.format(port=port)) as edge:
        assert edge.server is not None
        admin = AdminServer(edge.server, lambda: {})
        _, admin_port = await admin.start(Listen(host="127.0.0.1", port=0))
        try:
            yield edge, f"http://127.0.0.1:{admin_port}"
        finally:
            await admin.close()


async def x_cache(edge: Edge, path: str, **headers: str) -> str:
    async with edge.request("GET", path, headers=headers) as r:
        await r.read()
        return r.headers["X-Cache"].split()[0]


async def post(edge: Edge, admin: str, body: object) -> tuple[int, dict]:
    async with edge.session.post(admin + "/_frontyard/invalidations", json=body) as r:
        return r.status, await r.json()


async def cli(admin: str, *args: str) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "emulator", "invalidate", *args, "--admin", admin,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def test_a_query_string_in_the_path_invalidates_that_variant_only(tmp_path: Path) -> None:
    async with edge_and_admin(tmp_path) as (edge, admin):
        for path in ("/x", "/x?a=1", "/x?a=2"):
            assert await x_cache(edge, path) == "Miss"
        assert await x_cache(edge, "/x", Cookie="c=1") == "Miss"  # a cookie variant of /x

        code, out, err = await cli(admin, "/x?a=1")
        assert (code, "Completed: 1 cached object removed" in out) == (0, True), err
        assert [await x_cache(edge, p) for p in ("/x?a=1", "/x?a=2", "/x")] == ["Miss", "Hit", "Hit"]

        # Without a query string: the copies cached without one, whatever their cookies.
        status, answer = await post(edge, admin, {"paths": ["/x"]})
        assert (status, answer["removed"]) == (201, 2)
        assert [await x_cache(edge, p) for p in ("/x?a=1", "/x?a=2", "/x")] == ["Hit", "Hit", "Miss"]

        # A trailing '*': every version of the file.
        status, answer = await post(edge, admin, {"paths": ["/x*"]})
        assert (status, answer["removed"]) == (201, 3)
        assert [await x_cache(edge, p) for p in ("/x?a=1", "/x?a=2", "/x")] == ["Miss", "Miss", "Miss"]


async def test_an_unknown_distribution_is_refused_like_cloudfront(tmp_path: Path) -> None:
    async with edge_and_admin(tmp_path) as (edge, admin):
        assert await x_cache(edge, "/x") == "Miss"
        status, answer = await post(edge, admin, {"paths": ["/x"], "distribution": "ENOSUCH"})
        assert status == 404
        assert answer["Error"] == {"Type": "Sender", "Code": "NoSuchDistribution",
                                   "Message": "The specified distribution does not exist."}
        code, out, err = await cli(admin, "/x", "--distribution", "ENOSUCH")
        assert code == 1 and out == "" and "NoSuchDistribution" in err and "EDFDVBD6EXAMPLE" in err
        assert await x_cache(edge, "/x") == "Hit"
        code, out, err = await cli(admin, "/x", "--distribution", "EDFDVBD6EXAMPLE")
        assert code == 0 and "1 cached object removed" in out, err


async def test_batches_past_the_in_progress_maximums_are_refused(tmp_path: Path) -> None:
    files = [f"/f{i}" for i in range(3000)]
    wildcards = [f"/w{i}/*" for i in range(15)]
    async with edge_and_admin(tmp_path) as (edge, admin):
        assert await x_cache(edge, "/x") == "Miss"
        for paths in (files + ["/x"], wildcards + ["/x*"]):
            status, answer = await post(edge, admin, {"InvalidationBatch": {"Paths": {"Items": paths}}})
            assert (status, answer["Error"]["Code"]) == (400, "TooManyInvalidationsInProgress")
        code, _, err = await cli(admin, *wildcards, "/x*")
        assert code == 1 and "TooManyInvalidationsInProgress: 16 wildcard paths" in err
        assert await x_cache(edge, "/x") == "Hit"  # nothing of a refused batch was applied
        # The two maximums are independent: 3,000 files and 15 wildcard paths together are accepted.
        status, answer = await post(edge, admin, {"paths": files[:-1] + ["/x"] + wildcards})
        assert (status, answer["removed"]) == (201, 1)


async def test_deeply_nested_json_is_a_clean_400(tmp_path: Path) -> None:
    async with edge_and_admin(tmp_path) as (edge, admin):
        body = b"[" * 100_000 + b"]" * 100_000
        async with edge.session.post(admin + "/_frontyard/invalidations", data=body) as r:
            assert r.status == 400 and r.content_type == "application/json"
            answer = await r.json()
        assert answer["Error"]["Code"] == "InvalidArgument" and "nested too deeply" in answer["error"]
