from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from goodbuyer.policy.replies import RepliesPolicy
from goodbuyer.support.replies import (
    MissingReplyFact,
    ReplyError,
    ReplyTemplateError,
    draft_reply,
    format_amount,
)
from goodbuyer.support.replies.variables import INTENTS, LANGUAGES, RESOLUTION_KINDS, THREATS
from tests.support.replies.facts import FULL, reply_input

# What a reply of each kind must actually say when the facts are there.
MUST_SHOW = {
    "send_tracking": ("tracking_url", "order_number"),
    "open_carrier_claim": ("carrier", "order_number"),
    "refund": ("refund_amount", "order_number"),
    "keep_item_refund": ("refund_amount",),
    "store_credit": ("credit_amount", "credit_code"),
    "cancel": ("order_number", "refund_amount"),
    "cancel_to_return": ("fee_amount", "order_number"),
    "confirm_order": ("order_number",),
    "update_address": ("order_number",),
}


def _shown(name: str, lang: str) -> str:
    value = FULL[name]
    return format_amount(value, "EUR", lang) if name.endswith("_amount") else str(value)


@pytest.mark.parametrize("kind", RESOLUTION_KINDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_drafts_every_resolution_with_its_facts(lang: str, kind: str) -> None:
    draft = draft_reply(reply_input(lang, kind))

    assert draft.lang == lang
    assert draft.template_key == f"{lang}/{kind}"
    assert draft.subject is not None
    assert "#100482" in draft.subject
    assert "Revontuli" in draft.body
    for name in MUST_SHOW.get(kind, ()):
        assert _shown(name, lang) in draft.body, name
    for leftover in ("None", "{{", "}}", "{%", "  "):
        assert leftover not in draft.body
    assert draft.public_reply is None


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("intent", "kind"),
    [("not_received", "open_carrier_claim"), ("damaged_item", "reship"),
     ("wrong_item", "reship"), ("discount_request", "polite_decline")],
)  # fmt: skip
def test_an_intent_template_wins_over_the_resolutions_own(
    lang: str, intent: str, kind: str
) -> None:
    plain = draft_reply(reply_input(lang, kind))
    special = draft_reply(reply_input(lang, kind, intent=intent))

    assert special.template_key == f"{lang}/{intent}.{kind}"
    assert special.body != plain.body


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", ["reship", "refund", "store_credit", "cancel_subscription"])
def test_a_goodwill_resolution_uses_its_goodwill_template(lang: str, kind: str) -> None:
    draft = draft_reply(reply_input(lang, kind, goodwill=True))

    assert draft.template_key == f"{lang}/{kind}.goodwill"
    if kind == "cancel_subscription":
        assert format_amount(4990, "EUR", lang) in draft.body


def test_a_goodwill_resolution_without_its_own_template_uses_the_kinds() -> None:
    draft = draft_reply(reply_input("fi", "keep_item_refund", goodwill=True))

    assert draft.template_key == "fi/keep_item_refund"


@pytest.mark.parametrize(
    ("kind", "missing"),
    [("refund", "refund_amount"), ("send_tracking", "tracking_url"),
     ("store_credit", "credit_code"), ("cancel_to_return", "fee_amount"),
     ("open_carrier_claim", "carrier")],
)  # fmt: skip
def test_a_missing_fact_is_an_error_naming_it(kind: str, missing: str) -> None:
    with pytest.raises(MissingReplyFact) as raised:
        draft_reply(reply_input("de", kind, **{missing: None}))

    assert raised.value.variable == missing
    assert missing in str(raised.value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_optional_facts_leave_their_sentence_out(lang: str) -> None:
    draft = draft_reply(
        reply_input(
            lang,
            "send_tracking",
            carrier=None,
            days_late=None,
            tracking_number=None,
            first_name=None,
        )
    )

    assert "None" not in draft.body
    assert "()" not in draft.body
    assert "https://track.example/p/JJFI6412345" in draft.body


def test_a_cancel_without_a_refund_says_nothing_was_charged() -> None:
    draft = draft_reply(reply_input("en", "cancel", refund_amount=None))

    assert "Nothing has been charged" in draft.body
    assert "€" not in draft.body


def test_an_amount_without_a_currency_is_a_missing_fact() -> None:
    with pytest.raises(MissingReplyFact) as raised:
        draft_reply(reply_input("en", "refund", currency=None))

    assert raised.value.variable == "currency"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("threat", THREATS)
def test_a_threat_gets_a_calm_paragraph_pointing_to_the_official_channel(
    lang: str, threat: str
) -> None:
    calm = draft_reply(reply_input(lang, "polite_decline"))
    threatened = draft_reply(reply_input(lang, "polite_decline", flags=(threat, "abusive")))

    assert "legal@revontuli.example" not in calm.body
    assert "legal@revontuli.example" in threatened.body
    assert threatened.body.startswith(calm.body.rsplit("\n\n", 1)[0])
    assert threatened.template_key == calm.template_key


def test_a_threat_without_an_official_channel_cannot_be_drafted() -> None:
    with pytest.raises(MissingReplyFact) as raised:
        draft_reply(reply_input("en", "refund", official_channel=None, flags=("threat_legal",)))

    assert raised.value.variable == "official_channel"


def test_the_policys_official_channel_fills_in_when_the_ticket_has_none() -> None:
    policy = RepliesPolicy(official_channel="formal@shop.example")

    draft = draft_reply(
        reply_input("en", "refund", official_channel=None, flags=("threat_review",)), policy
    )

    assert "formal@shop.example" in draft.body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_public_mention_gets_a_short_public_reply_without_personal_data(lang: str) -> None:
    draft = draft_reply(reply_input(lang, "refund", public=True, channel="social"))

    assert draft.public_reply is not None
    assert len(draft.public_reply) <= 280
    for personal in ("Aino", "#100482", "100482", "JJFI6412345", "GOODWILL-7F3K",
                     format_amount(4990, "EUR", lang), "49"):  # fmt: skip
        assert personal not in draft.public_reply
    assert "Aino" in draft.body or lang in ("cs", "pl")
    assert draft.subject is None


@pytest.mark.parametrize(("lang", "low", "high"), [("he", 0x0590, 0x05FF), ("ar", 0x0600, 0x06FF)])
@pytest.mark.parametrize("kind", RESOLUTION_KINDS)
def test_right_to_left_languages_are_written_in_their_script(
    lang: str, low: int, high: int, kind: str
) -> None:
    draft = draft_reply(reply_input(lang, kind, public=True, flags=THREATS))

    for text in (draft.body, draft.public_reply or "", draft.subject or ""):
        own_words = text
        for value in FULL.values():
            own_words = own_words.replace(str(value), "")
        letters = [c for c in own_words if c.isalpha()]
        assert sum(low <= ord(c) <= high for c in letters) / len(letters) > 0.95, text
        for paragraph in filter(None, text.split("\n")):
            # the first strong character sets a paragraph's direction: right-to-left
            strong = next(c for c in paragraph if unicodedata.bidirectional(c) in "LRAL")
            assert unicodedata.bidirectional(strong) in ("R", "AL"), paragraph


def test_a_language_without_templates_falls_back_to_english_and_says_so() -> None:
    draft = draft_reply(reply_input("sv", "refund"))

    assert draft.lang == "en"
    assert draft.template_key == "en/refund (fallback: no 'sv' templates)"
    assert "€49.90" in draft.body


@pytest.mark.parametrize(("asked", "used"), [("pt-BR", "pt"), ("FI", "fi"), ("he_IL", "he")])
def test_a_regional_language_tag_uses_its_languages_templates(asked: str, used: str) -> None:
    assert draft_reply(reply_input(asked, "refund")).template_key == f"{used}/refund"


def test_the_shops_own_template_wins_over_the_shipped_one() -> None:
    own = {"refund": "Rahat {{ refund_amount }} palautettu.",
           "refund.subject": "Hyvitys {{ order_number }}"}  # fmt: skip
    policy = RepliesPolicy(templates={"fi": own})

    draft = draft_reply(reply_input("fi", "refund"), policy)

    assert "Rahat 49,90\u00a0€ palautettu." in draft.body
    assert draft.subject == "Hyvitys #100482"
    assert draft.body.startswith("Hei Aino,")


def test_a_template_that_slipped_past_validation_still_cannot_promise_a_refund() -> None:
    sneaky = RepliesPolicy.model_construct(
        official_channel="", templates={"en": {"polite_decline": "We refund {{ refund_amount }}."}}
    )

    with pytest.raises(MissingReplyFact):
        draft_reply(reply_input("en", "polite_decline"), sneaky)


@pytest.mark.parametrize(
    "source",
    ["{{ first_name.__class__ }}", "{{ shop_name.upper() }}", "{% include 'x' %}",
     "{{ shop_name|attr('refund_amount') }}"],
)  # fmt: skip
def test_the_sandbox_refuses_reaching_beyond_the_variables(source: str) -> None:
    sneaky = RepliesPolicy.model_construct(
        official_channel="", templates={"en": {"refund": source}}
    )

    with pytest.raises(ReplyTemplateError):
        draft_reply(reply_input("en", "refund"), sneaky)


def test_sms_and_social_drafts_have_no_subject() -> None:
    assert draft_reply(reply_input("en", "refund", channel="sms")).subject is None
    assert draft_reply(reply_input("en", "refund", channel="email")).subject == "Your order #100482"


@pytest.mark.parametrize(("field", "value"), [("resolution", "refund_twice"), ("intent", "chat")])
def test_an_unknown_resolution_or_intent_is_refused(field: str, value: str) -> None:
    with pytest.raises(ReplyError, match=value):
        draft_reply(replace(reply_input("en", "refund"), **{field: value}))


def test_every_intent_can_be_answered_with_every_kind() -> None:
    for intent in INTENTS:
        assert draft_reply(reply_input("tr", "escalate", intent=intent)).body
