"""CSV backfill: wrong records are rejected with their rows and reasons, whole, and the rest
is stored; the `goodbuyer import` command's exit status and rejects file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from sqlalchemy import func, select
from typer.testing import CliRunner

from goodbuyer.deliveries.models import Shipment
from goodbuyer.settings import Settings
from goodbuyer.store.commands import register
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.store.service import import_file
from goodbuyer.support.models import TicketMessage
from goodbuyer.web.deps import Services
from tests.factories import make_shop

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"
HEADER = (
    "order_id,placed_at,updated_at,currency,payment_method,email,sku,product,quantity,unit_price"
)


def _orders_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "orders.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _stored(services: Services) -> tuple[list[str], int]:
    with services.sessions() as session:
        ids = list(session.scalars(select(Order.external_id).order_by(Order.external_id)))
        lines = session.scalar(select(func.count()).select_from(OrderLine)) or 0
    return ids, lines


def test_bad_records_are_rejected_with_rows_and_reasons_and_good_ones_stored(
    services: Services, tmp_path: Path
) -> None:
    shop_id, _ = make_shop(services)
    path = _orders_file(
        tmp_path,
        "1,2026-03-01T12:00:00Z,,EUR,cod,a@example.fi,TEE,T-shirt,1,19.90",
        '2,2026-03-01T12:00:00Z,,EUR,cod,b@example.fi,TEE,T-shirt,1,"12,5O"',
        "3,2026-03-01T12:00:00,,EUR,cod,c@example.fi,TEE,T-shirt,1,19.90",
        "4,2026-03-01T12:00:00Z,,EUR,cod,d@example.fi,TEE,T-shirt,1,19.901",
        "5,2026-03-01T12:00:00Z,,EUR,cash,e@example.fi,TEE,T-shirt,0,19.90",
        "6,2026-03-01T12:00:00Z,yesterday,EURO,cod,f@example.fi,,T-shirt,1,19.90",
        "7,2026-03-01T12:00:00Z,,KWD,card,g@example.fi,TEE,T-shirt,1,12.345",
    )

    report = import_file(services, shop_id, "orders", path)

    assert [str(r) for r in report.rejects] == [
        "row 3: unit_price: '12,5O' is not a number",
        "row 4: placed_at: '2026-03-01T12:00:00' has no UTC offset (add Z or +hh:mm)",
        "row 5: unit_price: '19.901' has more decimals than EUR allows (2)",
        "row 6: payment_method: 'cash' is not one of 'cod', 'card', 'wallet', "
        "'bank_transfer' or 'other'; quantity: must be at least 1, not 0",
        "row 7: updated_at: 'yesterday' is not an ISO 8601 timestamp; "
        "currency: 'EURO' is not an ISO 4217 currency code; sku: is required",
    ]
    assert (report.rows, report.created, report.rejected) == (7, 2, 5)
    assert _stored(services) == (["1", "7"], 2)


def test_a_bad_line_rejects_its_whole_order(services: Services, tmp_path: Path) -> None:
    shop_id, _ = make_shop(services)
    path = _orders_file(
        tmp_path,
        "1,2026-03-01T12:00:00Z,,EUR,cod,a@example.fi,TEE,T-shirt,1,19.90",
        "1,,,,,,CAP,Cap,1,12.50",
        "1,,,,,,SOCK,Socks,x,4.90",
        "2,2026-03-01T12:00:00Z,,EUR,cod,b@example.fi,TEE,T-shirt,2,19.90",
    )

    report = import_file(services, shop_id, "orders", path)

    assert [str(r) for r in report.rejects] == [
        "rows 2-4: row 4: quantity: 'x' is not a whole number"
    ]
    assert _stored(services) == (["2"], 1)


_WHOLE = [
    (
        "shipments",
        "shipment_id,order_id,carrier,event_status,event_at\n"
        "S-1,1001,Posti,in_transit,2026-03-02T10:00:00Z\n"
        "S-1,1001,,delivered,2026-03-03 14:12\n",
        "rows 2-3: row 3: event_at: '2026-03-03 14:12' has no UTC offset (add Z or +hh:mm)",
        Shipment,
    ),
    (
        "tickets",
        "ticket_id,message_id,channel,body,sent_at\n"
        "T-1,T-1-1,email,Hello,2026-03-02T09:00:00Z\n"
        "T-1,T-1-2,pigeon,Hello again,2026-03-02T10:00:00Z\n",
        "rows 2-3: row 3: channel: 'pigeon' is not one of 'email', 'chat', 'sms', 'whatsapp', "
        "'social', 'phone', 'helpdesk' or 'web'",
        TicketMessage,
    ),
]


@pytest.mark.parametrize(("kind", "text", "reason", "model"), _WHOLE, ids=["shipment", "ticket"])
def test_a_bad_row_rejects_its_whole_record(
    services: Services, tmp_path: Path, kind: str, text: str, reason: str, model: Any
) -> None:
    shop_id, _ = make_shop(services)
    import_file(services, shop_id, "orders", FIXTURES / "orders.csv")
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")

    report = import_file(services, shop_id, kind, path)

    assert [str(r) for r in report.rejects] == [reason]
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(model)) == 0


def test_an_order_whose_rows_are_apart_is_rejected_whole(
    services: Services, tmp_path: Path
) -> None:
    shop_id, _ = make_shop(services)
    path = _orders_file(
        tmp_path,
        "1,2026-03-01T12:00:00Z,,EUR,cod,a@example.fi,TEE,T-shirt,1,19.90",
        "2,2026-03-01T12:00:00Z,,EUR,cod,b@example.fi,TEE,T-shirt,2,19.90",
        "1,2026-03-01T12:00:00Z,,EUR,cod,a@example.fi,CAP,Cap,1,12.50",
    )

    report = import_file(services, shop_id, "orders", path)

    reason = "order '1' starts on rows 2, 4: an order's rows must be consecutive"
    assert [str(r) for r in report.rejects] == [f"row 2: {reason}", f"row 4: {reason}"]
    assert _stored(services) == (["2"], 1)


def test_records_naming_unknown_orders_are_rejected_alone(
    services: Services, tmp_path: Path
) -> None:
    shop_id, _ = make_shop(services)
    import_file(services, shop_id, "orders", FIXTURES / "orders.csv")
    path = tmp_path / "refunds.csv"
    path.write_text(
        "refund_id,order_id,amount,currency,refunded_at\n"
        "RF-1,1001,5.00,EUR,2026-03-07T12:00:00Z\n"
        "RF-2,9999,5.00,EUR,2026-03-07T12:00:00Z\n"
        "RF-3,1001,5.00,USD,2026-03-07T12:00:00Z\n"
        "RF-4,1003,5.00,EUR,2026-03-07T12:00:00Z\n",
        encoding="utf-8",
    )

    report = import_file(services, shop_id, "refunds", path)

    assert [str(r) for r in report.rejects] == [
        "row 3: no order with external id '9999' from source 'csv'",
        "row 4: currency: must be the order's currency EUR",
    ]
    assert (report.created, report.rejected) == (2, 2)


def test_a_return_naming_a_product_the_order_lacks_is_rejected(
    services: Services, tmp_path: Path
) -> None:
    shop_id, _ = make_shop(services)
    import_file(services, shop_id, "orders", FIXTURES / "orders.csv")
    path = tmp_path / "returns.csv"
    path.write_text(
        "return_id,order_id,reason,requested_at,sku,quantity,unit_price\n"
        "R-1,1001,size,2026-03-05T10:00:00Z,TEE-M-BLK,1,\n"
        "R-1,1001,,,HAT,1,9.999\n"
        "R-2,1001,size,2026-03-05T10:00:00Z,HAT,1,\n",
        encoding="utf-8",
    )

    report = import_file(services, shop_id, "returns", path)

    assert [str(r) for r in report.rejects] == [
        "rows 2-3: row 3: unit_price: '9.999' has more decimals than EUR allows (2)",
        "row 4: sku: order #1001 has no line with SKU 'HAT'",
    ]


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    return app


def test_the_command_exits_0_1_or_2_and_writes_the_rejects(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    make_shop(services)
    env = {"GOODBUYER_DATABASE_URL": settings.database_url}
    bad = _orders_file(
        tmp_path,
        "1,2026-03-01T12:00:00Z,,EUR,cod,a@example.fi,TEE,T-shirt,1,19.90",
        "2,2026-03-01T12:00:00,,EUR,cod,b@example.fi,TEE,T-shirt,1,19.90",
    )
    unknown = tmp_path / "unknown.csv"
    unknown.write_text(HEADER + ",colour_code\n", encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(_cli(), ["import", *args, "--shop", "kauppa"], env=env)
        return result.exit_code, result.output

    fine = run("orders", str(FIXTURES / "orders.csv"))
    some = run("orders", str(bad), "--rejects", str(rejects))
    broken = run("orders", str(unknown))

    assert fine[0] == 0
    assert "4 rows read; 3 records accepted (3 created, 0 updated, 0 unchanged" in fine[1]
    assert some[0] == 1
    assert "rejected row 3: placed_at: '2026-03-01T12:00:00' has no UTC offset" in some[1]
    assert rejects.read_text(encoding="utf-8").splitlines() == [
        "row,reason",
        "3,placed_at: '2026-03-01T12:00:00' has no UTC offset (add Z or +hh:mm)",
    ]
    assert broken[0] == 2
    assert "unknown column 'colour_code'" in broken[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEADER.replace("placed_at,", "").encode() + b"\n", "missing required column 'placed_at'"),
        (
            HEADER.encode() + b"\n1,2026-03-01T12:00:00Z,,EUR,cod,\xe4@example.fi,T,T,1,1\n",
            "row 2 is not UTF-8 (column 'email')",
        ),
    ],
    ids=["missing-column", "not-utf-8"],
)
def test_a_file_that_cannot_be_read_exits_2_and_names_why(
    services: Services, settings: Settings, tmp_path: Path, content: bytes, message: str
) -> None:
    make_shop(services)
    path = tmp_path / "orders.csv"
    path.write_bytes(content)
    env = {"GOODBUYER_DATABASE_URL": settings.database_url}

    result = CliRunner().invoke(
        _cli(), ["import", "orders", str(path), "--shop", "kauppa"], env=env
    )

    assert result.exit_code == 2
    assert message in result.output
    assert _stored(services) == ([], 0)


def test_the_installed_command_imports_a_file(services: Services, tmp_path: Path) -> None:
    make_shop(services)
    env = {**os.environ, "GOODBUYER_DATABASE_URL": str(services.settings.database_url)}
    command = [str(Path(sys.executable).parent / "goodbuyer"), "import", "orders"]

    done = subprocess.run(
        [*command, str(FIXTURES / "orders.csv"), "--shop", "kauppa"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    missing = subprocess.run(
        [*command, str(FIXTURES / "orders.csv"), "--shop", "nobody"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )

    assert (done.returncode, missing.returncode) == (0, 2), done.stderr
    assert "3 records accepted (3 created" in done.stderr
    assert "no shop with slug 'nobody'" in missing.stderr
