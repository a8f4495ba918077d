"""On a generated shop the backfill (in memory, written in bulk) stores exactly what orders
resolved one at a time store: persons, links, records, keys, and every order's history
check and ghost signals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from goodbuyer.audit import AuditEvent
from goodbuyer.db import transaction
from goodbuyer.demo import generate
from goodbuyer.identity import backfill
from goodbuyer.identity.backfill import link_unchecked
from goodbuyer.identity.models import (
    IdentityKey,
    IdentityLink,
    IdentityRecord,
    OrderCheck,
    PersonMember,
)
from goodbuyer.identity.service import resolve_order
from goodbuyer.store.models import Order
from goodbuyer.store.service import import_file
from goodbuyer.web.deps import Services
from tests.factories import make_shop

_KINDS = ("orders", "shipments", "returns", "chargebacks")  # what the outcomes come from


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(customers=200, orders=900, seed=5, out_dir=out)
    return out


def _stored(services: Services, shop_id: Any) -> dict[str, list[tuple[Any, ...]]]:
    with services.sessions() as session:
        checks = select(
            OrderCheck.order_id, OrderCheck.person_id, OrderCheck.history, OrderCheck.red_flags,
            OrderCheck.ghost_signals, OrderCheck.ghost_score,
        ).where(OrderCheck.shop_id == shop_id)  # fmt: skip
        links = select(
            IdentityLink.customer_a, IdentityLink.customer_b, IdentityLink.kind,
            IdentityLink.score, IdentityLink.levels, IdentityLink.reasons, IdentityLink.order_id,
        ).where(IdentityLink.shop_id == shop_id)  # fmt: skip
        records = select(
            IdentityRecord.customer_id, IdentityRecord.order_id, IdentityRecord.signature
        ).where(IdentityRecord.shop_id == shop_id)
        keys = select(IdentityKey.customer_id, IdentityKey.kind, IdentityKey.key).where(
            IdentityKey.shop_id == shop_id
        )
        members = select(PersonMember.customer_id, PersonMember.person_id).where(
            PersonMember.shop_id == shop_id
        )
        merged = select(AuditEvent.order_id, AuditEvent.subject_id, AuditEvent.data).where(
            AuditEvent.shop_id == shop_id, AuditEvent.action == "person.merged"
        )
        queries = {"checks": checks, "links": links, "records": records, "keys": keys,
                   "members": members, "merged": merged}  # fmt: skip
        return {
            name: sorted((tuple(row) for row in session.execute(query)), key=repr)
            for name, query in queries.items()
        }


def _forget_identity(services: Services, shop_id: Any) -> None:
    with transaction(services.sessions) as session:
        for model in (OrderCheck, IdentityKey, IdentityRecord, IdentityLink, PersonMember):
            session.execute(delete(model).where(model.shop_id == shop_id))
        session.execute(
            delete(AuditEvent).where(
                AuditEvent.shop_id == shop_id, AuditEvent.action == "person.merged"
            )
        )


@pytest.mark.parametrize("helper_from", [1_000_000, 0], ids=["one-process", "ghosts-in-helper"])
def test_backfill_stores_what_one_at_a_time_stores_on_a_generated_shop(
    services: Services, generated: Path, monkeypatch: pytest.MonkeyPatch, helper_from: int
) -> None:
    monkeypatch.setattr(backfill, "HELPER_FROM", helper_from)
    monkeypatch.setattr(backfill, "CHUNK", 250)  # several chunks, one transaction each
    shop_id, _ = make_shop(services, "generated")
    for kind in _KINDS:
        import_file(services, shop_id, kind, generated / f"{kind}.csv")
    with services.sessions() as session:
        query = select(Order.id).where(Order.shop_id == shop_id)
        oldest_first = list(session.scalars(query.order_by(Order.placed_at, Order.id)))

    assert link_unchecked(services.sessions, shop_id, services.clock, "test") == 900
    backfilled = _stored(services, shop_id)
    _forget_identity(services, shop_id)
    for order_id in oldest_first:
        with transaction(services.sessions) as session:
            resolve_order(session, order_id, services.clock.now(), "test")
    one_at_a_time = _stored(services, shop_id)

    assert len(backfilled["checks"]) == 900
    assert len(backfilled["merged"]) > 20  # the generated shop's people do change details
    assert any(row[4] for row in backfilled["checks"])  # and some orders carry ghost signals
    assert any(row[3] for row in backfilled["checks"])  # and red flags
    for name, rows in backfilled.items():
        assert rows == one_at_a_time[name], name
