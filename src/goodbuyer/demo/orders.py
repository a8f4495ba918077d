"""One order: what was bought, the checkout form as typed, how it was paid, and its rows
as they stood at the end of the history (the last days' orders are still in flight)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from goodbuyer.demo import phones
from goodbuyer.demo.addresses import typed as typed_address
from goodbuyer.demo.catalog import Line
from goodbuyer.demo.countries import money
from goodbuyer.demo.forms import typed_email, typed_name
from goodbuyer.demo.people import Person
from goodbuyer.demo.timeline import iso_local, iso_utc
from goodbuyer.demo.writer import ORDER, cell


@dataclass(slots=True)
class Order:
    slot: int  # the order's temporary key until the merge gives it an id
    placed: int
    lines: list[Line]
    method: str  # cod, card, wallet, bank_transfer, other
    shipping: int
    tax: int
    discount: int
    contact: str  # CSV cells: customer_id, name, email, phone, ship name and address
    subtotal: int = 0  # set once the lines are final
    events: list[tuple[int, str, str]] = field(default_factory=list)  # (ts, status, payment)
    refunds: list[tuple[int, int]] = field(default_factory=list)  # (ts, amount)
    delivered_at: int = 0
    parcels: int = 0  # shipments so far (a resend is the second)
    carrier: str = ""
    tracking: str = ""
    url: str = ""

    @property
    def total(self) -> int:
        return max(self.subtotal + self.shipping + self.tax - self.discount, 0)

    @property
    def cod(self) -> bool:
        return self.method == "cod"


def contact(person: Person, customer_id: str, r: random.Random) -> str:
    """The checkout form of one order as CSV cells: customer id, name, e-mail, phone, ship
    name and address as typed; often just as the browser filled it in the last time."""
    if person.autofill and r.random() < 0.6:
        return f"{cell(customer_id)},{person.autofill}"
    country = person.country
    name = typed_name(person, r)
    email = typed_email(person.emails[-1], r) if person.emails else ""
    if email and country.cod > 0.3 and r.random() < 0.12:
        email = ""  # phone-only checkout, common where cash on delivery is
    phone = person.phones[-1]
    typed_phone = phone if person.ghost else phones.typed(country.code, phone, r)
    if not person.ghost and country.cod < 0.1 and r.random() < 0.1:
        typed_phone = ""  # the phone field was optional
    ship_name = name if r.random() < 0.95 else typed_name(person, r)
    address = typed_address(person.addresses[-1], r)
    person.autofill = ",".join([cell(c) for c in (name, email, typed_phone, ship_name, *address)])
    return f"{cell(customer_id)},{person.autofill}"


def payment_method(person: Person, r: random.Random) -> str:
    country, behaviour = person.country, person.behaviour
    cod = country.cod if behaviour.cod is None else behaviour.cod
    if r.random() < cod:
        return "cod"
    x = r.random()
    for method, share in country.prepaid:
        x -= share
        if x < 0:
            return method
    return country.prepaid[0][0]


def state_at(order: Order, end: int) -> tuple[int, str, str]:
    """(last change, status, payment status) as they stood at `end`."""
    changed, status, payment = order.placed, "placed", "pending"
    for at, new_status, new_payment in order.events:
        if at > end:
            break
        changed = at
        status = new_status or status
        payment = new_payment or payment
    refunded = sum(amount for at, amount in order.refunds if at <= end)
    if refunded and payment in ("paid", "partially_refunded", "refunded"):
        payment = "refunded" if refunded >= order.total else "partially_refunded"
        changed = max(changed, max(at for at, _ in order.refunds if at <= end))
    return changed, status, payment


def order_rows(order: Order, person: Person, state: tuple[int, str, str]) -> list[str]:
    """The order's CSV rows in `state` (see `state_at`): the order columns, then each line's."""
    country = person.country
    currency = country.currency
    changed, status, payment = state
    head = ",".join([
        ORDER, f"#{ORDER}", iso_local(order.placed, country.timezone), iso_utc(changed),
        currency, status, order.method, payment, order.contact, country.code, person.language,
        money(order.shipping, currency), money(order.tax, currency),
        money(order.discount, currency),
    ])  # fmt: skip
    return [f"{head},{line.tail}" for line in order.lines]


__all__ = ["Order", "contact", "order_rows", "payment_method", "state_at"]
