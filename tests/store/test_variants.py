"""Size and colour of a variant, from option names or a variant title (no database)."""

from __future__ import annotations

import pytest

from goodbuyer.store.sources.variants import from_options, from_title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("M / Black", ("M", "Black"), id="size-colour"),
        pytest.param("Black / M", ("M", "Black"), id="colour-size"),
        pytest.param("XL", ("XL", None), id="size-only"),
        pytest.param("42", ("42", None), id="shoe-size"),
        pytest.param("EU 38.5", ("EU 38.5", None), id="eu-size"),
        pytest.param("W32/L34", ("W32/L34", None), id="jeans"),
        pytest.param("Small / Walnut", ("Small", "Walnut"), id="word-size"),
        pytest.param("Fekete", (None, "Fekete"), id="hungarian-colour"),
        pytest.param("L / أسود", ("L", "أسود"), id="arabic-colour"),
        pytest.param("Cotton", (None, None), id="not-a-colour"),
        pytest.param("Cotton / Black / M", ("M", None), id="three-values"),
        pytest.param("Default Title", (None, None), id="no-variant"),
        pytest.param(None, (None, None), id="null"),
    ],
)
def test_from_title(title: str | None, expected: tuple[str | None, str | None]) -> None:
    assert from_title(title) == expected


def test_from_options_reads_names_in_many_languages() -> None:
    assert from_options([("Méret", "XL"), ("Szín", "Piros")]) == ("XL", "Piros")
    assert from_options([("pa_size", "m"), ("pa_color", "noir")]) == ("m", "noir")
    assert from_options([("attribute_pa_taille", "S"), ("Couleur", "Bleu")]) == ("S", "Bleu")
    assert from_options([("المقاس", "L"), ("اللون", "أحمر")]) == ("L", "أحمر")


def test_from_options_skips_unknown_names_and_blank_values() -> None:
    assert from_options([("Engraving", "For Anna"), ("Size", " "), ("Size", "S")]) == ("S", None)
