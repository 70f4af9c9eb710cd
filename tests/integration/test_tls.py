"""Local TLS: the HTTPS viewer listener and CloudFront's origin certificate checks (AWS: "Require HTTPS for
communication between CloudFront and your custom origin")."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest

from emulator.cli import main
from tests.helpers import header, run_edge


def https_origin(tls: str, *, policy: str = "Managed-CachingOptimized", protocols: str = "[TLSv1.2]",
                 orp: str = "") -> str:
    return f"""\
distribution:
  aliases: [app.test]
  origins:
    - id: api
      domain_name: api.example.test
      connection_attempts: 1
      custom_origin: {{protocol_policy: https-only, ssl_protocols: {protocols}}}
      mock: {{type: echo, tls: {tls}}}
  default_cache_behavior:
    target_origin_id: api
    cache_policy: {policy}
    {orp}
emulator:
  debug: {{trace_header: true}}
"""


async def fetch(edge, host: str = "app.test") -> tuple[int, str, str]:
    async with edge.request("GET", "/x", headers={"Host": host}) as r:
        return r.status, await r.text(), r.headers.get("X-Frontyard-Trace", "")


async def test_https_viewer_listener_verifies_against_the_local_ca(tmp_path: Path) -> None:
    # Only the CloudFront headers: forwarding the viewer's Host (127.0.0.1) would need it on the origin's cert.
    text = https_origin("{}", orp="origin_request_policy: tls-headers") + """\
origin_request_policies:
  tls-headers: {headers: {behavior: whitelist, items: [CloudFront-Forwarded-Proto, CloudFront-Viewer-TLS]}}
"""
    async with run_edge(tmp_path, text) as edge:
        async with edge.session.get(edge.https_url + "/x", ssl=edge.ssl_context()) as r:
            assert r.status == 200
            seen = json.loads(await r.read())
    assert header(seen, "CloudFront-Forwarded-Proto") == "https"
    tls = header(seen, "CloudFront-Viewer-TLS")
    assert tls is not None and tls.startswith("TLSv1.3:TLS_") and tls.endswith(":fullHandshake")


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
async def test_curl_with_cacert_and_without_k(tmp_path: Path) -> None:
    async with run_edge(tmp_path, https_origin("{}")) as edge:
        assert edge.emulator.ca is not None
        port = edge.https_url.rsplit(":", 1)[1]
        curl = await asyncio.create_subprocess_exec(
            "curl", "-sS", "--max-time", "20", "--cacert", str(edge.emulator.ca.cert_file), "-o", "/dev/null",
            "-w", "%{http_code}", f"https://localhost:{port}/x",
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await asyncio.wait_for(curl.communicate(), 30)
    assert curl.returncode == 0, err.decode()
    assert out == b"200"


async def test_https_origin_with_the_right_certificate(tmp_path: Path) -> None:
    async with run_edge(tmp_path, https_origin("{}")) as edge:
        status, body, _ = await fetch(edge)
    assert status == 200 and json.loads(body)["method"] == "GET"


@pytest.mark.parametrize(
    ("tls", "cause"),
    [
        ("{names: [www.example.test]}",
         "certificate for www.example.test does not match origin domain api.example.test"),
        ("{certificate: self-signed}", "is self-signed; CloudFront accepts only certificates from a trusted CA"),
        ("{certificate: expired}", "certificate for api.example.test expired on"),
        ("{certificate: untrusted}", "was issued by a CA that is not trusted"),
    ],
)
async def test_bad_origin_certificates_give_502_with_the_cause(tmp_path: Path, tls: str, cause: str) -> None:
    async with run_edge(tmp_path, https_origin(tls)) as edge:
        status, body, trace = await fetch(edge)
        async with edge.request("GET", "/x", headers={"Host": "app.test"}) as r:
            assert r.headers["X-Cache"] == "Error from cloudfront"
    assert status == 502
    assert "<H1>502 ERROR</H1>" in body
    assert cause in trace


async def test_no_tls_version_in_common(tmp_path: Path) -> None:
    async with run_edge(tmp_path, https_origin("{max_version: TLSv1.2}", protocols="[TLSv1.1]")) as edge:
        status, _, trace = await fetch(edge)
    assert status == 502
    assert "no TLS version in common: origin_ssl_protocols [TLSv1.1]" in trace


async def test_https_only_toward_a_plain_http_origin(tmp_path: Path) -> None:
    text = https_origin("{}").replace("      mock: {type: echo, tls: {}}", "      mock: {type: echo}")
    async with run_edge(tmp_path, text) as edge:
        status, _, trace = await fetch(edge)
    assert status == 502
    assert "does not speak TLS" in trace


@pytest.mark.parametrize(("names", "status"), [("[api.example.test]", 200), ("[app.test]", 200),
                                               ("[other.example.test]", 502)])
async def test_with_host_forwarded_either_name_will_do(tmp_path: Path, names: str, status: int) -> None:
    """AWS: one of the certificate's names must match one or both of the origin domain and the forwarded Host."""
    text = https_origin(f"{{names: {names}}}", orp="origin_request_policy: Managed-AllViewer")
    async with run_edge(tmp_path, text) as edge:
        got, _, trace = await fetch(edge)
        again, _, _ = await fetch(edge)  # the second request rides on the cached check
    assert (got, again) == (status, status)
    if status == 502:
        assert "certificate for other.example.test matches neither origin domain api.example.test nor the " \
               "forwarded Host app.test" in trace


def test_ca_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "site.yaml"
    config.write_text(https_origin("{}") + "  state_dir: state\n")
    assert main(["ca", str(config)]) == 0
    out = capsys.readouterr().out
    ca_file = tmp_path / "state" / "ca.pem"
    assert ca_file.is_file() and out.startswith(f"frontyard local CA: {ca_file}")
    assert "--cacert" in out and "NODE_EXTRA_CA_CERTS" in out and "REQUESTS_CA_BUNDLE" in out
    assert main(["ca", str(config)]) == 0  # reused, not recreated
    assert ca_file.read_bytes() == ca_file.read_bytes()
