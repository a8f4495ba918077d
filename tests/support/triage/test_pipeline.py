"""The pipeline with the packaged model: valid labels and confidences."""

from __future__ import annotations

from goodbuyer.support.triage import pipeline
from goodbuyer.support.triage.embeddings import embed
from goodbuyer.support.triage.features import N_SIGNALS, feature_matrix
from goodbuyer.support.triage.labels import FLAGS, INTENTS
from goodbuyer.support.triage.language import identify_language
from goodbuyer.support.triage.model import load_model
from goodbuyer.support.triage.pipeline import analyse, analyse_batch, score_batch


def test_a_message_gets_one_intent_valid_flags_and_confidences() -> None:
    found = analyse("Wo ist mein Paket? Bestellung 20611, seit zwei Wochen nichts.", "email")

    assert found.lang == "de"
    assert found.intent in INTENTS
    assert set(found.flags) <= set(FLAGS)
    assert found.angry in (0, 1, 2)
    assert set(found.confidence) == {"lang", "intent", "angry", *FLAGS}
    assert found.route in ("auto", "human")


def test_the_batch_gives_the_same_answers_as_one_by_one() -> None:
    texts = ["Where is my parcel? Order 10234.", "Chci zrušit objednávku 40123, prosím."]

    batch = analyse_batch(texts)

    assert [a.intent for a in batch] == [analyse(t).intent for t in texts]
    assert [a.lang for a in batch] == ["en", "cs"]


def test_an_obvious_insult_at_staff_is_abusive() -> None:
    found = analyse("where is my f***ing parcel you useless bunch of clowns. 10345")

    assert "abusive" in found.flags


def test_the_intent_is_read_without_the_threat_and_the_flag_from_the_whole_text() -> None:
    plain = "Hello, where is my parcel? Order 10234 was due on Monday."
    threatened = f"{plain} If it is not here tomorrow I will take you to court."

    scores = score_batch([threatened, plain], None, load_model())
    found, without = analyse_batch([threatened, plain])

    assert scores.stripped[0].text == scores.stripped[1].text == plain
    assert scores.stripped[0].dropped
    assert "threat_legal" in found.flags
    assert "threat_legal" not in without.flags
    assert found.intent == without.intent == "where_is_order"


def test_an_empty_batch_is_an_empty_answer() -> None:
    from goodbuyer.support.triage.pipeline import analyse_batch

    assert analyse_batch([]) == []


def test_the_intent_reads_the_same_features_as_the_threat_blind_text_alone() -> None:
    texts = [
        "Hello, where is my parcel? Order 10234 was due on Monday.",
        "Refund me now, otherwise I go to court and post on Trustpilot.",
        "Můžete mi poslat fakturu? Jste banda idiotů.",
        "I want my money back or I call my bank for a chargeback",  # kept whole, a cue bit
        "yes",
    ]
    model = load_model()
    stripped = score_batch(texts, None, model).stripped
    whole, blind = [s.full for s in stripped], [s.text for s in stripped]
    langs = [identify_language(t).lang for t in texts]
    x_whole = feature_matrix(whole, embed(whole), langs, model.idf)

    found = pipeline._blind_features(x_whole, stripped, embed(blind), model)

    assert sum(s.text != s.full for s in stripped) == 2
    assert x_whole[3].sum() != x_whole[3, :-N_SIGNALS].sum()  # the cue bit is set
    expected = feature_matrix(blind, embed(blind), None, model.idf)
    assert found.shape == expected.shape
    assert abs(found - expected).max() == 0.0
