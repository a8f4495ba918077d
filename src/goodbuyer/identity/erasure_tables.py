"""Erasure, one table at a time: each step rewrites or deletes the rows of a footprint that
hold personal data and returns how many rows it changed (0 when erased before)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from goodbuyer.audit import AuditEvent
from goodbuyer.identity.footprint import Footprint
from goodbuyer.identity.models import IdentityKey, IdentityLink, IdentityRecord, OrderCheck
from goodbuyer.identity.redaction import (
    SEPARATED_REASON,
    Scrubber,
    erased_text,
    ghost_reasons_without_values,
    ids_only,
    labels_only,
    postcode_area,
    pseudonym,
)
from goodbuyer.identity.statuses import LinkKind
from goodbuyer.store.models import ContactPoint

Counts = dict[str, int]


def changed(row: Any, **values: Any) -> bool:
    """Set the values that differ; True when any did."""
    different = {k: v for k, v in values.items() if getattr(row, k) != v}
    for name, value in different.items():
        setattr(row, name, value)
    return bool(different)


def count_changed(rows: Iterable[Any], change: Any) -> int:
    return sum(1 for row in rows if change(row))


def erase_customers(session: Session, fp: Footprint, salt: bytes, now: datetime) -> Counts:
    def change(c: Any) -> bool:
        if not changed(c, name=None, key=pseudonym(c.key, salt)):
            return False
        c.updated_at = now
        return True

    return {"customers": count_changed(fp.customers, change)}


def erase_orders(session: Session, fp: Footprint, scrub: Scrubber, now: datetime) -> Counts:
    """Contact data goes; money, statuses, dates, lines, the country and the postcode's
    first two characters stay, so every figure about orders stays what it was."""

    def change(o: Any) -> bool:
        if not changed(
            o, customer_name=None, email=None, phone=None, ship_name=None, ship_line1=None,
            ship_line2=None, ship_city=None, ship_region=None, client_ip=None,
            ship_postcode=postcode_area(o.ship_postcode), note=erased_text(o.note),
            tags=scrub.doc(o.tags), raw=ids_only(o.raw),
        ):  # fmt: skip
            return False
        o.updated_at = now
        return True

    return {"orders": count_changed(fp.orders, change)}


def _deleted(session: Session, model: Any, column: Any, ids: list[uuid.UUID]) -> int:
    result = session.execute(delete(model).where(column.in_(ids)))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def erase_identity(session: Session, fp: Footprint, scrub: Scrubber) -> Counts:
    """Contact points, identity records and blocking keys go (nothing can match them
    again); links keep their kind, score and levels, and their reasons only as labels."""
    counts = {
        "contact_points": _deleted(session, ContactPoint, ContactPoint.customer_id, fp.members),
        "identity_keys": _deleted(session, IdentityKey, IdentityKey.customer_id, fp.members),
        "identity_records": _deleted(
            session, IdentityRecord, IdentityRecord.customer_id, fp.members
        ),
    }
    links = session.scalars(
        select(IdentityLink).where(
            or_(IdentityLink.customer_a.in_(fp.members), IdentityLink.customer_b.in_(fp.members))
        )
    )

    def change(link: IdentityLink) -> bool:
        separated = link.kind is LinkKind.SEPARATED
        reasons = [SEPARATED_REASON] if separated else labels_only(link.reasons)
        return changed(link, reasons=reasons, levels=scrub.doc(link.levels))

    counts["identity_links"] = count_changed(links, change)
    return counts


def erase_checks(session: Session, fp: Footprint, scrub: Scrubber) -> Counts:
    """History and red flags stay: they name orders, not people. Ghost signals keep their
    code and weight; their reasons no longer quote the value."""
    checks = session.scalars(select(OrderCheck).where(OrderCheck.order_id.in_(fp.order_ids)))

    def change(check: OrderCheck) -> bool:
        return changed(
            check,
            history=scrub.doc(check.history),
            red_flags=scrub.doc(check.red_flags),
            ghost_signals=ghost_reasons_without_values(check.ghost_signals),
        )

    return {"order_checks": count_changed(checks, change)}


def erase_audit(session: Session, fp: Footprint, scrub: Scrubber) -> Counts:
    """Events keep what happened and when; their data loses the person's values, match
    reasons become labels and agents' notes go."""
    events = session.scalars(
        select(AuditEvent).where(
            AuditEvent.shop_id == fp.shop_id,
            or_(
                AuditEvent.customer_id.in_(fp.members),
                AuditEvent.order_id.in_(fp.order_ids),
                AuditEvent.subject_id.in_(fp.members),
                _about_person(session, fp),
            ),
        )
    )
    return {"audit_events": count_changed(events, lambda e: changed(e, data=_data(e.data, scrub)))}


def _about_person(session: Session, fp: Footprint) -> Any:
    """person.merged and person.split events recorded on another record that quote the
    person's data: merges of their records into others, splits from them."""
    ids = [str(m) for m in fp.members]
    links = session.execute(
        select(IdentityLink.customer_a, IdentityLink.customer_b).where(
            IdentityLink.kind == LinkKind.SEPARATED,
            or_(IdentityLink.customer_a.in_(fp.members), IdentityLink.customer_b.in_(fp.members)),
        )
    )
    separated = sorted({c for pair in links for c in pair} - set(fp.members))
    return and_(
        AuditEvent.action.startswith("person."),
        or_(
            *(AuditEvent.data[name].as_string().in_(ids) for name in ("into", "merged")),
            AuditEvent.customer_id.in_(separated),
        ),
    )


def _data(data: dict[str, Any], scrub: Scrubber) -> dict[str, Any]:
    found = dict(data)
    if isinstance(found.get("reasons"), list):
        found["reasons"] = labels_only(str(r) for r in found["reasons"])
    if isinstance(found.get("note"), str) and found["note"]:
        found["note"] = erased_text(found["note"])
    scrubbed: dict[str, Any] = scrub.doc(found)
    return scrubbed


__all__ = [
    "Counts",
    "changed",
    "count_changed",
    "erase_audit",
    "erase_checks",
    "erase_customers",
    "erase_identity",
    "erase_orders",
]
