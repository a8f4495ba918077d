"""Server-drawn SVG charts (pure): no script, no network, readable by screen readers."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from goodbuyer.metrics.schemas import MonthFigures

_W, _H = 760, 280
_LEFT, _RIGHT, _TOP, _BOTTOM = 48, 48, 16, 36


@dataclass(frozen=True)
class Series:
    label: str
    css_class: str
    values: list[float]  # fractions 0..1, drawn against the right axis


def monthly_chart(months: list[MonthFigures], title: str) -> str:
    """Orders per month as bars (left axis), refusal and return rates as lines (right)."""
    if not months:
        return '<p class="empty">No orders yet.</p>'
    rates = [
        Series(
            "Refused or returned, % of finished COD",
            "line-refusal",
            [m.refusal_rate for m in months],
        ),
        Series("Returned, % of delivered", "line-return", [m.return_rate for m in months]),
    ]
    top_rate = max(0.05, *(v for s in rates for v in s.values))
    top_orders = max(m.orders for m in months) or 1
    parts = [
        _frame(title),
        _bars(months, top_orders),
        *(_line(s, top_rate) for s in rates),
        _axes(months, top_orders, top_rate),
        _legend(rates),
        "</svg>",
    ]
    return "".join(parts)


def _x(i: int, n: int) -> float:
    return _LEFT + (i + 0.5) * (_W - _LEFT - _RIGHT) / n


def _y(fraction: float) -> float:
    return _H - _BOTTOM - fraction * (_H - _TOP - _BOTTOM)


def _frame(title: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {_W} {_H}" role="img" '
        f'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-title">{escape(title)}</title>'
    )


def _bars(months: list[MonthFigures], top: int) -> str:
    n = len(months)
    width = max(2.0, (_W - _LEFT - _RIGHT) / n * 0.7)
    bars = []
    for i, m in enumerate(months):
        y = _y(m.orders / top)
        bars.append(
            f'<rect class="bar" x="{_x(i, n) - width / 2:.1f}" y="{y:.1f}" '
            f'width="{width:.1f}" height="{_H - _BOTTOM - y:.1f}">'
            f"<title>{m.month}: {m.orders} orders</title></rect>"
        )
    return "".join(bars)


def _line(series: Series, top: float) -> str:
    n = len(series.values)
    points = " ".join(f"{_x(i, n):.1f},{_y(v / top):.1f}" for i, v in enumerate(series.values))
    return f'<polyline class="{series.css_class}" fill="none" points="{points}"/>'


def _axes(months: list[MonthFigures], top_orders: int, top_rate: float) -> str:
    n = len(months)
    step = max(1, n // 8)
    labels = [
        f'<text class="tick" x="{_x(i, n):.1f}" y="{_H - 14}" text-anchor="middle">{m.month}</text>'
        for i, m in enumerate(months)
        if i % step == 0
    ]
    left = (
        f'<text class="tick" x="{_LEFT - 6}" y="{_TOP + 10}" text-anchor="end">'
        f"{top_orders}</text>"
        f'<text class="tick" x="{_LEFT - 6}" y="{_H - _BOTTOM}" text-anchor="end">0</text>'
    )
    right = (
        f'<text class="tick" x="{_W - _RIGHT + 6}" y="{_TOP + 10}">{top_rate:.0%}</text>'
        f'<text class="tick" x="{_W - _RIGHT + 6}" y="{_H - _BOTTOM}">0%</text>'
    )
    base = (
        f'<line class="axis" x1="{_LEFT}" y1="{_H - _BOTTOM}" x2="{_W - _RIGHT}" '
        f'y2="{_H - _BOTTOM}"/>'
    )
    return base + "".join(labels) + left + right


def _legend(rates: list[Series]) -> str:
    items = [
        '<rect class="bar" x="56" y="4" width="12" height="10"/>'
        '<text class="legend" x="72" y="13">Orders</text>'
    ]
    for i, series in enumerate(rates):
        x = 150 + i * 310
        items.append(
            f'<line class="{series.css_class}" x1="{x}" y1="9" x2="{x + 16}" y2="9"/>'
            f'<text class="legend" x="{x + 22}" y="13">{escape(series.label)}</text>'
        )
    return "".join(items)


__all__ = ["monthly_chart"]
