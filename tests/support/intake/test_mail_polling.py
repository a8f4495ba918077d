"""The worker's mailbox polling (`goodbuyer.mail_polling`) against a real IMAP server:
every saved mailbox polled each round, a failing one logged while the others go on."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from goodbuyer.db import transaction
from goodbuyer.mail_polling import poll_round, start_polling
from goodbuyer.settings import Settings
from goodbuyer.support.intake.connections import connect_provider
from goodbuyer.support.intake.statuses import Provider
from goodbuyer.support.models import TicketMessage
from goodbuyer.web.deps import Services
from tests.factories import count_rows, make_shop
from tests.support.intake.conftest import PASSWORD, USER, deliver
from tests.support.intake.test_imap import mail


def _save(services: Services, slug: str, port: int, folder: str, password: str) -> None:
    shop_id, _ = make_shop(services, slug=slug)
    settings = {"host": "127.0.0.1", "port": port, "username": USER, "folder": folder,
                "tls": False}  # fmt: skip
    with transaction(services.sessions) as session:
        connect_provider(session, shop_id, Provider.IMAP, password, settings,
                         services.clock.now(), "test")  # fmt: skip


def test_every_saved_mailbox_is_polled_and_a_failing_one_is_logged(
    services: Services, imap_port: int, folder: str, caplog: pytest.LogCaptureFixture
) -> None:
    deliver(imap_port, folder, mail("poll-1@example.fi", "Missä tilaukseni on?"))
    _save(services, "kauppa", imap_port, folder, PASSWORD)
    _save(services, "toinen", imap_port, folder, "wrong password")

    with caplog.at_level(logging.ERROR):
        reports = poll_round(services.sessions, services.clock)

    good, bad = (done.report for done in reports)
    assert good is not None
    assert (good.fetched, good.stored) == (1, 1)
    assert bad is None
    assert "trying again next round" in caplog.text
    assert count_rows(services, TicketMessage) == 1


def test_the_thread_polls_until_stopped(services: Services, imap_port: int, folder: str) -> None:
    _save(services, "kauppa", imap_port, folder, PASSWORD)
    deliver(imap_port, folder, mail("poll-2@example.fi", "Hei, missä paketti on?"))
    stop = threading.Event()

    thread = start_polling(Settings(imap_poll_seconds=0.2), services.sessions, services.clock,
                           stop)  # fmt: skip
    assert thread is not None
    deadline = time.monotonic() + 30
    while count_rows(services, TicketMessage) == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    thread.join(timeout=30)

    assert count_rows(services, TicketMessage) == 1
    assert not thread.is_alive()
    assert start_polling(Settings(imap_poll_seconds=0), services.sessions, services.clock,
                         threading.Event()) is None  # fmt: skip
