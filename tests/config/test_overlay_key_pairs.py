"""`emulator.key_pairs` PEM paths in the overlay are relative to the overlay, as the other paths it holds."""

from __future__ import annotations

import shutil
from pathlib import Path

from emulator.assembly import load_source

FIXTURES = Path(__file__).resolve().parent / "importers" / "fixtures"


def test_a_key_pair_pem_in_the_overlay_is_read_relative_to_the_overlay(tmp_path: Path) -> None:
    for name in ("cdk", "site", "storage"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    (tmp_path / "cdk" / "legacy").mkdir()
    shutil.copy(FIXTURES / "keys" / "K2JCJMDEHXQW5F.public.pem", tmp_path / "cdk" / "legacy" / "self.pem")
    overlay = tmp_path / "cdk" / "frontyard.local.yaml"  # beside cdk.out/, so paths in it start from cdk/
    overlay.write_text(overlay.read_text().replace(
        "emulator:\n", "emulator:\n  key_pairs: {self: [{id: APKAEXAMPLE, pem: legacy/self.pem}]}\n"))
    config = load_source(tmp_path / "cdk" / "cdk.out")
    assert [(account, [k.id for k in keys]) for account, keys in config.emulator.key_pairs] == \
        [("self", ["APKAEXAMPLE"])]
