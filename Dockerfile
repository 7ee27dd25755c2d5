# One image for the API, the worker and the migration job (they share the `docflow` package).
# Two stages: uv resolves the locked production dependencies (no dev group) into /opt/venv; the
# runtime image gets that environment, the migrations and the OCR engine — not uv, not the tests.
# postgresql-client-15 (the compose file's postgres:15) gives `docflow.cli backup` its pg_dump.

FROM python:3.11-slim-bookworm AS build
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/opt/venv
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY api api
COPY worker worker
# --no-dev: no test, lint or benchmark packages; --no-editable: the workspace's own packages are
# installed into the environment, so the runtime image needs no source tree beside it.
RUN uv sync --frozen --no-dev --no-editable

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr \
       tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-ita \
       tesseract-ocr-nld tesseract-ocr-por tesseract-ocr-pol tesseract-ocr-ces tesseract-ocr-slk \
       tesseract-ocr-hun tesseract-ocr-swe tesseract-ocr-dan tesseract-ocr-nor tesseract-ocr-fin \
       tesseract-ocr-ron tesseract-ocr-tur tesseract-ocr-ell \
       postgresql-client-15 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 docflow \
    && mkdir -p /data/storage && chown docflow /data/storage
COPY --from=build /opt/venv /opt/venv
# Alembic's configuration and migrations (the `migrate` service runs them from /app/api).
COPY api/alembic.ini /app/api/alembic.ini
COPY api/migrations /app/api/migrations
WORKDIR /app
USER docflow
ENV DOCFLOW_STORAGE_DIR=/data/storage
EXPOSE 8000
# X-Forwarded-* is trusted only from DOCFLOW_TRUSTED_PROXIES (the app applies it), not by uvicorn.
CMD ["uvicorn", "docflow.main:app", "--host", "0.0.0.0", "--port", "8000", "--no-proxy-headers", "--ws", "docflow.ws_protocol:WebSocketProtocol", "--timeout-keep-alive", "75"]
