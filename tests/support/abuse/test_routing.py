"""Threat routing and the criteria for ending a conversation: data in the policy, applied
by pure functions."""

from __future__ import annotations

import pytest

from goodbuyer.policy.abuse import AbusePolicy
from goodbuyer.support.protocol import Conversation, EndReason, conversation_should_end
from goodbuyer.support.routing import routes_for

DEFAULT = AbusePolicy()


@pytest.mark.parametrize(
    ("flags", "routes"),
    [
        ((), ()),
        (("threat_legal",), ("legal",)),
        (("threat_review",), ("communications",)),
        (("threat_chargeback",), ("payments",)),
        (("abusive",), ()),
        (("threat_chargeback", "threat_legal", "abusive"), ("legal", "payments")),
        (("threat_review", "threat_legal", "threat_chargeback"),
         ("communications", "legal", "payments")),
    ],
    ids=["none", "legal", "review", "chargeback", "abusive", "two", "all-three"],
)  # fmt: skip
def test_the_default_routing_table(flags: tuple[str, ...], routes: tuple[str, ...]) -> None:
    assert routes_for(flags, DEFAULT) == routes


def test_routes_are_the_shops_and_each_team_is_told_once() -> None:
    policy = AbusePolicy(
        routes={
            "threat_legal": ("legal", "management"),
            "threat_review": ("communications", "management"),
            "abusive": ("team_lead",),
        }
    )

    assert routes_for(["threat_legal", "threat_review"], policy) == (
        "communications", "management", "legal",
    )  # fmt: skip
    assert routes_for(["threat_chargeback"], policy) == ()
    assert routes_for(["abusive"], policy) == ("team_lead",)


def test_an_unknown_flag_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown flag 'threat_lawyer'"):
        routes_for(["threat_legal", "threat_lawyer"], DEFAULT)


def _conversation(*messages: tuple[str, ...], **facts: bool) -> Conversation:
    return Conversation([frozenset(m) for m in messages], **facts)


@pytest.mark.parametrize(
    ("conversation", "reason"),
    [
        (_conversation(), None),
        (_conversation(("abusive",)), None),
        (_conversation(("abusive",), (), ("abusive",)), EndReason.ABUSIVE_MESSAGES),
        (_conversation(("threat_legal",), ("threat_review", "threat_legal")), None),
        (_conversation(("threat_legal",), ("threat_review",), ("threat_chargeback",)),
         EndReason.REPEATED_THREATS),
        (_conversation(("threat_legal",), legal_counsel=True), EndReason.LEGAL_COUNSEL),
        (_conversation((), blocked=True), EndReason.BLOCKED),
        (_conversation(("abusive",), ("abusive",), legal_counsel=True, blocked=True),
         EndReason.BLOCKED),
    ],
    ids=["empty", "one-abusive", "two-abusive", "two-threats", "three-threats",
         "legal-counsel", "blocked", "blocked-first"],
)  # fmt: skip
def test_when_a_conversation_ends_under_the_default_policy(
    conversation: Conversation, reason: EndReason | None
) -> None:
    assert conversation_should_end(conversation, DEFAULT) == reason


def test_the_criteria_are_the_policys() -> None:
    never = AbusePolicy(
        end_after_abusive_messages=0,
        end_after_repeated_threats=0,
        end_when_legal_counsel_involved=False,
    )
    busy = _conversation(*[("abusive", "threat_legal")] * 5, legal_counsel=True)
    strict = AbusePolicy(end_after_repeated_threats=1)

    assert conversation_should_end(busy, never) is None
    assert conversation_should_end(_conversation(("threat_review",)), strict) == (
        EndReason.REPEATED_THREATS
    )
    assert busy.abusive_messages == 5
    assert busy.threat_messages == 5


def test_abuse_does_not_end_a_conversation_when_zero_tolerance_is_off() -> None:
    off = AbusePolicy(enabled=False)

    assert conversation_should_end(_conversation(("abusive",), ("abusive",)), off) is None
