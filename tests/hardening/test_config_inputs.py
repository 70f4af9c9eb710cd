"""Bad configuration files get a located error and exit 2 from `validate` and `serve`,
never a traceback; the alias bomb is refused before it is built; the messages say what is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from emulator.cli import main

BASE = """\
distribution:
  origins:
    - {id: app, domain_name: app.example.test, mock: {type: echo}}
  default_cache_behavior: {target_origin_id: app}
"""
FN = BASE.replace("{target_origin_id: app}", "{target_origin_id: app, function_associations: {viewer-request: f}}")
LAUGHS = b"".join(b"%s: &%s [%s]\n" % (chr(97 + i).encode(), chr(97 + i).encode(),
                                        b",".join([b"*" + chr(96 + i).encode() if i else b"lol"] * 9))
                  for i in range(9))  # 9 levels of 9: 387 million values from a few hundred bytes

# (name, file content, what the error says) -- the file is site.yaml next to the files made in `files`.
CASES = [
    # 4. tracebacks before
    ("latin-1 text", BASE.encode() + b"# caf\xe9\n", "site.yaml:5:6: byte 0xe9 is not UTF-8"),
    ("binary", b"\x00\x01\x02\xff\xfe" * 10, "site.yaml: the file is binary"),
    ("UTF-16", BASE.encode("utf-16"), "site.yaml: the file is UTF-16 text"),
    ("control character", BASE.encode() + b"x: \x07\n", "site.yaml:5:4: YAML: the character U+0007 is not allowed"),
    ("recursive alias", b"a: &a [*a]\n" + BASE.encode(), "site.yaml:1:4: YAML: an alias refers to the collection"),
    ("deep flow", b"x: " + b"[" * 5000 + b"]" * 5000 + b"\n", "site.yaml: YAML: nested too deeply"),
    ("non-ASCII port digit", (BASE + "emulator: {listen: {http: '127.0.0.1:\u00b2'}}\n").encode(),
     "site.yaml:5:27: emulator.listen.http: '127.0.0.1:²' is not host:port"),
    # 5. the alias bomb
    ("alias bomb", LAUGHS, "site.yaml: YAML: the document expands to more than 100,000 values"),
    # 6. accepted before
    ("no distributions", b"distributions: []\n", "site.yaml:1:16: distributions: the list is empty"),
    ("CR/LF in a custom header", BASE.replace("mock: {type: echo}", 'mock: {type: echo}, custom_headers: '
                                              '{X-A: "a\\r\\nX-B: b"}').encode(), "contains a control character"),
    ("empty path_pattern", (BASE + "  cache_behaviors:\n    - {path_pattern: '', target_origin_id: app}\n").encode(),
     "site.yaml:6:22: distribution.cache_behaviors[0].path_pattern: '' must not be empty"),
    ("resolve to a list", (BASE + "emulator: {resolve: {a.test: [1, 2]}}\n").encode(),
     "site.yaml:5:30: emulator.resolve.a.test: [1, 2] is not an address"),
    ("resolve with a bad port", (BASE + "emulator: {resolve: {a.test: 'h:99999'}}\n").encode(), "is not an address"),
    ("resolve with spaces", (BASE + "emulator: {resolve: {a.test: 'a b'}}\n").encode(), "is not an address"),
    ("mock root is a file", BASE.replace("{type: echo}", "{type: s3, root: afile}").encode(),
     "mock.root: 'afile' is a file"),
    ("body_file is a folder", BASE.replace("{type: echo}", "{type: response, body_file: afolder}").encode(),
     "mock.body_file: 'afolder' is a folder"),
    ("viewer country is a list", (BASE + "emulator: {viewer: {country: [DE]}}\n").encode(),
     "emulator.viewer.country: must be a single value"),
    ("state_dir is a file", (BASE + "emulator: {state_dir: afile}\n").encode(),
     "emulator.state_dir: 'afile' is a file"),
    # 7. messages that misled
    ("merge key of a scalar", b"distribution:\n  <<: 1\n" + BASE.encode()[13:],
     "site.yaml:2:7: YAML: '<<' (a merge key) must be an alias of a mapping"),
    ("function code is a folder", (FN + "functions:\n  f: {code: afolder}\n").encode(),
     "functions.f.code: 'afolder' is a folder, not a file"),
    ("function code is not UTF-8", (FN + "functions:\n  f: {code: latin1.js}\n").encode(),
     "'latin1.js' is not UTF-8 text"),
    ("KVS is not UTF-8", (FN + "functions:\n  f: {runtime: cloudfront-js-2.0, code: good.js, "
                          "key_value_store: kvs.json}\n").encode(),
     "kvs.json: functions.f: key value store is not UTF-8"),
    ("Terraform name", BASE.replace("- {id: app,", "- {origin_id: x, id: app,").encode(),
     "'origin_id' is Terraform's name for it; in frontyard's YAML it is 'id'"),
    ("CloudFront API name",
     BASE.replace("target_origin_id: app}", "target_origin_id: app, TargetOriginId: x}").encode(),
     "'TargetOriginId' is the CloudFront API's / CloudFormation's name for it"),
]
NOT_SAID = {  # follow-on or misleading text that must not appear
    "function code is a folder": ["does not exist", "no function named", ":0:0"],
    "function code is not UTF-8": ["no function named", "codec"],
    "KVS is not UTF-8": ["latin1.js", "good.js:", ":0:0"],
    "merge key of a scalar": ["constructor", "tag:yaml.org"],
    "Terraform name": ["did you mean"],
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "afile").write_text("x")
    (tmp_path / "afolder").mkdir()
    (tmp_path / "good.js").write_text("function handler(event) { return event.request; }\n")
    (tmp_path / "latin1.js").write_bytes(b"function handler(event) { return '\xe9'; }\n")
    (tmp_path / "kvs.json").write_bytes(b'{"data": [{"key": "caf\xe9", "value": "v"}]}')
    return tmp_path


@pytest.mark.parametrize(("name", "content", "message"), CASES, ids=[c[0] for c in CASES])
def test_validate_and_serve_give_a_located_error(site: Path, capsys, name: str, content: bytes,
                                                 message: str) -> None:
    config = site / "site.yaml"
    config.write_bytes(content)
    for command in (["validate", str(config)],
                    ["serve", str(config), "--port", "0", "--https-port", "0", "--admin-port", "0"]):
        assert main(command) == 2, command
        captured = capsys.readouterr()
        text = (captured.out + captured.err).replace(str(site) + os.sep, "")
        assert message in text, text
        assert "Traceback" not in text
        for wrong in NOT_SAID.get(name, []):
            assert wrong not in text, text


def test_yaml_timestamps_stay_text(site: Path, capsys) -> None:
    config = site / "site.yaml"
    config.write_text(BASE.replace("app.example.test", "2001-02-30") + "  aliases: [2001-02-03]\n")
    assert main(["validate", str(config)]) == 0, capsys.readouterr()


def test_merge_keys_work_and_own_keys_override_them(site: Path, capsys) -> None:
    config = site / "site.yaml"
    config.write_text("""\
distribution:
  origins:
    - &o {id: app, domain_name: a.test, mock: {type: echo}}
    - {<<: *o, id: other}
  default_cache_behavior: {target_origin_id: other}
""")
    assert main(["validate", str(config)]) == 0, capsys.readouterr()


def test_non_loopback_listen_is_a_warning(site: Path, capsys) -> None:
    config = site / "site.yaml"
    config.write_text(BASE + "emulator: {listen: {http: '0.0.0.0:8080'}}\n")
    assert main(["validate", str(config)]) == 0
    assert "warning: emulator.listen.http: listens on '0.0.0.0'" in capsys.readouterr().out


def test_viewer_host_with_a_non_ascii_port_is_routed_not_a_500(site: Path) -> None:
    from emulator.http import split_host_port

    assert split_host_port("localhost:²") == ("localhost", None)
    assert split_host_port("[::1]:٣") == ("::1", None)


def test_a_corrupt_local_ca_is_a_message_not_a_traceback(site: Path) -> None:
    state = site / "state"
    state.mkdir()
    (state / "ca.pem").write_text("not a certificate")
    (state / "ca-key.pem").write_text("not a key")
    (site / "site.yaml").write_text(BASE)
    env = dict(os.environ, FRONTYARD_STATE_DIR=str(state))
    for command in (["serve", str(site / "site.yaml"), "--port", "0", "--https-port", "0", "--admin-port", "0"],
                    ["ca"]):
        proc = subprocess.run([sys.executable, "-m", "emulator", *command], env=env, capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 2, proc.stderr
        assert f"frontyard: {state}: the local CA's files (ca.pem, ca-key.pem) are not a PEM certificate" \
               in proc.stderr
        assert "Traceback" not in proc.stderr


def test_the_ca_certificate_is_exported_without_its_key(tmp_path: Path, monkeypatch) -> None:
    from emulator.tls.ca import CA_EXPORT_ENV, LocalCA

    monkeypatch.setenv(CA_EXPORT_ENV, str(tmp_path / "shared"))
    ca = LocalCA.load_or_create(tmp_path / "state")
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == ["ca.pem"]
    assert (tmp_path / "shared" / "ca.pem").read_bytes() == ca.cert_file.read_bytes()
    assert (tmp_path / "state" / "ca-key.pem").is_file()
