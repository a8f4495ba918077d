"""Placeholder phones and e-mails identify nobody: they are left out of matching, while
real contact data that looks a little like them still links."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from goodbuyer.identity.index import OrderRef
from goodbuyer.identity.keys import blocking_keys
from goodbuyer.identity.linking import link_record
from goodbuyer.identity.matcher import decide
from goodbuyer.identity.memory_index import MemoryIndex
from goodbuyer.identity.normalize import email_canonical, name_tokens, phone_e164
from goodbuyer.identity.placeholders import (
    placeholder_address,
    placeholder_email,
    placeholder_name,
    placeholder_phone,
)
from goodbuyer.identity.records import PersonRecord, prepare

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "country", "placeholder"),
    [
        ("999999999", "IN", True),
        ("0123456789", "SA", True),
        ("1234567", "AE", True),
        ("0000000000", "EG", True),
        ("111111111", "MA", True),
        ("987654321", "HU", True),
        ("+36 30 121 2121", "HU", False),  # a pair repeated only at the end
        ("+36 30 123 4567", "HU", False),  # a run only at the end: a real number
        ("+358 40 123 4567", "FI", False),
        ("050431039", "SA", False),
        ("+972 50 765 4321", "IL", False),
    ],
)
def test_placeholder_phones(raw: str, country: str, placeholder: bool) -> None:
    e164 = phone_e164(raw, country)
    assert e164 is not None
    assert placeholder_phone(e164) is placeholder


@pytest.mark.parametrize(
    ("raw", "placeholder"),
    [
        ("123@123.com", True),
        ("a@a.com", True),
        ("x@gmail.com", True),
        ("test@test.com", True),
        ("asdf@gmail.con", True),
        ("no@no.com", True),
        ("noreply@shop.fi", True),
        ("aino.virtanen@example.fi", False),  # a reserved domain, a real person's name
        ("testuser@gmail.com", False),
        ("info@shop.hu", False),
        ("jan123@seznam.cz", False),
        ("mario.rossi@gmail.com", False),
    ],
)
def test_placeholder_emails(raw: str, placeholder: bool) -> None:
    canonical = email_canonical(raw)
    assert canonical is not None
    assert placeholder_email(canonical) is placeholder


@pytest.mark.parametrize(
    ("name", "placeholder"),
    [
        ("test test", True),
        ("qwerty", True),
        ("abc abc", True),
        ("sdfsdf", True),
        ("a", True),
        ("Teszt Próba", True),
        ("Kovács Péter", False),
        ("Li Na", False),
        ("Ng Wei", False),
        ("Anna Test", False),  # one real word is enough
        ("Mkrtchyan Ani", False),
    ],
)
def test_placeholder_names(name: str, placeholder: bool) -> None:
    assert placeholder_name(name_tokens(name)) is placeholder


@pytest.mark.parametrize(
    ("address", "placeholder"),
    [
        ("test test 1", True),
        ("asdf", True),
        ("xxx 5", True),
        ("Mannerheimintie 12 B 7", False),
        ("Brennnesselweg 3", False),
        ("12 MG Road", False),
        ("شارع التحرير 5", False),
        ("Test Street 5", False),
        ("Via Roma 1", False),
    ],
)
def test_placeholder_addresses(address: str, placeholder: bool) -> None:
    assert placeholder_address(address) is placeholder


def test_placeholders_give_no_keys_and_no_match() -> None:
    junk = ("0123456789", "123@123.com", "test test 1", "Kadapa", "516001", "IN")
    ghost = prepare(PersonRecord("test test", *junk))
    other = prepare(PersonRecord("test test", *junk))
    assert ghost.phone is None
    assert ghost.email is None
    assert ghost.name == ()
    assert ghost.address is None
    assert blocking_keys(ghost) == []
    decision = decide(ghost, other)
    assert not decision.same_person
    assert not decision.household


def _order(shop: uuid.UUID, n: int) -> OrderRef:
    return OrderRef(uuid.uuid4(), shop, uuid.uuid4(), f"#{n}", NOW)


def test_strangers_sharing_placeholders_stay_apart_and_real_data_still_links() -> None:
    shop = uuid.uuid4()
    index = MemoryIndex(shop, NOW, "test")
    junk = ("999999999", "123@123.com")
    strangers = [
        PersonRecord("Ravi Kumar", *junk, "12 MG Road", "Pune", "411001", "IN"),
        PersonRecord("Priya Shah", *junk, "4 Park St", "Kolkata", "700016", "IN"),
    ]
    made = [link_record(index, _order(shop, n), prepare(r)) for n, r in enumerate(strangers)]
    assert made == [[], []]

    same_mailbox = [
        PersonRecord("Ravi Kumar", "999999999", "ravi.kumar@gmail.com", "", "Pune", "", "IN"),
        PersonRecord("R. Kumar", "", "ravi.kumar@gmail.com", "", "", "", "IN"),
    ]
    first = link_record(index, _order(shop, 3), prepare(same_mailbox[0]))
    second = link_record(index, _order(shop, 4), prepare(same_mailbox[1]))
    assert first == []
    assert len(second) == 1
    assert second[0].decision.same_person
