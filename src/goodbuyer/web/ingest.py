"""How every ingestion route answers: 201 when created, 200 for a replay or an update."""

from __future__ import annotations

from fastapi import Response

from goodbuyer.store.schemas import IngestResult

INGEST_RESPONSES: dict[int | str, dict[str, str]] = {
    200: {"description": "already known: a replay, an update, or an older version (ignored)"},
    201: {"description": "created"},
}


def answer(result: IngestResult, response: Response) -> IngestResult:
    if result.action != "created":
        response.status_code = 200
    return result


__all__ = ["INGEST_RESPONSES", "answer"]
