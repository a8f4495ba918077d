"""Order numbers and tracking codes written in a message, in the 14 languages (pure).

A number counts as an order number only when it is anchored: written as "#1042", or near
a word for "order" ("Bestellung 1042", "הזמנה 1042", "1042 numaralı siparişim"). Long
codes with many digits ("1Z999AA10123456784") count anywhere: they may be a tracking code
or a long order number. Whether any of them exists in the shop is the caller's question.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Word beginnings meaning "order" (Latin script) and word parts (Hebrew, Arabic, which
# attach prefixes such as ה, ב, ال, ل to the word).
_ORDER_PREFIXES = (
    "order", "ordered", "tilau", "rendel", "megrendel", "objedn", "obj", "bestell", "auftrag",
    "pedido", "orden", "commande", "cmd", "encomend", "zamówien", "zamowien", "ordin",
    "sipariş", "siparis", "numero", "número", "nummer", "numer", "číslo", "nr", "no", "n°",
    "nº", "č", "szám", "számú", "numaralı", "numarali", "ref", "referenz", "référence",
)  # fmt: skip
_ORDER_PARTS = ("הזמנ", "מספר", "طلب", "رقم")
_TOKEN = re.compile(r"[#\w][\w#°º/-]*", re.UNICODE)
_TRAILING = "-/"
# Hungarian and Turkish attach case endings with a hyphen: "1042-es", "1042-nolu".
_SUFFIXED = re.compile(r"^(\d+)-[^\W\d_]+$")
_WINDOW_BEFORE, _WINDOW_AFTER = 3, 2
_MIN_ANCHORED, _MIN_FREE, _MIN_FREE_DIGITS = 3, 8, 5
_MAX_LENGTH = 40


@dataclass(frozen=True)
class Reference:
    """A code found in the text: `value` as written (no '#'), and whether it was anchored."""

    value: str
    anchored: bool

    def variants(self) -> tuple[str, ...]:
        """Forms a shop may have stored: as written, in either case, with a leading '#'."""
        forms = {self.value, self.value.upper(), self.value.lower()}
        return tuple(sorted(forms | {"#" + f for f in forms}))


def find_references(*texts: str | None) -> list[Reference]:
    """Every candidate order number or tracking code in the texts, first seen first."""
    found: dict[str, Reference] = {}
    for text in texts:
        if not text:
            continue
        written = [m.group() for m in _TOKEN.finditer(text)]
        folded = [_fold(token) for token in written]
        for index, token in enumerate(written):
            reference = _reference(folded, index, token)
            if reference is None:
                continue
            known = found.get(reference.value.upper())
            if known is None or (reference.anchored and not known.anchored):
                found[reference.value.upper()] = reference
    return list(found.values())


def _reference(tokens: list[str], index: int, token: str) -> Reference | None:
    hashed = token.startswith("#")
    value = token.lstrip("#").rstrip(_TRAILING)
    if suffixed := _SUFFIXED.match(value):
        value = suffixed.group(1)
    if not any(c.isdigit() for c in value) or len(value) > _MAX_LENGTH:
        return None
    if not value.replace("-", "").replace("/", "").isalnum():
        return None
    anchored = hashed or _near_order_word(tokens, index)
    if anchored and len(value) >= _MIN_ANCHORED:
        return Reference(value, anchored=True)
    if _looks_like_code(value):
        return Reference(value, anchored=False)
    return None


def _looks_like_code(value: str) -> bool:
    compact = value.replace("-", "")
    digits = sum(c.isdigit() for c in compact)
    return len(compact) >= _MIN_FREE and digits >= _MIN_FREE_DIGITS and compact.isascii()


def _near_order_word(tokens: list[str], index: int) -> bool:
    start, end = max(0, index - _WINDOW_BEFORE), min(len(tokens), index + _WINDOW_AFTER + 1)
    return any(_is_order_word(tokens[i]) for i in range(start, end) if i != index)


def _is_order_word(token: str) -> bool:
    word = token.lstrip("#")
    if any(c.isdigit() for c in word):
        return False
    if any(part in word for part in _ORDER_PARTS):
        return True
    short = {"nr", "no", "n°", "nº", "č", "obj", "cmd", "ref"}
    return any(word == p if p in short else word.startswith(p) for p in _ORDER_PREFIXES)


def _fold(token: str) -> str:
    # Turkish capital İ lower-cases to i + a combining dot; drop the dot so "SİPARİŞ" matches.
    return unicodedata.normalize("NFC", token.lower().replace("\u0307", ""))


__all__ = ["Reference", "find_references"]
