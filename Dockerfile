# One image for the API, the worker and the migration job (they share the `docflow` package).
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv \
    && useradd --create-home --uid 10001 docflow \
    && mkdir -p /data/storage && chown docflow /data/storage

WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY api/pyproject.toml api/pyproject.toml
COPY worker/pyproject.toml worker/pyproject.toml
COPY api api
COPY worker worker
RUN uv sync --frozen --no-dev

USER docflow
ENV DOCFLOW_STORAGE_DIR=/data/storage
EXPOSE 8000
# X-Forwarded-* is trusted only from DOCFLOW_TRUSTED_PROXIES (the app applies it), not by uvicorn.
CMD ["uvicorn", "docflow.main:app", "--host", "0.0.0.0", "--port", "8000", "--no-proxy-headers", "--ws", "docflow.ws_protocol:WebSocketProtocol"]
