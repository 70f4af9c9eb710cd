"""`frontyard explain` with a URL no viewer could send: a clear message and exit code 1, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_json_output import SHADOWED


@pytest.mark.parametrize("url", ["http://[::1/x", "http://[app.test]/x", "ftp://app.test/x"])
def test_a_url_that_cannot_be_parsed_is_a_clear_error(tmp_path: Path, url: str) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(SHADOWED)
    done = subprocess.run([sys.executable, "-m", "emulator", "explain", str(path), url],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"frontyard explain: '{url}' is not")
    assert "Traceback" not in done.stderr
