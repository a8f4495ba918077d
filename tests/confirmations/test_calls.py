"""The call queue's service: entering, claiming, releasing and recording calls (R3.4)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.clock import FixedClock
from goodbuyer.confirmations import calls, service
from goodbuyer.confirmations.models import CallAttempt, Confirmation
from goodbuyer.confirmations.statuses import CallOutcome, ConfirmationStatus, ResolvedVia
from goodbuyer.db import transaction
from goodbuyer.errors import Conflict, InvalidInput
from goodbuyer.store.models import Order
from goodbuyer.store.statuses import OrderStatus
from goodbuyer.web.deps import Services
from tests.confirmations.call_queue_data import held_order, in_call_queue, queued_call
from tests.factories import make_shop

ANNA, BORIS = "api-key:anna", "api-key:boris"


def _row(services: Services, confirmation_id: uuid.UUID) -> Confirmation:
    with services.sessions() as session:
        found = session.get(Confirmation, confirmation_id)
        assert found is not None
        return found


def _actions(services: Services, confirmation_id: uuid.UUID) -> list[str]:
    with services.sessions() as session:
        query = select(AuditEvent.action).where(AuditEvent.subject_id == confirmation_id)
        return list(session.scalars(query.order_by(AuditEvent.at, AuditEvent.id)))


def _claim_next(services: Services, shop_id: uuid.UUID, agent: str) -> uuid.UUID | None:
    with transaction(services.sessions) as session:
        taken = calls.claim_next(session, shop_id, agent, services.clock.now())
        return taken.id if taken else None


def _record(
    services: Services, shop_id: uuid.UUID, confirmation_id: uuid.UUID, outcome: CallOutcome,
    agent: str = ANNA, call_back_in: timedelta | None = None,
) -> None:  # fmt: skip
    now = services.clock.now()
    back = now + call_back_in if call_back_in is not None else None
    with transaction(services.sessions) as session:
        calls.record_call(session, shop_id, confirmation_id, agent, outcome, "note", back, now)


def test_entering_the_queue_is_due_at_once_and_idempotent(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    confirmation_id = held_order(client, key, services, 0)
    now = services.clock.now()

    in_call_queue(services, confirmation_id)
    with transaction(services.sessions) as session:
        again = calls.enter_call_queue(
            session, session.get_one(Confirmation, confirmation_id), now, "worker"
        )

    row = _row(services, confirmation_id)
    assert again is False
    assert (row.status, row.channel, row.call_due_at) == (ConfirmationStatus.CALLING, "call", now)
    assert _actions(services, confirmation_id) == ["confirmation.queued", "confirmation.calling"]


def test_a_resolved_confirmation_never_enters_the_queue(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    confirmation_id = held_order(client, key, services, 0)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        row = session.get_one(Confirmation, confirmation_id)
        service.confirm(session, row, ResolvedVia.PAGE, now, "customer")

        entered = calls.enter_call_queue(session, row, now, "worker")

    assert entered is False
    assert _row(services, confirmation_id).status is ConfirmationStatus.CONFIRMED


def test_claim_next_gives_the_oldest_due_once_then_nothing(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    shop_id, key = make_shop(services)
    first = queued_call(client, key, services, 0)
    clock.advance(timedelta(minutes=1))
    second = queued_call(client, key, services, 1)

    taken = [_claim_next(services, shop_id, agent) for agent in (BORIS, ANNA, ANNA)]

    assert taken == [first, second, None]
    row = _row(services, first)
    assert (row.claimed_by, row.claimed_until) == (BORIS, clock.now() + timedelta(minutes=15))


def test_a_claim_runs_out_after_the_policys_minutes(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    assert _claim_next(services, shop_id, ANNA) == confirmation_id
    clock.advance(timedelta(minutes=14))
    assert _claim_next(services, shop_id, BORIS) is None

    clock.advance(timedelta(minutes=1))

    assert _claim_next(services, shop_id, BORIS) == confirmation_id


def test_claiming_an_order_another_agent_holds_is_a_conflict(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        calls.claim(session, shop_id, confirmation_id, ANNA, now)

    with (
        pytest.raises(Conflict, match="api-key:anna is on this order until 09:45 UTC"),
        transaction(services.sessions) as session,
    ):
        calls.claim(session, shop_id, confirmation_id, BORIS, now)
    with transaction(services.sessions) as session:
        mine = calls.claim(session, shop_id, confirmation_id, ANNA, now)

    assert mine.claimed_by == ANNA


def test_release_frees_the_order_and_only_its_holder_may(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    _claim_next(services, shop_id, ANNA)
    now = services.clock.now()

    with (
        pytest.raises(Conflict, match="held by api-key:anna"),
        transaction(services.sessions) as session,
    ):
        calls.release(session, shop_id, confirmation_id, BORIS, now)
    with transaction(services.sessions) as session:
        calls.release(session, shop_id, confirmation_id, ANNA, now)

    assert _claim_next(services, shop_id, BORIS) == confirmation_id
    assert _actions(services, confirmation_id)[-3:] == [
        "confirmation.claimed", "confirmation.released", "confirmation.claimed",
    ]  # fmt: skip


def test_three_unanswered_calls_put_the_customer_in_the_ghost_box(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    dues = []

    for _ in range(3):
        assert _claim_next(services, shop_id, ANNA) == confirmation_id
        _record(services, shop_id, confirmation_id, CallOutcome.NO_ANSWER)
        row = _row(services, confirmation_id)
        dues.append((row.status, row.call_attempts, row.call_due_at - clock.now(), row.claimed_by))
        assert _claim_next(services, shop_id, ANNA) is None
        clock.advance(timedelta(minutes=120))

    retry = timedelta(minutes=120)
    assert dues[:2] == [(ConfirmationStatus.CALLING, 1, retry, None),
                        (ConfirmationStatus.CALLING, 2, retry, None)]  # fmt: skip
    assert dues[2][:2] == (ConfirmationStatus.GHOST, 3)
    with services.sessions() as session:
        row = session.get_one(Confirmation, confirmation_id)
        order = session.get_one(Order, row.order_id)
        attempts = session.scalars(select(CallAttempt.outcome).where(
            CallAttempt.confirmation_id == confirmation_id)).all()  # fmt: skip
    assert (order.status, row.resolved_via, row.resolved_channel) == (
        OrderStatus.CANCELLED, ResolvedVia.CALL, "call")  # fmt: skip
    assert attempts == [CallOutcome.NO_ANSWER] * 3
    assert _actions(services, confirmation_id).count("confirmation.call_recorded") == 3
    assert _actions(services, confirmation_id)[-1] == "confirmation.ghost"


def test_a_wrong_number_goes_to_the_ghost_box_at_once(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    _claim_next(services, shop_id, ANNA)

    _record(services, shop_id, confirmation_id, CallOutcome.WRONG_NUMBER)

    row = _row(services, confirmation_id)
    assert (row.status, row.call_attempts) == (ConfirmationStatus.GHOST, 1)


@pytest.mark.parametrize(
    ("outcome", "status", "order_status"),
    [
        pytest.param(CallOutcome.CONFIRMED, ConfirmationStatus.CONFIRMED, OrderStatus.CONFIRMED,
                     id="confirmed"),
        pytest.param(CallOutcome.CANCELLED, ConfirmationStatus.CANCELLED, OrderStatus.CANCELLED,
                     id="cancelled"),
    ],
)  # fmt: skip
def test_a_customer_reached_by_phone_decides_the_order(
    client: TestClient, services: Services, outcome: CallOutcome, status: ConfirmationStatus,
    order_status: OrderStatus,
) -> None:  # fmt: skip
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    _claim_next(services, shop_id, ANNA)

    _record(services, shop_id, confirmation_id, outcome)

    with services.sessions() as session:
        row = session.get_one(Confirmation, confirmation_id)
        order = session.get_one(Order, row.order_id)
    assert (row.status, row.resolved_via, row.resolved_channel, row.call_attempts) == (
        status, ResolvedVia.CALL, "call", 0)  # fmt: skip
    assert (order.status, row.claimed_by) == (order_status, None)


def test_a_call_back_moves_the_due_time_without_counting_an_attempt(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    _claim_next(services, shop_id, ANNA)

    _record(services, shop_id, confirmation_id, CallOutcome.CALL_BACK,
            call_back_in=timedelta(hours=5))  # fmt: skip

    row = _row(services, confirmation_id)
    assert (row.status, row.call_attempts, row.call_due_at, row.claimed_by) == (
        ConfirmationStatus.CALLING, 0, clock.now() + timedelta(hours=5), None)  # fmt: skip
    clock.advance(timedelta(hours=4, minutes=59))
    assert _claim_next(services, shop_id, BORIS) is None
    clock.advance(timedelta(minutes=1))
    assert _claim_next(services, shop_id, BORIS) == confirmation_id


def test_a_call_back_in_the_past_is_refused(client: TestClient, services: Services) -> None:
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    _claim_next(services, shop_id, ANNA)

    with pytest.raises(InvalidInput) as refused:
        _record(services, shop_id, confirmation_id, CallOutcome.CALL_BACK,
                call_back_in=timedelta(0))  # fmt: skip

    assert [e.location for e in refused.value.errors] == ["call_back_at"]
    assert _row(services, confirmation_id).claimed_by == ANNA


def test_only_the_agent_holding_the_claim_records_a_call(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)

    with pytest.raises(Conflict, match="held by nobody"):
        _record(services, shop_id, confirmation_id, CallOutcome.NO_ANSWER, agent=ANNA)
    _claim_next(services, shop_id, ANNA)
    with pytest.raises(Conflict, match="held by api-key:anna"):
        _record(services, shop_id, confirmation_id, CallOutcome.CONFIRMED, agent=BORIS)

    assert _row(services, confirmation_id).status is ConfirmationStatus.CALLING
