"""A person's footprint: their customer records, orders and tickets, and every value
(name, phone, e-mail, street) by which their data can be recognised in other rows."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from goodbuyer.identity.models import IdentityRecord
from goodbuyer.identity.persons import members_of, person_of
from goodbuyer.identity.records import PersonRecord, prepare
from goodbuyer.identity.redaction import Scrubber
from goodbuyer.identity.service import record_of_order, require_customer
from goodbuyer.store.contacts import comparable_email, comparable_phone
from goodbuyer.store.models import ContactPoint, Customer, Order
from goodbuyer.support.models import Ticket, TicketMessage
from goodbuyer.support.statuses import AuthorKind

_CONTACT_KEYS = ("email:", "phone:")


@dataclass(frozen=True)
class Footprint:
    shop_id: uuid.UUID
    person_id: uuid.UUID
    members: list[uuid.UUID]  # the person's customer records
    customers: list[Customer]
    orders: list[Order]
    ticket_ids: list[uuid.UUID]
    values: frozenset[str]  # the person's own values, as given and in comparable forms
    emails: frozenset[str]  # lower case
    phones: frozenset[str]  # as given, digits only and E.164

    @property
    def order_ids(self) -> list[uuid.UUID]:
        return [o.id for o in self.orders]

    def scrubber(self) -> Scrubber:
        return Scrubber(self.values)


def find_footprint(session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID) -> Footprint:
    """Everything erasure needs to know about the person behind `customer_id`; their
    customer records are locked until the transaction ends."""
    require_customer(session, shop_id, customer_id)
    person = person_of(session, customer_id)
    members = members_of(session, person)
    customers = list(
        session.scalars(select(Customer).where(Customer.id.in_(members)).with_for_update())
    )
    orders = list(session.scalars(select(Order).where(Order.customer_id.in_(members))))
    records = [record_of_order(o) for o in orders] + _identity_records(session, members)
    values = set(_values(records)) | set(_order_values(orders)) | set(_customer_values(customers))
    values |= set(_contact_values(session, members))
    emails = {v.lower() for v in values if "@" in v}
    phones = {p for r in records for p in _phone_forms(r.phone, r.country)}
    tickets = _tickets(session, shop_id, members, [o.id for o in orders], emails | phones)
    values |= set(_author_values(session, tickets))
    return Footprint(
        shop_id, person, members, customers, orders, tickets, frozenset(values),
        frozenset(emails), frozenset(phones),
    )  # fmt: skip


def _identity_records(session: Session, members: list[uuid.UUID]) -> list[PersonRecord]:
    columns = (
        IdentityRecord.name, IdentityRecord.phone, IdentityRecord.email, IdentityRecord.address,
        IdentityRecord.city, IdentityRecord.postcode, IdentityRecord.country,
    )  # fmt: skip
    rows = session.execute(select(*columns).where(IdentityRecord.customer_id.in_(members)))
    return [PersonRecord(*row) for row in rows]


def _values(records: list[PersonRecord]) -> Iterator[str]:
    """Each record's name, phone, e-mail and street, as given and as the matcher saw them
    (a link's reasons quote the comparable forms: "same phone (+36301234567)")."""
    for record in records:
        yield from (record.name, record.phone, record.email, record.address)
        prepared = prepare(record)
        yield " ".join(prepared.name)
        yield from (prepared.email or "", *_phone_forms(record.phone, record.country))


def _order_values(orders: list[Order]) -> Iterator[str]:
    for o in orders:
        yield from (o.customer_name or "", o.ship_name or "", o.email or "", o.phone or "")
        yield from (o.ship_line1 or "", o.ship_line2 or "", o.client_ip or "")


def _phone_forms(phone: str, country: str) -> Iterator[str]:
    if phone:
        yield phone
        yield comparable_phone(phone) or ""
        yield prepare(PersonRecord(phone=phone, country=country)).phone or ""


def _customer_values(customers: list[Customer]) -> Iterator[str]:
    for customer in customers:
        yield customer.name or ""
        if customer.key.startswith(_CONTACT_KEYS):
            yield customer.key.split(":", 1)[1]


def _contact_values(session: Session, members: list[uuid.UUID]) -> Iterator[str]:
    query = select(ContactPoint.value, ContactPoint.normalized)
    for value, normalized in session.execute(query.where(ContactPoint.customer_id.in_(members))):
        yield from (value, normalized)


def _tickets(
    session: Session,
    shop_id: uuid.UUID,
    members: list[uuid.UUID],
    order_ids: list[uuid.UUID],
    addresses: set[str],
) -> list[uuid.UUID]:
    """Tickets of the person's records or orders, and threads they wrote in from one of
    their addresses that were never matched to them."""
    written = select(TicketMessage.ticket_id).where(
        TicketMessage.shop_id == shop_id,
        TicketMessage.author_kind == AuthorKind.CUSTOMER,
        func.lower(TicketMessage.author_address).in_(sorted(_addresses(addresses))),
    )
    query = select(Ticket.id).where(
        Ticket.shop_id == shop_id,
        or_(
            Ticket.customer_id.in_(members), Ticket.order_id.in_(order_ids), Ticket.id.in_(written)
        ),
    )
    return list(session.scalars(query))


def _addresses(values: set[str]) -> set[str]:
    found = {v.lower() for v in values if v}
    return found | {e for v in values if (e := comparable_email(v))}


def _author_values(session: Session, tickets: list[uuid.UUID]) -> Iterator[str]:
    query = select(TicketMessage.author_name, TicketMessage.author_address).where(
        TicketMessage.ticket_id.in_(tickets), TicketMessage.author_kind == AuthorKind.CUSTOMER
    )
    for name, address in session.execute(query):
        yield from (name or "", address or "")


__all__ = ["Footprint", "find_footprint"]
