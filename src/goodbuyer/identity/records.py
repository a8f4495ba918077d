"""A person's contact data as one order carries it, and its comparable form (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from goodbuyer.identity.addresses import Address, parse_address
from goodbuyer.identity.normalize import (
    email_canonical,
    fold,
    is_latin,
    name_tokens,
    phone_e164,
)
from goodbuyer.identity.placeholders import (
    placeholder_address,
    placeholder_email,
    placeholder_name,
    placeholder_phone,
)

# Words that join a name rather than name a person ("Mohammed bin Salman", "van der Berg").
_PARTICLES = frozenset(
    {"bin", "ibn", "bint", "ben", "bat", "al", "el", "de", "del", "della", "da", "di", "do",
     "dos", "das", "du", "van", "von", "der", "den", "ter", "la", "le", "y", "e", "i"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """Contact data as given: any field may be empty; country is ISO 3166-1 alpha-2."""

    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    city: str = ""
    postcode: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class Prepared:
    """The comparable form of a record: what the comparisons read."""

    record: PersonRecord
    phone: str | None
    email: str | None
    name: tuple[str, ...]
    name_latin: bool
    address: Address | None
    city: str

    @property
    def email_local(self) -> str:
        return self.email.rpartition("@")[0] if self.email else ""


@lru_cache(maxsize=65536)
def prepare(record: PersonRecord) -> Prepared:
    """The comparable form (cached: most orders of a customer repeat their contact data).
    A placeholder phone, e-mail, name or address ("0123456789", "123@123.com", "test test",
    "asdf 1") is left out: it identifies nobody (`placeholders.py`)."""
    country = record.country.strip().upper()
    address = (
        parse_address(record.address, record.postcode, record.city, country)
        if record.address.strip() and not placeholder_address(record.address)
        else None
    )
    tokens = tuple(t for t in name_tokens(record.name) if t not in _PARTICLES)
    if placeholder_name(tokens):
        tokens = ()
    phone = phone_e164(record.phone, country) if record.phone else None
    email = email_canonical(record.email) if record.email else None
    return Prepared(
        record=record,
        phone=None if phone is None or placeholder_phone(phone) else phone,
        email=None if email is None or placeholder_email(email) else email,
        name=tokens,
        name_latin=is_latin(record.name),
        address=address,
        city=fold(record.city),
    )


__all__ = ["PersonRecord", "Prepared", "prepare"]
