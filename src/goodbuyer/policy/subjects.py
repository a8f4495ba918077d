"""List values in the form decisions compare (pure): a phone in E.164, an e-mail's one
spelling per mailbox, an address's building key, "CC:POSTCODE", a customer id. The same
normalizers as identity's, so a listed value meets the order's own."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from goodbuyer.identity.addresses import postcode_key
from goodbuyer.identity.normalize import email_canonical, phone_e164
from goodbuyer.identity.records import PersonRecord, prepare
from goodbuyer.policy.statuses import ListSubject

_POSTCODE = re.compile(r"^([A-Za-z]{2})\s*:\s*(.+)$")
_BUILDING = re.compile(r"^[A-Z]{2}\|[^|]+\|[^|]+\|[^|]+$")


class SubjectError(ValueError):
    """A value that cannot be read as the subject it is listed under."""


@dataclass(frozen=True, slots=True)
class Where:
    """What an address or postcode needs besides its own text."""

    country: str = ""
    postcode: str = ""
    city: str = ""


def normalize_subject(subject: ListSubject, raw: str, where: Where | None = None) -> str:
    """The comparable form of `raw`; raises SubjectError when there is none."""
    where, value = where or Where(), raw.strip()
    if not value:
        raise SubjectError("the value is empty")
    return _NORMALIZERS[subject](value, where)


def _phone(value: str, where: Where) -> str:
    found = phone_e164(value, where.country.upper())
    if found is None:
        raise SubjectError(f"{value!r} is not a phone number (give +country code or a country)")
    return found


def _email(value: str, _: Where) -> str:
    found = email_canonical(value)
    if found is None:
        raise SubjectError(f"{value!r} is not an e-mail address")
    return found


def _address(value: str, where: Where) -> str:
    if _BUILDING.match(value):
        return value  # already a building key: "FI|00100|mannerheimintie|12"
    if len(where.country) != 2 or not (where.postcode or where.city):
        raise SubjectError("an address needs its country and its postcode or city")
    record = PersonRecord(address=value, city=where.city, postcode=where.postcode,
                          country=where.country)  # fmt: skip
    address = prepare(record).address
    if address is None or not address.building:
        raise SubjectError(f"{value!r} names no street and house number")
    return address.building


def _postcode(value: str, where: Where) -> str:
    match = _POSTCODE.match(value)
    country, code = (match.group(1), match.group(2)) if match else (where.country, value)
    if len(country) != 2:
        raise SubjectError("a postcode needs its country: 'HU:1051' or a country")
    found = postcode_value(country, code)
    if found is None:
        raise SubjectError(f"{value!r} is not a postcode")
    return found


def postcode_value(country: str | None, postcode: str | None) -> str | None:
    """A postcode in the form postcode list entries are kept in ("HU:1051"), or None."""
    if not country or not postcode:
        return None
    key = postcode_key(postcode, country.upper())
    return f"{country.upper()}:{key}" if key else None


def _customer(value: str, _: Where) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise SubjectError(f"{value!r} is not a customer id") from None


_NORMALIZERS = {
    ListSubject.PHONE: _phone,
    ListSubject.EMAIL: _email,
    ListSubject.ADDRESS: _address,
    ListSubject.POSTCODE: _postcode,
    ListSubject.CUSTOMER: _customer,
}


def comparable(subject: ListSubject, value: str) -> bool:
    """Whether a value written in a policy document is already in its comparable form."""
    try:
        return normalize_subject(subject, value) == value
    except SubjectError:
        return False


__all__ = ["SubjectError", "Where", "comparable", "normalize_subject", "postcode_value"]
