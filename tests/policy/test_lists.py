"""Block and allow list entries on both databases: normalized on the way in, looked up
with the policy document's own lists in one query, lapsing at their expiry."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select

from goodbuyer.audit import AuditEvent
from goodbuyer.db import transaction
from goodbuyer.errors import Conflict, InvalidInput, NotFound
from goodbuyer.policy import service
from goodbuyer.policy.loading import parse_policy
from goodbuyer.policy.statuses import ListKind, ListSubject
from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.policy.shoppers import shop_with_customer

BLOCK, ALLOW = ListKind.BLOCK, ListKind.ALLOW
FI = service.Where(country="FI", postcode="00100", city="Helsinki")


@pytest.mark.parametrize(
    ("subject", "raw", "stored"),
    [
        (ListSubject.PHONE, "040 123 4567", "+358401234567"),
        (ListSubject.EMAIL, "Aino.V+shop@GoogleMail.com", "ainov@gmail.com"),
        (ListSubject.ADDRESS, "Mannerheimintie 12 B 7", "FI|00100|mannerheimintie|12"),
        (ListSubject.POSTCODE, "00 100", "FI:00100"),
        (ListSubject.POSTCODE, "hu:1051", "HU:1051"),
    ],
)
def test_values_are_stored_as_orders_are_compared(
    services: Services, subject: ListSubject, raw: str, stored: str
) -> None:
    shop_id, _ = make_shop(services)
    with transaction(services.sessions) as session:
        entry = service.add_entry(session, shop_id, BLOCK, subject, raw, reason="fraud ring",
                                  actor="ana", now=services.clock.now(), where=FI)  # fmt: skip
        assert entry.value == stored
        [shown] = service.list_entries(session, shop_id, services.clock.now())
        assert (shown.id, shown.reason, shown.added_by) == (entry.id, "fraud ring", "ana")


@pytest.mark.parametrize(
    ("subject", "raw", "words"),
    [
        (ListSubject.PHONE, "12", "not a phone number"),
        (ListSubject.EMAIL, "nobody", "not an e-mail address"),
        (ListSubject.ADDRESS, "Mannerheimintie", "no street and house number"),
        (ListSubject.CUSTOMER, "abc", "not a customer id"),
    ],
)
def test_values_that_cannot_be_read_are_refused(
    services: Services, subject: ListSubject, raw: str, words: str
) -> None:
    shop_id, _ = make_shop(services)
    with transaction(services.sessions) as session, pytest.raises(InvalidInput, match=words):
        service.add_entry(session, shop_id, BLOCK, subject, raw, reason="x", actor="ana",
                          now=services.clock.now(), where=FI)  # fmt: skip


def test_an_entry_is_on_a_list_once(services: Services) -> None:
    shop_id, _ = make_shop(services)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        service.add_entry(session, shop_id, BLOCK, ListSubject.PHONE, "+358401234567",
                          reason="x", actor="ana", now=now)  # fmt: skip
        with pytest.raises(Conflict, match="on the block list already"):
            service.add_entry(session, shop_id, BLOCK, ListSubject.PHONE, "040 1234567",
                              reason="y", actor="ana", now=now, where=FI)  # fmt: skip
        assert len(service.list_entries(session, shop_id, now)) == 1


def test_hits_come_from_the_document_and_unexpired_entries(services: Services) -> None:
    shop_id, _ = make_shop(services)
    other_shop, _ = make_shop(services, slug="muu")
    now = services.clock.now()
    text = service.default_policy_text().replace(
        "allow: {phone: [], email: [],", "allow: {phone: [], email: ['vip@example.fi'],"
    )
    policy = parse_policy(text)
    with transaction(services.sessions) as session:
        add = lambda shop, kind, subject, value, **kw: service.add_entry(  # noqa: E731
            session, shop, kind, subject, value, reason="r", actor="ana", now=now, **kw
        )
        add(shop_id, BLOCK, ListSubject.PHONE, "+358401234567")
        add(shop_id, BLOCK, ListSubject.POSTCODE, "FI:00100", expires_at=now + timedelta(hours=1))
        add(
            shop_id,
            ALLOW,
            ListSubject.ADDRESS,
            "FI|00100|mannerheimintie|12",
            expires_at=now + timedelta(days=1),
        )
        add(other_shop, BLOCK, ListSubject.EMAIL, "vip@example.fi")

        def hits(at: object, **values: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
            given = {"phone": None, "email": None, "building": None, "customer_ids": (),
                     "postcode": None} | values  # fmt: skip
            return service.list_hits(session, shop_id, policy, now=at, **given)  # type: ignore[arg-type]

        assert hits(now) == ((), ())
        assert hits(now, phone="+358401234567", email="vip@example.fi", postcode="FI:00100",
                    building="FI|00100|mannerheimintie|12") == (
            ("phone", "postcode"), ("email", "address"))  # fmt: skip
        later = now + timedelta(hours=2)
        assert hits(later, phone="+358401234567", postcode="FI:00100") == (("phone",), ())
        assert hits(now, phone="+358409999999", email="other@example.fi") == ((), ())


def test_a_hit_look_up_is_one_query(services: Services) -> None:
    shop_id, _ = make_shop(services)
    policy = parse_policy(service.default_policy_text())
    statements: list[str] = []
    with transaction(services.sessions) as session:
        event.listen(services.engine, "before_cursor_execute",
                     lambda *args: statements.append(args[2]))  # fmt: skip
        found = service.list_hits(
            session, shop_id, policy, phone="+358401234567", email="a@b.fi", building=None,
            customer_ids=[uuid.uuid4(), uuid.uuid4()], postcode="FI:00100",
            now=services.clock.now(),
        )  # fmt: skip
    assert found == ((), ())
    assert len([s for s in statements if "list_entries" in s]) == 1


def test_a_customer_entry_needs_the_customer_and_shows_on_the_timeline(
    client: TestClient, services: Services
) -> None:
    shop_id, _, customer_id = shop_with_customer(client, services)
    customer = str(customer_id)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        with pytest.raises(NotFound):
            service.add_entry(session, shop_id, BLOCK, ListSubject.CUSTOMER, str(uuid.uuid4()),
                              reason="x", actor="ana", now=now)  # fmt: skip
        entry = service.add_entry(session, shop_id, BLOCK, ListSubject.CUSTOMER, customer,
                                  reason="chargebacks", actor="ana", now=now)  # fmt: skip
        hit = service.list_hits(session, shop_id, parse_policy(service.default_policy_text()),
                                phone=None, email=None, building=None, postcode=None,
                                customer_ids=[uuid.UUID(customer)], now=now)  # fmt: skip
        assert hit == (("customer",), ())
        service.remove_entry(session, shop_id, entry.id, "ben", now)
        assert service.list_entries(session, shop_id, now) == []
        with pytest.raises(NotFound):
            service.remove_entry(session, shop_id, entry.id, "ben", now)
        events = session.execute(
            select(AuditEvent.action, AuditEvent.actor, AuditEvent.customer_id).where(
                AuditEvent.subject_type == "list_entry").order_by(AuditEvent.id)
        ).all()  # fmt: skip
    assert [tuple(e) for e in events] == [
        ("list_entry.added", "ana", uuid.UUID(customer)),
        ("list_entry.removed", "ben", uuid.UUID(customer)),
    ]
