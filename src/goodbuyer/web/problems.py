"""Errors to HTTP in one place: RFC 9457 problem+json naming each field and reason."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from goodbuyer.errors import FieldError, GoodbuyerError, InvalidInput

_log = logging.getLogger(__name__)
MEDIA_TYPE = "application/problem+json"


def problem(status: int, title: str, detail: str, instance: str, **extra: Any) -> JSONResponse:
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


def field_errors_from_pydantic(errors: list[Any], skip_root: int = 0) -> list[FieldError]:
    """Pydantic's error list as (dotted location, message) pairs."""
    found = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())][skip_root:]
        found.append(FieldError(location=".".join(loc) or "(body)", message=str(err.get("msg"))))
    return found


def _errors_json(errors: list[FieldError]) -> list[dict[str, str]]:
    return [{"location": e.location, "message": e.message} for e in errors]


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GoodbuyerError)
    extra: dict[str, Any] = {}
    if isinstance(exc, InvalidInput):
        extra["errors"] = _errors_json(exc.errors)
    return problem(exc.status, exc.title, exc.detail, request.url.path, **extra)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = field_errors_from_pydantic(list(exc.errors()))
    summary = "; ".join(f"{e.location}: {e.message}" for e in errors[:5])
    return problem(422, "Invalid input", summary, request.url.path, errors=_errors_json(errors))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    title = HTTPStatus(exc.status_code).phrase
    return problem(exc.status_code, title, str(exc.detail), request.url.path)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    _log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem(500, "Internal error", "something went wrong; it was logged", request.url.path)


def install(app: FastAPI) -> None:
    app.add_exception_handler(GoodbuyerError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)


__all__ = ["MEDIA_TYPE", "field_errors_from_pydantic", "install", "problem"]
