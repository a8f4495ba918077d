"""What a policy would have done to past orders, counted (pure): orders per outcome, bad
outcomes caught, good customers hurt, and the money, with every assumption stated.

Definitions (the report repeats them):
- a *bad cash-on-delivery order* was paid on delivery and ended refused, returned to
  origin or unpaid; it is *caught* when the policy gave it confirm or stronger;
- *friction* is any outcome but approve;
- a *good customer* is a person whose whole known history has at least one order
  delivered and paid and none refused, returned to origin, unpaid or charged back; their
  *lifetime value* is what they spent on delivered orders minus refunds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from goodbuyer.identity.outcomes import UNSUCCESSFUL, OrderOutcome
from goodbuyer.policy.document import Costs, Guardrails
from goodbuyer.risk.statuses import Outcome

SAMPLES = 20  # orders kept as examples per kind

ASSUMPTIONS = (
    "A bad cash-on-delivery order caught by confirm is not shipped: a customer who would "
    "refuse or not collect the parcel does not confirm (costs.shipping + "
    "costs.return_shipping saved, costs.confirmation spent).",
    "Review stops a bad order as a confirmation would, for costs.review.",
    "Prepay and reject stop a bad cash-on-delivery order: such customers do not pay up front.",
    "A chargeback is avoided only by review or reject (a card payer confirms and pays "
    "anyway); it saves the goods (order value x (1 - costs.margin)) and costs.shipping.",
    "On other orders, confirm and review lose costs.friction_loss of the margin, prepay "
    "loses costs.prepay_loss of it on cash-on-delivery orders (none on prepaid ones), "
    "reject loses all of it (margin = order value x costs.margin).",
    "Returns are counted, not priced: a return is accepted whatever the outcome.",
)


@dataclass(frozen=True, slots=True)
class Seen:
    """One past order as the backtest weighs it."""

    order: str  # its number
    person: Hashable
    at: datetime
    cod: bool
    value: int  # in the policy's currency, minor units
    ended: OrderOutcome
    returned: bool
    charged_back: bool

    @property
    def bad_cod(self) -> bool:
        return self.cod and self.ended in UNSUCCESSFUL


@dataclass
class Money:
    """Minor units of the policy's currency; positive is money kept."""

    shipping_saved: int = 0
    chargebacks_avoided: int = 0
    confirmations: int = 0
    reviews: int = 0
    friction_lost: int = 0
    prepay_lost: int = 0
    reject_lost: int = 0

    @property
    def net(self) -> int:
        saved = self.shipping_saved + self.chargebacks_avoided
        return saved - self.confirmations - self.reviews - self.friction_lost - \
            self.prepay_lost - self.reject_lost  # fmt: skip

    def add(self, other: Money) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_json(self) -> dict[str, int]:
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return out | {"net": self.net}


def price(costs: Costs, seen: Seen, outcome: Outcome, money: Money) -> None:
    """Add what `outcome` on this order would have saved and cost (see ASSUMPTIONS)."""
    if outcome is Outcome.APPROVE:
        return
    margin = seen.value * costs.margin
    if outcome is Outcome.CONFIRM:
        money.confirmations += costs.confirmation
    elif outcome is Outcome.REVIEW:
        money.reviews += costs.review
    if seen.bad_cod:
        money.shipping_saved += costs.shipping + costs.return_shipping
    elif seen.charged_back and outcome in (Outcome.REVIEW, Outcome.REJECT):
        money.chargebacks_avoided += round(seen.value - margin) + costs.shipping
    elif seen.charged_back:
        return
    elif outcome in (Outcome.CONFIRM, Outcome.REVIEW):
        money.friction_lost += round(margin * costs.friction_loss)
    elif outcome is Outcome.PREPAY:
        money.prepay_lost += round(margin * costs.prepay_loss) if seen.cod else 0
    else:
        money.reject_lost += round(margin)


@dataclass
class Tally:
    """One policy's counts over the replayed orders; tallies of parts of the persons
    merge into the whole."""

    orders: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    cod_orders: int = 0
    bad_cod: int = 0
    bad_cod_caught: Counter[str] = field(default_factory=Counter)  # by outcome
    bad_cod_missed_value: int = 0
    returns: int = 0
    returns_with_friction: int = 0
    chargebacks: int = 0
    chargebacks_caught: int = 0
    friction: int = 0
    good_segment_orders: int = 0
    good_segment_friction: int = 0
    segments: dict[str, list[int]] = field(default_factory=dict)  # name -> [orders, friction]
    rules: Counter[str] = field(default_factory=Counter)  # matched rule -> orders
    windows: dict[int, list[int]] = field(default_factory=dict)  # [orders, friction, good, hit]
    friction_by_person: dict[Hashable, list[int]] = field(default_factory=dict)  # [orders, value]
    money: Money = field(default_factory=Money)
    missed: list[dict[str, Any]] = field(default_factory=list)

    def add(self, seen: Seen, segments: tuple[str, ...], good: bool, outcome: Outcome,
            rules: Iterable[str], window: int, costs: Costs) -> None:  # fmt: skip
        """Count one order given `outcome`; `good` when the person was in a good segment."""
        friction = outcome is not Outcome.APPROVE
        self.orders += 1
        self.outcomes[outcome.value] += 1
        self.friction += friction
        self.cod_orders += seen.cod
        if seen.bad_cod:
            self.bad_cod += 1
            if friction:
                self.bad_cod_caught[outcome.value] += 1
            else:
                self.bad_cod_missed_value += seen.value
                if len(self.missed) < SAMPLES:
                    self.missed.append({"order": seen.order, "ended": seen.ended.value,
                                        "segments": list(segments)})  # fmt: skip
        if seen.returned:
            self.returns += 1
            self.returns_with_friction += friction
        if seen.charged_back:
            self.chargebacks += 1
            self.chargebacks_caught += outcome in (Outcome.REVIEW, Outcome.REJECT)
        counts = self.windows.get(window)
        if counts is None:
            counts = self.windows[window] = [0, 0, 0, 0]
        counts[0] += 1
        counts[1] += friction
        if good:
            self.good_segment_orders += 1
            self.good_segment_friction += friction
            counts[2] += 1
            counts[3] += friction
        for name in segments:
            seg = self.segments.get(name)
            if seg is None:
                seg = self.segments[name] = [0, 0]
            seg[0] += 1
            seg[1] += friction
        if friction:
            self.rules.update(rules)
            hurt = self.friction_by_person.get(seen.person)
            if hurt is None:
                hurt = self.friction_by_person[seen.person] = [0, 0]
            hurt[0] += 1
            hurt[1] += seen.value
            price(costs, seen, outcome, self.money)

    def merge(self, other: Tally) -> None:
        for name in ("orders", "cod_orders", "bad_cod", "bad_cod_missed_value", "returns",
                     "returns_with_friction", "chargebacks", "chargebacks_caught", "friction",
                     "good_segment_orders", "good_segment_friction"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.outcomes.update(other.outcomes)
        self.bad_cod_caught.update(other.bad_cod_caught)
        self.rules.update(other.rules)
        for name, (orders, friction) in other.segments.items():
            seg = self.segments.setdefault(name, [0, 0])
            seg[0] += orders
            seg[1] += friction
        for window, counts in other.windows.items():
            mine = self.windows.setdefault(window, [0, 0, 0, 0])
            for i, n in enumerate(counts):
                mine[i] += n
        self.friction_by_person.update(other.friction_by_person)  # persons never overlap
        self.money.add(other.money)
        self.missed = (self.missed + other.missed)[:SAMPLES]


@dataclass(frozen=True, slots=True)
class Customer:
    """What the shop knows of a person at the end of the history."""

    good: bool
    lifetime_value: int


def good_customers_hurt(
    tally: Tally, customers: dict[Hashable, Customer], good_customers: int
) -> dict[str, Any]:
    """Good customers whose orders got friction, with their lifetime value; `customers`
    has at least every person with friction, `good_customers` counts them all."""
    hurt = [(p, c) for p, c in tally.friction_by_person.items() if customers[p].good]
    value = sum(customers[p].lifetime_value for p, _ in hurt)
    worst = sorted(hurt, key=lambda pc: -customers[pc[0]].lifetime_value)[:SAMPLES]
    return {
        "customers": len(hurt),
        "orders": sum(c[0] for _, c in hurt),
        "order_value": sum(c[1] for _, c in hurt),
        "lifetime_value": value,
        "good_customers": good_customers,
        "examples": [
            {
                "person": str(p),
                "orders_with_friction": c[0],
                "lifetime_value": customers[p].lifetime_value,
            }
            for p, c in worst
        ],
    }


def _person(person: Hashable) -> str:
    text = str(person)
    if len(text) == 32:  # an id as its hex digits
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


def alert_windows(tally: Tally, guardrails: Guardrails) -> dict[str, Any]:
    """Windows in which the live guardrails would have raised an alert."""
    friction = vip = 0
    worst_friction = worst_vip = 0.0
    for orders, with_friction, good, hit in tally.windows.values():
        if orders >= guardrails.min_orders:
            share = with_friction / orders
            worst_friction = max(worst_friction, share)
            friction += share > guardrails.friction_share
        if good >= guardrails.min_orders:
            share = hit / good
            worst_vip = max(worst_vip, share)
            vip += share > guardrails.vip_hit_share
    return {
        "windows": len(tally.windows), "window_hours": guardrails.window_hours,
        "friction_alerts": friction, "worst_friction_share": round(worst_friction, 4),
        "friction_threshold": guardrails.friction_share,
        "vip_alerts": vip, "worst_vip_hit_share": round(worst_vip, 4),
        "vip_threshold": guardrails.vip_hit_share, "min_orders": guardrails.min_orders,
    }  # fmt: skip


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def summary(tally: Tally) -> dict[str, Any]:
    """The counts of one policy as JSON."""
    caught = sum(tally.bad_cod_caught.values())
    return {
        "orders": tally.orders,
        "outcomes": {o.value: tally.outcomes.get(o.value, 0) for o in Outcome},
        "friction": tally.friction, "friction_share": _share(tally.friction, tally.orders),
        "cod_orders": tally.cod_orders,
        "bad_cod": {
            "orders": tally.bad_cod, "caught": caught,
            "catch_rate": _share(caught, tally.bad_cod),
            "caught_by_outcome": dict(tally.bad_cod_caught),
            "missed_value": tally.bad_cod_missed_value, "missed_examples": tally.missed,
        },
        "returns": {"orders": tally.returns, "with_friction": tally.returns_with_friction},
        "chargebacks": {"orders": tally.chargebacks, "caught": tally.chargebacks_caught},
        "good_segments": {
            "orders": tally.good_segment_orders, "with_friction": tally.good_segment_friction,
            "share": _share(tally.good_segment_friction, tally.good_segment_orders),
        },
        "segments": {
            name: {"orders": n, "with_friction": f, "share": _share(f, n)}
            for name, (n, f) in sorted(tally.segments.items())
        },
        "rules": dict(tally.rules.most_common()),
        "money": tally.money.as_json(),
    }  # fmt: skip


__all__ = [
    "ASSUMPTIONS", "SAMPLES", "Customer", "Money", "Seen", "Tally", "alert_windows",
    "good_customers_hurt", "price", "summary",
]  # fmt: skip
