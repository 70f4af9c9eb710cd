"""The importing corpus (tests/config/importers/corpus/): every real distribution imports as the manifest says,
the docs page is the harness's current output, and one imported distribution routes over real sockets."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

from emulator.assembly import load_source
from tests.helpers import run_config

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
import corpus  # noqa: E402

ENTRIES = corpus.read_manifest()
DOCS_PAGE = ROOT / "docs" / "importing-corpus.md"
MAX_BYTES = 3_000_000  # of distinct file contents: what the corpus adds to the repository
# a module block's source that `terraform init` has to download (not ./ or ../)
REMOTE_SOURCE = re.compile(r'^\s*source\s*=\s*"(?!\.{1,2}/)[^"$]+"', re.M)


@pytest.fixture(scope="module")
def results() -> dict[str, corpus.Result]:
    return {r.name: r for r in corpus.run_all(ENTRIES)}


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(ENTRIES) >= 30
    assert len({e.repo for e in ENTRIES}) >= 20
    assert {e.format for e in ENTRIES} >= {"terraform", "cloudformation", "sam", "cdk"}
    for entry in ENTRIES:
        assert (entry.folder / "SOURCE.md").is_file() and (entry.folder / "LICENSE").is_file(), entry.name
        assert (entry.folder / entry.source).exists(), entry.name


def test_the_corpus_stays_small() -> None:
    digests: dict[str, int] = {}
    for path in corpus.CORPUS.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            digests[hashlib.sha256(data).hexdigest()] = len(data)
    assert sum(digests.values()) < MAX_BYTES


def _module_blocks(folder: Path) -> list[str]:
    return [m.group(0) for tf in folder.rglob("*.tf") if ".terraform" not in tf.parts
            for m in re.finditer(r'^module\s+"[^"]+"\s*\{.*?^\}', tf.read_text(encoding="utf-8"), re.M | re.S)]


TERRAFORM_WITH_REMOTE_MODULES = [e for e in ENTRIES if e.format == "terraform"
                                 and any(REMOTE_SOURCE.search(b) for b in _module_blocks(e.folder))]


@pytest.mark.parametrize("entry", TERRAFORM_WITH_REMOTE_MODULES, ids=[e.name for e in TERRAFORM_WITH_REMOTE_MODULES])
def test_registry_modules_are_installed_as_terraform_init_leaves_them(entry: corpus.Entry) -> None:
    """The root module's .terraform/modules/modules.json names every module call, each Dir is there, and a remote
    source carries the version init resolved (registry) or none (git)."""
    root = entry.folder / entry.source
    manifest = json.loads((root / ".terraform" / "modules" / "modules.json").read_text(encoding="utf-8"))
    modules = {m["Key"]: m for m in manifest["Modules"]}
    assert modules[""] == {"Key": "", "Source": "", "Dir": "."}
    for key, module in modules.items():
        assert (root / module["Dir"]).is_dir(), f"{entry.name}: {key}: {module['Dir']}"
        if module["Source"].startswith("registry.terraform.io/"):
            assert re.fullmatch(r"\d+\.\d+\.\d+", module["Version"]), f"{entry.name}: {key}"
            assert module["Dir"].startswith(".terraform/modules/"), f"{entry.name}: {key}"
    root_calls = {re.match(r'module\s+"([^"]+)"', b).group(1) for tf in root.glob("*.tf")
                  for b in re.findall(r'^module\s+"[^"]+"', tf.read_text(encoding="utf-8"), re.M)}
    assert root_calls <= set(modules), f"{entry.name}: {sorted(root_calls - set(modules))}"
    for key in modules:  # a module's own calls are keyed under it ("cdn.logs"), as init keys them
        assert "." not in key or key.rsplit(".", 1)[0] in modules, f"{entry.name}: {key}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_entry_imports_as_the_manifest_says(entry: corpus.Entry, results: dict[str, corpus.Result]) -> None:
    result = results[entry.name]
    if entry.known and entry.known.startswith("traceback:"):
        # a crash recorded as known: the row stays in the table until it is fixed
        assert result.outcome == "traceback", f"{entry.name} no longer crashes: update known in corpus.yaml"
        pytest.xfail(entry.known)
    assert result.outcome != "traceback", result.reason
    if entry.known is None:
        assert result.outcome == "served", f"{entry.name}: {result.outcome}: {result.reason}"
    else:
        assert result.outcome != "served", f"{entry.name} now serves: remove known from corpus.yaml"


def test_the_docs_page_is_the_harness_output(results: dict[str, corpus.Result]) -> None:
    expected = corpus.markdown(ENTRIES, [results[e.name] for e in ENTRIES])
    assert DOCS_PAGE.read_text(encoding="utf-8") == expected, "run: python tools/corpus.py --markdown > " \
        "docs/importing-corpus.md"


async def test_an_imported_template_routes_its_ordered_behaviors_over_real_sockets(tmp_path: Path) -> None:
    """edge-auth-workshop.template: 'private/*' goes to S3OriginPrivate, 'public/*' and the default to
    S3OriginPublic; both are echo mocks, so the Host each received names the origin that answered."""
    entry = next(e for e in ENTRIES if e.name == "ext-edge-auth-workshop")
    local = tmp_path / "frontyard.local.yaml"
    local.write_text("\n".join(entry.overlay_lines()) + "\n")
    config = load_source(entry.folder / entry.source, local=local)
    dist = config.distributions[0]
    private, public = dist.origin("S3OriginPrivate").domain_name, dist.origin("S3OriginPublic").domain_name
    assert private != public
    async with run_config(config) as edge:
        for path, origin in (("/private/report.pdf", private), ("/public/logo.png", public), ("/index.html", public)):
            async with edge.session.get(edge.https_url + path, ssl=edge.ssl_context()) as resp:
                assert resp.status == 200, path
                received = dict((k.lower(), v) for k, v in json.loads(await resp.text())["headers"])
                assert received["host"] == origin, path
