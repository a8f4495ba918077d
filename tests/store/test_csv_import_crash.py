"""CSV backfill killed mid-way: the batches it committed stay whole, and a re-run stores the
rest without storing anything twice (both backends)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from goodbuyer.audit import AuditEvent
from goodbuyer.store.import_writers import OrderWriter
from goodbuyer.store.load_indexes import DEFERRED as DEFERRED_INDEXES
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.store.service import import_file
from goodbuyer.web.deps import Services
from tests.factories import make_shop

HEADER = "order_id,placed_at,currency,payment_method,email,ship_line1,ship_city,sku,product,"
HEADER += "quantity,unit_price\n"
_ORDERS = 5 * OrderWriter.batch_size
DEFERRED_NAMES = {str(index.name) for index in DEFERRED_INDEXES}


def _orders_file(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(_ORDERS):
            c = i % 700
            head = f"{i},2026-03-01T12:{i % 60:02d}:00+02:00,EUR,cod,c{c}@example.fi,Katu {c},Oulu"
            out.write(f"{head},TEE-M,T-shirt,1,19.90\n{i},,,,,,,CAP,Cap,2,12.50\n")
    return path


def _stored(services: Services) -> tuple[int, int, int]:
    """(orders, order lines, order.created events)."""
    with services.readers() as session:
        orders = session.scalar(select(func.count()).select_from(Order))
        lines = session.scalar(select(func.count()).select_from(OrderLine))
        events = session.scalar(select(func.count()).where(AuditEvent.action == "order.created"))
    return orders or 0, lines or 0, events or 0


def _killed_after_the_first_batch(services: Services, path: Path) -> None:
    env = {**os.environ, "GOODBUYER_DATABASE_URL": str(services.settings.database_url)}
    command = [str(Path(sys.executable).parent / "goodbuyer"), "import", "orders", str(path)]
    process = subprocess.Popen(  # its own group: the parsing process is killed with it
        [*command, "--shop", "kauppa"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    try:
        while _stored(services)[0] == 0:
            assert process.poll() is None, "the import ended before a batch was seen"
            assert time.monotonic() < deadline, "no batch committed in time"
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.mark.slow
def test_a_killed_import_keeps_whole_batches_and_a_rerun_completes_it(
    services: Services, tmp_path: Path
) -> None:
    shop_id, _ = make_shop(services)
    path = _orders_file(tmp_path / "orders.csv")

    _killed_after_the_first_batch(services, path)
    orders, lines, events = _stored(services)
    indexes_left = _indexes(services)
    report = import_file(services, shop_id, "orders", path)

    assert 0 < orders < _ORDERS
    assert orders % OrderWriter.batch_size == 0
    assert (lines, events) == (2 * orders, orders)
    assert (report.created, report.unchanged, report.rejected) == (_ORDERS - orders, orders, 0)
    assert _stored(services) == (_ORDERS, 2 * _ORDERS, _ORDERS)
    # a first load builds some indexes at its end: the killed one never got there
    assert not DEFERRED_NAMES & indexes_left
    assert _indexes(services) >= DEFERRED_NAMES


def _indexes(services: Services) -> set[str]:
    with services.readers() as session:
        found = inspect(session.connection())
        return {str(i["name"]) for t in ("orders", "audit_events") for i in found.get_indexes(t)}
