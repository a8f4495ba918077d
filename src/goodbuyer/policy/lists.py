"""Block and allow list entries agents add beside the policy document's own lists: each
with its reason, who added it and, when it should lapse, its expiry. Values are stored in
the form orders are compared in."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.errors import Conflict, FieldError, InvalidInput, NotFound
from goodbuyer.identity.service import require_customer
from goodbuyer.policy.document import Policy, Subjects
from goodbuyer.policy.models import ListEntry
from goodbuyer.policy.statuses import ListKind, ListSubject
from goodbuyer.policy.subjects import SubjectError, Where, normalize_subject

_ORDER = tuple(ListSubject)
# Subjects x values found by the unique index (shop, kind, subject, value); the pairs asked
# for are picked out of the answer. Built once: each call only binds its values.
_HITS = select(ListEntry.kind, ListEntry.subject, ListEntry.value).where(
    ListEntry.shop_id == bindparam("shop"),
    ListEntry.kind.in_((ListKind.BLOCK, ListKind.ALLOW)),
    ListEntry.subject.in_(bindparam("subjects", expanding=True)),
    ListEntry.value.in_(bindparam("values", expanding=True)),
    or_(ListEntry.expires_at.is_(None), ListEntry.expires_at > bindparam("now")),
)


def add_entry(
    session: Session,
    shop_id: uuid.UUID,
    kind: ListKind,
    subject: ListSubject,
    value: str,
    *,
    reason: str,
    actor: str,
    now: datetime,
    where: Where | None = None,
    expires_at: datetime | None = None,
) -> ListEntry:
    """Put a phone, e-mail, address, customer or postcode on the block or allow list."""
    try:
        normal = normalize_subject(subject, value, where)
    except SubjectError as e:
        raise InvalidInput(str(e), [FieldError("value", str(e))]) from None
    if subject is ListSubject.CUSTOMER:
        require_customer(session, shop_id, uuid.UUID(normal))
    if not reason.strip():
        raise InvalidInput("say why", [FieldError("reason", "a list entry needs its reason")])
    if expires_at is not None and expires_at <= now:
        raise InvalidInput(
            "expiry in the past", [FieldError("expires_at", "must be in the future")]
        )
    entry = ListEntry(shop_id=shop_id, kind=kind, subject=subject, value=normal,
                      reason=reason.strip(), added_by=actor, created_at=now,
                      expires_at=expires_at)  # fmt: skip
    try:
        with session.begin_nested():
            session.add(entry)
    except IntegrityError:
        raise Conflict(f"{subject.value} {normal} is on the {kind.value} list already") from None
    _audit(session, entry, "list_entry.added", actor, now)
    return entry


def remove_entry(
    session: Session, shop_id: uuid.UUID, entry_id: uuid.UUID, actor: str, now: datetime
) -> ListEntry:
    entry = session.get(ListEntry, entry_id)
    if entry is None or entry.shop_id != shop_id:
        raise NotFound(f"no list entry {entry_id}")
    _audit(session, entry, "list_entry.removed", actor, now)
    session.execute(delete(ListEntry).where(ListEntry.id == entry_id))
    session.expunge(entry)
    return entry


def list_entries(
    session: Session,
    shop_id: uuid.UUID,
    now: datetime,
    *,
    kind: ListKind | None = None,
    subject: ListSubject | None = None,
    expired: bool = False,
) -> list[ListEntry]:
    """The entries, newest first; lapsed ones only when `expired`."""
    query = select(ListEntry).where(ListEntry.shop_id == shop_id)
    if kind is not None:
        query = query.where(ListEntry.kind == kind)
    if subject is not None:
        query = query.where(ListEntry.subject == subject)
    if not expired:
        query = query.where(or_(ListEntry.expires_at.is_(None), ListEntry.expires_at > now))
    return list(session.scalars(query.order_by(ListEntry.created_at.desc(), ListEntry.id.desc())))


def list_hits(
    session: Session,
    shop_id: uuid.UUID,
    policy: Policy,
    *,
    phone: str | None,
    email: str | None,
    building: str | None,
    customer_ids: Sequence[uuid.UUID],
    postcode: str | None,
    now: datetime,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(subjects on the block list, subjects on the allow list) for an order's already
    normalized values: the policy document's lists and the unexpired entries, one query."""
    values = {
        ListSubject.PHONE: [phone] if phone else [],
        ListSubject.EMAIL: [email] if email else [],
        ListSubject.ADDRESS: [building] if building else [],
        ListSubject.CUSTOMER: [str(c) for c in customer_ids],
        ListSubject.POSTCODE: [postcode] if postcode else [],
    }
    hits: dict[ListKind, set[ListSubject]] = {
        ListKind.BLOCK: _document_hits(policy.lists.block, values),
        ListKind.ALLOW: _document_hits(policy.lists.allow, values),
    }
    wanted = {(s, v) for s, found in values.items() for v in found}
    if wanted:
        session.flush()  # read through the connection: no autoflush
        params = {"shop": shop_id, "subjects": sorted({s for s, _ in wanted}),
                  "values": sorted({v for _, v in wanted}), "now": now}  # fmt: skip
        for kind, subject, value in session.connection().execute(_HITS, params):
            if (subject, value) in wanted:
                hits[kind].add(subject)
    return _ordered(hits[ListKind.BLOCK]), _ordered(hits[ListKind.ALLOW])


def _document_hits(lists: Subjects, values: dict[ListSubject, list[str]]) -> set[ListSubject]:
    return {s for s, found in values.items() if any(v in getattr(lists, s.value) for v in found)}


def _ordered(subjects: set[ListSubject]) -> tuple[str, ...]:
    return tuple(s.value for s in _ORDER if s in subjects)


def _customer(session: Session, entry: ListEntry) -> uuid.UUID | None:
    """The listed customer, on whose timeline the change shows (if still stored)."""
    if entry.subject is not ListSubject.CUSTOMER:
        return None
    try:
        return require_customer(session, entry.shop_id, uuid.UUID(entry.value)).id
    except NotFound:
        return None


def _audit(session: Session, entry: ListEntry, action: str, actor: str, now: datetime) -> None:
    customer = _customer(session, entry)
    data = {"kind": entry.kind.value, "subject": entry.subject.value, "value": entry.value,
            "reason": entry.reason,
            "expires_at": entry.expires_at.isoformat() if entry.expires_at else None}  # fmt: skip
    record(session, shop_id=entry.shop_id, at=now, actor=actor, action=action,
           subject_type="list_entry", subject_id=entry.id, customer_id=customer,
           data=data)  # fmt: skip


__all__ = ["add_entry", "list_entries", "list_hits", "remove_entry"]
