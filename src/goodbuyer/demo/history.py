"""One customer's two years with the shop: when they order, under which identity, what
happens to each order, and what they do after delivery, as their archetype would."""

from __future__ import annotations

from goodbuyer.demo import aftersales, phones
from goodbuyer.demo.catalog import basket, subscription
from goodbuyer.demo.fulfilment import confirm_and_pay, fate, ship
from goodbuyer.demo.orders import Order, contact, order_rows, payment_method, state_at
from goodbuyer.demo.people import Person, account_id, new_email, phone_number
from goodbuyer.demo.run import Run
from goodbuyer.demo.surveys import nps_after_delivery
from goodbuyer.demo.tickets import open_ticket
from goodbuyer.demo.timeline import DAY, HOUR, MINUTE, order_moment, seasonal_day

_SHOP_ERRORS = 0.008  # wrong item sent; damage found on unpacking (each)
_ABUSER_DISPUTES = ("fraudulent", "product_not_received", "product_unacceptable")
_HONEST_DISPUTES = ("fraudulent", "duplicate", "credit_not_processed")
_COMPLAINTS = ("where_is_order", "damaged", "return", "not_received", "general")


def schedule(person: Person, count: int, days: tuple[int, int], run: Run) -> list[tuple[int, bool]]:
    """When the person orders (within their active `days`, seasonal, in local shopping
    hours), and whether an order repeats the one before: an ignorant rogue sometimes
    places the same order twice within minutes."""
    r, behaviour = run.r, person.behaviour
    first_day = run.start // DAY
    picked = [seasonal_day(first_day + days[0], first_day + days[1], r) for _ in range(count)]
    zone = person.country.timezone
    times = sorted(min(max(order_moment(d * DAY, zone, r), run.start), run.end - 1) for d in picked)
    planned = [(times[0], False)]
    for at in times[1:]:
        if r.random() < behaviour.double:
            at = min(planned[-1][0] + int((2 + r.random() * 28) * MINUTE), run.end - 1)
        planned.append((at, at - planned[-1][0] < HOUR and behaviour.double > 0))
    return planned


def simulate(person: Person, first_slot: int, count: int, days: tuple[int, int], run: Run) -> None:
    """Play the person's whole history and write its records to the run's sink."""
    r = run.r
    if r.random() < person.behaviour.account:
        person.accounts.append(account_id(person, run.seed))
    known_good, previous = False, None
    for i, (placed, twin) in enumerate(schedule(person, count, days, run)):
        if i and r.random() < person.behaviour.identity_change:
            _new_identity(person, run)
        order = _place(person, first_slot + i, placed, run, previous if twin else None)
        _live(run, person, order, known_good, twin)
        known_good = known_good or (order.delivered_at > 0 and not person.ghost)
        _emit(run, person, order)
        previous = order


def _new_identity(person: Person, run: Run) -> None:
    """Back with a new e-mail, a new phone, or both (and now and then a new account)."""
    r = run.r
    person.autofill = ""
    x = r.random()
    if x < 0.7:
        person.emails.append(new_email(person, r))
    if x > 0.5:
        ghost = person.ghost
        nsn = (
            phones.invalid_number(person.country.code, r)
            if ghost
            else phone_number(person, run.seed)
        )
        person.phones.append(nsn)
    if person.accounts and r.random() < 0.4:
        person.accounts.append(account_id(person, run.seed))


def _place(person: Person, slot: int, placed: int, run: Run, twin_of: Order | None) -> Order:
    r, country, behaviour = run.r, person.country, person.behaviour
    customer_id = person.accounts[-1] if person.accounts and r.random() < 0.85 else ""
    if twin_of is not None:
        lines, method = list(twin_of.lines), twin_of.method
    else:
        lines, method = basket(behaviour.basket, person.fit, country, r), payment_method(person, r)
        if r.random() < 0.006:
            lines.append(subscription(person.fit, country))
    order = Order(slot, placed, lines, method, 0, 0, 0, contact(person, customer_id, r))
    subtotal = order.subtotal = sum(line.unit_price * line.quantity for line in lines)
    order.shipping = 0 if subtotal >= country.free_over else country.fee
    order.discount = _discount(person, subtotal, run)
    order.tax = round((subtotal - order.discount) * country.tax * (0.6 + 0.6 * r.random()))
    return order


def _discount(person: Person, subtotal: int, run: Run) -> int:
    r, tone = run.r, person.behaviour.tone
    share = 0.4 if tone == "negotiate" else (0.15 if person.behaviour.order_weight >= 3 else 0.08)
    if r.random() >= share:
        return 0
    return subtotal * (10 if r.random() < 0.8 else 20) // 100 // 100 * 100


def _live(run: Run, person: Person, order: Order, known_good: bool, twin: bool) -> None:
    r, behaviour = run.r, person.behaviour
    if behaviour.tone == "negotiate" and r.random() < behaviour.tickets:
        open_ticket(
            run, person, None, "discount_request", order.placed - int((1 + r.random() * 40) * HOUR)
        )
    if twin and r.random() < 0.6:  # "I ordered twice by accident"
        order.events.append(
            (order.placed + int((1 + r.random() * 8) * HOUR), "cancelled", "voided")
        )
        open_ticket(run, person, order, "cancel", order.placed + int(r.random() * HOUR))
        return
    ship_at = confirm_and_pay(run, person, order, known_good)
    if not ship_at:
        return
    outcome, late = fate(run, person, order), r.random() < person.country.late
    if r.random() < behaviour.wrong_address and outcome == "delivered":
        open_ticket(
            run, person, order, "change_address", ship_at + int((3 + r.random() * 30) * HOUR)
        )
        outcome, late = ("returned_to_origin", False) if r.random() < 0.5 else ("delivered", True)
    scans = ship(run, person, order, ship_at, outcome, late)
    promised_late = late and outcome == "delivered"
    if promised_late and r.random() < (0.9 if behaviour.tone == "unrealistic" else 0.35):
        open_ticket(
            run, person, order, "where_is_order", scans[-1][0] - int((6 + r.random() * 30) * HOUR)
        )
    if order.delivered_at:
        _after_delivery(run, person, order, late)


def _after_delivery(run: Run, person: Person, order: Order, late: bool) -> None:
    r, behaviour = run.r, person.behaviour
    if r.random() < behaviour.claim:
        aftersales.claim_not_received(run, person, order)
        return
    if not order.cod and r.random() < (behaviour.chargeback or 0.002):
        reasons = _ABUSER_DISPUTES if behaviour.chargeback else _HONEST_DISPUTES
        opened = order.delivered_at + int((15 + r.random() * 45) * DAY)
        aftersales.chargeback(run, person, order, r.choice(reasons), opened)
    store_error = _return(run, person, order)
    _complain(run, person, order)
    if any(line.kind == "subscription" for line in order.lines) and r.random() < 0.4:
        renewed = order.placed + int((30 + r.random() * 5) * DAY)
        open_ticket(run, person, order, "subscription", renewed)
    nps_after_delivery(run, person, order, 2.0 * late + 3.0 * store_error)


def _return(run: Run, person: Person, order: Order) -> bool:
    """Returns the shop caused (wrong item, damage) and those the customer chooses; tells
    whether the shop was at fault."""
    r, behaviour = run.r, person.behaviour
    x = r.random()
    if x < 2 * _SHOP_ERRORS:
        intent = "wrong_item" if x < _SHOP_ERRORS else "damaged"
        open_ticket(run, person, order, intent, order.delivered_at + int(r.random() * DAY))
        aftersales.request_return(run, person, order, "normal", intent)
        return True
    if r.random() < behaviour.returns:
        style = "unrealistic" if behaviour.tone == "unrealistic" else behaviour.return_style
        aftersales.request_return(run, person, order, style)
    elif r.random() < 0.004:
        aftersales.request_return(run, person, order, "normal", "cancelled_after_shipping", True)
    return False


def _complain(run: Run, person: Person, order: Order) -> None:
    """Questions and complaints with no other cause, in the person's tone."""
    r, behaviour = run.r, person.behaviour
    if r.random() >= behaviour.tickets or behaviour.tone == "negotiate":
        return
    at = order.delivered_at + int((0.2 + r.random() * 6) * DAY)
    if behaviour.tone == "unrealistic":
        intent = "unrealistic"
    elif behaviour.tone in ("threat", "abusive"):
        intent = _COMPLAINTS[int(r.random() * len(_COMPLAINTS))]
    else:
        intent = "general" if r.random() < 0.7 else "where_is_order"
    open_ticket(run, person, order if intent != "general" or r.random() < 0.5 else None, intent, at)


def _emit(run: Run, person: Person, order: Order) -> None:
    order.events.sort(key=lambda e: e[0])
    state = state_at(order, run.end)
    run.sink.add("orders", order.placed, order_rows(order, person, state), own=order.slot)
    status = state[1]
    tally = run.tally
    if status == "delivered":
        tally.delivered += 1
        tally.spend += order.total
    elif status in ("refused", "returned_to_origin", "cancelled"):
        setattr(tally, status, getattr(tally, status) + 1)


__all__ = ["schedule", "simulate"]
