"""Zero tolerance through the service functions, on both databases: a warning, then a
block that names the official channel; blocked senders are kept but never answered;
replays add nothing; the window expires; an agent's lift starts it afresh."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.clock import FixedClock
from goodbuyer.errors import Conflict, InvalidInput
from goodbuyer.support.abuse_desk import (
    lift_contact_block,
    lift_customer_block,
    lift_ticket_block,
)
from goodbuyer.support.abuse_kinds import AbuseOutcome
from goodbuyer.support.abuse_models import SupportIncident
from goodbuyer.support.abuse_state import is_blocked
from goodbuyer.support.models import TicketMessage
from goodbuyer.web.deps import Services
from tests.factories import count_rows, make_shop
from tests.policy.shoppers import shop_with_customer
from tests.support.abuse.desk import (
    POLICY,
    abuse,
    audit_actions,
    incidents,
    ingest,
    threats,
    ticket_tags,
)

INSULT = "Te olette täysiä idiootteja, missä paketti on?!"


def test_a_warning_then_a_block_naming_the_official_channel(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    shop_id, _, customer = shop_with_customer(client, services)
    first = ingest(services, shop_id, "M-1", INSULT)
    clock.advance(timedelta(days=3))
    calm = ingest(services, shop_id, "M-2", "Missä tilaukseni on?")
    clock.advance(timedelta(days=3))
    second = ingest(services, shop_id, "M-3", "Senkin idiootit!")

    warned = abuse(services, shop_id, first)
    untouched = abuse(services, shop_id, calm, abusive=False)
    blocked = abuse(services, shop_id, second)

    assert (warned.outcome, untouched.outcome, blocked.outcome) == (
        AbuseOutcome.WARNED, AbuseOutcome.NONE, AbuseOutcome.BLOCKED,
    )  # fmt: skip
    assert (warned.drafts_reply, untouched.drafts_reply, blocked.drafts_reply) == (
        True, True, False,
    )  # fmt: skip
    assert warned.text is not None
    assert warned.text.startswith("Haluamme auttaa sinua")
    assert blocked.text is not None
    assert "Sähköposti: asiakaspalvelu@kauppa.fi" in blocked.text
    assert [(k, f) for k, f, _ in incidents(services)] == [("warning", "abusive"),
                                                          ("block", "abusive")]  # fmt: skip
    assert audit_actions(services) == ["support.abuse_warned", "support.sender_blocked"]
    assert ticket_tags(services, second) == ["abuse_warning", "blocked"]
    with services.sessions() as session:
        assert is_blocked(session, shop_id, customer_id=customer)
        assert is_blocked(session, shop_id, contact="aino.virtanen@EXAMPLE.fi")
        stored = session.scalars(select(SupportIncident).order_by(SupportIncident.at)).all()
        assert [(i.customer_id, i.contact) for i in stored] == [
            (customer, "aino.virtanen@example.fi")
        ] * 2
        assert stored[0].evidence == INSULT


def test_a_blocked_senders_messages_are_kept_tagged_and_never_answered(
    client: TestClient, services: Services
) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    for n in (1, 2):
        abuse(services, shop_id, ingest(services, shop_id, f"M-{n}", INSULT))
    later = ingest(services, shop_id, "M-3", "Hei, voinko vaihtaa osoitetta?", ticket="T-2")

    step = abuse(services, shop_id, later, abusive=False)

    assert step.outcome is AbuseOutcome.ALREADY_BLOCKED
    assert (step.drafts_reply, step.text) == (False, None)
    assert ticket_tags(services, later) == ["blocked"]
    assert count_rows(services, TicketMessage) == 3  # every conversation is kept
    assert len(incidents(services)) == 2


def test_handling_a_message_again_adds_nothing(client: TestClient, services: Services) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    first = ingest(services, shop_id, "M-1", INSULT)
    second = ingest(services, shop_id, "M-2", INSULT)

    steps = [abuse(services, shop_id, m) for m in (first, first, second, second, first)]

    assert [s.outcome for s in steps] == [
        AbuseOutcome.WARNED, AbuseOutcome.WARNED, AbuseOutcome.BLOCKED, AbuseOutcome.BLOCKED,
        AbuseOutcome.WARNED,
    ]  # fmt: skip
    assert steps[0].incident_id == steps[1].incident_id == steps[4].incident_id
    assert steps[0].text == steps[1].text
    assert [k for k, _, _ in incidents(services)] == ["warning", "block"]
    assert audit_actions(services) == ["support.abuse_warned", "support.sender_blocked"]


def test_a_warning_counts_only_within_the_window(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    abuse(services, shop_id, ingest(services, shop_id, "M-1", INSULT))
    clock.advance(timedelta(days=POLICY.window_days, seconds=1))

    again = abuse(services, shop_id, ingest(services, shop_id, "M-2", INSULT))
    clock.advance(timedelta(days=POLICY.window_days - 1))
    third = abuse(services, shop_id, ingest(services, shop_id, "M-3", INSULT))

    assert (again.outcome, third.outcome) == (AbuseOutcome.WARNED, AbuseOutcome.BLOCKED)


def test_lifting_a_block_starts_the_window_afresh(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    shop_id, _, customer = shop_with_customer(client, services)
    for n in (1, 2):
        abuse(services, shop_id, ingest(services, shop_id, f"M-{n}", INSULT))
    clock.advance(timedelta(hours=2))
    with services.write() as session:
        lift = lift_customer_block(session, shop_id, customer, " called her; apologised ",
                                   clock.now(), "agent:mari")  # fmt: skip
    clock.advance(timedelta(hours=1))

    calm = abuse(services, shop_id, ingest(services, shop_id, "M-3", "Kiitos!"), abusive=False)
    after = abuse(services, shop_id, ingest(services, shop_id, "M-4", INSULT))
    blocked_again = abuse(services, shop_id, ingest(services, shop_id, "M-5", INSULT))

    assert (lift.kind.value, lift.note, lift.actor) == ("lift", "called her; apologised",
                                                        "agent:mari")  # fmt: skip
    assert [s.outcome for s in (calm, after, blocked_again)] == [
        AbuseOutcome.NONE, AbuseOutcome.WARNED, AbuseOutcome.BLOCKED,
    ]  # fmt: skip
    assert audit_actions(services) == [
        "support.abuse_warned", "support.sender_blocked", "support.block_lifted",
        "support.abuse_warned", "support.sender_blocked",
    ]  # fmt: skip


def test_a_lift_needs_a_note_and_a_block(client: TestClient, services: Services) -> None:
    shop_id, _, customer = shop_with_customer(client, services)

    with pytest.raises(InvalidInput, match="a note is required"), services.write() as session:
        lift_customer_block(session, shop_id, customer, "  ", services.clock.now(), "agent")
    with pytest.raises(Conflict, match="not blocked"), services.write() as session:
        lift_customer_block(session, shop_id, customer, "why", services.clock.now(), "agent")
    assert incidents(services) == []


def test_a_sender_with_no_customer_is_blocked_by_address(services: Services) -> None:
    shop_id, _ = make_shop(services)
    stranger = "troll@example.com"
    for n in (1, 2):
        abuse(services, shop_id, ingest(services, shop_id, f"M-{n}", INSULT, email=stranger,
                                        ticket=f"T-{n}"), lang="en")  # fmt: skip
    other = ingest(services, shop_id, "M-3", "Hello", email="someone@example.com", ticket="T-3")
    again = ingest(services, shop_id, "M-4", "Hi", email="TROLL@example.com", ticket="T-4")

    kept = abuse(services, shop_id, again, abusive=False)
    free = abuse(services, shop_id, other, abusive=False)
    with services.write() as session:
        lift_contact_block(session, shop_id, "Troll@Example.com", "mistaken", services.clock.now(),
                           "agent")  # fmt: skip
        still = is_blocked(session, shop_id, contact=stranger)

    assert (kept.outcome, free.outcome, still) == (
        AbuseOutcome.ALREADY_BLOCKED, AbuseOutcome.NONE, False,
    )  # fmt: skip


def test_zero_tolerance_off_warns_no_one(client: TestClient, services: Services) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    off = POLICY.model_copy(update={"enabled": False})

    steps = [abuse(services, shop_id, ingest(services, shop_id, f"M-{n}", INSULT), policy=off)
             for n in (1, 2)]  # fmt: skip

    assert [s.outcome for s in steps] == [AbuseOutcome.NONE, AbuseOutcome.NONE]
    assert incidents(services) == []


def test_two_warnings_before_a_block_when_the_policy_says_so(
    client: TestClient, services: Services
) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    patient = POLICY.model_copy(update={"warnings_before_block": 2})

    steps = [abuse(services, shop_id, ingest(services, shop_id, f"M-{n}", INSULT), policy=patient)
             for n in (1, 2, 3)]  # fmt: skip

    assert [s.outcome.value for s in steps] == ["warned", "warned", "blocked"]


def test_threats_are_recorded_with_evidence_and_routes_once(
    client: TestClient, services: Services
) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    message = ingest(services, shop_id, "M-1", "Jos ette palauta rahoja, otan yhteyttä "
                     "asianajajaan ja kirjoitan huonon arvostelun.")  # fmt: skip
    flags = ["threat_review", "threat_legal", "abusive"]
    legal = {"threat_legal": "otan yhteyttä asianajajaan"}

    made = threats(services, shop_id, message, flags, evidence=legal)
    again = threats(services, shop_id, message, flags, evidence=legal)

    assert made == again == [
        ("threat_review", ["communications"],
         "Jos ette palauta rahoja, otan yhteyttä asianajajaan ja kirjoitan huonon arvostelun."),
        ("threat_legal", ["legal"], "otan yhteyttä asianajajaan"),
    ]  # fmt: skip
    assert audit_actions(services) == ["support.threat_recorded"] * 2
    with pytest.raises(ValueError, match="unknown flag"):
        threats(services, shop_id, message, ["threat_of_rain"])


def test_an_outbound_message_is_not_judged(client: TestClient, services: Services) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    reply = ingest(services, shop_id, "M-1", "Kiitos viestistä", direction="outbound",
                   author_kind="agent")  # fmt: skip

    with pytest.raises(InvalidInput, match="inbound messages only"):
        abuse(services, shop_id, reply)


def test_an_anonymous_chat_is_blocked_by_its_conversation(services: Services) -> None:
    shop_id, _ = make_shop(services)
    chat = [ingest(services, shop_id, f"M-{n}", INSULT, email=None, ticket="CHAT-1")
            for n in (1, 2, 3)]  # fmt: skip
    other = ingest(services, shop_id, "M-9", INSULT, email=None, ticket="CHAT-2")

    steps = [abuse(services, shop_id, m, lang="en") for m in chat]
    elsewhere = abuse(services, shop_id, other, lang="en")
    with services.write() as session:
        ticket_id = session.get(TicketMessage, chat[0]).ticket_id  # type: ignore[union-attr]
        lift = lift_ticket_block(session, shop_id, ticket_id, "a colleague's mistake",
                                 services.clock.now(), "agent")  # fmt: skip
    after = abuse(services, shop_id, ingest(services, shop_id, "M-4", INSULT, email=None,
                                            ticket="CHAT-1"), lang="en")  # fmt: skip

    assert [s.outcome.value for s in steps] == ["warned", "blocked", "already_blocked"]
    assert elsewhere.outcome is AbuseOutcome.WARNED  # another conversation, another sender
    assert (lift.ticket_id, lift.customer_id, lift.contact) == (ticket_id, None, None)
    assert after.outcome is AbuseOutcome.WARNED


def test_two_messages_handled_at_once_give_one_warning_and_one_block(
    client: TestClient, services: Services
) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    messages = [ingest(services, shop_id, f"M-{n}", INSULT, ticket=f"T-{n}") for n in (1, 2)]
    start = threading.Barrier(2)

    def handle(message_id: uuid.UUID) -> AbuseOutcome:
        start.wait(timeout=30)
        return abuse(services, shop_id, message_id).outcome

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = sorted(pool.map(handle, messages))

    assert outcomes == [AbuseOutcome.BLOCKED, AbuseOutcome.WARNED]
    assert sorted(k for k, _, _ in incidents(services)) == ["block", "warning"]
