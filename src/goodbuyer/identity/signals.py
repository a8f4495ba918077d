"""Ghost signals as an order check stores them, once per distinct contact data (pure)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from goodbuyer.identity.ghosts import ContactData, GhostSignal, ghost_score, ghost_signals
from goodbuyer.identity.records import PersonRecord


def ghost_json(signals: list[GhostSignal]) -> list[dict[str, Any]]:
    return [
        {"code": s.code, "field": s.field, "weight": s.weight, "reason": s.reason} for s in signals
    ]


@lru_cache(maxsize=65536)
def ghosts_of(record: PersonRecord) -> tuple[list[dict[str, Any]], float]:
    """(signals as stored, combined score). Most orders of a customer repeat their contact
    data, so each distinct record is read once. The list is shared: do not change it."""
    r = record
    signals = ghost_signals(
        ContactData(r.name, r.phone, r.email, r.address, r.city, r.postcode, r.country)
    )
    return ghost_json(signals), round(ghost_score(signals), 4)


__all__ = ["ghost_json", "ghosts_of"]
