"""The agents' call queue (R3.4): a confirmation whose last message went unanswered waits
here; an agent claims it, calls, and records what happened. Each change is audited.

A claim is a lease: `claimed_by` holds it until `claimed_until`, then anyone may take it.
`claim_next` takes the oldest due one with `SELECT ... FOR UPDATE SKIP LOCKED` on
PostgreSQL, and with a conditional UPDATE on both databases (SQLite has one writer).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.confirmations import service
from goodbuyer.confirmations.models import CallAttempt, Confirmation
from goodbuyer.confirmations.statuses import (
    OPEN_STATUSES,
    CallOutcome,
    ConfirmationStatus,
    ResolvedVia,
)
from goodbuyer.errors import Conflict, FieldError, InvalidInput, NotFound
from goodbuyer.policy.confirmation import Calls
from goodbuyer.policy.service import active_policy

CALL_STEP = "call"  # the `channel` of a confirmation once it is in the call queue
_TRIES = 5  # candidates taken by someone else between the look and the update (SQLite)


def calls_policy(session: Session, shop_id: uuid.UUID) -> Calls:
    return active_policy(session, shop_id).policy.confirmation.calls


def enter_call_queue(
    session: Session, confirmation: Confirmation, now: datetime, actor: str
) -> bool:
    """The ladder's last step waited in vain: the order is due for a call now. False when
    it is already in the queue or was resolved meanwhile (nothing changes)."""
    if (
        confirmation.status not in OPEN_STATUSES
        or confirmation.status is ConfirmationStatus.CALLING
    ):
        return False
    confirmation.status = ConfirmationStatus.CALLING
    confirmation.channel = CALL_STEP
    confirmation.call_due_at = confirmation.updated_at = now
    confirmation.next_due_at = None
    confirmation.claimed_by = confirmation.claimed_until = None
    _audit(session, confirmation, now, actor, "confirmation.calling",
           {"call_attempts": confirmation.call_attempts})  # fmt: skip
    return True


def due_condition(shop_id: uuid.UUID, now: datetime) -> ColumnElement[bool]:
    """In the queue, due, and nobody's (or the claim ran out)."""
    return (
        (Confirmation.shop_id == shop_id)
        & (Confirmation.status == ConfirmationStatus.CALLING)
        & (Confirmation.call_due_at <= now)
        & _free(now)
    )


def _free(now: datetime) -> ColumnElement[bool]:
    return or_(Confirmation.claimed_until.is_(None), Confirmation.claimed_until <= now)


def claim_next(
    session: Session, shop_id: uuid.UUID, agent: str, now: datetime
) -> Confirmation | None:
    """The oldest due, unclaimed confirmation, now claimed by `agent`; None when the queue
    is empty. Two agents at the same moment never get the same one."""
    until = now + timedelta(minutes=calls_policy(session, shop_id).claim_minutes)
    for _ in range(_TRIES):
        candidate = session.scalar(
            select(Confirmation.id)
            .where(due_condition(shop_id, now))
            .order_by(Confirmation.call_due_at, Confirmation.created_at, Confirmation.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        if candidate is None:
            return None
        if _take(session, candidate, agent, now, until, _free(now)):
            return _claimed(session, candidate, agent, now, until)
    return None


def claim(
    session: Session, shop_id: uuid.UUID, confirmation_id: uuid.UUID, agent: str, now: datetime
) -> Confirmation:
    """Claim a chosen confirmation (or extend one's own claim). Conflict when another
    agent holds it or it is not in the queue."""
    confirmation = _in_queue(session, shop_id, confirmation_id)
    until = now + timedelta(minutes=calls_policy(session, shop_id).claim_minutes)
    mine_or_free = or_(_free(now), Confirmation.claimed_by == agent)
    if not _take(session, confirmation.id, agent, now, until, mine_or_free):
        raise Conflict(f"agent {confirmation.claimed_by} is on this order until "
                       f"{confirmation.claimed_until:%H:%M} UTC")  # fmt: skip
    return _claimed(session, confirmation.id, agent, now, until)


def release(
    session: Session, shop_id: uuid.UUID, confirmation_id: uuid.UUID, agent: str, now: datetime
) -> Confirmation:
    """Give the order back to the queue without a call outcome."""
    confirmation = _held_by(session, shop_id, confirmation_id, agent)
    confirmation.claimed_by = confirmation.claimed_until = None
    confirmation.updated_at = now
    _audit(session, confirmation, now, agent, "confirmation.released", {})
    return confirmation


def _take(
    session: Session, confirmation_id: uuid.UUID, agent: str, now: datetime, until: datetime,
    condition: ColumnElement[bool],
) -> bool:  # fmt: skip
    result: Any = session.execute(
        update(Confirmation)
        .where(
            Confirmation.id == confirmation_id,
            Confirmation.status == ConfirmationStatus.CALLING,
            condition,
        )
        .values(claimed_by=agent, claimed_until=until, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)


def _claimed(
    session: Session, confirmation_id: uuid.UUID, agent: str, now: datetime, until: datetime
) -> Confirmation:
    confirmation = session.get(Confirmation, confirmation_id, populate_existing=True)
    assert confirmation is not None
    _audit(session, confirmation, now, agent, "confirmation.claimed",
           {"until": until.isoformat()})  # fmt: skip
    return confirmation


def record_call(
    session: Session, shop_id: uuid.UUID, confirmation_id: uuid.UUID, agent: str,
    outcome: CallOutcome, note: str, call_back_at: datetime | None, now: datetime,
) -> Confirmation:  # fmt: skip
    """Store the call and act on it: confirm, cancel, retry later, the ghost box after the
    last unsuccessful attempt, or a call back at the customer's time. A wrong number goes
    to the ghost box at once: calling it again reaches the same stranger."""
    if outcome is CallOutcome.CALL_BACK and (call_back_at is None or call_back_at <= now):
        raise InvalidInput("a call back needs a time in the future",
                           [FieldError("call_back_at", "must be later than now")])  # fmt: skip
    confirmation = _held_by(session, shop_id, confirmation_id, agent)
    calls = calls_policy(session, shop_id)
    session.add(CallAttempt(
        shop_id=shop_id, confirmation_id=confirmation.id, agent=agent, outcome=outcome,
        note=note or None, call_back_at=call_back_at if outcome is CallOutcome.CALL_BACK else None,
        at=now,
    ))  # fmt: skip
    unsuccessful = outcome in (CallOutcome.NO_ANSWER, CallOutcome.WRONG_NUMBER)
    if unsuccessful:
        confirmation.call_attempts += 1
    data: dict[str, object] = {"outcome": outcome.value, "attempt": confirmation.call_attempts}
    if outcome is CallOutcome.CALL_BACK and call_back_at is not None:
        data["call_back_at"] = call_back_at.isoformat()
    _audit(session, confirmation, now, agent, "confirmation.call_recorded", data)
    _act_on(session, confirmation, outcome, note, call_back_at, calls, now, agent)
    return confirmation


def _act_on(
    session: Session, confirmation: Confirmation, outcome: CallOutcome, note: str,
    call_back_at: datetime | None, calls: Calls, now: datetime, agent: str,
) -> None:  # fmt: skip
    if outcome is CallOutcome.CONFIRMED:
        service.confirm(session, confirmation, ResolvedVia.CALL, now, agent)
        return
    if outcome is CallOutcome.CANCELLED:
        service.cancel(session, confirmation, ResolvedVia.CALL, now, agent, reason=note)
        return
    confirmation.claimed_by = confirmation.claimed_until = None
    confirmation.updated_at = now
    if outcome is CallOutcome.CALL_BACK:
        confirmation.call_due_at = call_back_at
    elif outcome is CallOutcome.WRONG_NUMBER or confirmation.call_attempts >= calls.attempts:
        service.send_to_ghost_box(session, confirmation, now, agent)
    else:
        confirmation.call_due_at = now + timedelta(minutes=calls.retry_minutes)


def _in_queue(session: Session, shop_id: uuid.UUID, confirmation_id: uuid.UUID) -> Confirmation:
    confirmation = session.get(Confirmation, confirmation_id, populate_existing=True)
    if confirmation is None or confirmation.shop_id != shop_id:
        raise NotFound(f"no confirmation {confirmation_id}")
    if confirmation.status is not ConfirmationStatus.CALLING:
        raise Conflict(f"this order is not in the call queue: it is {confirmation.status.value}")
    return confirmation


def _held_by(
    session: Session, shop_id: uuid.UUID, confirmation_id: uuid.UUID, agent: str
) -> Confirmation:
    """The confirmation, in the queue and claimed by `agent` (a lapsed claim still counts
    until someone else takes it: a long call is not cut short)."""
    confirmation = _in_queue(session, shop_id, confirmation_id)
    if confirmation.claimed_by != agent:
        holder = confirmation.claimed_by or "nobody"
        raise Conflict(f"claim this order first: it is held by {holder}")
    return confirmation


def _audit(
    session: Session, confirmation: Confirmation, now: datetime, actor: str, action: str,
    data: dict[str, object],
) -> None:  # fmt: skip
    audit.record(session, shop_id=confirmation.shop_id, at=now, actor=actor, action=action,
                 subject_type="confirmation", subject_id=confirmation.id,
                 customer_id=confirmation.customer_id, order_id=confirmation.order_id,
                 data=data)  # fmt: skip


__all__ = [
    "CALL_STEP", "calls_policy", "claim", "claim_next", "due_condition", "enter_call_queue",
    "record_call", "release",
]  # fmt: skip
