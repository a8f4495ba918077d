"""Threat-blind intent (decision 8): adding or removing threat and abuse sentences, in any
of the 14 languages and anywhere in the message, leaves the intent identical."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goodbuyer.support.triage.labels import LANGUAGES
from goodbuyer.support.triage.model import load_model
from goodbuyer.support.triage.pipeline import Analysis, analyse
from goodbuyer.support.triage.threat_blind import split_sentences, strip_with_model
from tests.support.triage.threat_bank import BASES, THREATS


@cache
def _analysed(text: str) -> Analysis:
    return analyse(text, model=load_model())


def _with_threats(sentences: list[str], threats: list[str], places: list[int]) -> list[str]:
    out = list(sentences)
    for threat, place in sorted(zip(threats, places, strict=True), key=lambda p: -p[1]):
        out.insert(min(place, len(out)), threat)
    return out


def test_the_bank_covers_every_language() -> None:
    assert set(BASES) == set(THREATS) == set(LANGUAGES)


def test_sentences_split_on_punctuation_newlines_and_arabic_question_marks() -> None:
    text = "مرحبا، طلبت بطانية. متى بتوصل؟ شكرا\nOrder 12,50 € paid!Thanks"

    assert split_sentences(text) == [
        ["مرحبا،", "طلبت بطانية."],
        ["متى بتوصل؟"],
        ["شكرا"],
        ["Order 12,50 € paid!Thanks"],
    ]


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("Refund me, otherwise I go to court.", ["Refund me,", "otherwise I go to court."]),
        ("Vraťte peníze jinak půjdu k soudu", ["Vraťte peníze", "jinak půjdu k soudu"]),
        ("İade edin yoksa dava açarım", ["İade edin", "yoksa dava açarım"]),
        ("أرجعوا فلوسي وإلا بشتكي", ["أرجعوا فلوسي", "وإلا بشتكي"]),
    ],
    ids=["en", "cs", "tr", "ar"],
)
def test_a_threat_after_otherwise_is_its_own_clause(text: str, clauses: list[str]) -> None:
    assert split_sentences(text) == [clauses]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_threat_sentence_of_the_bank_is_taken_out(lang: str) -> None:
    sentences = THREATS[lang]
    stripped = strip_with_model(sentences, [lang] * len(sentences), load_model())

    kept = [s.full for s in stripped if " ".join(s.dropped) != s.full]
    assert kept == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_sentence_of_a_plain_message_is_taken_out(lang: str) -> None:
    texts = [" ".join(b) for b in BASES[lang]]
    stripped = strip_with_model(texts, [lang] * len(texts), load_model())

    assert [s.dropped for s in stripped] == [()] * len(texts)


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    lang=st.sampled_from(LANGUAGES),
    base=st.integers(min_value=0, max_value=1),
    picks=st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=2, unique=True),
    places=st.lists(st.integers(min_value=0, max_value=3), min_size=2, max_size=2),
    separator=st.sampled_from([" ", "\n", "\n\n"]),
)
def test_threat_sentences_never_change_the_intent(
    lang: str, base: int, picks: list[int], places: list[int], separator: str
) -> None:
    sentences = BASES[lang][base]
    threats = [THREATS[lang][i] for i in picks]
    threatened = separator.join(_with_threats(sentences, threats, places[: len(threats)]))
    plain = separator.join(sentences)

    with_threats, without = _analysed(threatened), _analysed(plain)

    assert with_threats.intent == without.intent
    assert with_threats.confidence["intent"] == without.confidence["intent"]
