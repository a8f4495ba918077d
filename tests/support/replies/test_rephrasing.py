from __future__ import annotations

from collections.abc import Iterator

import pytest

from goodbuyer.confirmations.channels.fake_server import served
from goodbuyer.settings import Settings
from goodbuyer.support.replies import Draft, draft_reply
from goodbuyer.support.replies.drafting_model import (
    FAILURES_BEFORE_REST,
    OpenAICompatibleModel,
    draft_model_from_settings,
)
from goodbuyer.support.replies.fake_llm import FakeLlm
from goodbuyer.support.replies.rephrasing import check_rephrasing, facts_of, rephrase_draft
from tests.support.replies.facts import reply_input

GERMAN = (
    "Hallo Aino,\n\nwir haben Ihnen €49.90 für Ihre Bestellung #100482 erstattet. Das Geld "
    "ist je nach Bank in 3–10 Werktagen wieder auf Ihrem Konto.\n\nViele Grüße\nIhr Team"
)


@pytest.fixture
def fake() -> FakeLlm:
    return FakeLlm()


@pytest.fixture
def model(fake: FakeLlm) -> Iterator[OpenAICompatibleModel]:
    with served(fake.app) as url:
        client = OpenAICompatibleModel(url, "tiny-chat", api_key="fake-key", timeout=1.0)
        yield client
        client.close()


@pytest.fixture
def draft() -> Draft:
    return draft_reply(reply_input("en", "refund"))


def _warmer(system: str, text: str) -> str:
    return (text.replace("We've refunded", "We have now refunded")
                .replace("Kind regards", "Warm wishes"))  # fmt: skip


def test_a_faithful_rephrasing_is_accepted(
    fake: FakeLlm, model: OpenAICompatibleModel, draft: Draft
) -> None:
    fake.answer = _warmer

    result = rephrase_draft(draft, model)

    assert result.body == _warmer("", draft.body)
    assert result.note == "rephrased by tiny-chat"
    assert (result.subject, result.template_key) == (draft.subject, draft.template_key)
    sent = fake.requests[0]
    assert sent["model"] == "tiny-chat"
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]
    assert "in English" in sent["messages"][0]["content"]
    assert sent["messages"][1]["content"] == draft.body


def test_an_invented_refund_is_rejected(
    fake: FakeLlm, model: OpenAICompatibleModel, draft: Draft
) -> None:
    fake.answer = lambda system, text: text + " We'll also add a €20.00 voucher for you."

    result = rephrase_draft(draft, model)

    assert result.body == draft.body
    assert result.note == "kept the template: the model's answer added '20.00', '€'"


def test_a_dropped_order_number_is_rejected(
    fake: FakeLlm, model: OpenAICompatibleModel, draft: Draft
) -> None:
    fake.answer = lambda system, text: text.replace(" for order #100482", "")

    result = rephrase_draft(draft, model)

    assert result.body == draft.body
    assert result.note == "kept the template: the model's answer dropped '100482'"


def test_an_answer_in_another_language_is_rejected(
    fake: FakeLlm, model: OpenAICompatibleModel, draft: Draft
) -> None:
    fake.answer = lambda system, text: GERMAN

    result = rephrase_draft(draft, model)

    assert result.body == draft.body
    assert result.note == "kept the template: the model's answer was in 'de', not 'en'"


def test_a_timeout_keeps_the_template(
    fake: FakeLlm, model: OpenAICompatibleModel, draft: Draft
) -> None:
    fake.delay_seconds = 2.0

    result = rephrase_draft(draft, model)

    assert result.body == draft.body
    assert result.note == "kept the template: the drafting model did not answer in time"


@pytest.mark.parametrize(
    ("fails_with", "key", "status"), [(500, "fake-key", 500), (None, "wrong-key", 401)]
)
def test_an_error_keeps_the_template(
    fake: FakeLlm, draft: Draft, fails_with: int | None, key: str, status: int
) -> None:
    fake.status = fails_with or 200
    with served(fake.app) as url:
        client = OpenAICompatibleModel(url + "/v1", "tiny-chat", api_key=key, timeout=2.0)
        result = rephrase_draft(draft, client)
        client.close()

    assert result.body == draft.body
    assert result.note == f"kept the template: the drafting model answered HTTP {status}"


def test_repeated_failures_rest_the_model_instead_of_calling_it_for_every_ticket(
    fake: FakeLlm, model: OpenAICompatibleModel, draft: Draft
) -> None:
    fake.status = 503

    notes = [rephrase_draft(draft, model).note for _ in range(FAILURES_BEFORE_REST + 2)]

    assert len(fake.requests) == FAILURES_BEFORE_REST
    assert notes[-1] == ("kept the template: the drafting model failed repeatedly; "
                         "resting for a while")  # fmt: skip


def test_no_model_leaves_the_draft_alone(draft: Draft) -> None:
    assert rephrase_draft(draft, None) is draft


def test_the_model_is_off_unless_configured() -> None:
    assert draft_model_from_settings(Settings(_env_file=None)) is None  # type: ignore[call-arg]
    configured = Settings(_env_file=None, draft_model_url="http://127.0.0.1:9/v1",  # type: ignore[call-arg]
                          draft_model="tiny-chat")  # fmt: skip
    model = draft_model_from_settings(configured)
    assert model is not None
    assert model.name == "tiny-chat"
    model.close()


@pytest.mark.parametrize("lang", ["fi", "he", "ar", "tr", "cs"])
def test_an_unchanged_draft_passes_the_checks_in_every_script(lang: str) -> None:
    body = draft_reply(reply_input(lang, "cancel_to_return", flags=("threat_legal",))).body

    assert check_rephrasing(body, body, lang) is None


def test_the_facts_a_rephrasing_keeps() -> None:
    text = (
        "Hi Aino, €49.90 for #100482 (1\u00a0234,50 €), code GOODWILL-7F3K, parcel JJFI6412345: "
        "https://track.example/p/1. Write to legal@shop.example in 3–10 days."
    )

    assert facts_of(text) == {
        "€": 2, "49.90": 1, "100482": 1, "1234,50": 1, "GOODWILL-7F3K": 1, "JJFI6412345": 1,
        "https://track.example/p/1": 1, "legal@shop.example": 1, "3": 1, "10": 1,
    }  # fmt: skip
