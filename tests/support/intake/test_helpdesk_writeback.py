"""Helpdesk write-backs go to a fake Gorgias over real HTTP: queued once per analysed
message, pushed once, retried on 429 and 5xx (Retry-After honoured), never posted twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.clock import FixedClock
from goodbuyer.confirmations.channels.fake_server import served
from goodbuyer.db import transaction
from goodbuyer.support.desk import helpdesk_note
from goodbuyer.support.intake.connections import connect_provider
from goodbuyer.support.intake.fake_gorgias import FakeGorgias
from goodbuyer.support.intake.models import HelpdeskWriteback
from goodbuyer.support.intake.push import PushOptions, PushReport, push_helpdesk_writebacks
from goodbuyer.support.intake.statuses import Provider, WritebackStatus
from goodbuyer.support.intake.writeback import queue_helpdesk_writeback
from goodbuyer.support.models import MessageAnalysis, Ticket
from goodbuyer.web.deps import Services
from tests.factories import auth, count_rows, make_shop
from tests.support.intake.test_gorgias_inbound import gorgias_message, gorgias_ticket


@pytest.fixture(scope="module")
def gorgias() -> Iterator[tuple[FakeGorgias, str]]:
    fake = FakeGorgias()
    with served(fake.app) as url:
        yield fake, url + "/api"


@pytest.fixture
def fake(gorgias: tuple[FakeGorgias, str]) -> FakeGorgias:
    gorgias[0].reset()  # one server for the module, a clean fake for each test
    return gorgias[0]


def _setup(client: TestClient, services: Services, base_url: str, ticket_id: int = 5501) -> Any:
    shop_id, key = make_shop(services)
    with transaction(services.sessions) as session:
        settings = {"username": "agent@kauppa.example", "base_url": base_url}
        connect_provider(session, shop_id, Provider.GORGIAS, "fake-key", settings,
                         services.clock.now(), "test")  # fmt: skip
    payload = {"ticket": {**gorgias_ticket(gorgias_message(1, "Missä tilaus?")), "id": ticket_id}}
    assert client.post("/api/v1/inbound/gorgias", json=payload, headers=auth(key)).is_success
    return shop_id


def _queue(services: Services) -> None:
    """The message's write-back again (a replayed analysis): it is queued once."""
    with transaction(services.sessions) as session:
        ticket = session.scalars(select(Ticket)).one()
        queue_helpdesk_writeback(session, ticket, ticket.messages[0].id, ["other"], "other",
                                 services.clock.now())  # fmt: skip


def _analysed(services: Services) -> tuple[list[str], str]:
    """The tags and the note the desk wrote for the Gorgias ticket's message."""
    with services.sessions() as session:
        ticket = session.scalars(select(Ticket)).one()
        analysis = session.scalars(select(MessageAnalysis)).one()
        return list(ticket.tags), helpdesk_note(analysis)


def _push(services: Services, waits: list[float] | None = None) -> PushReport:
    options = PushOptions(sleep=(waits if waits is not None else []).append)
    with httpx.Client(timeout=10) as http:
        return push_helpdesk_writebacks(services.sessions, services.clock, http, options)


def _row(services: Services) -> HelpdeskWriteback:
    with services.sessions() as session:
        return session.scalars(select(HelpdeskWriteback)).one()


def test_tags_and_one_note_are_pushed_once(
    client: TestClient, services: Services, gorgias: tuple[FakeGorgias, str], fake: FakeGorgias
) -> None:
    _setup(client, services, gorgias[1])  # read at once: the write-back is queued
    _queue(services)  # the same analysis again
    tags, text = _analysed(services)

    first, second = _push(services), _push(services)

    assert (first.pushed, second.pushed, count_rows(services, HelpdeskWriteback)) == (1, 0, 1)
    assert fake.tags == {"5501": tags}
    assert "lang:fi" in tags
    (note,) = fake.notes("5501")
    assert (note["body_text"], note["via"], note["from_agent"]) == (text, "api", True)
    assert note["body_text"].startswith("Read: fi, intent ")
    assert "Drafted reply:" in note["body_text"]
    assert note["body_html"].startswith("<p>Read: fi, intent ")
    assert (_row(services).status, _row(services).note) == (WritebackStatus.PUSHED, "")


def test_a_429_is_waited_out_as_the_retry_after_says(
    client: TestClient, services: Services, gorgias: tuple[FakeGorgias, str], fake: FakeGorgias
) -> None:
    _setup(client, services, gorgias[1])
    fake.fail_next(1, status=429, retry_after="2")
    waits: list[float] = []

    report = _push(services, waits)

    assert (report.pushed, waits) == (1, [2.0])
    assert fake.tags == {"5501": _analysed(services)[0]}


def test_a_lost_answer_never_posts_the_note_twice(
    client: TestClient, services: Services, gorgias: tuple[FakeGorgias, str], fake: FakeGorgias
) -> None:
    _setup(client, services, gorgias[1])
    fake.fail_next(1, status=502, after_storing=True, method="POST", path_suffix="/messages")

    report = _push(services)

    assert report.pushed == 1
    assert len(fake.notes("5501")) == 1
    # Looked up, posted (stored, answer lost), looked up again and found: not posted again.
    notes = [c.method for c in fake.calls if c.path.endswith("/messages")]
    assert notes == ["GET", "POST", "GET"]


def test_a_long_retry_after_reschedules_the_push(
    client: TestClient, services: Services, gorgias: tuple[FakeGorgias, str], fake: FakeGorgias,
    clock: FixedClock,
) -> None:  # fmt: skip
    _setup(client, services, gorgias[1])
    fake.fail_next(1, status=503, retry_after="600")

    later = _push(services)
    too_soon = _push(services)
    clock.advance(timedelta(minutes=11))
    done = _push(services)

    assert (later.rescheduled, too_soon.pushed, done.pushed) == (1, 0, 1)
    assert fake.tags == {"5501": _analysed(services)[0]}
    assert len(fake.notes("5501")) == 1


def test_a_refusal_fails_the_row_with_the_reason(
    client: TestClient, services: Services, gorgias: tuple[FakeGorgias, str], fake: FakeGorgias
) -> None:
    _setup(client, services, gorgias[1])
    fake.fail_next(1, status=400)

    report = _push(services)

    assert report.failed == 1
    row = _row(services)
    assert row.status == WritebackStatus.FAILED
    assert "HTTP 400" in (row.last_error or "")


def test_tickets_from_other_doors_queue_nothing(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    message = {"ticket_external_id": "T-1", "external_id": "M-1", "channel": "email",
               "body": "Hei", "sent_at": "2026-03-05T09:00:00Z"}  # fmt: skip
    client.post("/api/v1/messages", json=message, headers=auth(key))

    _queue(services)

    assert count_rows(services, HelpdeskWriteback) == 0
