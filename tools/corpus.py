"""The importing corpus: real CloudFront distributions from public repositories, imported as a user would.

Each entry of tests/config/importers/corpus/corpus.yaml names a source (a Terraform folder, a CloudFormation
template, a cdk.out), the overlay a user would write for it (origins mapped to local mocks, and the inputs only the
user can give), and the counts Terraform or CloudFormation would really produce. Every entry is loaded through
`emulator.assembly.load_source`, the function `frontyard validate SRC --local OVERLAY` calls, and sorted into:

- served: it loads and every count is as expected;
- wrong counts: it loads, but a count differs (a behavior, origin, error response or association lost or invented);
- refused: a ConfigError (its first messages are kept);
- traceback: any other exception (never acceptable).

    python tools/corpus.py [--json] [--markdown]

The emulator package imported is whichever comes first on PYTHONPATH, so the same corpus measures any checkout:
`PYTHONPATH=/path/to/checkout python tools/corpus.py`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "config" / "importers" / "corpus"
MANIFEST = CORPUS / "corpus.yaml"
COUNTS = ("distributions", "behaviors", "origins", "error_responses", "function_associations")
OUTCOMES = ("served", "wrong counts", "refused", "traceback")
FIRST_MESSAGES = 3  # of a refusal, enough to aim the importer work


@dataclass(frozen=True, kw_only=True)
class Entry:
    name: str
    repo: str
    commit: str
    paths: tuple[str, ...]
    format: str
    source: str  # what the user points frontyard at, relative to the entry's folder
    overlay: Mapping[str, Any]
    expect: Mapping[str, int]
    known: str | None = None

    @property
    def folder(self) -> Path:
        return CORPUS / self.name

    def overlay_lines(self) -> list[str]:
        """The overlay as the user writes it, one YAML line a setting."""
        if not self.overlay:
            return []
        return yaml.safe_dump(dict(self.overlay), default_flow_style=None, sort_keys=False, width=200).splitlines()


@dataclass(frozen=True, kw_only=True)
class Result:
    name: str
    outcome: str
    counts: Mapping[str, int] = field(default_factory=dict)
    wrong: tuple[str, ...] = ()  # "behaviors 1 (expected 4)"
    messages: tuple[str, ...] = ()  # a refusal's first messages, or the exception and its last frame
    known: str | None = None

    @property
    def reason(self) -> str:
        """One line saying why it was not served."""
        if self.outcome == "wrong counts":
            return "; ".join(self.wrong)
        return " | ".join(self.messages)


def read_manifest(path: Path = MANIFEST) -> list[Entry]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = []
    for item in raw["entries"]:
        expect = {"distributions": 1, "error_responses": 0, "function_associations": 0, **item["expect"]}
        entries.append(Entry(name=item["name"], repo=item["repo"], commit=item["commit"],
                             paths=tuple(item["paths"]), format=item["format"], source=item["source"],
                             overlay=item.get("overlay") or {}, expect=expect, known=item.get("known")))
    return entries


def counts_of(config: Any) -> dict[str, int]:
    """What the loaded model holds, in the manifest's terms (behaviors count the default; associations count
    CloudFront Functions and Lambda@Edge alike, over every behavior)."""
    dists = config.distributions
    behaviors = [b for d in dists for b in d.behaviors]
    return {
        "distributions": len(dists),
        "behaviors": len(behaviors),
        "origins": sum(len(d.origins) for d in dists),
        "error_responses": sum(len(d.custom_error_responses) for d in dists),
        "function_associations": sum(len(b.function_associations) + len(b.lambda_function_associations)
                                     for b in behaviors),
    }


def run_entry(entry: Entry) -> Result:
    """Import one entry with its overlay, as `frontyard validate SOURCE --local OVERLAY` does."""
    from emulator.assembly import load_source
    from emulator.errors import ConfigError

    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        local = None
        if entry.overlay:
            local = Path(tmp) / "frontyard.local.yaml"
            local.write_text(yaml.safe_dump(_anchored(entry.overlay, entry.folder / entry.source)), encoding="utf-8")
        try:
            config = load_source(entry.folder / entry.source, local=local)
        except ConfigError as exc:
            errors = [i for i in exc.issues if i.severity.value == "error"] or list(exc.issues)
            messages = tuple(_one_line(i.format()) for i in errors[:FIRST_MESSAGES])
            return Result(name=entry.name, outcome="refused", messages=messages, known=entry.known)
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            return Result(name=entry.name, outcome="traceback", messages=(f"{type(exc).__name__}: {exc} ({where})",),
                          known=entry.known)
    counts = counts_of(config)
    wrong = tuple(f"{k} {counts[k]} (expected {entry.expect[k]})" for k in COUNTS if counts[k] != entry.expect[k])
    return Result(name=entry.name, outcome="wrong counts" if wrong else "served", counts=counts, wrong=wrong,
                  known=entry.known)


def _anchored(overlay: Mapping[str, Any], source: Path) -> dict[str, Any]:
    """The overlay with its paths (Lambda@Edge code folders) made absolute: the user keeps frontyard.local.yaml
    beside the source, so they are written relative to it; the harness writes the file in a temporary folder."""
    out = json.loads(json.dumps(dict(overlay)))
    folder = source if source.is_dir() else source.parent
    for fn in (out.get("lambda_functions") or {}).values():
        if isinstance(fn, dict) and isinstance(fn.get("code"), str):
            fn["code"] = str((folder / fn["code"]).resolve())
    return out


def _one_line(text: str) -> str:
    text = re.sub(r"\S*corpus-\w+/", "", text.replace(str(CORPUS) + "/", ""))  # the overlay's temporary folder
    text = " ".join(text.split())
    return text if len(text) <= 240 else text[:237] + "..."


def run_all(entries: Iterable[Entry]) -> list[Result]:
    return [run_entry(e) for e in entries]


def totals(results: list[Result]) -> dict[str, int]:
    return {o: sum(1 for r in results if r.outcome == o) for o in OUTCOMES}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(entries: list[Entry], results: list[Result]) -> str:
    """The docs page: totals, then one row an entry (source, format, overlay, result)."""
    count = totals(results)
    repos = len({e.repo for e in entries})
    share = 100 * count["served"] // len(results) if results else 0
    out = [
        "# Importing: the corpus",
        "",
        f"{len(entries)} real CloudFront distributions from {repos} public repositories, imported as a user would "
        "(`frontyard validate SOURCE --local frontyard.local.yaml`) with an overlay that maps origins to local mocks "
        "and gives only the inputs a user must give. An entry is **served** when it loads and its ordered "
        "behaviors (with the default), origins, custom error responses and function associations are as many as "
        "Terraform or CloudFormation would create.",
        "",
        f"**Totals:** {count['served']} served ({share} %), {count['wrong counts']} with wrong counts, "
        f"{count['refused']} refused, {count['traceback']} tracebacks.",
        "",
        "The sources, their licenses and the expected counts (with how each was derived) are in "
        "`tests/config/importers/corpus/`; `python tools/corpus.py` prints this table for any checkout.",
        "",
        "| source | format | what it needed (overlay) | result |",
        "|---|---|---|---|",
    ]
    for entry, result in zip(entries, results, strict=True):
        source = f"[{entry.repo}](https://github.com/{entry.repo}/tree/{entry.commit[:12]}/{entry.paths[0]})"
        needed = "<br>".join(f"`{_cell(line)}`" for line in entry.overlay_lines()) or "nothing"
        verdict = result.outcome if result.outcome == "served" else f"{result.outcome}: {result.reason}"
        out.append(f"| {source} | {entry.format} | {needed} | {_cell(verdict)} |")
    return "\n".join(out) + "\n"


def table(results: list[Result]) -> str:
    """The terminal report: one line an entry, then the totals."""
    width = max(len(r.name) for r in results)
    lines = [f"{r.name:<{width}}  {r.outcome:<12}  {'' if r.outcome == 'served' else r.reason}".rstrip()
             for r in results]
    count = totals(results)
    lines.append(f"{len(results)} entries: " + ", ".join(f"{count[o]} {o}" for o in OUTCOMES))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print every entry's result as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the docs page (docs/importing-corpus.md)")
    parser.add_argument("names", nargs="*", help="only these entries")
    args = parser.parse_args(argv)
    entries = [e for e in read_manifest() if not args.names or e.name in args.names]
    results = run_all(entries)
    if args.json:
        print(json.dumps({"totals": totals(results), "entries": [asdict(r) for r in results]}, indent=2))
    elif args.markdown:
        print(markdown(entries, results), end="")
    else:
        print(table(results))
    return 0 if not totals(results)["traceback"] else 1


if __name__ == "__main__":
    sys.exit(main())
