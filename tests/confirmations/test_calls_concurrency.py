"""Two agents pressing "take next" at the same moment never get the same order: two
threads, each with its own connection (SKIP LOCKED on PostgreSQL, one writer on SQLite)."""

from __future__ import annotations

import threading
import time
import uuid

from fastapi.testclient import TestClient

from goodbuyer.confirmations import calls
from goodbuyer.db import transaction
from goodbuyer.web.deps import Services
from tests.confirmations.call_queue_data import queued_call
from tests.factories import make_shop

ORDERS = 10


def test_two_agents_claiming_at_once_never_share_an_order(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    queued = {queued_call(client, key, services, n) for n in range(ORDERS)}
    start = threading.Barrier(2)
    taken: dict[str, list[uuid.UUID]] = {"anna": [], "boris": []}

    def agent(name: str) -> None:
        start.wait()
        while True:
            with transaction(services.sessions) as session:
                got = calls.claim_next(session, shop_id, name, services.clock.now())
                if got is None:
                    return
                taken[name].append(got.id)
                time.sleep(0.01)  # hold the row lock while the other agent looks

    threads = [threading.Thread(target=agent, args=(name,)) for name in taken]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    both = taken["anna"] + taken["boris"]
    assert len(both) == ORDERS
    assert set(both) == queued
    assert set(taken["anna"]).isdisjoint(taken["boris"])
    assert min(len(taken["anna"]), len(taken["boris"])) >= 1  # they really took turns
