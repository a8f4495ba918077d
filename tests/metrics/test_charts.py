"""The SVG chart (pure)."""

from __future__ import annotations

from goodbuyer.metrics.charts import monthly_chart
from goodbuyer.metrics.schemas import MonthFigures


def _month(month: str, orders: int, refused: int = 0) -> MonthFigures:
    return MonthFigures(
        month=month,
        orders=orders,
        cod_orders=orders,
        cod_finished=orders,
        refused=refused,
        delivered=orders - refused,
        returned=0,
    )


def test_one_bar_per_month_with_its_count_as_text() -> None:
    svg = monthly_chart([_month("2026-01", 10), _month("2026-02", 20, refused=5)], "Shop <A&B>")

    assert svg.count('<rect class="bar"') == 3  # two months and the legend swatch
    assert "<title>2026-02: 20 orders</title>" in svg
    assert '<title id="chart-title">Shop &lt;A&amp;B&gt;</title>' in svg
    assert 'role="img"' in svg


def test_no_months_says_so() -> None:
    assert monthly_chart([], "x") == '<p class="empty">No orders yet.</p>'
