"""Comparable forms of contact data and the key that finds a customer again (pure).

Identity resolution proper (phone regions, e-mail alias rules, transliteration) lives in
the identity feature; these are the exact, cheap forms that ingestion stores.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from goodbuyer.identity.placeholders import placeholder_email, placeholder_phone_digits
from goodbuyer.store.schemas import AddressIn, CustomerIn
from goodbuyer.store.statuses import ContactKind

_NOT_DIGITS = re.compile(r"[^0-9]+")
_REMEMBERED = 1 << 16  # comparable forms kept per kind: returning customers repeat them


@lru_cache(maxsize=_REMEMBERED)
def comparable_email(email: str | None) -> str | None:
    if not email:
        return None
    value = email.strip().lower()
    return value if "@" in value else None


@lru_cache(maxsize=_REMEMBERED)
def comparable_phone(phone: str | None) -> str | None:
    if not phone:
        return None
    if phone.isascii():  # the common case, without a Unicode look-up per character
        digits = _NOT_DIGITS.sub("", phone)
    else:
        digits = "".join(
            str(unicodedata.digit(c)) for c in phone if unicodedata.digit(c, None) is not None
        )
    if len(digits) < 5:
        return None
    return ("+" if phone.strip().startswith("+") else "") + digits


def comparable_address(address: AddressIn | None) -> str | None:
    if address is None or not address.line1:
        return None
    return _address_forms(*_parts(address))[1]


def _parts(address: AddressIn) -> tuple[str | None, ...]:
    return (address.line1, address.line2, address.postcode, address.city, address.country)


@lru_cache(maxsize=_REMEMBERED)
def _address_forms(*parts: str | None) -> tuple[str, str]:
    """(the address as given on one line, its comparable form)."""
    given = [p for p in parts if p]
    text = " | ".join(given)
    return ", ".join(given), " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@lru_cache(maxsize=_REMEMBERED)
def _keyed_email(comparable: str) -> bool:
    return not placeholder_email(comparable)


@lru_cache(maxsize=_REMEMBERED)
def _keyed_phone(digits: str) -> bool:
    return not placeholder_phone_digits(digits)


def customer_key(source: str, customer: CustomerIn, order_external_id: str) -> str:
    """The shop's customer id if it sent one, else the e-mail, else the phone, else the
    order itself (a guest with no contact data is a customer of one order). A placeholder
    e-mail or phone ("test@test.com", "0123456789") is no key: guests who typed the same
    one are strangers (`identity.placeholders`)."""
    return key_of(source, customer.external_id, customer.email, customer.phone, order_external_id)


def key_of(
    source: str,
    external_id: str | None,
    email: str | None,
    phone: str | None,
    order_external_id: str,
) -> str:
    """`customer_key` from the customer's values."""
    if external_id:
        return f"{source}:{external_id}"
    comparable = comparable_email(email)
    if comparable and _keyed_email(comparable):
        return f"email:{comparable}"
    digits = comparable_phone(phone)
    if digits and _keyed_phone(digits):
        return f"phone:{digits}"
    return f"order:{source}:{order_external_id}"


def contact_points(
    customer: CustomerIn, address: AddressIn | None
) -> list[tuple[ContactKind, str, str]]:
    """(kind, value as given, comparable form) for each contact point the order carries."""
    parts = _parts(address) if address is not None else None
    return points_of(customer.email, customer.phone, parts)


def points_of(
    email: str | None, phone: str | None, address: tuple[str | None, ...] | None
) -> list[tuple[ContactKind, str, str]]:
    """`contact_points` from the values: `address` is (line1, line2, postcode, city,
    country) or None."""
    found: list[tuple[ContactKind, str, str]] = []
    comparable = comparable_email(email)
    if comparable and email:
        found.append((ContactKind.EMAIL, email, comparable))
    digits = comparable_phone(phone)
    if digits and phone:
        found.append((ContactKind.PHONE, phone, digits))
    if address is not None and address[0]:
        raw, line = _address_forms(*address)
        if line:
            found.append((ContactKind.ADDRESS, raw[:500], line[:500]))
    return found


__all__ = [
    "comparable_address",
    "comparable_email",
    "comparable_phone",
    "contact_points",
    "customer_key",
    "key_of",
    "points_of",
]
