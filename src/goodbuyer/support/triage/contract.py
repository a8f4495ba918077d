"""The JSON-lines contract of `goodbuyer triage`: one request per input line, one analysis
per output line, and one error (with its line number) per bad line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from goodbuyer.support.triage.pipeline import Analysis


@dataclass(frozen=True, slots=True)
class TriageRequest:
    line: int
    id: str
    text: str
    channel: str | None
    shop: str | None


@dataclass(frozen=True, slots=True)
class BadLine:
    line: int
    reason: str


def parse_lines(lines: Iterable[str]) -> Iterator[TriageRequest | BadLine]:
    """Requests in input order; a blank line is skipped, a bad one becomes a `BadLine`."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as e:
            yield BadLine(number, f"not JSON ({e.msg})")
            continue
        problem = _problem(row)
        if problem:
            yield BadLine(number, problem)
            continue
        yield TriageRequest(
            number, str(row["id"]), row["text"], row.get("channel"), row.get("shop")
        )


def _problem(row: Any) -> str | None:
    if not isinstance(row, dict):
        return "not a JSON object"
    if "id" not in row or not isinstance(row["id"], str | int):
        return 'missing "id" (a string or a number)'
    if not isinstance(row.get("text"), str) or not row["text"].strip():
        return 'missing "text" (a non-empty string)'
    for key in ("channel", "shop"):
        if row.get(key) is not None and not isinstance(row[key], str):
            return f'"{key}" must be a string'
    return None


def render(request_id: str, analysis: Analysis, extra: dict[str, Any] | None = None) -> str:
    """The output line of one analysis (`route` says whether a person reads it first);
    `extra`: the shop's `resolution` and `reply` when the line named a shop."""
    out: dict[str, Any] = {
        "id": request_id,
        "lang": analysis.lang,
        "intent": analysis.intent,
        "flags": list(analysis.flags),
        "angry": analysis.angry,
        "confidence": analysis.confidence,
        "route": analysis.route,
    }
    return json.dumps(out | (extra or {}), ensure_ascii=False)
