"""First start: the admin from the environment, the development demo account, and settings that
refuse default secrets in production."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

ROOT = Path(__file__).resolve().parents[3]


def _bootstrap(stack: Any, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "docflow.cli", "bootstrap", *args],
        env={**os.environ, **stack.env, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def app_client(stack: Any) -> Any:
    from docflow.main import create_app

    with TestClient(create_app(), base_url="http://testserver") as c:
        yield c


def test_the_first_admin_comes_from_the_environment(stack: Any, app_client: TestClient) -> None:
    env = {
        "DOCFLOW_BOOTSTRAP_ADMIN_EMAIL": "Owner@Example.test",
        "DOCFLOW_BOOTSTRAP_ADMIN_PASSWORD": "first admin password",
    }
    first = _bootstrap(stack, **env)
    assert first.returncode == 0, first.stderr
    assert "first admin password" not in first.stdout + first.stderr
    again = _bootstrap(stack, **{**env, "DOCFLOW_BOOTSTRAP_ADMIN_PASSWORD": "another password"})
    assert again.returncode == 0, again.stderr
    login = app_client.post(
        "/api/auth/login", json={"email": "owner@example.test", "password": "first admin password"}
    )
    assert login.status_code == 200
    assert login.json()["user"]["role"] == "admin"
    users = app_client.get("/api/users", headers={"X-CSRF-Token": login.json()["csrf_token"]})
    assert [u["email"] for u in users.json()] == ["owner@example.test"]


def test_demo_account_and_token_for_development(
    stack: Any, app_client: TestClient, tmp_path: Path
) -> None:
    token_file = tmp_path / "demo-token"
    first = _bootstrap(stack, "--demo", "--token-file", str(token_file))
    assert first.returncode == 0, first.stderr
    token = token_file.read_text().strip()
    assert token in first.stdout
    assert "demo@docflow.local / docflow-demo" in first.stdout
    assert "/api/auth/login" in first.stdout
    me = app_client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.json()["user"]["email"] == "demo@docflow.local"
    login = app_client.post(
        "/api/auth/login", json={"email": "demo@docflow.local", "password": "docflow-demo"}
    )
    assert login.status_code == 200
    # A second start keeps the account and the still-valid token.
    second = _bootstrap(stack, "--demo", "--token-file", str(token_file))
    assert second.returncode == 0, second.stderr
    assert token_file.read_text().strip() == token


def test_no_demo_account_in_production(stack: Any, tmp_path: Path) -> None:
    refused = _bootstrap(
        stack,
        "--demo",
        "--token-file",
        str(tmp_path / "t"),
        DOCFLOW_ENVIRONMENT="production",
        DOCFLOW_SECRET_KEY="k" * 40,
    )
    assert refused.returncode != 0
    assert not (tmp_path / "t").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({}, "DOCFLOW_SECRET_KEY"),
        ({"secret_key": "short-but-not-default"}, "DOCFLOW_SECRET_KEY"),
        (
            {"secret_key": "k" * 40, "bootstrap_admin_password": "docflow-demo"},
            "BOOTSTRAP_ADMIN_PASSWORD",
        ),
        ({"secret_key": "k" * 40, "bootstrap_admin_password": "short"}, "BOOTSTRAP_ADMIN_PASSWORD"),
    ],
)
def test_production_refuses_default_secrets(overrides: dict[str, str], message: str) -> None:
    from docflow.config import Settings

    with pytest.raises(ValidationError, match=message):
        Settings(environment="production", **overrides)
    Settings(environment="production", secret_key="k" * 40, bootstrap_admin_password="x" * 16)


def test_wildcard_origins_are_refused() -> None:
    from docflow.config import Settings

    with pytest.raises(ValidationError, match="explicitly"):
        Settings(cors_origins=["*"])
    with pytest.raises(ValidationError, match="explicitly"):
        Settings(allowed_ws_origins=["*"])
