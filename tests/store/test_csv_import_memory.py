"""CSV backfill streams: memory holds about one batch, whatever the size of the file."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from goodbuyer.store.import_writers import OrderWriter
from goodbuyer.store.service import import_file
from goodbuyer.web.deps import Services
from tests.factories import make_shop

HEADER = (
    "order_id,placed_at,currency,payment_method,email,phone,ship_line1,ship_city,ship_country,"
    "sku,product,quantity,unit_price\n"
)


def _orders_file(path: Path, orders: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(orders):
            c = i % 5000
            out.write(
                f"{i},2026-03-01T12:{i % 60:02d}:00+02:00,EUR,cod,c{c}@example.fi,+358 40 {c:07d},"
                f"Katu {c % 90},Espoo,FI,TEE-M,T-shirt,1,19.90\n{i},,,,,,,,,CAP,Cap,2,12.50\n"
            )
    return path


def _peak_of_import(services: Services, slug: str, path: Path) -> int:
    shop_id, _ = make_shop(services, slug)
    tracemalloc.start()
    try:
        report = import_file(services, shop_id, "orders", path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.created == report.rows // 2
    return peak


@pytest.mark.slow
def test_memory_stays_flat_while_a_large_file_streams(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both files are longer than the batches in flight at once (reading, queued, writing).
    monkeypatch.setattr(OrderWriter, "batch_size", 1_000)
    small = _orders_file(tmp_path / "small.csv", 5_000)
    large = _orders_file(tmp_path / "large.csv", 20_000)

    small_peak = _peak_of_import(services, "small", small)
    large_peak = _peak_of_import(services, "large", large)

    mib = f"{small_peak / 2**20:.1f} MiB for 5,000 orders, {large_peak / 2**20:.1f} for 20,000"
    assert large_peak < 1.25 * small_peak, mib
    assert large_peak < 32 * 2**20, mib
