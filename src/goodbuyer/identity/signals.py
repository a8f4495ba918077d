"""Ghost signals as an order check stores them, once per distinct contact data (pure)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from goodbuyer.identity.ghosts import ContactData, GhostSignal, ghost_score, ghost_signals
from goodbuyer.identity.normalize import fold, phone_e164
from goodbuyer.identity.records import PersonRecord

Stored = tuple[list[dict[str, Any]], float]


def ghost_json(signals: list[GhostSignal]) -> list[dict[str, Any]]:
    return [
        {"code": s.code, "field": s.field, "weight": s.weight, "reason": s.reason} for s in signals
    ]


def _same_data(r: PersonRecord) -> tuple[str, ...]:
    """What the signals depend on: two spellings of one phone, e-mail case, accents and
    letter case in names and addresses make no difference to them."""
    country = r.country.strip().upper()
    phone = phone_e164(r.phone, country) or r.phone.strip() if r.phone else ""
    return (fold(r.name), phone, r.email.strip().lower(), fold(r.address), fold(r.city),
            r.postcode.replace(" ", "").upper(), country)  # fmt: skip


_seen: dict[tuple[str, ...], Stored] = {}
_SEEN_LIMIT = 500_000


@lru_cache(maxsize=65536)
def ghosts_of(record: PersonRecord) -> Stored:
    """(signals as stored, combined score), read once per distinct contact data: most
    orders of a customer repeat theirs, often spelt another way. Shared lists: do not
    change them."""
    key = _same_data(record)
    held = _seen.get(key)
    if held is None:
        r = record
        signals = ghost_signals(
            ContactData(r.name, r.phone, r.email, r.address, r.city, r.postcode, r.country)
        )
        held = (ghost_json(signals), round(ghost_score(signals), 4))
        if len(_seen) >= _SEEN_LIMIT:
            _seen.clear()
        _seen[key] = held
    return held


__all__ = ["ghost_json", "ghosts_of"]
