"""The pytest plugin as installed: a user's project picks the config by ini option, command line option or
marker, and gets a clear usage error without one (each runs pytest in a subprocess on a temporary project)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SITE = """\
distribution:
  origins: [{id: app, domain_name: app.test, mock: {type: response, status: 203, body: from-the-edge}}]
  default_cache_behavior: {target_origin_id: app}
"""

USER_TEST = """\
def test_through_the_edge(edge):
    r = edge.get("/")
    assert (r.status, r.text, edge.requests_to("app")) == (203, "from-the-edge", 1)
"""


def run_pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=project,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "site.yaml").write_text(SITE)
    (tmp_path / "test_user.py").write_text(USER_TEST)
    return tmp_path


def test_the_ini_option(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.pytest.ini_options]\nfrontyard_config = "site.yaml"\n')
    done = run_pytest(project)
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout + done.stderr


def test_the_command_line_option(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    done = run_pytest(project, "--frontyard-config", "site.yaml")
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout + done.stderr


def test_without_a_config_the_error_says_how(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    done = run_pytest(project)
    assert done.returncode != 0
    assert "the `edge` fixture needs a config: @pytest.mark.frontyard(config='frontyard.yaml')" in done.stdout


def test_a_broken_config_fails_the_test_with_every_problem(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    (project / "site.yaml").write_text(SITE.replace("domain_name", "domian_name"))
    done = run_pytest(project, "--frontyard-config", "site.yaml")
    assert done.returncode == 1 and "frontyard config site.yaml is invalid:" in done.stdout
    assert "site.yaml:2:" in done.stdout
    assert "distribution.origins[0]: unknown key 'domian_name' (did you mean 'domain_name'?)" in done.stdout
    assert "During handling" not in done.stdout and "loader.py" not in done.stdout
