"""The customer archetypes of the seed articles, their shares and how each one behaves.

Shares are of customers, not orders: good buyers are half the customers but fewer than
half the orders, because loyal repeat buyers and VIPs order far more often.

| archetype | share | seen as |
|---|---|---|
| good | 50% | orders, pays, keeps nearly everything; a legitimate return or question now and then |
| loyal | 12% | many orders over a long time, steady intervals, high NPS |
| vip | 3% | many large baskets of expensive items; lifetime value far above the rest |
| ghost | 5% | fake or invalid contact data; never confirms; COD parcels cancelled or returned |
| refuser | 5% | refuses COD parcels at the door; comes back with a new phone or e-mail |
| serial_returner | 4% | returns more than half of the orders, unused, for many reasons |
| wardrober | 3% | buys occasion wear, returns it worn after one use near the end of the window |
| compulsive_returner | 2% | large baskets, returns most lines in bulk |
| bracketer | 4% | one product in several sizes or colours per order, returns nearly all |
| not_received_claimer | 2% | "never arrived", though the carrier scanned it delivered; refunded |
| ignorant_rogue | 2% | double orders minutes apart, "wrong address" claims just before delivery |
| chargeback_abuser | 1% | disputes delivered card orders with the bank; asks for a resend too |
| threatener | 1.5% | threatens bad reviews, lawyers or chargebacks to get more |
| abusive | 1% | insults the support team |
| negotiator | 3% | asks for discounts and freebies; otherwise a good buyer |
| unrealistic | 1.5% | complains about normal things (a three-day delivery, a shade of colour) |

Ghosts and refusers live where cash on delivery does (seed 004); return abusers where free
returns do; chargeback abusers where cards do: `COUNTRY_AFFINITY` tilts the country of
each archetype without changing its overall share.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Archetype(StrEnum):
    GOOD = "good"  # the ordinary good customer
    LOYAL = "loyal"  # a loyal repeat buyer
    VIP = "vip"  # high lifetime value
    GHOST = "ghost"  # fake contact data, never reachable (seed 004)
    REFUSER = "refuser"  # refuses cash-on-delivery parcels (seed 004 "troublemakers")
    SERIAL_RETURNER = "serial_returner"  # returns most orders (seed 000)
    WARDROBER = "wardrober"  # wears once, returns (seed 000)
    COMPULSIVE_RETURNER = "compulsive_returner"  # buys and returns in bulk (seed 000)
    BRACKETER = "bracketer"  # several sizes or colours, keeps one at most (seed 000)
    NOT_RECEIVED_CLAIMER = "not_received_claimer"  # false "never arrived" claims (001)
    IGNORANT_ROGUE = "ignorant_rogue"  # double orders, wrong-address claims (seed 000)
    CHARGEBACK_ABUSER = "chargeback_abuser"  # disputes delivered card orders (seed 001)
    THREATENER = "threatener"  # review, legal and chargeback threats (seeds 000, 001)
    ABUSIVE = "abusive"  # insults the support team (seed 000)
    NEGOTIATOR = "negotiator"  # asks for discounts (seed 004)
    UNREALISTIC = "unrealistic"  # unrealistic expectations (seeds 000, 001)


SHARES: dict[Archetype, float] = {
    Archetype.GOOD: 0.50,
    Archetype.LOYAL: 0.12,
    Archetype.VIP: 0.03,
    Archetype.GHOST: 0.05,
    Archetype.REFUSER: 0.05,
    Archetype.SERIAL_RETURNER: 0.04,
    Archetype.WARDROBER: 0.03,
    Archetype.COMPULSIVE_RETURNER: 0.02,
    Archetype.BRACKETER: 0.04,
    Archetype.NOT_RECEIVED_CLAIMER: 0.02,
    Archetype.IGNORANT_ROGUE: 0.02,
    Archetype.CHARGEBACK_ABUSER: 0.01,
    Archetype.THREATENER: 0.015,
    Archetype.ABUSIVE: 0.01,
    Archetype.NEGOTIATOR: 0.03,
    Archetype.UNREALISTIC: 0.015,
}


@dataclass(frozen=True, slots=True)
class Behaviour:
    """How often an archetype does each thing; probabilities are per order."""

    order_weight: float = 1.0  # relative number of orders
    lifetime: float = 360.0  # mean days from first to last order (the window is 730)
    account: float = 0.35  # has a shop account (customer_id) at all
    cod: float | None = None  # share of COD orders; None: the country's usual share
    basket: str = "normal"  # normal, premium, bracket, bulk, occasion
    returns: float = 0.06  # a delivered order gets a return
    return_style: str = "normal"  # normal, worn, bulk, bracket
    refuse: float = 0.01  # a COD parcel is refused at the door
    claim: float = 0.0  # a delivered parcel is claimed never received
    chargeback: float = 0.0  # a delivered card order is disputed
    double: float = 0.0  # the order is placed twice within minutes
    wrong_address: float = 0.004  # a "wrong address" claim just before delivery
    tickets: float = 0.04  # a question or complaint with no other cause
    tone: str = "polite"  # polite, threat, abusive, negotiate, unrealistic
    identity_change: float = 0.03  # comes back with a new e-mail or phone
    nps: float = 8.6  # mean NPS answer
    cancel: float = 0.015  # the customer cancels before shipping


BEHAVIOURS: dict[Archetype, Behaviour] = {
    Archetype.GOOD: Behaviour(),
    Archetype.LOYAL: Behaviour(order_weight=3.2, lifetime=1000, account=0.8, nps=9.3),
    Archetype.VIP: Behaviour(
        order_weight=5.0, lifetime=900, account=0.9, basket="premium", returns=0.08, nps=9.4
    ),
    Archetype.GHOST: Behaviour(
        order_weight=0.6, lifetime=45, account=0.03, cod=1.0, identity_change=0.6, tickets=0.0
    ),
    Archetype.REFUSER: Behaviour(
        order_weight=1.3,
        lifetime=240,
        account=0.2,
        cod=0.92,
        refuse=0.6,
        identity_change=0.3,
        nps=6.0,
    ),
    Archetype.SERIAL_RETURNER: Behaviour(
        order_weight=2.5, lifetime=500, returns=0.6, tickets=0.06, nps=7.0
    ),
    Archetype.WARDROBER: Behaviour(
        order_weight=2.0, lifetime=500, basket="occasion", returns=0.7, return_style="worn", nps=7.0
    ),
    Archetype.COMPULSIVE_RETURNER: Behaviour(
        order_weight=3.0, lifetime=500, basket="bulk", returns=0.75, return_style="bulk", nps=7.0
    ),
    Archetype.BRACKETER: Behaviour(
        order_weight=2.0,
        lifetime=500,
        basket="bracket",
        returns=0.9,
        return_style="bracket",
        nps=7.0,
    ),
    Archetype.NOT_RECEIVED_CLAIMER: Behaviour(
        order_weight=1.6, claim=0.55, identity_change=0.15, nps=6.5
    ),
    Archetype.IGNORANT_ROGUE: Behaviour(
        order_weight=1.8, double=0.45, wrong_address=0.3, identity_change=0.1, cancel=0.05
    ),
    Archetype.CHARGEBACK_ABUSER: Behaviour(
        order_weight=1.3, cod=0.0, chargeback=0.75, identity_change=0.2, nps=5.5
    ),
    Archetype.THREATENER: Behaviour(order_weight=1.3, tickets=0.7, tone="threat", nps=3.0),
    Archetype.ABUSIVE: Behaviour(order_weight=1.3, tickets=0.7, tone="abusive", nps=2.0),
    Archetype.NEGOTIATOR: Behaviour(order_weight=1.5, tickets=0.55, tone="negotiate", nps=8.0),
    Archetype.UNREALISTIC: Behaviour(
        order_weight=1.3, tickets=0.6, returns=0.25, tone="unrealistic", nps=3.5
    ),
}

_COD_MARKETS = ("EG", "SA", "AE", "MA", "IN")
_RETURN_MARKETS = {"DE": 2.0, "FR": 1.5, "ES": 1.5, "GB": 1.5, "US": 1.5, "FI": 1.5}


def _affinity(cod: float, cod_lite: float, other: float, **special: float) -> dict[str, float]:
    table = dict.fromkeys(_COD_MARKETS, cod) | {"HU": cod_lite, "CZ": cod_lite}
    return table | special | {"_": other}


_RETURNERS = _affinity(0.4, 1.0, 1.0, **_RETURN_MARKETS)

COUNTRY_AFFINITY: dict[Archetype, dict[str, float]] = {
    Archetype.GHOST: _affinity(4.0, 2.0, 0.3),
    Archetype.REFUSER: _affinity(4.0, 2.0, 0.3),
    Archetype.NEGOTIATOR: _affinity(3.0, 1.0, 1.0, IL=2.0),
    Archetype.SERIAL_RETURNER: _RETURNERS,
    Archetype.WARDROBER: _RETURNERS,
    Archetype.COMPULSIVE_RETURNER: _RETURNERS,
    Archetype.BRACKETER: _RETURNERS,
    Archetype.CHARGEBACK_ABUSER: _affinity(0.2, 0.5, 1.0, US=3.0, GB=2.0),
    Archetype.NOT_RECEIVED_CLAIMER: _affinity(1.0, 1.0, 1.0, US=1.5, GB=1.5, FR=1.5),
}


def affinity(archetype: Archetype, country: str) -> float:
    """How much more (or less) likely this archetype is in `country` than on average."""
    table = COUNTRY_AFFINITY.get(archetype)
    if table is None:
        return 1.0
    return table.get(country, table["_"])


__all__ = ["BEHAVIOURS", "COUNTRY_AFFINITY", "SHARES", "Archetype", "Behaviour", "affinity"]
