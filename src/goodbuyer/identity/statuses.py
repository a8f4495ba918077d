"""Identity vocabularies (pure)."""

from __future__ import annotations

from enum import StrEnum


class LinkKind(StrEnum):
    PERSON = "person"  # the two customer records are one person: their clusters are merged
    HOUSEHOLD = "household"  # same address or shared contact, different people: context only
    SEPARATED = "separated"  # an agent said "not the same person": never merged again


class KeyKind(StrEnum):
    PHONE = "phone"  # E.164
    EMAIL = "email"  # canonical mailbox
    BUILDING = "building"  # country | postcode or city | street name | house number
    NAME_CITY = "name_city"  # name words in order of the alphabet | city
    NAME_POSTCODE = "name_postcode"  # name words | postcode


__all__ = ["KeyKind", "LinkKind"]
