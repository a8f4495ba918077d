"""What erased data becomes (pure): pseudonyms, scrubbed texts, labels, ids-only payloads."""

from __future__ import annotations

import pytest

from goodbuyer.identity.ghosts import WEIGHTS, ContactData, ghost_signals
from goodbuyer.identity.redaction import (
    ERASED,
    GHOST_REASONS,
    SEPARATED_REASON,
    Scrubber,
    ghost_reasons_without_values,
    ids_only,
    labels_only,
    postcode_area,
    pseudonym,
)


def test_every_ghost_signal_has_a_reason_without_its_value() -> None:
    assert set(GHOST_REASONS) == set(WEIGHTS)
    assert not [reason for reason in GHOST_REASONS.values() if " '" in reason]  # no quoted value


def test_ghost_signals_keep_code_field_and_weight_and_lose_the_value() -> None:
    contact = ContactData(
        "Aino", "+358 40 000 0000", "aino@gmial.com", "Katu", "Helsinki", "1", "FI"
    )
    signals = [
        {"code": s.code, "field": s.field, "weight": s.weight, "reason": s.reason}
        for s in ghost_signals(contact)
    ]

    erased = ghost_reasons_without_values(signals)

    assert [(s["code"], s["weight"]) for s in erased] == [(s["code"], s["weight"]) for s in signals]
    assert not [s for s in erased if "aino" in s["reason"].lower() or "000" in s["reason"]]


def test_a_pseudonym_is_keyed_by_a_salt_distinct_and_kept_once_made() -> None:
    salt, other = b"s" * 32, b"t" * 32
    made = pseudonym("email:aino@example.fi", salt)

    assert made.startswith("erased:")
    assert "aino" not in made
    assert made != pseudonym("email:aino@example.fi", other)
    assert made != pseudonym("email:eero@example.fi", salt)
    assert pseudonym(made, other) == made


@pytest.mark.parametrize(
    ("reasons", "labels"),
    [
        pytest.param(["same phone (+358401234567)"], ["same phone"], id="detail-dropped"),
        pytest.param(
            ["same building, other flat (3 / 7)"],
            ["same building, other flat"],
            id="label-with-comma",
        ),
        pytest.param(["different e-mail"], ["different e-mail"], id="label-only"),
        pytest.param(["two people named Aino"], [ERASED], id="agent-note"),
        pytest.param([SEPARATED_REASON], [SEPARATED_REASON], id="default-note"),
    ],
)
def test_reasons_become_their_level_labels(reasons: list[str], labels: list[str]) -> None:
    assert labels_only(reasons) == labels


def test_the_scrubber_cuts_values_in_any_case_longest_first_and_skips_short_ones() -> None:
    scrub = Scrubber(["Aino Virtanen", "aino.virtanen@example.fi", "Li", None, ""])
    doc = {"reasons": ["AINO VIRTANEN wrote from aino.virtanen@EXAMPLE.fi"], "n": 3, "Li": "Li"}

    assert scrub.doc(doc) == {"reasons": [f"{ERASED} wrote from {ERASED}"], "n": 3, "Li": "Li"}
    assert Scrubber([]).text("Aino") == "Aino"


@pytest.mark.parametrize(
    ("postcode", "area"),
    [("00100", "00"), ("H-1137", "11"), ("SW1A 1AA", "SW"), ("", None), (None, None)],
)
def test_a_postcode_keeps_its_area(postcode: str | None, area: str | None) -> None:
    assert postcode_area(postcode) == area


def test_a_payload_keeps_its_ids_only() -> None:
    payload = {"id": 5731284920394, "order_id": "77", "email": "a@b.fi", "customer": {"id": 1}}

    assert ids_only(payload) == {"erased": True, "id": 5731284920394, "order_id": "77"}
    assert ids_only(ids_only(payload)) == ids_only(payload)
