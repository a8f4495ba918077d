"""Policy and list vocabularies."""

from __future__ import annotations

from enum import StrEnum


class PolicyStatus(StrEnum):
    DRAFT = "draft"  # being edited; not checked yet, or checked with problems
    VALIDATED = "validated"  # checked without problems; can be activated
    ACTIVE = "active"  # the one deciding orders now (one per shop)
    RETIRED = "retired"  # was active once; kept for history and backtests


class ListKind(StrEnum):
    BLOCK = "block"  # orders matching it are rejected or need prepayment, per policy
    ALLOW = "allow"  # orders matching it are approved at once


class ListSubject(StrEnum):
    PHONE = "phone"  # a phone number in E.164
    EMAIL = "email"  # an e-mail address in its comparable form
    ADDRESS = "address"  # a comparable one-line address
    CUSTOMER = "customer"  # a customer id
    POSTCODE = "postcode"  # a country + postcode, e.g. "HU:1051"


__all__ = ["ListKind", "ListSubject", "PolicyStatus"]
