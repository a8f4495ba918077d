"""Homes in each market's own address format, and how one order's form types them:
abbreviated, in lower case, misspelt, without diacritics, the flat on the first line."""

from __future__ import annotations

import random
from dataclasses import dataclass

from goodbuyer.demo.countries import Country
from goodbuyer.demo.places import CITIES, arab_address
from goodbuyer.demo.pools import ascii_fold, place_pool

# (long form, short form) people write instead, per market
_ABBREVIATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "FI": (("katu", "k."), ("tie ", "t. ")),
    "HU": (("utca", "u."), ("út ", "u. "), ("emelet", "em."), ("földszint", "fszt.")),
    "CZ": (("náměstí", "nám."), ("třída", "tř."), ("Na ", "na ")),
    "IL": (("דירה", "ד'"), ("קומה", "ק'")),
    "EG": (("شارع ", "ش "), ("الدور", "د"), (" St", " Street"), ("Apartment", "Apt")),
    "SA": (("شارع ", "ش "), ("طريق ", "ط "), (" Rd", " Road"), ("Bldg", "Building")),
    "AE": (("Apartment", "Apt"), ("Building", "Bldg"), (" Rd", " Road"), ("شقة", "ش")),
    "MA": (("Rue ", "R. "), ("Avenue ", "Av. "), ("Boulevard ", "Bd "), ("Appartement", "Appt")),
    "DE": (("straße", "str."), ("Straße", "Str."), ("straße", "strasse"), ("Wohnung", "Whg.")),
    "ES": (("Calle ", "C/ "), ("Avenida ", "Avda. "), ("Plaza ", "Pza. "), ("Paseo ", "Pº ")),
    "FR": (("rue ", "r. "), ("avenue ", "av. "), ("boulevard ", "bd "), ("Bâtiment", "Bât.")),
    "US": ((" Street", " St"), (" Avenue", " Ave"), (" Road", " Rd"), ("Apt ", "#")),
    "GB": ((" Road", " Rd"), (" Street", " St"), (" Lane", " Ln"), ("Flat ", "Flt ")),
    "IN": ((" Road", " Rd"), ("Near ", "Nr. "), ("Opposite ", "Opp. "), ("House No.", "H.No.")),
}  # fmt: skip
_JUNK = (("asdf", "asdf"), ("test street 1", "test"), ("xxx", "xxx"), ("123", ""),
         ("no address", "."), ("aaaa", "aaaa"))  # fmt: skip
_SECOND_LINES = {
    "DE": ("3. OG", "Hinterhaus", "Wohnung 12", "2. OG links"),
    "FR": ("Bâtiment B", "Appartement 12", "Résidence Les Tilleuls", "Escalier 2, 3e étage"),
    "ES": ("3º B", "2º izq.", "Bajo A", "Piso 4, Puerta 2", "1º D"),
    "US": ("Apt 4B", "Apt 12", "Unit 7", "Suite 210", "Apt 3"),
    "IN": ("Near SBI Bank", "Opposite City Mall", "Behind Govt School", "Near Shiv Mandir"),
}
_SECOND_SHARE = {"DE": 0.15, "FR": 0.3, "ES": 0.6, "US": 0.35, "IN": 0.6}
_IN_HOMES = ("Sai Residency", "Green Valley Apartments", "Shanti Niketan", "Royal Enclave")


@dataclass(frozen=True, slots=True)
class Address:
    country: str
    line1: str
    line2: str
    city: str
    postcode: str
    region: str


def _number(r: random.Random) -> int:
    return min(int(r.paretovariate(1.2)) + int(r.random() * 9), 240)


def new_address(country: Country, r: random.Random, ghost: bool = False) -> Address:
    """A home in `country`; for some ghosts, an address that is not one."""
    code = country.code
    if ghost and r.random() < 0.5:
        line1, city = _JUNK[int(r.random() * len(_JUNK))]
        return Address(code, line1, "", city, "", "")
    if code in CITIES:
        return Address(code, *arab_address(code, _number(r), r))
    pool = place_pool(code)
    street = pool.streets[int(r.random() * len(pool.streets))]
    city, postcode, region = pool.places[int(r.random() * len(pool.places))]
    line1 = _first_line(code, street, _number(r), r)
    extras = _SECOND_LINES.get(code, ())
    line2 = r.choice(extras) if extras and r.random() < _SECOND_SHARE[code] else ""
    if code == "GB" and r.random() < 0.25:
        line2 = f"Flat {r.randint(1, 24)}"
    elif code == "IL" and r.random() < 0.45:
        line2 = f"קומה {r.randint(1, 9)} דירה {r.randint(1, 30)}"
    return Address(code, line1, line2, city, postcode, region)


def _first_line(code: str, street: str, n: int, r: random.Random) -> str:
    """Street and number in the market's order, with what it adds on the same line."""
    if code == "FI":  # Mannerheimintie 12 B 7
        flat = f" {r.choice('ABCDE')} {r.randint(1, 40)}" if r.random() < 0.55 else ""
        return f"{street} {n}{flat}"
    if code == "HU":  # Egeri utca 95. 2. emelet 4.
        flat = f" {r.randint(1, 8)}. emelet {r.randint(1, 12)}." if r.random() < 0.45 else ""
        return f"{street} {n}.{flat}"
    if code == "CZ":  # Grammova 682/8
        return f"{street} {r.randint(100, 3200)}/{n}" if r.random() < 0.6 else f"{street} {n}"
    if code == "DE":
        return f"{street} {n}{r.choice('abc')}" if r.random() < 0.1 else f"{street} {n}"
    if code == "ES":
        return f"{street}, {n}"
    if code == "US":
        return f"{n * 10 + r.randint(0, 9)} {street}"
    if code == "IN":
        if r.random() < 0.4:
            return f"Flat {r.randint(1, 9)}0{r.randint(1, 8)}, {r.choice(_IN_HOMES)}, {street}"
        return f"House No. {n}, {street}"
    if code == "IL":
        return f"{street} {n}"
    return f"{n} {street}"  # France, Britain


def _typo(text: str, r: random.Random) -> str:
    if len(text) < 4:
        return text
    i = r.randint(1, len(text) - 2)
    x = r.random()
    if x < 0.4:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if x < 0.7:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def typed(address: Address, r: random.Random) -> tuple[str, str, str, str, str]:
    """(line1, line2, city, postcode, region) as written on one order's form."""
    line1, line2, city, postcode = address.line1, address.line2, address.city, address.postcode
    pairs = _ABBREVIATIONS.get(address.country, ())
    if pairs and r.random() < 0.3:
        start = int(r.random() * len(pairs))
        for long, short in pairs[start:] + pairs[:start]:
            if long in line1 or long in line2:
                line1, line2 = line1.replace(long, short), line2.replace(long, short)
                break
    x = r.random()
    if x < 0.03:
        line1 = _typo(line1, r)
    elif x < 0.06:
        city = _typo(city, r)
    elif x < 0.12 and line2:
        line1, line2 = f"{line1}, {line2}", ""
    elif x < 0.17:
        line1, city = ascii_fold(line1), ascii_fold(city)
    elif x < 0.21:
        line1, city = line1.lower(), city.lower()
    elif x < 0.23:
        line1, line2, city = line1.upper(), line2.upper(), city.upper()
    if " " in postcode and r.random() < 0.3:
        postcode = postcode.replace(" ", "")
    return line1, line2, city, postcode, address.region


__all__ = ["Address", "new_address", "typed"]
