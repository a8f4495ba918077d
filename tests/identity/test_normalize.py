"""Comparable forms of phones, e-mails, names and addresses."""

from __future__ import annotations

import pytest

from goodbuyer.identity.addresses import parse_address
from goodbuyer.identity.normalize import email_canonical, name_tokens, phone_e164, skeleton


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        pytest.param("06 30 123 4567", "HU", "+36301234567", id="hu-national"),
        pytest.param("0036301234567", "HU", "+36301234567", id="hu-00-prefix"),
        pytest.param("+36 (30) 123-4567", "", "+36301234567", id="international-no-country"),
        pytest.param("(030) 1234567", "DE", "+49301234567", id="de-parentheses"),
        pytest.param("٠٥٠١٢٣٤٥٦٧", "SA", "+966501234567", id="arabic-indic-digits"),
        pytest.param("050-123-4567", "IL", "+972501234567", id="il-dashes"),
        pytest.param("040 123 4567", "fi", "+358401234567", id="lower-case-country"),
        pytest.param("12 34", "HU", None, id="too-short"),
        pytest.param("not a phone", "HU", None, id="no-digits"),
    ],
)
def test_phone_in_e164(raw: str, country: str, expected: str | None) -> None:
    assert phone_e164(raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("J.Doe+shop@GoogleMail.com", "jdoe@gmail.com", id="gmail-dots-tag-alias"),
        pytest.param("john.doe@outlook.com", "john.doe@outlook.com", id="outlook-keeps-dots"),
        pytest.param("john+x@outlook.com", "john@outlook.com", id="outlook-plus-tag"),
        pytest.param("a.b+c@example.fi", "a.b+c@example.fi", id="unknown-provider-as-is"),
        pytest.param("  Mixed@Case.FI ", "mixed@case.fi", id="case-and-spaces"),
        pytest.param("no-at-sign", None, id="not-an-address"),
        pytest.param("+tag@gmail.com", None, id="empty-local-part"),
    ],
)
def test_email_canonical(raw: str, expected: str | None) -> None:
    assert email_canonical(raw) == expected


def test_names_fold_scripts_titles_and_hyphens() -> None:
    assert name_tokens("Dr. Kovács-Nagy Péter") == ("kovacs", "nagy", "peter")
    assert name_tokens("Олександр Шевченко") == ("oleksandr", "shevchenko")
    assert name_tokens("Mohammed Al-Otaibi") == ("mohammed", "otaibi")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("mhmd", "mohammed"),
        ("khhn", "cohen"),
        ("sevcenko", "shevchenko"),
        ("hrtsl", "herzl"),
    ],
)
def test_skeletons_meet_across_scripts(one: str, other: str) -> None:
    assert skeleton(one) == skeleton(other)


@pytest.mark.parametrize(
    ("line", "street", "house", "unit"),
    [
        pytest.param(
            "Kossuth Lajos u. 12. 2. em. 5. ajtó", "kossuth lajos u", "12", "2/5", id="hu"
        ),
        pytest.param("Kossuth Lajos utca 12. II/5", "kossuth lajos u", "12", "2/5", id="hu-roman"),
        pytest.param("Hauptstraße 5", "haupt str", "5", "", id="de-compound"),
        pytest.param("Hauptstr. 5", "haupt str", "5", "", id="de-abbreviated"),
        pytest.param("221B Baker Street", "baker st", "221", "b", id="gb-number-first"),
        pytest.param("Flat 3, 12 High Street", "high st", "12", "3", id="gb-flat-first"),
        pytest.param("12 High Street, Flat 3", "high st", "12", "3", id="gb-flat-last"),
        pytest.param("רחוב הרצל 12 דירה 4", "st hrtsl", "12", "4", id="he"),
        pytest.param("רח' הרצל 12/4", "st hrtsl", "12", "4", id="he-abbreviated"),
        pytest.param("شارع الملك فهد ١٢", "st mlk fhd", "12", "", id="ar"),
        pytest.param("Atatürk Cad. No:15 Daire 3", "ataturk cd", "15", "3", id="tr"),
        pytest.param("C/ Mayor 12, 3º 2ª", "mayor", "12", "3/2", id="es-ordinals"),
        pytest.param("Aleksanterinkatu 5 B 12", "aleksanterin k", "5", "b/12", id="fi"),
    ],
)
def test_addresses_split_into_street_house_and_unit(
    line: str, street: str, house: str, unit: str
) -> None:
    address = parse_address(line, "1051", "Budapest", "HU")
    assert (address.street, address.house, address.unit) == (street, house, unit)


def test_street_type_variants_share_one_building_key() -> None:
    one = parse_address("Kossuth Lajos utca 12", "1051", "Budapest", "HU")
    other = parse_address("Kossuth L. tér 12", "1051", "Budapest", "HU")
    same = parse_address("Kossuth Lajos u. 12", "1051 ", "Budapest", "hu")
    assert one.building == same.building == "HU|1051|kossuthlajos|12"
    assert other.building != one.building
