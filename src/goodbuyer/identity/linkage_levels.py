"""Comparison levels for `linkage`: exact, edit distance, Jaro-Winkler, dates, ids,
names, e-mails, postcodes (pure).

Each builder gives a `LinkComparison`: labelled levels, most telling first after level 0
("missing", which says nothing), and a vectorised judge that puts every pair on one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler, Levenshtein
from rapidfuzz.process import cpdist

from goodbuyer.identity.comparisons import Level
from goodbuyer.identity.names import NameLevel, compare_names
from goodbuyer.identity.normalize import name_tokens, skeleton

Array = npt.NDArray[Any]
Bools = npt.NDArray[np.bool_]
Features = Mapping[str, Array]
Judge = Callable[[Features, Features], npt.NDArray[np.int8]]
Prepare = Callable[[Features], dict[str, Array]]


@dataclass(frozen=True, slots=True)
class LinkComparison:
    """One kind of evidence over some columns; `prepare` turns a table's columns into
    features once per record, `judge` gives the level of each pair from its features;
    `tf[i]` names the columns whose value frequency replaces level i's u."""

    name: str
    columns: tuple[str, ...]
    levels: tuple[Level, ...]
    judge: Judge
    prepare: Prepare
    tf: Mapping[int, tuple[str, ...]]


def _comparison(
    name: str,
    columns: Sequence[str],
    labels: Sequence[str],
    judge: Judge,
    prepare: Prepare | None = None,
    tf: Mapping[int, tuple[str, ...]] | None = None,
) -> LinkComparison:
    levels = tuple(Level(label) for label in (f"{name} missing", *labels))
    pick = prepare or (lambda table: {**table, **_codes(table, *columns)})
    return LinkComparison(name, tuple(columns), levels, judge, pick, tf or {})


def _levels(missing: Bools, conditions: Sequence[Bools]) -> npt.NDArray[np.int8]:
    """The first true condition's level (1, 2, ...), 0 where missing, the last otherwise."""
    ranks = list(range(len(conditions) + 1))
    return np.select([missing, *conditions], ranks, len(ranks)).astype(np.int8)


def _codes(table: Features, *columns: str) -> dict[str, Array]:
    """Each value of `columns` as a number ("column#"), one numbering for all of them
    (so that a forename can meet a surname); -1 for a missing value."""
    values = np.concatenate([table[c] for c in columns])
    _, inverse = np.unique(values, return_inverse=True)
    codes = np.where(values == "", -1, inverse).astype(np.int64)
    size = len(table[columns[0]])
    return {f"{c}#": codes[i * size : (i + 1) * size] for i, c in enumerate(columns)}


def _same(a: Array, b: Array) -> Bools:
    """Equal codes, neither missing."""
    same: Bools = (a == b) & (a >= 0)
    return same


def _empty(*codes: Array) -> Bools:
    result = np.zeros(len(codes[0]), dtype=bool)
    for column in codes:
        result |= column < 0
    return result


def _jaro_winkler(a: Array, b: Array) -> Array:
    return cpdist(a, b, scorer=JaroWinkler.normalized_similarity, workers=1)


def _mapped(values: Array, function: Callable[[str], Any], dtype: Any = object) -> Array:
    """`function` of each value, computed once per distinct value."""
    distinct, inverse = np.unique(values, return_inverse=True)
    if dtype is object:  # one object per value, even for tuples of equal length
        mapped = np.fromiter((function(v) for v in distinct.tolist()), object, len(distinct))
        return mapped[inverse]
    return np.array([function(v) for v in distinct.tolist()], dtype=dtype)[inverse]


def _letters(text: str) -> int:
    """A bit per first letter of the name's words and of their skeletons; -1 for a name
    of several words, whose words may also meet by Jaro-Winkler."""
    words = name_tokens(text)
    if len(words) > 1:
        return -1
    bits = 0
    for word in words:
        for first in (word[:1], skeleton(word)[:1]):
            bits |= 1 << (ord(first) - 97) if "a" <= first <= "z" else 1 << 26 if first else 0
    return bits


@lru_cache(maxsize=1 << 18)
def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return compare_names(a, b, True) in (NameLevel.SAME, NameLevel.SIMILAR)


def exact(column: str, *, tf: bool = False) -> LinkComparison:
    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        x, y = a[f"{column}#"], b[f"{column}#"]
        return _levels(_empty(x, y), [_same(x, y)])

    labels = (f"same {column}", f"different {column}")
    return _comparison(column, (column,), labels, judge, tf={1: (column,)} if tf else None)


def identifier(column: str) -> LinkComparison:
    """Ids and numbers, equal when their digits are (leading zeros and spacing aside)."""

    def prepare(table: Features) -> dict[str, Array]:
        digits = _mapped(table[column], lambda v: re.sub(r"\D", "", v).lstrip("0"))
        return _codes({"id": digits}, "id")

    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        return _levels(_empty(a["id#"], b["id#"]), [_same(a["id#"], b["id#"])])

    return _comparison(column, (column,), (f"same {column}", f"other {column}"), judge, prepare)


def jaro_winkler(
    column: str, thresholds: Sequence[float] = (0.9, 0.7), *, tf: bool = False
) -> LinkComparison:
    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        x, y = a[f"{column}#"], b[f"{column}#"]
        score = _jaro_winkler(a[column], b[column])
        return _levels(_empty(x, y), [_same(x, y), *(score >= t for t in thresholds)])

    labels: tuple[str, ...] = (
        f"same {column}",
        *(f"{column} Jaro-Winkler >= {t}" for t in thresholds),
    )
    labels += (f"different {column}",)
    return _comparison(column, (column,), labels, judge, tf={1: (column,)} if tf else None)


def levenshtein(
    column: str,
    distances: Sequence[int] = (1, 2),
    *,
    transpositions: bool = False,
    tf: bool = False,
) -> LinkComparison:
    """Edit distance levels; with `transpositions`, a swap of neighbours is one edit."""
    scorer = DamerauLevenshtein.distance if transpositions else Levenshtein.distance

    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        x, y = a[f"{column}#"], b[f"{column}#"]
        distance = cpdist(a[column], b[column], scorer=scorer, dtype=np.int32, workers=1)
        return _levels(_empty(x, y), [_same(x, y), *(distance <= d for d in distances)])

    labels: tuple[str, ...] = (f"same {column}", *(f"{column} within {d} edits" for d in distances))
    labels += (f"different {column}",)
    return _comparison(column, (column,), labels, judge, tf={1: (column,)} if tf else None)


def _date_parts(text: str, fmt: str) -> tuple[int, int, int]:
    try:
        day = datetime.strptime(text, fmt)  # noqa: DTZ007 - a calendar date, no time
    except ValueError:
        return -1, 0, 0
    return day.toordinal(), day.month, day.day


def date(
    column: str,
    fmt: str = "%Y-%m-%d",
    *,
    months: Sequence[int] = (1,),
    years: Sequence[int] = (1, 10),
) -> LinkComparison:
    """Dates: the same, one character off, day and month swapped, then within so many
    months or years (a month of 30.44 days, a year of 365.25). Unreadable is missing."""

    def prepare(table: Features) -> dict[str, Array]:
        parts = _mapped(table[column], lambda v: _date_parts(v, fmt), np.int64)
        return {**table, **_codes(table, column), "parts": parts.reshape(-1, 3)}

    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        (x, p), (y, q) = (a[column], a["parts"]), (b[column], b["parts"])
        typo = cpdist(x, y, scorer=Levenshtein.distance, dtype=np.int32, workers=1) <= 1
        same = _same(a[f"{column}#"], b[f"{column}#"])
        swapped = (p[:, 1] == q[:, 2]) & (p[:, 2] == q[:, 1]) & (p[:, 1] != p[:, 2])
        swapped &= np.abs(p[:, 0] - q[:, 0]) < 366
        gap = np.abs(p[:, 0] - q[:, 0])
        spans = [gap <= 30.44 * n for n in months] + [gap <= 365.25 * n for n in years]
        return _levels((p[:, 0] < 0) | (q[:, 0] < 0), [same, typo, swapped, *spans])

    labels: tuple[str, ...] = (
        f"same {column}",
        f"{column} one character off",
        f"{column} day/month swapped",
    )
    labels += tuple(f"{column} within {n} months" for n in months)
    labels += (*(f"{column} within {n} years" for n in years), f"different {column}")
    return _comparison(column, (column,), labels, judge, prepare)


def name(
    column: str, thresholds: Sequence[float] = (0.92, 0.88, 0.7), *, tf: bool = True
) -> LinkComparison:
    """A name: the same, near spellings (Jaro-Winkler), then the same words in any order
    or as initials or consonant skeletons (`names.compare_names`), then far spellings."""
    near, far = [t for t in thresholds if t >= 0.88], [t for t in thresholds if t < 0.88]

    def prepare(table: Features) -> dict[str, Array]:
        words = _mapped(table[column], name_tokens)
        return {
            **table,
            **_codes(table, column),
            "words": words,
            "letters": _mapped(table[column], _letters, np.int64),
        }

    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        x, y = a[f"{column}#"], b[f"{column}#"]
        score = _jaro_winkler(a[column], b[column])
        # Words can only match when they share a first letter or a skeleton's first
        # letter, or (between longer names) by Jaro-Winkler: only those pairs are read.
        maybe = ((a["letters"] & b["letters"]) != 0) | (a["letters"] < 0) | (b["letters"] < 0)
        if near:
            maybe &= score < near[-1]
        words = np.zeros(len(x), dtype=bool)
        for i in np.flatnonzero(maybe).tolist():
            words[i] = _same_words(a["words"][i], b["words"][i])
        conditions = [_same(x, y), *(score >= t for t in near), words, *(score >= t for t in far)]
        return _levels(_empty(x, y), conditions)

    labels: tuple[str, ...] = (f"same {column}", *(f"{column} Jaro-Winkler >= {t}" for t in near))
    labels += (f"{column} same words", *(f"{column} Jaro-Winkler >= {t}" for t in far))
    labels += (f"different {column}",)
    return _comparison(column, (column,), labels, judge, prepare, {1: (column,)} if tf else None)


def forename_surname(
    forename: str,
    surname: str,
    thresholds: Sequence[float] = (0.92, 0.88),
    *,
    concat_tf: bool = True,
) -> LinkComparison:
    """Both names at once: the same, swapped, both near, then one of them the same. The
    levels "same surname" and "same forename" weigh by how common the name is, and so
    does "same forename and surname" with `concat_tf`."""

    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        fa, sa, fb, sb = (t[f"{c}#"] for t in (a, b) for c in (forename, surname))
        missing = (_empty(fa, fb)) & (_empty(sa, sb))
        score_f = _jaro_winkler(a[forename], b[forename])
        score_s = _jaro_winkler(a[surname], b[surname])
        same_f, same_s = _same(fa, fb), _same(sa, sb)
        swapped = _same(fa, sb) & _same(sa, fb)
        near = [(score_f >= t) & (score_s >= t) & ~_empty(fa, sa) for t in thresholds]
        return _levels(missing, [same_f & same_s, swapped, *near, same_s, same_f])

    labels: tuple[str, ...] = ("same forename and surname", "forename and surname swapped")
    labels += (*(f"both names Jaro-Winkler >= {t}" for t in thresholds), "same surname")
    labels += ("same forename", "different names")
    tf: dict[int, tuple[str, ...]] = {3 + len(thresholds): (surname,)}
    tf[4 + len(thresholds)] = (forename,)
    if concat_tf:
        tf[1] = (forename, surname)
    return _comparison(f"{forename} {surname}", (forename, surname), labels, judge, tf=tf)


def email(column: str) -> LinkComparison:
    """E-mail addresses: the same, the same user name, near spellings of either."""

    def prepare(table: Features) -> dict[str, Array]:
        parts = {**table, "user": _mapped(table[column], lambda v: v.split("@")[0])}
        return {**parts, **_codes(parts, column, "user")}

    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        x, y = a[f"{column}#"], b[f"{column}#"]
        near = _jaro_winkler(a[column], b[column]) >= 0.88
        near_user = _jaro_winkler(a["user"], b["user"]) >= 0.88
        same_user = _same(a["user#"], b["user#"])
        return _levels(_empty(x, y), [_same(x, y), same_user, near, near_user])

    labels: tuple[str, ...] = ("same e-mail", "same e-mail user", "e-mail Jaro-Winkler >= 0.88")
    labels += ("e-mail user Jaro-Winkler >= 0.88", "different e-mail")
    return _comparison(column, (column,), labels, judge, prepare, {1: (column,)})


_POSTCODE_PARTS = (
    re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]? [0-9]", re.IGNORECASE),  # sector
    re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]?", re.IGNORECASE),  # district
    re.compile(r"^[a-z]{1,2}", re.IGNORECASE),  # area
)


def _postcode_part(pattern: re.Pattern[str]) -> Callable[[str], str]:
    return lambda v: match.group(0).lower() if (match := pattern.match(v)) else ""


def postcode(column: str) -> LinkComparison:
    """UK-style postcodes: the same, then the same sector, district or area."""

    def prepare(table: Features) -> dict[str, Array]:
        parts = enumerate(_POSTCODE_PARTS)
        split = {str(i): _mapped(table[column], _postcode_part(p)) for i, p in parts}
        return _codes({column: table[column], **split}, column, *split)

    def judge(a: Features, b: Features) -> npt.NDArray[np.int8]:
        x, y = a[f"{column}#"], b[f"{column}#"]
        parts = [_same(a[f"{i}#"], b[f"{i}#"]) for i in range(len(_POSTCODE_PARTS))]
        return _levels(_empty(x, y), [_same(x, y), *parts])

    labels: tuple[str, ...] = ("same postcode", "same postcode sector", "same postcode district")
    labels += ("same postcode area", "different postcode")
    return _comparison(column, (column,), labels, judge, prepare)


def trained(
    comparison: LinkComparison, m: npt.NDArray[np.float64], u: npt.NDArray[np.float64]
) -> LinkComparison:
    """The comparison with its levels' m and u set."""
    levels = tuple(
        replace(level, m=float(m[i]), u=float(u[i])) if i else level
        for i, level in enumerate(comparison.levels)
    )
    return replace(comparison, levels=levels)


__all__ = [
    "LinkComparison",
    "date",
    "email",
    "exact",
    "forename_surname",
    "identifier",
    "jaro_winkler",
    "levenshtein",
    "name",
    "postcode",
    "trained",
]
