"""Threat-blind reading (decision 8): the intent is read from a message with its threat and
abuse sentences taken out, so adding or removing one changes neither the intent nor the
resolution. Flags and anger are still read from the whole message.

A message is split into sentences (., !, ?, …, the Arabic ؟, newlines) and each sentence
into clauses (commas, semicolons, the Arabic ، and ؛, dashes, and words such as
"otherwise", "sonst", "jinak", "yoksa", "وإلا"), so "Refund me, otherwise I go to court"
keeps "Refund me,". Each clause is scored by the model's "unit" head (character n-grams,
words, the profanity bit and the cue bits of the message's language; no embedding) and
dropped from its threshold; a clause of one or two words left beside a dropped one in its
sentence ("Honestly,") goes with it. When nothing is left the whole message is read."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from goodbuyer.support.triage.features import feature_matrix
from goodbuyer.support.triage.model import TriageModel

UNIT_HEAD = "unit"
_SHORT_WORDS = 3  # a kept clause with fewer words beside a dropped one is dropped too
_SENTENCE_END = re.compile(r"(?<=[.!?…؟。])\s+|\s*\n\s*")
_CONNECTORS = (
    "otherwise", "or else", "sonst", "ansonsten", "andernfalls", "sinon", "faute de quoi",
    "de lo contrario", "o si no", "senão", "senao", "caso contrário", "do contrário",
    "altrimenti", "in caso contrario", "anders", "zo niet", "w przeciwnym razie",
    "bo inaczej", "inaczej", "jinak", "v opačném případě", "különben", "máskülönben",
    "ellenkező esetben", "muuten", "muussa tapauksessa", "yoksa", "aksi takdirde",
    "aksi halde", "אחרת", "ואם לא", "وإلا", "وإلّا", "والا", "و إلا",
)  # fmt: skip
_CLAUSE_END = re.compile(
    r"(?<=[,;:،؛])\s+|\s+[-–—]\s+|\s+(?=(?:"
    + "|".join(re.escape(c) for c in sorted(_CONNECTORS, key=len, reverse=True))
    + r")(?!\w))",
    re.IGNORECASE,
)

# Probabilities that each clause carries a threat or abuse, given the clauses and the
# language of each.
UnitScorer = Callable[[Sequence[str], Sequence[str]], npt.NDArray[np.float64]]


@dataclass(frozen=True, slots=True)
class Stripped:
    text: str  # what the intent is read from: the kept clauses, or `full` if none is kept
    full: str  # the whole message with its whitespace normalised
    dropped: tuple[str, ...]  # the clauses taken out, in order


def split_sentences(text: str) -> list[list[str]]:
    """The message's sentences, each as its clauses (whitespace-normalised, non-empty)."""
    out: list[list[str]] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        clauses = [" ".join(c.split()) for c in _CLAUSE_END.split(sentence)]
        kept = [c for c in clauses if c]
        if kept:
            out.append(kept)
    return out


def unit_scorer(model: TriageModel) -> UnitScorer:
    """The model's sentence head as a scorer (no embedding: clauses are short and many)."""
    head = model.heads[UNIT_HEAD]

    def score(units: Sequence[str], langs: Sequence[str]) -> npt.NDArray[np.float64]:
        if not units:
            return np.zeros(0)
        return head.probabilities(feature_matrix(units, None, langs, model.idf))[:, 1]

    return score


def strip_threats(
    texts: Sequence[str], langs: Sequence[str], score: UnitScorer, threshold: float
) -> list[Stripped]:
    """Each message without its threat and abuse clauses (all clauses scored in one go)."""
    split = [split_sentences(t) for t in texts]
    units = [c for sentences in split for sentence in sentences for c in sentence]
    unit_langs = [
        lang
        for sentences, lang in zip(split, langs, strict=True)
        for sentence in sentences
        for _ in sentence
    ]
    flagged: Iterator[bool] = iter((score(units, unit_langs) >= threshold).tolist())
    return [_strip(sentences, flagged) for sentences in split]


def strip_with_model(
    texts: Sequence[str], langs: Sequence[str], model: TriageModel
) -> list[Stripped]:
    """`strip_threats` with the model's sentence head and threshold."""
    return strip_threats(texts, langs, unit_scorer(model), model.threshold(UNIT_HEAD))


def _strip(sentences: list[list[str]], flagged: Iterator[bool]) -> Stripped:
    kept: list[str] = []
    dropped: list[str] = []
    for sentence in sentences:
        marks = [next(flagged) for _ in sentence]
        if any(marks):
            marks = [
                m or len(c.split()) < _SHORT_WORDS for c, m in zip(sentence, marks, strict=True)
            ]
        for clause, mark in zip(sentence, marks, strict=True):
            (dropped if mark else kept).append(clause)
    full = " ".join(c for sentence in sentences for c in sentence)
    return Stripped(" ".join(kept) if kept else full, full, tuple(dropped))
