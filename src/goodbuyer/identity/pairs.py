"""`goodbuyer link-pairs`: JSON lines of record pairs in, one decision per line out (pure).

    {"id": "p1", "a": {"name", "phone", "email", "address", "city", "postcode", "country"},
     "b": {...}}
 -> {"id": "p1", "same_person": true, "score": 0.998, "reasons": ["same phone (...)"]}

A household (same address, different people) is not the same person; its line says
`"household": true`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.identity.matcher import decide
from goodbuyer.identity.records import PersonRecord, prepare

_FIELDS = ("name", "phone", "email", "address", "city", "postcode", "country")


def BadPairLine(line: int, problem: str) -> InvalidInput:
    """The error for a line of input that is not a pair of records."""
    return InvalidInput(
        f"line {line} is not a pair of records", [FieldError(f"line {line}", problem)]
    )


def _record(value: Any, side: str, line: int) -> PersonRecord:
    if not isinstance(value, dict):
        raise BadPairLine(line, f'"{side}" must be an object with {", ".join(_FIELDS)}')
    unknown = sorted(set(value) - set(_FIELDS))
    if unknown:
        raise BadPairLine(line, f'"{side}" has unknown fields: {", ".join(unknown)}')
    fields: dict[str, str] = {}
    for name in _FIELDS:
        item = value.get(name) or ""
        if not isinstance(item, str):
            raise BadPairLine(line, f'"{side}.{name}" must be a string')
        fields[name] = item
    return PersonRecord(**fields)


def read_pair(text: str, line: int) -> tuple[Any, PersonRecord, PersonRecord]:
    try:
        doc = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise BadPairLine(line, f"not JSON ({exc})") from None
    if not isinstance(doc, dict) or "a" not in doc or "b" not in doc:
        raise BadPairLine(line, 'expected an object with "id", "a" and "b"')
    return doc.get("id"), _record(doc["a"], "a", line), _record(doc["b"], "b", line)


def link_pairs(lines: Iterable[str]) -> Iterator[bytes]:
    """One output line (bytes, newline-terminated) per non-blank input line."""
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        pair_id, a, b = read_pair(text, number)
        decision = decide(prepare(a), prepare(b))
        answer = {
            "id": pair_id,
            "same_person": decision.same_person,
            "score": decision.score,
            "household": decision.household,
            "reasons": list(decision.reasons),
            "levels": decision.levels,
        }
        yield orjson.dumps(answer) + b"\n"


__all__ = ["link_pairs", "read_pair"]
