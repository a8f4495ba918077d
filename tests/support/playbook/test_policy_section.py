"""The policy's support section: defaults, and every mistake named with its entry and line."""

from __future__ import annotations

import pytest

from goodbuyer.policy.loading import PolicyTextError, parse_policy, validate_text
from goodbuyer.policy.support import FACT_VOCABULARY, SupportPolicy
from goodbuyer.support.playbook import fact_features
from goodbuyer.support.resolutions import ALLOWED
from goodbuyer.support.triage.labels import INTENTS
from tests.support.playbook.factories import DEFAULT, facts, policy_text


def test_the_playbook_knows_the_intents_triage_gives() -> None:
    assert tuple(ALLOWED) == INTENTS


def test_the_default_playbook_ends_every_intent_with_a_catch_all() -> None:
    playbook = DEFAULT.support.playbook

    last = {intent: [e for e in playbook if e.intent == intent][-1] for intent in INTENTS}

    assert all(entry.catches_all() for entry in last.values())
    assert all(e.resolution in ALLOWED[e.intent] for e in playbook)
    assert (DEFAULT.support.vip_threshold, DEFAULT.support.cancel_after_shipping_fee) == (
        100_000, 500,
    )  # fmt: skip


def test_a_section_without_a_playbook_gets_the_default_one() -> None:
    # no segments: the default entries for the wardrober, loyal, ... segments never match
    text = "format: 1\nknown_good: 'false'\nsupport: {vip_threshold: 5000}\n"

    support = parse_policy(text).support

    assert support.vip_threshold == 5000
    assert support.playbook == DEFAULT.support.playbook
    assert SupportPolicy().playbook == DEFAULT.support.playbook
    assert parse_policy("format: 1\nknown_good: 'false'\n").support.playbook == support.playbook


def test_the_features_conditions_read_are_the_vocabulary() -> None:
    assert list(fact_features(DEFAULT.support, facts())) == list(FACT_VOCABULARY)


ENTRY = "    - {{name: {name}, intent: {intent}, {rest}, reason: why}}\n"


def _entry(name: str, intent: str = "where_is_order", **fields: str) -> str:
    rest = ", ".join(f"{k}: {v}" for k, v in {"resolution": "send_tracking", **fields}.items())
    return ENTRY.format(name=name, intent=intent, rest=rest)


def _problems(text: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.where, p.message) for p in validate_text(text)]


# The first entry of the playbook is on line 8 of `policy_text`.
@pytest.mark.parametrize(
    ("entry", "where", "message"),
    [
        (_entry("late", resolution="send_parcel"), "support.playbook[0].resolution",
         "Input should be 'send_tracking', "),
        (_entry("late", resolution="cancel_subscription"), "support.playbook[0]",
         "entry 'late': cancel_subscription is no resolution for where_is_order; it takes "),
        (_entry("late", intent="refund_now"), "support.playbook[0]",
         "entry 'late': unknown intent 'refund_now'; known: where_is_order, "),
        (_entry("late", when='"facts.days_late >"'), "support.playbook[0]",
         "entry 'late': `when` "),
        (_entry("late", when="facts.days_lat > 3"), "support.playbook[0]",
         "entry 'late': `when` unknown feature 'facts.days_lat'; facts has: "),
        (_entry("late", when="facts.days_late + 0.5 > 3"), "support.playbook[0]",
         "entry 'late': `when` facts.days_late + 0.5 > 3: No such overload"),
        (_entry("late", when="facts.days_late"), "support.playbook[0]",
         "entry 'late': `when` facts.days_late: gives int, not true/false"),
        (_entry("Late"), "support.playbook[0].name", "String should match pattern "),
    ],
    ids=["unknown resolution", "resolution of another intent", "unknown intent", "syntax",
         "unknown feature", "int and double", "not a condition", "bad name"],
)  # fmt: skip
def test_a_broken_entry_is_named_with_its_line(entry: str, where: str, message: str) -> None:
    found = _problems(policy_text(entry))

    assert len(found) == 1, found
    line, at, what = found[0]
    assert (line, at) == (8, where)
    assert what.startswith(message), what


def test_an_intent_without_a_catch_all_is_named() -> None:
    late = _entry("late", when="facts.days_late > 3")
    text = policy_text(late, covered=("where_is_order", "not_received"))

    with pytest.raises(PolicyTextError) as raised:
        parse_policy(text)

    assert raised.value.problems == [(
        "support.playbook",
        "Value error, the playbook has no catch-all for where_is_order, not_received: end each "
        "intent with an entry without when, segment or vip",
    )]  # fmt: skip
    assert [(p.line, p.where) for p in validate_text(text)] == [(7, "support.playbook")]


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (_entry("track") + _entry("late", when="facts.days_late > 3"),
         "playbook entry 'late' can never match: 'track' before it takes every where_is_order "
         "ticket"),
        (_entry("track", when="facts.shipped") + _entry("track"),
         "playbook entry 'track' appears twice"),
        (_entry("track", vip="true") + _entry("track_vip", segment="vip"),
         "the playbook has no catch-all for where_is_order"),
    ],
    ids=["unreachable", "twice", "vip and segment are conditions"],
)  # fmt: skip
def test_playbook_mistakes_name_the_entry_or_intent(entries: str, message: str) -> None:
    with pytest.raises(PolicyTextError) as raised:
        parse_policy(policy_text(entries, covered=("where_is_order",)))

    assert raised.value.problems[0][1].removeprefix("Value error, ").startswith(message)


def test_an_entry_naming_an_unknown_segment_is_refused() -> None:
    text = policy_text(_entry("loyal_only", segment="loyall"))

    with pytest.raises(PolicyTextError) as raised:
        parse_policy(text)

    assert raised.value.problems == [
        ("support", "Value error, playbook entry 'loyal_only': unknown segment 'loyall'")
    ]


@pytest.mark.parametrize(
    ("support", "where"),
    [("  vip_threshold: -1\n", "support.vip_threshold"),
     ("  goodwill_credit_percent: 120\n", "support.goodwill_credit_percent"),
     ("  vip_treshold: 5\n", "support.vip_treshold")],
)  # fmt: skip
def test_section_numbers_are_checked(support: str, where: str) -> None:
    found = _problems(policy_text("", support=support))

    assert [(line, at) for line, at, _ in found] == [(7, where)]


def test_the_default_policy_text_is_valid() -> None:
    from goodbuyer.policy.loading import default_policy_text

    assert validate_text(default_policy_text()) == []


def test_the_guide_names_every_feature_resolution_and_default_entry_count() -> None:
    from pathlib import Path

    from goodbuyer.support.resolutions import ResolutionKind

    guide = (Path(__file__).parents[3] / "docs" / "guides" / "playbook.md").read_text("utf-8")

    for name in FACT_VOCABULARY:
        assert f"`{name}`" in guide or name.startswith("support."), name
    for kind in ResolutionKind:
        assert f"`{kind.value}`" in guide, kind
    assert f"{len(DEFAULT.support.playbook)} entries" in guide
