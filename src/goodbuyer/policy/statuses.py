"""List vocabularies."""

from __future__ import annotations

from enum import StrEnum


class ListKind(StrEnum):
    BLOCK = "block"  # orders matching it are rejected or need prepayment, per policy
    ALLOW = "allow"  # orders matching it are approved at once


class ListSubject(StrEnum):
    PHONE = "phone"  # a phone number in E.164
    EMAIL = "email"  # an e-mail address in its comparable form
    ADDRESS = "address"  # a comparable one-line address
    CUSTOMER = "customer"  # a customer id
    POSTCODE = "postcode"  # a country + postcode, e.g. "HU:1051"


__all__ = ["ListKind", "ListSubject"]
