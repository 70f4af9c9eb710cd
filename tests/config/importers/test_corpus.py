"""The importing corpus (tests/config/importers/corpus/): every real distribution imports as the manifest says,
the docs page is the harness's current output, and one imported distribution routes over real sockets."""

from __future__ import annotations

import json
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


@pytest.fixture(scope="module")
def results() -> dict[str, corpus.Result]:
    return {r.name: r for r in corpus.run_all(ENTRIES)}


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(ENTRIES) >= 30
    assert len({e.repo for e in ENTRIES}) >= 13
    for entry in ENTRIES:
        assert (entry.folder / "SOURCE.md").is_file() and (entry.folder / "LICENSE").is_file(), entry.name
        assert (entry.folder / entry.source).exists(), entry.name


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_entry_imports_as_the_manifest_says(entry: corpus.Entry, results: dict[str, corpus.Result]) -> None:
    result = results[entry.name]
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
