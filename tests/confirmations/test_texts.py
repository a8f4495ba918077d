"""The shipped texts in every language, the shop's overrides, and SMS segments."""

from __future__ import annotations

import pytest

from goodbuyer.confirmations.replies import Reply, classify
from goodbuyer.confirmations.texts import (
    GSM7_LANGUAGES,
    LANGUAGES,
    SMS_SEGMENT_BUDGET,
    TEMPLATES,
    format_money,
    render,
    sms_segments,
)
from goodbuyer.errors import InvalidInput

# A realistic worst case for the SMS budget: a 20-character shop name, a 60-character link.
WORST = {
    "shop": "Lakeside Garden Shop",
    "order": "#100234",
    "total": "1 234,56 EUR",
    "link": "https://goodbuyer.example.com/c/" + "x" * 28,
    "phone": "+358401234567",
    "name": "Anna",
}
CASES = [(lang, template) for lang in LANGUAGES for template in TEMPLATES]
IDS = [f"{lang}-{template}" for lang, template in CASES]
# The words each language's "please answer" text asks for: they must be understood.
ANSWER_WORDS = {
    "en": ("YES", "NO"), "fi": ("KYLLÄ", "EI"), "hu": ("IGEN", "NEM"), "cs": ("ANO", "NE"),
    "he": ("כן", "לא"), "ar": ("نعم", "لا"), "de": ("JA", "NEIN"), "es": ("SÍ", "NO"),
    "fr": ("OUI", "NON"), "pt": ("SIM", "NÃO"), "pl": ("TAK", "NIE"), "it": ("SÌ", "NO"),
    "nl": ("JA", "NEE"), "tr": ("EVET", "HAYIR"),
}  # fmt: skip


def test_the_worst_case_link_is_sixty_characters() -> None:
    assert len(WORST["link"]) == 60
    assert len(WORST["shop"]) == 20


@pytest.mark.parametrize(("language", "template"), CASES, ids=IDS)
def test_every_template_renders_with_every_variable(language: str, template: str) -> None:
    # when a template is rendered with every variable set
    rendered = render(template, language, WORST)
    text = f"{rendered.subject or ''}\n{rendered.body}"
    # then nothing is left unfilled and the message names the shop
    assert not any(mark in text for mark in "{}[]|")
    assert WORST["shop"] in text
    if template.startswith("confirm_") or template in ("reply_confirmed", "reply_cancelled"):
        assert WORST["order"] in text
    if template in ("confirm_sms", "confirm_whatsapp", "confirm_webhook"):
        assert WORST["link"] in rendered.body
    if template == "confirm_email":
        # R3.3: the e-mail carries no link; it names the number we tried
        assert WORST["link"] not in text
        assert WORST["phone"] in rendered.body
        assert rendered.subject
    else:
        assert rendered.subject is None


@pytest.mark.parametrize(("language", "template"), CASES, ids=IDS)
def test_every_template_reads_well_without_a_name(language: str, template: str) -> None:
    rendered = render(template, language, {**WORST, "name": ""})
    for line in rendered.body.splitlines():
        assert "  " not in line
        assert not line.startswith((" ", ",", "،")), line
        assert " ," not in line
        assert " !" not in line or language == "fr"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_confirmation_sms_fits_its_segment_budget(language: str) -> None:
    # given the worst case, when the SMS is rendered
    encoding, segments = sms_segments(render("confirm_sms", language, WORST).body)
    # then a GSM-7 language stays in GSM-7 and one segment, the others within two
    if language in GSM7_LANGUAGES:
        assert encoding == "GSM-7"
    assert segments <= SMS_SEGMENT_BUDGET[encoding]


@pytest.mark.parametrize("language", LANGUAGES)
def test_whatsapp_texts_stay_short(language: str) -> None:
    assert len(render("confirm_whatsapp", language, WORST).body) < 1000


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_answers_a_text_asks_for_are_understood(language: str) -> None:
    yes, no = ANSWER_WORDS[language]
    asking = render("reply_unknown", language, WORST).body
    assert yes in asking
    assert no in asking
    assert classify(yes, language) is Reply.YES
    assert classify(no, language) is Reply.NO


def test_the_name_is_used_when_there_is_one() -> None:
    assert render("confirm_whatsapp", "fi", WORST).body.startswith("Hei Anna, kiitos")
    assert render("confirm_whatsapp", "fi", {**WORST, "name": " "}).body.startswith("Hei, kiitos")
    assert render("confirm_email", "hu", {**WORST, "name": ""}).body.startswith("Kedves Vásárlónk!")


def test_an_unknown_language_falls_back_to_english() -> None:
    assert render("confirm_sms", "sv-SE", WORST) == render("confirm_sms", "en", WORST)
    assert render("confirm_sms", "fi-FI", WORST) == render("confirm_sms", "fi", WORST)
    assert render("confirm_sms", None, WORST) == render("confirm_sms", "en", WORST)


def test_the_shops_own_text_wins_over_the_shipped_one() -> None:
    overrides = {
        "fi": {"confirm_sms": "{shop}: kuittaa {order}: {link}",
               "confirm_email.subject": "Tilaus {order}"},
    }  # fmt: skip
    sms = render("confirm_sms", "fi", WORST, overrides)
    email = render("confirm_email", "fi", WORST, overrides)
    assert sms.body == f"Lakeside Garden Shop: kuittaa #100234: {WORST['link']}"
    assert email.subject == "Tilaus #100234"
    assert email.body == render("confirm_email", "fi", WORST).body  # the body is not overridden
    assert render("confirm_sms", "de", WORST, overrides) == render("confirm_sms", "de", WORST)


def test_an_override_with_an_unknown_variable_names_template_and_variable() -> None:
    overrides = {"de": {"reply_confirmed": "Danke {vorname}!"}}
    with pytest.raises(InvalidInput) as raised:
        render("reply_confirmed", "de", WORST, overrides)
    assert "reply_confirmed" in raised.value.detail
    assert "{vorname}" in raised.value.detail
    assert raised.value.errors[0].location == "confirmation.texts.de.reply_confirmed"


def test_an_unknown_template_is_refused() -> None:
    with pytest.raises(InvalidInput, match="confirm_fax"):
        render("confirm_fax", "en", WORST)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a" * 160, ("GSM-7", 1)), ("a" * 161, ("GSM-7", 2)), ("a" * 306, ("GSM-7", 2)),
     ("a" * 307, ("GSM-7", 3)), ("€" * 80, ("GSM-7", 1)), ("€" * 81, ("GSM-7", 2)),
     ("Kyllä, ñ, ß, Ü", ("GSM-7", 1)), ("ő" * 70, ("UCS-2", 1)), ("ő" * 71, ("UCS-2", 2)),
     ("ő" * 134, ("UCS-2", 2)), ("ő" * 135, ("UCS-2", 3)), ("👍" * 35, ("UCS-2", 1)),
     ("👍" * 36, ("UCS-2", 2)), ("ç", ("UCS-2", 1)), ("", ("GSM-7", 1))],
    ids=["160", "161", "306", "307", "euro-80", "euro-81", "latin", "u70", "u71", "u134",
         "u135", "emoji-35", "emoji-36", "c-cedilla", "empty"],
)  # fmt: skip
def test_sms_segments_count_as_networks_bill(text: str, expected: tuple[str, int]) -> None:
    assert sms_segments(text) == expected


@pytest.mark.parametrize(
    ("minor", "currency", "exponent", "language", "expected"),
    [(123456, "EUR", 2, "fi", "1 234,56 EUR"), (123456, "EUR", 2, "de", "1.234,56 EUR"),
     (123456, "USD", 2, "en", "1,234.56 USD"), (1290, "HUF", 0, "hu", "1 290 HUF"),
     (5, "EUR", 2, "fr", "0,05 EUR"), (123456789, "ILS", 2, "he", "1,234,567.89 ILS")],
)  # fmt: skip
def test_money_reads_as_in_the_customers_language(
    minor: int, currency: str, exponent: int, language: str, expected: str
) -> None:
    assert format_money(minor, currency, exponent, language) == expected
