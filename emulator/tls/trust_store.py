"""`frontyard ca --install / --uninstall`: trust the local CA where browsers and tools on Linux look.

Like mkcert: every NSS database found (Chromium's ~/.pki/nssdb, created when missing; Firefox profiles; the
snap Chromium's) through `certutil` from libnss3-tools, and, when run as root, the system store
(/usr/local/share/ca-certificates + update-ca-certificates, which curl, Python and Node read). Each step
reports what it did or why it could not; nothing is silent.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes

SYSTEM_DIR = Path("/usr/local/share/ca-certificates")
STORES_ENV = "FRONTYARD_TRUST_STORES"  # like mkcert's TRUST_STORES: "nss,system" (the default), "nss", "system"


@dataclass(frozen=True)
class Step:
    place: str  # where: an NSS database or the system store
    ok: bool
    message: str  # what was done, or why not

    def format(self) -> str:
        return f"  {'✓' if self.ok else '✗'} {self.place}: {self.message}"


@dataclass(frozen=True)
class Places:
    """Where to install: the user's home (NSS databases) and the system store (None: leave it alone)."""

    home: Path | None  # None: no NSS databases
    system_dir: Path | None
    update_command: tuple[str, ...] = ("update-ca-certificates",)
    is_root: bool = False

    @classmethod
    def default(cls) -> Places:
        stores = {s.strip() for s in os.environ.get(STORES_ENV, "nss,system").split(",")}
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
        return cls(Path.home() if "nss" in stores else None,
                   SYSTEM_DIR if is_root and "system" in stores else None, is_root=is_root)


def nickname(cert_file: Path) -> str:
    """A name unique to this CA (two state dirs give two CAs), stable across runs."""
    cert = x509.load_pem_x509_certificate(cert_file.read_bytes())
    return f"frontyard local CA {cert.fingerprint(hashes.SHA256()).hex()[:12]}"


def nss_databases(home: Path, *, create_chromium: bool) -> list[Path]:
    found = [home / ".pki" / "nssdb", home / "snap" / "chromium" / "current" / ".pki" / "nssdb"]
    for profiles in (home / ".mozilla" / "firefox", home / "snap" / "firefox" / "common" / ".mozilla" / "firefox"):
        if profiles.is_dir():
            found += sorted(p for p in profiles.iterdir() if (p / "cert9.db").is_file())
    chromium = found[0]
    dbs = [d for d in found if (d / "cert9.db").is_file()]
    if create_chromium and chromium not in dbs:
        dbs.insert(0, chromium)
    return dbs


def _run(args: list[str]) -> tuple[bool, str]:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
    except OSError as exc:
        return False, f"cannot run {args[0]}: {exc.strerror}"
    except subprocess.TimeoutExpired:
        return False, f"{args[0]} did not finish within 60 s"
    output = (done.stderr or done.stdout).strip().splitlines()
    return done.returncode == 0, output[-1] if output else f"exit status {done.returncode}"


def install(cert_file: Path, places: Places) -> list[Step]:
    name = nickname(cert_file)
    steps: list[Step] = []
    certutil = shutil.which("certutil")
    if places.home is None:
        pass
    elif certutil is None:
        steps.append(Step("NSS databases (Chromium, Firefox)", False,
                          "certutil not found: install it (Debian/Ubuntu: apt-get install libnss3-tools) and rerun"))
    else:
        for db in nss_databases(places.home, create_chromium=True):
            if not (db / "cert9.db").is_file():
                db.mkdir(parents=True, exist_ok=True)
                ok, message = _run([certutil, "-d", f"sql:{db}", "-N", "--empty-password"])
                if not ok:
                    steps.append(Step(str(db), False, f"cannot create the database: {message}"))
                    continue
            ok, message = _run([certutil, "-d", f"sql:{db}", "-A", "-t", "C,,", "-n", name, "-i", str(cert_file)])
            steps.append(Step(str(db), ok, f"added '{name}'" if ok else message))
    if places.system_dir is not None or not places.is_root:
        steps.append(_system(cert_file, places, install=True))
    return steps


def uninstall(cert_file: Path, places: Places) -> list[Step]:
    name = nickname(cert_file)
    steps: list[Step] = []
    certutil = shutil.which("certutil")
    if places.home is None:
        pass
    elif certutil is None:
        steps.append(Step("NSS databases", False, "certutil not found (apt-get install libnss3-tools)"))
    else:
        for db in nss_databases(places.home, create_chromium=False):
            present, _ = _run([certutil, "-d", f"sql:{db}", "-L", "-n", name])
            if not present:
                steps.append(Step(str(db), True, "not installed there"))
                continue
            ok, message = _run([certutil, "-d", f"sql:{db}", "-D", "-n", name])
            steps.append(Step(str(db), ok, f"removed '{name}'" if ok else message))
    if places.system_dir is not None or not places.is_root:
        steps.append(_system(cert_file, places, install=False))
    return steps


def _system(cert_file: Path, places: Places, *, install: bool) -> Step:
    digest = hashlib.sha256(cert_file.read_bytes()).hexdigest()[:12]
    if places.system_dir is None:
        target = SYSTEM_DIR / f"frontyard-{digest}.crt"
        how = (f"sudo cp {cert_file} {target} && sudo update-ca-certificates" if install
               else f"sudo rm {target} && sudo update-ca-certificates --fresh")
        return Step("system store", False, f"not root, left alone; to {'add' if install else 'remove'} it: {how}")
    target = places.system_dir / f"frontyard-{digest}.crt"
    if install:
        places.system_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cert_file, target)
    elif target.exists():
        target.unlink()
    else:
        return Step("system store", True, "not installed there")
    if places.update_command:
        ok, message = _run(list(places.update_command))
        if not ok:
            return Step("system store", False, f"{target} {'written' if install else 'removed'}, but "
                        f"{places.update_command[0]} failed: {message}")
    return Step("system store", True, f"{'added' if install else 'removed'} {target}")
