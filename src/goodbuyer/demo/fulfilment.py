"""From placed to the door: confirmation (seed 004's ladder for cash on delivery), payment,
shipping, and the parcel's fate; order status and payment status follow each step."""

from __future__ import annotations

from goodbuyer.demo.countries import money
from goodbuyer.demo.orders import Order
from goodbuyer.demo.people import Person
from goodbuyer.demo.run import Run
from goodbuyer.demo.shipping import send, shipment_rows
from goodbuyer.demo.tickets import open_ticket
from goodbuyer.demo.timeline import DAY, HOUR, MINUTE, at_local_hour, iso_local
from goodbuyer.demo.writer import ORDER, OWN, REF, row

LOST, DAMAGED = 0.006, 0.004  # parcels the carrier loses or breaks, whoever the buyer


def confirm_and_pay(run: Run, person: Person, order: Order, known_good: bool) -> int:
    """Confirmation and payment up to shipping; returns when it ships, or 0 if cancelled."""
    r, placed, events = run.r, order.placed, order.events
    if order.cod:
        ready = _confirm_cod(run, person, order, known_good)
        if not ready:
            return 0
    else:
        ready = _prepay(run, order)
        if not ready:
            return 0
    if r.random() < person.behaviour.cancel:
        at = ready + int((10 + r.random() * 300) * MINUTE)
        _cancel(run, person, order, at)
        return 0
    zone = person.country.timezone
    ship_at = at_local_hour(ready + int((2 + r.random() * 26) * HOUR), zone, 9 + r.random() * 8)
    capture = "paid" if order.method in ("card", "other") else ""
    events.append((ship_at, "shipped", capture))
    return max(ship_at, placed + MINUTE)


def _confirm_cod(run: Run, person: Person, order: Order, known_good: bool) -> int:
    """Known good customers are confirmed at once (R3.5); others by SMS, WhatsApp, e-mail,
    then a call; ghosts never confirm and end in the ghost box (R3.4)."""
    r, placed, events = run.r, order.placed, order.events
    if known_good:
        events.append((placed + 20, "confirmed", ""))
        return placed + 20
    events.append((placed + 30 + int(r.random() * 40), "awaiting_confirmation", ""))
    if (person.ghost and r.random() < 0.75) or (not person.ghost and r.random() < 0.03):
        events.append((placed + int((1 + r.random() * 2) * DAY), "cancelled", "voided"))
        return 0
    if person.ghost:  # shipped unconfirmed, by mistake or before the ladder existed
        return placed + int((2 + r.random() * 20) * HOUR)
    x = r.random()
    if x < 0.7:
        delay = (1 + r.random() * 50) * MINUTE
    elif x < 0.9:
        delay = (4 + r.random() * 3) * HOUR
    else:
        delay = (1 + r.random()) * DAY
    events.append((placed + int(delay), "confirmed", ""))
    return placed + int(delay)


def _prepay(run: Run, order: Order) -> int:
    r, placed, events = run.r, order.placed, order.events
    if order.method == "wallet":
        events.append((placed, "confirmed", "paid"))
    elif order.method == "bank_transfer":
        if r.random() < 0.03:
            events.append((placed + 7 * DAY, "cancelled", "voided"))
            return 0
        paid = placed + int((0.2 + r.random() * 2) * DAY)
        events.append((paid, "confirmed", "paid"))
        return paid
    else:
        events.append((placed, "confirmed", "authorized"))
    return placed


def _cancel(run: Run, person: Person, order: Order, at: int) -> None:
    """The customer cancels before shipping; money already taken is refunded."""
    paid = any(p == "paid" for _, _, p in order.events)
    order.events.append((at, "cancelled", "" if paid else "voided"))
    if paid:
        refund(run, person, order, at + int(within_hours(run, 0.05, 0.5)), order.total, "cancelled")
    if run.r.random() < 0.5:
        open_ticket(run, person, order, "cancel", at - int(within_hours(run, 0.1, 1)))


def within_hours(run: Run, low: float, high: float) -> float:
    """A random time span between `low` and `high` hours, in seconds."""
    return (low + run.r.random() * (high - low)) * HOUR


def refund(
    run: Run, person: Person, order: Order, at: int, amount: int, reason: str, ret: int = -1
) -> None:
    """Money back (never more than is left of what was paid): it changes the order's
    payment status and writes a refunds row."""
    amount = min(amount, order.total - sum(done for _, done in order.refunds))
    if amount <= 0:
        return
    order.refunds.append((at, amount))
    if at > run.end:
        return
    currency = person.country.currency
    return_id = "R-" + REF if ret >= 0 else ""
    fields = ["RF-" + OWN, ORDER, "csv", money(amount, currency), currency, reason, return_id,
              iso_local(at, person.country.timezone)]  # fmt: skip
    run.sink.add("refunds", at, [row(fields)], order=order.slot, ref=ret)
    run.tally.refunds += 1
    run.tally.refunded += amount


def fate(run: Run, person: Person, order: Order) -> str:
    """What will happen to the parcel."""
    r, behaviour = run.r, person.behaviour
    if person.ghost:
        return "returned_to_origin"
    x = r.random()
    if order.cod and x < behaviour.refuse:
        return "refused"
    y = r.random()
    if y < LOST:
        return "lost"
    if y < LOST + DAMAGED:
        return "damaged"
    if y < LOST + DAMAGED + (0.012 if order.cod else 0.003):
        return "returned_to_origin"
    return "delivered"


def ship(
    run: Run, person: Person, order: Order, at: int, outcome: str, late: bool
) -> list[tuple[int, str, str]]:
    """Hand a parcel to the carrier; write its scans; move the order along its fate."""
    r, country = run.r, person.country
    order.parcels += 1
    parcel = send(order.parcels, outcome, at, country, late, r)
    order.carrier, order.tracking, order.url = parcel.carrier.name, parcel.tracking, parcel.url
    if at <= run.end:
        city, bare = person.addresses[-1].city, r.random() < 0.03
        rows = shipment_rows(parcel, country.timezone, city, run.end, r, bare)
        run.sink.add("shipments", at, rows, order=order.slot)
    _follow(run, person, order, parcel.scans)
    return parcel.scans


def _follow(run: Run, person: Person, order: Order, scans: list[tuple[int, str, str]]) -> None:
    """Move the order along what the last scan says; a lost or broken parcel is mostly
    sent again, otherwise the order comes back (or is called off) and the money too."""
    last_at, last = scans[-1][0], scans[-1][1]
    unpaid = "unpaid" if order.cod else ""
    broken = scans[-2][1] == "damaged"
    if last == "delivered":
        order.delivered_at = last_at
        order.events.append((last_at, "delivered", "paid" if order.cod else ""))
    elif last == "returned_to_origin" and scans[-2][1] == "refused":
        order.events.append((scans[-2][0], "refused", unpaid))
        _money_back(run, person, order, last_at, "refused")
    elif order.parcels == 1 and (last == "lost" or broken) and run.r.random() < 0.75:
        ship(run, person, order, last_at + int(within_hours(run, 4, 30)), "delivered", False)
    elif last == "returned_to_origin":
        order.events.append((last_at, "returned_to_origin", unpaid))
        _money_back(run, person, order, last_at, "damaged" if broken else "returned to origin")
    else:  # lost for good: the shop calls the order off
        order.events.append((last_at, "cancelled", "voided" if order.cod else ""))
        if not order.cod:
            refund(
                run, person, order, last_at + int(within_hours(run, 0.05, 0.5)), order.total, "lost"
            )


def _money_back(run: Run, person: Person, order: Order, back: int, reason: str) -> None:
    if not order.cod:
        refund(run, person, order, back + int(within_hours(run, 12, 96)), order.total, reason)


__all__ = ["confirm_and_pay", "fate", "refund", "ship"]
