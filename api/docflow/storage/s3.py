"""Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …), under an optional key prefix.

Uploads are received into a local staging folder exactly as with the folder backend (hashed and
sniffed while they stream in); `commit` sends the staged file to the bucket with boto3's managed
transfer (multipart above the threshold, parts read from the file as they go: bounded memory) and
removes it. Reading streams the object's body; a worker's `local_copy` downloads it to a temporary
file (ranged parts, bounded memory) that is removed after the block.

A key the bucket does not hold is FileNotFoundError; anything else that goes wrong talking to the
store (unreachable, timing out, refusing our credentials, a missing bucket, 5xx) is
StorageUnavailable: the request was fine, so nothing is ever refused or failed for it.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, BinaryIO, cast

import boto3
from boto3.exceptions import Boto3Error
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from docflow.config import Settings
from docflow.errors import StorageUnavailable
from docflow.storage.base import StagedFile, discard_staged, stage_in

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)

MIB = 1024 * 1024
# What talking to the store can raise: botocore (connection, timeout, credentials), an HTTP error
# answer, boto3's transfer manager (its upload/download failures wrap the former).
_STORE_ERRORS = (BotoCoreError, ClientError, Boto3Error)
_MISSING_CODES = frozenset({"NoSuchKey", "404", "NotFound"})


class S3Storage:
    def __init__(self, settings: Settings) -> None:
        assert settings.s3_bucket, "DOCFLOW_S3_BUCKET is required for the s3 backend"
        self.bucket = settings.s3_bucket
        prefix = settings.s3_prefix.strip("/")
        self.prefix = f"{prefix}/" if prefix else ""
        self._staging = settings.storage_dir.resolve() / "staging"
        self._staging.mkdir(parents=True, exist_ok=True)
        self._settings = settings
        self.transfer = TransferConfig(
            multipart_threshold=settings.s3_multipart_threshold_mb * MIB,
            multipart_chunksize=settings.s3_part_size_mb * MIB,
            max_concurrency=settings.s3_max_concurrency,
        )
        self._lock = threading.Lock()
        self._client: S3Client | None = None
        self._client_pid = 0

    @property
    def staging_dir(self) -> Path:
        return self._staging

    @property
    def client(self) -> S3Client:
        """One client per process (thread-safe; never shared across a fork: a Celery pool child
        makes its own, with its own connections)."""
        with self._lock:
            if self._client is None or self._client_pid != os.getpid():
                self._client = _make_client(self._settings)
                self._client_pid = os.getpid()
            return self._client

    # Protocol ---------------------------------------------------------------------------------
    def stage(self) -> StagedFile:
        return stage_in(self._staging)

    def discard(self, staged: StagedFile) -> None:
        discard_staged(staged)

    def commit(self, staged: StagedFile, key: str) -> str:
        staged.close()
        try:
            self.client.upload_file(
                str(staged.path), self.bucket, self._object(key), Config=self.transfer
            )
        except _STORE_ERRORS as exc:
            raise self._unavailable("storing", key, exc) from exc
        staged.path.unlink(missing_ok=True)
        return key

    def put(self, key: str, data: bytes) -> str:
        try:
            self.client.put_object(Bucket=self.bucket, Key=self._object(key), Body=data)
        except _STORE_ERRORS as exc:
            raise self._unavailable("storing", key, exc) from exc
        return key

    def delete(self, key: str) -> None:
        try:
            self.client.delete_object(Bucket=self.bucket, Key=self._object(key))
        except _STORE_ERRORS as exc:
            raise self._unavailable("deleting", key, exc) from exc

    def open(self, key: str) -> BinaryIO:
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self._object(key))
        except _STORE_ERRORS as exc:
            raise self._failure("reading", key, exc) from exc
        # botocore's StreamingBody is an io.IOBase: read(n) pulls from the socket, close() ends it.
        return cast(BinaryIO, answer["Body"])

    def iter_keys(self) -> Iterator[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix
        )
        try:
            for page in pages:
                for item in page.get("Contents", []):
                    yield item["Key"][len(self.prefix) :]
        except _STORE_ERRORS as exc:
            raise self._unavailable("listing", self.prefix or "/", exc) from exc

    @contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        fd, name = tempfile.mkstemp(prefix="docflow-", suffix=PurePosixPath(key).suffix)
        os.close(fd)
        path = Path(name)
        try:
            try:
                self.client.download_file(
                    self.bucket, self._object(key), name, Config=self.transfer
                )
            except _STORE_ERRORS as exc:
                raise self._failure("fetching", key, exc) from exc
            yield path
        finally:
            path.unlink(missing_ok=True)

    # helpers ----------------------------------------------------------------------------------
    def _object(self, key: str) -> str:
        parts = PurePosixPath(key).parts
        if not parts or key.startswith("/") or ".." in parts:
            raise ValueError("storage key escapes the storage root")
        return self.prefix + key

    def _failure(self, doing: str, key: str, exc: Exception) -> Exception:
        """FileNotFoundError when the bucket is there but the key is not; else unavailable."""
        if _error_code(exc) in _MISSING_CODES and self._bucket_exists():
            return FileNotFoundError(f"s3://{self.bucket}/{self._object(key)}")
        return self._unavailable(doing, key, exc)

    def _bucket_exists(self) -> bool:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except _STORE_ERRORS:
            return False
        return True

    def _unavailable(self, doing: str, key: str, exc: Exception) -> StorageUnavailable:
        log.warning(
            "object storage unavailable while %s %s in bucket %s: %s", doing, key, self.bucket, exc
        )
        return StorageUnavailable()


def _error_code(exc: Exception) -> str | None:
    if isinstance(exc, ClientError):
        return str(exc.response.get("Error", {}).get("Code"))
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, ClientError):  # wrapped by the transfer manager
        return _error_code(cause)
    return None


def _make_client(settings: Settings) -> S3Client:
    secret = settings.s3_secret_access_key
    session = boto3.session.Session(
        aws_access_key_id=settings.s3_access_key_id,
        aws_secret_access_key=secret.get_secret_value() if secret else None,
        region_name=settings.s3_region,
    )
    config = Config(
        connect_timeout=settings.s3_connect_timeout_seconds,
        read_timeout=settings.s3_read_timeout_seconds,
        retries={"max_attempts": settings.s3_max_attempts, "mode": "standard"},
        s3={"addressing_style": settings.s3_addressing_style},
        max_pool_connections=max(10, 2 * settings.s3_max_concurrency),
        # Checksums only where S3 requires them: many S3-compatible stores reject the newer
        # default ones (the upload's SHA-256 is computed and recorded by Docflow anyway).
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
    client: Any = session.client("s3", endpoint_url=settings.s3_endpoint_url, config=config)
    return cast("S3Client", client)
