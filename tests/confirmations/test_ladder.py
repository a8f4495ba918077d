"""The ladder walks by itself in a worker process: SMS, WhatsApp, e-mail, call queue; an
answer at any step ends it (R3.1-R3.4)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from goodbuyer.confirmations import service
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.statuses import ConfirmationStatus, DeliveryStatus, ResolvedVia
from goodbuyer.db import transaction
from goodbuyer.web.deps import Services
from tests.confirmations.ladder_support import (
    WorkerProcess,
    confirmation,
    hold_order,
    outbox,
    use_ladder,
    wait_for,
    worker_env,
    workflow_database,
)
from tests.factories import make_shop

pytestmark = pytest.mark.xdist_group("ladder")


@pytest.fixture
def worker(engine: Engine, tmp_path: Path) -> Iterator[WorkerProcess]:
    with workflow_database(engine, tmp_path) as workflows:
        process = WorkerProcess(worker_env(engine, workflows), tmp_path / "worker.log")
        yield process.start()
        process.stop()


def test_an_unanswered_order_walks_every_step_into_the_call_queue(
    client: TestClient, services: Services, worker: WorkerProcess
) -> None:
    shop_id, key = make_shop(services)
    use_ladder(services, shop_id, wait_minutes=1)  # 2 s each at the worker's time scale

    held = hold_order(client, key, services, "2001")

    calling = wait_for(
        lambda: confirmation(services, held).status is ConfirmationStatus.CALLING,
        timeout=60, what=lambda: f"the call queue; the worker said:\n{worker.output()}",
    )  # fmt: skip
    assert calling
    sent = outbox(services, held)
    assert [(m.channel.value, m.status) for m in sent] == [
        ("sms", DeliveryStatus.SENT),
        ("whatsapp", DeliveryStatus.SENT),
        ("email", DeliveryStatus.SENT),
    ]
    assert [m.idempotency_key for m in sent] == [f"confirm:{held}:{i}" for i in range(3)]
    assert ["/c/" in m.body for m in sent] == [True, True, False]
    assert [m.recipient for m in sent] == ["+358401234567"] * 2 + ["Aino.Virtanen@example.fi"]
    assert [m.cost for m in sent] == [8, 5, 0]


def test_a_confirmation_after_the_sms_ends_the_ladder_at_once(
    client: TestClient, services: Services, worker: WorkerProcess
) -> None:
    shop_id, key = make_shop(services)
    use_ladder(services, shop_id, wait_minutes=2)
    held = hold_order(client, key, services, "2002")
    wait_for(lambda: outbox(services, held), timeout=60, what="the first SMS")

    with transaction(services.sessions) as session:
        found = session.get(Confirmation, held)
        assert found is not None
        service.confirm(session, found, ResolvedVia.PAGE, services.clock.now(), "customer")

    time.sleep(10)  # two waits at the worker's time scale: the WhatsApp step would be due
    assert [m.channel.value for m in outbox(services, held)] == ["sms"]
    assert confirmation(services, held).status is ConfirmationStatus.CONFIRMED
    assert confirmation(services, held).resolved_channel == "sms"
