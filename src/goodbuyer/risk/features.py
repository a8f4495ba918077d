"""The feature vocabulary of decisions (pure): every name a policy condition may read,
with its type and meaning, and how the values are made from an order and what is known
about its person at the time.

Features are a flat mapping of dotted names to values (`"customer.refused": 2`); lists
are tuples so that a condition's inputs can key a cache.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from goodbuyer.identity.outcomes import OrderOutcome
from goodbuyer.risk.facts import PersonFacts, PlacedOrder

Value = str | int | float | bool | tuple[str, ...]
Features = dict[str, Value]

VOCABULARY: dict[str, tuple[type, str]] = {
    # the order being decided
    "order.payment": (str, "payment method: cod, card, wallet, bank_transfer, other"),
    "order.total": (int, "total in minor units of the order's currency"),
    "order.currency": (str, "ISO 4217 currency of the order"),
    "order.value": (int, "total in minor units of the policy's currency"),
    "order.country": (str, "shipping country, ISO 3166 alpha-2"),
    "order.items": (int, "number of items (sum of quantities)"),
    "order.lines": (int, "number of order lines"),
    "order.max_variants": (int, "most sizes/colours of one product in the basket"),
    "order.has_house_number": (bool, "the shipping address has a house number"),
    # the person who placed it, across all their customer records, before this order
    "customer.orders": (int, "earlier orders"),
    "customer.delivered": (int, "earlier orders delivered and paid"),
    "customer.refused": (int, "earlier orders refused at the door"),
    "customer.returned_to_origin": (int, "earlier orders never collected"),
    "customer.unpaid": (int, "earlier cash-on-delivery orders left unpaid"),
    "customer.unsuccessful": (int, "refused + returned to origin + unpaid"),
    "customer.cancelled": (int, "earlier orders cancelled"),
    "customer.open": (int, "earlier orders not finished yet"),
    "customer.chargebacks": (int, "earlier orders charged back"),
    "customer.cod_orders": (int, "earlier cash-on-delivery orders"),
    "customer.prepaid_since_unsuccessful": (
        int, "prepaid orders delivered since the last unsuccessful one",
    ),
    "customer.returns": (int, "returns asked for"),
    "customer.return_rate": (float, "returned items / delivered items"),
    "customer.worn_returns": (int, "returns with items sent back worn"),
    "customer.bulk_returns": (int, "returns of most of a large basket"),
    "customer.bracket_returns": (int, "returns from baskets with several sizes/colours"),
    "customer.late_returns": (int, "returns asked for near the end of the window"),
    "customer.not_received_claims": (int, "'never arrived' refunds and disputes"),
    "customer.double_orders": (int, "the same basket again within an hour"),
    "customer.wrong_address_claims": (int, "tickets about a wrong or changed address"),
    "customer.tickets": (int, "support tickets"),
    "customer.threats": (int, "tickets threatening reviews, lawyers or chargebacks"),
    "customer.abusive": (int, "tickets insulting the staff"),
    "customer.discount_requests": (int, "tickets asking for discounts or freebies"),
    "customer.unrealistic": (int, "tickets complaining about normal things"),
    "customer.net_value": (int, "delivered spend minus refunds, policy currency minor units"),
    "customer.tenure_days": (int, "days since the first order"),
    "customer.segments": (tuple, "segments the person is in"),
    "customer.snoozed": (tuple, "rules snoozed for this customer"),
    # the household (same address, other people), before this order
    "household.orders": (int, "earlier orders of the household"),
    "household.unsuccessful": (int, "of which refused, returned to origin or unpaid"),
    # orders sharing a contact point in a window, this one included
    "velocity.person_1h": (int, "orders of the person in the last hour"),
    "velocity.person_24h": (int, "orders of the person in the last 24 hours"),
    "velocity.phone_24h": (int, "orders with this phone in the last 24 hours"),
    "velocity.email_24h": (int, "orders with this e-mail in the last 24 hours"),
    "velocity.address_24h": (int, "orders to this building in the last 24 hours"),
    "velocity.duplicate_1h": (bool, "the same basket from the person within an hour"),
    # the order's own contact data
    "ghost.score": (float, "0..1, how fake the contact data looks"),
    "ghost.signals": (tuple, "codes of the ghost signals found"),
    # red flags of the history check
    "history.flags": (tuple, "red flag codes, e.g. refused, returned_to_origin_household"),
    # block and allow lists
    "lists.block": (tuple, "subjects on the block list: phone, email, address, ..."),
    "lists.allow": (tuple, "subjects on the allow list"),
    # the learned model (-1 when no model is trained)
    "model.rto_risk": (float, "P(refused or returned to origin), cash-on-delivery orders"),
    "model.return_risk": (float, "P(the order gets a return)"),
}  # fmt: skip

ROOTS = frozenset(name.split(".", 1)[0] for name in VOCABULARY) | {"thresholds"}

_PERSON = {
    "customer.delivered": (OrderOutcome.DELIVERED_PAID,),
    "customer.refused": (OrderOutcome.REFUSED,),
    "customer.returned_to_origin": (OrderOutcome.RETURNED_TO_ORIGIN,),
    "customer.unpaid": (OrderOutcome.UNPAID,),
    "customer.unsuccessful": (
        OrderOutcome.REFUSED, OrderOutcome.RETURNED_TO_ORIGIN, OrderOutcome.UNPAID,
    ),
    "customer.cancelled": (OrderOutcome.CANCELLED,),
    "customer.chargebacks": (OrderOutcome.CHARGED_BACK,),
}  # fmt: skip
_UNSUCCESSFUL = _PERSON["customer.unsuccessful"]
_TAGS = {
    "customer.threats": ("threat_review", "threat_legal", "threat_chargeback"),
    "customer.abusive": ("abusive",),
    "customer.discount_requests": ("discount_request",),
    "customer.unrealistic": ("unrealistic",),
    "customer.wrong_address_claims": ("change_address",),
}
_FLAG_CODES = (
    (OrderOutcome.REFUSED, "refused"),
    (OrderOutcome.RETURNED_TO_ORIGIN, "returned_to_origin"),
    (OrderOutcome.UNPAID, "unpaid"),
    (OrderOutcome.CHARGED_BACK, "charged_back"),
)


@dataclass(frozen=True, slots=True)
class Velocity:
    person_1h: int = 1
    person_24h: int = 1
    phone_24h: int = 1
    email_24h: int = 1
    address_24h: int = 1
    duplicate_1h: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """Everything besides the order and its person that a decision reads."""

    country: str = ""
    has_house_number: bool = True
    velocity: Velocity = field(default_factory=Velocity)
    ghost_score: float = 0.0
    ghost_signals: tuple[str, ...] = ()
    block: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    snoozed: tuple[str, ...] = ()
    rto_risk: float = -1.0
    return_risk: float = -1.0


def customer_features(facts: PersonFacts, now: datetime) -> Features:
    """The `customer.*` features of a person's facts (segments and snoozes left out)."""
    counts = facts.counts
    out: Features = {
        name: sum([counts.get(o, 0) for o in outcomes]) for name, outcomes in _PERSON.items()
    }
    tags = facts.ticket_tags
    for name, codes in _TAGS.items():
        out[name] = sum(tags.get(c, 0) for c in codes)
    out.update({
        "customer.orders": len(facts.placed),
        "customer.open": len(facts.placed) - len(facts.outcomes),
        "customer.cod_orders": facts.cod_orders,
        "customer.prepaid_since_unsuccessful": facts.prepaid_since_unsuccessful,
        "customer.returns": facts.returns,
        "customer.return_rate": round(facts.returned_items / facts.delivered_items, 4)
        if facts.delivered_items else 0.0,
        "customer.worn_returns": facts.worn_returns,
        "customer.bulk_returns": facts.bulk_returns,
        "customer.bracket_returns": facts.bracket_returns,
        "customer.late_returns": facts.late_returns,
        "customer.not_received_claims": facts.not_received_claims,
        "customer.double_orders": facts.double_orders,
        "customer.tickets": facts.tickets,
        "customer.net_value": facts.delivered_value - facts.refunded,
        "customer.tenure_days": (now - facts.first_at).days if facts.first_at else 0,
    })  # fmt: skip
    return out


def red_flag_codes(person: PersonFacts, household: Sequence[PersonFacts]) -> tuple[str, ...]:
    """The history check's red flag codes from the facts (see identity.outcomes)."""
    codes = [code for outcome, code in _FLAG_CODES if person.count(outcome)]
    codes += [
        f"{code}_household"
        for outcome, code in _FLAG_CODES
        if any(h.count(outcome) for h in household)
    ]
    return tuple(codes)


def order_features(
    order: PlacedOrder,
    person: PersonFacts,
    household: Sequence[PersonFacts],
    context: Context,
    *,
    customer: Features | None = None,
) -> Features:
    """All features of an order, given its person's facts before it. `customer` may pass
    the person's `customer_features` when they were computed already."""
    v = context.velocity
    features: Features = {
        "order.payment": order.payment, "order.total": order.total,
        "order.currency": order.currency, "order.country": context.country,
        "order.value": person.money.value(order.total, order.currency),
        "order.items": order.items, "order.lines": len(order.basket),
        "order.max_variants": order.max_variants,
        "order.has_house_number": context.has_house_number,
    }  # fmt: skip
    features.update(
        customer if customer is not None else customer_features(person, order.placed_at)
    )
    features.update({
        "customer.segments": context.segments, "customer.snoozed": context.snoozed,
        "household.orders": sum(len(h.placed) for h in household),
        "household.unsuccessful": sum(h.count(*_UNSUCCESSFUL) for h in household),
        "velocity.person_1h": v.person_1h, "velocity.person_24h": v.person_24h,
        "velocity.phone_24h": v.phone_24h, "velocity.email_24h": v.email_24h,
        "velocity.address_24h": v.address_24h, "velocity.duplicate_1h": v.duplicate_1h,
        "ghost.score": round(context.ghost_score, 4), "ghost.signals": context.ghost_signals,
        "history.flags": red_flag_codes(person, household),
        "lists.block": context.block, "lists.allow": context.allow,
        "model.rto_risk": context.rto_risk, "model.return_risk": context.return_risk,
    })  # fmt: skip
    return features


def person_velocity(person: PersonFacts, order: PlacedOrder) -> tuple[int, int, bool]:
    """(orders in the last hour, in the last 24 hours, same basket within an hour) of the
    person, this order included."""
    hour = day = 1
    duplicate = False
    for past in person.placed.values():
        if past.order_id == order.order_id:
            continue
        seconds = (order.placed_at - past.placed_at).total_seconds()
        if 0 <= seconds <= 86400:
            day += 1
            if seconds <= 3600:
                hour += 1
                duplicate = duplicate or (bool(order.basket) and past.basket == order.basket)
    return hour, day, duplicate


def check_vocabulary(features: Mapping[str, Value]) -> list[str]:
    """Names missing from, or not in, the vocabulary (empty when they match)."""
    missing = sorted(set(VOCABULARY) - set(features))
    extra = sorted(set(features) - set(VOCABULARY))
    return [f"missing {m}" for m in missing] + [f"unknown {e}" for e in extra]


__all__ = [
    "ROOTS", "VOCABULARY", "Context", "Features", "Value", "Velocity", "check_vocabulary",
    "customer_features", "order_features", "person_velocity", "red_flag_codes",
]  # fmt: skip
