"""After delivery: returns (honest, worn, in bulk, bracketed), "never arrived" claims and
chargebacks, each with its refund when one is due (seeds 000, 001, 003)."""

from __future__ import annotations

from dataclasses import dataclass

from goodbuyer.demo.catalog import Line
from goodbuyer.demo.countries import money
from goodbuyer.demo.fulfilment import refund, ship, within_hours
from goodbuyer.demo.messages import text
from goodbuyer.demo.orders import Order
from goodbuyer.demo.people import Person
from goodbuyer.demo.run import RETURN_WINDOW_DAYS, Run
from goodbuyer.demo.tickets import open_ticket
from goodbuyer.demo.timeline import DAY, iso_local, iso_utc
from goodbuyer.demo.writer import ORDER, OWN, row

_REASONS = {
    "normal": (
        ("size", 0.35),
        ("changed_mind", 0.3),
        ("not_as_described", 0.2),
        ("damaged", 0.05),
        ("other", 0.1),
    ),
    "bracket": (("size", 0.8), ("changed_mind", 0.2)),
    "worn": (("changed_mind", 0.4), ("not_as_described", 0.3), ("size", 0.3)),
    "bulk": (("changed_mind", 0.5), ("size", 0.25), ("not_as_described", 0.25)),
    "unrealistic": (("not_as_described", 0.7), ("changed_mind", 0.3)),
}
_DELAY_DAYS = {
    "normal": (2, 14),
    "bracket": (2, 7),
    "bulk": (3, 12),
    "unrealistic": (1, 6),
    "worn": (RETURN_WINDOW_DAYS - 6, RETURN_WINDOW_DAYS - 1),
}
_NOTED = frozenset({"size", "changed_mind", "not_as_described", "damaged", "wrong_item", "late"})
PHOTOS = "https://cdn.lumi-and-co.example/returns/R-{own}/{n}.jpg"


def _reason(style: str, run: Run) -> str:
    x = run.r.random()
    for reason, share in _REASONS[style]:
        x -= share
        if x < 0:
            return reason
    return _REASONS[style][0][0]


def _returned_lines(order: Order, style: str, run: Run) -> list[tuple[Line, int]]:
    r, lines = run.r, order.lines
    if style == "bracket" and len(lines) > 1:
        keep = int(r.random() * len(lines)) if r.random() < 0.8 else -1
        return [(ln, ln.quantity) for i, ln in enumerate(lines) if i != keep]
    if style == "bulk":
        chosen = [(ln, ln.quantity) for ln in lines if r.random() < 0.8]
        return chosen or [(lines[0], lines[0].quantity)]
    if style == "worn":
        worn = [ln for ln in lines if ln.kind == "occasion"] or lines[:1]
        return [(ln, ln.quantity) for ln in worn]
    line = lines[int(r.random() * len(lines))]
    return [(line, line.quantity if r.random() < 0.7 else 1)]


@dataclass(slots=True)
class _Return:
    lines: list[tuple[Line, int]]  # (line, quantity returned)
    reason: str
    condition: str  # unused, worn, damaged
    flow: list[tuple[int, str]]  # (when, status)
    store_error: bool  # wrong item or damaged: the shop pays the shipping back too


def request_return(
    run: Run, person: Person, order: Order, style: str, reason: str = "", everything: bool = False
) -> None:
    """A return of some lines of a delivered order, with its life up to the end."""
    r = run.r
    low, high = _DELAY_DAYS.get(style, (2, 14))
    requested = order.delivered_at + int((low + r.random() * (high - low)) * DAY)
    if requested > run.end:
        return
    reason = reason or _reason(style, run)
    store_error = reason in ("wrong_item", "damaged")
    if everything:
        lines = [(ln, ln.quantity) for ln in order.lines]
    else:
        lines = _returned_lines(order, style, run)[: 1 if store_error else None]
    worn = style == "worn" and r.random() < 0.85
    condition = "worn" if worn else ("damaged" if reason == "damaged" else "unused")
    flow, refunded = _flow(run, requested, reason, condition)
    key = _write(run, person, order, _Return(lines, reason, condition, flow, store_error))
    if refunded:
        value = sum(ln.unit_price * qty for ln, qty in lines)
        amount = value * (order.subtotal - order.discount) // order.subtotal  # discount shared
        amount += order.shipping if store_error else 0
        refund(run, person, order, refunded, amount, "return", key)
    if not store_error and r.random() < 0.25:
        open_ticket(run, person, order, "return", requested - int(within_hours(run, 1, 30)))


def _flow(
    run: Run, requested: int, reason: str, condition: str
) -> tuple[list[tuple[int, str]], int]:
    """The return's statuses over time and when it was refunded (0: never)."""
    r = run.r
    flow = [(requested, "requested")]
    at = requested
    if reason in ("damaged", "wrong_item") and r.random() < 0.6:
        at += int(within_hours(run, 1, 10))
        flow.append((at, "awaiting_photos"))
    at += int(within_hours(run, 2, 30))
    flow.append((at, "approved"))
    at += int((3 + r.random() * 7) * DAY)
    flow.append((at, "received"))
    at += int((1 + r.random() * 2) * DAY)
    if condition == "worn" and r.random() < 0.3:
        flow.append((at, "rejected"))
        return flow, 0
    if reason == "size" and r.random() < 0.1:
        flow.append((at, "closed"))  # exchanged for another size
        return flow, 0
    flow.append((at, "refunded"))
    return flow, at


def _write(run: Run, person: Person, order: Order, ret: _Return) -> int:
    r, currency, zone = run.r, person.country.currency, person.country.timezone
    updated, status = max((f for f in ret.flow if f[0] <= run.end), key=lambda f: f[0])
    noted = r.random() < 0.35 and ret.reason in _NOTED
    note = text(person.language, f"reason_{ret.reason}", r) if noted else ""
    count = 1 + int(r.random() * 3) if ret.store_error else 0
    photos = " ".join(PHOTOS.format(own=OWN, n=n) for n in range(1, count + 1))
    requested = ret.flow[0][0]
    head = ["R-" + OWN, ORDER, "csv", status, ret.reason, note, photos,
            iso_local(requested, zone), iso_utc(updated)]  # fmt: skip
    rows = [
        row([*head, ln.sku, str(qty), money(ln.unit_price, currency), ret.condition])
        for ln, qty in ret.lines
    ]
    run.tally.returned_lines += sum(qty for _, qty in ret.lines)
    return run.sink.add("returns", requested, rows, order=order.slot)


def claim_not_received(run: Run, person: Person, order: Order) -> None:
    """'It never arrived', although the carrier scanned it delivered (seed 001)."""
    r = run.r
    at = order.delivered_at + int((0.5 + r.random() * 4) * DAY)
    open_ticket(run, person, order, "not_received", at)
    x = r.random()
    if not order.cod and x < 0.15:
        chargeback(
            run, person, order, "product_not_received", at + int((5 + r.random() * 15) * DAY)
        )
    elif x < 0.7:
        refund(
            run, person, order, at + int((2 + r.random() * 4) * DAY), order.total, "not received"
        )
    elif x < 0.9:
        ship(run, person, order, at + int((1 + r.random() * 2) * DAY), "delivered", False)


def chargeback(run: Run, person: Person, order: Order, reason: str, opened: int) -> None:
    """A dispute through the bank, to its outcome; an abuser also asks for a resend (R4.8)."""
    if opened > run.end:
        return
    r, currency, zone = run.r, person.country.currency, person.country.timezone
    flow = _dispute(run, opened)
    updated, status = max((f for f in flow if f[0] <= run.end), key=lambda f: f[0])
    resolved = iso_utc(updated) if status in ("accepted", "won", "lost") else ""
    fields = ["CB-" + OWN, ORDER, "csv", money(order.total, currency), currency, reason,
              status, iso_local(opened, zone), resolved, iso_utc(updated)]  # fmt: skip
    run.sink.add("chargebacks", opened, [row(fields)], order=order.slot)
    run.tally.chargebacks += 1
    if person.behaviour.chargeback and r.random() < 0.5:
        open_ticket(run, person, order, "resend", opened + int((1 + r.random() * 5) * DAY))


def _dispute(run: Run, opened: int) -> list[tuple[int, str]]:
    """Accepted by the shop, or reviewed by the bank and then won or lost."""
    r = run.r
    x = r.random()
    if x < 0.2:
        return [(opened, "open"), (opened + int((2 + r.random() * 4) * DAY), "accepted")]
    review = opened + int((3 + r.random() * 7) * DAY)
    decided = review + int((25 + r.random() * 45) * DAY)
    return [(opened, "open"), (review, "under_review"), (decided, "won" if x < 0.65 else "lost")]


__all__ = ["chargeback", "claim_not_received", "request_return"]
