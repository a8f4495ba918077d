"""Order numbers and tracking codes found in text, in the 14 languages (pure)."""

from __future__ import annotations

import pytest

from goodbuyer.support.intake.references import Reference, find_references

ANCHORED = [
    ("en", "Where is my order #1042? It is late."),
    ("en", "order 1042 has not arrived"),
    ("fi", "Missä tilaukseni 1042 viipyy?"),
    ("hu", "Hol van a 1042-es rendelésem?"),
    ("cs", "Kde je moje objednávka č. 1042?"),
    ("he", "איפה ההזמנה 1042 שלי?"),
    ("ar", "أين طلبي رقم 1042؟"),
    ("de", "Meine Bestellung 1042 ist noch nicht da."),
    ("es", "¿Dónde está mi pedido 1042?"),
    ("fr", "Où en est ma commande n° 1042 ?"),
    ("pt", "Cadê a minha encomenda 1042?"),
    ("pl", "Gdzie jest moje zamówienie nr 1042?"),
    ("it", "Dov'è il mio ordine 1042?"),
    ("nl", "Waar blijft mijn bestelling 1042?"),
    ("tr", "1042 numaralı SİPARİŞİM nerede?"),
]


@pytest.mark.parametrize(
    ("lang", "text"), ANCHORED, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(ANCHORED)]
)
def test_order_number_near_an_order_word_is_found(lang: str, text: str) -> None:
    assert find_references(text) == [Reference("1042", anchored=True)]


@pytest.mark.parametrize(
    "text",
    ["I paid 1500 euros for 2 shirts", "It is 2026 and nothing came", "Call me at 10 o'clock"],
)
def test_short_numbers_without_an_order_word_are_not_references(text: str) -> None:
    assert find_references(text) == []


@pytest.mark.parametrize(
    "code", ["1Z999AA10123456784", "JD014600003828475432", "00340434161094042557"]
)
def test_tracking_codes_count_anywhere(code: str) -> None:
    text = f"The carrier page for {code}, says delivered but nothing came."

    assert find_references(text) == [Reference(code, anchored=False)]


def test_a_code_named_twice_is_one_reference_and_anchored_wins() -> None:
    found = find_references("Tracking 1Z999AA10123456784", "order #1Z999AA10123456784")

    assert found == [Reference("1Z999AA10123456784", anchored=True)]


def test_variants_cover_the_stored_forms() -> None:
    assert set(Reference("gb-1042", anchored=True).variants()) == {
        "gb-1042", "GB-1042", "#gb-1042", "#GB-1042",
    }  # fmt: skip
