"""Blocking keys and record signatures (pure).

Two records are compared only when they share a blocking key: the same phone, the same
mailbox, the same building, or the same name in the same city or postcode. A key shared by
too many records (a parcel locker, "John Smith" in London) is capped by the caller.
"""

from __future__ import annotations

import hashlib

from goodbuyer.identity.records import Prepared
from goodbuyer.identity.statuses import KeyKind


def blocking_keys(p: Prepared) -> list[tuple[KeyKind, str]]:
    keys: list[tuple[KeyKind, str]] = []
    if p.phone:
        keys.append((KeyKind.PHONE, p.phone))
    if p.email:
        keys.append((KeyKind.EMAIL, p.email[:400]))
    if p.address is not None and p.address.building:
        keys.append((KeyKind.BUILDING, p.address.building[:400]))
    if len(p.name) >= 2:
        name = " ".join(sorted(p.name))
        if p.city:
            keys.append((KeyKind.NAME_CITY, f"{name}|{p.city}"[:400]))
        if p.address is not None and p.address.postcode:
            keys.append((KeyKind.NAME_POSTCODE, f"{name}|{p.address.postcode}"[:400]))
    return keys


def signature(p: Prepared) -> str:
    """One value per distinct set of comparable contact data."""
    address = p.address
    parts = (
        " ".join(p.name),
        p.phone or "",
        p.email or "",
        f"{address.building}|{address.unit}|{address.street}" if address else "",
        p.city,
        p.record.country.upper(),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


__all__ = ["blocking_keys", "signature"]
