"""Local TLS: a persistent local CA (trustme), certificates for the viewer listener and for HTTPS mock origins,
and the client contexts the edge uses toward origins (AWS: "Require HTTPS for communication between CloudFront and your
custom origin").

The CA is created once under the state directory and reused, so a developer trusts it once (`frontyard ca`).
Mock origins can be given a wrong-name, self-signed, expired or untrusted certificate on purpose, so the
502s CloudFront gives for those can be reproduced.
"""

from __future__ import annotations

import datetime as dt
import os
import ssl
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from emulator.config.model import CertificateKind

STATE_ENV = "FRONTYARD_STATE_DIR"
CA_EXPORT_ENV = "FRONTYARD_CA_EXPORT"  # optional: a folder that gets a copy of ca.pem (and never the key)

# origin_ssl_protocols -> OpenSSL versions. CloudFront also speaks TLS 1.3 to origins that allow TLS 1.2
# (AWS: "Supported protocols and ciphers between CloudFront and the origin"), so TLSv1.2 in the list opens the range up
# to 1.3.
_VERSIONS = {"SSLv3": ssl.TLSVersion.SSLv3, "TLSv1": ssl.TLSVersion.TLSv1, "TLSv1.1": ssl.TLSVersion.TLSv1_1,
             "TLSv1.2": ssl.TLSVersion.TLSv1_2}


class CAError(Exception):
    """The local CA's state directory cannot be used (corrupt files, not writable): a message for the user."""


def _export(cert_file: Path) -> Path:
    """Publish the CA certificate, never its key, in $FRONTYARD_CA_EXPORT: the folder other containers mount
    to trust the edge (docker-compose.yml), while the key stays in the state directory only the edge sees."""
    target = os.environ.get(CA_EXPORT_ENV)
    if target:
        out = Path(target) / "ca.pem"
        data = cert_file.read_bytes()
        if not out.is_file() or out.read_bytes() != data:
            out.parent.mkdir(parents=True, exist_ok=True)
            partial = out.with_name("ca.pem.partial")
            partial.write_bytes(data)
            partial.replace(out)  # readers never see half a certificate
    return cert_file


def default_state_dir() -> Path:
    return Path(os.environ.get(STATE_ENV) or Path.home() / ".frontyard")


@dataclass
class LocalCA:
    ca: trustme.CA
    cert_file: Path

    @classmethod
    def load_or_create(cls, state_dir: Path) -> LocalCA:
        """The CA in state_dir, created on first use (key readable by the owner only)."""
        cert_file, key_file = state_dir / "ca.pem", state_dir / "ca-key.pem"
        try:
            if cert_file.is_file() and key_file.is_file():
                ca = trustme.CA.from_pem(cert_file.read_bytes(), key_file.read_bytes())
                return cls(ca, _export(cert_file))
            state_dir.mkdir(parents=True, exist_ok=True)
            ca = trustme.CA(organization_name="frontyard local CA")
            key_file.touch(mode=0o600)
            key_file.write_bytes(ca.private_key_pem.bytes())
            cert_file.write_bytes(ca.cert_pem.bytes())
            return cls(ca, _export(cert_file))
        except (ValueError, TypeError) as exc:  # cryptography's "could not deserialize" and friends
            raise CAError(f"{state_dir}: the local CA's files (ca.pem, ca-key.pem) are not a PEM certificate and "
                          f"its key ({exc}); move them away and a new CA is created (then trust it again: "
                          "'frontyard ca')") from None
        except OSError as exc:
            raise CAError(f"{exc.filename or state_dir}: cannot use it for the local CA: {exc.strerror}") from None

    def server_context(self, names: Sequence[str], kind: CertificateKind = CertificateKind.VALID,
                       max_version: ssl.TLSVersion | None = None) -> ssl.SSLContext:
        """A server context presenting a certificate for names, of the given kind."""
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        if max_version is not None:
            ctx.maximum_version = max_version
        if kind is CertificateKind.SELF_SIGNED:
            cert_pem, key_pem = _self_signed(names)
            _load_chain(ctx, cert_pem, key_pem)
            return ctx
        issuer = trustme.CA(organization_name="untrusted CA") if kind is CertificateKind.UNTRUSTED else self.ca
        not_after = dt.datetime.now(dt.UTC) - dt.timedelta(days=1) if kind is CertificateKind.EXPIRED else None
        not_before = dt.datetime.now(dt.UTC) - dt.timedelta(days=30) if not_after else None
        leaf = issuer.issue_cert(*names, not_before=not_before, not_after=not_after)
        leaf.configure_cert(ctx)
        return ctx

    def reissue(self, ctx: ssl.SSLContext, names: Sequence[str]) -> None:
        """Load a new certificate for names into a live server context (new handshakes use it)."""
        self.ca.issue_cert(*names).configure_cert(ctx)

    def client_context(self, ssl_protocols: Sequence[str] = ("TLSv1.2",)) -> ssl.SSLContext:
        """What the edge uses toward origins: the system trust store plus this CA, hostname checked."""
        ctx = ssl.create_default_context()
        self.ca.configure_trust(ctx)
        versions = sorted(_VERSIONS[p] for p in ssl_protocols if p in _VERSIONS)
        if versions:
            # Python deprecates the old versions; CloudFront still lets an origin config name them, so we do
            # too (OpenSSL's security level may still refuse them: that is the origin's 502, explained).
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                ctx.minimum_version = versions[0]
                top = versions[-1]
                ctx.maximum_version = ssl.TLSVersion.TLSv1_3 if top is ssl.TLSVersion.TLSv1_2 else top
        return ctx


def _load_chain(ctx: ssl.SSLContext, cert_pem: bytes, key_pem: bytes) -> None:
    # ssl only loads certificates from files; a temporary pair is read once and removed.
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        cert, key = Path(tmp) / "cert.pem", Path(tmp) / "key.pem"
        cert.write_bytes(cert_pem)
        key.write_bytes(key_pem)
        ctx.load_cert_chain(cert, key)


def _self_signed(names: Sequence[str]) -> tuple[bytes, bytes]:
    """A leaf certificate signed by its own key: what CloudFront refuses outright."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([_general_name(n) for n in names]), critical=False)
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def _general_name(name: str) -> x509.GeneralName:
    import ipaddress

    try:
        return x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return x509.DNSName(name)


def certificate_names(der: bytes) -> tuple[list[str], dt.datetime]:
    """The DNS names and IPs a DER certificate covers, and when it expires."""
    cert = x509.load_der_x509_certificate(der)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = [str(n) for n in san.get_values_for_type(x509.DNSName)]
        names += [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:
        names = [a.value for a in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]  # type: ignore[misc]
    return names, cert.not_valid_after_utc


def covers(names: Sequence[str], host: str) -> bool:
    """Whether a certificate for names is valid for host (one-label wildcards, as in RFC 6125)."""
    host = host.lower().rstrip(".")
    for name in (n.lower() for n in names):
        if name == host or (name.startswith("*.") and host.endswith(name[1:]) and "." not in host[: -len(name) + 1]):
            return True
    return False


def trust_instructions(ca_file: Path) -> str:
    return f"""\
frontyard local CA: {ca_file}

Trust it where you need it:
  curl:            curl --cacert {ca_file} https://localhost:8443/
  Node.js:         export NODE_EXTRA_CA_CERTS={ca_file}
  Python:          export REQUESTS_CA_BUNDLE={ca_file} SSL_CERT_FILE={ca_file}
  Docker:          the image keeps it in /var/lib/frontyard (FRONTYARD_STATE_DIR), a volume: mount that
                   volume (frontyard-state in docker-compose.yml) into other containers and point the
                   variables above at ca.pem there; from the host: docker compose cp edge:/var/lib/frontyard/ca.pem .
The key ({ca_file.parent / 'ca-key.pem'}) stays on this machine; delete both files to start over."""
