"""Money as a customer reads it in their language (pure): decimal and group separators,
where the symbol goes, and the currency's own minor-unit digits (`goodbuyer.money`).

    en "€12.50"   de "12,50 €"   fi "1 234,50 €"   nl "€ 12,50"   tr "₺12,50"   he "12.50 ₪"
"""

from __future__ import annotations

from typing import NamedTuple

from goodbuyer.money import exponent

_NBSP = "\u00a0"  # keeps "1 234" and "12,50 €" on one line


class _Convention(NamedTuple):
    group: str  # thousands separator
    decimal: str
    before: bool  # the symbol before the number
    spaced: bool  # a space between symbol and number


_CONVENTIONS: dict[str, _Convention] = {
    "en": _Convention(",", ".", True, False),
    "fi": _Convention(_NBSP, ",", False, True),
    "hu": _Convention(_NBSP, ",", False, True),
    "cs": _Convention(_NBSP, ",", False, True),
    "he": _Convention(",", ".", False, True),
    "ar": _Convention(",", ".", False, True),
    "de": _Convention(".", ",", False, True),
    "es": _Convention(".", ",", False, True),
    "fr": _Convention(_NBSP, ",", False, True),
    "pt": _Convention(".", ",", False, True),
    "pl": _Convention(_NBSP, ",", False, True),
    "it": _Convention(".", ",", False, True),
    "nl": _Convention(".", ",", True, True),
    "tr": _Convention(".", ",", True, False),
}
_SYMBOLS = {
    "EUR": "€", "USD": "$", "GBP": "£", "ILS": "₪", "TRY": "₺", "JPY": "¥", "INR": "₹",
    "HUF": "Ft", "CZK": "Kč", "PLN": "zł", "BRL": "R$",
}  # fmt: skip
# Arabic readers see their own currencies' abbreviations; other languages see the code.
_ARABIC_SYMBOLS = {"AED": "د.إ", "SAR": "ر.س", "EGP": "ج.م", "MAD": "د.م.", "QAR": "ر.ق",
                   "KWD": "د.ك", "JOD": "د.أ", "BHD": "د.ب", "OMR": "ر.ع"}  # fmt: skip
# Currencies written symbol first whatever the language ("R$ 12,50").
_SYMBOL_FIRST = frozenset({"BRL"})
# Forint and koruna prices are written without "",00" when there are no fillér/haléř.
_WHOLE_WHEN_ROUND = frozenset({"HUF", "CZK"})


def format_amount(minor: int, currency: str, lang: str) -> str:
    """`minor` units of `currency` written the way `lang` writes money."""
    conv = _CONVENTIONS.get(lang, _CONVENTIONS["en"])
    digits = exponent(currency)
    sign, minor = ("-" if minor < 0 else ""), abs(minor)
    whole, fraction = divmod(minor, 10**digits)
    number = f"{whole:,}".replace(",", conv.group)
    if digits and not (currency in _WHOLE_WHEN_ROUND and fraction == 0):
        number += f"{conv.decimal}{fraction:0{digits}d}"
    symbol = _symbol(currency, lang)
    if currency in _SYMBOL_FIRST:
        conv = conv._replace(before=True, spaced=True)
    gap = _NBSP if conv.spaced or (len(symbol) == 3 and symbol.isalpha()) else ""
    return f"{sign}{symbol}{gap}{number}" if conv.before else f"{sign}{number}{gap}{symbol}"


def _symbol(currency: str, lang: str) -> str:
    if lang == "ar" and currency in _ARABIC_SYMBOLS:
        return _ARABIC_SYMBOLS[currency]
    return _SYMBOLS.get(currency, currency)


__all__ = ["format_amount"]
