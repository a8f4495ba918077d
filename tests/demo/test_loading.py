"""The demo shop loads through the real import, with nothing rejected, and is reused."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from goodbuyer.customers.models import CustomerValue
from goodbuyer.demo.loading import LOAD_ORDER, load_demo_shop
from goodbuyer.identity.models import PersonMember
from goodbuyer.store.models import Order
from goodbuyer.web.deps import Services


def test_demo_shop_loads_everything_and_is_reused(services: Services, tmp_path: Path) -> None:
    first = load_demo_shop(services, tmp_path / "demo", customers=60, orders=240, seed=3)
    second = load_demo_shop(services, tmp_path / "demo", customers=60, orders=240, seed=3)

    assert [r.kind.value for r in first.reports] == list(LOAD_ORDER)
    assert all(r.rejected == 0 for r in first.reports), [r.summary() for r in first.reports]
    assert second.reports == []
    assert first.key != second.key
    assert (tmp_path / "demo" / "ground_truth.csv").exists()
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 240
        person = func.coalesce(PersonMember.person_id, Order.customer_id)
        persons = (
            select(func.count(func.distinct(person)))
            .select_from(Order)
            .outerjoin(PersonMember, PersonMember.customer_id == Order.customer_id)
        )
        values = select(func.count()).select_from(CustomerValue)
        assert session.scalar(values) == session.scalar(persons) > 0
