"""Comparable forms of phones, e-mails and names (pure).

    phone_e164("06 30 123 4567", "HU")          -> "+36301234567"
    email_canonical("J.Doe+shop@GoogleMail.com") -> "jdoe@gmail.com"
    name_tokens("Dr. Kovács-Nagy Péter")         -> ("kovacs", "nagy", "peter")

Addresses have their own module (`addresses`); both share `fold`, the step that makes text
of any script comparable: NFKC, case-fold, transliteration to Latin (Arabic, Hebrew,
Cyrillic, Greek, accented Latin, CJK), punctuation to spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import phonenumbers
from anyascii import anyascii

_PUNCTUATION = re.compile(r"[^0-9a-z/ ]+")
_SPACES = re.compile(r"\s+")
_ARABIC_ARTICLE = re.compile(r"(?<![\u0600-\u06ff])\u0627\u0644(?=[\u0600-\u06ff]{2})")
_LATIN_ARTICLE = re.compile(r"\b(?:al|el|ul)[- ](?=\w)")

# Providers whose documented rules make several spellings reach one mailbox.
_DOTS_IGNORED = frozenset({"gmail.com"})
_PLUS_TAGS = frozenset(
    {
        "gmail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com",
        "me.com", "mac.com", "fastmail.com", "fastmail.fm", "proton.me", "protonmail.com",
        "pm.me", "zoho.com", "yandex.ru", "yandex.com", "gmx.de", "gmx.net", "posteo.de",
        "mailbox.org", "seznam.cz", "web.de",
    }
)  # fmt: skip
_DOMAIN_ALIASES = {"googlemail.com": "gmail.com", "ya.ru": "yandex.ru"}

# Words that are not part of a person's name.
_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "ing", "mgr", "bc", "phdr", "judr", "mudr",
        "ifj", "id", "ozv", "herr", "frau", "sr", "sra", "srta", "don", "dona", "m", "mme",
        "mlle", "sig", "pan", "pani", "sheikh", "jr", "sen", "dipl",
    }
)  # fmt: skip


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian and other Unicode decimal digits as ASCII digits."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text of any script in one comparable Latin form: lower case, no accents, no
    punctuation but '/', single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_ARTICLE.sub("", text)  # "العتيبي" and "Otaibi" meet without the article
    text = anyascii(to_ascii_digits(text)).lower()
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text.replace("'", ""))).strip()


@lru_cache(maxsize=65536)
def phone_e164(raw: str, country: str = "") -> str | None:
    """The phone in E.164 form, read with the order's country as the default region
    (national forms, +, 00 and other international prefixes, any separators and digits).
    Numbers that cannot be read give None; possible but invalid numbers keep a form so
    that two orders with the same wrong number still meet."""
    text = to_ascii_digits(raw).strip()
    if sum(c.isdigit() for c in text) < 6:
        return None
    region = country.upper() if len(country) == 2 else None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=65536)
def email_canonical(raw: str) -> str | None:
    """One spelling per mailbox: lower case; gmail/googlemail without dots; `+tags`
    dropped where the provider documents them."""
    value = unicodedata.normalize("NFKC", raw).strip().lower()
    local, at, domain = value.rpartition("@")
    if not at or not local or "." not in domain:
        return None
    domain = _DOMAIN_ALIASES.get(domain.rstrip("."), domain.rstrip("."))
    if domain in _PLUS_TAGS:
        local = local.split("+", 1)[0]
    if domain in _DOTS_IGNORED:
        local = local.replace(".", "")
    return f"{local}@{domain}" if local else None


@lru_cache(maxsize=65536)
def name_tokens(raw: str) -> tuple[str, ...]:
    """The words of a person's name, folded, in the order written, without titles; the
    parts of hyphenated names are separate words."""
    text = _LATIN_ARTICLE.sub("", fold(raw.replace("-", " ")))
    return tuple(t for t in text.replace("/", " ").split() if t not in _TITLES and len(t) > 0)


_SKELETON_DROP = str.maketrans("", "", "aeiouyhwvb")
_SKELETON_MAP = str.maketrans({"c": "k", "q": "k", "z": "s", "x": "ks", "j": "y", "g": "k"})
_SKELETON_PAIRS = (("ph", "f"), ("sh", "s"), ("ch", "k"), ("ck", "k"), ("tz", "s"), ("ts", "s"))


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """The consonants of a folded word, repeated letters once: what survives between
    scripts that write vowels differently ("mhmd"/"mohammed", "khhn"/"cohen" -> "md", "kn").
    B and v are one letter in Hebrew script, so both go with the vowels."""
    text = token
    for pair, single in _SKELETON_PAIRS:
        text = text.replace(pair, single)
    text = text.translate(_SKELETON_MAP).translate(_SKELETON_DROP)
    out: list[str] = []
    for c in text:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def is_latin(raw: str) -> bool:
    """True when the letters of the text are Latin (accented or not)."""
    for c in raw:
        if c.isalpha() and not c.isascii() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


__all__ = [
    "email_canonical",
    "fold",
    "is_latin",
    "name_tokens",
    "phone_e164",
    "skeleton",
    "to_ascii_digits",
]
