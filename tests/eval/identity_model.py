"""Shapes shared by the identity pair tables and the pair builder (no data here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# (native spelling, Latin spelling); both the same for Latin-script countries.
Name = tuple[str, str]
# (male native, female native, male Latin, female Latin): Novák/Nováková, Иванов/Иванова.
Surname = tuple[str, str, str, str]


def n(native: str, latin: str = "") -> Name:
    return (native, latin or native)


def names(text: str) -> tuple[Name, ...]:
    """Latin-script given names, space separated."""
    return tuple(n(word) for word in text.split())


def s(male: str, female: str = "", latin_m: str = "", latin_f: str = "") -> Surname:
    female = female or male
    latin_m = latin_m or male
    latin_f = latin_f or (latin_m if female == male else female)
    return (male, female, latin_m, latin_f)


def surnames(text: str) -> tuple[Surname, ...]:
    """Latin-script surnames, space separated; `Novák/Nováková` gives both forms."""
    return tuple(s(*word.replace("_", " ").split("/")) for word in text.split())


@dataclass(frozen=True)
class StreetType:
    forms: tuple[str, ...]  # equivalent spellings; the first ones are the most common
    before: bool = True  # "ul. Długa" rather than "Kossuth utca"
    joined: bool = False  # "Hämeenkatu", "Hauptstraße"
    latin: tuple[str, ...] = ()
    latin_before: bool = False


@dataclass(frozen=True)
class Street:
    name: str
    kind: str
    latin: str = ""
    alts: tuple[str, ...] = ()  # other spellings of the name itself ("Burg. de Withstraat")
    hood: Name | None = None  # district the street belongs to (TR, SA, EG, AE)


@dataclass(frozen=True)
class City:
    name: str
    latin: str
    postcodes: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # other ways people write the same town
    streets: tuple[Street, ...] = ()  # when set, streets of this city only


@dataclass(frozen=True)
class Pickup:
    """A parcel locker, pickup point or office that many customers share."""

    line: str
    city: str
    postcode: str
    what: str  # "parcel locker", "pickup point", "office", ...


@dataclass(frozen=True)
class Country:
    code: str
    script: str  # latin | hebrew | arabic | cyrillic
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    surnames: tuple[Surname, ...]
    cities: tuple[City, ...]
    streets: tuple[Street, ...]
    types: Mapping[str, StreetType]
    lines: tuple[str, ...]  # address line templates: {street} {house} {unit} {hood}
    units: tuple[str, ...]  # flat templates: {floor} {roman} {door} {letter} {stair} {block}
    unit_share: float
    mobile: tuple[str, ...]  # national significant number prefixes of mobile ranges
    nsn_len: tuple[int, ...]
    domains: tuple[str, ...]  # repeated entries weigh more
    pickups: tuple[Pickup, ...]
    family_word: str  # used in shared family mailboxes
    latin_lines: tuple[str, ...] = ()
    latin_units: tuple[str, ...] = ()
    family_first: float = 0.0  # share of orders that write the family name first
    nicknames: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    alt_latin: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    hood_type: StreetType | None = None
    house: str = "plain"  # plain | letter | cz | sa | none
    door: str = "num"  # num | letter | us | tower
    patronymics: tuple[Surname, ...] = ()
    arabic_digits: float = 0.0  # share of native-script orders typed with Arabic-Indic digits
    landline: Mapping[str, str] = field(default_factory=dict)  # city -> area code

    @property
    def latin_script(self) -> bool:
        return self.script == "latin"
