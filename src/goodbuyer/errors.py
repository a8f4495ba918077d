"""The error tree every service raises; `app.py` maps it to problem+json in one place.

GoodbuyerError
├── InvalidInput      (422) the caller sent something wrong; `errors` names each field
├── NotFound          (404)
├── Conflict          (409)
├── Unauthorized      (401) missing or bad credentials or signature
├── Forbidden         (403) authenticated, but not allowed
├── PayloadTooLarge   (413)
└── ExternalServiceError (502) a provider failed
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    """One thing wrong with the input: where (a dotted path or a column) and why."""

    location: str
    message: str


@dataclass
class GoodbuyerError(Exception):
    """Base of every domain error."""

    detail: str
    status: int = field(default=500, init=False)
    title: str = field(default="Internal error", init=False)

    def __str__(self) -> str:
        return self.detail


@dataclass
class InvalidInput(GoodbuyerError):
    errors: list[FieldError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.status, self.title = 422, "Invalid input"


@dataclass
class NotFound(GoodbuyerError):
    def __post_init__(self) -> None:
        self.status, self.title = 404, "Not found"


@dataclass
class Conflict(GoodbuyerError):
    def __post_init__(self) -> None:
        self.status, self.title = 409, "Conflict"


@dataclass
class Unauthorized(GoodbuyerError):
    def __post_init__(self) -> None:
        self.status, self.title = 401, "Unauthorized"


@dataclass
class Forbidden(GoodbuyerError):
    def __post_init__(self) -> None:
        self.status, self.title = 403, "Forbidden"


@dataclass
class PayloadTooLarge(GoodbuyerError):
    def __post_init__(self) -> None:
        self.status, self.title = 413, "Payload too large"


@dataclass
class ExternalServiceError(GoodbuyerError):
    def __post_init__(self) -> None:
        self.status, self.title = 502, "External service error"


__all__ = [
    "Conflict",
    "ExternalServiceError",
    "FieldError",
    "Forbidden",
    "GoodbuyerError",
    "InvalidInput",
    "NotFound",
    "PayloadTooLarge",
    "Unauthorized",
]
