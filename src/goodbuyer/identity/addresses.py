"""Addresses in a comparable form (pure).

    parse_address("Kossuth Lajos u. 12. 2. em. 5. ajtó", "1051", "Budapest", "HU")
    -> Address(street="kossuth lajos u", house="12", unit="2/5", postcode="1051", ...)

Street types are written one way per language (utca/u., ulice/ul., Straße/Str.,
street/st, avenue/ave, katu/k., שדרות/שד', רחוב/רח', شارع/ش); the first number is the
house number (before or after the street name), the numbers after it are floor, flat or
door. Roman floor numbers ("II/5") are read as digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from goodbuyer.identity.normalize import fold

# Every spelling of a street type (folded) -> one short form.
_STREET_TYPES = {
    "utca": "u", "u": "u", "ut": "ut", "ucta": "u", "ter": "ter", "krt": "krt", "korut": "krt",
    "ulice": "ul", "ul": "ul", "ulica": "ul", "ulitsa": "ul", "vulytsia": "ul", "vul": "ul",
    "namesti": "nam", "nam": "nam", "trida": "tr", "tr": "tr",
    "strasse": "str", "str": "str", "strase": "str", "platz": "pl", "pl": "pl", "plac": "pl",
    "weg": "weg", "allee": "al", "aleja": "al", "al": "al",
    "street": "st", "st": "st", "avenue": "ave", "ave": "ave", "av": "ave", "avda": "ave",
    "avenida": "ave", "road": "rd", "rd": "rd", "lane": "ln", "ln": "ln", "drive": "dr",
    "dr": "dr", "boulevard": "blvd", "blvd": "blvd", "bd": "blvd", "bld": "blvd",
    "court": "ct", "ct": "ct", "place": "pl", "square": "sq", "sq": "sq",
    "katu": "k", "k": "k", "tie": "tie", "kuja": "kj", "kj": "kj", "polku": "polku",
    "rue": "rue", "r": "rue", "chemin": "ch", "ch": "ch", "calle": "c", "c": "c", "cl": "c",
    "via": "via", "viale": "vle", "vle": "vle", "piazza": "pza", "pza": "pza", "rua": "rua",
    "straat": "str", "laan": "ln", "cadde": "cd", "caddesi": "cd", "cd": "cd", "cad": "cd",
    "sokak": "sk", "sokagi": "sk", "sk": "sk", "mahallesi": "mah", "mah": "mah", "mh": "mah",
    "rhvv": "st", "rh": "st", "sdrvt": "ave", "sd": "ave", "shr": "st", "sh": "st",
}  # fmt: skip

# Compound street names ("Hauptstraße", "Aleksanterinkatu"): the ending as a type.
_SUFFIXES = (("strasse", "str"), ("str", "str"), ("katu", "k"), ("straat", "str"))

# Words that introduce a floor, flat or door; the numbers after them form the unit.
_UNIT_WORDS = frozenset(
    {
        "em", "emelet", "ajto", "lph", "lepcsohaz", "fsz", "apt", "apartment", "flat",
        "unit", "suite", "ste", "floor", "fl", "byt", "patro", "c", "cp", "dyrh", "kvmh",
        "dira", "etage", "et", "og", "wohnung", "whg", "piso", "puerta", "pta", "esc",
        "interno", "int", "scala", "sc", "piano", "lok", "m", "mieszkanie", "kv", "kvartira",
        "daire", "kat", "bis", "as", "rapu", "porras",
    }
)  # fmt: skip
_NUMBER_WORDS = frozenset({"no", "nr", "numero", "n", "cislo", "c"})
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7",
          "viii": "8", "ix": "9", "x": "10", "fsz": "0"}  # fmt: skip
_ORDINALS = str.maketrans({"º": " ", "ª": " ", "°": " "})
_TYPE_FORMS = frozenset(_STREET_TYPES.values())
_HOUSE = re.compile(r"^(\d+)([a-z]?)$")
_POSTCODE_KEEP = re.compile(r"[^0-9A-Z]")


@dataclass(frozen=True, slots=True)
class Address:
    """A comparable address: street words, house number, unit, postcode, city, country."""

    street: str
    house: str
    unit: str
    postcode: str
    city: str
    country: str
    street_core: str  # the street's name without its type ("kossuth lajos")
    building: str  # country | postcode or city | street name | house number; "" if unknown


def postcode_key(raw: str, country: str = "") -> str:
    """A postcode without spaces or dashes, upper case ("123 45" -> "12345"); a US ZIP+4
    keeps its five-digit ZIP."""
    key = _POSTCODE_KEEP.sub("", raw.upper())
    return key[:5] if country == "US" and key.isdigit() else key


def _street_word(token: str) -> str:
    if token in _STREET_TYPES:
        return _STREET_TYPES[token]
    for suffix, short in _SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix) + 2:
            return f"{token[: -len(suffix)]} {short}"
    return token


def _split_numbers(tokens: list[str]) -> tuple[list[str], str, list[str]]:
    """(street words, house number, unit parts) from folded tokens. A number right after a
    unit word ("flat 3") is a unit; words after the house number of a street written
    first ("Rua Augusta 100, 2 esq") describe the unit."""
    street: list[str] = []
    house = ""
    unit: list[str] = []
    after_unit_word = street_first = False
    for part in (p for token in tokens for p in token.split("/") if p):
        match = _HOUSE.match(part)
        if match and (house or after_unit_word):
            unit.append(match.group(1) + match.group(2))
        elif match:
            house, street_first = match.group(1), bool(street)
            unit.extend(filter(None, [match.group(2)]))  # "12B" reads as "12 B"
        elif part in _NUMBER_WORDS:
            continue
        elif part in _UNIT_WORDS:
            after_unit_word = True
            continue
        elif house and (part in _ROMAN or len(part) == 1):
            unit.append(_ROMAN.get(part, part))  # "II/5", "5 B 12"
        elif house and street_first:
            unit.append(part)
        else:
            street.append(_street_word(part))
        after_unit_word = False
    return street, house, unit


@lru_cache(maxsize=65536)
def parse_address(line: str, postcode: str = "", city: str = "", country: str = "") -> Address:
    """The comparable parts of one address line (line 1 and line 2 joined)."""
    words, house, unit = _split_numbers(fold(line.translate(_ORDINALS)).split())
    street, country, city = " ".join(words), country.upper(), fold(city)
    code = postcode_key(postcode, country)
    core = "".join(w for w in street.split() if w not in _TYPE_FORMS) or street.replace(" ", "")
    building = f"{country}|{code or city}|{core}|{house}" if street and house else ""
    return Address(street, house, "/".join(unit), code, city, country, core, building)


__all__ = ["Address", "parse_address", "postcode_key"]
