"""NPS after a delivery and CSAT after a ticket: scores that follow each archetype's mood."""

from __future__ import annotations

from goodbuyer.demo.messages import text
from goodbuyer.demo.orders import Order
from goodbuyer.demo.people import Person
from goodbuyer.demo.run import Run
from goodbuyer.demo.timeline import DAY, HOUR, iso_local
from goodbuyer.demo.writer import ORDER, OWN, REF, row

NPS_RESPONSE = 0.12
CSAT_RESPONSE = 0.25


def _comment(language: str, score: float, high: float, low: float, run: Run) -> str:
    if run.r.random() > 0.4:
        return ""
    mood = "positive" if score >= high else ("negative" if score <= low else "neutral")
    return text(language, f"survey_{mood}", run.r)


def nps_after_delivery(run: Run, person: Person, order: Order, penalty: float) -> None:
    """An NPS answer a few days after delivery, from one customer in eight."""
    r = run.r
    if not order.delivered_at or r.random() > NPS_RESPONSE:
        return
    at = order.delivered_at + int((1 + r.random() * 4) * DAY)
    if at > run.end:
        return
    score = round(min(10.0, max(0.0, r.gauss(person.behaviour.nps - penalty, 1.3))))
    comment = _comment(person.language, score, 9, 6, run)
    zone = person.country.timezone
    fields = ["A-" + OWN, "nps", str(score), comment, ORDER, "csv", "", iso_local(at, zone)]
    run.sink.add("surveys", at, [row(fields)], order=order.slot)


def csat_after_ticket(run: Run, person: Person, order: Order | None, ticket: int, at: int) -> None:
    """A CSAT answer after the agent's last reply, from one customer in four."""
    r = run.r
    if r.random() > CSAT_RESPONSE:
        return
    answered = at + int((0.5 + r.random() * 30) * HOUR)
    if answered > run.end:
        return
    mean = 1 + person.behaviour.nps / 2.5
    score = round(min(5.0, max(1.0, r.gauss(mean, 0.7))))
    comment = _comment(person.language, score, 5, 2, run)
    order_id, source, slot = (ORDER, "csv", order.slot) if order else ("", "", -1)
    zone = person.country.timezone
    fields = ["A-" + OWN, "csat", str(score), comment, order_id, source, "T-" + REF,
              iso_local(answered, zone)]  # fmt: skip
    run.sink.add("surveys", answered, [row(fields)], order=slot, ref=ticket)


__all__ = ["csat_after_ticket", "nps_after_delivery"]
