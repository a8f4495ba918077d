"""Rule snoozes on both databases: only rules of the active policy, only into the future,
with a note; lifted early; audited on the customer's timeline."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.db import transaction
from goodbuyer.errors import Conflict, InvalidInput, NotFound
from goodbuyer.policy import service
from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.policy.shoppers import shop_with_customer


def test_a_snooze_holds_until_its_date(client: TestClient, services: Services) -> None:
    shop_id, _, customer = shop_with_customer(client, services)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        made = service.snooze_rule(session, shop_id, customer, "no_house_number",
                                   until=now + timedelta(days=7), note="rural address, called",
                                   actor="ana", now=now)  # fmt: skip
        service.snooze_rule(session, shop_id, customer, "ghost_contact",
                            until=now + timedelta(days=1), note="real name", actor="ana",
                            now=now)  # fmt: skip
        other = uuid.uuid4()
        assert service.snoozed_rules(session, shop_id, [other, customer], now) == (
            "ghost_contact", "no_house_number")  # fmt: skip
        assert service.snoozed_rules(session, shop_id, [customer], now + timedelta(days=2)) == (
            "no_house_number",)  # fmt: skip
        assert service.snoozed_rules(session, shop_id, [], now) == ()
        assert [s.id for s in service.list_snoozes(session, shop_id, customer, now)][1] == made.id


def test_lifting_ends_it_and_both_are_audited(client: TestClient, services: Services) -> None:
    shop_id, _, customer = shop_with_customer(client, services)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        made = service.snooze_rule(session, shop_id, customer, "large_first_cod",
                                   until=now + timedelta(days=7), note="known buyer",
                                   actor="ana", now=now)  # fmt: skip
        lifted = service.lift_snooze(session, shop_id, customer, made.id, "ben", now)
        assert (lifted.lifted_by, lifted.lifted_at) == ("ben", now)
        assert service.snoozed_rules(session, shop_id, [customer], now) == ()
        assert service.list_snoozes(session, shop_id, customer, now) == []
        assert len(service.list_snoozes(session, shop_id, customer, now, ended=True)) == 1
        with pytest.raises(Conflict, match="ended already"):
            service.lift_snooze(session, shop_id, customer, made.id, "ben", now)
        with pytest.raises(NotFound):
            service.lift_snooze(session, shop_id, uuid.uuid4(), made.id, "ben", now)
        events = session.execute(
            select(AuditEvent.action, AuditEvent.actor, AuditEvent.data).where(
                AuditEvent.customer_id == customer, AuditEvent.subject_type == "rule_snooze"
            ).order_by(AuditEvent.id)
        ).all()  # fmt: skip
    assert [(a, actor) for a, actor, _ in events] == [
        ("rule.snoozed", "ana"), ("rule.unsnoozed", "ben"),
    ]  # fmt: skip
    assert events[0][2]["note"] == "known buyer"


@pytest.mark.parametrize(
    ("rule", "days", "note", "words"),
    [
        ("no_such_rule", 1, "x", "the active policy has no rule 'no_such_rule'"),
        ("ghost_contact", 0, "x", "ends in the future"),
        ("ghost_contact", -1, "x", "ends in the future"),
        ("ghost_contact", 1, "  ", "say why"),
    ],
    ids=["unknown-rule", "now", "past", "no-note"],
)
def test_a_snooze_is_refused(
    client: TestClient, services: Services, rule: str, days: int, note: str, words: str
) -> None:
    shop_id, _, customer = shop_with_customer(client, services)
    now = services.clock.now()
    with transaction(services.sessions) as session, pytest.raises(InvalidInput, match=words):
        service.snooze_rule(session, shop_id, customer, rule, until=now + timedelta(days=days),
                            note=note, actor="ana", now=now)  # fmt: skip


def test_an_unknown_customer_cannot_be_snoozed(services: Services) -> None:
    shop_id, _ = make_shop(services)
    now = services.clock.now()
    with transaction(services.sessions) as session, pytest.raises(NotFound):
        service.snooze_rule(
            session, shop_id, uuid.uuid4(), "ghost_contact", until=now + timedelta(days=1),
            note="x", actor="ana", now=now,
        )  # fmt: skip
