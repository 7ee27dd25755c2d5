"""Domain errors. Each carries its HTTP status and error code; one handler renders the envelope
{"error": {"code", "message", "details"}}. Services raise these and never import FastAPI."""

from __future__ import annotations

from typing import Any


class DocflowError(Exception):
    status_code = 500
    code = "internal_error"

    def __init__(self, message: str, *, details: Any = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.details = details
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


class BadRequest(DocflowError):
    status_code = 400
    code = "bad_request"


class Unauthorized(DocflowError):
    """401: no or bad credentials. Carries the `WWW-Authenticate` challenge HTTP requires (Bearer:
    browsers show no sign-in prompt for it; cookie sessions sign in at /api/auth/login)."""

    status_code = 401
    code = "unauthorized"

    def __init__(self, message: str, *, details: Any = None, headers: dict[str, str] | None = None):
        challenge = {"WWW-Authenticate": 'Bearer realm="docflow"'}
        super().__init__(message, details=details, headers={**challenge, **(headers or {})})


class Forbidden(DocflowError):
    status_code = 403
    code = "forbidden"


class NotFound(DocflowError):
    status_code = 404
    code = "not_found"


class InvalidState(DocflowError):
    status_code = 409
    code = "invalid_state"


class Conflict(DocflowError):
    status_code = 409
    code = "conflict"


class PreconditionFailed(DocflowError):
    status_code = 412
    code = "version_conflict"


class RequestTimeout(DocflowError):
    """The client sent its request body too slowly (or stopped sending it)."""

    status_code = 408
    code = "request_timeout"


class PayloadTooLarge(DocflowError):
    status_code = 413
    code = "payload_too_large"


class UnsupportedMediaType(DocflowError):
    status_code = 415
    code = "unsupported_media_type"


class ValidationFailed(DocflowError):
    status_code = 422
    code = "validation_error"


class PreconditionRequired(DocflowError):
    status_code = 428
    code = "precondition_required"


class TooManyRequests(DocflowError):
    status_code = 429
    code = "rate_limited"


class TooManyUploads(TooManyRequests):
    code = "too_many_uploads"


class ServiceUnavailable(DocflowError):
    status_code = 503
    code = "service_unavailable"


class StorageUnavailable(ServiceUnavailable):
    """The file store (the folder, or the object store) cannot be reached or refused to work: the
    request was fine, so an upload is kept by the client and sent again; a worker retries the job
    later rather than failing it."""

    def __init__(
        self,
        message: str = "File storage is unavailable right now; try again later.",
        *,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message, details=details, headers={"Retry-After": "30", **(headers or {})})


class InsufficientStorage(DocflowError):
    """The server cannot store the file now (disk or quota full): the request was fine, so a
    client (an offline outbox) must keep it and try again later, not drop it."""

    status_code = 507
    code = "insufficient_storage"


class IdempotencyKeyReused(ValidationFailed):
    code = "idempotency_key_reused"


class EmptyFile(ValidationFailed):
    code = "empty_file"


class UnsafeXml(ValidationFailed):
    """An XML upload that declares a DTD (entity expansion, external entities): refused unread."""

    code = "unsafe_xml"
