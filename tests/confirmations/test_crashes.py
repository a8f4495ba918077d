"""A worker killed with SIGKILL at any point of the ladder — during each wait, inside each
provider call — and started again finishes the ladder with every message sent once, as
the providers' own records show (STYLE 25), on SQLite and PostgreSQL."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from dbos import DBOSClient
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from goodbuyer.confirmations.channels.fake_server import served
from goodbuyer.confirmations.channels.fake_smtp import FakeSmtp
from goodbuyer.confirmations.channels.fake_twilio import FakeTwilio
from goodbuyer.confirmations.statuses import ConfirmationStatus, DeliveryStatus
from goodbuyer.web.deps import Services
from tests.confirmations.ladder_support import (
    WorkerProcess,
    confirmation,
    hold_order,
    new_customer,
    outbox,
    use_ladder,
    wait_for,
    worker_env,
    workflow_database,
)
from tests.factories import make_shop

pytestmark = pytest.mark.xdist_group("ladder")
PHONE = "+358401234567"


@dataclass
class Providers:
    twilio: FakeTwilio
    smtp: FakeSmtp
    env: dict[str, str]

    def sms(self) -> list[str]:
        return [m.body for m in self.twilio.messages if m.to == PHONE]

    def whatsapp(self) -> list[str]:
        return [m.body for m in self.twilio.messages if m.to == f"whatsapp:{PHONE}"]

    def sent(self) -> list[list[str]]:
        """What each provider holds, by step: SMS, WhatsApp, e-mail."""
        return [self.sms(), self.whatsapp(), [e.message_id for e in self.smtp.emails]]


@pytest.fixture
def providers() -> Iterator[Providers]:
    twilio, smtp = FakeTwilio(), FakeSmtp().start()
    with served(twilio.app) as url:
        yield Providers(twilio, smtp, {
            "GOODBUYER_TWILIO_ACCOUNT_SID": twilio.account_sid,
            "GOODBUYER_TWILIO_AUTH_TOKEN": twilio.auth_token,
            "GOODBUYER_TWILIO_SMS_FROM": "+15005550006",
            "GOODBUYER_TWILIO_WHATSAPP_FROM": "+14155238886",
            "GOODBUYER_TWILIO_BASE_URL": url,
            "GOODBUYER_SMTP_HOST": smtp.host,
            "GOODBUYER_SMTP_PORT": str(smtp.port),
            "GOODBUYER_SMTP_FROM": "shop@example.com",
        })  # fmt: skip
    smtp.stop()


@dataclass(frozen=True)
class KillPoint:
    name: str
    step: int  # 0 SMS, 1 WhatsApp, 2 e-mail
    inside: bool  # inside the provider call (it answers late), else in the wait after it

    def reached(self, providers: Providers, services: Services, held: uuid.UUID) -> bool:
        if self.inside:  # the provider holds the message; its answer is still to come
            return len(providers.sent()[self.step]) == 1
        sent = outbox(services, held)  # the step is over: its message is marked sent
        return len(sent) > self.step and sent[self.step].status is DeliveryStatus.SENT


KILL_POINTS = [
    KillPoint("waiting-after-sms", 0, inside=False),
    KillPoint("waiting-after-whatsapp", 1, inside=False),
    KillPoint("waiting-after-email", 2, inside=False),
    KillPoint("inside-the-sms-send", 0, inside=True),
    KillPoint("inside-the-whatsapp-send", 1, inside=True),
    KillPoint("inside-the-email-send", 2, inside=True),
]


@pytest.mark.parametrize("point", KILL_POINTS, ids=[p.name for p in KILL_POINTS])
def test_a_killed_worker_finishes_the_ladder_and_sends_each_message_once(
    point: KillPoint, client: TestClient, services: Services, providers: Providers,
    engine: Engine, tmp_path: Path,
) -> None:  # fmt: skip
    shop_id, key = make_shop(services)
    use_ladder(services, shop_id, wait_minutes=1)
    if point.inside:  # the message is recorded, the answer is late
        providers.twilio.delay = providers.smtp.delay = 4.0
    with workflow_database(engine, tmp_path) as workflows:
        env = worker_env(engine, workflows, **providers.env)
        worker = WorkerProcess(env, tmp_path / "worker.log").start()
        restarted = WorkerProcess(env, tmp_path / "worker.log")
        try:
            held = hold_order(client, key, services, "4001")
            wait_for(lambda: point.reached(providers, services, held), timeout=180,
                     what=lambda: f"{point.name}; the worker said:\n{worker.output()}")  # fmt: skip
            worker.kill()
            sent_before_restart = len(providers.twilio.messages) + len(providers.smtp.emails)
            providers.twilio.delay = providers.smtp.delay = 0.0
            time.sleep(1.0)
            restarted.start()
            wait_for(
                lambda: confirmation(services, held).status is ConfirmationStatus.CALLING,
                timeout=180, what=lambda: f"the call queue; the worker said:\n{restarted.output()}",
            )  # fmt: skip
        finally:
            worker.stop()
            restarted.stop()

    assert sent_before_restart >= 1
    assert len(providers.sms()) == 1
    assert len(providers.whatsapp()) == 1
    # SMTP cannot be asked what it holds: an e-mail cut inside the SMTP conversation is sent
    # again with the same Message-ID, which mail stores keep as one message.
    resent = 2 if point.name == "inside-the-email-send" else 1
    assert len(providers.smtp.emails) == resent
    assert len({e.message_id for e in providers.smtp.emails}) == 1
    sent = outbox(services, held)
    assert [(m.channel.value, m.status) for m in sent] == [
        ("sms", DeliveryStatus.SENT), ("whatsapp", DeliveryStatus.SENT),
        ("email", DeliveryStatus.SENT),
    ]  # fmt: skip
    assert {m.provider_message_id for m in sent[:2]} == {m.sid for m in providers.twilio.messages}


def test_two_workers_share_the_ladders_without_a_double_send(
    client: TestClient, services: Services, providers: Providers, engine: Engine,
    tmp_path: Path,
) -> None:  # fmt: skip
    shop_id, key = make_shop(services)
    use_ladder(services, shop_id, wait_minutes=1)
    with workflow_database(engine, tmp_path) as workflows:
        workers = [
            WorkerProcess(worker_env(engine, workflows, GOODBUYER_WORKER_ID=f"worker-{n}",
                                     **providers.env), tmp_path / f"worker-{n}.log").start()
            for n in (1, 2)
        ]  # fmt: skip
        try:
            held = [
                hold_order(client, key, services, f"5{n:03d}", new_customer(n)) for n in range(20)
            ]
            wait_for(
                lambda: all(confirmation(services, c).status is ConfirmationStatus.CALLING
                            for c in held),
                timeout=240, what="every ladder in the call queue",
            )  # fmt: skip
            ran_by = executors(workflows)
        finally:
            for worker in workers:
                worker.stop()

    bodies = [m.body for m in providers.twilio.messages]
    assert len(bodies) == len(set(bodies)) == 40  # an SMS and a WhatsApp per order, once
    assert len(providers.smtp.emails) == 20
    assert ran_by == {"worker-1", "worker-2"}


def executors(workflows: str) -> set[str]:
    client = DBOSClient(system_database_url=workflows)
    try:
        found = client.list_workflows(workflow_id_prefix="confirm:", load_input=False,
                                      load_output=False)  # fmt: skip
    finally:
        client.destroy()
    return {w.executor_id for w in found if w.executor_id}
