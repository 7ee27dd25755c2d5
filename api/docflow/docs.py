"""The API's documentation page, `/api/docs`: Swagger UI served from the API's own origin (the
files of the `swagger-ui-bundle-v2` package, pinned in uv.lock), never from a CDN, under a
Content-Security-Policy that allows this page's one inline script (by its hash) and same-origin
files only. The page shares its origin with the session cookie, so no foreign script runs on it.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

DOCS_PATH = "/api/docs"
ASSETS_PATH = "/api/docs/assets"
_ASSETS = frozenset({"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"})


class _DocsAssets(StaticFiles):
    """The bundle's files the page uses, and nothing else of the package's folder."""

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        if path not in _ASSETS:
            return "", None
        return super().lookup_path(path)


def _csp(html: bytes) -> str:
    inline = re.findall(rb"<script>(.*?)</script>", html, re.DOTALL)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
        for script in inline
    )
    return (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self'; "
        "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def install_api_docs(app: FastAPI) -> None:
    """Serve the page and its files (create the app with `docs_url=None`)."""
    assert app.openapi_url is not None
    page = bytes(
        get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_PATH}/favicon-32x32.png",
            oauth2_redirect_url=None,
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from a third party
        ).body
    )
    headers = {"Content-Security-Policy": _csp(page), "Cache-Control": "no-cache"}

    @app.get(DOCS_PATH, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(page, headers=headers)

    app.mount(ASSETS_PATH, _DocsAssets(directory=swagger_ui_path), name="docs-assets")
