"""Reading a platform's JSON: typed getters that collect a FieldError naming each bad field.

A mapper reads everything through one `Fields`, then calls `check()`, so one answer lists
every problem of a payload instead of the first one only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.money import to_minor

M = TypeVar("M", bound=BaseModel)


class Fields:
    """Collects what is wrong with one payload while a mapper reads it."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.errors: list[FieldError] = []

    def fail(self, location: str, message: str) -> None:
        self.errors.append(FieldError(location=location, message=message))

    def check(self) -> None:
        if self.errors:
            summary = "; ".join(f"{e.location}: {e.message}" for e in self.errors[:5])
            raise InvalidInput(f"invalid {self.what}: {summary}", errors=list(self.errors))

    def obj(self, data: Any, key: str, location: str) -> dict[str, Any]:
        """A nested object; absent or null is an empty one."""
        value = data.get(key) if isinstance(data, dict) else None
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(location, "must be an object")
            return {}
        return value

    def items(self, data: Any, key: str, location: str) -> list[Any]:
        """A list; absent or null is empty."""
        value = data.get(key) if isinstance(data, dict) else None
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(location, "must be a list")
            return []
        return value

    def ident(self, data: Any, key: str, location: str) -> str:
        """A required id (number or text) as text."""
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, bool) or not isinstance(value, int | str) or str(value).strip() == "":
            self.fail(location, "is required (a number or text id)")
            return "?"
        return str(value).strip()

    def money(self, value: Any, currency: str, location: str) -> int:
        """Decimal text like '19.90' (or a number) in the currency's minor units; null is 0."""
        if value is None or value == "":
            return 0
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.fail(location, f"{value!r} is not an amount")
            return 0
        try:
            minor = to_minor(value, currency)
        except ValueError as exc:
            self.fail(location, str(exc))
            return 0
        if minor < 0:
            self.fail(location, f"{value!r} is negative")
            return 0
        return minor

    def timestamp(self, value: Any, location: str, *, naive_is_utc: bool = False) -> datetime:
        """ISO 8601 text; without an offset only when the platform documents it as UTC."""
        found = self.optional_timestamp(value, location, naive_is_utc=naive_is_utc)
        if found is None:
            if value is None:
                self.fail(location, "is required")
            return datetime(1970, 1, 1, tzinfo=UTC)
        return found

    def optional_timestamp(
        self, value: Any, location: str, *, naive_is_utc: bool = False
    ) -> datetime | None:
        if value is None or value == "":
            return None
        try:
            parsed = datetime.fromisoformat(str(value))
        except ValueError:
            self.fail(location, f"{value!r} is not an ISO 8601 timestamp")
            return None
        if parsed.tzinfo is None:
            if not naive_is_utc:
                self.fail(location, f"{value!r} has no UTC offset")
                return None
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)

    def build(self, cls: type[M], data: dict[str, Any]) -> M:
        """Our schema from what was read; raises InvalidInput listing every problem, those
        found while reading and those our schema finds (named by our field names)."""
        self.check()
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                self.fail(".".join(str(p) for p in err["loc"]) or "(payload)", err["msg"])
        self.check()
        raise AssertionError("unreachable")


def text(value: Any, limit: int | None = None) -> str | None:
    """Stripped text, None for null or blank; cut to `limit` characters."""
    if value is None or isinstance(value, dict | list):
        return None
    found = str(value).strip()
    if not found:
        return None
    return found[:limit] if limit else found


def first_text(*values: Any, limit: int | None = None) -> str | None:
    for value in values:
        found = text(value, limit)
        if found:
            return found
    return None


def joined(*parts: Any, limit: int | None = None) -> str | None:
    """Non-blank parts joined by a space ('Kovács' + 'Éva' -> 'Kovács Éva')."""
    return text(" ".join(p for p in (text(part) for part in parts) if p), limit)


__all__ = ["Fields", "first_text", "joined", "text"]
