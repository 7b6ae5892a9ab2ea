"""One JSON shape for every API error, whatever raised it:

    {"error": {"status": 413, "code": "body_too_large", "message": "...", "detail": ...}}

``detail`` is present only where there is more to say (the fields a validation error
names). Pages outside /api get the same information as a small HTML page.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import EventwireError, InputError, ModelError, StoreBusyError, StoreError

log = logging.getLogger("eventwire.web")


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(Exception):
    """An error with its HTTP status and a stable machine-readable code."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


class BodyTooLarge(HTTPException):
    """Raised while the body streams in; an HTTPException so FastAPI's body reader lets it through."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is over the {limit:,}-byte limit")


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "body_too_large", 415: "unsupported_media_type", 422: "invalid_request", 500: "internal_error",
          503: "unavailable"}

RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": code.replace("_", " ")}
    for status, code in _CODES.items() if status in {400, 401, 404, 413, 422, 503}
}


def error_response(request: Request, status: int, code: str, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> Response:
    headers = dict(headers or {})
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if not request.url.path.startswith("/api") and request.method == "GET":
        page = (f"<!doctype html><meta charset=utf-8><title>{status}</title>"
                f"<link rel=stylesheet href=/static/style.css><main class=error><h1>{status}</h1>"
                f"<p>{html.escape(message)}</p><p><a href=/>eventwire</a></p></main>")
        return HTMLResponse(page, status_code=status, headers=headers)
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Route every kind of failure to the one error shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "error")
        return error_response(request, exc.status_code, _CODES.get(exc.status_code, "error"), message,
                              headers=dict(exc.headers or {}))  # 405 keeps its Allow header

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        fields = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                  for e in exc.errors()]
        summary = "; ".join(f"{f['where']}: {f['problem']}" for f in fields[:3])
        return error_response(request, 422, "invalid_request", f"invalid request: {summary}", fields)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> Response:
        if isinstance(exc, StoreBusyError | ModelError):
            return error_response(request, 503, "unavailable", str(exc))
        if isinstance(exc, InputError):
            return error_response(request, 400, "bad_input", str(exc))
        if isinstance(exc, StoreError):
            return error_response(request, 503, "store_error", str(exc))
        return error_response(request, 500, "internal_error", str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal_error", "internal error; the server log has the details")
