"""One error shape for every error: ``{"error": {"status": int, "code": str, "message": str}}``.

API paths (``/api/…``) and clients that do not ask for HTML get that JSON; a browser navigating the UI
gets the same three fields on an HTML page. Unexpected exceptions become a 500 with no internals shown.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from orbat.errors import OrbatError, StoreError

__all__ = ["ApiError", "error_body", "install_error_handlers"]

_log = logging.getLogger("orbat.api")

_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_parameter", 500: "internal_error",
    503: "unavailable",
}  # fmt: skip


class ApiError(Exception):
    """An error raised by a handler, with its HTTP status and a stable code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(status: int, code: str, message: str) -> dict[str, dict[str, object]]:
    return {"error": {"status": status, "code": code, "message": message}}


def _orbat_status(exc: OrbatError) -> tuple[int, str]:
    """Query functions raise OrbatError for unknown ids/names ("no claim …") and for bad input alike."""
    if isinstance(exc, StoreError):
        return 503, "unavailable"
    if str(exc).startswith("no "):
        return 404, "not_found"
    return 400, "bad_request"


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors()[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) + "; see /openapi.json for the parameters"


def classify(exc: Exception) -> tuple[int, str, str]:
    """(status, code, message) of any exception."""
    if isinstance(exc, ApiError):
        return exc.status, exc.code, exc.message
    if isinstance(exc, OrbatError):
        return (*_orbat_status(exc), str(exc))
    if isinstance(exc, RequestValidationError):
        return 422, "invalid_parameter", _validation_message(exc)
    if isinstance(exc, StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        return exc.status_code, _CODES.get(exc.status_code, "error"), detail
    _log.exception("unexpected error", exc_info=exc)
    return 500, "internal_error", "unexpected server error; the server log has the details"


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def install_error_handlers(app: FastAPI, html: object) -> None:
    """Register the one handler for every exception type; ``html(request, status, code, message)`` renders
    the page a browser sees."""

    async def handle(request: Request, exc: Exception) -> Response:
        status, code, message = classify(exc)
        if _wants_html(request):
            return html(request, status, code, message)  # type: ignore[operator, no-any-return]
        return JSONResponse(error_body(status, code, message), status_code=status)

    for kind in (ApiError, OrbatError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle)
