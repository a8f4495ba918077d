"""What a customer's SMS or WhatsApp reply means: yes, no, or not clear (pure).

Normalised first (case, diacritics, Arabic letter forms, Arabic-Indic digits, emoji),
then read word by word. A negation before a yes makes it a no ("not yes", "nem kérem",
"nie potwierdzam"); a reply holding both a yes and a no, or too many other words, stays
UNKNOWN, and so does a question ("Ne zaman gelir?"): cancelling an order on a guess
is worse than asking again.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from goodbuyer.confirmations import reply_words as words

# More words than this that are neither answers nor politeness: a person should read it.
MAX_OTHER_WORDS = 4
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe",
                          "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": None,
                          "ی": "ي", "ک": "ك", "’": "", "'": "", "`": "", "´": ""})  # fmt: skip
_NOT_WORD = re.compile(r"[^\w]+")


class Reply(StrEnum):
    YES = "yes"  # the customer confirms the order
    NO = "no"  # the customer cancels the order
    UNKNOWN = "unknown"  # not clear: ask again for YES or NO


def normalize(text: str) -> str:
    """Lower case, no diacritics or apostrophes, ASCII digits, emoji as words."""
    for emoji, word in words.EMOJI.items():
        text = text.replace(emoji, word)
    text = unicodedata.normalize("NFKC", text).casefold().translate(_DIGITS)
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = unicodedata.normalize("NFC", bare).translate(_LETTERS)
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def classify(text: str, language: str | None = None) -> Reply:
    """YES, NO or UNKNOWN for a reply; `language` (if known) settles words that mean
    something else in it (Turkish "ne" is "what", not Czech "no")."""
    tokens = _tokens(normalize(text))
    kinds = [_kind(token, language) for token in tokens]
    kinds = _negated(kinds)
    yes, no = kinds.count(Reply.YES), kinds.count(Reply.NO)
    others = sum(1 for kind in kinds if kind is None)
    question = "?" in text or "؟" in text
    if others > MAX_OTHER_WORDS or (yes and no) or (question and others):
        return Reply.UNKNOWN
    if no:
        return Reply.NO
    return Reply.YES if yes else Reply.UNKNOWN


def _tokens(text: str) -> list[str]:
    padded = f" {text} "
    for phrase, meaning in words.PHRASES.items():
        padded = padded.replace(f" {phrase} ", f" {meaning} ")
    return padded.split()


_Kind = Reply | str | None  # Reply.YES/NO, "neg" (a negation only), "filler", None (other)


def _kind(token: str, language: str | None) -> _Kind:
    if language and token in words.NOT_IN_LANGUAGE.get(language, ()):
        return None
    only = words.ONLY_IN_LANGUAGE.get(language or "", {})
    if token in only:
        return Reply(only[token])
    if token in words.NO:
        return Reply.NO
    if token in words.YES:
        return Reply.YES
    if token in words.NEGATIONS:
        return "neg"
    if token in words.FILLER:
        return "filler"
    return None


def _negated(kinds: list[_Kind]) -> list[_Kind]:
    """A yes right after a negation or a no (politeness between them allowed) is a no;
    the negation itself then adds nothing more."""
    out: list[_Kind] = []
    last_negation: int | None = None
    for kind in kinds:
        if kind == "filler":
            continue
        if kind is Reply.YES and last_negation is not None and last_negation == len(out) - 1:
            out[last_negation] = "neg"
            out.append(Reply.NO)
            last_negation = None
            continue
        if kind in (Reply.NO, "neg"):
            last_negation = len(out)
        out.append(kind)
    return out


__all__ = ["MAX_OTHER_WORDS", "Reply", "classify", "normalize"]
