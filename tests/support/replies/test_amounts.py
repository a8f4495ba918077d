from __future__ import annotations

import pytest

from goodbuyer.support.replies import format_amount

NB = "\u00a0"


@pytest.mark.parametrize(
    ("minor", "currency", "lang", "shown"),
    [(1250, "EUR", "en", "€12.50"), (123450, "USD", "en", "$1,234.50"),
     (1250, "EUR", "de", f"12,50{NB}€"), (123450, "EUR", "de", f"1.234,50{NB}€"),
     (123450, "EUR", "fi", f"1{NB}234,50{NB}€"), (1250, "EUR", "es", f"12,50{NB}€"),
     (123450, "EUR", "fr", f"1{NB}234,50{NB}€"), (1250, "EUR", "nl", f"€{NB}12,50"),
     (1250, "TRY", "tr", "₺12,50"), (1250, "ILS", "he", f"12.50{NB}₪"),
     (1250, "AED", "ar", f"12.50{NB}د.إ"), (1250, "AED", "en", f"AED{NB}12.50"),
     (1250000, "HUF", "hu", f"12{NB}500{NB}Ft"), (1250050, "HUF", "hu", f"12{NB}500,50{NB}Ft"),
     (49900, "CZK", "cs", f"499{NB}Kč"), (4999, "PLN", "pl", f"49,99{NB}zł"),
     (4999, "BRL", "pt", f"R${NB}49,99"), (1000, "JPY", "en", "¥1,000"),
     (12345, "KWD", "en", f"KWD{NB}12.345"), (-1250, "EUR", "en", "-€12.50"),
     (1250, "SEK", "de", f"12,50{NB}SEK")],
)  # fmt: skip
def test_money_is_written_the_way_the_language_writes_it(
    minor: int, currency: str, lang: str, shown: str
) -> None:
    assert format_amount(minor, currency, lang) == shown
