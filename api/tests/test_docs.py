"""The API docs page runs only scripts of the API's own origin: Swagger UI's files are served by
the API itself (no CDN on the origin that holds the session cookie), under a real CSP."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def app_client(stack: Any) -> Iterator[TestClient]:
    from docflow.main import create_app

    with TestClient(create_app(), base_url="http://testserver") as c:
        yield c


def _directives(csp: str) -> dict[str, list[str]]:
    parts = [p.split() for p in csp.split(";") if p.strip()]
    return {p[0]: p[1:] for p in parts}


def test_the_docs_page_loads_only_its_own_files_under_a_strict_csp(
    app_client: TestClient,
) -> None:
    page = app_client.get("/api/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls
    assert all(u.startswith("/api/") for u in urls), urls  # nothing from another origin
    csp = _directives(page.headers["content-security-policy"])
    assert csp["default-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    scripts = csp["script-src"]
    assert "'self'" in scripts
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:"} & set(scripts)
    assert not [s for s in scripts if "://" in s or "." in s.strip("'").split("-", 1)[0]]
    # The page's own inline script is allowed by its hash, and only it.
    inline = re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL)
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in scripts
    for url in urls:
        asset = app_client.get(url)
        assert asset.status_code == 200, url
        assert asset.content
    assert app_client.get("/api/openapi.json").status_code == 200


def test_only_the_files_the_page_uses_are_served(app_client: TestClient) -> None:
    for name in ("index.html", "swagger-initializer.js", "oauth2-redirect.html", "../__init__.py"):
        answer = app_client.get(f"/api/docs/assets/{name}")
        assert answer.status_code == 404, name
        assert answer.json()["error"]["code"] == "not_found"
