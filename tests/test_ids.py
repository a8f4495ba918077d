"""Time-ordered ids: version 7, the RFC's variant, increasing, in both forms."""

from __future__ import annotations

import uuid

from goodbuyer.ids import new_id, new_id_hexes, new_ids


def test_hex_ids_are_version_7_uuids_in_increasing_order() -> None:
    before = new_id()
    hexes = new_id_hexes(5000)
    after = new_id()

    ids = [uuid.UUID(text) for text in hexes]

    assert all(len(text) == 32 and text == i.hex for text, i in zip(hexes, ids, strict=True))
    assert {i.version for i in ids} == {7}
    assert {i.variant for i in ids} == {uuid.RFC_4122}
    assert [before, *ids, after] == sorted({before, *ids, after})


def test_both_bulk_forms_count_on_from_the_same_clock() -> None:
    ids = new_ids(3)
    hexes = new_id_hexes(3)
    more = new_ids(3)

    assert ids[-1].hex < hexes[0] < hexes[-1] < more[0].hex
    assert new_id_hexes(0) == []


def test_few_and_many_hex_ids_have_the_same_form() -> None:
    few, many = new_id_hexes(3), new_id_hexes(300)

    for text in (*few, *many):
        parsed = uuid.UUID(text)
        assert (parsed.hex, parsed.version, parsed.variant) == (text, 7, uuid.RFC_4122)
    assert few[-1] < many[0]
