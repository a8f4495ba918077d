"""The warning, block and end notices: shipped in all 14 languages, written for each, every
variable filled, the official channel named safely, right to left in he and ar."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from importlib import resources

import pytest

from goodbuyer.policy.abuse import LANGUAGES, AbusePolicy, OfficialChannel, text_problem
from goodbuyer.support.abuse_notices import (
    FIRST_STRONG_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    clean_value,
    language_for,
    official_channel_text,
    render_notice,
)

CHANNEL = OfficialChannel(
    email="asiakaspalvelu@kauppa.fi",
    url="https://kauppa.fi/yhteys",
    postal="Kauppa Oy\nPL 12\n00100 Helsinki",
)
POLICY = AbusePolicy(official_channel=CHANNEL)
# Letters only a language's own wording has (the English text would have none of them).
SCRIPT = {
    "fi": "äö", "hu": "őéá", "cs": "řěůč", "he": "אבגדהוש", "ar": "ابتثجحخ", "de": "äöüß",
    "es": "ñáéíóú", "fr": "éèçàê", "pt": "ãçéó", "pl": "ąęłśżź", "it": "àèéù", "nl": "ë",
    "tr": "ıışğüç",
}  # fmt: skip


def _shipped(language: str) -> dict[str, object]:
    path = resources.files("goodbuyer.support") / "abuse_texts" / f"{language}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_ships_every_notice_and_the_channel_labels(language: str) -> None:
    texts = _shipped(language)

    assert set(texts) == {"warning", "block", "ended", "channel"}
    assert set(texts["channel"]) == {"email", "url", "postal", "terms"}  # type: ignore[arg-type]
    assert text_problem("warning", str(texts["warning"])) is None
    assert text_problem("block", str(texts["block"])) is None
    assert text_problem("ended", str(texts["ended"])) is None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("notice", ["warning", "block", "ended"])
def test_a_rendered_notice_has_no_unfilled_variable(language: str, notice: str) -> None:
    for policy in (POLICY, AbusePolicy()):
        rendered = render_notice(notice, language, policy)  # type: ignore[arg-type]

        assert rendered.language == language
        assert not re.search(r"[{}]", rendered.text), rendered.text
        assert rendered.text == rendered.text.strip()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("notice", ["block", "ended"])
def test_the_block_and_end_notices_name_every_part_of_the_official_channel(
    language: str, notice: str
) -> None:
    text = render_notice(notice, language, POLICY).text  # type: ignore[arg-type]

    for value in ("asiakaspalvelu@kauppa.fi", "https://kauppa.fi/yhteys",
                  "Kauppa Oy, PL 12, 00100 Helsinki"):  # fmt: skip
        assert value in text
    assert official_channel_text(POLICY, language) in text


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_each_language_is_written_in_its_own_words(language: str) -> None:
    for notice in ("warning", "block", "ended"):
        text = render_notice(notice, language, POLICY).text  # type: ignore[arg-type]
        assert text != render_notice(notice, "en", POLICY).text  # type: ignore[arg-type]
        assert any(c in text for c in SCRIPT[language]), (language, notice)


def test_no_two_languages_share_a_notice() -> None:
    for notice in ("warning", "block", "ended"):
        texts = {render_notice(notice, lang, POLICY).text for lang in LANGUAGES}  # type: ignore[arg-type]
        assert len(texts) == len(LANGUAGES)


@pytest.mark.parametrize("language", ["he", "ar"])
def test_hebrew_and_arabic_read_right_to_left_with_addresses_isolated(language: str) -> None:
    rendered = render_notice("block", language, POLICY)

    assert rendered.direction == "rtl"
    assert f"{FIRST_STRONG_ISOLATE}asiakaspalvelu@kauppa.fi{POP_DIRECTIONAL_ISOLATE}" in (
        rendered.text
    )
    letters = [c for c in rendered.text if c.isalpha() and not c.isascii()]
    assert all(unicodedata.bidirectional(c) in ("R", "AL") for c in letters)


def test_left_to_right_languages_carry_no_isolates() -> None:
    for language in ("en", "fi", "tr"):
        rendered = render_notice("block", language, POLICY)
        assert rendered.direction == "ltr"
        assert FIRST_STRONG_ISOLATE not in rendered.text


def test_a_value_is_never_read_as_a_template_nor_reorders_the_text() -> None:
    channel = OfficialChannel(postal="Box {official_channel}\u202e evil\u200b 12")
    policy = AbusePolicy(official_channel=channel)

    text = render_notice("block", "en", policy).text

    assert text.endswith("Post: Box {official_channel} evil 12")
    assert "\u202e" not in text
    assert "\u200b" not in text
    with pytest.raises(ValueError, match="no other control character"):
        OfficialChannel(postal="Box 12\x07")


def test_clean_value_collapses_lines_and_spaces() -> None:
    assert clean_value("  Kauppa Oy \r\n\r\n PL  12\n") == "Kauppa Oy, PL 12"


def test_without_an_official_channel_the_terms_are_named() -> None:
    text = render_notice("block", "de", AbusePolicy()).text

    assert text.endswith("die in unseren AGB genannten Kontaktdaten")


def test_the_shops_own_wording_wins_and_is_filled() -> None:
    own = {"fi": {"block": "Tuki on päättynyt. Kirjoita meille: {official_channel}"}}
    policy = AbusePolicy(official_channel=CHANNEL, texts=own)

    fi = render_notice("block", "fi", policy).text
    en = render_notice("block", "en", policy).text

    assert fi.startswith("Tuki on päättynyt. Kirjoita meille: Sähköposti: asiakaspalvelu@")
    assert en.startswith("Despite our earlier warning")


@pytest.mark.parametrize(
    ("given", "language"),
    [("fi-FI", "fi"), ("he_IL", "he"), ("PT", "pt"), ("sv", "en"), (None, "en"), ("", "en")],
)
def test_language_for(given: str | None, language: str) -> None:
    assert language_for(given) == language
