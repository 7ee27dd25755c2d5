"""Layering rules from STYLE.md, checked on the source so they cannot silently erode."""

from __future__ import annotations

import ast
from pathlib import Path

API = Path(__file__).resolve().parents[1] / "docflow"
WORKER = Path(__file__).resolve().parents[2] / "worker" / "docflow_worker"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _calls(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                found.add(func.attr)
            elif isinstance(func, ast.Name):
                found.add(func.id)
    return found


def test_api_never_imports_the_worker() -> None:
    offenders = [
        str(p.relative_to(API))
        for p in API.rglob("*.py")
        if any(name.startswith("docflow_worker") for name in _imports(p))
    ]
    assert offenders == []


def test_services_and_repositories_do_not_import_fastapi() -> None:
    offenders = [
        str(p.relative_to(API))
        for p in API.rglob("*.py")
        if p.name in {"service.py", "repository.py"}
        and any(name == "fastapi" or name.startswith("fastapi.") for name in _imports(p))
    ]
    assert offenders == []


def test_repositories_never_commit_publish_or_enqueue() -> None:
    forbidden = {"commit", "publish", "send_task", "record_event", "after_commit"}
    offenders = {
        str(p.relative_to(API)): sorted(_calls(p) & forbidden)
        for p in API.rglob("repository.py")
        if _calls(p) & forbidden
    }
    assert offenders == {}


def test_endpoints_never_commit() -> None:
    offenders = [
        str(p.relative_to(API))
        for p in API.rglob("endpoints.py")
        if {"commit", "rollback"} & _calls(p)
    ]
    assert offenders == []


def test_only_the_publisher_publishes_to_redis() -> None:
    publishers = [str(p.relative_to(API)) for p in API.rglob("*.py") if "publish" in _calls(p)]
    assert publishers == ["events/publisher.py"]


def test_worker_never_imports_api_endpoints() -> None:
    offenders = [
        str(p.relative_to(WORKER))
        for p in WORKER.rglob("*.py")
        if any(name.startswith("docflow.") and ".endpoints" in name for name in _imports(p))
        or any(name in {"docflow.main", "docflow.deps"} for name in _imports(p))
    ]
    assert offenders == []
