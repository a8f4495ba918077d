"""Per-locale pools of names and streets, drawn from Faker once (seeded, duplicates kept so
common names stay common) and then sampled: Faker is too slow to call for every order."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from faker import Faker

from goodbuyer.demo import names
from goodbuyer.demo.names import Name

POOL_SEED = 20240301  # pools are the same for every run; the run's seed samples from them
_DRAWS = 1200
_SPECIAL = str.maketrans({"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "æ": "ae", "đ": "d", "ı": "i"})


@dataclass(frozen=True, slots=True)
class NamePool:
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family_male: tuple[Name, ...]
    family_female: tuple[Name, ...]
    latin_share: float  # how often a native-script name is typed in Latin letters instead


@dataclass(frozen=True, slots=True)
class PlacePool:
    streets: tuple[str, ...]
    places: tuple[tuple[str, str, str], ...]  # (city, postcode, region)


def ascii_fold(text: str) -> str:
    """'Kučerová' -> 'Kucerova': what an e-mail local part or a hurried customer writes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# (country, language) -> name pool key; Faker locales are keys too.
NAME_POOLS: dict[tuple[str, str], str] = {
    ("FI", "fi"): "fi_FI", ("FI", "en"): "en_GB", ("HU", "hu"): "hu_HU",
    ("CZ", "cs"): "cs_CZ", ("IL", "he"): "hebrew", ("IL", "ar"): "arabic_eg",
    ("IL", "en"): "en_US", ("EG", "ar"): "arabic_eg", ("SA", "ar"): "arabic_gulf",
    ("SA", "en"): "en_IN", ("AE", "ar"): "arabic_gulf", ("AE", "en"): "en_IN",
    ("MA", "fr"): "morocco", ("MA", "ar"): "morocco", ("DE", "de"): "de_DE",
    ("DE", "en"): "en_GB", ("ES", "es"): "es_ES", ("FR", "fr"): "fr_FR",
    ("US", "en"): "en_US", ("US", "es"): "es_MX", ("GB", "en"): "en_GB",
    ("IN", "en"): "en_IN",
}  # fmt: skip
PLACE_LOCALES: dict[str, str] = {
    "FI": "fi_FI", "HU": "hu_HU", "CZ": "cs_CZ", "IL": "he_IL", "DE": "de_DE",
    "ES": "es_ES", "FR": "fr_FR", "US": "en_US", "GB": "en_GB", "IN": "en_IN",
}  # fmt: skip

_OWN_NAMES: dict[str, tuple[tuple[Name, ...], tuple[Name, ...], tuple[Name, ...], float]] = {
    "hebrew": (names.HEBREW_MALE, names.HEBREW_FEMALE, names.HEBREW_FAMILY, 0.2),
    "arabic_eg": (names.ARABIC_MALE, names.ARABIC_FEMALE, names.EGYPT_FAMILY, 0.35),
    "arabic_gulf": (names.ARABIC_MALE, names.ARABIC_FEMALE, names.GULF_FAMILY, 0.4),
    "morocco": (names.MOROCCO_MALE, names.MOROCCO_FEMALE, names.MOROCCO_FAMILY, 0.8),
}


def _faker(locale: str) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(POOL_SEED)
    return fake


def _latin(native: str) -> Name:
    return (native, (ascii_fold(native),))


def _draw(method: object, count: int = _DRAWS) -> tuple[Name, ...]:
    assert callable(method)
    return tuple(_latin(str(method())) for _ in range(count))


@functools.cache
def name_pool(key: str) -> NamePool:
    """The names of one pool key of `NAME_POOLS`."""
    if key in _OWN_NAMES:
        male, female, family, latin_share = _OWN_NAMES[key]
        return NamePool(male, female, family, family, latin_share)
    fake = _faker(key)
    return NamePool(
        male=_draw(fake.first_name_male),
        female=_draw(fake.first_name_female),
        family_male=_draw(fake.last_name_male),
        family_female=_draw(fake.last_name_female),
        latin_share=0.0,
    )


def _postcode(fake: Faker, country: str) -> str:
    code = str(fake.postcode())
    return code.removeprefix("H-") if country == "HU" else code


def _region(fake: Faker, country: str) -> str:
    if country == "US":
        return str(fake.state_abbr())
    if country in ("IN", "ES"):
        return str(fake.state())
    return ""


@functools.cache
def place_pool(country: str) -> PlacePool:
    """Streets and (city, postcode, region) of a country Faker knows well."""
    fake = _faker(PLACE_LOCALES[country])
    streets = tuple(str(fake.street_name()) for _ in range(_DRAWS))
    places = tuple(
        (str(fake.city()), _postcode(fake, country), _region(fake, country))
        for _ in range(_DRAWS // 2)
    )
    return PlacePool(streets, places)


def warm() -> None:
    """Build every pool now (before worker processes fork, so they share them)."""
    for key in sorted(set(NAME_POOLS.values())):
        name_pool(key)
    for country in sorted(PLACE_LOCALES):
        place_pool(country)


__all__ = [
    "NAME_POOLS",
    "PLACE_LOCALES",
    "POOL_SEED",
    "NamePool",
    "PlacePool",
    "ascii_fold",
    "name_pool",
    "place_pool",
    "warm",
]
