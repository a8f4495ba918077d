"""Comparisons with labelled levels, Fellegi-Sunter style (pure).

Each comparison looks at one kind of evidence and answers with one of its levels, most
telling first; each level carries m (how often two records of the same person land there)
and u (how often two records of different people do), so its weight is log2(m/u). A level
with no weight is "null": the evidence is missing on one side and says nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import ratio

from goodbuyer.identity.names import NameLevel, compare_names
from goodbuyer.identity.normalize import is_latin, skeleton
from goodbuyer.identity.records import Prepared


@dataclass(frozen=True, slots=True)
class Level:
    label: str
    m: float = 0.0
    u: float = 0.0

    @property
    def weight(self) -> float:
        return math.log2(self.m / self.u) if self.m and self.u else 0.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """Where a pair landed on one comparison, with what shows it ("+36301234567", 0.93)."""

    level: int
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Comparison:
    name: str
    levels: tuple[Level, ...]
    judge: Callable[[Prepared, Prepared], Outcome]


NULL = Outcome(0)


def _phone(a: Prepared, b: Prepared) -> Outcome:
    if not a.phone or not b.phone:
        return NULL
    if a.phone == b.phone:
        return Outcome(1, a.phone)
    if len(a.phone) == len(b.phone) and a.phone[:-2] == b.phone[:-2]:
        return Outcome(2, f"{a.phone} / {b.phone}")
    return Outcome(3)


def _email(a: Prepared, b: Prepared) -> Outcome:
    if not a.email or not b.email:
        return NULL
    if a.email == b.email:
        return Outcome(1, a.email)
    local_a, local_b = a.email_local, b.email_local
    if local_a == local_b and len(local_a) >= 6:
        return Outcome(2, local_a)
    similarity = JaroWinkler.normalized_similarity(local_a, local_b)
    if similarity >= 0.92 and min(len(local_a), len(local_b)) >= 5:
        return Outcome(3, f"{similarity:.2f}")
    return Outcome(4)


def _name(a: Prepared, b: Prepared) -> Outcome:
    level = compare_names(a.name, b.name, a.name_latin == b.name_latin, a.record.country)
    detail = "" if level is NameLevel.NULL else f"{' '.join(a.name)} / {' '.join(b.name)}"
    return Outcome(int(level), detail)


def street_similarity(a: Prepared, b: Prepared) -> float:
    if a.address is None or b.address is None:
        return 0.0
    core_a, core_b = a.address.street_core, b.address.street_core
    if core_a and core_a == core_b:
        return 1.0
    cross_script = is_latin(a.record.address) != is_latin(b.record.address)
    if cross_script and skeleton(core_a) == skeleton(core_b) != "":
        return 1.0
    return ratio(a.address.street, b.address.street) / 100


def _same_area(a: Prepared, b: Prepared) -> bool:
    if a.address is None or b.address is None:
        return False
    if a.address.postcode and a.address.postcode == b.address.postcode:
        return True
    return bool(a.city) and a.city == b.city and not (a.address.postcode and b.address.postcode)


def _address(a: Prepared, b: Prepared) -> Outcome:
    if a.address is None or b.address is None:
        return NULL
    one, other = a.address, b.address
    if one.building and one.building == other.building:
        if one.unit == other.unit:
            return Outcome(1, one.building)
        if not one.unit or not other.unit:
            return Outcome(2, one.building)
        return Outcome(3, f"{one.unit or '-'} / {other.unit or '-'}")
    similarity = street_similarity(a, b)
    if one.house and one.house == other.house and similarity >= 0.85 and _same_area(a, b):
        return Outcome(4, f"{similarity:.2f}")
    if _same_area(a, b):
        return Outcome(5, one.postcode or one.city)
    return Outcome(6)


PHONE = Comparison(
    "phone",
    (
        Level("phone missing"),
        Level("same phone", 0.85, 0.0001),
        Level("phone differs in the last digits", 0.02, 0.002),
        Level("different phone", 0.13, 0.9979),
    ),
    _phone,
)
EMAIL = Comparison(
    "email",
    (
        Level("e-mail missing"),
        Level("same e-mail", 0.8, 0.0001),
        Level("same e-mail name at another provider", 0.05, 0.0005),
        Level("similar e-mail", 0.03, 0.003),
        Level("different e-mail", 0.12, 0.9964),
    ),
    _email,
)
NAME = Comparison(
    "name",
    (
        Level("name missing"),
        Level("same name", 0.85, 0.001),
        Level("similar name", 0.1, 0.002),
        Level("family name changed", 0.03, 0.005),
        Level("different first name", 0.01, 0.01),
        Level("different name", 0.01, 0.982),
    ),
    _name,
)
ADDRESS = Comparison(
    "address",
    (
        Level("address missing"),
        Level("same address", 0.6, 0.0005),
        Level("same building, flat given once", 0.1, 0.001),
        Level("same building, other flat", 0.005, 0.002),
        Level("similar address", 0.1, 0.0005),
        Level("same postcode or city", 0.1, 0.02),
        Level("different address", 0.095, 0.976),
    ),
    _address,
)

COMPARISONS: tuple[Comparison, ...] = (PHONE, EMAIL, NAME, ADDRESS)

__all__ = [
    "ADDRESS",
    "COMPARISONS",
    "EMAIL",
    "NAME",
    "NULL",
    "PHONE",
    "Comparison",
    "Level",
    "Outcome",
    "street_similarity",
]
