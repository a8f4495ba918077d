"""The protocol read from the stored incidents, and a person's erasure reaching them."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.identity.erasure import erase_customer
from goodbuyer.support.abuse import conversation_of
from goodbuyer.support.abuse_models import SupportIncident
from goodbuyer.support.models import Ticket
from goodbuyer.support.protocol import EndReason, conversation_should_end
from goodbuyer.web.deps import Services
from tests.policy.shoppers import shop_with_customer
from tests.support.abuse.desk import POLICY, abuse, ingest, threats

THREAT = "Haastan teidät oikeuteen ja kirjoitan arvostelun kaikkialle."


def _end_reason(services: Services, legal_counsel: bool = False) -> EndReason | None:
    with services.sessions() as session:
        ticket = session.scalars(select(Ticket)).one()
        history = conversation_of(session, ticket.shop_id, ticket, services.clock.now(),
                                  legal_counsel=legal_counsel)  # fmt: skip
        return conversation_should_end(history, POLICY)


def test_repeated_threats_end_the_conversation(client: TestClient, services: Services) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    reasons = []
    for n in (1, 2, 3):
        message = ingest(services, shop_id, f"M-{n}", THREAT)
        threats(services, shop_id, message, ["threat_legal", "threat_review"])
        reasons.append(_end_reason(services))

    assert reasons == [None, None, EndReason.REPEATED_THREATS]
    assert _end_reason(services, legal_counsel=True) == EndReason.LEGAL_COUNSEL


def test_a_block_ends_the_conversation(client: TestClient, services: Services) -> None:
    shop_id, _, _ = shop_with_customer(client, services)
    abuse(services, shop_id, ingest(services, shop_id, "M-1", "Idiootit!"))
    first = _end_reason(services)
    abuse(services, shop_id, ingest(services, shop_id, "M-2", "Idiootit!"))

    assert (first, _end_reason(services)) == (None, EndReason.BLOCKED)


def test_erasure_removes_the_evidence_and_keeps_the_incidents(
    client: TestClient, services: Services
) -> None:
    shop_id, _, customer = shop_with_customer(client, services)
    for n in (1, 2):
        abuse(services, shop_id, ingest(services, shop_id, f"M-{n}", "Aino sanoo: idiootit!"))
    threats(services, shop_id, ingest(services, shop_id, "M-3", THREAT), ["threat_legal"])

    with services.write() as session:
        report = erase_customer(session, shop_id, customer, services.clock.now(), "admin")
    with services.sessions() as session:
        rows = session.scalars(
            select(SupportIncident).order_by(SupportIncident.at, SupportIncident.id)
        ).all()

    assert report.counts["support_incidents"] == 3
    assert [(i.kind.value, i.flag, i.routes, i.evidence, i.contact) for i in rows] == [
        ("warning", "abusive", [], "[erased]", None),
        ("block", "abusive", [], "[erased]", None),
        ("threat", "threat_legal", ["legal"], "[erased]", None),
    ]
    assert {i.customer_id for i in rows} == {customer}
