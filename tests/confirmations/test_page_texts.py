"""Every language of MISSION has every page string, with the same placeholders."""

from __future__ import annotations

import re

import pytest

from goodbuyer.confirmations.page_texts import (
    FORMAT_KEYS,
    LANGUAGES,
    accepted_languages,
    language_names,
    pick_language,
    texts_for,
)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
ENGLISH = texts_for("en")


def test_the_page_speaks_the_fourteen_languages_of_the_mission() -> None:
    assert sorted(LANGUAGES) == sorted(
        ["en", "fi", "hu", "cs", "he", "ar", "de", "es", "fr", "pt", "pl", "it", "nl", "tr"]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_every_string_with_the_same_placeholders(language: str) -> None:
    texts = texts_for(language)

    assert texts.language == language
    assert set(texts) == set(ENGLISH)
    for key in ENGLISH:
        assert texts[key] if key in FORMAT_KEYS else texts[key].strip(), key
        assert set(_PLACEHOLDER.findall(texts[key])) == set(_PLACEHOLDER.findall(ENGLISH[key]))
    assert len(texts.months) == 12


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_each_language_is_translated_not_copied(language: str) -> None:
    texts = texts_for(language)
    sentences = [k for k in ENGLISH if k not in FORMAT_KEYS and len(ENGLISH[k]) > 12]

    copied = [k for k in sentences if texts[k] == ENGLISH[k]]

    assert copied == []


@pytest.mark.parametrize(
    ("wanted", "others", "picked"),
    [("pt-BR", [], "pt"), ("sv", ["fi", "en"], "fi"), ("", [], "en"), ("xx", ["yy"], "en"),
     ("HE", [], "he")],
    ids=["region-tag", "next-choice", "nothing", "unknown", "upper-case"],
)  # fmt: skip
def test_pick_language(wanted: str, others: list[str], picked: str) -> None:
    assert pick_language(wanted, others) == picked


def test_accept_language_is_read_by_weight() -> None:
    header = "de;q=0.5, he-IL, en;q=0.8, fr;q=0"

    assert accepted_languages(header) == ["he-IL", "en", "de"]


def test_language_names_are_their_own_and_once() -> None:
    assert language_names(["hu", "en", "hu", "sv"]) == [("hu", "Magyar"), ("en", "English")]
