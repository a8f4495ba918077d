"""Same person, household, or strangers: the matcher's decisions and their reasons."""

from __future__ import annotations

import pytest

from goodbuyer.identity.matcher import decide
from goodbuyer.identity.names import NameLevel, compare_names
from goodbuyer.identity.records import PersonRecord, prepare

PETER = PersonRecord(
    "Kovács Péter", "06 30 123 4567", "peter.kovacs@gmail.com",
    "Kossuth Lajos u. 12. 2. em. 5.", "Budapest", "1051", "HU",
)  # fmt: skip


def _decide(a: PersonRecord, b: PersonRecord) -> tuple[bool, bool]:
    decision = decide(prepare(a), prepare(b))
    return decision.same_person, decision.household


@pytest.mark.parametrize(
    ("other", "same", "household"),
    [
        pytest.param(
            PersonRecord(
                "Péter Kovács",
                "+36301234567",
                "PeterKovacs+x@googlemail.com",
                "Kossuth Lajos utca 12 II/5",
                "Budapest",
                "1051",
                "HU",
            ),
            True,
            False,
            id="formats-and-name-order",
        ),
        pytest.param(
            PersonRecord(
                "Kovács Péter",
                "06 30 123 4567",
                "kp1980@freemail.hu",
                "Váci út 1",
                "Budapest",
                "1062",
                "HU",
            ),
            True,
            False,
            id="moved-and-new-email",
        ),
        pytest.param(
            PersonRecord(
                "Kovács Anna",
                "06 30 765 4321",
                "anna.k@gmail.com",
                "Kossuth Lajos u. 12. 2. em. 5.",
                "Budapest",
                "1051",
                "HU",
            ),
            False,
            True,
            id="household-same-flat",
        ),
        pytest.param(
            PersonRecord(
                "Kovács Anna",
                "06 30 123 4567",
                "",
                "Kossuth Lajos u. 12. 2. em. 5.",
                "Budapest",
                "1051",
                "HU",
            ),
            False,
            True,
            id="family-sharing-a-phone",
        ),
        pytest.param(
            PersonRecord(
                "Kovács Péter",
                "06 20 999 8888",
                "kovacs.p@citromail.hu",
                "Petőfi utca 3",
                "Debrecen",
                "4025",
                "HU",
            ),
            False,
            False,
            id="namesake-elsewhere",
        ),
        pytest.param(
            PersonRecord(
                "Nagy Éva",
                "06 30 123 4568",
                "eva.nagy@gmail.com",
                "Andrássy út 5",
                "Budapest",
                "1061",
                "HU",
            ),
            False,
            False,
            id="phone-one-digit-off-stranger",
        ),
    ],
)
def test_decisions(other: PersonRecord, same: bool, household: bool) -> None:
    assert _decide(PETER, other) == (same, household)


def test_transliterated_name_with_the_same_phone_is_one_person() -> None:
    arabic = PersonRecord(
        "محمد العتيبي", "٠٥٠١٢٣٤٥٦٧", "", "شارع الملك فهد ١٢", "الرياض", "12345", "SA"
    )
    latin = PersonRecord(
        "Mohammed Al-Otaibi", "+966 50 123 4567", "", "King Fahd Rd 12", "Riyadh", "12345", "SA"
    )
    decision = decide(prepare(arabic), prepare(latin))
    assert decision.same_person
    assert decision.reasons[0] == "same phone (+966501234567)"
    assert decision.levels["name"] == "similar name"


def test_reasons_name_the_matching_levels_strongest_first() -> None:
    decision = decide(prepare(PETER), prepare(PETER))
    assert decision.score > 0.999
    assert [r.split(" (")[0] for r in decision.reasons] == [
        "same phone", "same e-mail", "same address", "same name",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        (("anna", "kovacs"), ("kovacs", "anna"), NameLevel.SAME),
        (("anna", "kovacs"), ("anna", "nagy", "kovacs"), NameLevel.SIMILAR),
        (("j", "smith"), ("john", "smith"), NameLevel.SIMILAR),
        (("maria", "rossi"), ("mario", "rossi"), NameLevel.GIVEN_DIFFERS),
        (("jan", "novak"), ("jana", "novakova"), NameLevel.DIFFERENT),
        (("anna", "kovacs"), ("anna", "nagy"), NameLevel.FAMILY_CHANGED),
        (("peter", "smith"), ("anna", "jones"), NameLevel.DIFFERENT),
        ((), ("anna",), NameLevel.NULL),
    ],
)
def test_name_levels(a: tuple[str, ...], b: tuple[str, ...], level: NameLevel) -> None:
    assert compare_names(a, b, same_script=True, country="GB") == level
