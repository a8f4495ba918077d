"""Features are as of the order's placement: a later outcome never changes an earlier
order's row, and an outcome counts only from when it was known."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from sqlalchemy import update

from goodbuyer.risk.facts import Money
from goodbuyer.risk.model import Columns, categories, choose_levels, fixed_row
from goodbuyer.risk.replay import replay
from goodbuyer.store.models import Order
from goodbuyer.store.statuses import OrderStatus, PaymentStatus
from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.risk.history import T0, ending, order, store

# One person: #1 refused but known only on day 4, after #2 (day 3) was placed; #3 (day 5)
# refused, known on day 8; #4 (day 9) still open.
_ORDERS = [
    order("1", 1, 4, **ending("refused")),
    order("2", 3, 6, **ending("delivered")),
    order("3", 5, 8, **ending("refused")),
    order("4", 9, 9, **ending("placed")),
]


def _rows(services: Services, shop_id: Any) -> dict[str, tuple[str, bytes]]:
    """Per order number: its features as JSON and its model row as bytes."""
    with services.sessions() as session:
        replayed = list(replay(session, shop_id, Money()))
    columns = Columns.with_levels(choose_levels([categories(r.features) for r in replayed] * 10))
    return {
        r.row.number: (
            json.dumps(r.features, sort_keys=True),
            columns.row(r.features).tobytes() + np.array(fixed_row(r.features)).tobytes(),
        )
        for r in replayed
    }


def _set_outcome(services: Services, number: str, status: OrderStatus, paid: PaymentStatus) -> None:
    with services.write() as session:
        session.execute(
            update(Order).where(Order.number == number).values(status=status, payment_status=paid)
        )


def test_a_later_outcome_leaves_earlier_rows_byte_identical(services: Services) -> None:
    shop_id, _ = make_shop(services)
    store(services, shop_id, _ORDERS)
    before = _rows(services, shop_id)

    _set_outcome(services, "#3", OrderStatus.DELIVERED, PaymentStatus.PAID)
    after = _rows(services, shop_id)

    assert [after[n] == before[n] for n in ("#1", "#2", "#3", "#4")] == [True, True, True, False]
    assert json.loads(before["#4"][0])["customer.refused"] == 2
    assert json.loads(after["#4"][0])["customer.refused"] == 1


def test_an_outcome_counts_only_from_when_it_was_known(services: Services) -> None:
    shop_id, _ = make_shop(services)
    store(services, shop_id, _ORDERS)

    rows = {n: json.loads(f) for n, (f, _) in _rows(services, shop_id).items()}

    assert [rows[n]["customer.orders"] for n in ("#1", "#2", "#3", "#4")] == [0, 1, 2, 3]
    assert [rows[n]["customer.refused"] for n in ("#1", "#2", "#3", "#4")] == [0, 0, 1, 2]
    assert [rows[n]["customer.open"] for n in ("#1", "#2", "#3", "#4")] == [0, 1, 1, 0]
    assert rows["#2"]["history.flags"] == []
    assert rows["#3"]["history.flags"] == ["refused"]


def test_an_outcome_known_later_moves_out_of_the_orders_before_it(services: Services) -> None:
    shop_id, _ = make_shop(services)
    store(services, shop_id, _ORDERS)
    with services.write() as session:
        later = T0.replace(day=T0.day + 6)  # #1's refusal now known on day 6, after #3's day 5
        session.execute(update(Order).where(Order.number == "#1").values(source_updated_at=later))

    rows = {n: json.loads(f) for n, (f, _) in _rows(services, shop_id).items()}

    assert [rows[n]["customer.refused"] for n in ("#1", "#2", "#3", "#4")] == [0, 0, 0, 2]
