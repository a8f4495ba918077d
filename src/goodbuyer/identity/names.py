"""Comparing two people's names (pure).

Names are compared as sets of words, so "Kovács Péter" and "Péter Kovács" are the same
name; a word matches another when equal, an initial of it, a near spelling (Jaro-Winkler),
or, between scripts, the same consonant skeleton ("محمد" / "Mohammed"). Gendered forms of
one name ("Maria"/"Mario", "Novák"/"Nováková", "Kowalski"/"Kowalska") do not match: they
are two people of one family.
"""

from __future__ import annotations

from enum import IntEnum

from rapidfuzz.distance import JaroWinkler

from goodbuyer.identity.given_names import same_given_name
from goodbuyer.identity.normalize import skeleton

_VOWELS = frozenset("aeiouy")
_FEMININE_ENDINGS = ("ova", "ska", "cka", "dzka", "ina", "aya", "eva", "na")
# Countries where the family name is usually written first.
_FAMILY_FIRST = frozenset({"HU", "CN", "JP", "KR", "VN", "TW"})
# Countries where a name's second word is usually the father's given name ("Nourah Mohammed
# Al-Otaibi" is Mohammed Al-Otaibi's daughter).
_PATRONYMIC = frozenset(
    {"SA", "AE", "EG", "QA", "KW", "BH", "OM", "JO", "IQ", "SY", "LB", "YE", "LY", "MA", "DZ",
     "TN", "SD", "PS"}
)  # fmt: skip


def _expand_initials(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """ "jp bonnet" beside "jean pierre bonnet" reads as "jean pierre bonnet"."""
    out: list[str] = []
    for word in a:
        run = next(
            (b[i : i + len(word)] for i in range(len(b) - len(word) + 1)
             if 2 <= len(word) <= 3 and "".join(w[0] for w in b[i : i + len(word)]) == word),
            None,
        )  # fmt: skip
        out.extend(run if run else (word,))
    return tuple(out)


class NameLevel(IntEnum):
    NULL = 0  # a name is missing on one side
    SAME = 1  # the same words, in any order
    SIMILAR = 2  # every word of the shorter name matches one of the other
    FAMILY_CHANGED = 3  # the given name matches, the family name differs
    GIVEN_DIFFERS = 4  # one name matches, the given names differ: a relative
    DIFFERENT = 5  # no word in common


def _gendered_pair(a: str, b: str) -> bool:
    """Two forms of one name for different sexes ("maria"/"mario", "novak"/"novakova")."""
    short, long = sorted((a, b), key=len)
    if len(short) < 3:
        return False
    if len(short) == len(long):
        return short[:-1] == long[:-1] and short[-1] in _VOWELS and long[-1] in _VOWELS
    rest = long[len(short) :]
    if long.startswith(short) and (rest in _VOWELS or rest in {"ova", "na", "ina"}):
        return True
    stem = short[:-1] if short[-1] in _VOWELS else short
    return long.startswith(stem) and long.endswith(_FEMININE_ENDINGS) and len(rest) <= 3


def words_match(a: str, b: str, cross_script: bool) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if same_given_name(a, b):
        return True  # "bob" / "robert", "honza" / "jan"
    if _gendered_pair(a, b):
        return False
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True  # "dan" / "daniel", "alex" / "alexander"
    if JaroWinkler.normalized_similarity(a, b) >= 0.9 and min(len(a), len(b)) >= 4:
        return True
    skeleton_a, skeleton_b = skeleton(a), skeleton(b)
    if skeleton_a != skeleton_b or not skeleton_a:
        return False
    return cross_script or len(skeleton_a) >= 3 or a[0] == b[0]


def _pairing(short: tuple[str, ...], long: tuple[str, ...], cross: bool) -> list[int | None]:
    """For each word of `short`, the index in `long` it matches (each used once)."""
    used: set[int] = set()
    found: list[int | None] = []
    for word in short:
        exact = next((i for i, w in enumerate(long) if w == word and i not in used), None)
        match = exact
        if match is None:
            match = next(
                (i for i, w in enumerate(long) if i not in used and words_match(word, w, cross)),
                None,
            )
        if match is not None:
            used.add(match)
        found.append(match)
    return found


def compare_names(
    a: tuple[str, ...], b: tuple[str, ...], same_script: bool, country: str = ""
) -> NameLevel:
    if not a or not b:
        return NameLevel.NULL
    if sorted(a) == sorted(b):
        return NameLevel.SAME
    a, b = _expand_initials(a, b), _expand_initials(b, a)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    pairing = _pairing(short, long, not same_script)
    patronymic = country.upper() in _PATRONYMIC and len(long) > len(short) > 1
    if patronymic and pairing[0] not in (0, None):
        return NameLevel.GIVEN_DIFFERS  # the father's name, on his child's order
    if all(p is not None for p in pairing):
        return NameLevel.SIMILAR
    if all(p is None for p in pairing):
        return NameLevel.DIFFERENT
    if country.upper() not in _FAMILY_FIRST and pairing[0] == 0:
        return NameLevel.FAMILY_CHANGED  # "Anna Kovács" / "Anna Nagy": a married name
    return NameLevel.GIVEN_DIFFERS


__all__ = ["NameLevel", "compare_names", "words_match"]
