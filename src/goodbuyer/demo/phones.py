"""Mobile numbers of each market, each owned by one customer, and the ways people type them:
national with spaces or dashes, +country, 00country, run together, Arabic-Indic digits."""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PhonePlan:
    dial: str  # country calling code
    trunk: str  # national prefix, "" where none is dialled
    prefixes: tuple[str, ...]  # mobile prefixes of the national number
    length: int  # digits of the national significant number
    groups: tuple[int, ...]  # how the national form (with trunk) is grouped
    intl_groups: tuple[int, ...]  # how the national number is grouped after +dial


def _plan(dial: str, trunk: str, prefixes: str, length: int, groups: str, intl: str) -> PhonePlan:
    sizes = (tuple(int(g) for g in groups.split()), tuple(int(g) for g in intl.split()))
    return PhonePlan(dial, trunk, tuple(prefixes.split()), length, *sizes)


_CZ = "601 602 603 604 605 606 607 608 702 720 721 723 724 728 730 731 732 733 734 736 737 739"
_DE = "151 152 157 160 162 170 171 172 173 174 175 176 177 178 179"
_US = "201 212 213 305 312 404 415 503 512 602 617 646 702 713 718 773 786 917"
PLANS: dict[str, PhonePlan] = {
    "FI": _plan("358", "0", "40 41 44 45 46 50", 9, "3 3 4", "2 3 4"),
    "HU": _plan("36", "06", "20 30 31 50 70", 9, "2 2 3 4", "2 3 4"),
    "CZ": _plan("420", "", _CZ + " 773 774 775 776 777 778", 9, "3 3 3", "3 3 3"),
    "IL": _plan("972", "0", "50 52 53 54 55 58", 9, "3 3 4", "2 3 4"),
    "EG": _plan("20", "0", "10 11 12 15", 10, "3 4 4", "2 4 4"),
    "SA": _plan("966", "0", "50 53 54 55 56 58 59", 9, "3 3 4", "2 3 4"),
    "AE": _plan("971", "0", "50 52 54 55 56 58", 9, "3 3 4", "2 3 4"),
    "MA": _plan("212", "0", "6 7", 9, "2 2 2 2 2", "1 2 2 2 2"),
    "DE": _plan("49", "0", _DE, 11, "4 8", "3 8"),
    "ES": _plan("34", "", "6 7", 9, "3 2 2 2", "3 3 3"),
    "FR": _plan("33", "0", "6 7", 9, "2 2 2 2 2", "1 2 2 2 2"),
    "US": _plan("1", "", _US, 10, "3 3 4", "3 3 4"),
    "GB": _plan("44", "0", "71 73 74 75 77 78 79", 10, "5 6", "4 6"),
    "IN": _plan("91", "", "6 7 8 9", 10, "5 5", "5 5"),
}

# Each market's habits, as weights of the styles in `_STYLES`.
_HABITS: dict[str, tuple[int, ...]] = {
    "FI": (40, 20, 5, 20, 10, 5, 0, 0),
    "HU": (30, 15, 5, 20, 10, 5, 15, 0),
    "CZ": (40, 25, 0, 20, 10, 5, 0, 0),
    "IL": (20, 20, 35, 15, 5, 5, 0, 0),
    "EG": (20, 45, 5, 10, 10, 5, 0, 5),
    "SA": (20, 40, 5, 15, 10, 5, 0, 5),
    "AE": (25, 30, 10, 20, 10, 5, 0, 0),
    "MA": (35, 30, 5, 15, 10, 5, 0, 0),
    "DE": (30, 20, 5, 20, 10, 5, 10, 0),
    "ES": (40, 30, 0, 20, 5, 5, 0, 0),
    "FR": (45, 25, 5, 15, 5, 5, 0, 0),
    "US": (25, 20, 25, 15, 10, 0, 5, 0),
    "GB": (40, 25, 0, 20, 10, 5, 0, 0),
    "IN": (35, 30, 0, 15, 10, 5, 5, 0),
}
_STYLES = (
    "national",
    "compact",
    "dashed",
    "intl",
    "intl_compact",
    "intl_00",
    "slashed",
    "arabic",
)
_CUMULATIVE = {
    country: tuple(itertools.accumulate(weights)) for country, weights in _HABITS.items()
}
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def new_number(country: str, r: random.Random) -> str:
    """A random mobile number (it may be someone else's: ghosts borrow them)."""
    return unique_number(country, int(r.random() * 2**40), 0)


def unique_number(country: str, n: int, seed: int) -> str:
    """The `n`th mobile number of the market in a seeded, scrambled order: a bijection, so
    different `n` never share a number (while `n` is below the market's count of numbers)."""
    plan = PLANS[country]
    rest = plan.length - len(plan.prefixes[0])
    size = 8 * 10 ** (rest - 1) if country == "US" else 10**rest  # US exchanges start 2-9
    space = len(plan.prefixes) * size
    prime, offset = _prime_above(space), 1_000_003 + seed * 7_919 + int(plan.dial) * 104_729
    y = n % space
    while True:  # cycle-walk a permutation of [0, prime) until it lands inside the space
        y = pow((y + offset) % prime, 3, prime)
        if y < space:
            break
    prefix, number = plan.prefixes[y // size], y % size
    if country == "US":
        return f"{prefix}{2 + number // 10 ** (rest - 1)}{number % 10 ** (rest - 1):0{rest - 1}d}"
    return f"{prefix}{number:0{rest}d}"


@functools.cache
def _prime_above(n: int) -> int:
    """The least prime p >= n with p % 3 == 2, so that cubing permutes [0, p)."""
    p = n + 1
    while not (p % 3 == 2 and _is_prime(p)):
        p += 1
    return p


def _is_prime(n: int) -> bool:
    if n < 2 or n % 2 == 0:
        return n == 2
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23):  # exact for n < 3.8e18
        x = pow(a, d, n)
        if x in (1, n - 1) or a % n == 0:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def e164(country: str, nsn: str) -> str:
    return "+" + PLANS[country].dial + nsn


def _grouped(digits: str, groups: tuple[int, ...], sep: str) -> str:
    parts, i = [], 0
    for size in groups:
        if i >= len(digits):
            break
        parts.append(digits[i : i + size])
        i += size
    if i < len(digits):
        parts[-1] += digits[i:]
    return sep.join(parts)


def typed(country: str, nsn: str, r: random.Random) -> str:
    """The number as a customer from `country` might type it this time."""
    plan = PLANS[country]
    weights = _CUMULATIVE[country]
    style = _STYLES[bisect.bisect_right(weights, r.random() * weights[-1])]
    national = plan.trunk + nsn
    if style == "national":
        return _grouped(national, plan.groups, " ")
    if style == "compact":
        return national
    if style == "dashed":
        if country == "US":
            return f"({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}"
        return _grouped(national, plan.groups, "-")
    if style == "intl":
        return f"+{plan.dial} " + _grouped(nsn, plan.intl_groups, " ")
    if style == "intl_compact":
        return f"+{plan.dial}{nsn}"
    if style == "intl_00":
        return f"00{plan.dial} {nsn}"
    if style == "slashed":
        return _slashed(country, plan, nsn)
    return national.translate(_ARABIC_DIGITS)


def _slashed(country: str, plan: PhonePlan, nsn: str) -> str:
    if country == "HU":
        return f"06-{nsn[:2]}/{nsn[2:5]}-{nsn[5:]}"
    if country == "US":
        return f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}"
    cut = plan.groups[0]
    national = plan.trunk + nsn
    return f"{national[:cut]}/{national[cut:]}"


_JUNK = (
    "0000000000",
    "123456789",
    "1234567",
    "111111111",
    "12345",
    "000",
    "0123456789",
    "999999999",
    "1",
)


def invalid_number(country: str, r: random.Random) -> str:
    """What a ghost types: a number that cannot be a mobile phone in `country`."""
    kind = r.random()
    if kind < 0.45:
        return r.choice(_JUNK)
    plan = PLANS[country]
    if kind < 0.75:  # a digit or three short
        nsn = new_number(country, r)
        return plan.trunk + nsn[: -r.randint(1, 3)]
    if kind < 0.9:  # no such mobile prefix
        return plan.trunk + "0" + f"{r.randrange(10**7):07d}"
    return "+" + plan.dial + " " + "".join(str(r.randrange(10)) for _ in range(r.randint(3, 5)))


__all__ = [
    "PLANS",
    "PhonePlan",
    "e164",
    "invalid_number",
    "new_number",
    "typed",
    "unique_number",
]
