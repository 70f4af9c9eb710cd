"""docker-compose.yml's structure, checked without a Docker engine."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from emulator.assembly import load_config
from emulator.cli import main
from tests.docker.dockerfile import final_stage, image_env
from tests.docker.stack import (
    CA_VOLUME,
    COMPOSE_FILE,
    SERVICE_PORT,
    STATE_VOLUME,
    compose,
    local_path,
    mounts,
)

SERVICES = {"edge", "spa", "api"}
CONFIG_IN_CONTAINER = "/config/frontyard.yaml"
CA_VARIABLES = ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS")


@pytest.fixture(scope="module")
def spec() -> dict:
    return compose()


def published(service: dict) -> list[tuple[str, str, str]]:
    """(host ip, host port, container port) for each published port, short or long syntax."""
    found = []
    for p in service.get("ports", []):
        if isinstance(p, dict):
            found.append((p.get("host_ip", ""), str(p.get("published", "")), str(p["target"])))
        else:  # [host_ip:][published:]target[/protocol]
            parts = str(p).split("/")[0].split(":")
            found.append(tuple(["", "", *parts][-3:]))
    return found


def test_services(spec: dict) -> None:
    assert set(spec["services"]) == SERVICES
    edge = spec["services"]["edge"]
    build = edge["build"]
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    assert (COMPOSE_FILE.parent / context / dockerfile).is_file()


def test_ports_are_published_on_loopback_only(spec: dict) -> None:
    edge = published(spec["services"]["edge"])
    assert {("127.0.0.1", "8080", "8080"), ("127.0.0.1", "8443", "8443")} <= set(edge)
    for name, service in spec["services"].items():
        for host_ip, _, container in published(service):
            assert host_ip == "127.0.0.1", f"{name}: port {container} is published on every interface"
    # spa and api are reached by service name inside the compose network, never from outside.
    assert not spec["services"]["spa"].get("ports") and not spec["services"]["api"].get("ports")


def test_every_service_has_a_healthcheck_and_edge_waits_for_healthy_origins(spec: dict) -> None:
    for name, service in spec["services"].items():
        check = service.get("healthcheck")
        assert check and not check.get("disable"), f"{name} has no healthcheck"
        assert check["test"][0] in ("CMD", "CMD-SHELL"), name
    edge_check = " ".join(spec["services"]["edge"]["healthcheck"]["test"])
    assert "127.0.0.1:9901/_frontyard/health" in edge_check and "urllib" in edge_check
    assert spec["services"]["edge"]["depends_on"] == {
        "spa": {"condition": "service_healthy"},
        "api": {"condition": "service_healthy"},
    }
    for name, service in spec["services"].items():
        for dep, how in (service.get("depends_on") or {}).items():
            assert how["condition"] == "service_healthy", f"{name} -> {dep}"


def test_the_ca_volume_is_the_edge_export_and_shared_read_only_and_the_key_is_not(spec: dict) -> None:
    assert CA_VOLUME in spec["volumes"] and STATE_VOLUME in spec["volumes"]
    env = image_env()
    edge = mounts(spec["services"]["edge"])
    edge_ca = [m for m in edge if m["source"] == CA_VOLUME]
    assert len(edge_ca) == 1 and edge_ca[0]["target"] == env["FRONTYARD_CA_EXPORT"] and not edge_ca[0].get("read_only")
    edge_state = [m for m in edge if m["source"] == STATE_VOLUME]
    assert len(edge_state) == 1 and edge_state[0]["target"] == env["FRONTYARD_STATE_DIR"]
    for name, service in spec["services"].items():  # the private key's volume is the edge's alone
        if name != "edge":
            assert not [m for m in mounts(service) if m["source"] == STATE_VOLUME], name
    for name in ("spa", "api"):
        service = spec["services"][name]
        ca = [m for m in mounts(service) if m["source"] == CA_VOLUME]
        assert len(ca) == 1 and ca[0]["read_only"], f"{name} must mount the CA volume read-only"
        # The CA file the service is told to trust lies inside that mount.
        trusted = [v for k, v in service["environment"].items() if k in CA_VARIABLES]
        assert trusted, f"{name} shows no CA trust variable"
        for value in trusted:
            assert PurePosixPath(ca[0]["target"]) / "ca.pem" == PurePosixPath(value)


def test_edge_command_is_the_image_command_and_the_config_mount_validates(spec: dict, capsys) -> None:
    edge = spec["services"]["edge"]
    cmd = next(i for i in final_stage() if i.keyword == "CMD").json
    command = edge.get("command", cmd)
    assert command[: len(cmd)] == cmd, "compose must keep the image command (config path, --host 0.0.0.0)"
    assert CONFIG_IN_CONTAINER in command
    config = local_path(edge, CONFIG_IN_CONTAINER)
    assert config == COMPOSE_FILE.parent / "examples" / "compose" / "frontyard.yaml"
    assert config.is_file()
    assert all(m.get("read_only") for m in mounts(edge) if m["type"] == "bind")
    assert main(["validate", str(config)]) == 0
    assert "OK" in capsys.readouterr().out


def test_origins_reach_services_by_name_and_one_keeps_a_production_name(spec: dict) -> None:
    config = load_config(COMPOSE_FILE.parent / "examples" / "compose" / "frontyard.yaml")
    services = spec["services"]
    production_names = []
    for d in config.distributions:
        for o in d.origins:
            assert o.mock is None, "the compose stack uses real services, not mocks"
            resolved = config.emulator.resolved(o.domain_name)
            host, port = resolved if resolved is not None else (o.domain_name, None)
            port = port or o.http_port
            assert host in services, f"origin {o.id} connects to {host}, not a compose service"
            assert str(port) == SERVICE_PORT and SERVICE_PORT in services[host]["command"], o.id
            if resolved is not None:
                production_names.append(o.domain_name)
    assert production_names and all("." in n and n not in services for n in production_names)
    # The api answers only for that production name.
    assert services["api"]["environment"]["API_SERVER_NAME"] in production_names


def test_service_mounts_exist(spec: dict) -> None:
    for name, service in spec["services"].items():
        for m in mounts(service):
            if m["type"] == "bind":
                assert (COMPOSE_FILE.parent / m["source"]).exists(), f"{name}: {m['source']}"
                assert m.get("read_only"), f"{name}: {m['source']} should be mounted read-only"
    assert Path(local_path(spec["services"]["api"], spec["services"]["api"]["command"][1])).is_file()
