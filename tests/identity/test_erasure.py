"""`goodbuyer customers erase` and `POST /api/v1/customers/{id}/erase`: the person's data is
gone from every table, the shop's figures and flags stay, and erasing again is harmless."""

from __future__ import annotations

import io
import json
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.cli import run
from goodbuyer.identity import erasure_linked
from goodbuyer.identity.erasure_linked import WRITEBACK_STOPPED
from goodbuyer.identity.models import IdentityLink
from goodbuyer.identity.redaction import SEPARATED_REASON
from goodbuyer.metrics.service import shop_overview
from goodbuyer.models import metadata
from goodbuyer.policy.models import ListEntry
from goodbuyer.shops.scopes import Scope
from goodbuyer.store.models import Order, SourceEvent
from goodbuyer.support.intake.models import HelpdeskWriteback
from goodbuyer.web.deps import Services
from tests.factories import auth, make_key, make_shop, order_payload
from tests.identity.erasure_data import AINO_VALUES, EERO_VALUES, Shop, make_footprint


def _text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# A time zone names a region, like a country, not a person: Eero's "Europe/Helsinki" is
# not Aino's Helsinki address.
NOT_PERSONAL = frozenset({"confirmations.time_zone"})


def _every_value(services: Services) -> list[tuple[str, str]]:
    """(table.column, value as text) for every non-empty cell of every table."""
    with services.sessions() as session:
        return [
            (f"{table.name}.{column}", _text(value))
            for table in metadata.sorted_tables
            for row in session.execute(select(table)).mappings()
            for column, value in row.items()
            if value is not None and f"{table.name}.{column}" not in NOT_PERSONAL
        ]


def _where(services: Services, values: tuple[str, ...]) -> dict[str, list[str]]:
    """For each value, the columns it is still found in (case-insensitive)."""
    cells = [(column, text.lower()) for column, text in _every_value(services)]
    return {v: [c for c, text in cells if v.lower() in text] for v in values}


def _figures(client: TestClient, services: Services, shop: Shop) -> dict[str, Any]:
    with services.sessions() as session:
        overview = shop_overview(session, shop.shop_id).model_dump()
    view = client.get(f"/api/v1/customers/{shop.aino}", headers=auth(shop.key)).json()
    checks = [
        client.get(f"/api/v1/orders/{order}/history", headers=auth(shop.key)).json()
        for order in shop.orders.values()
    ]
    return {
        "overview": overview,
        "profile": view["profile"],
        "records": sorted(view["customer_records"]),
        "links": sorted((link["kind"], link["score"]) for link in view["links"]),
        "history": [(c["history"], c["red_flags"], c["ghost_score"]) for c in checks],
        "ghost_codes": [[s["code"] for s in c["ghost_signals"]] for c in checks],
    }


def _erase(client: TestClient, shop: Shop, customer_id: str) -> dict[str, Any]:
    answer = client.post(f"/api/v1/customers/{customer_id}/erase", headers=auth(shop.admin))
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def test_erasure_leaves_no_personal_value_in_any_table(
    client: TestClient, services: Services
) -> None:
    shop = make_footprint(client, services)
    assert all(_where(services, AINO_VALUES).values())  # given: everywhere before

    report = _erase(client, shop, shop.aino)

    assert len(report["customer_records"]) == 3  # REST e-mail, other e-mail, Shopify
    assert _where(services, AINO_VALUES) == {v: [] for v in AINO_VALUES}
    assert all(_where(services, EERO_VALUES).values())  # the other customer is untouched


def test_figures_flags_and_evidence_stay_as_they_were(
    client: TestClient, services: Services
) -> None:
    shop = make_footprint(client, services)
    before = _figures(client, services, shop)

    _erase(client, shop, shop.aino)

    assert _figures(client, services, shop) == before
    with services.sessions() as session:
        entries = session.execute(select(ListEntry.kind, ListEntry.value, ListEntry.reason)).all()
        order = session.scalar(select(Order).where(Order.external_id == "1001"))
        assert order is not None
        assert (order.number, order.total, order.ship_country, order.ship_postcode) == (
            "#1001", 5970, "FI", "00",
        )  # fmt: skip
    [(kind, value, reason)] = entries  # the allow entry is gone, the block stays
    assert (kind.value, value[:7], reason) == ("block", "erased:", "refused #1001 at the door")


def test_one_audit_event_with_counts_only(client: TestClient, services: Services) -> None:
    shop = make_footprint(client, services)

    report = _erase(client, shop, shop.aino)

    with services.sessions() as session:
        [event] = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "customer.erased")
        ).all()
    assert event.data == {"records": 3, "counts": report["counts"]}
    assert event.customer_id == uuid.UUID(shop.aino)
    counts = report["counts"]
    assert {t: counts[t] for t in ("customers", "orders", "source_events", "tickets")} == {
        "customers": 3, "orders": 3, "source_events": 2, "tickets": 1,
    }  # fmt: skip
    assert {t: counts[t] for t in ("ticket_messages", "refunds", "list_entries")} == {
        "ticket_messages": 2, "refunds": 2, "list_entries": 2,
    }  # fmt: skip


def test_shopify_payloads_keep_their_topic_and_ids(client: TestClient, services: Services) -> None:
    shop = make_footprint(client, services)

    _erase(client, shop, shop.aino)

    with services.sessions() as session:
        events = session.execute(
            select(SourceEvent.topic, SourceEvent.payload).order_by(SourceEvent.received_at)
        ).all()
    order_id = 5731284920394
    assert [(topic, payload) for topic, payload in events] == [
        ("orders/create", {"erased": True, "id": order_id}),
        ("refunds/create", {"erased": True, "id": 890088186047892319, "order_id": order_id}),
    ]


def test_a_failure_half_way_erases_nothing(
    client: TestClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = make_footprint(client, services)
    cells = sorted(_every_value(services))

    def broken(*_: Any) -> dict[str, int]:
        raise RuntimeError("the outbox step failed")

    monkeypatch.setattr(erasure_linked, "erase_outbox", broken)
    answer = client.post(f"/api/v1/customers/{shop.aino}/erase", headers=auth(shop.admin))

    assert answer.status_code == 500
    assert sorted(_every_value(services)) == cells


def test_erasing_twice_changes_nothing_more(client: TestClient, services: Services) -> None:
    shop = make_footprint(client, services)
    _erase(client, shop, shop.aino)
    cells = sorted(c for c in _every_value(services) if not c[0].startswith("audit_events"))

    again = _erase(client, shop, shop.aino)

    assert set(again["counts"].values()) == {0}
    assert sorted(c for c in _every_value(services) if not c[0].startswith("audit_events")) == (
        cells
    )


def test_new_orders_are_not_linked_to_the_erased_person(
    client: TestClient, services: Services
) -> None:
    shop = make_footprint(client, services)
    _erase(client, shop, shop.aino)

    answer = client.post("/api/v1/orders", json=order_payload("3001"), headers=auth(shop.key))

    order = client.get(f"/api/v1/orders/{answer.json()['id']}", headers=auth(shop.key)).json()
    assert order["customer_id"] != shop.aino
    view = client.get(f"/api/v1/customers/{order['customer_id']}", headers=auth(shop.key)).json()
    assert (view["customer_records"], view["links"]) == ([order["customer_id"]], [])
    check = client.get(f"/api/v1/orders/{order['id']}/history", headers=auth(shop.key)).json()
    assert (check["history"]["orders"], check["red_flags"]) == (0, [])


def test_merges_and_splits_recorded_on_another_record_lose_the_details(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    admin = make_key(services, shop_id, [Scope.ADMIN])
    ids = []
    for external_id, email in (("1001", "aino@example.fi"), ("1002", "namesake@example.com")):
        body = order_payload(external_id, customer={"name": "Aino Virtanen", "email": email,
                                                    "phone": "040 123 4567"})  # fmt: skip
        created = client.post("/api/v1/orders", json=body, headers=auth(key)).json()
        ids.append(client.get(f"/api/v1/orders/{created['id']}", headers=auth(key)).json())
    first, namesake = (order["customer_id"] for order in ids)
    note = {"note": "the namesake shares aino@example.fi's landline"}
    client.post(f"/api/v1/customers/{namesake}/unlink", json=note, headers=auth(key))

    client.post(f"/api/v1/customers/{first}/erase", headers=auth(admin))

    with services.sessions() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.data).where(AuditEvent.action.like("person.%"))
        ).all()
        reasons = session.scalars(select(IdentityLink.reasons).order_by(IdentityLink.kind)).all()
    [(_, merged), (_, split)] = sorted(events, key=lambda e: e[0])
    assert merged["reasons"] == ["same phone", "same address", "same name", "different e-mail"]
    assert split["note"] == "[erased]"
    assert reasons == [
        ["same phone", "same address", "same name", "different e-mail"],
        [SEPARATED_REASON],
    ]
    assert _where(services, ("aino@example.fi",)) == {"aino@example.fi": []}


def test_erasure_needs_the_admin_scope_and_a_known_customer(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    admin = make_key(services, shop_id, [Scope.ADMIN])
    created = client.post("/api/v1/orders", json=order_payload(), headers=auth(key)).json()
    order = client.get(f"/api/v1/orders/{created['id']}", headers=auth(key)).json()

    writer = client.post(f"/api/v1/customers/{order['customer_id']}/erase", headers=auth(key))
    unknown = client.post(f"/api/v1/customers/{uuid.UUID(int=1)}/erase", headers=auth(admin))

    assert (writer.status_code, unknown.status_code) == (403, 404)
    assert unknown.headers["content-type"].startswith("application/problem+json")


def test_the_command_asks_erases_and_exits_2_for_an_unknown_customer(
    client: TestClient,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, key = make_shop(services)
    answer = client.post("/api/v1/orders", json=order_payload(), headers=auth(key))
    customer_id = client.get(f"/api/v1/orders/{answer.json()['id']}", headers=auth(key)).json()[
        "customer_id"
    ]
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))

    declined = run(["customers", "erase", customer_id])
    still_there = _where(services, ("Aino Virtanen",))["Aino Virtanen"]
    done = run(["customers", "erase", customer_id, "--yes"])
    unknown = run(["customers", "erase", str(uuid.UUID(int=1)), "--yes"])

    assert (declined, done, unknown) == (1, 0, 2)
    assert still_there
    assert _where(services, ("Aino Virtanen",)) == {"Aino Virtanen": []}
    out = capsys.readouterr()
    assert "1 record(s) erased" in out.out
    assert "no customer" in out.err


def test_a_later_update_of_an_erased_order_brings_no_personal_data_back(
    client: TestClient, services: Services
) -> None:
    shop = make_footprint(client, services)
    _erase(client, shop, shop.aino)
    again = order_payload("1001", updated_at="2026-03-09T12:00:00+00:00", status="delivered",
                          note="Ring twice, ask for Aino")  # fmt: skip
    answer = client.post("/api/v1/orders", json=again, headers=auth(shop.key))
    assert answer.status_code == 200, answer.text
    assert answer.json()["action"] == "updated"
    order = client.get(f"/api/v1/orders/{shop.orders['1001']}", headers=auth(shop.key)).json()
    assert order["status"] == "delivered"  # the update itself is taken
    assert _where(services, AINO_VALUES) == {value: [] for value in AINO_VALUES}


def test_a_helpdesk_note_not_pushed_yet_is_stopped_and_no_note_keeps_the_person(
    client: TestClient, services: Services
) -> None:
    shop = make_footprint(client, services)

    report = _erase(client, shop, shop.aino)

    with services.sessions() as session:
        rows = session.execute(
            select(HelpdeskWriteback.external_ticket_id, HelpdeskWriteback.status,
                   HelpdeskWriteback.note, HelpdeskWriteback.last_error)
            .order_by(HelpdeskWriteback.external_ticket_id)
        ).all()  # fmt: skip
    assert [(r[0], r[1].value, r[2]) for r in rows] == [
        ("G-0", "failed", "[erased]"), ("G-1", "pushed", "[erased]"),
    ]  # fmt: skip
    assert rows[0][3] == WRITEBACK_STOPPED
    assert report["counts"]["helpdesk_writebacks"] == 2
