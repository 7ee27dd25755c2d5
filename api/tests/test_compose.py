"""docker-compose.yml, checked without a Docker engine: valid by the Compose Specification's JSON
schema (vendored in tests_support/compose_spec/, with its source and licence), and every service
is something that can run — its build context and Dockerfile exist, its command names a module
or file that exists, it has a healthcheck and a restart policy — with the settings it names known
to docflow.config.Settings (which the API and the worker share)."""

from __future__ import annotations

import copy
import importlib
import importlib.util
import json
import re
import shlex
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
SCHEMA = ROOT / "tests_support" / "compose_spec" / "compose-spec.json"
# The Python image's WORKDIR /app holds what the repository root holds (Dockerfile).
CONTAINER_APP = "/app"


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


def _services() -> dict[str, dict[str, Any]]:
    services: dict[str, dict[str, Any]] = _compose()["services"]
    return services


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft201909Validator.check_schema(schema)
    return jsonschema.Draft201909Validator(schema)


def _errors(document: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in _validator().iter_errors(document)
    ]


def test_the_compose_file_is_valid_by_the_compose_specification() -> None:
    assert _errors(_compose()) == []


def test_the_schema_check_refuses_what_compose_would_refuse() -> None:
    """The control: the same validator finds a misspelt key, a wrong type and an unknown
    depends_on condition (so a pass above means something)."""
    for path, value in (
        (("services", "api", "restart_policy"), "always"),
        (("services", "api", "healthcheck", "retries"), "five"),
        (("services", "api", "depends_on", "migrate", "condition"), "service_finished"),
    ):
        broken = copy.deepcopy(_compose())
        target = broken
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        assert _errors(broken), path


def _dockerfile(service: dict[str, Any]) -> tuple[Path, Path]:
    build = service["build"]
    context = ROOT / (build if isinstance(build, str) else build.get("context", "."))
    name = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    return context, context / name


def _final_stage(dockerfile: Path) -> list[str]:
    """The instructions of the last stage (line continuations joined)."""
    text = re.sub(r"\\\n", " ", dockerfile.read_text())
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    starts = [i for i, line in enumerate(lines) if line.upper().startswith("FROM ")]
    return lines[starts[-1] :]


def _instructions(dockerfile: Path) -> list[str]:
    text = re.sub(r"\\\n", " ", dockerfile.read_text())
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", sorted(n for n, s in _services().items() if "build" in s))
def test_each_built_service_has_its_context_and_a_lean_non_root_image(name: str) -> None:
    context, dockerfile = _dockerfile(_services()[name])
    assert context.is_dir(), context
    assert dockerfile.is_file(), dockerfile
    final = _final_stage(dockerfile)
    users = [line.split()[1] for line in final if line.upper().startswith("USER ")]
    assert users, f"{dockerfile}: the runtime stage sets no USER (it would run as root)"
    assert users[-1] not in ("root", "0"), users
    # No package manager installs anything into the runtime stage: it copies a finished build.
    installs = [
        line for line in final if re.search(r"\b(npm (ci|install)|uv sync|pip install)\b", line)
    ]
    assert installs == [], f"{dockerfile}: the runtime stage installs packages: {installs}"
    everything = _instructions(dockerfile)
    assert len([i for i in everything if i.upper().startswith("FROM ")]) >= 2, "multi-stage"
    for line in everything:
        if re.search(r"\buv sync\b", line):
            assert "--no-dev" in line, line


def _command(service: dict[str, Any]) -> list[str]:
    command = service.get("command")
    if command is None:
        _, dockerfile = _dockerfile(service)
        cmd = [line for line in _final_stage(dockerfile) if line.upper().startswith("CMD ")]
        assert cmd, f"{dockerfile}: no CMD"
        command = json.loads(cmd[-1][4:])  # exec form, as the Dockerfiles write it
    return command if isinstance(command, list) else shlex.split(command)


def _check_python_command(argv: list[str], working_dir: str) -> None:
    program, *args = argv
    if program in ("sh", "/bin/sh") and args[:1] == ["-c"]:
        for part in re.split(r"&&|;", args[1]):
            _check_python_command(shlex.split(part), working_dir)
        return
    if program == "celery":
        app = args[args.index("-A") + 1]
        assert importlib.util.find_spec(app) is not None, app
        assert "worker" in args
    elif program == "uvicorn":
        module, _, attribute = args[0].partition(":")
        assert hasattr(importlib.import_module(module), attribute), args[0]
        if "--ws" in args:
            module, _, attribute = args[args.index("--ws") + 1].partition(":")
            assert hasattr(importlib.import_module(module), attribute)
    elif program in ("python", "python3") and args[:1] == ["-m"]:
        module = args[1]
        spec = importlib.util.find_spec(module)
        assert spec is not None, module
        assert spec.origin is not None, module
        for subcommand in args[2:3]:
            assert f'"{subcommand}"' in Path(spec.origin).read_text(), (module, subcommand)
    elif program == "alembic":
        local = ROOT / Path(working_dir).relative_to(CONTAINER_APP)
        assert (local / "alembic.ini").is_file(), local
        assert any(
            "alembic.ini" in line and working_dir in line
            for line in _instructions(ROOT / "Dockerfile")
        ), "the image copies alembic.ini where the service runs alembic"
    else:
        pytest.fail(f"unknown program in a command: {argv}")


@pytest.mark.parametrize("name", sorted(_services()))
def test_each_service_command_names_something_that_exists(name: str) -> None:
    service = _services()[name]
    if "build" not in service:
        assert service.get("image"), name  # a stock image (postgres, redis): its own entrypoint
        return
    argv = _command(service)
    if argv[0] == "node":
        # Next's standalone output writes server.js; the build stage asks for that output and
        # the runtime stage copies it.
        context, dockerfile = _dockerfile(service)
        assert argv[1:] == ["server.js"], argv
        assert (
            'output: process.env.DOCFLOW_PWA_STANDALONE === "1"'
            in (context / "next.config.ts").read_text()
        )
        assert any("DOCFLOW_PWA_STANDALONE=1" in line for line in _instructions(dockerfile))
        assert any(".next/standalone" in line for line in _final_stage(dockerfile))
        return
    _check_python_command(argv, service.get("working_dir", CONTAINER_APP))


@pytest.mark.parametrize("name", sorted(_services()))
def test_each_service_has_a_healthcheck_and_a_restart_policy(name: str) -> None:
    services = _services()
    service = services[name]
    check = service.get("healthcheck")
    assert check is not None, f"{name}: no healthcheck"
    one_shot_for = [
        other
        for other, s in services.items()
        if isinstance(s.get("depends_on"), dict)
        and s["depends_on"].get(name, {}).get("condition") == "service_completed_successfully"
    ]
    if check.get("disable"):
        # Only a one-shot job others wait for may go without a probe: it exits, and its exit
        # status is what they wait on.
        assert one_shot_for, f"{name}: healthcheck disabled on a long-running service"
        assert service.get("restart") == "no", name
        return
    assert check.get("test"), name
    assert service.get("restart") in ("always", "unless-stopped", "on-failure"), name


def test_redis_keeps_queued_jobs_and_migrations_run_before_the_apis() -> None:
    services = _services()
    command = services["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert command[command.index("--maxmemory-policy") + 1] == "noeviction"
    for name in ("api", "worker"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }
    assert "alembic upgrade head" in " ".join(_command(services["migrate"]))
    assert services["pwa"]["depends_on"]["api"] == {"condition": "service_healthy"}
    # The worker's healthcheck probes the metrics port it is told to serve.
    worker = services["worker"]
    port = worker["environment"]["DOCFLOW_WORKER_METRICS_PORT"]
    assert f"127.0.0.1:{port}/metrics" in " ".join(worker["healthcheck"]["test"])


def _env_example() -> dict[str, str]:
    """Every NAME=value of .env.example, commented-out examples (`# DOCFLOW_X=…`) included."""
    found: dict[str, str] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"^#?\s*([A-Z][A-Z0-9_]*)=(.*)$", line.strip())
        if match:
            found[match.group(1)] = match.group(2)
    return found


def _docflow_names_in_compose() -> set[str]:
    return set(re.findall(r"\bDOCFLOW_[A-Z0-9_]+", COMPOSE.read_text()))


def test_every_docflow_setting_named_exists_in_settings() -> None:
    from docflow.config import Settings

    fields = {f"DOCFLOW_{name.upper()}" for name in Settings.model_fields}
    named = _docflow_names_in_compose() | {n for n in _env_example() if n.startswith("DOCFLOW_")}
    # Build-time settings of the PWA image (next.config.ts) are the only other DOCFLOW_ names.
    pwa_build = {"DOCFLOW_API_URL", "DOCFLOW_PWA_STANDALONE"}
    unknown = sorted(named - fields - pwa_build)
    assert unknown == []
    assert {"DOCFLOW_SECRET_KEY", "DOCFLOW_ENVIRONMENT"} <= named


def test_services_read_the_committed_env_example_through_env_file() -> None:
    services = _services()
    for name in ("migrate", "api", "worker"):
        assert services[name]["env_file"] == ".env", name
    assert ENV_EXAMPLE.is_file()
    # Every ${VAR} compose interpolates is documented in .env.example.
    interpolated = set(re.findall(r"\$\{([A-Z0-9_]+)", COMPOSE.read_text()))
    assert interpolated - set(_env_example()) == set()


def test_the_env_example_values_are_accepted_once_the_blanks_are_filled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from docflow.config import Settings

    values = {k: v for k, v in _env_example().items() if k.startswith("DOCFLOW_")}
    commented = {
        m.group(1)
        for m in re.finditer(r"^#\s*(DOCFLOW_[A-Z0-9_]+)=", ENV_EXAMPLE.read_text(), re.M)
    }
    blanks = sorted(k for k, v in values.items() if v == "" and k not in commented)
    # What an operator must fill in before the first start.
    assert blanks == [
        "DOCFLOW_BOOTSTRAP_ADMIN_PASSWORD",
        "DOCFLOW_METRICS_TOKEN",
        "DOCFLOW_SECRET_KEY",
    ]
    for name in list(values):
        if name in commented or values[name] == "":
            values.pop(name)
    values |= {
        "DOCFLOW_SECRET_KEY": "k" * 48,
        "DOCFLOW_BOOTSTRAP_ADMIN_PASSWORD": "a real password",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.environment == "production"
    assert settings.allowed_ws_origins == ["http://127.0.0.1:3000", "http://localhost:3000"]
    # An empty secret is refused in production, with the reason.
    monkeypatch.setenv("DOCFLOW_SECRET_KEY", "")
    with pytest.raises(ValueError, match="DOCFLOW_SECRET_KEY"):
        Settings()
