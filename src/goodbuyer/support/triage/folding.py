"""Text folding shared by the features and the cue words: lower case without diacritics
(also Hebrew and Arabic vowel marks), a few letters Unicode does not decompose, and
every digit as 0, so "zrusit" meets "zrušit" and one order number looks like another."""

from __future__ import annotations

import re
import unicodedata

_LETTERS = str.maketrans({"ł": "l", "ı": "i", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe"})
_DIGITS = re.compile(r"\d")


def fold(text: str) -> str:
    """`text` folded for matching (see the module docstring)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _DIGITS.sub("0", bare)
