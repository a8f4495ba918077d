"""What the ladder's tests share: a shop with a fast ladder, held orders, a worker in a
process of its own (so it can be killed with SIGKILL) and its workflow database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.engine import Engine

from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.db import transaction
from goodbuyer.policy import service as policies
from goodbuyer.policy import versions
from goodbuyer.policy.loading import default_policy_text
from goodbuyer.web.deps import Services
from tests.factories import auth, order_payload

FAST_LADDER = """confirmation:
  enabled: true
  cash_on_delivery_only: true
  steps:
    - {channel: sms, wait_minutes: WAIT}
    - {channel: whatsapp, wait_minutes: WAIT}
    - {channel: email, wait_minutes: WAIT, link: false}
  quiet_hours: null
  calls: {attempts: 2, retry_minutes: 30, claim_minutes: 15}
  link_valid_hours: 72
  edit_window_minutes: 60
  delivery_slots: []
  prices: {sms: 8, whatsapp: 5, email: 0, webhook: 0}
  texts: {}
"""


def use_ladder(services: Services, shop_id: uuid.UUID, wait_minutes: int = 1) -> None:
    """Activate a policy whose ladder waits `wait_minutes` per step, at any hour."""
    text = default_policy_text()
    text = text[: text.index("\nconfirmation:\n") + 1] + FAST_LADDER.replace(
        "WAIT", str(wait_minutes)
    )
    now = services.clock.now()
    with transaction(services.sessions) as session:
        draft = versions.create_draft(session, shop_id, actor="test", now=now, text=text)
        versions.validate_version(session, shop_id, draft.version, "test", now)
        policies.activate_version(session, shop_id, draft.version, "test", now)


def new_customer(n: int) -> dict[str, Any]:
    """The parts of an order that make its customer the n-th new one."""
    name = f"Asiakas {chr(65 + n % 26)}{n:03d} Korhonen"
    return {
        "customer": {"name": name, "email": f"asiakas{n}@example.fi",
                     "phone": f"050 {n // 1000 % 1000:03d} {n % 1000:04d}"},
        "shipping_address": {"name": name, "line1": f"Kauppakatu {n + 1} A {n % 40 + 1}",
                             "city": "Tampere", "postcode": "33100", "country": "fi"},
    }  # fmt: skip


def hold_order(
    client: TestClient, key: str, services: Services, external_id: str,
    customer: dict[str, Any] | None = None,
) -> uuid.UUID:  # fmt: skip
    """Post a first cash-on-delivery order; the id of its confirmation."""
    payload = order_payload(external_id, **(customer or {}))
    response = client.post("/api/v1/orders", json=payload, headers=auth(key))
    assert response.status_code == 201, response.text
    order_id = uuid.UUID(response.json()["id"])
    with services.sessions() as session:
        found = session.scalar(select(Confirmation.id).where(Confirmation.order_id == order_id))
    assert found is not None
    return found


def confirmation(services: Services, confirmation_id: uuid.UUID) -> Confirmation:
    with services.sessions() as session:
        found = session.get(Confirmation, confirmation_id)
        assert found is not None
        session.expunge(found)
        return found


def outbox(services: Services, confirmation_id: uuid.UUID) -> list[OutboxMessage]:
    with services.sessions() as session:
        rows = list(
            session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.confirmation_id == confirmation_id)
                .order_by(OutboxMessage.idempotency_key)
            )
        )
        for row in rows:
            session.expunge(row)
        return rows


def wait_for(check: Callable[[], Any], timeout: float = 60.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or check}")


@contextmanager
def workflow_database(engine: Engine, tmp_path: Path) -> Iterator[str]:
    """A fresh DBOS system database beside the test's own."""
    if engine.dialect.name == "sqlite":
        yield f"sqlite:///{tmp_path / 'workflows.db'}"
        return
    base = engine.url.render_as_string(False).replace("postgresql+psycopg://", "postgresql://")
    name = f"wf_{uuid.uuid4().hex[:12]}"
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url  # DBOS creates it on launch
    admin = base.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class WorkerProcess:
    """`goodbuyer worker` in a process of its own."""

    def __init__(self, env: Mapping[str, str], log: Path) -> None:
        self.env = {**os.environ, **env}
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        command = [sys.executable, "-c", "from goodbuyer.cli import main; main()", "worker"]
        with self.log.open("ab") as out:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(command, env=self.env, stdout=out, stderr=out)
        return self

    def kill(self) -> None:
        """SIGKILL: no clean-up runs."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def worker_env(engine: Engine, workflows: str, **extra: str) -> dict[str, str]:
    return {
        "GOODBUYER_ENVIRONMENT": "test",
        "GOODBUYER_DATABASE_URL": engine.url.render_as_string(False),
        "GOODBUYER_DBOS_URL": workflows,
        "GOODBUYER_TIME_SCALE": "30",
        "GOODBUYER_WORKER_ID": "worker-1",
        **extra,
    }
