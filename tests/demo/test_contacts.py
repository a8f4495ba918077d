"""Contact data varies as in life: formats, variants, typos, shared homes, new identities;
fourteen markets with their own names, numbers, addresses, currencies and languages."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pytest

from goodbuyer.demo.phones import PLANS
from goodbuyer.demo.texts import LANGUAGES, TEXTS
from tests.demo.conftest import Shop

pytestmark = pytest.mark.xdist_group("demo")
MARKETS = {
    "FI": "EUR", "HU": "HUF", "CZ": "CZK", "IL": "ILS", "EG": "EGP", "SA": "SAR", "AE": "AED",
    "MA": "MAD", "DE": "EUR", "ES": "EUR", "FR": "EUR", "US": "USD", "GB": "GBP", "IN": "INR",
}  # fmt: skip
HEBREW, ARABIC = re.compile("[\u0590-\u05ff]"), re.compile("[\u0600-\u06ff]")


def plausible_mobile(phone: str, country: str) -> bool:
    """Could `phone`, as typed, be a mobile number of `country`?"""
    plan = PLANS[country]
    digits = "".join(
        str(unicodedata.digit(c)) for c in phone if unicodedata.digit(c, None) is not None
    )
    if phone.startswith("+"):
        national = digits.removeprefix(plan.dial) if digits.startswith(plan.dial) else ""
    elif digits.startswith("00" + plan.dial):
        national = digits[2 + len(plan.dial) :]
    else:
        national = digits[len(plan.trunk) :] if digits.startswith(plan.trunk) else ""
    return len(national) == plan.length and national.startswith(plan.prefixes)


def test_all_fourteen_markets_with_their_currencies(shop: Shop) -> None:
    seen = {(lines[0]["ship_country"], lines[0]["currency"]) for lines in shop.orders.values()}

    assert seen == set(MARKETS.items())


def test_every_real_customer_phone_is_plausible_however_typed(shop: Shop) -> None:
    phones = [
        (lines[0]["phone"], lines[0]["ship_country"]) for o, lines in shop.orders.items()
        if shop.owner[o]["archetype"] != "ghost" and lines[0]["phone"]
    ]  # fmt: skip

    assert all(plausible_mobile(p, c) for p, c in phones)


def test_ghost_phones_are_never_plausible(shop: Shop) -> None:
    phones = [
        (lines[0]["phone"], lines[0]["ship_country"]) for o, lines in shop.orders.items()
        if shop.owner[o]["archetype"] == "ghost"
    ]  # fmt: skip

    assert phones
    assert not any(plausible_mobile(p, c) for p, c in phones)


def test_phones_are_typed_in_many_formats(shop: Shop) -> None:
    phones = [lines[0]["phone"] for lines in shop.orders.values() if lines[0]["phone"]]
    styles = Counter(
        "plus" if p.startswith("+") else "00" if p.startswith("00") else
        "arabic digits" if not p[0].isascii() else "dashes" if "-" in p else
        "spaces" if " " in p else "run together"
        for p in phones
    )  # fmt: skip

    assert set(styles) == {"plus", "00", "arabic digits", "dashes", "spaces", "run together"}


def test_emails_vary_in_case_dots_and_tags(shop: Shop) -> None:
    emails = [lines[0]["email"] for lines in shop.orders.values() if lines[0]["email"]]

    assert any(e != e.lower() for e in emails)
    assert any("+" in e.split("@")[0] for e in emails)
    assert any(e.lower().endswith("@googlemail.com") for e in emails)
    assert any(
        e.split("@")[-1] in ("gmial.com", "gmail.co", "gmai.com", "gmail.con", "hotmial.com")
        for e in emails
    )


def test_no_two_true_customers_share_an_email_or_a_phone(shop: Shop) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for truth in shop.truth.values():
        if truth["archetype"] != "ghost":  # ghosts do type the same test@test.com
            for contact in truth["emails"].split() + truth["phones"].split():
                owners[contact.lower()].add(truth["customer_key"])

    assert max(len(keys) for keys in owners.values()) == 1


def test_some_come_back_with_a_new_email_or_phone(shop: Shop) -> None:
    changed = [t for t in shop.truth.values() if int(t["identity_changes"]) > 0]

    assert len(changed) > 100
    assert any(len(t["emails"].split()) > 1 for t in changed)
    assert any(len(t["phones"].split()) > 1 for t in changed)


def test_only_some_orders_carry_the_shop_customer_id(shop: Shop) -> None:
    share = sum(bool(lines[0]["customer_id"]) for lines in shop.orders.values()) / len(shop.orders)

    assert 0.15 < share < 0.6


def test_households_share_an_address_under_different_names(shop: Shop) -> None:
    members: dict[str, list[str]] = defaultdict(list)
    for truth in shop.truth.values():
        if truth["household"]:
            members[truth["household"]].append(truth["customer_key"])
    shared = 0
    for keys in members.values():
        homes = [
            {(r[0]["ship_line1"], r[0]["ship_city"]) for r in shop.orders_of(shop.truth[k])}
            for k in keys
        ]
        names = {r[0]["customer_name"] for k in keys for r in shop.orders_of(shop.truth[k])}
        shared += bool(set.intersection(*homes)) and len(names) > 1

    assert len(members) > 50
    assert all(len(keys) >= 2 for keys in members.values())
    assert shared / len(members) > 0.7


def test_names_are_written_in_hebrew_arabic_and_latin_letters(shop: Shop) -> None:
    names = {
        lines[0]["ship_country"] + ":" + lines[0]["customer_name"] for lines in shop.orders.values()
    }

    assert any(n.startswith("IL:") and HEBREW.search(n) for n in names)
    assert any(n.startswith("EG:") and ARABIC.search(n) for n in names)
    assert any(n.startswith("EG:") and n[3:].isascii() for n in names)


def test_addresses_are_abbreviated_and_misspelt_sometimes(shop: Shop) -> None:
    lines = [ls[0]["ship_line1"] for ls in shop.orders.values() if ls[0]["ship_country"] == "DE"]

    assert any("str." in line for line in lines)
    assert any("straße" in line for line in lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_tickets_are_written_in_each_customer_language(shop: Shop, language: str) -> None:
    customer = [
        t["body"] for t in shop.rows["tickets"]
        if t["language"] == language and t["author_kind"] == "customer"
    ]  # fmt: skip

    assert customer
    if language == "he":
        assert all(HEBREW.search(body) for body in customer)
    if language == "ar":
        assert all(ARABIC.search(body) for body in customer)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_template(language: str) -> None:
    keys = set(TEXTS["en"])

    assert set(TEXTS[language]) == keys
    assert all(variants for variants in TEXTS[language].values())


def test_templates_name_only_known_facts() -> None:
    known = {"first", "order", "item", "size", "days", "amount", "carrier", "url", "agent", "shop"}
    named = {
        name for texts in TEXTS.values() for variants in texts.values() for v in variants
        for name in re.findall(r"\{(\w+)\}", v)
    }  # fmt: skip

    assert named == known
