"""Cells of a backfill file to values, and what was wrong with a record, said per row and
column so a shop owner can fix it (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from goodbuyer.money import exponent

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
Row = tuple[int, dict[str, str]]
"""A data row: its number and its non-empty cells by column, stripped."""

Locate = Callable[[tuple[int | str, ...]], tuple[int, str]]
"""A schema location (`lines.1.quantity`) to the (row, column) it came from."""

_ANY_PLACES = 18
_NUMBER = re.compile(r"(\d{0,18})(?:\.(\d*))?")


class CellError(ValueError):
    """A cell's text is not what its column holds."""


def money(text: str, currency: str) -> int:
    """'19.90' EUR -> 1990; never through floats, and never rounded."""
    return minor_units(text, exponent(currency), currency)


def minor_units(text: str, places: int, currency: str) -> int:
    """Decimal text to an integer count of 10**-places units (`currency` is for the
    message only)."""
    whole, _, decimals = text.partition(".")
    digits = (whole.isdecimal() or not whole) and (decimals.isdecimal() or not decimals)
    if not digits or not (whole or decimals) or len(whole) > 18:
        if text.startswith("-") and _NUMBER.fullmatch(text[1:]):
            raise CellError(f"{text!r} is negative")
        raise CellError(f"{text!r} is not a number")
    decimals = decimals.rstrip("0")
    if len(decimals) > places:
        raise CellError(f"{text!r} has more decimals than {currency} allows ({places})")
    return int((whole or "0") + decimals.ljust(places, "0"))


def check_number(text: str) -> str:
    """A money cell whose currency is not known yet: check its form, convert later."""
    minor_units(text, _ANY_PLACES, "")  # the currency's own limit is checked with it
    return text


def timestamp(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CellError(f"{text!r} is not an ISO 8601 timestamp") from None
    if value.tzinfo is None:
        raise CellError(f"{text!r} has no UTC offset (add Z or +hh:mm)")
    return value


def whole_number(text: str) -> int:
    try:
        if len(text) <= 18:
            return int(text)
    except ValueError:
        pass
    raise CellError(f"{text!r} is not a whole number")


def words(text: str) -> list[str]:
    return text.split()


@dataclass(frozen=True)
class Reject:
    """A record that was not stored: its rows and why."""

    first_row: int
    last_row: int
    reason: str

    @property
    def rows(self) -> str:
        if self.first_row == self.last_row:
            return str(self.first_row)
        return f"{self.first_row}-{self.last_row}"

    def __str__(self) -> str:
        label = "row" if self.first_row == self.last_row else "rows"
        return f"{label} {self.rows}: {self.reason}"


class RecordRejected(Exception):
    def __init__(self, reject: Reject) -> None:
        super().__init__(str(reject))
        self.reject = reject


@dataclass
class Problems:
    """What is wrong with one record, collected so that all of it is reported at once."""

    rows: Sequence[Row]
    found: list[tuple[int, str, str]] = field(default_factory=list)

    def add(self, row: int, column: str, message: str) -> None:
        self.found.append((row, column, message))

    def cell(self, row: Row, column: str, parse: Callable[[str], T]) -> T | None:
        text = row[1].get(column)
        if text is None:
            return None
        try:
            return parse(text)
        except CellError as exc:
            self.add(row[0], column, str(exc))
            return None

    def add_validation(self, exc: ValidationError, locate: Locate) -> None:
        """Pydantic's errors, each at its row and column; a column whose cell already
        failed to parse is not reported twice."""
        failed = {(row, column) for row, column, _ in self.found}
        for error in exc.errors(include_url=False):
            row, column = locate(error["loc"])
            if (row, column) not in failed:
                self.add(row, column, _message(error))

    def validate(self, model: type[M], data: dict[str, Any], locate: Locate) -> M:
        """The schema object, or RecordRejected with these problems and the schema's."""
        value = self.parse(model, data, locate)
        self.check()
        assert value is not None
        return value

    def parse(self, model: type[M], data: dict[str, Any], locate: Locate) -> M | None:
        """The schema object, or None with the schema's problems added."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.add_validation(exc, locate)
            return None

    def check(self) -> None:
        if not self.found:
            return
        many = self.rows[0][0] != self.rows[-1][0]
        reasons = []
        for row, column, message in self.found:
            where = (f"row {row}: " if many else "") + (f"{column}: " if column else "")
            reasons.append(where + message)
        reject = Reject(self.rows[0][0], self.rows[-1][0], "; ".join(reasons))
        raise RecordRejected(reject)


def locator(
    head: int,
    items: Sequence[int],
    renames: Mapping[tuple[str, ...], str],
    columns: frozenset[str],
) -> Locate:
    """Locations in a list of items (`lines.1`) are on the item's row; the rest are on the
    record's first row, `head`."""

    def locate(loc: tuple[int | str, ...]) -> tuple[int, str]:
        indexes = [part for part in loc if isinstance(part, int)]
        names = tuple(part for part in loc if isinstance(part, str))
        row = items[indexes[0]] if indexes and indexes[0] < len(items) else head
        column = renames.get(names) or (names[-1] if names and names[-1] in columns else "")
        return row, column

    return locate


def _message(error: ErrorDetails) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "missing":
        return "is required"
    if kind == "enum":
        return f"{value!r} is not one of {ctx.get('expected')}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}, not {value!r}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}, not {value!r}"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    message = error["msg"].removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def cells_of(index: Mapping[str, int], width: int) -> Callable[[int, list[str]], Row]:
    """A function from a raw row to its non-empty cells by column (a short row is padded
    by the caller's check, not here)."""
    pairs = sorted(index.items(), key=lambda item: item[1])

    def cells(number: int, raw: list[str]) -> Row:
        if len(raw) != width:
            return number, {"": f"has {len(raw)} cells, the header has {width}"}
        return number, {name: text for name, i in pairs if (text := raw[i].strip())}

    return cells


def check_width(problems: Problems, rows: Sequence[Row]) -> None:
    for number, cells in rows:
        if "" in cells:
            problems.add(number, "", cells[""])


def pick(**values: Any) -> dict[str, Any]:
    """The values that were given; left-out ones take the schema's defaults."""
    return {name: value for name, value in values.items() if value is not None}


__all__ = [
    "CellError",
    "Locate",
    "Problems",
    "RecordRejected",
    "Reject",
    "Row",
    "cells_of",
    "check_number",
    "check_width",
    "locator",
    "minor_units",
    "money",
    "pick",
    "timestamp",
    "whole_number",
    "words",
]
