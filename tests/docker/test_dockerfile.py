"""The Dockerfile's essentials and the build context, checked by reading the files (no Docker engine)."""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from tests.docker.dockerfile import base_image, final_stage, global_args, ignored, image_env, instructions, stages
from tests.docker.stack import ROOT

CMD = ["frontyard", "serve", "/config/frontyard.yaml", "--host", "0.0.0.0"]
STATE_DIR = "/var/lib/frontyard"


def keyword(name: str) -> list:
    return [i for i in final_stage() if i.keyword == name]


def test_images_are_python_slim() -> None:
    args = global_args()
    for stage in stages():
        assert re.fullmatch(r"python:3\.1[12]-slim", base_image(stage, args)), stage[0]


def test_runs_as_a_non_root_user_created_in_the_image() -> None:
    users = keyword("USER")
    assert users, "no USER: the container would run as root"
    user = users[-1].args[0].split(":")[0]
    assert user not in ("root", "0")
    runs = " ".join(i.rest for i in keyword("RUN"))
    created = rf"useradd .*--uid {user}\b" if user.isdigit() else rf"useradd .*\b{user}\b"
    assert re.search(created, runs), f"USER {user} is not created by useradd"
    cmd = keyword("CMD")[-1]
    assert users[-1].line < cmd.line


def test_cmd_serves_the_mounted_config_on_all_container_interfaces() -> None:
    assert keyword("CMD")[-1].json == CMD
    assert not keyword("ENTRYPOINT"), "an ENTRYPOINT would change what `command:` in compose means"


def test_exposes_viewer_and_admin_ports() -> None:
    ports = {p.split("/")[0] for i in keyword("EXPOSE") for p in i.args}
    assert ports == {"8080", "8443", "9901"}


def test_healthcheck_calls_the_admin_health_endpoint_with_urllib() -> None:
    (check,) = keyword("HEALTHCHECK")
    flags, _, command = check.rest.partition("CMD ")
    assert all(f.startswith("--") for f in flags.split())
    argv = json.loads(command)
    assert argv[0] == "python" and "urllib.request" in argv[-1]
    url = image_env().get("FRONTYARD_HEALTH_URL", "") if "FRONTYARD_HEALTH_URL" in argv[-1] else argv[-1]
    assert "127.0.0.1:9901/_frontyard/health" in url


def test_state_dir_is_a_volume_owned_by_the_user() -> None:
    assert image_env()["FRONTYARD_STATE_DIR"] == STATE_DIR
    (volume,) = keyword("VOLUME")
    assert STATE_DIR in (volume.json if volume.rest.startswith("[") else volume.args)
    chown = [(i, m) for i in keyword("RUN") if (m := re.search(rf"chown (\S+) {re.escape(STATE_DIR)}\b", i.rest))]
    assert chown, f"{STATE_DIR} is not given to the user"
    run, match = chown[0]
    assert run.line < volume.line, "changes under a VOLUME after its declaration are discarded"
    owner, user = match.group(1).split(":")[0], keyword("USER")[-1].args[0].split(":")[0]
    assert owner == user or re.search(rf"useradd .*--uid {user} .*\b{owner}\b", run.rest), (owner, user)


def test_small_image_no_build_tools_and_no_pip_cache() -> None:
    for i in instructions():
        if i.keyword == "RUN" and re.search(r"\bpip (install|wheel)\b", i.rest):
            assert "--no-cache-dir" in i.rest, f"line {i.line}"
    final = " ".join(i.rest for i in final_stage())
    assert "apt-get install" not in final and "gcc" not in final, "compilers belong in the build stage"
    assert not [i for i in keyword("COPY") if "--from" not in i.rest], "the final stage installs wheels only"


def test_build_copies_what_the_package_needs() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    copied = {src for stage in stages() for i in stage if i.keyword == "COPY" and "--from" not in i.rest
              for src in i.args[:-1]}
    assert {"pyproject.toml", project["project"]["readme"]} <= copied
    packages = project["tool"]["setuptools"]["packages"]["find"]["include"]
    assert {p.rstrip("*") for p in packages} <= copied
    for package, globs in project["tool"]["setuptools"]["package-data"].items():
        for pattern in globs:
            assert list((ROOT / package).glob(pattern)), f"package data {package}/{pattern} matches nothing"


@pytest.mark.parametrize("path", ["pyproject.toml", "README.md", "emulator/__init__.py", "emulator/cli/main.py",
                                  "emulator/demo/demo.yaml", "emulator/demo/site/index.html",
                                  "emulator/cf_functions/js/" + next((ROOT / "emulator/cf_functions/js").glob(
                                      "*.js")).name])
def test_build_context_keeps(path: str) -> None:
    assert (ROOT / path).exists()
    assert not ignored(path)


@pytest.mark.parametrize("path", [".git/config", "tests/helpers.py", "examples/compose/frontyard.yaml",
                                  "benchmarks/x.py", ".venv/bin/python", "frontyard.egg-info/PKG-INFO",
                                  "emulator/__pycache__/cli.cpython-311.pyc", "emulator/config/__pycache__/a.pyc",
                                  "docker-compose.yml", ".frontyard/ca-key.pem"])
def test_build_context_leaves_out(path: str) -> None:
    assert ignored(path)


def test_every_package_file_reaches_the_build_context() -> None:
    files = [p.relative_to(ROOT).as_posix() for p in (ROOT / "emulator").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    assert files and not [f for f in files if ignored(f)]
