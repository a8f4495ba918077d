"""The worker's pushes (`goodbuyer.pushes`): a round sends what is due once, the thread
keeps pushing until told to stop, and a round that fails is logged, not fatal."""

from __future__ import annotations

import logging
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from goodbuyer.db import make_engine, make_sessionmaker
from goodbuyer.pushes import push_round, start_pushing
from goodbuyer.settings import Settings
from goodbuyer.support.intake.fake_gorgias import FakeGorgias
from goodbuyer.support.intake.models import HelpdeskWriteback
from goodbuyer.support.intake.statuses import WritebackStatus
from goodbuyer.web.deps import Services
from tests.factories import count_rows
from tests.support.intake.test_helpdesk_writeback import _row, _setup, fake, gorgias

__all__ = ["fake", "gorgias"]  # the fixtures, shared with the write-back tests


def test_a_round_pushes_what_is_due_once(
    client: TestClient, services: Services, gorgias: tuple[FakeGorgias, str], fake: FakeGorgias
) -> None:
    _setup(client, services, gorgias[1])

    with httpx.Client(timeout=10) as http:
        first = push_round(services.sessions, services.clock, http)
        second = push_round(services.sessions, services.clock, http)

    assert first.helpdesk is not None
    assert second.helpdesk is not None
    assert (first.helpdesk.pushed, second.helpdesk.pushed) == (1, 0)
    assert first.shopify is not None
    assert first.shopify.pushed == 0
    assert len(fake.notes("5501")) == 1
    assert _row(services).status is WritebackStatus.PUSHED


def test_the_thread_pushes_until_stopped(
    client: TestClient, services: Services, gorgias: tuple[FakeGorgias, str], fake: FakeGorgias
) -> None:
    _setup(client, services, gorgias[1])
    stop = threading.Event()
    settings = Settings(push_every_seconds=0.2)

    thread = start_pushing(settings, services.sessions, services.clock, stop)
    assert thread is not None
    deadline = time.monotonic() + 20
    while _row(services).status is not WritebackStatus.PUSHED and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    thread.join(timeout=20)

    assert _row(services).status is WritebackStatus.PUSHED
    assert not thread.is_alive()
    assert (len(fake.notes("5501")), count_rows(services, HelpdeskWriteback)) == (1, 1)


def test_no_thread_when_pushing_is_off(services: Services) -> None:
    stop = threading.Event()
    off = Settings(push_every_seconds=0)

    assert start_pushing(off, services.sessions, services.clock, stop) is None


def test_a_failing_round_is_logged_and_returns(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    engine = make_engine("sqlite:////nonexistent-directory/goodbuyer.db")
    try:
        with caplog.at_level(logging.ERROR), httpx.Client(timeout=5) as http:
            done = push_round(make_sessionmaker(engine), services.clock, http)
    finally:
        engine.dispose()

    assert (done.shopify, done.helpdesk) == (None, None)
    assert "trying again next round" in caplog.text
