"""Rule snoozes: an agent suppresses one rule for one customer until a date, with a note
("she called: the refusal was our courier's fault"). Every snooze and lift is audited on
the customer's timeline."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.errors import Conflict, FieldError, InvalidInput, NotFound
from goodbuyer.identity.service import require_customer
from goodbuyer.policy.models import RuleSnooze

# Built once: each call only binds its values.
_SNOOZED = select(RuleSnooze.rule).where(
    RuleSnooze.shop_id == bindparam("shop"),
    RuleSnooze.customer_id.in_(bindparam("customers", expanding=True)),
    RuleSnooze.until > bindparam("now"),
    RuleSnooze.lifted_at.is_(None),
)


def snooze_rule(
    session: Session,
    shop_id: uuid.UUID,
    customer_id: uuid.UUID,
    rule: str,
    *,
    until: datetime,
    note: str,
    actor: str,
    now: datetime,
    known_rules: Collection[str],
) -> RuleSnooze:
    """Suppress `rule` (one of `known_rules`, the active policy's) for the customer."""
    require_customer(session, shop_id, customer_id)
    if rule not in known_rules:
        message = f"the active policy has no rule {rule!r}; it has: {', '.join(known_rules)}"
        raise InvalidInput(message, [FieldError("rule", message)])
    if until <= now:
        raise InvalidInput("a snooze ends in the future", [FieldError("until", "in the past")])
    if not note.strip():
        raise InvalidInput("say why", [FieldError("note", "a snooze needs its note")])
    snooze = RuleSnooze(shop_id=shop_id, customer_id=customer_id, rule=rule, until=until,
                        note=note.strip(), created_by=actor, created_at=now)  # fmt: skip
    session.add(snooze)
    session.flush()
    _audit(session, snooze, "rule.snoozed", actor, now)
    return snooze


def lift_snooze(
    session: Session,
    shop_id: uuid.UUID,
    customer_id: uuid.UUID,
    snooze_id: uuid.UUID,
    actor: str,
    now: datetime,
) -> RuleSnooze:
    """End a snooze before its date."""
    snooze = session.get(RuleSnooze, snooze_id)
    if snooze is None or snooze.shop_id != shop_id or snooze.customer_id != customer_id:
        raise NotFound(f"no snooze {snooze_id} for customer {customer_id}")
    if snooze.lifted_at is not None or snooze.until <= now:
        raise Conflict(f"the snooze of {snooze.rule} has ended already")
    snooze.lifted_at, snooze.lifted_by = now, actor
    session.flush()
    _audit(session, snooze, "rule.unsnoozed", actor, now)
    return snooze


def list_snoozes(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, now: datetime, *,
    ended: bool = False,
) -> list[RuleSnooze]:  # fmt: skip
    """A customer record's snoozes, newest first; lifted and lapsed ones only when `ended`."""
    require_customer(session, shop_id, customer_id)
    query = select(RuleSnooze).where(
        RuleSnooze.shop_id == shop_id, RuleSnooze.customer_id == customer_id
    )
    if not ended:
        query = query.where(RuleSnooze.until > now, RuleSnooze.lifted_at.is_(None))
    return list(session.scalars(query.order_by(RuleSnooze.created_at.desc(), RuleSnooze.id.desc())))


def snoozed_rules(
    session: Session, shop_id: uuid.UUID, customer_ids: Sequence[uuid.UUID], now: datetime
) -> tuple[str, ...]:
    """The rules snoozed now for any of a person's customer records, by name."""
    if not customer_ids:
        return ()
    session.flush()  # read through the connection: no autoflush
    params = {"shop": shop_id, "customers": list(customer_ids), "now": now}
    return tuple(sorted(set(session.connection().execute(_SNOOZED, params).scalars())))


def _audit(session: Session, snooze: RuleSnooze, action: str, actor: str, now: datetime) -> None:
    data = {"rule": snooze.rule, "until": snooze.until.isoformat(), "note": snooze.note}
    record(session, shop_id=snooze.shop_id, at=now, actor=actor, action=action,
           subject_type="rule_snooze", subject_id=snooze.id, customer_id=snooze.customer_id,
           data=data)  # fmt: skip


__all__ = ["lift_snooze", "list_snoozes", "snooze_rule", "snoozed_rules"]
