"""`frontyard ca --install / --uninstall`: real certutil on NSS databases in a temporary HOME, and headless
Chromium reading that HOME trusting the edge's HTTPS listener only while the CA is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from emulator.cli import main
from emulator.tls.ca import LocalCA, default_state_dir
from emulator.tls.trust_store import Places, install, nickname, uninstall
from tests.helpers import run_edge

CERTUTIL = shutil.which("certutil")
pytestmark = pytest.mark.skipif(CERTUTIL is None, reason="needs certutil (apt-get install libnss3-tools)")


def listed(db: Path) -> str:
    assert CERTUTIL is not None
    return subprocess.run([CERTUTIL, "-d", f"sql:{db}", "-L"], capture_output=True, text=True, check=True).stdout


def firefox_profile(home: Path) -> Path:
    assert CERTUTIL is not None
    profile = home / ".mozilla" / "firefox" / "abcd.default-release"
    profile.mkdir(parents=True)
    subprocess.run([CERTUTIL, "-d", f"sql:{profile}", "-N", "--empty-password"], check=True, capture_output=True)
    return profile


def test_install_and_uninstall_in_every_nss_database_and_the_system_store(tmp_path: Path) -> None:
    ca = LocalCA.load_or_create(default_state_dir()).cert_file
    home, system = tmp_path / "home", tmp_path / "system-ca"
    profile = firefox_profile(home)
    places = Places(home, system, update_command=())
    name = nickname(ca)

    steps = install(ca, places)
    assert [s.ok for s in steps] == [True, True, True], steps
    chromium_db = home / ".pki" / "nssdb"
    assert [s.place for s in steps] == [str(chromium_db), str(profile), "system store"]
    for db in (chromium_db, profile):
        assert any(line.startswith(name) and line.split()[-1] == "C,," for line in listed(db).splitlines())
    [copied] = system.iterdir()
    assert copied.name.startswith("frontyard-") and copied.read_bytes() == ca.read_bytes()
    assert install(ca, places)[0].ok  # again: replaces, does not fail

    steps = uninstall(ca, places)
    assert all(s.ok for s in steps) and "removed" in steps[0].message and "removed" in steps[-1].message
    assert name not in listed(chromium_db) and name not in listed(profile)
    assert list(system.iterdir()) == []
    assert [s.message for s in uninstall(ca, places)][-1] == "not installed there"


def test_cli_install_prints_what_it_did(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("FRONTYARD_TRUST_STORES", "nss")  # never the machine's own system store from a test
    assert main(["ca", "--install"]) == 0
    out = capsys.readouterr().out
    assert f"✓ {tmp_path / '.pki' / 'nssdb'}: added 'frontyard local CA " in out and "system store" not in out
    assert main(["ca", "--uninstall"]) == 0
    assert f"✓ {tmp_path / '.pki' / 'nssdb'}: removed 'frontyard local CA " in capsys.readouterr().out
    monkeypatch.setenv("FRONTYARD_TRUST_STORES", "system")
    if os.geteuid() != 0:
        assert main(["ca", "--install"]) == 0
        assert "system store: not root, left alone; to add it: sudo cp " in capsys.readouterr().out


async def test_chromium_trusts_the_edge_only_while_installed(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.async_api")
    chromium = os.environ.get("FRONTYARD_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        pytest.skip("needs Debian's chromium")
    ca = LocalCA.load_or_create(default_state_dir()).cert_file
    home = tmp_path / "home"
    places = Places(home, None, update_command=(), is_root=True)  # NSS only
    yaml = """\
distribution:
  origins: [{id: o, domain_name: o.test, mock: {type: response, body: trusted}}]
  default_cache_behavior: {target_origin_id: o}
"""
    async with run_edge(tmp_path, yaml) as edge, playwright.async_playwright() as p:
        async def visit() -> str:
            browser = await p.chromium.launch(executable_path=chromium, args=["--no-sandbox"],
                                              env={**os.environ, "HOME": str(home)})
            try:
                page = await browser.new_page()
                try:
                    await page.goto(edge.https_url + "/")
                except playwright.Error as exc:
                    return str(exc).splitlines()[0]
                return await page.inner_text("body")
            finally:
                await browser.close()

        assert all(s.ok for s in install(ca, places))
        assert await visit() == "trusted"
        assert all(s.ok for s in uninstall(ca, places))
        assert "ERR_CERT_AUTHORITY_INVALID" in await visit()
